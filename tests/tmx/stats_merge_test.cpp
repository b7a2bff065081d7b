// ComputeTmxStats and MergeTmx: counts a user can check by hand on small files.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/tmx/merge.h"
#include "nazir/tmx/stats.h"
#include "nazir/tmx/validate.h"
#include "test_util.h"

namespace nazir::tmx {
namespace {

using testing::kTmxData;
using testing::ReadAll;
using testing::ScratchDir;
using testing::TmxDoc;
using testing::WriteFile;

// <tu> with an Arabic and an English segment, optional tuid, changedate and note.
std::string Tu(const std::string& ar, const std::string& en, const std::string& tuid = "",
               const std::string& changedate = "", const std::string& note = "") {
  std::string tu = "<tu";
  if (!tuid.empty()) tu += " tuid=\"" + tuid + "\"";
  if (!changedate.empty()) tu += " changedate=\"" + changedate + "\"";
  tu += ">";
  if (!note.empty()) tu += "<note>" + note + "</note>";
  return tu + "<tuv xml:lang=\"ar\"><seg>" + ar + "</seg></tuv><tuv xml:lang=\"en\"><seg>" + en + "</seg></tuv></tu>\n";
}

TEST(TmxStats, CountsTusLanguagesMarkupAndProps) {
  auto st = ComputeTmxStats(kTmxData + "okapi_rainbow.tmx");
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->tus, 4u);
  EXPECT_EQ(st->tuvs, 8u);
  EXPECT_EQ(st->tus_with_markup, 4u);
  EXPECT_EQ(st->duplicate_tus, 0u);
  EXPECT_EQ(st->header.creationtool, "okapi");
  ASSERT_EQ(st->langs.size(), 2u);
  EXPECT_EQ(st->langs.at("ar").tuvs, 4u);
  EXPECT_EQ(st->langs.at("en").tuvs, 4u);
  EXPECT_EQ(st->prop_types.at("Txt::FileName"), 2u);
  EXPECT_EQ(st->prop_types.at("x-reviewer"), 1u);  // on a tuv: counted for its TU
  EXPECT_GT(st->bytes, 0u);
}

TEST(TmxStats, CountsWordsAndCharactersPerLanguage) {
  ScratchDir dir;
  WriteFile(dir / "s.tmx", TmxDoc(Tu("قال الرئيس", "The president said") + Tu("ليبيا", "Libya")));
  auto st = ComputeTmxStats(dir / "s.tmx");
  ASSERT_TRUE(st.ok());
  const TmxLangStats& ar = st->langs.at("ar");
  EXPECT_EQ(ar.words, 3u);
  EXPECT_EQ(ar.chars, 10u + 5u);  // code points, not bytes
  EXPECT_DOUBLE_EQ(ar.avg_words(), 1.5);
  EXPECT_EQ(st->langs.at("en").words, 4u);
}

TEST(TmxStats, DuplicatesIgnoreWhitespaceTuvOrderAndTagCase) {
  ScratchDir dir;
  WriteFile(dir / "d.tmx",
            TmxDoc(Tu("قال  الرئيس", "The president said") + Tu("قال الرئيس ", " The president\nsaid") +
                   "<tu><tuv xml:lang=\"EN\"><seg>The president said</seg></tuv>"
                   "<tuv xml:lang=\"AR\"><seg>قال الرئيس</seg></tuv></tu>" +
                   Tu("قال الرئيس", "The president says")));  // another target: not a duplicate
  auto st = ComputeTmxStats(dir / "d.tmx");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->tus, 4u);
  EXPECT_EQ(st->duplicate_tus, 2u);
  EXPECT_EQ(st->langs.size(), 2u);  // "AR" and "ar" are one language
}

TEST(TmxStats, MalformedFileIsAnError) {
  auto st = ComputeTmxStats(kTmxData + "hostile/truncated.tmx");
  EXPECT_EQ(st.status().code(), StatusCode::kInvalidInput);
}

class TmxMergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = dir_ / "a.tmx";
    b_ = dir_ / "b.tmx";
    out_ = dir_ / "out.tmx";
    WriteFile(a_, TmxDoc(Tu("مرحبا", "Hello", "1", "20190101T000000Z", "old") + Tu("شكرا", "Thanks", "2") +
                         Tu("ليبيا", "Libya", "3")));
    WriteFile(b_, TmxDoc(Tu("مرحبا ", "Hello", "1", "20200101T000000Z", "new") + Tu("شكرا", "Thank you", "5") +
                         Tu("طرابلس", "Tripoli", "6")));
  }
  ScratchDir dir_;
  std::string a_, b_, out_;
};

TEST_F(TmxMergeTest, WithoutDedupeKeepsEveryTu) {
  MergeOptions opts;
  auto r = MergeTmx({a_, b_}, out_, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->input_tus, 6u);
  EXPECT_EQ(r->output_tus, 6u);
  EXPECT_EQ(r->duplicates_removed, 0u);
  EXPECT_EQ(r->tus_per_input, (std::vector<uint64_t>{3, 3}));
  EXPECT_EQ(ReadAll(out_).tus.size(), 6u);
}

TEST_F(TmxMergeTest, DedupeKeepsTheNewestAndNothingElseIsDropped) {
  MergeOptions opts;
  opts.dedupe = true;
  auto r = MergeTmx({a_, b_}, out_, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->input_tus, 6u);
  EXPECT_EQ(r->duplicates_removed, 1u);
  EXPECT_EQ(r->output_tus, 5u);
  EXPECT_EQ(r->input_tus, r->output_tus + r->duplicates_removed);
  auto c = ReadAll(out_);
  ASSERT_TRUE(c.status.ok());
  std::vector<std::string> english;
  for (const TranslationUnit& tu : c.tus) english.push_back(tu.tuvs[1].text);
  // "Hello" once, from b (the newer), where it stood in b; "Thanks"/"Thank you" differ: both kept.
  EXPECT_EQ(english, (std::vector<std::string>{"Thanks", "Libya", "Hello", "Thank you", "Tripoli"}));
  ASSERT_EQ(c.tus[2].notes.size(), 1u);
  EXPECT_EQ(c.tus[2].notes[0].text, "new");
}

TEST_F(TmxMergeTest, OnATieTheLaterInputWins) {
  WriteFile(a_, TmxDoc(Tu("مرحبا", "Hello", "x", "", "first")));
  WriteFile(b_, TmxDoc(Tu("مرحبا", "Hello", "y", "", "second")));
  MergeOptions opts;
  opts.dedupe = true;
  auto r = MergeTmx({a_, b_}, out_, opts);
  ASSERT_TRUE(r.ok());
  auto c = ReadAll(out_);
  ASSERT_EQ(c.tus.size(), 1u);
  EXPECT_EQ(c.tus[0].notes[0].text, "second");
}

TEST_F(TmxMergeTest, KeepsTuidsUniqueAcrossInputs) {
  // a and b both number their TUs from 1: the output must still validate.
  MergeOptions opts;
  auto r = MergeTmx({a_, b_}, out_, opts);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tuids_renamed, 1u);
  auto c = ReadAll(out_);
  EXPECT_EQ(c.tus[3].tuid, "1-2");
  auto v = ValidateTmx(out_);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->valid()) << (v->problems.empty() ? "" : v->problems[0].ToString());
}

TEST_F(TmxMergeTest, OutputMayBeOneOfTheInputs) {
  MergeOptions opts;
  auto r = MergeTmx({a_, b_}, a_, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(ReadAll(a_).tus.size(), 6u);
}

TEST_F(TmxMergeTest, DisagreeingSourceLanguagesGiveAllInTheHeader) {
  std::string b = testing::ReadFile(b_);
  b.replace(b.find("srclang=\"ar\""), std::string("srclang=\"ar\"").size(), "srclang=\"en\"");
  WriteFile(b_, b);
  MergeOptions opts;
  ASSERT_TRUE(MergeTmx({a_, b_}, out_, opts).ok());
  EXPECT_EQ(ReadAll(out_).header.srclang, kSrcLangAll);
}

TEST_F(TmxMergeTest, ABrokenInputFailsAndWritesNothing) {
  MergeOptions opts;
  auto r = MergeTmx({a_, kTmxData + "hostile/truncated.tmx"}, out_, opts);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r.status().message().find("truncated.tmx:6:"), std::string::npos) << r.status().message();
  for (const std::string& f : dir_.Files()) EXPECT_TRUE(f == "a.tmx" || f == "b.tmx") << f;
}

TEST_F(TmxMergeTest, ReadsTheFilesOfOtherTools) {
  MergeOptions opts;
  opts.dedupe = true;
  auto r = MergeTmx({kTmxData + "omegat_project_save.tmx", kTmxData + "trados_utf16.tmx",
                     kTmxData + "okapi_rainbow.tmx"},
                    out_, opts);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->output_tus, 3u + 2u + 4u);
  auto v = ValidateTmx(out_);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->valid()) << (v->problems.empty() ? "" : v->problems[0].ToString());
}

}  // namespace
}  // namespace nazir::tmx
