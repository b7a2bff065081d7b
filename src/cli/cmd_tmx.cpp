// nazir tmx validate|stats|merge: TMX 1.4b files from nazir or any other tool.
//
//   nazir tmx validate FILE...            DTD + the checks a DTD cannot do; exit 1 with the problems
//   nazir tmx stats FILE [--json]         TUs, languages, lengths, duplicates, props
//   nazir tmx merge A B... -o OUT [--dedupe] [--json]
#include <sys/stat.h>

#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "nazir/corpus/progress.h"
#include "nazir/tmx/merge.h"
#include "nazir/tmx/stats.h"
#include "nazir/tmx/validate.h"

namespace nazir::cli {

namespace {

// Files smaller than this are done before a progress line would be worth drawing.
constexpr uint64_t kProgressMinBytes = 16 << 20;

struct TmxArgs {
  std::vector<std::string> files;
  std::string output;
  bool dedupe = false;
  bool json = false;
  bool refuse_illegal = false;
  size_t max_problems = 1000;
};

uint64_t FileSize(const std::string& path) {
  struct stat st;
  if (path == "-" || stat(path.c_str(), &st) != 0) return 0;
  return static_cast<uint64_t>(st.st_size);
}

// "label file: 42% (71 of 170 MB)" on one stderr line, redrawn in place; only when stderr is a terminal
// and the file is big enough to take a while.
class FileProgress {
 public:
  explicit FileProgress(std::string label) : label_(std::move(label)) {}

  // A callback for TmxReadOptions::on_progress over `file` (empty when no progress is shown).
  std::function<void(uint64_t)> For(const std::string& file) {
    const uint64_t size = FileSize(file);
    if (!line_.enabled() || size < kProgressMinBytes) return {};
    return [this, file, size](uint64_t bytes) { Draw(file, bytes, size); };
  }

  void Draw(const std::string& file, uint64_t bytes, uint64_t size) {
    if (size == 0) return;
    const int percent = static_cast<int>(100.0 * static_cast<double>(bytes) / static_cast<double>(size));
    if (percent == last_percent_ && file == last_file_) return;  // redraw when it changes
    last_percent_ = percent;
    last_file_ = file;
    constexpr double kMb = 1 << 20;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s %s: %3d%% (%.0f of %.0f MB)", label_.c_str(), file.c_str(), percent,
                  static_cast<double>(bytes) / kMb, static_cast<double>(size) / kMb);
    line_.Show(buf);
  }

  void Clear() {
    line_.Clear();
    last_percent_ = -1;
    last_file_.clear();
  }

 private:
  std::string label_;
  corpus::StatusLine line_;
  int last_percent_ = -1;
  std::string last_file_;
};

// ------------------------------------------------------------------------------------------- validate

int Validate(Context& ctx, const TmxArgs& a) {
  int rc = kExitOk;
  nlohmann::json out = nlohmann::json::array();
  FileProgress progress("validate");
  for (const std::string& file : a.files) {
    tmx::ValidateOptions opts;
    opts.max_problems = a.max_problems;
    opts.on_progress = progress.For(file);
    auto report = tmx::ValidateTmx(file, opts);
    progress.Clear();
    if (!report.ok()) {
      // Could not read it at all: say so and go on with the other files.
      ReportError(report.status());
      rc = report.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitBadInput;
      if (a.json) out.push_back({{"file", file}, {"error", report.status().message()}});
      continue;
    }
    if (!report->valid() && rc == kExitOk) rc = kExitBadInput;
    if (a.json) {
      nlohmann::json problems = nlohmann::json::array();
      for (const tmx::TmxProblem& p : report->problems) {
        problems.push_back({{"line", p.line}, {"column", p.column}, {"tuid", p.tuid}, {"message", p.message},
                            {"fatal", p.fatal}});
      }
      out.push_back({{"file", file},
                     {"valid", report->valid()},
                     {"tus", report->tus},
                     {"problems_total", report->problems_total},
                     {"problems", std::move(problems)}});
      continue;
    }
    for (const tmx::TmxProblem& p : report->problems) std::cout << p.ToString() << "\n";
    if (report->problems_total > report->problems.size()) {
      std::cout << (file == "-" ? "<stdin>" : file) << ": ... and " << report->problems_total - report->problems.size()
                << " more problems (--max-problems to see them)\n";
    }
    const std::string name = file == "-" ? "<stdin>" : file;
    if (report->valid()) {
      std::cout << name << ": valid TMX 1.4b, " << report->tus << " TUs\n";
    } else {
      std::cout << name << ": INVALID: " << report->problems_total << " problem"
                << (report->problems_total == 1 ? "" : "s") << " (" << report->tus << " TUs read)\n";
    }
  }
  if (a.json) std::cout << out.dump(2) << "\n";
  ctx.exit_code = rc;
  return rc;
}

// ------------------------------------------------------------------------------------------- stats

nlohmann::json StatsJson(const std::string& file, const tmx::TmxStats& st) {
  const tmx::TmxHeader& h = st.header;
  nlohmann::json langs = nlohmann::json::object();
  for (const auto& [lang, ls] : st.langs) {
    langs[lang] = {{"segments", ls.tuvs}, {"chars", ls.chars},         {"words", ls.words},
                   {"avg_chars", ls.avg_chars()}, {"avg_words", ls.avg_words()}};
  }
  return {{"file", file},
          {"bytes", st.bytes},
          {"version", h.version},
          {"header",
           {{"creationtool", h.creationtool},
            {"creationtoolversion", h.creationtoolversion},
            {"segtype", h.segtype},
            {"o-tmf", h.o_tmf},
            {"adminlang", h.adminlang},
            {"srclang", h.srclang},
            {"datatype", h.datatype},
            {"creationdate", h.creationdate}}},
          {"tus", st.tus},
          {"tuvs", st.tuvs},
          {"tus_with_markup", st.tus_with_markup},
          {"duplicate_tus", st.duplicate_tus},
          {"languages", std::move(langs)},
          {"prop_types", st.prop_types}};
}

int Stats(Context& ctx, const TmxArgs& a) {
  const std::string& file = a.files.front();
  FileProgress progress("stats");
  tmx::TmxReadOptions opts;
  opts.keep_markup = true;  // tus_with_markup needs it
  opts.on_progress = progress.For(file);
  auto st = tmx::ComputeTmxStats(file, opts);
  progress.Clear();
  if (!st.ok()) return Finish(ctx, st.status());
  if (a.json) {
    std::cout << StatsJson(file, *st).dump(2) << "\n";
    return kExitOk;
  }
  const tmx::TmxHeader& h = st->header;
  std::printf("file         %s (%llu bytes)\n", file.c_str(), static_cast<unsigned long long>(st->bytes));
  std::printf("header       TMX %s by %s %s, srclang %s, segtype %s\n", h.version.c_str(), h.creationtool.c_str(),
              h.creationtoolversion.c_str(), h.srclang.c_str(), h.segtype.c_str());
  std::printf("TUs          %llu (%llu with inline markup)\n", static_cast<unsigned long long>(st->tus),
              static_cast<unsigned long long>(st->tus_with_markup));
  std::printf("duplicates   %llu (same text in every language; `nazir tmx merge --dedupe` removes them)\n",
              static_cast<unsigned long long>(st->duplicate_tus));
  const char* label = "languages    ";
  for (const auto& [lang, ls] : st->langs) {
    std::printf("%s%-6s %llu segments, avg %.1f words, %.1f characters\n", label, lang.c_str(),
                static_cast<unsigned long long>(ls.tuvs), ls.avg_words(), ls.avg_chars());
    label = "             ";
  }
  label = "props        ";
  for (const auto& [type, n] : st->prop_types) {
    std::printf("%s%s on %llu TUs\n", label, type.c_str(), static_cast<unsigned long long>(n));
    label = "             ";
  }
  return kExitOk;
}

// ------------------------------------------------------------------------------------------- merge

int Merge(Context& ctx, const TmxArgs& a) {
  FileProgress progress("merge");
  std::vector<std::function<void(uint64_t)>> per_file;
  for (const std::string& f : a.files) per_file.push_back(progress.For(f));
  tmx::MergeOptions opts;
  opts.dedupe = a.dedupe;
  if (a.refuse_illegal) opts.writer.illegal_chars = tmx::IllegalCharPolicy::kRefuse;
  opts.on_progress = [&](const std::string& file, uint64_t bytes) {
    for (size_t i = 0; i < a.files.size(); ++i) {
      if (a.files[i] == file && per_file[i]) per_file[i](bytes);
    }
  };
  auto r = tmx::MergeTmx(a.files, a.output, opts);
  progress.Clear();
  if (!r.ok()) return Finish(ctx, r.status());
  if (a.json) {
    nlohmann::json inputs = nlohmann::json::array();
    for (size_t i = 0; i < a.files.size(); ++i) inputs.push_back({{"file", a.files[i]}, {"tus", r->tus_per_input[i]}});
    nlohmann::json j = {{"output", a.output},         {"inputs", std::move(inputs)},
                        {"input_tus", r->input_tus},  {"output_tus", r->output_tus},
                        {"duplicates_removed", r->duplicates_removed}, {"tuids_renamed", r->tuids_renamed},
                        {"chars_dropped", r->chars_dropped}};
    // stdout may be the TMX itself (-o -): the report then goes to stderr.
    (a.output == "-" ? std::cerr : std::cout) << j.dump(2) << "\n";
    return kExitOk;
  }
  std::cerr << "merge: " << r->input_tus << " TUs from " << a.files.size() << " files -> " << r->output_tus
            << " TUs in " << a.output;
  if (a.dedupe) std::cerr << " (" << r->duplicates_removed << " duplicates removed, the newest kept)";
  std::cerr << "\n";
  if (r->tuids_renamed > 0) {
    std::cerr << "merge: " << r->tuids_renamed << " TUs had a tuid already used by an earlier TU: written with "
              << "a -2, -3... suffix so that tuids stay unique\n";
  }
  if (r->chars_dropped > 0) {
    std::cerr << "merge: " << r->chars_dropped
              << " characters XML 1.0 cannot carry were dropped (--refuse-illegal-chars to fail instead)\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterTmx(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<TmxArgs>();
  CLI::App* t = app.add_subcommand("tmx", "TMX 1.4b translation memories: validate, statistics, merge");
  t->require_subcommand(1);

  CLI::App* validate = t->add_subcommand(
      "validate",
      "Check TMX files against the TMX 1.4b DTD (bundled) and what a DTD cannot check: a tuv in the "
      "source language, real dates, unique tuids, well-formed language tags. Exit 1 if any problem");
  validate->add_option("FILE", args->files, "TMX files (\"-\" = stdin)")->required();
  validate->add_flag("--json", args->json, "print the reports as JSON");
  validate->add_option("--max-problems", args->max_problems, "list at most N problems per file")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  validate->callback([&ctx, args] { Validate(ctx, *args); });

  CLI::App* stats = t->add_subcommand("stats", "What is in a TMX file: TUs, languages, lengths, duplicates");
  stats->add_option("FILE", args->files, "a TMX file (\"-\" = stdin)")->required()->expected(1);
  stats->add_flag("--json", args->json, "print JSON");
  stats->callback([&ctx, args] { Stats(ctx, *args); });

  CLI::App* merge = t->add_subcommand(
      "merge",
      "Merge TMX files into one. --dedupe drops TUs with the same text in every language (whitespace "
      "normalized), keeping the newest");
  merge->add_option("FILE", args->files, "input TMX files")->required();
  merge->add_option("-o,--output", args->output, "output TMX (written atomically; \"-\" = stdout)")->required();
  merge->add_flag("--dedupe", args->dedupe, "remove duplicate TUs (the newest wins)");
  merge->add_flag("--refuse-illegal-chars", args->refuse_illegal,
                  "fail on a character XML 1.0 cannot carry instead of dropping it");
  merge->add_flag("--json", args->json, "print the merge report as JSON");
  merge->callback([&ctx, args] { Merge(ctx, *args); });
}

}  // namespace nazir::cli
