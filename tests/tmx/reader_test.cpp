// ReadTmx over files written by other tools (OmegaT, Trados/SDL, Okapi) and over hostile input.
#include "nazir/tmx/tmx_reader.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/tmx/lang_tag.h"
#include "support/tu_compare.h"
#include "test_util.h"

namespace nazir::tmx {
namespace {

using testing::kTmxData;
using testing::ReadAll;
using testing::ReadAllFromMemory;
using testing::ScratchDir;
using testing::TmxDoc;
using testing::WriteFile;

TEST(TmxReader, ReadsOmegatProjectSaveWithTmx11LangAttribute) {
  auto c = ReadAll(kTmxData + "omegat_project_save.tmx");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  EXPECT_EQ(c.header.version, "1.1");
  EXPECT_EQ(c.header.creationtool, "OmegaT");
  EXPECT_EQ(c.header.srclang, "AR");
  ASSERT_EQ(c.tus.size(), 3u);
  const TranslationUnit& first = c.tus[0];
  EXPECT_EQ(first.tuid, "");
  ASSERT_EQ(first.tuvs.size(), 2u);
  EXPECT_EQ(first.tuvs[0].lang, "AR");  // from lang="AR": TMX 1.1 files have no xml:lang
  EXPECT_EQ(first.tuvs[0].text, "التقى وزير الداخلية فتحي باشاغا مسؤولين أمريكيين في واشنطن.");
  EXPECT_EQ(first.tuvs[1].text, "Interior Minister Fathi Bashagha met US officials in Washington.");
  EXPECT_EQ(first.tuvs[1].creationdate, "20231012T101010Z");
  EXPECT_TRUE(first.tuvs[0].seg_markup.empty());
  // Language matching is case-insensitive: "AR" is Arabic.
  ASSERT_NE(FindTuv(first, "ar"), nullptr);
  EXPECT_EQ(FindTuv(first, "ar")->text, first.tuvs[0].text);
  // The alternative translation's context props are kept, the empty one too.
  const TranslationUnit& alt = c.tus[2];
  ASSERT_EQ(alt.props.size(), 3u);
  EXPECT_EQ(alt.props[0].type, "file");
  EXPECT_EQ(alt.props[0].value, "002_5ca6504bfd18895c.txt");
  EXPECT_EQ(alt.props[1].value, "أخبار ليبيا 24 – متابعات");
  EXPECT_EQ(alt.props[2].type, "next");
  EXPECT_EQ(alt.props[2].value, "");
}

TEST(TmxReader, KeepsPairedTagsOfOmegatLevel2OutOfTheText) {
  auto c = ReadAll(kTmxData + "omegat_level2.tmx");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.tus.size(), 1u);
  const Tuv& ar = c.tus[0].tuvs[0];
  EXPECT_EQ(ar.text, "طرابلس – قال المتحدث إن الاجتماع ناجح.");
  EXPECT_NE(ar.seg_markup.find("<bpt i=\"0\" x=\"0\">&lt;b0&gt;</bpt>طرابلس<ept i=\"0\">"), std::string::npos)
      << ar.seg_markup;
  EXPECT_NE(ar.seg_markup.find("<ph x=\"1\">&lt;br1/&gt;</ph>"), std::string::npos) << ar.seg_markup;
  EXPECT_EQ(c.tus[0].tuvs[1].text, "Tripoli – The spokesman said the meeting was a success.");
}

TEST(TmxReader, ReadsTradosUtf16WithBom) {
  auto c = ReadAll(kTmxData + "trados_utf16.tmx");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  EXPECT_EQ(c.header.creationtool, "SDL Language Platform");
  EXPECT_EQ(c.header.srclang, "ar-SA");
  EXPECT_EQ(c.header.creationid, "TRADOS\\user");
  ASSERT_EQ(c.header.props.size(), 2u);
  EXPECT_EQ(c.header.props[1].type, "x-TMName");
  EXPECT_EQ(c.header.props[1].value, "news_ar-SA_en-US");
  ASSERT_EQ(c.tus.size(), 2u);
  const TranslationUnit& tu = c.tus[0];
  EXPECT_EQ(tu.creationdate, "20190314T092211Z");
  EXPECT_EQ(tu.changedate, "20190315T080000Z");
  ASSERT_EQ(tu.props.size(), 2u);
  EXPECT_EQ(tu.props[0].type, "x-Context");
  EXPECT_EQ(tu.props[0].value, "0, 0");
  // Trados's usage statistics and authors are kept as written, in order.
  const OtherAttributes want = {{"creationid", "TRADOS\\user"}, {"changeid", "TRADOS\\user"},
                                {"lastusagedate", "20190320T120000Z"}, {"usagecount", "2"}};
  EXPECT_EQ(tu.attributes, want);
  ASSERT_EQ(tu.tuvs.size(), 2u);
  EXPECT_TRUE(tu.tuvs[0].attributes.empty());
  EXPECT_EQ(tu.tuvs[0].lang, "AR-SA");
  EXPECT_TRUE(SameLangTag(tu.tuvs[0].lang, c.header.srclang));  // AR-SA = ar-SA
  EXPECT_EQ(tu.tuvs[0].text, "قال ناصر بوريطة إن التحالف سيواصل عمله.");
  EXPECT_NE(tu.tuvs[0].seg_markup.find("<bpt i=\"1\" type=\"1\" x=\"1\"/>"), std::string::npos)
      << tu.tuvs[0].seg_markup;
  EXPECT_EQ(c.tus[1].tuvs[1].text, "Representatives of 54 countries and organizations took part.");
}

TEST(TmxReader, ReadsOkapiNotesPropsAndEveryInlineElement) {
  auto c = ReadAll(kTmxData + "okapi_rainbow.tmx");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  EXPECT_EQ(c.header.srclang, kSrcLangAll);
  ASSERT_EQ(c.header.notes.size(), 1u);
  EXPECT_EQ(c.header.notes[0].text, "Exported by Rainbow from a pipeline run");
  ASSERT_EQ(c.header.props.size(), 1u);
  ASSERT_EQ(c.tus.size(), 4u);

  const TranslationUnit& headline = c.tus[0];
  EXPECT_EQ(headline.tuid, "news.html_1_s1");
  ASSERT_EQ(headline.notes.size(), 1u);
  EXPECT_EQ(headline.notes[0].text, "Headline");
  EXPECT_EQ(headline.props.size(), 2u);
  // <hi> is text with a meaning: its content stays in the plain text.
  EXPECT_EQ(headline.tuvs[0].text, "داخلية الوفاق تكشف تفاصيل زيارة باشاغا لواشنطن");
  EXPECT_NE(headline.tuvs[0].seg_markup.find("<hi type=\"x-name\">باشاغا</hi>"), std::string::npos);

  const TranslationUnit& link = c.tus[1];
  EXPECT_EQ(link.tuvs[0].text, "قالت الوزارة في بيان على صفحتها الرسمية إن الاجتماعات ناجحة.");
  EXPECT_NE(link.tuvs[0].seg_markup.find("?a=1&amp;b=2\"&gt;</bpt>"), std::string::npos) << link.tuvs[0].seg_markup;
  const Tuv& en = link.tuvs[1];
  ASSERT_EQ(en.notes.size(), 1u);
  EXPECT_EQ(en.notes[0].text, "Reviewed");
  EXPECT_EQ(en.notes[0].lang, "en");
  ASSERT_EQ(en.props.size(), 1u);
  EXPECT_EQ(en.props[0].value, "Reviewer One");

  EXPECT_EQ(c.tus[2].tuvs[0].text, "الهجرة غير الشرعية");  // <it pos="begin"> left out
  EXPECT_NE(c.tus[2].tuvs[0].seg_markup.find("<it pos=\"begin\" x=\"2\">"), std::string::npos);
  // <ph> with a <sub> inside, and the deprecated <ut>: native code, not text; kept in the markup.
  const Tuv& picture = c.tus[3].tuvs[0];
  EXPECT_EQ(picture.text, "انظر الصورة  أعلاه .");
  EXPECT_NE(picture.seg_markup.find("<sub>وزير الداخلية</sub>"), std::string::npos) << picture.seg_markup;
  EXPECT_NE(picture.seg_markup.find("<ut>{\\b}</ut>"), std::string::npos) << picture.seg_markup;
}

// A consumer may swap spent TUs back into the reader (tm import does, to spare the allocations): the reader
// must clear every field of them, so that nothing of an earlier TU leaks into a later one.
TEST(TmxReader, RecycledTusReadTheSameAsFreshOnes) {
  // TUs that each leave something the next one lacks: more tuvs, props and notes at both levels, other
  // attributes, dates, inline markup.
  const std::string doc = TmxDoc(
      "<tu tuid=\"a\" creationdate=\"20200101T000000Z\" changedate=\"20200102T000000Z\" usagecount=\"3\">"
      "<prop type=\"x-one\">1</prop><prop type=\"x-two\" xml:lang=\"en\">2</prop><note>n1</note>"
      "<tuv xml:lang=\"ar\" creationdate=\"20200103T000000Z\" creationid=\"me\"><prop type=\"p\">v</prop>"
      "<note xml:lang=\"ar\">ملاحظة</note><seg>نص <ph x=\"1\">&lt;br/&gt;</ph>أول</seg></tuv>"
      "<tuv xml:lang=\"en\"><seg>first <bpt i=\"1\">&lt;b&gt;</bpt>text<ept i=\"1\">&lt;/b&gt;</ept></seg></tuv>"
      "<tuv xml:lang=\"fr\"><seg>premier</seg></tuv></tu>"
      "<tu><tuv xml:lang=\"ar\"><seg>ثان</seg></tuv><tuv xml:lang=\"en\"><seg>second</seg></tuv></tu>"
      "<tu srclang=\"en\"><note>only a note</note><tuv lang=\"EN\"><seg></seg></tuv></tu>"
      "<tu tuid=\"d\"><prop type=\"x-confidence\">0.5</prop><tuv xml:lang=\"ar\"><prop type=\"q\">w</prop>"
      "<seg>رابع</seg></tuv><tuv xml:lang=\"en\"><note>n</note><seg>fourth</seg></tuv></tu>");
  std::vector<std::string> docs = {doc};
  for (const char* file : {"okapi_rainbow.tmx", "omegat_level2.tmx", "omegat_project_save.tmx", "trados_utf16.tmx"}) {
    docs.push_back(testing::ReadFile(kTmxData + file));
  }
  for (const std::string& bytes : docs) {
    const testing::TmxContents fresh = ReadAllFromMemory(bytes);
    ASSERT_TRUE(fresh.status.ok()) << fresh.status.ToString();
    for (size_t ring = 1; ring <= 3; ++ring) {  // how many spent TUs the consumer cycles through
      std::vector<TranslationUnit> spent(ring), got;
      size_t next = 0;
      // The spent TUs start as full copies of other TUs, as a recycling consumer's would be.
      for (size_t i = 0; i < ring; ++i) spent[i] = fresh.tus[(i + 1) % fresh.tus.size()];
      Status s = ReadTmxFromMemory(bytes, "mem.tmx", nullptr, [&](TranslationUnit&& tu) {
        got.push_back(tu);  // a copy: `tu` is swapped away below
        std::swap(tu, spent[next]);
        next = (next + 1) % ring;
        return Status::Ok();
      });
      ASSERT_TRUE(s.ok()) << s.ToString();
      ASSERT_EQ(got.size(), fresh.tus.size());
      for (size_t i = 0; i < got.size(); ++i) {
        const TranslationUnit& a = fresh.tus[i];
        const TranslationUnit& b = got[i];
        const std::string where = "TU " + std::to_string(i) + " with a ring of " + std::to_string(ring);
        EXPECT_EQ(a.tuid, b.tuid) << where;
        EXPECT_EQ(a.srclang, b.srclang) << where;
        EXPECT_EQ(a.creationdate, b.creationdate) << where;
        EXPECT_EQ(a.changedate, b.changedate) << where;
        nazir::testing::ExpectSameAttributes(a.attributes, b.attributes, where);
        nazir::testing::ExpectSameProps(a.props, b.props, where);
        nazir::testing::ExpectSameNotes(a.notes, b.notes, where);
        nazir::testing::ExpectSameTuvs(a.tuvs, b.tuvs, where);
      }
    }
  }
}

// Text comes back byte for byte whatever its characters: one, two, three and four UTF-8 bytes (the
// parser hands over UTF-16, surrogate pairs included), at any place in the segment.
TEST(TmxReader, GivesBackTextOfEveryUtf8Length) {
  const std::vector<char32_t> pool = {'a', ' ', '.', 0x00E9, 0x05D0, 0x0627, 0x07FF, 0x0800, 0x20AC, 0xFFFD,
                                      0xFEFB, 0x10000, 0x1F600, 0x10FFFD, 0x2A6D6};
  auto utf8 = [](char32_t c, std::string* out) {
    if (c < 0x80) {
      *out += static_cast<char>(c);
    } else if (c < 0x800) {
      *out += static_cast<char>(0xC0 | (c >> 6));
      *out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *out += static_cast<char>(0xE0 | (c >> 12));
      *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (c >> 18));
      *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (c & 0x3F));
    }
  };
  std::mt19937 rng(7);
  std::vector<std::string> texts;
  std::string body;
  for (int i = 0; i < 400; ++i) {
    std::string t = "x";  // never empty, never all white space
    if (i % 2 == 0) {
      const size_t len = rng() % 40;
      for (size_t k = 0; k < len; ++k) utf8(pool[rng() % pool.size()], &t);
    } else {
      // Runs: ASCII of any length (whole blocks of eight units, and every offset), then one character of
      // any other length, surrogate pairs included.
      for (int run = 0; run < 8; ++run) {
        const size_t ascii = rng() % 20;
        for (size_t k = 0; k < ascii; ++k) t += static_cast<char>('a' + rng() % 26);
        utf8(pool[3 + rng() % (pool.size() - 3)], &t);
      }
    }
    texts.push_back(t);
    body += "<tu><tuv xml:lang=\"ar\"><seg>" + t + "</seg></tuv></tu>";
  }
  auto c = ReadAllFromMemory(TmxDoc(body));
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.tus.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(c.tus[i].tuvs[0].text, texts[i]) << i;
}

TEST(TmxReader, TextOnlyWhenMarkupIsNotWanted) {
  TmxReadOptions opts;
  opts.keep_markup = false;
  auto c = ReadAll(kTmxData + "okapi_rainbow.tmx", opts);
  ASSERT_TRUE(c.status.ok());
  for (const TranslationUnit& tu : c.tus) {
    for (const Tuv& t : tu.tuvs) EXPECT_TRUE(t.seg_markup.empty()) << t.seg_markup;
  }
  EXPECT_EQ(c.tus[0].tuvs[0].text, "داخلية الوفاق تكشف تفاصيل زيارة باشاغا لواشنطن");
}

TEST(TmxReader, ReadsFromMemoryAndResolvesPredefinedEntities) {
  auto c = ReadAllFromMemory(TmxDoc(
      "<tu tuid=\"q\"><tuv xml:lang=\"ar\"><seg>&quot;أ&quot; &amp; &lt;ب&gt; &#x644;</seg></tuv>"
      "<tuv xml:lang=\"en\"><seg>&apos;A&apos; &amp; B</seg></tuv></tu>"));
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.tus.size(), 1u);
  EXPECT_EQ(c.tus[0].tuvs[0].text, "\"أ\" & <ب> ل");
  EXPECT_EQ(c.tus[0].tuvs[1].text, "'A' & B");
}

TEST(TmxReader, ReadsTmxWithADefaultNamespace) {
  // Some tools declare xmlns="http://www.lisa.org/tmx14": names are matched as written.
  std::string doc = TmxDoc(
      "<tu><tuv xml:lang=\"ar\"><seg>مرحبا</seg></tuv><tuv xml:lang=\"en\"><seg>Hello</seg></tuv></tu>");
  doc.replace(doc.find("<tmx version"), 4, "<tmx xmlns=\"http://www.lisa.org/tmx14\"");
  auto c = ReadAllFromMemory(doc);
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.tus.size(), 1u);
  EXPECT_EQ(c.tus[0].tuvs[1].lang, "en");
  EXPECT_EQ(c.header.version, "1.4");
}

TEST(TmxReader, CallbackErrorStopsTheRead) {
  int seen = 0;
  Status s = ReadTmx(kTmxData + "okapi_rainbow.tmx", nullptr, [&](TranslationUnit&&) {
    ++seen;
    return seen == 2 ? InvalidInputError("stop here") : Status::Ok();
  });
  EXPECT_EQ(s.message(), "stop here");
  EXPECT_EQ(seen, 2);
}

TEST(TmxReader, MissingFileIsNotFound) {
  Status s = ReadTmx(kTmxData + "no_such_file.tmx", nullptr, nullptr);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("no_such_file.tmx"), std::string::npos);
}

TEST(TmxReader, ReportsProgressOnBigInput) {
  // About 3 MB: at least two progress calls (one per MiB), increasing.
  std::string body;
  const std::string tu =
      "<tu><tuv xml:lang=\"ar\"><seg>قال الوزير إن الاجتماع ناجح</seg></tuv>"
      "<tuv xml:lang=\"en\"><seg>The minister said the meeting was a success</seg></tuv></tu>\n";
  while (body.size() < (3u << 20)) body += tu;
  ScratchDir dir;
  WriteFile(dir / "big.tmx", TmxDoc(body));
  std::vector<uint64_t> calls;
  TmxReadOptions opts;
  opts.on_progress = [&](uint64_t bytes) { calls.push_back(bytes); };
  ASSERT_TRUE(ReadTmx(dir / "big.tmx", nullptr, nullptr, opts).ok());
  ASSERT_GE(calls.size(), 2u);
  for (size_t i = 1; i < calls.size(); ++i) EXPECT_GT(calls[i], calls[i - 1]);
}

// Hostile or broken input: refused with a message that names the file, line and column and says why.
struct HostileCase {
  const char* file;
  const char* where;  // "file:line:" the message must start with (after the fixture folder)
  const char* why;    // a fragment of the message
};

class TmxReaderHostile : public ::testing::TestWithParam<HostileCase> {};

TEST_P(TmxReaderHostile, RefusesWithPlaceAndReason) {
  const HostileCase& c = GetParam();
  bool got_tu_with_secret = false;
  Status s = ReadTmx(kTmxData + "hostile/" + c.file, nullptr, [&](TranslationUnit&& tu) {
    for (const Tuv& t : tu.tuvs) got_tu_with_secret |= t.text.find("root:") != std::string::npos;
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput) << s.ToString();
  const std::string prefix = kTmxData + "hostile/" + c.where;
  EXPECT_EQ(s.message().compare(0, prefix.size(), prefix), 0) << s.message();
  EXPECT_NE(s.message().find(c.why), std::string::npos) << s.message();
  EXPECT_FALSE(got_tu_with_secret);
}

INSTANTIATE_TEST_SUITE_P(
    Files, TmxReaderHostile,
    ::testing::Values(
        HostileCase{"xxe_file.tmx", "xxe_file.tmx:8:", "external entity 'file:///etc/passwd' refused"},
        HostileCase{"xxe_parameter.tmx", "xxe_parameter.tmx:4:", "external entity 'http://127.0.0.1:9/evil.dtd'"},
        HostileCase{"billion_laughs.tmx", "billion_laughs.tmx:17:", "entity expansions"},
        HostileCase{"malformed.tmx", "malformed.tmx:6:48: ", "expected end of tag 'seg'"},
        HostileCase{"truncated.tmx", "truncated.tmx:6:", "input ended before all started tags were ended"},
        HostileCase{"invalid_utf8.tmx", "invalid_utf8.tmx:5:44: ", "invalid UTF-8: byte 0xFF at byte offset 244"},
        HostileCase{"control_char_ref.tmx", "control_char_ref.tmx:5:", "invalid character reference"},
        HostileCase{"not_tmx.xml", "not_tmx.xml:2:", "not a TMX document: the root element is <html>"}),
    [](const ::testing::TestParamInfo<HostileCase>& info) {
      std::string name = info.param.file;
      for (char& ch : name) {
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

TEST(TmxReader, DoctypeNamingAFileIsNeverFetched) {
  // <!DOCTYPE tmx SYSTEM "file:///etc/passwd">: the DTD is not read, the document is.
  auto c = ReadAll(kTmxData + "hostile/doctype_system_file.tmx");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.tus.size(), 1u);
  EXPECT_EQ(c.tus[0].tuvs[0].text, "مرحبا");
}

TEST(TmxReader, RefusesAGiantAttributeWithoutBufferingIt) {
  // Xerces holds a whole attribute value in memory before reporting it: a 6 MB one is refused
  // (a 1 GB one-line file would otherwise take gigabytes).
  ScratchDir dir;
  std::string giant(6u << 20, 'x');
  WriteFile(dir / "giant.tmx", TmxDoc("<tu tuid=\"" + giant + "\"><tuv xml:lang=\"ar\"><seg>a</seg></tuv></tu>"));
  Status s = ReadTmx(dir / "giant.tmx", nullptr, nullptr);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("without an element or text"), std::string::npos) << s.message();
}

TEST(TmxReader, RefusesDeepNesting) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<hi>";
  for (int i = 0; i < 1000; ++i) deep += "</hi>";
  auto c = ReadAllFromMemory(TmxDoc("<tu><tuv xml:lang=\"ar\"><seg>" + deep + "</seg></tuv></tu>"));
  EXPECT_EQ(c.status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(c.status.message().find("nested more than"), std::string::npos) << c.status.message();
}

TEST(TmxReader, RefusesASegmentLongerThanTheLimit) {
  TmxReadOptions opts;
  opts.max_text_bytes = 1000;
  auto c = ReadAllFromMemory(
      TmxDoc("<tu><tuv xml:lang=\"ar\"><seg>" + std::string(5000, 'x') + "</seg></tuv></tu>"), opts);
  EXPECT_EQ(c.status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(c.status.message().find("longer than 1000"), std::string::npos) << c.status.message();
}

TEST(TmxReader, RefusesDocumentsWithoutBody) {
  auto c = ReadAllFromMemory(
      "<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
      "o-tmf=\"t\" adminlang=\"en\" srclang=\"ar\" datatype=\"plaintext\"/></tmx>");
  EXPECT_EQ(c.status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(c.status.message().find("no <body>"), std::string::npos) << c.status.message();
}

}  // namespace
}  // namespace nazir::tmx
