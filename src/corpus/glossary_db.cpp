#include "nazir/corpus/glossary_db.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "nazir/align/word_forms.h"
#include "nazir/base/lang.h"
#include "nazir/text/script.h"
#include "nazir/text/normalize.h"

namespace nazir::corpus {

namespace {

// Marks entries that came from an import, so that re-mining keeps them.
constexpr char kImportedNote[] = "imported";

bool IsImported(const GlossaryEntry& e) { return e.note.rfind(kImportedNote, 0) == 0; }

std::vector<store::GlossaryKey> StoreKeys(const GlossaryEntry& entry) {
  std::vector<store::GlossaryKey> keys;
  for (const auto& k : names::EntryKeys(entry)) keys.push_back(store::GlossaryKey{k.kind, k.key, k.variant});
  return keys;
}

// Meta key of the glossary key fingerprint (see GlossaryKeyFingerprint).
constexpr char kKeyFingerprintMeta[] = "glossary_key_fingerprint";

// Bumped when the key rows change shape without EntryKeys() changing its output for the probe entry
// (e.g. one row per spelling instead of one per key).
constexpr char kKeyLayout[] = "glossary-keys/2";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void MergeVariants(std::vector<TermVariant>& into, const std::vector<TermVariant>& from) {
  for (const auto& v : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const TermVariant& x) { return x.text == v.text; });
    if (it == into.end()) {
      into.push_back(v);
    } else {
      it->count += v.count;
      if (it->example.empty()) {
        it->example = v.example;
        it->source = v.source;
      }
    }
  }
  std::stable_sort(into.begin(), into.end(),
                   [](const TermVariant& a, const TermVariant& b) { return a.count > b.count; });
}

}  // namespace

namespace {

class LexiconWordTranslator : public names::WordTranslator {
 public:
  explicit LexiconWordTranslator(std::shared_ptr<const align::Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}

  std::string EnglishKey(std::string_view english) const override {
    std::string stem = align::EnglishStem(Lower(english));
    return lexicon_->EnglishId(stem) ? stem : std::string();
  }

  std::vector<std::string> EnglishKeys(std::string_view arabic) const override {
    std::vector<std::string> out;
    const std::string key = text::Normalizer::Get().Key(arabic, Lang::kAr);
    const std::string bare = align::StripArabicArticle(key);
    for (const align::ArabicAnalysis& a : align::AnalyzeArabic(key)) {
      // Readings that strip only the article and suffixes: a stem the key (or the key without its
      // article) begins with.
      if (key.compare(0, a.stem.size(), a.stem) != 0 && bare.compare(0, a.stem.size(), a.stem) != 0) continue;
      if (const std::vector<uint32_t>* ids = lexicon_->Find(a.stem)) {
        for (uint32_t id : *ids) out.push_back(lexicon_->English(id));
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  std::shared_ptr<const align::Lexicon> lexicon_;
};

}  // namespace

std::shared_ptr<const names::WordTranslator> LexiconTranslator(std::shared_ptr<const align::Lexicon> lexicon) {
  return std::make_shared<LexiconWordTranslator>(std::move(lexicon));
}

namespace {

std::string ComputeKeyFingerprint() {
  // Spellings that exercise what the keys depend on: normalization (hamza, ta marbuta, alef maqsura),
  // clitics, several words, an acronym, an exonym, English "ch", a name without consonants.
  GlossaryEntry probe;
  probe.type = "PER";
  probe.english = "Jens Stoltenberg";
  probe.english_variants = {{"Jens Stoltenberg", 3, "", ""}, {"Stoltenberg", 1, "", ""}, {"Bach", 1, "", ""}};
  probe.arabic = {{"ستولتنبرغ", 2, "", ""}, {"لستلولتنبرج", 1, "", ""}, {"ينس ستولتنبرغ", 1, "", ""},
                  {"الناتو", 1, "", ""}, {"ليبيا", 1, "", ""}, {"مؤسسة إلى", 1, "", ""}, {"والسراج", 1, "", ""},
                  {"باخ", 1, "", ""}, {"آية", 1, "", ""}};
  std::string text = kKeyLayout;
  for (const names::LookupKey& k : names::EntryKeys(probe)) {
    text += '\n' + k.kind + '\t' + k.key + '\t' + k.variant;
  }
  return store::ContentHash(text);
}

}  // namespace

std::string GlossaryKeyFingerprint() {
  // A property of this build: computed once per process (every lookup, import and build compares it).
  static const std::string fingerprint = ComputeKeyFingerprint();
  return fingerprint;
}

StatusOr<bool> GlossaryKeysCurrent(store::Store& store) {
  auto stored = store.GetMeta(kKeyFingerprintMeta);
  if (!stored.ok()) return stored.status();
  if (*stored && **stored == GlossaryKeyFingerprint()) return true;
  auto n = store.CountGlossaryEntries();
  if (!n.ok()) return n.status();
  return *n == 0;
}

StatusOr<int64_t> RekeyGlossary(store::Store& store) {
  auto entries = ListGlossary(store);
  if (!entries.ok()) return entries.status();
  auto txn = store.BeginTransaction();
  if (!txn.ok()) return txn.status();
  for (const GlossaryEntry& e : *entries) {
    auto id = store.PutGlossaryEntry(e, StoreKeys(e));
    if (!id.ok()) return id.status();
  }
  NAZIR_RETURN_IF_ERROR(store.SetMeta(kKeyFingerprintMeta, GlossaryKeyFingerprint()));
  NAZIR_RETURN_IF_ERROR((*txn)->Commit());
  return static_cast<int64_t>(entries->size());
}

StatusOr<GlossaryBuildReport> BuildGlossary(store::Store& store, const names::MiningOptions& options) {
  GlossaryBuildReport report;
  names::MiningOptions mining = options;
  if (!mining.translator) {
    // A missing dictionary is not an error here: the names that need it are left out (the report says so).
    auto lexicon = align::Lexicon::LoadFreeDict(align::Lexicon::DefaultDictDir());
    if (lexicon.ok()) mining.translator = LexiconTranslator(std::make_shared<const align::Lexicon>(std::move(*lexicon)));
  }
  report.translation = mining.translator != nullptr;
  std::unordered_map<int64_t, std::string> doc_names;
  auto docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  for (const auto& d : *docs) doc_names[d.id] = d.name;

  std::vector<names::AlignedPair> pairs;
  NAZIR_RETURN_IF_ERROR(store.ForEachTu({}, [&](const store::StoredTu& t) -> Status {
    if (t.ar_text.empty() || t.en_text.empty()) return Status::Ok();
    names::AlignedPair p;
    p.arabic = t.ar_text;
    p.english = t.en_text;
    p.doc_id = "tu" + std::to_string(t.id);
    pairs.push_back(std::move(p));
    return Status::Ok();
  }));
  // Provenance (document, sentence) for the examples, read after the scan (one statement at a time).
  for (auto& p : pairs) {
    int64_t tu_id = std::stoll(p.doc_id.substr(2));
    auto prov = store.GetProvenance(tu_id);
    if (!prov.ok()) return prov.status();
    if (!prov->empty()) {
      const auto& first = prov->front();
      auto it = doc_names.find(first.document_id);
      p.doc_id = it != doc_names.end() ? it->second : p.doc_id;
      p.sentence = first.ar_sentences.empty() ? 0 : first.ar_sentences.front();
    }
  }
  report.pairs = static_cast<int64_t>(pairs.size());
  std::vector<GlossaryEntry> mined = names::MineGlossary(pairs, mining);

  // Keep imported entries; replace everything mined.
  std::vector<GlossaryEntry> kept;
  NAZIR_RETURN_IF_ERROR(store.ForEachGlossaryEntry([&](const GlossaryEntry& e) -> Status {
    if (IsImported(e)) kept.push_back(e);
    return Status::Ok();
  }));
  auto txn = store.BeginTransaction();
  if (!txn.ok()) return txn.status();
  NAZIR_RETURN_IF_ERROR(store.ClearGlossary());
  for (auto& e : kept) {
    e.id = 0;
    auto id = store.PutGlossaryEntry(e, StoreKeys(e));
    if (!id.ok()) return id.status();
  }
  for (auto& e : mined) {
    e.id = 0;
    auto id = store.PutGlossaryEntry(e, StoreKeys(e));
    if (!id.ok()) return id.status();
  }
  // Every entry was just keyed by this build.
  NAZIR_RETURN_IF_ERROR(store.SetMeta(kKeyFingerprintMeta, GlossaryKeyFingerprint()));
  NAZIR_RETURN_IF_ERROR((*txn)->Commit());
  report.imported_kept = static_cast<int64_t>(kept.size());
  report.entries = static_cast<int64_t>(kept.size() + mined.size());
  return report;
}

namespace {

// A consonant key shared by more entries than this says little about which entry is meant (a short
// word's skeleton like "TN"); it only counts when no rarer key matched.
constexpr int kMaxPosting = 256;
// Entries considered per lookup, the best by key evidence first: the right entry matches several of
// the query's keys (whole name, each word, one-deletion neighbours).
constexpr size_t kMaxCandidates = 48;
// A candidate is fetched from the store and scored in full only when the query, scored against the
// spellings whose keys it matched (the key rows carry them), comes within this of the threshold: most
// candidates of a lookup are key neighbours that score far lower, and fetching is the expensive part.
// Its other spellings can only raise its score; the margin covers a better one that shares no key.
constexpr double kPrefilterMargin = 0.05;

StatusOr<std::vector<GlossaryHit>> RankIds(store::Store& store, const names::PreparedQuery& query,
                                           const std::vector<int64_t>& ids, int limit) {
  std::vector<GlossaryEntry> entries;
  entries.reserve(ids.size());
  for (int64_t id : ids) {
    auto e = store.GetGlossaryEntry(id);
    if (!e.ok()) return e.status();
    if (e->has_value()) entries.push_back(std::move(**e));
  }
  std::vector<const GlossaryEntry*> candidates;
  for (const auto& e : entries) candidates.push_back(&e);
  std::vector<GlossaryHit> out;
  for (const auto& hit : names::RankEntries(query, candidates, limit)) {
    out.push_back(GlossaryHit{entries[hit.entry], hit.score, hit.how, hit.matched});
  }
  return out;
}

// What the key probes say about one entry: its weight of evidence, and the spellings whose keys matched.
struct KeyEvidence {
  double support = 0.0;
  std::vector<std::string> spellings;

  void AddSpelling(std::string&& s) {
    if (std::find(spellings.begin(), spellings.end(), s) == spellings.end()) spellings.push_back(std::move(s));
  }
};

// An entry holding only `spellings` (Arabic ones as Arabic variants, others as English names): what the
// prefilter scores without fetching the entry.
GlossaryEntry PartialEntry(const std::vector<std::string>& spellings) {
  GlossaryEntry e;
  for (const std::string& s : spellings) {
    if (text::CountScripts(s).arabic > 0) {
      e.arabic.push_back({s, 0, "", ""});
    } else if (e.english.empty()) {
      e.english = s;
    } else {
      e.english_variants.push_back({s, 0, "", ""});
    }
  }
  return e;
}

}  // namespace

StatusOr<std::vector<GlossaryHit>> LookupGlossary(store::Store& store, std::string_view query, int limit) {
  store::ReadTransaction snapshot(store.db());
  const names::PreparedQuery prepared(query);
  const std::vector<names::LookupKey> keys = names::QueryKeys(query);
  std::unordered_map<int64_t, KeyEvidence> evidence;
  // 1. Normalized spellings (exact or after normalization and clitic stripping): a hit settles it.
  std::set<int64_t> norm_ids;
  for (const auto& k : keys) {
    if (k.kind != "norm") continue;
    auto hits = store.FindGlossaryKey(k.kind, k.key, kMaxPosting);
    if (!hits.ok()) return hits.status();
    for (auto& h : *hits) {
      norm_ids.insert(h.entry_id);
      evidence[h.entry_id].AddSpelling(std::move(h.variant));
    }
  }
  if (!norm_ids.empty() && norm_ids.size() <= kMaxCandidates) {
    auto ranked = RankIds(store, prepared, std::vector<int64_t>(norm_ids.begin(), norm_ids.end()), limit);
    if (!ranked.ok() || !ranked->empty()) return ranked;
  }
  // 2. Consonant keys (transliteration neighbours): every entry sharing a key gets the key's weight,
  // 1/posting size (rare keys say more, as IDF does); the best-supported entries are considered.
  for (int64_t id : norm_ids) evidence[id].support += 1.0;
  std::vector<const names::LookupKey*> common;
  for (const auto& k : keys) {
    if (k.kind == "norm") continue;
    auto hits = store.FindGlossaryKey(k.kind, k.key, kMaxPosting + 1);
    if (!hits.ok()) return hits.status();
    if (static_cast<int>(hits->size()) > kMaxPosting) {
      common.push_back(&k);
      continue;
    }
    std::set<int64_t> ids;
    for (const auto& h : *hits) ids.insert(h.entry_id);
    for (auto& h : *hits) evidence[h.entry_id].AddSpelling(std::move(h.variant));
    for (int64_t id : ids) evidence[id].support += 1.0 / static_cast<double>(ids.size());
  }
  bool any_support = false;
  for (const auto& [id, e] : evidence) any_support = any_support || e.support > 0;
  if (!any_support) {  // only very common keys matched: take a bounded sample of each
    for (const auto* k : common) {
      auto hits = store.FindGlossaryKey(k->kind, k->key, static_cast<int>(kMaxCandidates));
      if (!hits.ok()) return hits.status();
      for (auto& h : *hits) {
        KeyEvidence& e = evidence[h.entry_id];
        e.support += 1.0;
        e.AddSpelling(std::move(h.variant));
      }
    }
  }
  std::vector<std::pair<double, int64_t>> by_support;
  by_support.reserve(evidence.size());
  for (const auto& [id, e] : evidence)
    if (e.support > 0) by_support.emplace_back(-e.support, id);
  const size_t n = std::min(by_support.size(), kMaxCandidates);
  std::partial_sort(by_support.begin(), by_support.begin() + static_cast<std::ptrdiff_t>(n), by_support.end());
  // 3. Prefilter on the matched spellings, then fetch and score the survivors in full.
  const double prefilter = names::DefaultLookupThreshold() - kPrefilterMargin;
  std::vector<int64_t> ids;
  for (size_t i = 0; i < n; ++i) {
    const int64_t id = by_support[i].second;
    const GlossaryEntry partial = PartialEntry(evidence[id].spellings);
    // An entry no normalized key reached cannot match after normalization either.
    const bool passes = norm_ids.count(id) ? names::ScoreEntry(prepared, partial, prefilter).has_value()
                                           : names::ScoreTransliteration(prepared, partial, prefilter).has_value();
    if (passes) ids.push_back(id);
  }
  return RankIds(store, prepared, ids, limit);
}

StatusOr<int64_t> ImportGlossaryEntries(store::Store& store, std::vector<GlossaryEntry> entries) {
  // The entries already there are re-keyed first when an older build keyed them, so the whole glossary
  // is keyed alike afterwards.
  auto current = GlossaryKeysCurrent(store);
  if (!current.ok()) return current.status();
  if (!*current) {
    auto rekeyed = RekeyGlossary(store);
    if (!rekeyed.ok()) return rekeyed.status();
  }
  auto existing = ListGlossary(store);
  if (!existing.ok()) return existing.status();
  std::map<std::string, GlossaryEntry> by_english;
  for (auto& e : *existing) by_english[Lower(e.english)] = std::move(e);

  auto txn = store.BeginTransaction();
  if (!txn.ok()) return txn.status();
  int64_t n = 0;
  for (auto& e : entries) {
    if (e.english.empty() && e.arabic.empty()) continue;
    auto it = e.english.empty() ? by_english.end() : by_english.find(Lower(e.english));
    GlossaryEntry merged;
    if (it != by_english.end()) {
      merged = it->second;
      MergeVariants(merged.arabic, e.arabic);
      MergeVariants(merged.english_variants, e.english_variants);
      merged.count += e.count;
      if (merged.type.empty()) merged.type = e.type;
      if (!IsImported(merged)) merged.note = std::string(kImportedNote) + (merged.note.empty() ? "" : ": " + merged.note);
    } else {
      merged = std::move(e);
      merged.id = 0;
      merged.note = std::string(kImportedNote) + (merged.note.empty() ? "" : ": " + merged.note);
    }
    auto id = store.PutGlossaryEntry(merged, StoreKeys(merged));
    if (!id.ok()) return id.status();
    merged.id = *id;
    by_english[Lower(merged.english)] = merged;
    ++n;
  }
  NAZIR_RETURN_IF_ERROR(store.SetMeta(kKeyFingerprintMeta, GlossaryKeyFingerprint()));
  NAZIR_RETURN_IF_ERROR((*txn)->Commit());
  return n;
}

StatusOr<std::vector<GlossaryEntry>> ListGlossary(store::Store& store) {
  std::vector<GlossaryEntry> out;
  NAZIR_RETURN_IF_ERROR(store.ForEachGlossaryEntry([&](const GlossaryEntry& e) -> Status {
    out.push_back(e);
    return Status::Ok();
  }));
  return out;
}

}  // namespace nazir::corpus
