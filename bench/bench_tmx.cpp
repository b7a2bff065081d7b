// bench_tmx: streaming TMX throughput and peak memory (scripts/bench_tmx.sh runs it; one phase per
// process so that each peak RSS is that phase's own).
//
//   bench_tmx write OUT.tmx N [--compact]   N synthetic Arabic/English news TUs through TmxWriter
//   bench_tmx read FILE.tmx                 ReadTmx, every TU handed to a callback that looks at it
//   bench_tmx validate FILE.tmx             ValidateTmx (bundled DTD + the checks a DTD cannot do)
//   bench_tmx stats FILE.tmx                ComputeTmxStats
// Each prints one JSON line: phase, tus, bytes, seconds, tus_per_s, mb_per_s, peak_rss_mb.
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "nazir/tmx/stats.h"
#include "nazir/tmx/tmx_reader.h"
#include "nazir/tmx/tmx_writer.h"
#include "nazir/tmx/validate.h"

namespace {

using Clock = std::chrono::steady_clock;

// Words of the sample corpus's news (examples/sample), the pool synthetic sentences are drawn from.
const char* const kArabicWords[] = {
    "وزير", "الخارجية", "حكومة", "الوفاق", "الوطني", "التحالف", "الدولي", "لمحاربة", "تنظيم", "داعش",
    "اجتماع", "الأمن", "ليبيا", "طرابلس", "الولايات", "المتحدة", "الأمريكية", "قال", "أعلنت", "وزارة",
    "الداخلية", "بيان", "التعاون", "الدعم", "مكافحة", "الإرهاب", "الهجرة", "غير", "الشرعية", "المبعوث",
    "الخاص", "للرئيس", "الرباط", "المغربية", "العراق", "سوريا", "أفريقيا", "الساحل", "الصحراء", "المنطقة",
    "الجماعات", "الإرهابية", "مجلس", "النفط", "المؤسسة", "الوطنية", "الأربعاء", "الخميس", "العاصمة", "الوفد",
    "الليبي", "السراج", "باشاغا", "بومبيو", "ستولتنبرغ", "حلف", "شمال", "الأطلسي", "المؤتمر", "الوزاري",
    "في", "من", "على", "إلى", "عن", "مع", "بعد", "خلال", "الذي", "التي",
};
const char* const kEnglishWords[] = {
    "minister", "foreign", "government", "national", "accord", "coalition", "international", "against",
    "ISIS", "meeting", "security", "Libya", "Tripoli", "United", "States", "said", "announced", "ministry",
    "interior", "statement", "cooperation", "support", "counter-terrorism", "migration", "illegal", "envoy",
    "special", "president", "Rabat", "Moroccan", "Iraq", "Syria", "Africa", "Sahel", "Sahara", "region",
    "groups", "terrorist", "council", "oil", "corporation", "Wednesday", "Thursday", "capital", "delegation",
    "Libyan", "Sarraj", "Bashagha", "Pompeo", "Stoltenberg", "NATO", "conference", "ministerial", "in", "of",
    "the", "on", "to", "with", "after", "during", "which", "and", "a",
};
// Sentence lengths in words, drawn uniformly (news sentences of the sample: mostly 8-30 words).
constexpr int kMinWords = 8;
constexpr int kMaxWords = 24;
constexpr uint64_t kSeed = 20261123;
constexpr double kMiB = 1024.0 * 1024.0;

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

// User + system CPU seconds of this process: on a shared machine a steadier measure than wall time.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return secs(ru.ru_utime) + secs(ru.ru_stime);
}

uint64_t FileBytes(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

// Wall and CPU time of a phase that started at `start` / `cpu_start`.
void Report(const char* phase, uint64_t tus, uint64_t bytes, Clock::time_point start, double cpu_start) {
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = CpuSeconds() - cpu_start;
  std::printf(
      "{\"phase\": \"%s\", \"tus\": %llu, \"bytes\": %llu, \"seconds\": %.3f, \"cpu_seconds\": %.3f, "
      "\"tus_per_s\": %.0f, \"mb_per_s\": %.1f, \"mb_per_cpu_s\": %.1f, \"peak_rss_mb\": %.1f}\n",
      phase, static_cast<unsigned long long>(tus), static_cast<unsigned long long>(bytes), secs, cpu,
      static_cast<double>(tus) / secs, static_cast<double>(bytes) / kMiB / secs,
      static_cast<double>(bytes) / kMiB / cpu, PeakRssMb());
}

template <size_t N>
std::string Sentence(std::mt19937_64& rng, const char* const (&words)[N]) {
  std::uniform_int_distribution<int> len(kMinWords, kMaxWords);
  std::uniform_int_distribution<size_t> pick(0, N - 1);
  std::string s;
  for (int i = 0, n = len(rng); i < n; ++i) {
    if (i > 0) s += ' ';
    s += words[pick(rng)];
  }
  s += '.';
  return s;
}

int Write(const std::string& path, uint64_t n, bool compact) {
  nazir::tmx::TmxWriterOptions o;
  o.pretty = !compact;  // compact: the whole file on one line
  o.header.creationdate = "20261123T101500Z";
  std::mt19937_64 rng(kSeed);
  std::uniform_real_distribution<double> confidence(0.5, 1.0);
  const auto start = Clock::now();
  const double cpu_start = CpuSeconds();
  auto w = nazir::tmx::TmxWriter::Open(path, o);
  if (!w.ok()) {
    std::fprintf(stderr, "bench_tmx: %s\n", w.status().ToString().c_str());
    return 1;
  }
  for (uint64_t i = 0; i < n; ++i) {
    std::string doc = "doc-" + std::to_string(i / 40) + ".txt";  // about 40 pairs per article
    nazir::Status s = (*w)->Write(nazir::tmx::MakePairTu(Sentence(rng, kArabicWords), Sentence(rng, kEnglishWords),
                                                         o, confidence(rng), "1-1", doc, doc));
    if (!s.ok()) {
      std::fprintf(stderr, "bench_tmx: %s\n", s.ToString().c_str());
      return 1;
    }
  }
  nazir::Status s = (*w)->Close();
  if (!s.ok()) {
    std::fprintf(stderr, "bench_tmx: %s\n", s.ToString().c_str());
    return 1;
  }
  Report(compact ? "write-compact" : "write", n, FileBytes(path), start, cpu_start);
  return 0;
}

int Read(const std::string& path) {
  uint64_t tus = 0, text_bytes = 0;
  const auto start = Clock::now();
  const double cpu_start = CpuSeconds();
  nazir::Status s = nazir::tmx::ReadTmx(path, nullptr, [&](nazir::TranslationUnit&& tu) {
    ++tus;
    for (const nazir::Tuv& t : tu.tuvs) text_bytes += t.text.size();
    return nazir::Status::Ok();
  });
  if (!s.ok() || text_bytes == 0) {
    std::fprintf(stderr, "bench_tmx: %s\n", s.ToString().c_str());
    return 1;
  }
  Report("read", tus, FileBytes(path), start, cpu_start);
  return 0;
}

int Validate(const std::string& path) {
  const auto start = Clock::now();
  const double cpu_start = CpuSeconds();
  auto r = nazir::tmx::ValidateTmx(path);
  if (!r.ok() || !r->valid()) {
    std::fprintf(stderr, "bench_tmx: %s\n",
                 r.ok() ? r->problems.front().ToString().c_str() : r.status().ToString().c_str());
    return 1;
  }
  Report("validate", r->tus, FileBytes(path), start, cpu_start);
  return 0;
}

int Stats(const std::string& path) {
  const auto start = Clock::now();
  const double cpu_start = CpuSeconds();
  auto st = nazir::tmx::ComputeTmxStats(path);
  if (!st.ok()) {
    std::fprintf(stderr, "bench_tmx: %s\n", st.status().ToString().c_str());
    return 1;
  }
  Report("stats", st->tus, st->bytes, start, cpu_start);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "write" && argc >= 4) {
    return Write(argv[2], std::stoull(argv[3]), argc > 4 && std::strcmp(argv[4], "--compact") == 0);
  }
  if (cmd == "read" && argc == 3) return Read(argv[2]);
  if (cmd == "validate" && argc == 3) return Validate(argv[2]);
  if (cmd == "stats" && argc == 3) return Stats(argv[2]);
  std::fprintf(stderr,
               "usage: bench_tmx write OUT.tmx N [--compact] | read FILE | validate FILE | stats FILE\n");
  return 2;
}
