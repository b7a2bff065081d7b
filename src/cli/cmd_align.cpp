// nazir align AR_FILE EN_FILE [--presegmented] [--format beads|tsv|json|tmx] [-o OUT] [--min-confidence X] [--db FILE]
// nazir align --batch PAIRS.tsv | --ar-dir A --en-dir E  [--db FILE] [-o OUT.tmx] [--threads N] [--shard I/N]
//             [--learn corpus|document] [--json]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "nazir/align/aligner.h"
#include "nazir/base/atomic_file.h"
#include "nazir/base/lang.h"
#include "nazir/corpus/batch.h"
#include "nazir/corpus/glossary_db.h"
#include "nazir/corpus/pairs.h"
#include "nazir/store/store.h"
#include "nazir/text/script.h"
#include "nazir/text/segment.h"
#include "nazir/text/utf8.h"
#include "nazir/tmx/tmx_writer.h"

namespace nazir::cli {
namespace {

struct AlignCliOptions {
  std::string ar_file;
  std::string en_file;
  bool presegmented = false;
  std::string format = "beads";
  std::string output = "-";
  double min_confidence = align::AlignerOptions::kDefaultMinConfidence;
  std::string encoding = "utf-8";
  std::string src_lang = "ar";
  std::string tgt_lang = "en";
  std::string dict_dir;
  bool no_lexicon = false, no_learned = false, no_names = false, no_numbers = false, no_length = false,
       no_calendar = false, no_punct = false;
  // Store and corpus mode.
  std::string db;             // --db: aligned pairs (and the re-mined glossary) go into this store
  std::string batch;          // --batch PAIRS.tsv
  std::string ar_dir, en_dir;  // --ar-dir/--en-dir
  int threads = 0;
  std::string shard;          // "I/N"
  std::string learn = "corpus";
  bool json = false;
  bool no_glossary = false;
  std::string beads_dir;
};

StatusOr<Document> LoadDocument(const std::string& path, Lang lang, text::Encoding enc, bool presegmented) {
  StatusOr<std::string> bytes = text::ReadTextFile(path, enc);
  if (!bytes.ok()) return bytes.status();
  NAZIR_RETURN_IF_ERROR(text::CheckLanguage(*bytes, lang, path));
  Document doc;
  doc.id = path;
  doc.lang = lang;
  doc.text = std::move(*bytes);
  if (presegmented) {
    doc.sentences = text::SplitLines(doc.text);
  } else {
    StatusOr<std::unique_ptr<text::Segmenter>> seg = text::Segmenter::Create(lang);
    if (!seg.ok()) return seg.status();
    doc.sentences = (*seg)->Segment(doc.text);
  }
  return doc;
}

std::string Confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.2f", c);
  return buf;
}

// The text of a run of sentences, joined by one space; tabs and line breaks become spaces (TSV).
std::string JoinText(const Document& doc, const std::vector<int>& idx, bool flatten) {
  std::string s;
  for (int i : idx) {
    if (!s.empty()) s += ' ';
    s += doc.sentences[i].text;
  }
  if (flatten) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
  }
  return s;
}

Status WriteTmx(const AlignCliOptions& opt, const Document& ar, const Document& en, const Alignment& a) {
  tmx::TmxWriterOptions wo;
  wo.header.srclang = opt.src_lang;
  wo.tgtlang = opt.tgt_lang;
  auto w = tmx::TmxWriter::Open(opt.output, wo);
  if (!w.ok()) return w.status();
  for (const Bead& b : a.beads) {
    if (!b.IsPair()) continue;
    NAZIR_RETURN_IF_ERROR((*w)->Write(tmx::MakePairTu(JoinText(ar, b.ar, false), JoinText(en, b.en, false), wo,
                                                      b.confidence, b.Shape(), ar.id, en.id)));
  }
  NAZIR_RETURN_IF_ERROR((*w)->Close());
  if ((*w)->chars_dropped() > 0) {
    std::cerr << "align: " << (*w)->chars_dropped()
              << " characters not allowed in XML 1.0 (control characters) dropped from the TMX segments\n";
  }
  return Status::Ok();
}

std::string Render(const AlignCliOptions& opt, const Document& ar, const Document& en, const Alignment& a) {
  std::string out;
  if (opt.format == "beads") {
    out = corpus::FormatBeads(a);
  } else if (opt.format == "tsv") {
    for (const Bead& b : a.beads) {
      if (!b.IsPair()) continue;
      out += JoinText(ar, b.ar, true) + "\t" + JoinText(en, b.en, true) + "\t" + Confidence(b.confidence) + "\n";
    }
  } else {  // json
    nlohmann::json beads = nlohmann::json::array();
    auto side = [](const Document& d, const std::vector<int>& idx) {
      nlohmann::json s = nlohmann::json::array();
      for (int i : idx) {
        const Sentence& x = d.sentences[i];
        s.push_back({{"index", i}, {"text", x.text}, {"begin", x.begin}, {"end", x.end}});
      }
      return s;
    };
    for (const Bead& b : a.beads) {
      nlohmann::json j = {{"ar", side(ar, b.ar)}, {"en", side(en, b.en)}};
      j["confidence"] = b.IsPair() ? nlohmann::json(std::stod(Confidence(b.confidence))) : nlohmann::json(nullptr);
      beads.push_back(std::move(j));
    }
    nlohmann::json doc = {{"ar_file", ar.id},
                          {"en_file", en.id},
                          {"ar_sentences", ar.sentences.size()},
                          {"en_sentences", en.sentences.size()},
                          {"beads", std::move(beads)}};
    out = doc.dump(2) + "\n";
  }
  return out;
}

// --db, or the default store in the current folder.
std::string DbPath(const AlignCliOptions& opt) { return opt.db.empty() ? store::kDefaultDbPath : opt.db; }

align::AlignerOptions MakeAlignerOptions(const AlignCliOptions& opt) {
  align::AlignerOptions ao;
  ao.min_confidence = opt.min_confidence;
  ao.dict_dir = opt.dict_dir;
  ao.signals.lexicon = !opt.no_lexicon;
  ao.signals.learned = !opt.no_learned;
  ao.signals.names = !opt.no_names;
  ao.signals.numbers = !opt.no_numbers;
  ao.signals.length = !opt.no_length;
  ao.signals.calendar = !opt.no_calendar;
  ao.signals.punctuation = !opt.no_punct;
  return ao;
}

// Stores `pairs` with AlignBatch and re-mines the glossary; fills `report`, and `glossary_entries` when
// the glossary was re-mined.
Status AlignIntoStore(const AlignCliOptions& opt, const std::vector<corpus::DocPair>& pairs, text::Encoding enc,
                      corpus::LearnScope learn, corpus::BatchReport* report,
                      std::optional<int64_t>* glossary_entries) {
  StatusOr<align::Aligner> aligner = align::Aligner::Create(MakeAlignerOptions(opt));
  if (!aligner.ok()) return aligner.status();
  const std::string db = DbPath(opt);
  auto st = store::Store::Open(db);
  if (!st.ok()) return st.status();
  corpus::BatchOptions bo;
  bo.threads = opt.threads;
  bo.learn = learn;
  bo.encoding = enc;
  bo.presegmented = opt.presegmented;
  bo.tu_options.header.srclang = opt.src_lang;
  bo.tu_options.tgtlang = opt.tgt_lang;
  bo.beads_dir = opt.beads_dir;
  StatusOr<corpus::BatchReport> r = corpus::AlignBatch(pairs, *aligner, **st, bo);
  if (!r.ok()) return r.status();
  *report = std::move(*r);
  glossary_entries->reset();
  if (!opt.no_glossary && report->docs_aligned > 0) {
    auto g = corpus::BuildGlossary(**st, {});
    if (!g.ok()) return g.status();
    *glossary_entries = g->entries;
  }
  if (!opt.output.empty()) {  // the TMX of every listed document that is complete in the store
    uint64_t written = 0;
    NAZIR_RETURN_IF_ERROR(
        corpus::ExportDocuments(**st, report->document_ids, opt.output, bo.tu_options, &written));
  }
  return Status::Ok();
}

Status RunBatch(const AlignCliOptions& opt, text::Encoding enc, Context& ctx) {
  int shard_index = 0, shard_count = 1;
  if (!opt.shard.empty()) {
    auto sh = corpus::ParseShard(opt.shard);
    if (!sh.ok()) return InvalidArgumentError("--shard: " + sh.status().message());
    shard_index = sh->first;
    shard_count = sh->second;
  }
  std::vector<corpus::DocPair> pairs;
  std::vector<std::string> unpaired;
  if (!opt.batch.empty()) {
    auto p = corpus::ReadPairList(opt.batch);
    if (!p.ok()) return p.status();
    pairs = std::move(*p);
  } else {
    auto p = corpus::PairDirectories(opt.ar_dir, opt.en_dir, &unpaired);
    if (!p.ok()) return p.status();
    pairs = std::move(*p);
    for (const std::string& u : unpaired) std::cerr << "nazir: warning: no counterpart for " << u << "\n";
  }
  if (shard_count > 1) pairs = corpus::Shard(pairs, shard_index, shard_count);
  if (opt.threads < 0) return InvalidArgumentError("--threads must be 0 (every core) or more");
  const corpus::LearnScope learn =
      opt.learn == "document" ? corpus::LearnScope::kDocument : corpus::LearnScope::kCorpus;
  corpus::BatchReport report;
  std::optional<int64_t> glossary_entries;  // set when the glossary was re-mined
  AlignCliOptions o = opt;
  if (o.output == "-") o.output.clear();  // batch mode: TMX only with -o FILE (stdout is the summary)
  NAZIR_RETURN_IF_ERROR(AlignIntoStore(o, pairs, enc, learn, &report, &glossary_entries));
  const std::string db = DbPath(opt);
  if (opt.json) {
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& f : report.failures) failures.push_back({{"doc_id", f.doc_id}, {"error", f.message}});
    nlohmann::json j = {{"db", db},
                        {"shard", {{"index", shard_index}, {"count", shard_count}}},
                        {"documents", report.docs_total},
                        {"aligned", report.docs_aligned},
                        {"skipped", report.docs_skipped},
                        {"failed", report.docs_failed},
                        {"pairs", report.pairs},
                        {"ar_sentences", report.ar_sentences},
                        {"en_sentences", report.en_sentences},
                        {"seconds", report.seconds},
                        {"learn", opt.learn},
                        {"glossary_entries", glossary_entries ? nlohmann::json(*glossary_entries) : nlohmann::json(nullptr)},
                        {"tmx", o.output.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.output)},
                        {"failures", std::move(failures)}};
    std::cout << j.dump(2) << "\n";
  } else {
    constexpr size_t kMaxFailuresShown = 20;  // a whole list of bad paths would bury the summary
    for (size_t k = 0; k < report.failures.size() && k < kMaxFailuresShown; ++k) {
      std::cerr << "nazir: error: " << report.failures[k].doc_id << ": " << report.failures[k].message << "\n";
    }
    if (report.failures.size() > kMaxFailuresShown) {
      std::cerr << "nazir: ... and " << report.failures.size() - kMaxFailuresShown
                << " more failed documents (--json lists them all)\n";
    }
    char rate[64];
    std::snprintf(rate, sizeof(rate), "%.1f s (%.1f documents/s)", report.seconds,
                  report.seconds > 0 ? report.docs_aligned / report.seconds : 0.0);
    std::cerr << "align: " << report.docs_total << " documents: " << report.docs_aligned << " aligned, "
              << report.docs_skipped << " unchanged (skipped), " << report.docs_failed << " failed; "
              << report.pairs << " sentence pairs added to " << db << " in " << rate << "\n";
    if (glossary_entries) std::cerr << "glossary: " << *glossary_entries << " entries\n";
    if (!o.output.empty()) std::cerr << "tmx: " << o.output << "\n";
  }
  if (report.docs_failed > 0) ctx.exit_code = kExitBadInput;
  return Status::Ok();
}

Status RunAlign(const AlignCliOptions& opt, Context& ctx) {
  if (!(opt.min_confidence >= 0.0 && opt.min_confidence <= 1.0)) {
    return InvalidArgumentError("--min-confidence must be between 0 and 1");
  }
  const StatusOr<text::Encoding> enc = EncodingFromOption(opt.encoding);
  if (!enc.ok()) return enc.status();
  const bool batch = !opt.batch.empty() || !opt.ar_dir.empty() || !opt.en_dir.empty();
  const bool single = !opt.ar_file.empty() || !opt.en_file.empty();
  if (batch && single) {
    return InvalidArgumentError("give either AR_FILE EN_FILE or --batch PAIRS.tsv / --ar-dir A --en-dir E, not both");
  }
  if (!opt.batch.empty() && (!opt.ar_dir.empty() || !opt.en_dir.empty())) {
    return InvalidArgumentError("--batch and --ar-dir/--en-dir are alternatives: give one");
  }
  if (batch && opt.batch.empty() && (opt.ar_dir.empty() || opt.en_dir.empty())) {
    return InvalidArgumentError("--ar-dir and --en-dir go together");
  }
  if (batch) return RunBatch(opt, *enc, ctx);
  if (opt.ar_file.empty() || opt.en_file.empty()) {
    return InvalidArgumentError("give AR_FILE EN_FILE (or --batch PAIRS.tsv); see nazir align --help");
  }
  if (!opt.shard.empty() || opt.json) {
    return InvalidArgumentError("--shard and --json are for corpus mode (--batch or --ar-dir/--en-dir)");
  }
  StatusOr<Document> ar = LoadDocument(opt.ar_file, Lang::kAr, *enc, opt.presegmented);
  if (!ar.ok()) return ar.status();
  StatusOr<Document> en = LoadDocument(opt.en_file, Lang::kEn, *enc, opt.presegmented);
  if (!en.ok()) return en.status();

  align::AlignerOptions ao = MakeAlignerOptions(opt);
  StatusOr<align::Aligner> aligner = align::Aligner::Create(std::move(ao));
  if (!aligner.ok()) return aligner.status();
  const Alignment alignment = aligner->Align(*ar, *en);

  if (opt.format == "tmx") {
    NAZIR_RETURN_IF_ERROR(WriteTmx(opt, *ar, *en, alignment));
  } else {
    auto out = AtomicFile::Create(opt.output);
    if (!out.ok()) return out.status();
    (*out)->Write(Render(opt, *ar, *en, alignment));
    NAZIR_RETURN_IF_ERROR((*out)->Commit());
  }
  if (opt.db.empty()) return Status::Ok();
  // --db: the same pairs also go into the store (as a one-document corpus), and the glossary is re-mined.
  corpus::DocPair pair;
  pair.ar_path = opt.ar_file;
  pair.en_path = opt.en_file;
  pair.doc_id = std::filesystem::path(opt.ar_file).stem().string();
  corpus::BatchOptions bo;
  bo.tu_options.header.srclang = opt.src_lang;
  bo.tu_options.tgtlang = opt.tgt_lang;
  bo.beads_dir = opt.beads_dir;
  auto st = store::Store::Open(opt.db);
  if (!st.ok()) return st.status();
  auto stored = corpus::StoreAlignedDocument(**st, pair, *ar, *en, alignment, bo);
  if (!stored.ok()) return stored.status();
  if (!opt.no_glossary && !stored->unchanged) {
    auto g = corpus::BuildGlossary(**st, {});
    if (!g.ok()) return g.status();
  }
  std::cerr << "align: " << stored->pairs << " sentence pairs added to " << opt.db
            << (stored->unchanged ? " (document unchanged: already stored)" : "") << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterAlign(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<AlignCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "align",
      "Align the sentences of an Arabic document with an English rendering of the same events; sentences "
      "with no counterpart are reported as such");
  cmd->add_option("ar_file", opt->ar_file, "Arabic text file (UTF-8; - for standard input)");
  cmd->add_option("en_file", opt->en_file, "English text file (UTF-8)");
  cmd->add_flag("--presegmented", opt->presegmented,
                "Each input line is one sentence (sentence i = line i, 0-based); default: segment raw text");
  cmd->add_option("--format", opt->format,
                  "beads: [i,j]:[k]:0.87 per bead, every sentence once, [i]:[] / []:[k] for no counterpart "
                  "(default); tsv: Arabic<TAB>English<TAB>confidence per pair; json: beads with texts, byte "
                  "offsets and confidence; tmx: TMX 1.4b (needs -o or stdout)")
      ->check(CLI::IsMember({"beads", "tsv", "json", "tmx"}));
  cmd->add_option("-o,--output", opt->output, "Output file, written atomically (default: standard output)");
  cmd->add_option("--min-confidence", opt->min_confidence,
                  "Pairs below this confidence (0-1) become sentences with no counterpart (default " +
                      Confidence(align::AlignerOptions::kDefaultMinConfidence) + ", chosen on dev data)");
  AddEncodingOption(cmd, &opt->encoding, "Input encoding: utf-8 (default), windows-1256 or iso-8859-6");
  cmd->add_option("--src-lang", opt->src_lang, "TMX language tag of the Arabic side (default ar)");
  cmd->add_option("--tgt-lang", opt->tgt_lang, "TMX language tag of the English side (default en)");
  cmd->add_option("--dict-dir", opt->dict_dir,
                  "Folder with freedict-ara-eng.* and freedict-eng-ara.* (default $NAZIR_DICT_DIR or "
                  "/usr/share/dictd)");
  // Signals can be switched off one by one: the ablation in README.
  cmd->add_flag("--no-lexicon", opt->no_lexicon, "Ablation: do not use the FreeDict seed lexicon");
  cmd->add_flag("--no-learned", opt->no_learned, "Ablation: do not learn a lexicon from the input (one pass)");
  cmd->add_flag("--no-names", opt->no_names, "Ablation: no name matching (transliteration, gazetteer)");
  cmd->add_flag("--no-numbers", opt->no_numbers, "Ablation: no number anchors");
  cmd->add_flag("--no-length", opt->no_length, "Ablation: no sentence-length signal");
  cmd->add_flag("--no-calendar", opt->no_calendar, "Ablation: no weekday/month anchors");
  cmd->add_flag("--no-punct", opt->no_punct, "Ablation: no quote/parenthesis anchors");
  const char* kCorpus = "Store and corpus mode";
  cmd->add_option("--db", opt->db,
                  "Store (SQLite) for the aligned pairs and the glossary of names, re-mined after aligning "
                  "(corpus mode default: " + std::string(store::kDefaultDbPath) + ")")
      ->group(kCorpus);
  cmd->add_option("--batch", opt->batch,
                  "Corpus mode: align every pair of PAIRS.tsv (arabic_path<TAB>english_path[<TAB>doc_id] a "
                  "line; relative paths against the list's folder); -o writes them all as one TMX")
      ->group(kCorpus);
  cmd->add_option("--ar-dir", opt->ar_dir, "Corpus mode: pair the files of this folder...")->group(kCorpus);
  cmd->add_option("--en-dir", opt->en_dir, "...with the files of this one by name (x.ar.txt ~ x.en.txt)")
      ->group(kCorpus);
  cmd->add_option("--threads", opt->threads, "Worker threads (default 0: every core)")->group(kCorpus);
  cmd->add_option("--shard", opt->shard,
                  "Align only shard I of N (0 <= I < N; round-robin over the list) for spreading a corpus "
                  "over machines; merge the shards' TMX with `nazir tm import`")
      ->group(kCorpus);
  cmd->add_option("--learn", opt->learn,
                  "corpus: learn the lexicon across all documents of the run, two passes (default); "
                  "document: each document alone (results independent of the batch/shard)")
      ->check(CLI::IsMember({"corpus", "document"}))
      ->group(kCorpus);
  cmd->add_flag("--json", opt->json, "Corpus mode: print the summary as JSON on stdout")->group(kCorpus);
  cmd->add_option("--beads-dir", opt->beads_dir,
                  "Corpus mode: also write each aligned document's beads to DIR/<doc_id>.beads (the "
                  "--format beads form, for scoring)")
      ->check(CLI::ExistingDirectory)
      ->group(kCorpus);
  cmd->add_flag("--no-glossary", opt->no_glossary, "Do not re-mine the glossary after storing")->group(kCorpus);
  cmd->callback([opt, &ctx] {
    const Status s = RunAlign(*opt, ctx);
    if (!s.ok()) Finish(ctx, s);
  });
}

}  // namespace nazir::cli
