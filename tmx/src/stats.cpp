#include "nazir/tmx/stats.h"

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "nazir/tmx/lang_tag.h"
#include "tu_key.h"

namespace nazir::tmx {

namespace {

// Code points and whitespace-separated words of valid-or-not UTF-8 (invalid bytes count as characters).
void CountText(std::string_view s, uint64_t* chars, uint64_t* words) {
  const char* p = s.data();
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  bool in_word = false;
  while (i < n) {
    UChar32 c;
    unsigned char b = static_cast<unsigned char>(p[i]);
    if (b < 0x80) {  // ASCII fast path
      c = b;
      ++i;
    } else {
      U8_NEXT(p, i, n, c);
    }
    ++*chars;
    bool space = c >= 0 && (c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : u_isUWhiteSpace(c));
    if (!space && !in_word) ++*words;
    in_word = !space;
  }
}

}  // namespace

StatusOr<TmxStats> ComputeTmxStats(const std::string& path, const TmxReadOptions& options) {
  TmxStats st;
  struct stat fs;
  if (path != "-" && stat(path.c_str(), &fs) == 0) st.bytes = static_cast<uint64_t>(fs.st_size);
  std::vector<uint64_t> keys;
  std::set<std::string> types;
  Status s = ReadTmx(
      path,
      [&](const TmxHeader& h) {
        st.header = h;
        return Status::Ok();
      },
      [&](TranslationUnit&& tu) {
        ++st.tus;
        st.tuvs += tu.tuvs.size();
        bool markup = false;
        types.clear();
        for (const Prop& p : tu.props) types.insert(p.type);
        for (const Tuv& t : tu.tuvs) {
          TmxLangStats& ls = st.langs[CanonicalLangTag(t.lang)];
          ++ls.tuvs;
          CountText(t.text, &ls.chars, &ls.words);
          markup = markup || !t.seg_markup.empty();
          for (const Prop& p : t.props) types.insert(p.type);
        }
        for (const std::string& t : types) ++st.prop_types[t];
        if (markup) ++st.tus_with_markup;
        keys.push_back(internal::TuKey(tu));
        return Status::Ok();
      },
      options);
  if (!s.ok()) return s;
  std::sort(keys.begin(), keys.end());
  for (size_t i = 1; i < keys.size(); ++i) {
    if (keys[i] == keys[i - 1]) ++st.duplicate_tus;
  }
  return st;
}

}  // namespace nazir::tmx
