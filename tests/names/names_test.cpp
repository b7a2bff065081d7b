#include <gtest/gtest.h>

#include "nazir/names/matcher.h"
#include "nazir/names/gazetteer.h"
#include "nazir/names/translit.h"

TEST(Smoke, Prints) {
  const auto& m = nazir::names::NameMatcher::Get();
  for (auto [a, e] : std::vector<std::pair<const char*, const char*>>{
           {"ستولتنبرغ", "Stoltenberg"}, {"ستلولتنبرج", "Stoltenberg"}, {"ماكجورك", "McGurk"},
           {"ماكورغ", "McGurk"}, {"ماكرون", "McGurk"}, {"ماكجورك", "Macron"}, {"ماكرون", "Macron"},
           {"وولدهاوسر", "Waldhauser"}, {"والدهاوسير", "Waldhauser"}, {"وليامز", "Williams"},
           {"ويليامز", "Williams"}, {"والسراج", "al-Sarraj"}, {"والسراج", "Sarraj"}, {"بومبيو", "Pompeo"}}) {
    auto r = m.MatchWord(a, e);
    printf("%s %s %.3f stem=%s key=%s/%s\n", a, e, r.score, r.stem.c_str(), nazir::names::ArabicKey(a).c_str(),
           nazir::names::EnglishKey(e).c_str());
  }
  const auto& g = nazir::names::Gazetteer::Get();
  printf("places %zu\n", g.places().size());
  for (const char* q : {"ليبيا", "لليبيا", "طرابلس", "بطرابلس", "العراق", "والعراق", "مصر", "الولايات المتحدة"}) {
    printf("%s ->", q);
    for (auto& s : g.EnglishFor(q)) printf(" [%s]", s.c_str());
    printf("\n");
  }
  for (const char* q : {"Libya", "Iraq", "Tripoli", "United States", "Myanmar"}) {
    printf("%s ->", q);
    for (auto& s : g.ArabicFor(q)) printf(" [%s]", s.c_str());
    printf("\n");
  }
}
