#include "nazir/tmx/lang_tag.h"

#include "nazir/tmx/header.h"

namespace nazir::tmx {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c == '_' ? '-' : c; }
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

bool SameLangTag(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool LangTagMatches(std::string_view tag, std::string_view wanted) {
  if (wanted == kSrcLangAll || wanted == "*") return true;
  if (tag.size() < wanted.size()) return false;
  if (!SameLangTag(tag.substr(0, wanted.size()), wanted)) return false;
  return tag.size() == wanted.size() || tag[wanted.size()] == '-' || tag[wanted.size()] == '_';
}

std::string CanonicalLangTag(std::string_view tag) {
  std::string out;
  out.reserve(tag.size());
  size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    size_t end = tag.find_first_of("-_", start);
    if (end == std::string_view::npos) end = tag.size();
    std::string_view sub = tag.substr(start, end - start);
    if (!first) out.push_back('-');
    for (size_t i = 0; i < sub.size(); ++i) {
      char c = Lower(sub[i]);
      // BCP 47 conventions (RFC 5646 section 2.1.1): regions uppercase, scripts titlecase.
      if (!first && sub.size() == 2) c = Upper(c);
      if (!first && sub.size() == 4 && i == 0) c = Upper(c);
      out.push_back(c);
    }
    first = false;
    start = end + 1;
  }
  return out;
}

const Tuv* FindTuv(const TranslationUnit& tu, std::string_view wanted) {
  for (const Tuv& tuv : tu.tuvs) {
    if (LangTagMatches(tuv.lang, wanted)) return &tuv;
  }
  return nullptr;
}

}  // namespace nazir::tmx
