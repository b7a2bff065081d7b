// ValidateTmx: the bundled TMX 1.4b DTD plus the checks a DTD cannot do; every problem with its place.
#include "nazir/tmx/validate.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"

namespace nazir::tmx {
namespace {

using testing::kTmxData;
using testing::ScratchDir;
using testing::TmxDoc;
using testing::WriteFile;

std::vector<std::string> Problems(const TmxValidationReport& r) {
  std::vector<std::string> out;
  for (const TmxProblem& p : r.problems) out.push_back(p.ToString());
  return out;
}

TEST(TmxValidate, AcceptsValidFilesOfOtherTools) {
  for (const char* f : {"omegat_level2.tmx", "trados_utf16.tmx", "okapi_rainbow.tmx"}) {
    auto r = ValidateTmx(kTmxData + f);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(r->valid()) << f << ": " << ::testing::PrintToString(Problems(*r));
    EXPECT_GT(r->tus, 0u) << f;
  }
}

TEST(TmxValidate, ListsEveryProblemWithLineColumnAndTuid) {
  const std::string f = kTmxData + "invalid_semantics.tmx";
  auto r = ValidateTmx(f);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->valid());
  EXPECT_EQ(r->tus, 4u);
  const std::vector<std::string> expected = {
      f + ":2:61: DTD: attribute 'version' has value '1.4b' that does not match its #FIXED value '1.4'",
      f + ":3:110: DTD: missing required attribute 'creationtoolversion'",
      f + ":9:45: tu 'a1': duplicate tuid (first used at line 5)",
      f + ":9:45: tu 'a1': date '2019-03-14' is not a TMX date (YYYYMMDDThhmmssZ, UTC)",
      f + ":13:19: tu 'a3': no <tuv> in the source language 'ar' (it has: fr, en)",
      f + ":17:19: tu 'a4': tuv language 'ar_SA' is not a well-formed language tag (write 'ar-SA': with '_' "
          "CAT tools find no match)",
  };
  EXPECT_EQ(Problems(*r), expected);
  EXPECT_EQ(r->problems_total, expected.size());
}

TEST(TmxValidate, Tmx11FilesAreNotTmx14) {
  // OmegaT's project_save.tmx says version="1.1" and uses lang: readable, but not TMX 1.4b.
  auto r = ValidateTmx(kTmxData + "omegat_project_save.tmx");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->valid());
  const std::vector<std::string> p = Problems(*r);
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p[0].find("'1.1' that does not match its #FIXED value '1.4'"), std::string::npos) << p[0];
  EXPECT_NE(p[1].find("missing required attribute 'xml:lang'"), std::string::npos) << p[1];
}

TEST(TmxValidate, StopsAtMalformedXmlAndSaysWhere) {
  auto r = ValidateTmx(kTmxData + "hostile/malformed.tmx");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->problems.size(), 1u);
  EXPECT_TRUE(r->problems[0].fatal);
  EXPECT_EQ(r->problems[0].line, 6u);
  EXPECT_EQ(r->problems[0].column, 48u);
  EXPECT_NE(r->problems[0].message.find("expected end of tag 'seg'"), std::string::npos);
}

TEST(TmxValidate, AppliesTheBundledDtdWhateverTheDoctypeNames) {
  // DOCTYPE SYSTEM "file:///etc/passwd": answered with nazir's DTD, the file is never opened.
  auto r = ValidateTmx(kTmxData + "hostile/doctype_system_file.tmx");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->valid()) << ::testing::PrintToString(Problems(*r));
}

TEST(TmxValidate, AppliesTheBundledDtdBesideAnInternalSubset) {
  // An internal subset alone would leave nothing to validate against; the bundled DTD is added.
  ScratchDir dir;
  WriteFile(dir / "subset.tmx",
            TmxDoc("<tu><tuv xml:lang=\"ar\"><seg>&x;</seg><bogus/></tuv></tu>",
                   "<!DOCTYPE tmx [\n<!ENTITY x \"مرحبا\">\n]>\n"));
  auto r = ValidateTmx(dir / "subset.tmx");
  ASSERT_TRUE(r.ok());
  const std::vector<std::string> p = Problems(*r);
  ASSERT_EQ(p.size(), 2u) << ::testing::PrintToString(p);
  EXPECT_NE(p[0].find("DTD: no declaration found for element 'bogus'"), std::string::npos) << p[0];
}

TEST(TmxValidate, RefusesHostileFilesAsFatalProblems) {
  for (const char* f : {"xxe_file.tmx", "xxe_parameter.tmx", "billion_laughs.tmx", "invalid_utf8.tmx"}) {
    auto r = ValidateTmx(kTmxData + "hostile/" + f);
    ASSERT_TRUE(r.ok()) << f;
    ASSERT_FALSE(r->problems.empty()) << f;
    EXPECT_TRUE(r->problems.back().fatal) << f;
    EXPECT_GT(r->problems.back().line, 1u) << f << ": " << r->problems.back().ToString();
  }
}

TEST(TmxValidate, ValidatesTmxWithoutDoctype) {
  ScratchDir dir;
  WriteFile(dir / "plain.tmx", TmxDoc("<tu><tuv xml:lang=\"ar\"><seg>مرحبا</seg></tuv></tu>"));
  auto r = ValidateTmx(dir / "plain.tmx");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->valid()) << ::testing::PrintToString(Problems(*r));
}

TEST(TmxValidate, FindsTwoTuvsInOneLanguage) {
  ScratchDir dir;
  WriteFile(dir / "twice.tmx",
            TmxDoc("<tu tuid=\"t1\"><tuv xml:lang=\"ar\"><seg>مرحبا</seg></tuv>"
                   "<tuv xml:lang=\"en\"><seg>Hello</seg></tuv><tuv xml:lang=\"AR\"><seg>أهلا</seg></tuv></tu>"));
  auto r = ValidateTmx(dir / "twice.tmx");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->problems.size(), 1u) << ::testing::PrintToString(Problems(*r));
  EXPECT_EQ(r->problems[0].tuid, "t1");
  EXPECT_NE(r->problems[0].message.find("two <tuv> in the language 'AR'"), std::string::npos);
}

TEST(TmxValidate, CapsTheListButCountsEverything) {
  std::string body;
  for (int i = 0; i < 30; ++i) body += "<tu tuid=\"same\"><tuv xml:lang=\"ar\"><seg>س</seg></tuv></tu>\n";
  ScratchDir dir;
  WriteFile(dir / "dups.tmx", TmxDoc(body));
  ValidateOptions opts;
  opts.max_problems = 5;
  auto r = ValidateTmx(dir / "dups.tmx", opts);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->problems.size(), 5u);
  EXPECT_EQ(r->problems_total, 29u);
}

TEST(TmxValidate, MissingFileAndFolderAreErrorsNotProblems) {
  EXPECT_EQ(ValidateTmx(kTmxData + "nope.tmx").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ValidateTmx(kTmxData).status().code(), StatusCode::kInvalidArgument);
}

TEST(TmxValidate, BundledDtdIsTheFileInTheSourceTree) {
  EXPECT_EQ(std::string(BundledTmx14Dtd()),
            testing::ReadFile(std::string(NAZIR_SOURCE_DIR) + "/tmx/dtd/tmx14.dtd"));
}

}  // namespace
}  // namespace nazir::tmx
