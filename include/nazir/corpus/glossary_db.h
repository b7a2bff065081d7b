// The glossary of names as kept in the store: (re)mining it from every aligned pair, looking it up by
// any spelling through the store's key index, importing and listing entries.
//
// The mining and the ranking are names/glossary.h; the tables are store/store.h; this file joins them.
//
//   auto built = nazir::corpus::BuildGlossary(*store, {});
//   auto hits = nazir::corpus::LookupGlossary(*store, "لستولتنبرغ", /*limit=*/5);
//   for (const auto& h : *hits) Print(h.entry.english, h.score, h.how);
#ifndef NAZIR_CORPUS_GLOSSARY_DB_H_
#define NAZIR_CORPUS_GLOSSARY_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/align/lexicon.h"
#include "nazir/base/status.h"
#include "nazir/model/glossary.h"
#include "nazir/names/glossary.h"
#include "nazir/store/store.h"

namespace nazir::corpus {

struct GlossaryBuildReport {
  int64_t pairs = 0;    // aligned pairs mined
  int64_t entries = 0;  // entries in the glossary afterwards
  int64_t imported_kept = 0;  // entries that came from imports (not from mining) and were kept
  bool translation = false;   // names were also linked by word translation (a lexicon was at hand)
};

// Re-mines the glossary from every TU in the store that has an Arabic and an English side, replacing
// the mined entries in one transaction. Entries imported by ImportGlossaryEntries are kept (their
// note starts with "imported"), so a re-build never loses a terminologist's work.
// Names Arabic translates (البيت الأبيض White House) are linked word by word through
// options.translator; when that is null, the FreeDict lexicon the aligner uses is loaded from its
// default place (align::Lexicon::DefaultDictDir(), cached in DefaultCacheDir()) to supply it. Without
// a dictionary the glossary is still mined, without translation links (report.translation is false).
StatusOr<GlossaryBuildReport> BuildGlossary(store::Store& store, const names::MiningOptions& options);

// A names::WordTranslator backed by a bilingual lexicon: an English word's key is its stem when the
// lexicon has it; an Arabic word's keys are the English stems the lexicon pairs with it, its article
// and suffixes stripped as the lexicon's own analysis does (never its conjunctions or prepositions:
// the miner splits those).
//
//   auto lex = nazir::align::Lexicon::LoadFreeDict(nazir::align::Lexicon::DefaultDictDir());
//   names::MiningOptions o;
//   o.translator = LexiconTranslator(std::make_shared<const align::Lexicon>(std::move(*lex)));
//   o.translator->EnglishKeys("الأبيض");  // {"whit", ...} with FreeDict; EnglishKey("White") == "whit"
std::shared_ptr<const names::WordTranslator> LexiconTranslator(std::shared_ptr<const align::Lexicon> lexicon);

// One entry found by LookupGlossary.
struct GlossaryHit {
  GlossaryEntry entry;
  double score = 0.0;    // 0..1
  names::MatchKind how = names::MatchKind::kTransliteration;
  std::string matched;   // the stored spelling that matched best
};

// Entries matching `query` (Arabic or English, any spelling, with or without clitics), best first, at
// most `limit` (<= 0: all). Candidates come from the store's key index (no scan); empty when nothing is
// close enough.
StatusOr<std::vector<GlossaryHit>> LookupGlossary(store::Store& store, std::string_view query, int limit);

// Adds entries from a TBX/TSV/CSV import. An entry whose English headword (case-insensitive) is
// already in the glossary is merged into it (spellings added, counts summed); others become new
// entries. Returns how many entries were added or merged.
StatusOr<int64_t> ImportGlossaryEntries(store::Store& store, std::vector<GlossaryEntry> entries);

// Every entry in id order.
StatusOr<std::vector<GlossaryEntry>> ListGlossary(store::Store& store);

// The lookup keys' fingerprint: a hash of names::EntryKeys() over a fixed probe entry and of the key
// rows' layout. The store keeps the fingerprint of the build that keyed its glossary (BuildGlossary,
// ImportGlossaryEntries and RekeyGlossary record it); a different one means an older nazir keyed it and
// lookups may miss spellings until the entries are re-keyed.
std::string GlossaryKeyFingerprint();

// True when the glossary is empty or was keyed by this build.
StatusOr<bool> GlossaryKeysCurrent(store::Store& store);

// Recomputes the lookup keys of every entry (entries, spellings and ids unchanged) in one transaction and
// records this build's fingerprint. Returns the number of entries re-keyed.
StatusOr<int64_t> RekeyGlossary(store::Store& store);

}  // namespace nazir::corpus

#endif  // NAZIR_CORPUS_GLOSSARY_DB_H_
