#include "nazir/text/segment.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/text/utf8.h"

// Sentences come from the seed articles (tests/data/text/seed_*.txt and ../shared/seeds), the FLORES-200
// devtest and TICO-19 sets (align-dev), or are news-style sentences written for one rule ("made up").

namespace nazir::text {
namespace {

const std::string kData = std::string(NAZIR_TEST_DATA_DIR) + "/text/";

std::vector<std::string> Texts(const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.push_back(s.text);
  return out;
}

std::vector<std::string> SegmentTexts(Lang lang, const std::string& text) {
  auto seg = Segmenter::Create(lang);
  EXPECT_TRUE(seg.ok()) << seg.status().message();
  return Texts((*seg)->Segment(text));
}

struct Case {
  const char* rule;
  std::string input;
  std::vector<std::string> want;
};

void ExpectSegments(Lang lang, const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(SegmentTexts(lang, c.input), c.want) << c.rule;
}

TEST(Segmenter, EndsArabicSentencesAtFullStopsQuestionAndExclamationMarks) {
  ExpectSegments(Lang::kAr, {
      {"full stop (seed 003)",
       "وتشهد ليبيا اعمال عنف وحالة فوضى منذ الانتفاضة. وقالت القائم بالاعمال الاميركية ان واشنطن انفقت 635 "
       "مليون دولار لدعم ليبيا.",
       {"وتشهد ليبيا اعمال عنف وحالة فوضى منذ الانتفاضة.",
        "وقالت القائم بالاعمال الاميركية ان واشنطن انفقت 635 مليون دولار لدعم ليبيا."}},
      {"Arabic question mark (FLORES)",
       "لماذا تولد أنظمة النقل مثل هذه الشكاوى، ولماذا تفشل بشكل يومي؟ هل مهندسو النقل غير أكفاء؟ أم أن هناك "
       "شيئاً أكثر جوهرية يحدث؟",
       {"لماذا تولد أنظمة النقل مثل هذه الشكاوى، ولماذا تفشل بشكل يومي؟", "هل مهندسو النقل غير أكفاء؟",
        "أم أن هناك شيئاً أكثر جوهرية يحدث؟"}},
      {"Latin question mark (made up)", "هل انتهى الاجتماع? نعم، انتهى.", {"هل انتهى الاجتماع?", "نعم، انتهى."}},
      {"exclamation mark (FLORES)",
       "ما يجعل اليابان سابع أكبر جزيرة في العالم! تضم اليابان ما يقرب من 7,000 جزيرة.",
       {"ما يجعل اليابان سابع أكبر جزيرة في العالم!", "تضم اليابان ما يقرب من 7,000 جزيرة."}},
      {"ellipsis (made up)", "عاد الهدوء إلى طرابلس… وبدأت المحادثات.",
       {"عاد الهدوء إلى طرابلس…", "وبدأت المحادثات."}},
      {"full stop glued to the next word, as scraped (seed 001)",
       "مؤكدا التزام بلاده بمواصلة المساعدة في إنهاء الأزمة.ومن جانبه اشار المسؤول الأمريكي إلى النجاح.",
       {"مؤكدا التزام بلاده بمواصلة المساعدة في إنهاء الأزمة.", "ومن جانبه اشار المسؤول الأمريكي إلى النجاح."}},
      {"space before the full stop (seed 001)",
       "و من بينها دولة ليبيا . عبرت الوفود المشاركة عن دعمها لليبيا .",
       {"و من بينها دولة ليبيا .", "عبرت الوفود المشاركة عن دعمها لليبيا ."}},
  });
}

TEST(Segmenter, DoesNotBreakArabicAtCommaOrSemicolon) {
  ExpectSegments(Lang::kAr, {
      {"Arabic comma (seed 001)",
       "استعرض الاجتماع، الذي شارك فيه ممثلين عن 54 بلد و منظمة، المخاطر و التحديات.",
       {"استعرض الاجتماع، الذي شارك فيه ممثلين عن 54 بلد و منظمة، المخاطر و التحديات."}},
      {"Arabic semicolon (TICO-19)",
       "ينبغي اقتصار استخدام البيانات على الأغراض المتعلقة بكوفيد-19؛ ينبغي حماية أمن البيانات.",
       {"ينبغي اقتصار استخدام البيانات على الأغراض المتعلقة بكوفيد-19؛ ينبغي حماية أمن البيانات."}},
  });
}

TEST(Segmenter, KeepsQuotesAndParenthesesWithTheirArabicSentence) {
  ExpectSegments(Lang::kAr, {
      {"closing quote after the full stop (seed 003, quote moved after the stop)",
       "وقالت ان “الحل الدائم الوحيد لليبيا هو تجاوز المأزق السياسي.” وناقش الجانبان آليات تنفيذ اتفاق باريس.",
       {"وقالت ان “الحل الدائم الوحيد لليبيا هو تجاوز المأزق السياسي.”",
        "وناقش الجانبان آليات تنفيذ اتفاق باريس."}},
      {"closing quote before the full stop (seed 003)",
       "ووصف السراج لقاء باريس بأنه”حدث مهم جاء وسط زخم دولي”. وقال إن اللقاء بعد بداية يجب البناء عليها.",
       {"ووصف السراج لقاء باريس بأنه”حدث مهم جاء وسط زخم دولي”.", "وقال إن اللقاء بعد بداية يجب البناء عليها."}},
      {"guillemets (seed 004)",
       "عبر صفحتها الرسمية بموقع «تويتر». «التحالف باقٍ.» قال الوزير.",
       {"عبر صفحتها الرسمية بموقع «تويتر».", "«التحالف باقٍ.»", "قال الوزير."}},
      {"parentheses (seed 003)",
       "سقطوا في احراق القنصلية الاميركية في مدينة بنغازي (شرق) خلال هجوم في 2012. وقالت القائم بالاعمال.",
       {"سقطوا في احراق القنصلية الاميركية في مدينة بنغازي (شرق) خلال هجوم في 2012.", "وقالت القائم بالاعمال."}},
      {"a name that starts with an exclamation mark (TICO-19)",
       "وقد أطلقت مقدونيا الشمالية تطبيق \"!StopKorona\"، وهو تطبيق قائم على استخدام البلوتوث.",
       {"وقد أطلقت مقدونيا الشمالية تطبيق \"!StopKorona\"، وهو تطبيق قائم على استخدام البلوتوث."}},
  });
}

TEST(Segmenter, KeepsArabicDecimalsDatesAbbreviationsAndAcronymsInsideTheSentence) {
  ExpectSegments(Lang::kAr, {
      {"decimals (FLORES)",
       "يعمل معيار 802.11n اللاسلكي على ترددي 2.4 جيغاهرتز و5.0 جيغاهرتز. صدر تحذير لأن الزلزال لم يستوف "
       "متطلبات 6.5 درجة.",
       {"يعمل معيار 802.11n اللاسلكي على ترددي 2.4 جيغاهرتز و5.0 جيغاهرتز.",
        "صدر تحذير لأن الزلزال لم يستوف متطلبات 6.5 درجة."}},
      {"Arabic-Indic decimals and dates (made up)",
       "بلغت النسبة ٦٫٩٪ في 15.11.2018 حسب البيان.", {"بلغت النسبة ٦٫٩٪ في 15.11.2018 حسب البيان."}},
      {"Latin company abbreviation (TICO-19)",
       "أعلنت Emergent Biosolutions أنها شكلت فريقًا مع Novavax Inc. في تطوير لقاح وتصنيعه.",
       {"أعلنت Emergent Biosolutions أنها شكلت فريقًا مع Novavax Inc. في تطوير لقاح وتصنيعه."}},
      {"Latin acronyms (made up)",
       "قالت محطة KSWB-TV إن قائد U.S. Army وصل. وأضافت أنه غادر.",
       {"قالت محطة KSWB-TV إن قائد U.S. Army وصل.", "وأضافت أنه غادر."}},
      {"Arabic abbreviation (made up)", "وقال د. محمد الباز إن الاجتماع مهم.",
       {"وقال د. محمد الباز إن الاجتماع مهم."}},
      {"Arabic initials (FLORES)",
       "وقال نائب المفتش العام دي. كي. أريا، \"اعتقلنا خمسة أشخاص\". قال رئيس البرنامج ن. وين هالي الابن "
       "بأن الرغوة سقطت.",
       {"وقال نائب المفتش العام دي. كي. أريا، \"اعتقلنا خمسة أشخاص\".",
        "قال رئيس البرنامج ن. وين هالي الابن بأن الرغوة سقطت."}},
      {"letter names spelling an acronym end a sentence (FLORES)",
       "ظهر \"سيمينوف\" على قناة التسوق التلفزيونية كيو في سي. كما قامت رينج بتسوية دعوى قضائية.",
       {"ظهر \"سيمينوف\" على قناة التسوق التلفزيونية كيو في سي.", "كما قامت رينج بتسوية دعوى قضائية."}},
  });
}

TEST(Segmenter, MakesEveryLineItsOwnSegmentAndNumbersParagraphs) {
  // The top of seed 002: headline, subtitle, masthead without final punctuation, then the article.
  const std::string text =
      "داخلية الوفاق تكشف تفاصيل زيارة باشاغا لواشنطن\n\n"
      "بحث التعاون والدعم في مجالات مكافحة الإرهاب\n\n"
      "أخبار ليبيا 24 – متابعات\n\n"
      "أعلنت وزارة الداخلية بحكومة الوفاق أن وفداً التقى بكيل وزارة الخارجية. الوزارة قالت في بيان لها إن "
      "الاجتماعات تطرقت إلى أهمية العلاقات\n"
      "رئيس مجلسى الإدارة والتحرير\n"
      "محمد الباز";
  auto seg = Segmenter::Create(Lang::kAr);
  ASSERT_TRUE(seg.ok());
  const std::vector<Sentence> s = (*seg)->Segment(text);
  EXPECT_EQ(Texts(s), (std::vector<std::string>{
                          "داخلية الوفاق تكشف تفاصيل زيارة باشاغا لواشنطن",
                          "بحث التعاون والدعم في مجالات مكافحة الإرهاب", "أخبار ليبيا 24 – متابعات",
                          "أعلنت وزارة الداخلية بحكومة الوفاق أن وفداً التقى بكيل وزارة الخارجية.",
                          "الوزارة قالت في بيان لها إن الاجتماعات تطرقت إلى أهمية العلاقات",
                          "رئيس مجلسى الإدارة والتحرير", "محمد الباز"}));
  std::vector<int> paragraphs;
  for (const Sentence& x : s) paragraphs.push_back(x.paragraph);
  EXPECT_EQ(paragraphs, (std::vector<int>{0, 1, 2, 3, 3, 4, 5}));
}

TEST(Segmenter, HandlesEnglishAbbreviationsInitialsAndTitles) {
  ExpectSegments(Lang::kEn, {
      {"U.S. and an initial inside a sentence (FLORES)",
       "U.S. President George W. Bush arrived in Singapore the morning of November 16, beginning a week-long "
       "tour of Asia.",
       {"U.S. President George W. Bush arrived in Singapore the morning of November 16, beginning a week-long "
        "tour of Asia."}},
      {"Dr. (FLORES)",
       "Dr. Ehud Ur cautioned that the research is still in its early days. Like some other experts, he is "
       "skeptical.",
       {"Dr. Ehud Ur cautioned that the research is still in its early days.",
        "Like some other experts, he is skeptical."}},
      {"Gen., Sen., Rep., Mr., Jan. and No. (made up)",
       "Gen. David Petraeus met Sen. John McCain and Rep. Adam Smith on Jan. 12. Mr. Smith said resolution No. "
       "5 would pass.",
       {"Gen. David Petraeus met Sen. John McCain and Rep. Adam Smith on Jan. 12.",
        "Mr. Smith said resolution No. 5 would pass."}},
      {"initials (made up)", "The book was written by J. R. R. Tolkien. It was published in 1954.",
       {"The book was written by J. R. R. Tolkien.", "It was published in 1954."}},
      {"U.S. at the end of a sentence (made up)",
       "The company has offices in the U.S. The talks ended on Friday.",
       {"The company has offices in the U.S.", "The talks ended on Friday."}},
      {"decimals (FLORES)",
       "The 802.11n standard operates on both the 2.4Ghz and 5.0Ghz frequencies. It is fast.",
       {"The 802.11n standard operates on both the 2.4Ghz and 5.0Ghz frequencies.", "It is fast."}},
      {"a sentence starting with a number (FLORES)",
       "She believed Australia should become a republic at the end of Queen Elizabeth II's reign. 34 per "
       "cent of those in the poll share this view.",
       {"She believed Australia should become a republic at the end of Queen Elizabeth II's reign.",
        "34 per cent of those in the poll share this view."}},
  });
}

TEST(Segmenter, KeepsEnglishQuotesWithTheirSentence) {
  ExpectSegments(Lang::kEn, {
      {"quotes after the full stop (FLORES)",
       "Danius said, \"Right now we are doing nothing. I have called his closest collaborator.\" For now, "
       "that is certainly enough.",
       {"Danius said, \"Right now we are doing nothing.", "I have called his closest collaborator.\"",
        "For now, that is certainly enough."}},
      {"a quoted question inside a sentence (made up)",
       "\"Why is it so slow?\" she asked. Nobody answered.",
       {"\"Why is it so slow?\" she asked.", "Nobody answered."}},
      {"headline without final punctuation (FLORES, headline made up)",
       "Bush arrives in Singapore\nU.S. President George W. Bush welcomed the announcement.",
       {"Bush arrives in Singapore", "U.S. President George W. Bush welcomed the announcement."}},
      {"lower-case word after etc. (made up)", "They sell apples, pears, etc. and other fruit.",
       {"They sell apples, pears, etc. and other fruit."}},
  });
}

// Properties every segmentation must have, checked on whole seed articles.
void ExpectCoversTheInput(Lang lang, const std::string& text) {
  auto seg = Segmenter::Create(lang);
  ASSERT_TRUE(seg.ok());
  const std::vector<Sentence> s = (*seg)->Segment(text);
  ASSERT_FALSE(s.empty());
  std::string covered(text.size(), ' ');
  size_t last_end = 0;
  int last_paragraph = 0;
  for (const Sentence& x : s) {
    ASSERT_LE(x.end, text.size());
    ASSERT_LT(x.begin, x.end);
    EXPECT_GE(x.begin, last_end) << "sentences overlap or are out of order";
    EXPECT_EQ(x.text, text.substr(x.begin, x.end - x.begin)) << "text is not the original bytes";
    EXPECT_NE(x.text.front(), ' ');
    EXPECT_NE(x.text.back(), ' ');
    EXPECT_EQ(x.text.find('\n'), std::string::npos) << "a sentence spans a line break";
    EXPECT_GE(x.paragraph, last_paragraph);
    for (size_t i = x.begin; i < x.end; ++i) covered[i] = 'x';
    last_end = x.end;
    last_paragraph = x.paragraph;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (covered[i] == ' ') {
      EXPECT_TRUE(text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')
          << "byte " << i << " is in no sentence";
    }
  }
}

TEST(Segmenter, CoversEveryNonSpaceByteOfTheSeedArticlesOnce) {
  for (const char* name : {"seed_003.ar.txt", "seed_004.ar.txt"}) {
    auto text = ReadTextFile(kData + name);
    ASSERT_TRUE(text.ok()) << text.status().message();
    ExpectCoversTheInput(Lang::kAr, *text);
  }
}

TEST(Segmenter, GivesByteOffsetsAcrossCrlfAndTheDroppedBom) {
  auto text = ReadTextFile(kData + "bom_crlf.txt");
  ASSERT_TRUE(text.ok()) << text.status().message();
  auto seg = Segmenter::Create(Lang::kAr);
  ASSERT_TRUE(seg.ok());
  const std::vector<Sentence> s = (*seg)->Segment(*text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "الأخبار");
  EXPECT_EQ(s[0].begin, 0u);
  EXPECT_EQ(s[1].begin, std::string("الأخبار\r\n\r\n").size());
  EXPECT_EQ(s[1].paragraph, 1);
  ExpectCoversTheInput(Lang::kAr, *text);
}

TEST(Segmenter, IsReusableAndReturnsNothingForBlankText) {
  auto seg = Segmenter::Create(Lang::kEn);
  ASSERT_TRUE(seg.ok());
  EXPECT_TRUE((*seg)->Segment("").empty());
  EXPECT_TRUE((*seg)->Segment(" \n\n\t").empty());
  EXPECT_EQ((*seg)->Segment("One. Two.").size(), 2u);
  EXPECT_EQ((*seg)->Segment("Three.").size(), 1u);
}

TEST(SplitLines, MakesOneSentencePerLineIncludingEmptyLines) {
  const std::string text = "الأخبار\r\n  ليبيا \n\nمحمد الباز\n";
  const std::vector<Sentence> s = SplitLines(text);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"الأخبار", "ليبيا", "", "محمد الباز"}));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(s[i].paragraph, i);
  EXPECT_EQ(text.substr(s[1].begin, s[1].end - s[1].begin), "ليبيا");
  EXPECT_EQ(s[2].begin, s[2].end);
}

}  // namespace
}  // namespace nazir::text
