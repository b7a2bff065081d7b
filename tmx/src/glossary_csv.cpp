#include "nazir/tmx/glossary_csv.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <utility>

#include "nazir/base/atomic_file.h"
#include "text_file.h"

namespace nazir::tmx {

namespace {

constexpr char kSep[] = " | ";
const char* const kColumns[] = {"id", "type", "english", "english_variants", "arabic", "arabic_counts",
                                "count", "note"};

// RFC 4180 field: quoted when it holds a comma, quote, CR or LF (or leading/trailing space).
std::string CsvField(const std::string& s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += kSep;
    out += parts[i];
  }
  return out;
}

// Splits "a | b|c" on '|', trimming each part; empty parts dropped.
std::vector<std::string> SplitMulti(std::string_view s) {
  std::vector<std::string> out;
  while (true) {
    size_t bar = s.find('|');
    std::string_view part = internal::TrimAscii(s.substr(0, bar));
    if (!part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    s = s.substr(bar + 1);
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Parses CSV records from `text`. Returns an error naming the line of a malformed record.
Status ParseCsv(const std::string& path, std::string_view text,
                std::vector<std::pair<size_t, std::vector<std::string>>>& rows) {
  size_t i = 0, line = 1;
  while (i < text.size()) {
    size_t record_line = line;
    std::vector<std::string> fields;
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        size_t quote_line = line;
        ++i;
        bool closed = false;
        while (i < text.size()) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field += c;
          ++i;
        }
        if (!closed) {
          return InvalidInputError(path + ":" + std::to_string(quote_line) + ": unterminated quoted field");
        }
        // Anything between the closing quote and the separator is malformed.
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return InvalidInputError(path + ":" + std::to_string(line) +
                                   ": unexpected character after a closing quote");
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
      }
      fields.push_back(field);
      if (i >= text.size()) {
        end_of_record = true;
      } else if (text[i] == ',') {
        ++i;
      } else {  // CR, LF or CRLF
        if (text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        end_of_record = true;
      }
    }
    bool blank = fields.size() == 1 && internal::TrimAscii(fields[0]).empty();
    if (!blank) rows.emplace_back(record_line, std::move(fields));
  }
  return Status::Ok();
}

}  // namespace

Status WriteGlossaryCsv(const std::string& path, const std::vector<GlossaryEntry>& entries) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  AtomicFile& out = **file;
  out.Write("\xEF\xBB\xBF");
  std::string row;
  for (size_t c = 0; c < std::size(kColumns); ++c) {
    if (c) row += ',';
    row += kColumns[c];
  }
  out.Write(row + "\r\n");
  for (const GlossaryEntry& e : entries) {
    std::vector<std::string> en_variants, arabic, counts;
    for (const TermVariant& v : e.english_variants) {
      if (v.text != e.english) en_variants.push_back(internal::OneLineField(v.text));
    }
    for (const TermVariant& v : e.arabic) {
      arabic.push_back(internal::OneLineField(v.text));
      counts.push_back(std::to_string(v.count));
    }
    row = CsvField(e.id > 0 ? std::to_string(e.id) : "") + "," + CsvField(e.type) + "," +
          CsvField(e.english) + "," + CsvField(Join(en_variants)) + "," + CsvField(Join(arabic)) + "," +
          CsvField(Join(counts)) + "," + CsvField(std::to_string(e.count)) + "," + CsvField(e.note) + "\r\n";
    out.Write(row);
  }
  return out.Commit();
}

Status ReadGlossaryCsv(const std::string& path, const GlossaryEntryCallback& on_entry) {
  auto text = internal::ReadUtf8File(path);
  if (!text.ok()) return text.status();
  std::vector<std::pair<size_t, std::vector<std::string>>> rows;
  NAZIR_RETURN_IF_ERROR(ParseCsv(path, *text, rows));
  if (rows.empty()) return InvalidInputError(path + ": empty CSV (no header row)");
  std::map<std::string, size_t> col;
  for (size_t c = 0; c < rows[0].second.size(); ++c) {
    col.emplace(Lower(internal::TrimAscii(rows[0].second[c])), c);
  }
  if (!col.count("english") && !col.count("arabic")) {
    return InvalidInputError(path + ":1: the header row needs an \"english\" or \"arabic\" column");
  }
  auto get = [&](const std::vector<std::string>& f, const char* name) -> std::string {
    auto it = col.find(name);
    if (it == col.end() || it->second >= f.size()) return "";
    return std::string(internal::TrimAscii(f[it->second]));
  };
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& f = rows[r].second;
    GlossaryEntry e;
    std::string id = get(f, "id");
    if (!id.empty()) e.id = std::atoll(id.c_str());
    e.type = get(f, "type");
    e.english = get(f, "english");
    e.note = get(f, "note");
    std::vector<std::string> arabic = SplitMulti(get(f, "arabic"));
    std::vector<std::string> counts = SplitMulti(get(f, "arabic_counts"));
    int total = 0;
    for (size_t k = 0; k < arabic.size(); ++k) {
      int n = k < counts.size() ? std::atoi(counts[k].c_str()) : 0;
      total += n;
      e.arabic.push_back(TermVariant{arabic[k], n, "", ""});
    }
    if (!e.english.empty()) e.english_variants.push_back(TermVariant{e.english, 0, "", ""});
    for (std::string& v : SplitMulti(get(f, "english_variants"))) {
      if (v != e.english) e.english_variants.push_back(TermVariant{std::move(v), 0, "", ""});
    }
    std::string count = get(f, "count");
    e.count = count.empty() ? total : std::atoi(count.c_str());
    if (e.english.empty() && e.arabic.empty()) continue;
    NAZIR_RETURN_IF_ERROR(on_entry(std::move(e)));
  }
  return Status::Ok();
}

}  // namespace nazir::tmx
