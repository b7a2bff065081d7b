// Gazetteer: Arabic <-> English exonyms that no transliteration finds (ليبيا Libya, العراق Iraq,
// طرابلس Tripoli), from ICU's CLDR data: territory display names and time-zone exemplar cities.
//
//   const auto& g = nazir::names::Gazetteer::Get();
//   g.EnglishFor("ليبيا");   // {"Libya"}
//   g.ArabicFor("Iraq");    // {"العراق"}
#ifndef NAZIR_NAMES_GAZETTEER_H_
#define NAZIR_NAMES_GAZETTEER_H_

#include <string>
#include <string_view>
#include <vector>

namespace nazir::names {

struct Place {
  std::string arabic;   // as CLDR writes it
  std::string english;
  std::string type;     // "LOC" (country/region/city)
};

class Gazetteer {
 public:
  // Built once from ICU's CLDR data. Thread-safe.
  static const Gazetteer& Get();

  // English names for an Arabic spelling (matched on its normalized key, with or without ال and
  // proclitics). Empty when unknown.
  std::vector<std::string> EnglishFor(std::string_view arabic) const;

  // Arabic names for an English spelling (case-insensitive).
  std::vector<std::string> ArabicFor(std::string_view english) const;

  const std::vector<Place>& places() const;

  ~Gazetteer();

 private:
  Gazetteer();
  struct Impl;
  Impl* impl_;
};

}  // namespace nazir::names

#endif  // NAZIR_NAMES_GAZETTEER_H_
