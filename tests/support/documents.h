// Test support: a Document made of given sentences (one per line of its text, byte offsets set), as
// `nazir align --presegmented` would read it.
#ifndef NAZIR_TESTS_SUPPORT_DOCUMENTS_H_
#define NAZIR_TESTS_SUPPORT_DOCUMENTS_H_

#include <string>
#include <vector>

#include "nazir/base/lang.h"
#include "nazir/model/document.h"

namespace nazir::testing {

inline Document MakeDocument(Lang lang, const std::vector<std::string>& sentences) {
  Document d;
  d.lang = lang;
  for (const std::string& s : sentences) {
    Sentence x;
    x.begin = d.text.size();
    d.text += s + "\n";
    x.text = s;
    x.end = x.begin + s.size();
    d.sentences.push_back(x);
  }
  return d;
}

}  // namespace nazir::testing

#endif  // NAZIR_TESTS_SUPPORT_DOCUMENTS_H_
