#include "nazir/tmx/validate.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "nazir/tmx/lang_tag.h"
#include "nazir/tmx/tmx_writer.h"
#include "tmx_sax.h"
#include "tu_key.h"
#include "u64_map.h"

namespace nazir::tmx {

namespace internal {
extern const std::string_view kBundledTmx14Dtd;
}  // namespace internal

namespace {

// A well-formed BCP 47 tag as TMX needs it: letters/digits subtags of 1-8 separated by '-'
// (RFC 5646 section 2.1 syntax, without checking the registry). "*all*" is allowed for srclang only.
bool IsWellFormedLangTag(std::string_view tag) {
  if (tag.empty()) return false;
  size_t len = 0;
  bool first = true;
  for (char c : tag) {
    if (c == '-') {
      if (len == 0) return false;
      len = 0;
      first = false;
      continue;
    }
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if (!(alpha || (digit && !first))) return false;
    if (++len > 8) return false;
  }
  return len > 0;
}

std::string LangProblem(std::string_view what, std::string_view tag) {
  std::string m = std::string(what) + " '" + std::string(tag) + "' is not a well-formed language tag";
  if (tag.find('_') != std::string_view::npos) {
    m += " (write '" + CanonicalLangTag(tag) + "': with '_' CAT tools find no match)";
  }
  return m;
}

}  // namespace

std::string TmxProblem::ToString() const {
  std::string s = file;
  if (line != 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
  s += ": ";
  if (!tuid.empty()) s += "tu '" + tuid + "': ";
  return s + message;
}

std::string_view BundledTmx14Dtd() { return internal::kBundledTmx14Dtd; }

StatusOr<TmxValidationReport> ValidateTmx(const std::string& path, const ValidateOptions& options) {
  if (path != "-") {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      int err = errno;
      if (err == ENOENT) return NotFoundError(path + ": no such file");
      return IoError("cannot open " + path + ": " + std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) return InvalidArgumentError(path + " is a folder, not a TMX file");
  }
  TmxValidationReport report;
  const std::string name = path == "-" ? "<stdin>" : path;
  auto add = [&](uint64_t line, uint64_t column, std::string tuid, std::string message, bool fatal) {
    ++report.problems_total;
    if (report.problems.size() < options.max_problems) {
      report.problems.push_back(TmxProblem{name, line, column, std::move(tuid), std::move(message), fatal});
    }
  };

  std::string srclang;
  // tuid hash -> line of its first use: 32 bytes per TU whatever the tuid's length (a 64-bit hash
  // collision, ~1e-8 for a million TUs, would report a false duplicate).
  internal::U64Map tuid_lines;
  internal::TmxEvents events;
  events.on_validity_error = [&](const internal::SourcePos& pos, const std::string& message) {
    add(pos.line, pos.column, "", "DTD: " + message, false);
  };
  events.on_header = [&](const TmxHeader& h) {
    srclang = h.srclang;
    if (!h.srclang.empty() && h.srclang != kSrcLangAll && !IsWellFormedLangTag(h.srclang)) {
      add(0, 0, "", LangProblem("header srclang", h.srclang), false);
    }
    for (const std::string* d : {&h.creationdate, &h.changedate}) {
      if (!d->empty() && !IsValidTmxDate(*d)) {
        add(0, 0, "", "header date '" + *d + "' is not a TMX date (YYYYMMDDThhmmssZ, UTC)", false);
      }
    }
    return Status::Ok();
  };
  events.on_tu = [&](TranslationUnit&& tu, const internal::SourcePos& pos) {
    ++report.tus;
    auto problem = [&](std::string message) { add(pos.line, pos.column, tu.tuid, std::move(message), false); };
    if (!tu.tuid.empty()) {
      auto [first_line, inserted] = tuid_lines.Insert(internal::HashString(tu.tuid), pos.line);
      if (!inserted) problem("duplicate tuid (first used at line " + std::to_string(first_line) + ")");
    }
    for (const std::string* d : {&tu.creationdate, &tu.changedate}) {
      if (!d->empty() && !IsValidTmxDate(*d)) {
        problem("date '" + *d + "' is not a TMX date (YYYYMMDDThhmmssZ, UTC)");
      }
    }
    const std::string& src = tu.srclang.empty() ? srclang : tu.srclang;
    if (!tu.srclang.empty() && tu.srclang != kSrcLangAll && !IsWellFormedLangTag(tu.srclang)) {
      problem(LangProblem("srclang", tu.srclang));
    }
    bool has_src = src.empty() || src == kSrcLangAll;
    std::string langs;
    std::vector<std::string> seen;  // canonical tags of the tuvs so far (a TU has a handful)
    for (const Tuv& t : tu.tuvs) {
      std::string canonical = CanonicalLangTag(t.lang);
      if (!t.lang.empty() && std::find(seen.begin(), seen.end(), canonical) != seen.end()) {
        problem("two <tuv> in the language '" + t.lang + "': CAT tools keep only one of them");
      }
      seen.push_back(std::move(canonical));
      if (!t.lang.empty() && !IsWellFormedLangTag(t.lang)) problem(LangProblem("tuv language", t.lang));
      if (!t.creationdate.empty() && !IsValidTmxDate(t.creationdate)) {
        problem("tuv date '" + t.creationdate + "' is not a TMX date (YYYYMMDDThhmmssZ, UTC)");
      }
      if (!src.empty() && LangTagMatches(t.lang, src)) has_src = true;
      langs += (langs.empty() ? "" : ", ") + t.lang;
    }
    if (!has_src) problem("no <tuv> in the source language '" + src + "' (it has: " + langs + ")");
    return Status::Ok();
  };

  internal::XmlInput input;
  input.name = name;
  input.path = path;
  input.doctype_root = "tmx";
  internal::ParserSettings settings;
  settings.validate = true;
  settings.dtd = internal::kBundledTmx14Dtd;
  TmxReadOptions read_options;
  read_options.on_progress = options.on_progress;
  internal::SourcePos fatal_pos;
  Status s = internal::ParseTmx(input, settings, read_options, events, &fatal_pos);
  if (s.code() == StatusCode::kNotFound || s.code() == StatusCode::kIo) return s;
  if (!s.ok()) {
    std::string message = s.message();
    std::string prefix = name + ":" + std::to_string(fatal_pos.line) + ":" + std::to_string(fatal_pos.column) + ": ";
    if (message.compare(0, prefix.size(), prefix) == 0) message.erase(0, prefix.size());
    add(fatal_pos.line, fatal_pos.column, "", message + " (not well-formed: nothing after this was checked)",
        true);
  }
  std::stable_sort(report.problems.begin(), report.problems.end(), [](const TmxProblem& a, const TmxProblem& b) {
    return a.line < b.line || (a.line == b.line && a.column < b.column);
  });
  return report;
}

}  // namespace nazir::tmx
