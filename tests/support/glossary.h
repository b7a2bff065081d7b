// Test support: finding a mined glossary entry by its English name.
#ifndef NAZIR_TESTS_SUPPORT_GLOSSARY_H_
#define NAZIR_TESTS_SUPPORT_GLOSSARY_H_

#include <string>
#include <vector>

#include "nazir/model/glossary.h"

namespace nazir::testing {

// The entry whose English headword or one of its English variants is `english`; nullptr when none is.
inline const GlossaryEntry* FindEnglish(const std::vector<GlossaryEntry>& g, const std::string& english) {
  for (const auto& e : g) {
    if (e.english == english) return &e;
    for (const auto& v : e.english_variants)
      if (v.text == english) return &e;
  }
  return nullptr;
}

}  // namespace nazir::testing

#endif  // NAZIR_TESTS_SUPPORT_GLOSSARY_H_
