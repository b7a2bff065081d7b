// Read -> write -> read gives the same translation units: text, inline markup, notes, props, dates,
// languages, tuids. Over the fixtures of other tools and over nazir's own output.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/tu_compare.h"
#include "nazir/tmx/tmx_reader.h"
#include "nazir/tmx/tmx_writer.h"
#include "nazir/tmx/validate.h"
#include "test_util.h"

namespace nazir::tmx {
namespace {

using testing::kTmxData;
using testing::ReadAll;
using testing::ReadFile;
using testing::ScratchDir;
using testing::TmxContents;

// Writes what `in` holds to `path` as nazir re-exports a TM: header kept (as TMX 1.4), segments exactly
// as read (no cleaning).
void Rewrite(const TmxContents& in, const std::string& path) {
  TmxWriterOptions o;
  o.header = in.header;
  o.header.version = "1.4";
  o.clean_segments = false;
  auto w = TmxWriter::Open(path, o);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  for (const TranslationUnit& tu : in.tus) ASSERT_TRUE((*w)->Write(tu).ok());
  ASSERT_TRUE((*w)->Close().ok());
}

using ::nazir::testing::ExpectSameNotes;
using ::nazir::testing::ExpectSameAttributes;
using ::nazir::testing::ExpectSameProps;
using ::nazir::testing::ExpectSameTuvs;

// `after` holds what `before` held. What the writer fills in is allowed: a generated tuid where there
// was none, the header's creationdate where the TU had none.
void ExpectSameTus(const TmxContents& before, const TmxContents& after) {
  ASSERT_EQ(before.tus.size(), after.tus.size());
  for (size_t i = 0; i < before.tus.size(); ++i) {
    const TranslationUnit& a = before.tus[i];
    const TranslationUnit& b = after.tus[i];
    const std::string where = "TU #" + std::to_string(i) + " '" + a.tuid + "'";
    if (a.tuid.empty()) {
      EXPECT_EQ(b.tuid.rfind("nz-", 0), 0u) << where;
    } else {
      EXPECT_EQ(a.tuid, b.tuid) << where;
    }
    if (!a.creationdate.empty()) {
      EXPECT_EQ(a.creationdate, b.creationdate) << where;
    }
    EXPECT_EQ(a.changedate, b.changedate) << where;
    EXPECT_EQ(a.srclang, b.srclang) << where;
    ExpectSameProps(a.props, b.props, where);
    ExpectSameNotes(a.notes, b.notes, where);
    ExpectSameAttributes(a.attributes, b.attributes, where);
    ExpectSameTuvs(a.tuvs, b.tuvs, where);
  }
}

class TmxRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(TmxRoundTrip, ReadWriteReadKeepsEverything) {
  ScratchDir dir;
  TmxContents before = ReadAll(kTmxData + GetParam());
  ASSERT_TRUE(before.status.ok()) << before.status.ToString();
  ASSERT_FALSE(before.tus.empty());
  Rewrite(before, dir / "again.tmx");
  TmxContents after = ReadAll(dir / "again.tmx");
  ASSERT_TRUE(after.status.ok()) << after.status.ToString();
  ExpectSameTus(before, after);
  ExpectSameProps(before.header.props, after.header.props, "header");
  ExpectSameNotes(before.header.notes, after.header.notes, "header");
  EXPECT_EQ(before.header.creationtool, after.header.creationtool);
  EXPECT_EQ(before.header.srclang, after.header.srclang);
  // What nazir re-exports is valid TMX 1.4b, whatever the input was (OmegaT's 1.1 included).
  auto report = ValidateTmx(dir / "again.tmx");
  ASSERT_TRUE(report.ok());
  for (const TmxProblem& p : report->problems) ADD_FAILURE() << p.ToString();
}

TEST_P(TmxRoundTrip, SecondExportIsByteIdentical) {
  ScratchDir dir;
  TmxContents first = ReadAll(kTmxData + GetParam());
  ASSERT_TRUE(first.status.ok());
  Rewrite(first, dir / "one.tmx");
  TmxContents second = ReadAll(dir / "one.tmx");
  ASSERT_TRUE(second.status.ok());
  Rewrite(second, dir / "two.tmx");
  EXPECT_EQ(ReadFile(dir / "one.tmx"), ReadFile(dir / "two.tmx"));
}

INSTANTIATE_TEST_SUITE_P(OtherTools, TmxRoundTrip,
                         ::testing::Values("omegat_project_save.tmx", "omegat_level2.tmx", "trados_utf16.tmx",
                                           "okapi_rainbow.tmx"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           return name.substr(0, name.find('.'));
                         });

TEST(TmxRoundTrip, NazirPairsComeBackByteIdentical) {
  // What translate-toolkit and OmegaT are checked on: Arabic and English text exactly as given.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"شارك وزير الخارجية محمد الطاهر سيالة في اجتماع التحالف الدولي لمحاربة تنظيم داعش.",
       "Foreign Minister Mohamed Taher Siala attended a meeting of the coalition against ISIS."},
      {"طرابلس-\u00A0دعت حكومة الوفاق إلى “توسيع التعاون” مع الولايات المتحدة.",
       "The GNA called for \"expanded cooperation\" with the United States."},
      {"يذكر أنه تم تشكيل التحالف الدولي ضد «داعش» عام 2014، وانضمت إليه 83 دولة.",
       "The coalition was formed in 2014 & has 83 <member> countries."},
      {"ومن ثَمّ، سيجدد الوزراء تأكيد أهمية الحفاظ على الاستقرار.", "Ministers would reaffirm it."},
  };
  ScratchDir dir;
  TmxWriterOptions o;
  auto w = TmxWriter::Open(dir / "pairs.tmx", o);
  ASSERT_TRUE(w.ok());
  for (const auto& [ar, en] : pairs) ASSERT_TRUE((*w)->Write(MakePairTu(ar, en, o, 0.9, "1-1", "d", "d")).ok());
  ASSERT_TRUE((*w)->Close().ok());
  TmxContents c = ReadAll(dir / "pairs.tmx");
  ASSERT_TRUE(c.status.ok());
  ASSERT_EQ(c.tus.size(), pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(c.tus[i].tuvs[0].text, pairs[i].first);
    EXPECT_EQ(c.tus[i].tuvs[1].text, pairs[i].second);
  }
}

}  // namespace
}  // namespace nazir::tmx
