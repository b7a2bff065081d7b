// nazir glossary build|lookup|export|import: the glossary of names in the store.
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "nazir/corpus/glossary_db.h"
#include "nazir/store/store.h"
#include "nazir/tmx/glossary_csv.h"
#include "nazir/tmx/glossary_tsv.h"
#include "nazir/tmx/tbx.h"

namespace nazir::cli {

namespace {

struct GlossaryArgs {
  std::string db = store::kDefaultDbPath;
  std::string term;
  std::string format;
  std::string output;
  std::string input;
  int limit = 10;
  bool json = false;
};

StatusOr<std::unique_ptr<store::Store>> OpenExisting(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return NotFoundError("no store at " + path +
                         " (build one with `nazir align AR EN --db " + path + "` or `nazir glossary import`)");
  }
  store::StoreOptions opts;
  opts.read_only = true;
  return store::Store::Open(path, opts);
}

std::string ExtensionFormat(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".tbx" || ext == ".xml") return "tbx";
  if (ext == ".tsv" || ext == ".txt" || ext == ".utf8" || ext == ".tab") return "tsv";
  if (ext == ".csv") return "csv";
  return "";
}

nlohmann::json EntryJson(const GlossaryEntry& e) {
  nlohmann::json j;
  j["id"] = e.id;
  j["english"] = e.english;
  j["type"] = e.type;
  j["count"] = e.count;
  j["arabic"] = nlohmann::json::array();
  for (const auto& v : e.arabic) {
    j["arabic"].push_back({{"text", v.text}, {"count", v.count}, {"example", v.example}, {"source", v.source}});
  }
  j["english_variants"] = nlohmann::json::array();
  for (const auto& v : e.english_variants) j["english_variants"].push_back({{"text", v.text}, {"count", v.count}});
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

int Build(Context& ctx, const GlossaryArgs& a) {
  auto st = store::Store::Open(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  auto report = corpus::BuildGlossary(**st, {});
  if (!report.ok()) return Finish(ctx, report.status());
  if (a.json) {
    std::cout << nlohmann::json{{"pairs", report->pairs}, {"entries", report->entries},
                                {"imported_kept", report->imported_kept},
                                {"translation_links", report->translation}}
                     .dump()
              << "\n";
  } else {
    std::cerr << "glossary: " << report->entries << " entries mined from " << report->pairs << " aligned pairs";
    if (report->imported_kept > 0) std::cerr << " (" << report->imported_kept << " imported entries kept)";
    std::cerr << " in " << a.db << "\n";
    if (!report->translation) {
      std::cerr << "glossary: no bilingual dictionary found (Debian dict-freedict-ara-eng): names Arabic translates "
                   "(البيت الأبيض, White House) were not mined\n";
    }
  }
  return kExitOk;
}

// A glossary keyed by an older nazir is re-keyed once (a write, like the TM index rebuild on open), so
// its lookups find every spelling; a store we may not write is looked up as it is, with a warning.
void RekeyIfStale(std::unique_ptr<store::Store>& st, const std::string& path) {
  auto current = corpus::GlossaryKeysCurrent(*st);
  if (!current.ok() || *current) return;
  auto writable = store::Store::Open(path);
  auto rekeyed = writable.ok() ? corpus::RekeyGlossary(**writable) : StatusOr<int64_t>(writable.status());
  if (!rekeyed.ok()) {
    std::cerr << "nazir: warning: the glossary in " << path << " was keyed by an older nazir and could not be "
              << "re-keyed (" << rekeyed.status().message() << "); lookups may miss spellings until "
              << "`nazir glossary build` is run on it\n";
    return;
  }
  std::cerr << "nazir: re-keyed the " << *rekeyed << " glossary entries of " << path
            << " for this version of nazir\n";
  writable->reset();
  auto reopened = OpenExisting(path);
  if (reopened.ok()) st = std::move(*reopened);
}

int Lookup(Context& ctx, const GlossaryArgs& a) {
  auto st = OpenExisting(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  RekeyIfStale(*st, a.db);
  auto hits = corpus::LookupGlossary(**st, a.term, a.limit);
  if (!hits.ok()) return Finish(ctx, hits.status());
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : *hits) {
      nlohmann::json j = EntryJson(h.entry);
      j["score"] = h.score;
      j["how"] = std::string(names::MatchKindName(h.how));
      j["matched"] = h.matched;
      out.push_back(std::move(j));
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& h : *hits) {
    const GlossaryEntry& e = h.entry;
    std::printf("%s\t%s\t%.2f\t%s (%s)\t", e.english.c_str(), e.type.empty() ? "-" : e.type.c_str(), h.score,
                std::string(names::MatchKindName(h.how)).c_str(), h.matched.c_str());
    for (size_t i = 0; i < e.arabic.size(); ++i) {
      std::printf("%s%s (%d)", i ? ", " : "", e.arabic[i].text.c_str(), e.arabic[i].count);
    }
    std::printf("\n");
  }
  return kExitOk;
}

int Export(Context& ctx, const GlossaryArgs& a) {
  auto st = OpenExisting(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  auto entries = corpus::ListGlossary(**st);
  if (!entries.ok()) return Finish(ctx, entries.status());
  std::string format = a.format.empty() ? ExtensionFormat(a.output) : a.format;
  Status s;
  if (format == "tbx") {
    s = tmx::WriteTbx(a.output, *entries, tmx::TbxOptions());
  } else if (format == "tsv") {
    s = tmx::WriteOmegatTsv(a.output, *entries);
  } else if (format == "csv") {
    s = tmx::WriteGlossaryCsv(a.output, *entries);
  } else {
    s = InvalidArgumentError("--format must be tbx, tsv or csv");
  }
  if (!s.ok()) return Finish(ctx, s);
  std::cerr << "glossary: " << entries->size() << " entries written to " << a.output << "\n";
  return kExitOk;
}

int Import(Context& ctx, const GlossaryArgs& a) {
  std::string format = a.format.empty() ? ExtensionFormat(a.input) : a.format;
  std::vector<GlossaryEntry> entries;
  auto collect = [&](GlossaryEntry&& e) {
    entries.push_back(std::move(e));
    return Status::Ok();
  };
  Status s;
  if (format == "tbx") {
    s = tmx::ReadTbx(a.input, tmx::TbxOptions(), collect);
  } else if (format == "tsv") {
    s = tmx::ReadOmegatTsv(a.input, collect);
  } else if (format == "csv") {
    s = tmx::ReadGlossaryCsv(a.input, collect);
  } else {
    s = InvalidArgumentError("cannot tell the format of " + a.input + ": use --format tbx|tsv|csv");
  }
  if (!s.ok()) return Finish(ctx, s);
  auto st = store::Store::Open(a.db);
  if (!st.ok()) return Finish(ctx, st.status());
  auto n = corpus::ImportGlossaryEntries(**st, std::move(entries));
  if (!n.ok()) return Finish(ctx, n.status());
  std::cerr << "glossary: " << *n << " entries imported into " << a.db << "\n";
  return kExitOk;
}

}  // namespace

void RegisterGlossary(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<GlossaryArgs>();
  CLI::App* g = app.add_subcommand("glossary", "The glossary of names: build, look up, export, import");
  g->require_subcommand(1);
  auto add_db = [&](CLI::App* c) {
    c->add_option("--db", args->db, "the store (SQLite file)")->capture_default_str();
  };

  CLI::App* build = g->add_subcommand("build", "(Re)mine the glossary from every aligned pair in the store");
  add_db(build);
  build->add_flag("--json", args->json, "print the summary as JSON on stdout");
  build->callback([&ctx, args] { Build(ctx, *args); });

  CLI::App* lookup = g->add_subcommand(
      "lookup", "Find entries by any spelling, Arabic or English, with or without clitics");
  lookup->add_option("TERM", args->term, "a name in Arabic or English")->required();
  add_db(lookup);
  lookup->add_flag("--json", args->json, "print JSON");
  lookup->add_option("--limit", args->limit, "at most N entries")->capture_default_str()->check(CLI::PositiveNumber);
  lookup->callback([&ctx, args] { Lookup(ctx, *args); });

  CLI::App* exp = g->add_subcommand("export", "Write the glossary as TBX (v2, TBX-Basic), OmegaT TSV or CSV");
  exp->add_option("--format", args->format, "tbx, tsv or csv (default: from the file extension)")
      ->check(CLI::IsMember({"tbx", "tsv", "csv"}));
  exp->add_option("-o,--output", args->output, "output file (written atomically)")->required();
  add_db(exp);
  exp->callback([&ctx, args] { Export(ctx, *args); });

  CLI::App* imp = g->add_subcommand("import", "Add entries from a TBX, OmegaT TSV or CSV glossary");
  imp->add_option("FILE", args->input, "glossary file")->required();
  imp->add_option("--format", args->format, "tbx, tsv or csv (default: from the file extension)")
      ->check(CLI::IsMember({"tbx", "tsv", "csv"}));
  add_db(imp);
  imp->callback([&ctx, args] { Import(ctx, *args); });
}

}  // namespace nazir::cli
