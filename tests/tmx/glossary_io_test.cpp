// Glossary interchange: TBX-Basic (v2), OmegaT TSV and CSV, written by nazir and by other tools.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/model/glossary.h"
#include "nazir/tmx/glossary_csv.h"
#include "nazir/tmx/glossary_tsv.h"
#include "nazir/tmx/tbx.h"
#include "test_util.h"

namespace nazir::tmx {
namespace {

using testing::kTmxData;
using testing::ReadFile;
using testing::ScratchDir;

const std::string kGlossaryData = kTmxData + "glossary/";

// Two entries with what makes formats break: several spellings, a comma, quotes, a tab, a line break.
std::vector<GlossaryEntry> SampleEntries() {
  GlossaryEntry stoltenberg;
  stoltenberg.id = 42;
  stoltenberg.type = "PER";
  stoltenberg.english = "Jens Stoltenberg";
  stoltenberg.arabic = {{"ستولتنبرغ", 3, "قال الأمين العام ستولتنبرغ إن الحلف مستعد.", "doc-000:4"},
                        {"ستلولتنبرج", 1, "والأمين العام لحلف شمال الأطلسي ينس ستلولتنبرج", "doc-000:0"}};
  stoltenberg.count = 4;
  stoltenberg.note = "NATO Secretary General, \"2014-2024\"";
  GlossaryEntry isis;
  isis.id = 7;
  isis.type = "ORG";
  isis.english = "ISIS";
  isis.english_variants = {{"ISIS", 0, "", ""}, {"Daesh", 2, "", ""}};
  isis.arabic = {{"داعش", 12, "هزيمة تنظيم داعش في العراق", "doc-001:1"}, {"الدولة الإسلامية", 2, "", ""}};
  isis.count = 14;
  return {stoltenberg, isis};
}

std::vector<GlossaryEntry> Collect(Status* status, const std::function<Status(const GlossaryEntryCallback&)>& read) {
  std::vector<GlossaryEntry> out;
  *status = read([&](GlossaryEntry&& e) {
    out.push_back(std::move(e));
    return Status::Ok();
  });
  return out;
}

std::vector<std::pair<std::string, int>> Spellings(const std::vector<TermVariant>& vs) {
  std::vector<std::pair<std::string, int>> out;
  for (const TermVariant& v : vs) out.emplace_back(v.text, v.count);
  return out;
}

std::vector<std::string> Texts(const std::vector<TermVariant>& vs) {
  std::vector<std::string> out;
  for (const TermVariant& v : vs) out.push_back(v.text);
  return out;
}

// ----------------------------------------------------------------------------------------------- TBX

TEST(Tbx, RoundTripKeepsEverySpellingWithCountsExamplesAndSources) {
  ScratchDir dir;
  const std::vector<GlossaryEntry> in = SampleEntries();
  ASSERT_TRUE(WriteTbx(dir / "g.tbx", in, TbxOptions()).ok());
  Status s;
  auto out = Collect(&s, [&](const GlossaryEntryCallback& cb) { return ReadTbx(dir / "g.tbx", TbxOptions(), cb); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(out[i].id, in[i].id);
    EXPECT_EQ(out[i].type, in[i].type);
    EXPECT_EQ(out[i].english, in[i].english);
    EXPECT_EQ(out[i].count, in[i].count);
    EXPECT_EQ(out[i].note, in[i].note);
    EXPECT_EQ(Spellings(out[i].arabic), Spellings(in[i].arabic));
    for (size_t k = 0; k < in[i].arabic.size(); ++k) {
      EXPECT_EQ(out[i].arabic[k].example, in[i].arabic[k].example);
      EXPECT_EQ(out[i].arabic[k].source, in[i].arabic[k].source);
    }
  }
  // The headword comes back as the first English term, then the other English forms.
  EXPECT_EQ(Texts(out[0].english_variants), std::vector<std::string>{"Jens Stoltenberg"});
  EXPECT_EQ(Spellings(out[1].english_variants), (std::vector<std::pair<std::string, int>>{{"ISIS", 0}, {"Daesh", 2}}));
}

TEST(Tbx, WritesTbxBasicV2Structure) {
  ScratchDir dir;
  TbxOptions opts;
  opts.arabic_lang = "ar-LY";
  ASSERT_TRUE(WriteTbx(dir / "g.tbx", SampleEntries(), opts).ok());
  const std::string x = ReadFile(dir / "g.tbx");
  EXPECT_NE(x.find("<martif type=\"TBX-Basic\" xml:lang=\"en\">"), std::string::npos);
  EXPECT_NE(x.find("<martifHeader>"), std::string::npos);
  EXPECT_NE(x.find("<termEntry id=\"e42\">"), std::string::npos);
  EXPECT_NE(x.find("<langSet xml:lang=\"ar-LY\">"), std::string::npos);
  EXPECT_NE(x.find("<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"), std::string::npos);
  EXPECT_NE(x.find("<termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>"), std::string::npos);
  EXPECT_EQ(x.find("<tbx"), std::string::npos);  // never v3: OmegaT 3.6 rejects it
}

TEST(Tbx, ReadsOtherToolsTbxWithNtigRegionalTagsAndOtherLanguages) {
  Status s;
  auto out = Collect(&s, [](const GlossaryEntryCallback& cb) {
    return ReadTbx(kGlossaryData + "multiterm.tbx", TbxOptions(), cb);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 2u);  // the German-only entry has nothing for nazir
  EXPECT_EQ(out[0].english, "Jens Stoltenberg");
  EXPECT_EQ(Texts(out[0].arabic), (std::vector<std::string>{"ينس ستولتنبرغ", "ستلولتنبرج"}));
  EXPECT_EQ(out[0].arabic[1].example, "والأمين العام لحلف شمال الأطلسي ينس ستلولتنبرج");
  EXPECT_EQ(out[0].note, "Secretary General of NATO 2014-2024");
  EXPECT_EQ(out[1].english, "Tripoli");
  EXPECT_EQ(Texts(out[1].english_variants), (std::vector<std::string>{"Tripoli", "Tarabulus"}));
  EXPECT_EQ(Texts(out[1].arabic), std::vector<std::string>{"طرابلس"});
}

TEST(Tbx, RefusesV3AndExternalEntities) {
  Status s = ReadTbx(kGlossaryData + "tbx_v3.tbx", TbxOptions(), [](GlossaryEntry&&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("not a TBX v2 document"), std::string::npos) << s.message();
  s = ReadTbx(kGlossaryData + "xxe.tbx", TbxOptions(), [](GlossaryEntry&&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("xxe.tbx:5:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("external entity 'file:///etc/passwd' refused"), std::string::npos) << s.message();
}

TEST(Tbx, AnEmptyGlossaryWritesNoFile) {
  ScratchDir dir;
  EXPECT_FALSE(WriteTbx(dir / "g.tbx", {}, TbxOptions()).ok());
  EXPECT_TRUE(dir.Files().empty());
}

TEST(Tbx, AnEntryWithoutTermsIsRefusedAndTheRestWritten) {
  ScratchDir dir;
  auto w = TbxWriter::Open(dir / "g.tbx", TbxOptions());
  ASSERT_TRUE(w.ok());
  GlossaryEntry empty;
  empty.id = 3;
  EXPECT_FALSE((*w)->Write(empty).ok());
  ASSERT_TRUE((*w)->Write(SampleEntries()[0]).ok());
  ASSERT_TRUE((*w)->Close().ok());
  Status s;
  auto out = Collect(&s, [&](const GlossaryEntryCallback& cb) { return ReadTbx(dir / "g.tbx", TbxOptions(), cb); });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(out.size(), 1u);
}

// ----------------------------------------------------------------------------------------------- TSV

TEST(OmegatTsv, WritesOneLinePerArabicSpelling) {
  ScratchDir dir;
  ASSERT_TRUE(WriteOmegatTsv(dir / "g.utf8", SampleEntries()).ok());
  const std::string t = ReadFile(dir / "g.utf8");
  EXPECT_EQ(t.rfind("#", 0), 0u);  // a comment line first
  EXPECT_NE(t.find("\nستولتنبرغ\tJens Stoltenberg\tPER; 3 occurrences; NATO Secretary General, \"2014-2024\"\n"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("\nداعش\tISIS\tORG; 12 occurrences\n"), std::string::npos) << t;
}

TEST(OmegatTsv, RoundTripKeepsEntriesSpellingsCountsTypeAndNote) {
  ScratchDir dir;
  const std::vector<GlossaryEntry> in = SampleEntries();
  ASSERT_TRUE(WriteOmegatTsv(dir / "g.utf8", in).ok());
  Status s;
  auto out = Collect(&s, [&](const GlossaryEntryCallback& cb) { return ReadOmegatTsv(dir / "g.utf8", cb); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(out[i].english, in[i].english);
    EXPECT_EQ(out[i].type, in[i].type);
    EXPECT_EQ(out[i].note, in[i].note);
    EXPECT_EQ(Spellings(out[i].arabic), Spellings(in[i].arabic));
    EXPECT_EQ(out[i].count, in[i].count);
  }
}

TEST(OmegatTsv, ReadsAHandWrittenOmegatGlossary) {
  Status s;
  auto out = Collect(&s, [](const GlossaryEntryCallback& cb) { return ReadOmegatTsv(kGlossaryData + "omegat.utf8", cb); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].english, "Fayez al-Sarraj");
  EXPECT_EQ(Texts(out[0].arabic), (std::vector<std::string>{"فايز السراج", "السراج"}));
  EXPECT_EQ(out[0].note, "short form");
  EXPECT_EQ(out[1].english, "Tripoli");
  EXPECT_EQ(out[2].english, "ISIS");
  EXPECT_EQ(out[2].type, "ORG");
  EXPECT_EQ(out[2].count, 12);
}

TEST(OmegatTsv, TabsAndLineBreaksInsideAFieldBecomeSpaces) {
  ScratchDir dir;
  GlossaryEntry e;
  e.english = "Government of\tNational Accord";
  e.arabic = {{"حكومة\nالوفاق", 1, "", ""}};
  ASSERT_TRUE(WriteOmegatTsv(dir / "g.utf8", {e}).ok());
  Status s;
  auto out = Collect(&s, [&](const GlossaryEntryCallback& cb) { return ReadOmegatTsv(dir / "g.utf8", cb); });
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].english, "Government of National Accord");
  EXPECT_EQ(out[0].arabic[0].text, "حكومة الوفاق");
}

TEST(OmegatTsv, ErrorsNameTheLine) {
  Status s = ReadOmegatTsv(kGlossaryData + "bad_columns.tsv", [](GlossaryEntry&&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("bad_columns.tsv:1: expected at least 2 tab-separated columns"), std::string::npos)
      << s.message();
}

// ----------------------------------------------------------------------------------------------- CSV

TEST(GlossaryCsv, RoundTripSurvivesCommasQuotesAndLineBreaks) {
  ScratchDir dir;
  std::vector<GlossaryEntry> in = SampleEntries();
  in[1].note = "line one\nline two, with a comma";
  ASSERT_TRUE(WriteGlossaryCsv(dir / "g.csv", in).ok());
  const std::string bytes = ReadFile(dir / "g.csv");
  EXPECT_EQ(bytes.rfind("\xEF\xBB\xBFid,type,english,english_variants,arabic,arabic_counts,count,note\r\n", 0), 0u);
  Status s;
  auto out = Collect(&s, [&](const GlossaryEntryCallback& cb) { return ReadGlossaryCsv(dir / "g.csv", cb); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(out[i].id, in[i].id);
    EXPECT_EQ(out[i].type, in[i].type);
    EXPECT_EQ(out[i].english, in[i].english);
    EXPECT_EQ(out[i].note, in[i].note);
    EXPECT_EQ(out[i].count, in[i].count);
    EXPECT_EQ(Spellings(out[i].arabic), Spellings(in[i].arabic));
  }
  EXPECT_EQ(Texts(out[1].english_variants), (std::vector<std::string>{"ISIS", "Daesh"}));
}

TEST(GlossaryCsv, ReadsASpreadsheetWithItsOwnColumnOrder) {
  Status s;
  auto out = Collect(&s, [](const GlossaryEntryCallback& cb) {
    return ReadGlossaryCsv(kGlossaryData + "spreadsheet.csv", cb);
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].english, "Fathi Bashagha");
  EXPECT_EQ(out[0].note, "Interior Minister, GNA");
  EXPECT_EQ(Texts(out[0].arabic), (std::vector<std::string>{"فتحي باشاغا", "باشاغا"}));
  EXPECT_EQ(out[1].english, "Rabat");
  EXPECT_EQ(Texts(out[1].arabic), std::vector<std::string>{"الرباط"});
}

TEST(GlossaryCsv, ErrorsNameTheLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"unterminated.csv", "unterminated.csv:3: unterminated quoted field"},
      {"bad_quote.csv", "bad_quote.csv:3: unexpected character after a closing quote"},
  };
  for (const auto& [file, message] : cases) {
    Status s = ReadGlossaryCsv(kGlossaryData + file, [](GlossaryEntry&&) { return Status::Ok(); });
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput) << file;
    EXPECT_NE(s.message().find(message), std::string::npos) << s.message();
  }
}

TEST(GlossaryCsv, NeedsAnEnglishOrArabicColumn) {
  ScratchDir dir;
  testing::WriteFile(dir / "x.csv", "name,comment\nLibya,country\n");
  Status s = ReadGlossaryCsv(dir / "x.csv", [](GlossaryEntry&&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("x.csv:1:"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace nazir::tmx
