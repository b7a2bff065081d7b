// Test support: a plain Arabic-English translation unit.
//
//   store->AddTu(nazir::testing::MakeTu("وصل الوزير", "The minister arrived"), {});
#ifndef NAZIR_TESTS_SUPPORT_TU_MAKE_H_
#define NAZIR_TESTS_SUPPORT_TU_MAKE_H_

#include <string>

#include "nazir/model/tu.h"

namespace nazir::testing {

// A TU with an "ar" tuv holding `ar` and an "en" tuv holding `en`, nothing else.
inline TranslationUnit MakeTu(const std::string& ar, const std::string& en) {
  TranslationUnit tu;
  tu.tuvs.resize(2);
  tu.tuvs[0].lang = "ar";
  tu.tuvs[0].text = ar;
  tu.tuvs[1].lang = "en";
  tu.tuvs[1].text = en;
  return tu;
}

}  // namespace nazir::testing

#endif  // NAZIR_TESTS_SUPPORT_TU_MAKE_H_
