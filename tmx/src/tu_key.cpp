#include "tu_key.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "nazir/tmx/lang_tag.h"
#include "nazir/tmx/segment_text.h"
#include "nazir/tmx/tmx_writer.h"

namespace nazir::tmx::internal {

namespace {

// 64-bit FNV-1a (Fowler/Noll/Vo), as in StableTuid.
constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

uint64_t Fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

}  // namespace

uint64_t HashString(std::string_view s) { return Fnv1a(kFnvOffset, s); }

uint64_t TuKey(const TranslationUnit& tu) {
  std::vector<std::pair<std::string, std::string>> parts;
  parts.reserve(tu.tuvs.size());
  for (const Tuv& t : tu.tuvs) parts.emplace_back(CanonicalLangTag(t.lang), NormalizeWhitespace(t.text));
  std::sort(parts.begin(), parts.end());
  uint64_t h = kFnvOffset;
  for (const auto& [lang, text] : parts) {
    h = Fnv1a(h, lang);
    h = Fnv1a(h, std::string_view("\x1F", 1));
    h = Fnv1a(h, text);
    h = Fnv1a(h, std::string_view("\x1E", 1));
  }
  return h;
}

uint64_t DateNumber(std::string_view d) {
  if (!IsValidTmxDate(d)) return 0;
  uint64_t v = 0;
  for (char c : d) {
    if (c >= '0' && c <= '9') v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

uint64_t NewestDate(const TranslationUnit& tu) {
  uint64_t changed = DateNumber(tu.changedate);
  return changed != 0 ? changed : DateNumber(tu.creationdate);
}

}  // namespace nazir::tmx::internal
