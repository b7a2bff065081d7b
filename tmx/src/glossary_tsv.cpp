#include "nazir/tmx/glossary_tsv.h"

#include <cstdlib>
#include <map>
#include <utility>

#include "nazir/base/atomic_file.h"
#include "text_file.h"

namespace nazir::tmx {

namespace {

using internal::OneLineField;
using internal::TrimAscii;

constexpr char kOccurrences[] = " occurrences";
constexpr char kOccurrence[] = " occurrence";

// "PER; 5 occurrences; note" (each part only when known).
std::string Comment(const GlossaryEntry& e, const TermVariant& v) {
  std::string c = OneLineField(e.type);
  if (v.count > 0) {
    if (!c.empty()) c += "; ";
    c += std::to_string(v.count) + (v.count == 1 ? kOccurrence : kOccurrences);
  }
  std::string note = OneLineField(e.note);
  if (!note.empty()) c += (c.empty() ? "" : "; ") + note;
  return c;
}

bool IsEntityType(std::string_view s) { return s == "PER" || s == "LOC" || s == "ORG"; }

// Parses "N occurrence(s)"; -1 if `s` is not that.
int ParseCount(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0) return -1;
  std::string_view rest = s.substr(digits);
  if (rest != kOccurrences && rest != kOccurrence) return -1;
  return std::atoi(std::string(s.substr(0, digits)).c_str());
}

}  // namespace

Status WriteOmegatTsv(const std::string& path, const std::vector<GlossaryEntry>& entries) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  AtomicFile& out = **file;
  out.Write("# nazir glossary of names: Arabic\tEnglish\ttype; occurrences of this spelling; note\n");
  std::string line;
  for (const GlossaryEntry& e : entries) {
    std::string english = OneLineField(e.english);
    if (english.empty()) continue;  // OmegaT needs a target term
    for (const TermVariant& v : e.arabic) {
      std::string arabic = OneLineField(v.text);
      if (arabic.empty()) continue;
      line = arabic + "\t" + english;
      std::string comment = Comment(e, v);
      if (!comment.empty()) line += "\t" + comment;
      line += "\n";
      out.Write(line);
    }
  }
  return out.Commit();
}

Status ReadOmegatTsv(const std::string& path, const GlossaryEntryCallback& on_entry) {
  auto text = internal::ReadUtf8File(path);
  if (!text.ok()) return text.status();
  std::vector<GlossaryEntry> entries;
  std::map<std::pair<std::string, std::string>, size_t> index;  // (english, type) -> entries position
  size_t line_no = 0;
  for (std::string_view line : internal::SplitLines(*text)) {
    ++line_no;
    if (TrimAscii(line).empty() || line[0] == '#') continue;
    size_t tab1 = line.find('\t');
    if (tab1 == std::string_view::npos) {
      return InvalidInputError(path + ":" + std::to_string(line_no) +
                               ": expected at least 2 tab-separated columns (source term, target term)");
    }
    size_t tab2 = line.find('\t', tab1 + 1);
    std::string arabic(TrimAscii(line.substr(0, tab1)));
    std::string english(TrimAscii(line.substr(tab1 + 1, tab2 == std::string_view::npos ? std::string_view::npos
                                                                                      : tab2 - tab1 - 1)));
    std::string_view comment = tab2 == std::string_view::npos ? std::string_view() : line.substr(tab2 + 1);
    if (arabic.empty() && english.empty()) continue;
    std::string type, note;
    int count = 0;
    while (!comment.empty()) {
      size_t semi = comment.find(';');
      std::string_view part = TrimAscii(comment.substr(0, semi));
      comment = semi == std::string_view::npos ? std::string_view() : comment.substr(semi + 1);
      if (part.empty()) continue;
      int n = ParseCount(part);
      if (type.empty() && note.empty() && IsEntityType(part)) {
        type = std::string(part);
      } else if (n >= 0 && count == 0) {
        count = n;
      } else {
        note += (note.empty() ? "" : "; ") + std::string(part);
      }
    }
    auto [it, inserted] = index.emplace(std::make_pair(english, type), entries.size());
    if (inserted) {
      GlossaryEntry& e = entries.emplace_back();
      e.english = english;
      e.type = type;
      e.note = note;
    }
    GlossaryEntry& e = entries[it->second];
    if (!inserted && !note.empty() && e.note.find(note) == std::string::npos) {
      e.note += (e.note.empty() ? "" : "; ") + note;  // a later line's comment is kept too
    }
    if (!arabic.empty()) {
      e.arabic.push_back(TermVariant{arabic, count, "", ""});
      e.count += count;
    }
  }
  for (GlossaryEntry& e : entries) NAZIR_RETURN_IF_ERROR(on_entry(std::move(e)));
  return Status::Ok();
}

}  // namespace nazir::tmx
