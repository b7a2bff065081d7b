// TmxWriter: what it writes (TMX 1.4b that the bundled DTD accepts), how it cleans segments, and that a
// failure never leaves a half-written file.
#include "nazir/tmx/tmx_writer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/tmx/validate.h"
#include "test_util.h"

namespace nazir::tmx {
namespace {

using testing::ReadAll;
using testing::ReadFile;
using testing::ScratchDir;
using testing::WriteFile;

constexpr char kDate[] = "20261123T101500Z";

TranslationUnit Pair(const std::string& ar, const std::string& en) {
  TranslationUnit tu;
  tu.tuvs.push_back(Tuv{"ar", ar, "", {}, {}, "", {}});
  tu.tuvs.push_back(Tuv{"en", en, "", {}, {}, "", {}});
  return tu;
}

TmxWriterOptions FixedOptions() {
  TmxWriterOptions o;
  o.header.creationdate = kDate;
  return o;
}

// Writes `tus` with `options` to `path`; every Write and Close must succeed.
void WriteAllOk(const std::string& path, const std::vector<TranslationUnit>& tus,
                const TmxWriterOptions& options = FixedOptions()) {
  auto w = TmxWriter::Open(path, options);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  for (const TranslationUnit& tu : tus) ASSERT_TRUE((*w)->Write(tu).ok()) << (*w)->Write(tu).ToString();
  ASSERT_TRUE((*w)->Close().ok());
}

TEST(TmxWriter, WritesTheDeclarationDoctypeAndTheSevenHeaderAttributes) {
  ScratchDir dir;
  WriteAllOk(dir / "out.tmx", {Pair("قال الرئيس", "The president said")}, TmxWriterOptions());
  const std::string bytes = ReadFile(dir / "out.tmx");
  EXPECT_EQ(bytes.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
                        "<tmx version=\"1.4\">",
                        0),
            0u)
      << bytes;
  auto c = ReadAll(dir / "out.tmx");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  EXPECT_EQ(c.header.version, "1.4");
  EXPECT_EQ(c.header.creationtool, "nazir");
  EXPECT_FALSE(c.header.creationtoolversion.empty());
  EXPECT_EQ(c.header.segtype, "sentence");
  EXPECT_EQ(c.header.o_tmf, "nazir");
  EXPECT_EQ(c.header.adminlang, "en");
  EXPECT_EQ(c.header.srclang, "ar");
  EXPECT_EQ(c.header.datatype, "plaintext");
  EXPECT_TRUE(IsValidTmxDate(c.header.creationdate)) << c.header.creationdate;
  ASSERT_EQ(c.tus.size(), 1u);
  EXPECT_EQ(c.tus[0].creationdate, c.header.creationdate);  // each TU gets the run's date
}

TEST(TmxWriter, OutputValidatesAgainstTheBundledDtd) {
  ScratchDir dir;
  TmxWriterOptions o = FixedOptions();
  o.header.srclang = "ar-LY";
  o.tgtlang = "en-US";
  o.header.notes.push_back(Note{"ملاحظة على الملف", "ar"});
  TranslationUnit a = MakePairTu("قال الرئيس إن ليبيا ستواصل التعاون.", "The president said Libya would keep cooperating.",
                                 o, 0.934, "1-2", "003.ar.txt", "003.en.txt");
  a.notes.push_back(Note{"checked by hand", "en"});
  TranslationUnit b = MakePairTu("", "", o, 0.5, "2-1", "", "");
  b.tuvs[0].seg_markup = "قال <bpt i=\"1\">&lt;b&gt;</bpt>السراج<ept i=\"1\">&lt;/b&gt;</ept> <ph x=\"2\"/>";
  b.tuvs[1].seg_markup = "<bpt i=\"1\">&lt;b&gt;</bpt>Sarraj<ept i=\"1\">&lt;/b&gt;</ept> said <ph x=\"2\"/>";
  b.tuvs[1].props.push_back(Prop{"x-reviewer", "R & D <team>", ""});
  WriteAllOk(dir / "out.tmx", {a, b}, o);

  auto report = ValidateTmx(dir / "out.tmx");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const TmxProblem& p : report->problems) ADD_FAILURE() << p.ToString();
  EXPECT_EQ(report->tus, 2u);
}

TEST(TmxWriter, WritesTheSourceLanguageTuvFirst) {
  // translate-toolkit takes the first tuv as the source whatever xml:lang says.
  ScratchDir dir;
  TranslationUnit tu;
  tu.tuvs.push_back(Tuv{"en-US", "Tripoli", "", {}, {}, "", {}});
  tu.tuvs.push_back(Tuv{"ar-LY", "طرابلس", "", {}, {}, "", {}});
  TmxWriterOptions o = FixedOptions();
  o.header.srclang = "ar";  // "ar" covers ar-LY
  WriteAllOk(dir / "out.tmx", {tu}, o);
  auto c = ReadAll(dir / "out.tmx");
  ASSERT_EQ(c.tus.size(), 1u);
  ASSERT_EQ(c.tus[0].tuvs.size(), 2u);
  EXPECT_EQ(c.tus[0].tuvs[0].lang, "ar-LY");
  EXPECT_EQ(c.tus[0].tuvs[0].text, "طرابلس");
  EXPECT_EQ(c.tus[0].tuvs[1].lang, "en-US");
}

TEST(TmxWriter, TuidsAreStableAndStayUniqueForARepeatedPair) {
  ScratchDir dir;
  const TranslationUnit tu = Pair("شكرا", "Thanks");
  WriteAllOk(dir / "a.tmx", {tu, tu, Pair("مرحبا", "Hello")});
  WriteAllOk(dir / "b.tmx", {tu});
  auto a = ReadAll(dir / "a.tmx");
  auto b = ReadAll(dir / "b.tmx");
  ASSERT_EQ(a.tus.size(), 3u);
  EXPECT_EQ(a.tus[0].tuid, StableTuid(tu));
  EXPECT_EQ(a.tus[0].tuid.rfind("nz-", 0), 0u);
  EXPECT_EQ(a.tus[1].tuid, a.tus[0].tuid + "-2");
  EXPECT_NE(a.tus[2].tuid, a.tus[0].tuid);
  EXPECT_EQ(b.tus[0].tuid, a.tus[0].tuid);  // same pair, another run: same id
}

TEST(TmxWriter, MakePairTuCarriesConfidenceBeadAndDocuments) {
  ScratchDir dir;
  TmxWriterOptions o = FixedOptions();
  WriteAllOk(dir / "out.tmx", {MakePairTu("أ", "A", o, 0.876, "2-1", "doc.ar", "doc.en")}, o);
  auto c = ReadAll(dir / "out.tmx");
  ASSERT_EQ(c.tus.size(), 1u);
  std::vector<std::pair<std::string, std::string>> props;
  for (const Prop& p : c.tus[0].props) props.emplace_back(p.type, p.value);
  EXPECT_EQ(props, (std::vector<std::pair<std::string, std::string>>{
                       {kPropConfidence, "0.88"}, {kPropBead, "2-1"}, {kPropSourceDoc, "doc.ar"}, {kPropTargetDoc, "doc.en"}}));
  for (const auto& [type, value] : props) EXPECT_EQ(type.rfind("x-", 0), 0u) << type;  // Trados needs x-
}

struct CleanCase {
  const char* name;
  std::string in;
  std::string out;
  size_t dropped;
};

class TmxWriterCleaning : public ::testing::TestWithParam<CleanCase> {};

TEST_P(TmxWriterCleaning, WritesTheCleanedSegment) {
  const CleanCase& c = GetParam();
  ScratchDir dir;
  auto w = TmxWriter::Open(dir / "out.tmx", FixedOptions());
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->Write(Pair(c.in, "x")).ok());
  EXPECT_EQ((*w)->chars_dropped(), c.dropped);
  ASSERT_TRUE((*w)->Close().ok());
  auto read = ReadAll(dir / "out.tmx");
  ASSERT_TRUE(read.status.ok()) << read.status.ToString();
  EXPECT_EQ(read.tus[0].tuvs[0].text, c.out);
}

INSTANTIATE_TEST_SUITE_P(
    Segments, TmxWriterCleaning,
    ::testing::Values(
        CleanCase{"TrimsSpaces", "  قال الرئيس \t", "قال الرئيس", 0},
        CleanCase{"DropsRlmAndBidiControls", "\u200Fقال\u202B الرئيس\u202C\u200E", "قال الرئيس", 0},
        CleanCase{"DropsXmlForbiddenControlAndCountsIt", "قال\u0007 الرئيس\u001B", "قال الرئيس", 2},
        CleanCase{"DropsNoncharacterFFFF", "ليبيا\uFFFF", "ليبيا", 1},
        CleanCase{"KeepsNoBreakSpaceInside", "طرابلس-\u00A0دعت", "طرابلس-\u00A0دعت", 0},
        CleanCase{"AppliesNfc", "e\u0301te\u0301", "\u00E9t\u00E9", 0},
        CleanCase{"ComposesArabicHamza", "\u0627\u0653\u0644", "\u0622\u0644", 0},
        CleanCase{"CrLfBecomesLf", "سطر\r\nسطر", "سطر\nسطر", 0},
        CleanCase{"EscapesMarkupCharacters", "a < b && c > \"d\" ]]> 'e'", "a < b && c > \"d\" ]]> 'e'", 0}),
    [](const ::testing::TestParamInfo<CleanCase>& info) { return std::string(info.param.name); });

TEST(TmxWriter, RefusePolicyFailsTheTuAndKeepsTheWriterUsable) {
  ScratchDir dir;
  TmxWriterOptions o = FixedOptions();
  o.illegal_chars = IllegalCharPolicy::kRefuse;
  auto w = TmxWriter::Open(dir / "out.tmx", o);
  ASSERT_TRUE(w.ok());
  TranslationUnit bad = Pair("قال\u0001", "said");
  bad.tuid = "tu-7";
  Status s = (*w)->Write(bad);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("tu-7"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("U+0001"), std::string::npos) << s.message();
  ASSERT_TRUE((*w)->Write(Pair("مرحبا", "Hello")).ok());
  ASSERT_TRUE((*w)->Close().ok());
  auto c = ReadAll(dir / "out.tmx");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.tus.size(), 1u);  // the failed TU left nothing behind
  EXPECT_EQ(c.tus[0].tuvs[0].text, "مرحبا");
}

struct BadTuCase {
  const char* name;
  TranslationUnit tu;
  const char* why;
};

class TmxWriterRefuses : public ::testing::TestWithParam<BadTuCase> {};

TEST_P(TmxWriterRefuses, BadTu) {
  ScratchDir dir;
  auto w = TmxWriter::Open(dir / "out.tmx", FixedOptions());
  ASSERT_TRUE(w.ok());
  Status s = (*w)->Write(GetParam().tu);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(GetParam().why), std::string::npos) << s.message();
  ASSERT_TRUE((*w)->Close().ok());
  auto report = ValidateTmx(dir / "out.tmx");  // still a valid (empty) TMX
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->valid());
  EXPECT_EQ(report->tus, 0u);
}

TranslationUnit WithMarkup(const std::string& markup) {
  TranslationUnit tu = Pair("", "x");
  tu.tuid = "m1";
  tu.tuvs[0].seg_markup = markup;
  return tu;
}

TranslationUnit WithDate(const std::string& date) {
  TranslationUnit tu = Pair("a", "b");
  tu.creationdate = date;
  return tu;
}

INSTANTIATE_TEST_SUITE_P(
    Tus, TmxWriterRefuses,
    ::testing::Values(BadTuCase{"NoTuv", TranslationUnit(), "no <tuv>"},
                      BadTuCase{"NoLanguage", [] {
                                  TranslationUnit tu = Pair("a", "b");
                                  tu.tuvs[1].lang.clear();
                                  return tu;
                                }(), "without a language"},
                      BadTuCase{"InvalidUtf8", Pair("\xD9\x85\xFF", "b"), "invalid UTF-8"},
                      BadTuCase{"LanguageThatIsNotATag", [] {
                                  TranslationUnit tu = Pair("a", "b");
                                  tu.tuvs[0].lang = "عربي\"";
                                  return tu;
                                }(), "is not a language tag"},
                      BadTuCase{"HtmlInMarkup", WithMarkup("قال <b>السراج</b>"), "<b> is not a TMX inline element"},
                      BadTuCase{"MalformedMarkup", WithMarkup("قال <bpt i=\"1\">"), "TU 'm1'"},
                      BadTuCase{"EntityInMarkup", WithMarkup("<!DOCTYPE x [<!ENTITY e SYSTEM \"/etc/passwd\">]>&e;"),
                                "TU 'm1'"},
                      BadTuCase{"BadDate", WithDate("2026-11-23"), "not a TMX date"},
                      BadTuCase{"AttributeNameThatIsNotAnXmlName", [] {
                                  TranslationUnit tu = Pair("a", "b");
                                  tu.attributes = {{"usage count", "2"}};
                                  return tu;
                                }(), "not an XML attribute name"},
                      BadTuCase{"AttributeTheWriterSets", [] {
                                  TranslationUnit tu = Pair("a", "b");
                                  tu.attributes = {{"tuid", "x"}};
                                  return tu;
                                }(), "attribute 'tuid' given twice"},
                      BadTuCase{"TuvAttributeGivenTwice", [] {
                                  TranslationUnit tu = Pair("a", "b");
                                  tu.tuvs[1].attributes = {{"creationid", "x"}, {"creationid", "y"}};
                                  return tu;
                                }(), "attribute 'creationid' given twice"}),
    [](const ::testing::TestParamInfo<BadTuCase>& info) { return std::string(info.param.name); });

TEST(TmxWriter, NothingAppearsBeforeClose) {
  ScratchDir dir;
  auto w = TmxWriter::Open(dir / "out.tmx", FixedOptions());
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->Write(Pair("مرحبا", "Hello")).ok());
  for (const std::string& f : dir.Files()) EXPECT_NE(f, "out.tmx");
  ASSERT_TRUE((*w)->Close().ok());
  EXPECT_EQ(dir.Files(), std::vector<std::string>{"out.tmx"});  // and no temporary file left
}

TEST(TmxWriter, AnAbandonedWriteLeavesTheOldFileAndNoTemporaryFile) {
  ScratchDir dir;
  WriteFile(dir / "out.tmx", "the old memory");
  {
    auto w = TmxWriter::Open(dir / "out.tmx", FixedOptions());
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Write(Pair("مرحبا", "Hello")).ok());
    // Destroyed without Close(): as when the aligner fails half-way.
  }
  EXPECT_EQ(ReadFile(dir / "out.tmx"), "the old memory");
  EXPECT_EQ(dir.Files(), std::vector<std::string>{"out.tmx"});
}

TEST(TmxWriter, FailsToOpenInAMissingFolder) {
  ScratchDir dir;
  auto w = TmxWriter::Open(dir / "no/such/folder/out.tmx", FixedOptions());
  EXPECT_FALSE(w.ok());
}

TEST(TmxWriter, RefusesAnUnknownSegtype) {
  ScratchDir dir;
  TmxWriterOptions o = FixedOptions();
  o.header.segtype = "word";
  auto w = TmxWriter::Open(dir / "out.tmx", o);
  EXPECT_EQ(w.status().code(), StatusCode::kInvalidArgument);
}

TEST(TmxDate, FormatsUtcInTmxForm) {
  EXPECT_EQ(FormatTmxDate(0), "19700101T000000Z");
  EXPECT_EQ(FormatTmxDate(1795428900), "20261123T101500Z");
}

TEST(TmxDate, ValidatesRealCalendarDates) {
  const std::pair<const char*, bool> cases[] = {
      {"20261123T101500Z", true},  {"20240229T000000Z", true},   {"20230229T000000Z", false},
      {"20001231T235960Z", true},  {"20261323T101500Z", false},  {"20261123T241500Z", false},
      {"20261123T101500", false},  {"2026-11-23T10:15:00Z", false}, {"", false},
      {"20261131T101500Z", false}, {"2026112xT101500Z", false},
  };
  for (const auto& [date, valid] : cases) EXPECT_EQ(IsValidTmxDate(date), valid) << date;
}

}  // namespace
}  // namespace nazir::tmx
