// The aligner end to end in the library: a hand-made pair of documents with a headline, a merge and an
// English background sentence.
#include "nazir/align/aligner.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/documents.h"

namespace nazir::align {
namespace {

Document Doc(Lang lang, const std::vector<std::string>& sentences) {
  return ::nazir::testing::MakeDocument(lang, sentences);
}

Aligner SmallAligner() {
  auto lex = std::make_shared<Lexicon>();
  for (auto [a, e] : std::vector<std::pair<const char*, const char*>>{
           {"وزير", "minister"}, {"خارجية", "foreign"}, {"مطار", "airport"}, {"وصل", "arrive"},
           {"اجتماع", "meeting"}, {"عقد", "hold"}, {"حكومة", "government"}, {"دعم", "support"},
           {"أعلن", "announce"}, {"مساعدات", "aid"}, {"دولار", "dollar"}, {"مليون", "million"},
           {"رئيس", "president"}, {"زيارة", "visit"}, {"مدينة", "city"}, {"قال", "said"},
           {"استمر", "continue"}}) {
    lex->AddEntry(a, e);
  }
  return Aligner(Resources{lex}, AlignerOptions{});
}

std::string Beads(const Alignment& a) {
  std::string s;
  for (const Bead& b : a.beads) {
    s += "[";
    for (size_t k = 0; k < b.ar.size(); ++k) s += (k ? "," : "") + std::to_string(b.ar[k]);
    s += "]:[";
    for (size_t k = 0; k < b.en.size(); ++k) s += (k ? "," : "") + std::to_string(b.en[k]);
    s += "] ";
  }
  return s;
}

TEST(Aligner, PairsCounterpartsAndLeavesHeadlineAndBackgroundAlone) {
  const Document ar = Doc(Lang::kAr, {
      "الأخبار",
      "وصل وزير الخارجية مايك بومبيو إلى مطار طرابلس يوم الخميس.",
      "عقد الوزير اجتماعا مع رئيس الحكومة فايز السراج.",
      "وأعلن الوزير عن مساعدات بقيمة 635 مليون دولار.",
      "وقال إن الدعم استمر.",
  });
  const Document en = Doc(Lang::kEn, {
      "Foreign Minister Mike Pompeo arrived at Tripoli airport on Thursday.",
      "The minister held a meeting with government head Fayez al-Sarraj.",
      "Libya has been divided between rival governments since 2014.",
      "He announced 635 million dollars in aid and said the support would continue.",
  });
  const Alignment a = SmallAligner().Align(ar, en);
  const std::string got = Beads(a);
  EXPECT_NE(got.find("[0]:[]"), std::string::npos) << got;       // the masthead
  EXPECT_NE(got.find("[1]:[0]"), std::string::npos) << got;
  EXPECT_NE(got.find("[2]:[1]"), std::string::npos) << got;
  EXPECT_NE(got.find("[]:[2]"), std::string::npos) << got;       // English background
  EXPECT_NE(got.find("[3,4]:[3]"), std::string::npos) << got;    // a 2-1 merge
  for (const Bead& b : a.beads) {
    if (b.IsPair()) {
      EXPECT_GE(b.confidence, AlignerOptions::kDefaultMinConfidence);
      EXPECT_LE(b.confidence, 1.0);
    }
  }
}

TEST(Aligner, MinConfidenceOneLeavesNoPairs) {
  AlignerOptions opt;
  opt.min_confidence = 1.0;
  Aligner aligner(Resources{}, opt);
  const Document ar = Doc(Lang::kAr, {"بومبيو في طرابلس."}), en = Doc(Lang::kEn, {"Pompeo in Tripoli."});
  const Alignment a = aligner.Align(ar, en);
  ASSERT_EQ(a.beads.size(), 2u);
  EXPECT_FALSE(a.beads[0].IsPair());
}

TEST(Aligner, CorpusModeGivesOneAlignmentPerDocumentCoveringEverySentence) {
  const Document ar1 = Doc(Lang::kAr, {"وصل الوزير إلى المطار.", "عقد اجتماعا."});
  const Document en1 = Doc(Lang::kEn, {"The minister arrived at the airport.", "He held a meeting."});
  const Document ar2 = Doc(Lang::kAr, {"زيارة الرئيس إلى المدينة."});
  const Document en2 = Doc(Lang::kEn, {"The president's visit to the city.", "Background."});
  const std::vector<Alignment> out = SmallAligner().AlignCorpus({{&ar1, &en1}, {&ar2, &en2}});
  ASSERT_EQ(out.size(), 2u);
  for (size_t d = 0; d < 2; ++d) {
    int nar = 0, nen = 0;
    for (const Bead& b : out[d].beads) {
      for (int i : b.ar) EXPECT_EQ(i, nar++);
      for (int j : b.en) EXPECT_EQ(j, nen++);
    }
    EXPECT_EQ(nar, d == 0 ? 2 : 1);
    EXPECT_EQ(nen, 2);
  }
}

}  // namespace
}  // namespace nazir::align
