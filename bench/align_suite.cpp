// align_suite: aligns every document pair of an evaluation suite in one process (the lexicon loaded
// once), for tuning and timing the aligner on dev data. Not part of the product: scripts/eval_align.sh
// scores the CLI; this tool exists so that scripts/fit_align_model.py can dump labelled features and
// try weights without a process per document.
//
// usage: align_suite SUITE_DIR OUT_DIR [--dump FILE] [--chosen FILE] [--set NAME=VALUE]... [--no-SIGNAL]...
//   SUITE_DIR holds D.ar, D.en (one sentence a line) and D.gold per document D. Writes OUT_DIR/D.beads
//   (the `nazir align --format beads` format). --dump writes one row per candidate bead of the final
//   pass: doc, span, features, log-odds and label (1 if the bead is in gold). --set overrides a bead
//   model weight of the final pass (BeadModelWeights::Named()), --set1 one of the first pass;
//   --min-confidence X as in `nazir align`. --chosen FILE writes the pairs the aligner output with their
//   final-pass log-odds and gold label (for the Platt fit).
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nazir/align/aligner.h"
#include "nazir/text/segment.h"
#include "nazir/text/utf8.h"

namespace {

using Span = std::pair<std::vector<int>, std::vector<int>>;

std::vector<int> ParseList(const std::string& s) {
  std::vector<int> out;
  std::stringstream ss(s);
  std::string x;
  while (std::getline(ss, x, ',')) {
    if (x.find_first_not_of(" ") != std::string::npos) out.push_back(std::stoi(x));
  }
  return out;
}

std::set<Span> ReadGold(const std::string& path) {
  std::set<Span> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t a = line.find('['), b = line.find(']'), c = line.find('[', b), d = line.find(']', c);
    if (a == std::string::npos || d == std::string::npos) continue;
    out.insert({ParseList(line.substr(a + 1, b - a - 1)), ParseList(line.substr(c + 1, d - c - 1))});
  }
  return out;
}

nazir::Document Load(const std::string& path, nazir::Lang lang) {
  auto bytes = nazir::text::ReadTextFile(path);
  if (!bytes.ok()) {
    std::cerr << bytes.status().ToString() << "\n";
    std::exit(1);
  }
  nazir::Document doc;
  doc.id = path;
  doc.lang = lang;
  doc.text = std::move(*bytes);
  doc.sentences = nazir::text::SplitLines(doc.text);
  return doc;
}

std::string Indices(const std::vector<int>& v) {
  std::string s = "[";
  for (size_t k = 0; k < v.size(); ++k) s += (k ? "," : "") + std::to_string(v[k]);
  return s + "]";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: align_suite SUITE_DIR OUT_DIR [--dump FILE] [--chosen FILE] [--set NAME=VALUE]... [--no-SIGNAL]...\n";
    return 2;
  }
  const std::string suite = argv[1], out_dir = argv[2];
  std::string dump_path, chosen_path;
  nazir::align::AlignerOptions opt;
  for (int k = 3; k < argc; ++k) {
    std::string a = argv[k];
    if (a == "--dump" && k + 1 < argc) {
      dump_path = argv[++k];
    } else if (a == "--chosen" && k + 1 < argc) {
      chosen_path = argv[++k];
    } else if (a == "--min-confidence" && k + 1 < argc) {
      opt.min_confidence = std::stod(argv[++k]);
    } else if ((a == "--set" || a == "--set1") && k + 1 < argc) {
      std::string kv = argv[++k];
      size_t eq = kv.find('=');
      bool found = false;
      for (auto& [name, ptr] : (a == "--set" ? opt.model : opt.first_model).Named()) {
        if (name == kv.substr(0, eq)) {
          *ptr = std::stod(kv.substr(eq + 1));
          found = true;
        }
      }
      if (!found) {
        std::cerr << "unknown weight: " << kv << "\n";
        return 2;
      }
    } else if (a == "--no-lexicon") {
      opt.signals.lexicon = false;
    } else if (a == "--no-learned") {
      opt.signals.learned = false;
    } else if (a == "--no-names") {
      opt.signals.names = false;
    } else if (a == "--no-numbers") {
      opt.signals.numbers = false;
    } else if (a == "--no-length") {
      opt.signals.length = false;
    } else if (a == "--no-calendar") {
      opt.signals.calendar = false;
    } else if (a == "--no-punct") {
      opt.signals.punctuation = false;
    } else {
      std::cerr << "unknown option: " << a << "\n";
      return 2;
    }
  }
  std::vector<std::string> docs;
  for (const auto& e : std::filesystem::directory_iterator(suite)) {
    std::string p = e.path().string();
    if (p.size() > 5 && p.compare(p.size() - 5, 5, ".gold") == 0) docs.push_back(p.substr(0, p.size() - 5));
  }
  std::sort(docs.begin(), docs.end());
  std::filesystem::create_directories(out_dir);

  std::FILE* dump = dump_path.empty() ? nullptr : std::fopen(dump_path.c_str(), "w");
  std::FILE* chosen = chosen_path.empty() ? nullptr : std::fopen(chosen_path.c_str(), "w");
  std::map<std::array<int, 4>, double> log_odds;  // final-pass log-odds of this document's candidates
  std::string doc_name;
  std::set<Span> gold;
  if (dump != nullptr || chosen != nullptr) {
    if (dump != nullptr) std::fprintf(dump, "doc\tar_begin\tar_len\ten_begin\ten_len\tar_cov\ten_cov\tar_w\ten_w\tz\tnum_m\tnum_u\t"
                       "names\tpart\tafter\tbefore\tlog_odds\tlabel\n");
    opt.observer = [&](const nazir::align::BeadSpan& s, const nazir::align::BeadFeatures& f, double lo) {
      log_odds[{s.ar_begin, s.ar_len, s.en_begin, s.en_len}] = lo;
      if (dump == nullptr) return;
      Span key;
      for (int i = 0; i < s.ar_len; ++i) key.first.push_back(s.ar_begin + i);
      for (int j = 0; j < s.en_len; ++j) key.second.push_back(s.en_begin + j);
      std::fprintf(dump, "%s\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%.4f\t%d\t%d\t%.4f\t%d\n",
                   doc_name.c_str(), s.ar_begin, s.ar_len, s.en_begin, s.en_len, f.ar_coverage, f.en_coverage,
                   f.ar_weight, f.en_weight, f.length_z, f.numbers_matched, f.numbers_unmatched, f.name_links,
                   f.min_part_coverage, f.after_anchor ? 1 : 0, f.before_anchor ? 1 : 0, lo,
                   gold.count(key) ? 1 : 0);
    };
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto aligner = nazir::align::Aligner::Create(opt);
  if (!aligner.ok()) {
    std::cerr << aligner.status().ToString() << "\n";
    return 1;
  }
  const auto t1 = std::chrono::steady_clock::now();
  for (const std::string& d : docs) {
    doc_name = std::filesystem::path(d).filename().string();
    gold = ReadGold(d + ".gold");
    nazir::Document ar = Load(d + ".ar", nazir::Lang::kAr), en = Load(d + ".en", nazir::Lang::kEn);
    log_odds.clear();
    nazir::Alignment a = aligner->Align(ar, en);
    std::ofstream out(out_dir + "/" + doc_name + ".beads");
    for (const nazir::Bead& b : a.beads) {
      if (chosen != nullptr && b.IsPair()) {
        std::array<int, 4> k = {b.ar[0], static_cast<int>(b.ar.size()), b.en[0], static_cast<int>(b.en.size())};
        std::fprintf(chosen, "%s\t%d\t%d\t%d\t%d\t%.5f\t%d\n", doc_name.c_str(), k[0], k[1], k[2], k[3],
                     log_odds[k], gold.count({b.ar, b.en}) ? 1 : 0);
      }
      out << Indices(b.ar) << ":" << Indices(b.en);
      if (b.IsPair()) {
        char buf[16];
        std::snprintf(buf, sizeof(buf), ":%.2f", b.confidence);
        out << buf;
      }
      out << "\n";
    }
  }
  const auto t2 = std::chrono::steady_clock::now();
  if (dump != nullptr) std::fclose(dump);
  if (chosen != nullptr) std::fclose(chosen);
  std::fprintf(stderr, "documents=%zu load=%.2fs align=%.2fs\n", docs.size(),
               std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count());
  return 0;
}
