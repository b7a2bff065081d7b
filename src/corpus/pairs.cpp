#include "nazir/corpus/pairs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace nazir::corpus {

namespace fs = std::filesystem;

namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cols;
  std::stringstream ss(line);
  std::string col;
  while (std::getline(ss, col, '\t')) cols.push_back(Trim(col));
  return cols;
}

std::string Resolve(const fs::path& base, const std::string& p) {
  fs::path path(p);
  if (path.is_relative()) path = base / path;
  return path.lexically_normal().string();
}

// The name with its language part removed: "x.ar.txt" -> "x.txt", "x_en.txt" -> "x.txt".
std::string PairKey(const std::string& name) {
  static const char* kTags[] = {".ar.", ".en.", "_ar.", "_en.", "-ar.", "-en."};
  for (const char* tag : kTags) {
    size_t pos = name.find(tag);
    if (pos != std::string::npos) return name.substr(0, pos) + name.substr(pos + 3);
  }
  static const char* kSuffixes[] = {".ar", ".en", "_ar", "_en", "-ar", "-en"};
  for (const char* suf : kSuffixes) {
    std::string s(suf);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      return name.substr(0, name.size() - s.size());
    }
  }
  return name;
}

StatusOr<std::map<std::string, std::string>> ListFolder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("not a folder: " + dir);
  std::map<std::string, std::string> files;  // key -> path
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    files.emplace(PairKey(name), e.path().string());
  }
  if (ec) return IoError("cannot list " + dir + ": " + ec.message());
  return files;
}

}  // namespace

StatusOr<std::vector<DocPair>> ReadPairList(const std::string& list_path) {
  std::ifstream in(list_path);
  if (!in) return NotFoundError("cannot open pair list " + list_path);
  fs::path base = fs::path(list_path).parent_path();
  std::vector<DocPair> pairs;
  std::set<std::string> ids;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    std::vector<std::string> cols = SplitTabs(line);
    std::string where = list_path + ":" + std::to_string(n) + ": ";
    if (cols.size() < 2 || cols[0].empty() || cols[1].empty()) {
      return InvalidInputError(where + "expected arabic_path<TAB>english_path[<TAB>doc_id]");
    }
    DocPair p;
    p.ar_path = Resolve(base, cols[0]);
    p.en_path = Resolve(base, cols[1]);
    p.doc_id = cols.size() > 2 && !cols[2].empty() ? cols[2] : fs::path(cols[0]).stem().string();
    p.line = n;
    if (!ids.insert(p.doc_id).second) {
      return InvalidInputError(where + "duplicate doc_id '" + p.doc_id + "' (give each pair a unique third column)");
    }
    pairs.push_back(std::move(p));
  }
  if (pairs.empty()) return InvalidInputError("pair list " + list_path + " has no document pairs");
  return pairs;
}

StatusOr<std::vector<DocPair>> PairDirectories(const std::string& ar_dir, const std::string& en_dir,
                                               std::vector<std::string>* unpaired) {
  auto ar = ListFolder(ar_dir);
  if (!ar.ok()) return ar.status();
  auto en = ListFolder(en_dir);
  if (!en.ok()) return en.status();
  std::vector<DocPair> pairs;
  for (const auto& [key, path] : *ar) {
    auto it = en->find(key);
    if (it == en->end()) {
      if (unpaired) unpaired->push_back(path);
      continue;
    }
    std::string stem = fs::path(key).stem().string();
    pairs.push_back(DocPair{path, it->second, stem, 0});
  }
  if (unpaired) {
    for (const auto& [key, path] : *en) {
      if (ar->find(key) == ar->end()) unpaired->push_back(path);
    }
  }
  if (pairs.empty()) return InvalidInputError("no files pair up between " + ar_dir + " and " + en_dir);
  return pairs;
}

StatusOr<std::pair<int, int>> ParseShard(const std::string& spec) {
  size_t slash = spec.find('/');
  auto bad = [&] {
    return InvalidArgumentError("--shard wants I/N with 0 <= I < N (e.g. 0/4), got '" + spec + "'");
  };
  if (slash == std::string::npos) return bad();
  try {
    size_t used = 0;
    int i = std::stoi(spec.substr(0, slash), &used);
    if (used != slash) return bad();
    std::string rest = spec.substr(slash + 1);
    int n = std::stoi(rest, &used);
    if (used != rest.size() || n < 1 || i < 0 || i >= n) return bad();
    return std::make_pair(i, n);
  } catch (const std::exception&) {  // std::stoi: not a number or out of range
    return bad();
  }
}

std::vector<DocPair> Shard(const std::vector<DocPair>& pairs, int index, int count) {
  std::vector<DocPair> out;
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (static_cast<int>(k % static_cast<size_t>(count)) == index) out.push_back(pairs[k]);
  }
  return out;
}

}  // namespace nazir::corpus
