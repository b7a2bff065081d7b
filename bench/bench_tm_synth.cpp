#include "bench_tm_synth.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

#include "nazir/tmx/tmx_writer.h"

namespace nazir::bench {
namespace {

// The head of the vocabulary: frequent news words with their Arabic equivalents (rank order is rough:
// function words first, as in any news corpus). "the" has no Arabic word: the article is a prefix.
constexpr const char* kHead[][2] = {
    {"the", ""},          {"in", "في"},              {"of", "من"},             {"to", "إلى"},
    {"on", "على"},          {"said", "قال"},           {"that", "أن"},           {"with", "مع"},
    {"after", "بعد"},       {"government", "الحكومة"}, {"minister", "الوزير"},   {"president", "الرئيس"},
    {"country", "البلاد"},  {"city", "مدينة"},          {"people", "الناس"},      {"year", "عام"},
    {"Monday", "الاثنين"},  {"Tuesday", "الثلاثاء"},    {"Wednesday", "الأربعاء"}, {"Thursday", "الخميس"},
    {"Friday", "الجمعة"},   {"Saturday", "السبت"},      {"Sunday", "الأحد"},      {"talks", "محادثات"},
    {"security", "الأمن"},  {"forces", "قوات"},         {"army", "الجيش"},        {"police", "الشرطة"},
    {"meeting", "اجتماع"},  {"council", "مجلس"},        {"parliament", "البرلمان"}, {"election", "الانتخابات"},
    {"foreign", "الخارجية"}, {"economy", "الاقتصاد"},   {"oil", "النفط"},         {"prices", "أسعار"},
    {"bank", "البنك"},      {"central", "المركزي"},     {"agreement", "اتفاق"},   {"peace", "السلام"},
    {"war", "الحرب"},       {"attack", "هجوم"},         {"killed", "قتل"},        {"wounded", "أصيب"},
    {"official", "مسؤول"},  {"officials", "مسؤولون"},  {"state", "الدولة"},      {"region", "المنطقة"},
    {"capital", "العاصمة"}, {"report", "تقرير"},        {"news", "أنباء"},        {"agency", "وكالة"},
    {"statement", "بيان"},  {"spokesman", "المتحدث"},  {"united", "المتحدة"},    {"nations", "الأمم"},
    {"Tripoli", "طرابلس"},  {"Benghazi", "بنغازي"},     {"Cairo", "القاهرة"},     {"Tunis", "تونس"},
    {"Libya", "ليبيا"},     {"Egypt", "مصر"},           {"Syria", "سوريا"},       {"Iraq", "العراق"},
    {"Baghdad", "بغداد"},   {"Damascus", "دمشق"},       {"Beirut", "بيروت"},      {"Amman", "عمان"},
    {"summit", "قمة"},      {"crisis", "الأزمة"},       {"support", "دعم"},       {"aid", "مساعدات"},
    {"health", "الصحة"},    {"hospital", "مستشفى"},     {"school", "مدرسة"},      {"students", "الطلاب"},
    {"water", "المياه"},    {"electricity", "الكهرباء"}, {"fuel", "الوقود"},      {"border", "الحدود"},
    {"refugees", "اللاجئين"}, {"migrants", "المهاجرين"}, {"court", "المحكمة"},    {"law", "القانون"},
    {"rights", "حقوق"},     {"human", "الإنسان"},       {"committee", "لجنة"},    {"national", "الوطنية"},
    {"international", "الدولية"}, {"European", "الأوروبي"}, {"union", "الاتحاد"}, {"African", "الأفريقي"},
    {"Arab", "العربية"},    {"league", "الجامعة"},      {"envoy", "المبعوث"},     {"visit", "زيارة"},
    {"delegation", "وفد"},  {"cooperation", "التعاون"}, {"trade", "التجارة"},     {"investment", "الاستثمار"},
    {"project", "مشروع"},   {"budget", "الميزانية"},    {"million", "مليون"},     {"billion", "مليار"},
    {"dollars", "دولار"},   {"percent", "بالمئة"},      {"increase", "ارتفاع"},   {"decline", "انخفاض"},
    {"protest", "احتجاج"},  {"demonstrators", "المتظاهرين"}, {"strike", "إضراب"}, {"workers", "العمال"},
    {"airport", "المطار"},  {"port", "الميناء"},        {"flights", "الرحلات"},   {"road", "الطريق"},
    {"announced", "أعلن"},  {"confirmed", "أكد"},       {"denied", "نفى"},        {"called", "دعا"},
    {"signed", "وقع"},      {"received", "استقبل"},     {"discussed", "بحث"},     {"opened", "افتتح"},
};

// Long-tail pseudo-words: consonant-vowel syllables (English) and Arabic letters with long vowels.
constexpr const char* kEnOnsets[] = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "z", "sh", "kh", "q"};
constexpr const char* kEnVowels[] = {"a", "i", "u", "e", "o", "ai", "ou"};
constexpr const char* kArLetters[] = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ر", "ز", "س", "ش", "ص",
                                      "ط", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه"};
constexpr const char* kArVowels[] = {"ا", "و", "ي", ""};
// Proclitics Arabic news attaches to words, and how often (a rough share of tokens with one).
constexpr const char* kProclitics[] = {"و", "ب", "ل", "ال", "وال", "بال", "لل", "ف"};
constexpr double kProcliticShare = 0.25;
constexpr const char* kArticleProclitics[] = {"و", "ب", "ف"};
constexpr char kArticle[] = "ال";

constexpr char kFixedDate[] = "20261123T101500Z";
// Sentence length in words: news sentences run about 20-30 words; drawn as 6 + a sum of three uniforms.
constexpr int kMinWords = 6;
constexpr int kLengthSpread = 12;  // each of the three uniforms is 0..12
// Recent sentences kept for repeats and queries.
constexpr size_t kRecentWindow = 5000;

template <typename T, size_t N>
constexpr size_t Count(const T (&)[N]) {
  return N;
}

}  // namespace

SynthTm::SynthTm(const SynthOptions& options) : options_(options), rng_(options.seed) {
  const size_t head = Count(kHead);
  const int v = std::max<int>(options.vocabulary, static_cast<int>(head));
  en_.reserve(v);
  ar_.reserve(v);
  for (const auto& w : kHead) {
    en_.push_back(w[0]);
    ar_.push_back(w[1]);
  }
  std::mt19937_64 words(options.seed ^ 0x5eedULL);
  while (static_cast<int>(en_.size()) < v) {
    const int syllables = 2 + static_cast<int>(words() % 3);
    std::string en, ar;
    for (int s = 0; s < syllables; ++s) {
      en += kEnOnsets[words() % Count(kEnOnsets)];
      en += kEnVowels[words() % Count(kEnVowels)];
      ar += kArLetters[words() % Count(kArLetters)];
      ar += kArVowels[words() % Count(kArVowels)];
    }
    ar += kArLetters[words() % Count(kArLetters)];
    // Names and rare words are often capitalized in English.
    if (words() % 3 == 0) en[0] = static_cast<char>(en[0] - 'a' + 'A');
    en_.push_back(std::move(en));
    ar_.push_back(std::move(ar));
  }
  cdf_.resize(v);
  double total = 0;
  for (int r = 0; r < v; ++r) {
    total += 1.0 / std::pow(r + 1.0, options.zipf_s);
    cdf_[r] = total;
  }
  for (double& c : cdf_) c /= total;
}

int SynthTm::DrawConcept() {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
  const auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u);
  return static_cast<int>(std::min<ptrdiff_t>(it - cdf_.begin(), static_cast<ptrdiff_t>(cdf_.size()) - 1));
}

std::vector<int> SynthTm::DrawConcepts() {
  std::uniform_int_distribution<int> spread(0, kLengthSpread);
  const int n = kMinWords + spread(rng_) + spread(rng_) + spread(rng_);
  std::vector<int> ids(n);
  for (int& id : ids) id = DrawConcept();
  // Now and then a number (a year, a count): ids below 0 stand for numbers.
  if (rng_() % 4 == 0) ids[rng_() % ids.size()] = -static_cast<int>(1 + rng_() % 3000);
  return ids;
}

std::string SynthTm::Render(const std::vector<int>& ids, bool arabic) {
  // Proclitics and commas are a function of the word and its neighbour, so a repeat renders the same and
  // a near repeat differs only around the words that changed.
  auto local_draw = [&](size_t i) {
    const uint64_t prev = i > 0 ? static_cast<uint64_t>(ids[i - 1] + 7) : 0;
    return std::mt19937_64(((static_cast<uint64_t>(ids[i] + 7) * 1099511628211ULL) ^ prev) + options_.seed);
  };
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    // Arabic news sentences are verb-first: swap the first two words.
    const size_t at = arabic && ids.size() > 1 && i < 2 ? 1 - i : i;
    const int id = ids[at];
    std::mt19937_64 local = local_draw(at);
    if (arabic && id >= 0 && ar_[id].empty()) continue;
    if (!out.empty()) out += ' ';
    if (id < 0) {
      out += std::to_string(-id);
    } else if (arabic) {
      if (std::uniform_real_distribution<double>(0, 1)(local) < kProcliticShare) {
        // A word with the article takes only a conjunction or ب (والحكومة, بالحكومة).
        const bool has_article = ar_[id].rfind(kArticle, 0) == 0;
        out += has_article ? kArticleProclitics[local() % Count(kArticleProclitics)]
                           : kProclitics[local() % Count(kProclitics)];
      }
      out += ar_[id];
    } else {
      std::string w = en_[id];
      if (i == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
      out += w;
    }
    if (i + 1 < ids.size() && local() % 12 == 0) out += arabic ? "،" : ",";
  }
  out += '.';
  return out;
}

TranslationUnit SynthTm::Next() {
  std::vector<int> ids;
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
  if (!recent_.empty() && u < options_.exact_repeats) {
    ids = recent_[rng_() % recent_.size()];
  } else if (!recent_.empty() && u < options_.exact_repeats + options_.near_repeats) {
    ids = recent_[rng_() % recent_.size()];
    const int changes = 1 + static_cast<int>(rng_() % 3);
    for (int c = 0; c < changes; ++c) ids[rng_() % ids.size()] = DrawConcept();
  } else {
    ids = DrawConcepts();
  }
  if (recent_.size() < kRecentWindow) {
    recent_.push_back(ids);
  } else {
    recent_[rng_() % kRecentWindow] = ids;
  }
  TranslationUnit tu;
  tu.creationdate = kFixedDate;
  tu.tuvs.resize(2);
  tu.tuvs[0].lang = "ar";
  tu.tuvs[0].text = Render(ids, true);
  tu.tuvs[1].lang = "en";
  tu.tuvs[1].text = Render(ids, false);
  char conf[8];
  std::snprintf(conf, sizeof conf, "%.2f", 0.3 + 0.7 * std::uniform_real_distribution<double>(0, 1)(rng_));
  tu.props.push_back({tmx::kPropConfidence, conf, ""});
  return tu;
}

std::string SynthTm::Sentence(const std::string& lang) { return Render(DrawConcepts(), lang == "ar"); }

std::string SynthTm::NearQuery(const std::string& lang) {
  if (recent_.empty()) return Sentence(lang);
  std::vector<int> ids = recent_[rng_() % recent_.size()];
  const int changes = static_cast<int>(rng_() % 4);
  for (int c = 0; c < changes; ++c) ids[rng_() % ids.size()] = DrawConcept();
  return Render(ids, lang == "ar");
}

std::string SynthTm::Phrase(const std::string& lang) {
  const std::vector<int> ids = recent_.empty() ? DrawConcepts() : recent_[rng_() % recent_.size()];
  const size_t len = 1 + rng_() % 3;
  const size_t start = rng_() % (ids.size() - std::min(len, ids.size()) + 1);
  std::vector<int> part(ids.begin() + static_cast<ptrdiff_t>(start),
                        ids.begin() + static_cast<ptrdiff_t>(std::min(ids.size(), start + len)));
  std::string s = Render(part, lang == "ar");
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

Status WriteSynthTmx(const std::string& path, const SynthOptions& options) {
  tmx::TmxWriterOptions wo;
  wo.header.srclang = "ar";
  wo.header.creationdate = kFixedDate;
  wo.clean_segments = false;  // already clean; saves time
  wo.pretty = false;
  StatusOr<std::unique_ptr<tmx::TmxWriter>> w = tmx::TmxWriter::Open(path, wo);
  if (!w.ok()) return w.status();
  SynthTm tm(options);
  for (int64_t i = 0; i < options.tus; ++i) NAZIR_RETURN_IF_ERROR((*w)->Write(tm.Next()));
  return (*w)->Close();
}

}  // namespace nazir::bench
