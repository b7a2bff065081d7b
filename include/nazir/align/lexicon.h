// Lexicon: a bilingual word list, normalized Arabic word keys <-> English word stems.
//
// The seed lexicon is Debian's FreeDict Arabic-English and English-Arabic dictionaries
// (dict-freedict-ara-eng, dict-freedict-eng-ara), read at run time from where Debian installs them
// (/usr/share/dictd, or $NAZIR_DICT_DIR): dictd format, a tab-separated .index (headword, base64 offset,
// base64 length) into a dictzip'ed .dict.dz. Each entry becomes pairs of content words (function words
// dropped; multi-word entries of up to kMaxEntryWords words a side pair every word with every word).
// Arabic keys are nazir::text::Normalizer keys; an entry with the article (الحكومة) is also stored
// without it. English sides are EnglishStem()s of case-folded words.
//
// Parsing normalizes ~200k Arabic phrases with ICU, so the parsed lexicon is cached in a binary file
// (see LoadFreeDict) that is rebuilt whenever a dictionary file or the normalizer changes.
//
//   auto lex = nazir::align::Lexicon::LoadFreeDict(nazir::align::Lexicon::DefaultDictDir());
//   if (!lex.ok()) return lex.status();
//   if (const auto* ids = lex->Find("حكومه")) for (uint32_t id : *ids) Use(lex->English(id));
#ifndef NAZIR_ALIGN_LEXICON_H_
#define NAZIR_ALIGN_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nazir/base/lang.h"
#include "nazir/base/status.h"

namespace nazir::align {

class Lexicon {
 public:
  // Content words a side above which a dictionary entry is a definition, not a translation.
  static constexpr int kMaxEntryWords = 2;

  Lexicon() = default;

  // $NAZIR_DICT_DIR if set, else /usr/share/dictd (Debian's dictd data folder).
  static std::string DefaultDictDir();

  // $NAZIR_CACHE_DIR, else $XDG_CACHE_HOME/nazir, else $HOME/.cache/nazir; "" when none is known.
  static std::string DefaultCacheDir();

  // Loads freedict-ara-eng and freedict-eng-ara from `dict_dir`. With a non-empty `cache_dir` the parsed
  // lexicon is read from / written to a cache file there (a failure to write the cache is not an error).
  // kNotFound names the missing file and the Debian packages that provide it.
  static StatusOr<Lexicon> LoadFreeDict(const std::string& dict_dir,
                                        const std::string& cache_dir = DefaultCacheDir());

  // Parses one dictd dictionary whose headwords are in `headword_lang` and adds its pairs.
  Status AddDictd(const std::string& index_path, const std::string& dict_path, Lang headword_lang);

  // Adds the pairs of one dictionary entry: an Arabic phrase and an English phrase (original spelling;
  // normalized, split and filtered here).
  void AddEntry(std::string_view arabic, std::string_view english);

  // Adds one pair of keys as they are (a normalized Arabic key, an English stem).
  void AddPair(std::string_view ar_key, std::string_view en_stem);

  // English stem ids for a normalized Arabic key, or nullptr.
  const std::vector<uint32_t>* Find(std::string_view ar_key) const;

  // The id of an English stem, if the lexicon has it.
  std::optional<uint32_t> EnglishId(std::string_view en_stem) const;
  const std::string& English(uint32_t id) const { return english_[id]; }

  size_t num_pairs() const { return num_pairs_; }
  size_t num_arabic() const { return arabic_.size(); }
  size_t num_english() const { return english_.size(); }

  // Binary form for the cache; `stamp` identifies the sources it was built from.
  std::string Serialize(std::string_view stamp) const;
  // Fails (kInvalidInput) on a corrupt or truncated buffer or when the stamp differs.
  static StatusOr<Lexicon> Deserialize(std::string_view bytes, std::string_view expected_stamp);

 private:
  uint32_t InternEnglish(std::string_view stem);

  std::vector<std::string> english_;
  std::unordered_map<std::string, uint32_t> english_index_;
  std::unordered_map<std::string, std::vector<uint32_t>> arabic_;
  size_t num_pairs_ = 0;
};

}  // namespace nazir::align

#endif  // NAZIR_ALIGN_LEXICON_H_
