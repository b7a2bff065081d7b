#include "nazir/align/ibm1.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_set>

#include "nazir/align/word_forms.h"
#include "nazir/align/word_lists.h"

namespace nazir::align {

std::string LightStem(std::string_view ar_key) {
  // Larkey's light10 prefixes that contain the article (ال وال بال كال فال لل, and ولل فلل): stripping
  // them never cuts a name's own first letter, unlike a bare و or ب (وليامز, بومبيو).
  static const std::vector<std::string>* prefixes = [] {
    const ArabicClitics& c = ArabicCliticKeys();
    const std::string lil = c.prepositions[2] + c.prepositions[2];
    auto* p = new std::vector<std::string>;
    for (const auto& conj : c.conjunctions) {
      p->push_back(conj + c.article);
      p->push_back(conj + lil);
    }
    for (const auto& prep : c.prepositions) p->push_back(prep + c.article);
    p->push_back(lil);
    p->push_back(c.article);
    std::sort(p->begin(), p->end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return p;
  }();
  // Two letters of two bytes each must remain.
  constexpr size_t kMinStemBytes = 4;
  for (const auto& p : *prefixes) {
    if (ar_key.size() >= p.size() + kMinStemBytes && ar_key.compare(0, p.size(), p) == 0) {
      return std::string(ar_key.substr(p.size()));
    }
  }
  return std::string(ar_key);
}

int Ibm1Trainer::Intern(std::unordered_map<std::string, int>& index, std::vector<std::string>& vocab,
                        const std::string& w) {
  auto it = index.find(w);
  if (it != index.end()) return it->second;
  int id = static_cast<int>(vocab.size());
  vocab.push_back(w);
  index.emplace(w, id);
  return id;
}

void Ibm1Trainer::AddPair(const std::vector<std::string>& arabic, const std::vector<std::string>& english) {
  if (arabic.empty() || english.empty()) return;
  std::vector<int> a, e;
  for (const auto& w : arabic) a.push_back(Intern(ar_index_, ar_vocab_, w));
  for (const auto& w : english) e.push_back(Intern(en_index_, en_vocab_, w));
  pairs_.emplace_back(std::move(a), std::move(e));
}

void Ibm1Trainer::Merge(const Ibm1Trainer& other) {
  for (const auto& [a_ids, e_ids] : other.pairs_) {
    std::vector<int> a, e;
    for (int id : a_ids) a.push_back(Intern(ar_index_, ar_vocab_, other.ar_vocab_[static_cast<size_t>(id)]));
    for (int id : e_ids) e.push_back(Intern(en_index_, en_vocab_, other.en_vocab_[static_cast<size_t>(id)]));
    pairs_.emplace_back(std::move(a), std::move(e));
  }
}

namespace {

using PairKey = uint64_t;
PairKey Key(int src, int tgt) { return (static_cast<uint64_t>(src) << 32) | static_cast<uint32_t>(tgt); }

// Model 1 t(tgt | src) with an empty source word (id -1 -> kNull), trained on `pairs` seen as
// (src side, tgt side).
std::unordered_map<PairKey, double> TrainDirection(
    const std::vector<std::pair<const std::vector<int>*, const std::vector<int>*>>& pairs, int iterations) {
  constexpr int kNull = 0x7fffffff;
  std::unordered_map<PairKey, double> t;
  std::unordered_map<int, std::unordered_set<int>> cooc;
  for (const auto& [src, tgt] : pairs) {
    for (int s : *src) {
      for (int w : *tgt) cooc[s].insert(w);
    }
    for (int w : *tgt) cooc[kNull].insert(w);
  }
  for (const auto& [s, ws] : cooc) {
    double init = 1.0 / static_cast<double>(ws.size());
    for (int w : ws) t[Key(s, w)] = init;
  }
  std::unordered_map<PairKey, double> count;
  std::unordered_map<int, double> total;
  for (int it = 0; it < iterations; ++it) {
    count.clear();
    total.clear();
    for (const auto& [src, tgt] : pairs) {
      for (int w : *tgt) {
        double z = t[Key(kNull, w)];
        for (int s : *src) z += t[Key(s, w)];
        if (z <= 0) continue;
        double c0 = t[Key(kNull, w)] / z;
        count[Key(kNull, w)] += c0;
        total[kNull] += c0;
        for (int s : *src) {
          double c = t[Key(s, w)] / z;
          count[Key(s, w)] += c;
          total[s] += c;
        }
      }
    }
    for (auto& [k, v] : t) {
      int s = static_cast<int>(k >> 32);
      auto tot = total.find(s);
      auto cnt = count.find(k);
      v = (tot == total.end() || tot->second <= 0 || cnt == count.end()) ? 0.0 : cnt->second / tot->second;
    }
  }
  return t;
}

}  // namespace

TranslationTable Ibm1Trainer::Train(int iterations) const {
  std::vector<std::pair<const std::vector<int>*, const std::vector<int>*>> ae, ea;
  for (const auto& [a, e] : pairs_) {
    ae.emplace_back(&a, &e);
    ea.emplace_back(&e, &a);
  }
  auto t_e_given_a = TrainDirection(ae, iterations);
  auto t_a_given_e = TrainDirection(ea, iterations);
  std::unordered_map<PairKey, int> cooc;
  for (const auto& [a, e] : pairs_) {
    std::unordered_set<PairKey> seen;
    for (int x : a) {
      for (int y : e) seen.insert(Key(x, y));
    }
    for (PairKey k : seen) ++cooc[k];
  }
  TranslationTable table;
  for (const auto& [k, n] : cooc) {
    int a = static_cast<int>(k >> 32);
    int e = static_cast<int>(k & 0xffffffffu);
    auto f = t_e_given_a.find(Key(a, e));
    auto b = t_a_given_e.find(Key(e, a));
    double p = (f == t_e_given_a.end() || b == t_a_given_e.end()) ? 0.0 : std::sqrt(f->second * b->second);
    table.links_[ar_vocab_[a]].push_back(LearnedLink{en_vocab_[e], p, n});
  }
  for (auto& [a, links] : table.links_) {
    std::sort(links.begin(), links.end(),
              [](const LearnedLink& x, const LearnedLink& y) { return x.prob > y.prob; });
  }
  return table;
}

std::vector<LearnedLink> TranslationTable::Links(std::string_view ar_key, double min_prob, int min_count) const {
  std::vector<LearnedLink> out;
  auto it = links_.find(std::string(ar_key));
  if (it == links_.end()) return out;
  for (const auto& l : it->second) {
    if (l.prob >= min_prob && l.count >= min_count) out.push_back(l);
  }
  return out;
}

}  // namespace nazir::align
