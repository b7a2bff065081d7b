#include "nazir/align/lexicon.h"

#include <sys/stat.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "nazir/align/word_forms.h"
#include "nazir/align/word_lists.h"
#include "nazir/base/atomic_file.h"
#include "nazir/text/normalize.h"

namespace nazir::align {
namespace {

constexpr char kDictdDefaultDir[] = "/usr/share/dictd";
constexpr char kAraEng[] = "freedict-ara-eng";
constexpr char kEngAra[] = "freedict-eng-ara";
constexpr char kCacheFile[] = "freedict-lexicon.bin";
// Bump when the parsing rules or the binary layout change: old caches are then rebuilt.
constexpr uint32_t kCacheVersion = 3;
constexpr char kCacheMagic[] = "NZLX";

// dictd's base64 digits (dictd/dictzip sources: b64_decode).
int B64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::optional<uint64_t> DecodeB64Number(std::string_view s) {
  if (s.empty() || s.size() > 10) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    int d = B64Digit(c);
    if (d < 0) return std::nullopt;
    v = v * 64 + static_cast<uint64_t>(d);
  }
  return v;
}

StatusOr<std::string> ReadGzipFile(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError("cannot open " + path + ": " + std::strerror(errno));
  std::string out;
  char buf[1 << 16];
  while (true) {
    int n = gzread(f, buf, sizeof(buf));
    if (n < 0) {
      int err = 0;
      std::string msg = gzerror(f, &err);
      gzclose(f);
      return InvalidInputError(path + ": corrupt compressed data (" + msg + ")");
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  gzclose(f);
  return out;
}

StatusOr<std::string> ReadPlainFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string_view> SplitLinesView(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = nl + 1;
  }
  return out;
}

// Removes "(...)" and "[...]" notes and a "/phonetics/" tail from a dictionary line.
std::string StripNotes(std::string_view line) {
  std::string out;
  int depth = 0;
  for (char c : line) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

// "12. Adornment" -> "Adornment".
std::string_view StripNumbering(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i > 0 && i < line.size() && line[i] == '.') {
    line.remove_prefix(i + 1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  }
  return line;
}

std::vector<std::string> EnglishContentStems(std::string_view phrase) {
  std::vector<std::string> out;
  std::string word;
  const auto& stop = EnglishStopWords();
  auto flush = [&] {
    if (word.size() >= 2 && !stop.count(word)) out.push_back(EnglishStem(word));
    word.clear();
  };
  for (char c : phrase) {
    if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::vector<std::string> ArabicContentKeys(std::string_view phrase) {
  std::string key = text::Normalizer::Get().Key(phrase, Lang::kAr);
  // Separators inside dictionary phrases: ASCII punctuation and the Arabic comma/semicolon.
  for (std::string_view sep : {"،", "؛", "؟"}) {
    for (size_t p = key.find(sep); p != std::string::npos; p = key.find(sep, p)) key.replace(p, sep.size(), " ");
  }
  for (char& c : key) {
    if (static_cast<unsigned char>(c) < 0x80 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z')) c = ' ';
  }
  std::vector<std::string> out;
  const auto& stop = ArabicStopKeys();
  std::istringstream ss(key);
  std::string w;
  while (ss >> w) {
    if (!stop.count(w)) out.push_back(w);
  }
  return out;
}

// Identifies the dictionary files and the normalizer the cache was built from.
std::string SourceStamp(const std::vector<std::string>& files) {
  std::string stamp = "v" + std::to_string(kCacheVersion);
  for (const auto& f : files) {
    struct stat st;
    if (stat(f.c_str(), &st) != 0) return "";
    stamp += "|" + f + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtime);
  }
  // A probe of every fold the normalizer does: a changed normalizer invalidates the cache.
  std::string probe = text::Normalizer::Get().Key("أإآٱ ىة ؤئ ی ک ٠١٩ ۰ ـ َُِّ الْكِتَابُ ﻻ", Lang::kAr);
  stamp += "|norm:" + std::to_string(std::hash<std::string>()(probe));
  return stamp;
}

void PutU32(std::string& out, uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}
void PutStr(std::string& out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool U32(uint32_t& v) {
    if (b_.size() - pos_ < 4) return false;
    std::memcpy(&v, b_.data() + pos_, 4);
    pos_ += 4;
    return true;
  }
  bool Str(std::string_view& s) {
    uint32_t n;
    if (!U32(n) || b_.size() - pos_ < n) return false;
    s = b_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool AtEnd() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

}  // namespace

std::string Lexicon::DefaultDictDir() {
  const char* env = std::getenv("NAZIR_DICT_DIR");
  return env != nullptr && *env != '\0' ? env : kDictdDefaultDir;
}

std::string Lexicon::DefaultCacheDir() {
  if (const char* env = std::getenv("NAZIR_CACHE_DIR"); env != nullptr && *env != '\0') return env;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/nazir";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/nazir";
  }
  return "";
}

uint32_t Lexicon::InternEnglish(std::string_view stem) {
  auto it = english_index_.find(std::string(stem));
  if (it != english_index_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(english_.size());
  english_.emplace_back(stem);
  english_index_.emplace(std::string(stem), id);
  return id;
}

void Lexicon::AddPair(std::string_view ar_key, std::string_view en_stem) {
  if (ar_key.empty() || en_stem.empty()) return;
  uint32_t id = InternEnglish(en_stem);
  auto& ids = arabic_[std::string(ar_key)];
  for (uint32_t x : ids) {
    if (x == id) return;
  }
  ids.push_back(id);
  ++num_pairs_;
}

void Lexicon::AddEntry(std::string_view arabic, std::string_view english) {
  std::vector<std::string> ar = ArabicContentKeys(StripNotes(arabic));
  std::vector<std::string> en = EnglishContentStems(StripNotes(english));
  if (ar.empty() || en.empty() || ar.size() > kMaxEntryWords || en.size() > kMaxEntryWords) return;
  for (const auto& a : ar) {
    std::string bare = StripArabicArticle(a);
    for (const auto& e : en) {
      AddPair(a, e);
      if (bare != a) AddPair(bare, e);
    }
  }
}

const std::vector<uint32_t>* Lexicon::Find(std::string_view ar_key) const {
  auto it = arabic_.find(std::string(ar_key));
  return it == arabic_.end() ? nullptr : &it->second;
}

std::optional<uint32_t> Lexicon::EnglishId(std::string_view en_stem) const {
  auto it = english_index_.find(std::string(en_stem));
  if (it == english_index_.end()) return std::nullopt;
  return it->second;
}

Status Lexicon::AddDictd(const std::string& index_path, const std::string& dict_path, Lang headword_lang) {
  auto index = ReadPlainFile(index_path);
  if (!index.ok()) return index.status();
  auto data = ReadGzipFile(dict_path);
  if (!data.ok()) return data.status();
  std::vector<std::string_view> lines = SplitLinesView(*index);
  for (size_t ln = 0; ln < lines.size(); ++ln) {
    std::string_view line = lines[ln];
    if (line.empty()) continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return InvalidInputError(index_path + ":" + std::to_string(ln + 1) +
                               ": not a dictd index line (headword<TAB>offset<TAB>length)");
    }
    std::string_view head = line.substr(0, t1);
    auto off = DecodeB64Number(line.substr(t1 + 1, t2 - t1 - 1));
    auto len = DecodeB64Number(line.substr(t2 + 1));
    if (!off || !len || *off + *len > data->size()) {
      return InvalidInputError(index_path + ":" + std::to_string(ln + 1) +
                               ": offset/length outside " + dict_path);
    }
    if (head.substr(0, 2) == "00") continue;  // 00databaseinfo and other metadata entries
    std::vector<std::string_view> entry = SplitLinesView(std::string_view(*data).substr(*off, *len));
    if (entry.empty()) continue;
    // The first line repeats the headword (with diacritics) and its pronunciation: "word /ipa/".
    std::string_view first = entry[0];
    if (size_t slash = first.find(" /"); slash != std::string_view::npos) first = first.substr(0, slash);
    for (size_t i = 1; i < entry.size(); ++i) {
      std::string_view tr = StripNumbering(entry[i]);
      if (tr.empty()) continue;
      if (headword_lang == Lang::kAr) {
        AddEntry(first, tr);
      } else {
        AddEntry(tr, first);
      }
    }
  }
  return Status::Ok();
}

std::string Lexicon::Serialize(std::string_view stamp) const {
  std::string out(kCacheMagic, 4);
  PutU32(out, kCacheVersion);
  PutStr(out, stamp);
  PutU32(out, static_cast<uint32_t>(english_.size()));
  for (const auto& e : english_) PutStr(out, e);
  PutU32(out, static_cast<uint32_t>(arabic_.size()));
  for (const auto& [key, ids] : arabic_) {
    PutStr(out, key);
    PutU32(out, static_cast<uint32_t>(ids.size()));
    for (uint32_t id : ids) PutU32(out, id);
  }
  return out;
}

StatusOr<Lexicon> Lexicon::Deserialize(std::string_view bytes, std::string_view expected_stamp) {
  const Status corrupt = InvalidInputError("lexicon cache is corrupt or truncated");
  if (bytes.size() < 4 || bytes.substr(0, 4) != std::string_view(kCacheMagic, 4)) return corrupt;
  Reader r(bytes.substr(4));
  uint32_t version, n_en, n_ar;
  std::string_view stamp;
  if (!r.U32(version) || version != kCacheVersion || !r.Str(stamp)) return corrupt;
  if (stamp != expected_stamp) return InvalidInputError("lexicon cache is stale");
  Lexicon lex;
  if (!r.U32(n_en)) return corrupt;
  lex.english_.reserve(n_en);
  for (uint32_t i = 0; i < n_en; ++i) {
    std::string_view s;
    if (!r.Str(s)) return corrupt;
    lex.english_.emplace_back(s);
    lex.english_index_.emplace(std::string(s), i);
  }
  if (!r.U32(n_ar)) return corrupt;
  lex.arabic_.reserve(n_ar);
  for (uint32_t i = 0; i < n_ar; ++i) {
    std::string_view key;
    uint32_t n;
    if (!r.Str(key) || !r.U32(n)) return corrupt;
    std::vector<uint32_t> ids(n);
    for (uint32_t k = 0; k < n; ++k) {
      if (!r.U32(ids[k]) || ids[k] >= n_en) return corrupt;
    }
    lex.num_pairs_ += n;
    lex.arabic_.emplace(std::string(key), std::move(ids));
  }
  if (!r.AtEnd()) return corrupt;
  return lex;
}

StatusOr<Lexicon> Lexicon::LoadFreeDict(const std::string& dict_dir, const std::string& cache_dir) {
  std::vector<std::string> files;
  for (const char* name : {kAraEng, kEngAra}) {
    for (const char* ext : {".index", ".dict.dz"}) {
      std::string path = dict_dir + "/" + name + ext;
      if (!std::filesystem::exists(path)) {
        return NotFoundError("dictionary file " + path +
                             " not found: install the Debian packages dict-freedict-ara-eng and "
                             "dict-freedict-eng-ara, or point NAZIR_DICT_DIR at a folder holding "
                             "freedict-ara-eng.* and freedict-eng-ara.*");
      }
      files.push_back(path);
    }
  }
  const std::string stamp = SourceStamp(files);
  const std::string cache_path = cache_dir.empty() ? "" : cache_dir + "/" + kCacheFile;
  if (!cache_path.empty() && !stamp.empty()) {
    auto bytes = ReadPlainFile(cache_path);
    if (bytes.ok()) {
      auto lex = Deserialize(*bytes, stamp);
      if (lex.ok()) return lex;
    }
  }
  Lexicon lex;
  NAZIR_RETURN_IF_ERROR(lex.AddDictd(files[0], files[1], Lang::kAr));
  NAZIR_RETURN_IF_ERROR(lex.AddDictd(files[2], files[3], Lang::kEn));
  if (!cache_path.empty() && !stamp.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(cache_dir, ec);
    // A cache that cannot be written only costs time on the next run.
    if (!ec) (void)WriteFileAtomically(cache_path, lex.Serialize(stamp));
  }
  return lex;
}

}  // namespace nazir::align
