// nazir tm import|export|stats|lookup|concordance: the translation memory in the store.
//
//   nazir tm import FILE.tmx... [--db FILE]        streaming, resumable, duplicates folded
//   nazir tm export -o OUT.tmx [--db FILE] [--min-confidence X] [--doc ID]
//   nazir tm stats [--db FILE] [--json]
//   nazir tm lookup "SENTENCE" [--db FILE] [--min-match 70] [--limit N] [--json]
//   nazir tm concordance "PHRASE" [--db FILE] [--limit N] [--json]
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "nazir/base/lang.h"
#include "nazir/corpus/progress.h"
#include "nazir/store/store.h"
#include "nazir/store/tm_export.h"
#include "nazir/store/tm_import.h"
#include "nazir/store/tm_search.h"

namespace nazir::cli {

namespace {

// How often the import progress line may be redrawn (it is drawn after a commit, at most this often).
constexpr double kProgressEverySeconds = 0.2;

// The marks around a concordance hit in plain output. U+27E6/U+27E7 (mathematical white square
// brackets) occur in no news text, and are Bidi_Mirrored, so they face the right way in Arabic lines.
constexpr char kHitOpen[] = "\u27e6";
constexpr char kHitClose[] = "\u27e7";
// The same on a colour terminal: bold yellow, then reset.
constexpr char kAnsiHitOpen[] = "\033[1;33m";
constexpr char kAnsiHitClose[] = "\033[0m";

struct TmArgs {
  std::string db = store::kDefaultDbPath;
  std::vector<std::string> files;
  std::string output;
  std::string text;
  std::string doc;
  std::string lang;
  std::string srclang;
  std::string color = "auto";
  std::optional<double> min_confidence;
  int min_match = 70;
  int limit = 10;         // lookup
  int conc_limit = 20;    // concordance
  int batch = store::kDefaultImportBatch;
  int threads = 0;
  bool json = false;
  bool clean = false;
  bool compact = false;
  bool check = false;     // reindex
};

StatusOr<std::unique_ptr<store::Store>> OpenForReading(const std::string& path) {
  store::StoreOptions opts;
  opts.read_only = true;
  return store::Store::Open(path, opts);
}

StatusOr<std::optional<Lang>> LangOption(const std::string& tag) {
  if (tag.empty()) return std::optional<Lang>();
  std::optional<Lang> lang = ParseLang(tag);
  if (!lang) return InvalidArgumentError("--lang must be ar or en, not '" + tag + "'");
  return lang;
}

// Document names, looked up once per id.
class DocumentNames {
 public:
  explicit DocumentNames(store::Store& store) : store_(store) {}
  std::string Name(int64_t id) {
    if (id == 0) return "";
    auto it = names_.find(id);
    if (it != names_.end()) return it->second;
    StatusOr<std::optional<store::DocumentRecord>> d = store_.GetDocument(id);
    std::string name = d.ok() && *d ? (*d)->name : "#" + std::to_string(id);
    names_.emplace(id, name);
    return name;
  }

 private:
  store::Store& store_;
  std::map<int64_t, std::string> names_;
};

std::string JoinInts(const std::vector<int>& v) {
  std::string out;
  for (int x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}

// ------------------------------------------------------------------------------------------------ import

// "tm import FILE: 120000 TUs, 45000 TU/s" on one stderr line, only when stderr is a terminal.
class ImportProgressLine {
 public:
  void Draw(const store::ImportProgress& p) {
    if (!line_.enabled() || p.seconds - last_ < kProgressEverySeconds) return;
    last_ = p.seconds;
    const double rate = p.seconds > 0 ? static_cast<double>(p.inserted + p.folded) / p.seconds : 0;
    char buf[512];
    std::snprintf(buf, sizeof buf, "tm import %s: %" PRId64 " TUs (%" PRId64 " new, %" PRId64 " folded), %.0f TU/s",
                  p.file.c_str(), p.tus_read, p.inserted, p.folded, rate);
    line_.Show(buf);
  }

  void Clear() {
    line_.Clear();
    last_ = 0;
  }

 private:
  corpus::StatusLine line_;
  double last_ = 0;
};

int Import(Context& ctx, const TmArgs& a) {
  StatusOr<std::unique_ptr<store::Store>> st = store::Store::Open(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  ImportProgressLine progress;
  store::ImportOptions opts;
  opts.batch_size = a.batch;
  opts.threads = a.threads;
  opts.on_progress = [&](const store::ImportProgress& p) { progress.Draw(p); };

  int failed = 0;
  int64_t read = 0, inserted = 0, folded = 0, rejected = 0, resumed = 0;
  double seconds = 0;
  nlohmann::json files = nlohmann::json::array();
  for (const std::string& file : a.files) {
    StatusOr<store::ImportResult> r = store::ImportTmx(**st, file, opts);
    progress.Clear();
    if (!r.ok()) {
      ReportError(r.status());
      ++failed;
      files.push_back({{"file", file}, {"error", r.status().message()}});
      continue;
    }
    const char* outcome = store::OutcomeName(r->outcome);
    files.push_back({{"file", file},
                     {"outcome", outcome},
                     {"document_id", r->document_id},
                     {"tus", r->tus_read},
                     {"resumed_from", r->resumed_from},
                     {"inserted", r->inserted},
                     {"folded", r->folded},
                     {"rejected", r->rejected},
                     {"seconds", r->seconds}});
    if (r->outcome == store::ImportResult::Outcome::kUnchanged) {
      std::cerr << "tm import " << file << ": unchanged, already in the store"
                << (r->same_as.empty() ? "" : " as " + r->same_as) << " (" << r->tus_read << " TUs)\n";
    } else if (a.files.size() > 1 || r->resumed_from > 0 || r->rejected > 0) {
      std::cerr << "tm import " << file << ": " << outcome << ", " << r->tus_read << " TUs";
      if (r->resumed_from > 0) std::cerr << " (" << r->resumed_from << " were in from an interrupted run)";
      if (r->rejected > 0) std::cerr << ", " << r->rejected << " without any <tuv> skipped";
      std::cerr << "\n";
    }
    if (r->outcome != store::ImportResult::Outcome::kUnchanged) {
      read += r->tus_read - r->resumed_from;
      inserted += r->inserted;
      folded += r->folded;
      rejected += r->rejected;
      resumed += r->resumed_from;
      seconds += r->seconds;
    }
  }
  StatusOr<int64_t> total = (*st)->CountTus();
  if (!total.ok()) return Finish(ctx, total.status());
  const double rate = seconds > 0 ? static_cast<double>(read) / seconds : 0;
  if (a.json) {
    std::cout << nlohmann::json{{"db", a.db},       {"files", files},       {"tus_read", read},
                                {"inserted", inserted}, {"folded", folded}, {"rejected", rejected},
                                {"seconds", seconds}, {"tus_per_second", rate}, {"store_tus", *total},
                                {"failed_files", failed}}
                     .dump(2)
              << "\n";
  }
  std::fprintf(stderr,
               "tm import: %zu file(s), %" PRId64 " TUs read: %" PRId64 " new, %" PRId64
               " duplicates folded%s in %.1f s (%.0f TU/s); %s now holds %" PRId64 " TUs%s\n",
               a.files.size() - static_cast<size_t>(failed), read, inserted, folded,
               rejected > 0 ? (", " + std::to_string(rejected) + " rejected").c_str() : "", seconds, rate,
               a.db.c_str(), *total, failed > 0 ? (" (" + std::to_string(failed) + " file(s) failed)").c_str() : "");
  ctx.exit_code = failed > 0 ? kExitBadInput : kExitOk;
  return ctx.exit_code;
}

// ------------------------------------------------------------------------------------------------ export

// --doc: a document id, a document name, or the path of an imported TMX file.
StatusOr<int64_t> ResolveDocument(store::Store& s, const std::string& ref) {
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos) {
    StatusOr<std::optional<store::DocumentRecord>> d = s.GetDocument(std::stoll(ref));
    if (!d.ok()) return d.status();
    if (*d) return (*d)->id;
  }
  StatusOr<std::optional<store::DocumentRecord>> d = s.FindDocument(ref);
  if (!d.ok()) return d.status();
  if (*d) return (*d)->id;
  std::error_code ec;
  const std::string abs = std::filesystem::absolute(ref, ec).lexically_normal().string();
  d = s.FindDocument(abs);
  if (!d.ok()) return d.status();
  if (*d) return (*d)->id;
  return NotFoundError("--doc " + ref + ": no such document in " + s.path() + " (see `nazir tm stats`)");
}

int Export(Context& ctx, const TmArgs& a) {
  StatusOr<std::unique_ptr<store::Store>> st = OpenForReading(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  if (a.min_confidence && (*a.min_confidence < 0 || *a.min_confidence > 1)) {
    return Finish(ctx, InvalidArgumentError("--min-confidence must be between 0 and 1"));
  }
  store::ExportOptions opts;
  opts.filter.min_confidence = a.min_confidence;
  if (!a.doc.empty()) {
    StatusOr<int64_t> id = ResolveDocument(**st, a.doc);
    if (!id.ok()) return Finish(ctx, id.status());
    opts.filter.document_id = *id;
  }
  opts.srclang = a.srclang;
  opts.clean_segments = a.clean;
  opts.pretty = !a.compact;
  StatusOr<store::ExportResult> r = store::ExportTmx(**st, a.output, opts);
  if (!r.ok()) return Finish(ctx, r.status());
  if (a.json) {
    std::cout << nlohmann::json{{"output", a.output}, {"tus", r->tus}, {"bytes", r->bytes}, {"srclang", r->srclang}}
                     .dump(2)
              << "\n";
  }
  if (a.output != "-") {
    std::fprintf(stderr, "tm export: %" PRId64 " TUs written to %s (srclang %s)\n", r->tus, a.output.c_str(),
                 r->srclang.c_str());
  }
  return kExitOk;
}

// ------------------------------------------------------------------------------------------------- stats

int Stats(Context& ctx, const TmArgs& a) {
  StatusOr<std::unique_ptr<store::Store>> st = OpenForReading(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  StatusOr<store::TmStats> s = (*st)->Stats();
  if (!s.ok()) return Finish(ctx, s.status());
  static constexpr const char* kBands[] = {"<0.5", "0.5-0.7", "0.7-0.9", ">=0.9", "none"};
  if (a.json) {
    nlohmann::json bands;
    for (int i = 0; i < 5; ++i) bands[kBands[i]] = s->confidence_bands[i];
    std::cout << nlohmann::json{{"db", a.db},
                                {"tus", s->tus},
                                {"occurrences", s->occurrences},
                                {"documents", s->documents},
                                {"incomplete_documents", s->incomplete_documents},
                                {"ar_words", s->ar_words},
                                {"en_words", s->en_words},
                                {"with_confidence", s->with_confidence},
                                {"confidence_bands", bands},
                                {"glossary_entries", s->glossary_entries},
                                {"file_bytes", s->file_bytes},
                                {"schema_version", s->schema_version}}
                     .dump(2)
              << "\n";
    return kExitOk;
  }
  std::printf("store              %s (schema %d, %.1f MB)\n", a.db.c_str(), s->schema_version,
              static_cast<double>(s->file_bytes) / (1 << 20));
  std::printf("TUs                %" PRId64 " distinct, %" PRId64 " added (%" PRId64 " duplicates folded)\n", s->tus,
              s->occurrences, s->occurrences - s->tus);
  std::printf("words              %" PRId64 " Arabic, %" PRId64 " English\n", s->ar_words, s->en_words);
  std::printf("documents          %" PRId64 " complete", s->documents);
  if (s->incomplete_documents > 0) {
    std::printf(", %" PRId64 " interrupted (re-run the import or the alignment to finish them)",
                s->incomplete_documents);
  }
  std::printf("\nconfidence         ");
  for (int i = 0; i < 5; ++i) std::printf("%s%s: %" PRId64, i ? ", " : "", kBands[i], s->confidence_bands[i]);
  std::printf("\nglossary entries   %" PRId64 "\n", s->glossary_entries);
  return kExitOk;
}

// ----------------------------------------------------------------------------------------------- reindex

int Reindex(Context& ctx, const TmArgs& a) {
  if (!std::filesystem::exists(a.db)) return Finish(ctx, NotFoundError(a.db + ": no such store"));
  StatusOr<std::unique_ptr<store::Store>> st =
      a.check ? OpenForReading(a.db) : store::Store::Open(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  if (!a.check) {
    Status rebuilt = (*st)->RebuildIndexes();
    if (!rebuilt.ok()) return Finish(ctx, rebuilt);
  }
  Status checked = (*st)->CheckIndexes();
  if (!checked.ok()) return Finish(ctx, InvalidInputError(checked.message()));
  std::cerr << "tm reindex: the word index of " << a.db << (a.check ? " is consistent with its TUs\n" : " was rebuilt\n");
  return kExitOk;
}

// ------------------------------------------------------------------------------------------------ lookup

int Lookup(Context& ctx, const TmArgs& a) {
  StatusOr<std::optional<Lang>> lang = LangOption(a.lang);
  if (!lang.ok()) return Finish(ctx, lang.status());
  StatusOr<std::unique_ptr<store::Store>> st = OpenForReading(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  store::LookupOptions opts;
  opts.min_match = a.min_match;
  opts.limit = a.limit;
  opts.lang = *lang;
  StatusOr<std::vector<store::TmMatch>> matches = store::Lookup(**st, a.text, opts);
  if (!matches.ok()) return Finish(ctx, matches.status());
  DocumentNames docs(**st);
  nlohmann::json out = nlohmann::json::array();
  for (const store::TmMatch& m : *matches) {
    StatusOr<std::vector<store::TuProvenance>> from = (*st)->GetProvenance(m.tu_id);
    if (!from.ok()) return Finish(ctx, from.status());
    if (a.json) {
      nlohmann::json j{{"tu_id", m.tu_id},         {"match", m.score},
                       {"lang", std::string(LangCode(m.lang))}, {"source", m.source_text},
                       {"target", m.target_text},  {"target_lang", m.target_lang},
                       {"count", m.count}};
      j["confidence"] = m.confidence ? nlohmann::json(*m.confidence) : nlohmann::json();
      nlohmann::json prov = nlohmann::json::array();
      for (const store::TuProvenance& p : *from) {
        nlohmann::json pj{{"document", docs.Name(p.document_id)},
                          {"ar_sentences", p.ar_sentences},
                          {"en_sentences", p.en_sentences},
                          {"created", p.creationdate},
                          {"origin_file", p.origin_file}};
        pj["confidence"] = p.confidence ? nlohmann::json(*p.confidence) : nlohmann::json();
        prov.push_back(std::move(pj));
      }
      j["provenance"] = std::move(prov);
      out.push_back(std::move(j));
      continue;
    }
    std::printf("%3d%%  %s\n      %s\n", m.score, m.source_text.c_str(), m.target_text.c_str());
    // Provenance: the first occurrence in full, then how many more.
    std::string line = "      tu " + std::to_string(m.tu_id);
    if (m.count > 1) line += ", seen " + std::to_string(m.count) + " times";
    if (m.confidence) {
      char c[32];
      std::snprintf(c, sizeof c, ", confidence %.2f", *m.confidence);
      line += c;
    }
    if (!from->empty()) {
      const store::TuProvenance& p = from->front();
      const std::string doc = docs.Name(p.document_id);
      if (!doc.empty()) line += ", from " + doc;
      if (!p.ar_sentences.empty() || !p.en_sentences.empty()) {
        line += " (ar " + JoinInts(p.ar_sentences) + " / en " + JoinInts(p.en_sentences) + ")";
      }
      if (!p.origin_file.empty() && p.origin_file != doc) line += ", file " + p.origin_file;
      if (!p.creationdate.empty()) line += ", " + p.creationdate;
      if (from->size() > 1) line += " (+" + std::to_string(from->size() - 1) + " more)";
    }
    std::printf("%s\n", line.c_str());
  }
  if (a.json) {
    std::cout << out.dump(2) << "\n";
  } else if (matches->empty()) {
    std::fprintf(stderr, "tm lookup: no match of %d%% or more in %s\n", a.min_match, a.db.c_str());
  }
  return kExitOk;
}

// ------------------------------------------------------------------------------------------- concordance

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org
  return isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
}

int Concordance(Context& ctx, const TmArgs& a) {
  StatusOr<std::optional<Lang>> lang = LangOption(a.lang);
  if (!lang.ok()) return Finish(ctx, lang.status());
  StatusOr<std::unique_ptr<store::Store>> st = OpenForReading(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  store::ConcordanceOptions opts;
  opts.limit = a.conc_limit;
  opts.lang = *lang;
  StatusOr<std::vector<store::ConcordanceHit>> hits = store::Concordance(**st, a.text, opts);
  if (!hits.ok()) return Finish(ctx, hits.status());
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const store::ConcordanceHit& h : *hits) {
      out.push_back({{"tu_id", h.tu_id},
                     {"lang", std::string(LangCode(h.lang))},
                     {"text", h.text},
                     {"hit_begin", h.hit_begin},
                     {"hit_end", h.hit_end},
                     {"hit", h.text.substr(h.hit_begin, h.hit_end - h.hit_begin)},
                     {"other_text", h.other_text},
                     {"count", h.count}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  const bool color = UseColor(a.color);
  const char* open = color ? kAnsiHitOpen : kHitOpen;
  const char* close = color ? kAnsiHitClose : kHitClose;
  for (const store::ConcordanceHit& h : *hits) {
    std::string marked = h.text;
    if (h.hit_end > h.hit_begin && h.hit_end <= h.text.size()) {
      marked = h.text.substr(0, h.hit_begin) + open + h.text.substr(h.hit_begin, h.hit_end - h.hit_begin) + close +
               h.text.substr(h.hit_end);
    }
    std::printf("%s\n    %s\n", marked.c_str(), h.other_text.c_str());
  }
  if (hits->empty()) std::fprintf(stderr, "tm concordance: not found in %s\n", a.db.c_str());
  return kExitOk;
}

}  // namespace

void RegisterTm(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<TmArgs>();
  CLI::App* tm = app.add_subcommand("tm", "The translation memory: import, export, stats, lookup, concordance, reindex");
  tm->require_subcommand(1);
  auto add_db = [&](CLI::App* c) {
    c->add_option("--db", args->db, "the store (SQLite file)")->capture_default_str();
  };

  CLI::App* imp = tm->add_subcommand(
      "import",
      "Add the TUs of TMX files to the store, streaming. Duplicates (same text in every language after\n"
      "whitespace normalization) are stored once with a count. Each batch of TUs is one transaction, so a\n"
      "killed import keeps what it committed, and running the same command again resumes it; a file\n"
      "already imported is skipped, a changed one replaced. Progress on stderr when it is a terminal.");
  imp->add_option("FILE", args->files, "TMX files (1.1-1.4b, from any tool)")->required()->check(CLI::ExistingFile);
  add_db(imp);
  imp->add_option("--batch", args->batch, "TUs per transaction")->capture_default_str()->check(CLI::PositiveNumber);
  imp->add_option("--threads", args->threads, "threads tokenizing TUs (0: one per core; two or more work in pairs, one on the Arabic side)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  imp->add_flag("--json", args->json, "print the summary as JSON on stdout");
  imp->callback([&ctx, args] { Import(ctx, *args); });

  CLI::App* exp = tm->add_subcommand(
      "export", "Write the TUs of the store as TMX 1.4b, each as first added (props, notes, inline markup)");
  exp->add_option("-o,--output", args->output, "output file (written atomically; - for stdout)")->required();
  add_db(exp);
  exp->add_option("--min-confidence", args->min_confidence,
                  "only TUs whose best confidence is >= X (0-1); TUs without a confidence (a human TM) are kept");
  exp->add_option("--doc", args->doc, "only TUs from this document (id, name, or path of an imported TMX)");
  exp->add_option("--srclang", args->srclang,
                  "header srclang (default: the documents' own when they agree, else *all*)");
  exp->add_flag("--clean", args->clean, "clean segments on the way out (trim, NFC, no bidi controls)");
  exp->add_flag("--compact", args->compact, "no indentation (smaller file)");
  exp->add_flag("--json", args->json, "print the summary as JSON on stdout");
  exp->callback([&ctx, args] { Export(ctx, *args); });

  CLI::App* stats = tm->add_subcommand("stats", "Counts: TUs, duplicates, words, documents, confidence, size");
  add_db(stats);
  stats->add_flag("--json", args->json, "print JSON");
  stats->callback([&ctx, args] { Stats(ctx, *args); });

  CLI::App* reindex = tm->add_subcommand(
      "reindex", "Rebuild the lookup/concordance word index from the stored TUs (after damage); --check only\n"
                 "verifies that it holds exactly the TUs' words (exit 1 when it does not)");
  add_db(reindex);
  reindex->add_flag("--check", args->check, "verify only, change nothing");
  reindex->callback([&ctx, args] { Reindex(ctx, *args); });

  CLI::App* lookup = tm->add_subcommand(
      "lookup",
      "Fuzzy matches of a sentence (Arabic or English), best first: match %, source, target, provenance.\n"
      "match = floor(100 * (1 - d / max(n, m))), d the word-level edit distance between the two segments'\n"
      "normalized word keys (case, diacritics, alef/ya/ta marbuta forms, digits folded; punctuation left\n"
      "out), n and m their word counts; 100 only when punctuation is identical too (else 99).");
  lookup->add_option("SENTENCE", args->text, "the sentence to translate")->required();
  add_db(lookup);
  lookup->add_option("--min-match", args->min_match, "drop matches below this percentage")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  lookup->add_option("--limit", args->limit, "at most N matches")->capture_default_str()->check(CLI::PositiveNumber);
  lookup->add_option("--lang", args->lang, "the sentence's language, ar or en (default: from its script)");
  lookup->add_flag("--json", args->json, "print JSON (with every provenance row)");
  lookup->callback([&ctx, args] { Lookup(ctx, *args); });

  CLI::App* conc = tm->add_subcommand(
      "concordance",
      "Segments holding a phrase (whole words; the last may be the start of a longer word; Arabic\n"
      "proclitics like w-, bi-, al- allowed on the first), newest first, with the translation. The hit is\n"
      "marked \u27e6like this\u27e7, or in bold yellow when stdout is a terminal (see --color; NO_COLOR is\n"
      "honoured). --json gives byte offsets instead.");
  conc->add_option("PHRASE", args->text, "one or more words, Arabic or English")->required();
  add_db(conc);
  conc->add_option("--limit", args->conc_limit, "at most N segments")->capture_default_str()->check(CLI::PositiveNumber);
  conc->add_option("--lang", args->lang, "the phrase's language, ar or en (default: from its script)");
  conc->add_option("--color", args->color, "mark hits with ANSI colour: auto (terminal), always, never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
  conc->add_flag("--json", args->json, "print JSON");
  conc->callback([&ctx, args] { Concordance(ctx, *args); });
}

}  // namespace nazir::cli
