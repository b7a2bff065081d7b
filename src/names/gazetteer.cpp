#include "nazir/names/gazetteer.h"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>
#include <utility>

#include "nazir/base/lang.h"
#include "nazir/names/clitics.h"
#include "nazir/text/normalize.h"

namespace nazir::names {
namespace {

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

std::string Trim(std::string s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return std::string();
  const size_t e = s.find_last_not_of(' ');
  return s.substr(b, e - b + 1);
}

// CLDR writes some names with a qualifier: "Myanmar (Burma)", "Congo - Kinshasa",
// "Bosnia & Herzegovina". Every form a newspaper might print: the whole, the part outside the
// parentheses, the part inside, the part before " - ", and "&" spelled "and" / و.
std::vector<std::string> Forms(const std::string& name, bool arabic) {
  std::vector<std::string> out = {name};
  const size_t open = name.find(" (");
  const size_t close = name.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    out.push_back(Trim(name.substr(0, open) + name.substr(close + 1)));
    out.push_back(Trim(name.substr(open + 2, close - open - 2)));
  }
  const size_t dash = name.find(" - ");
  if (dash != std::string::npos) out.push_back(Trim(name.substr(0, dash)));
  const size_t amp = name.find(" & ");
  if (amp != std::string::npos)
    out.push_back(name.substr(0, amp) + (arabic ? " و" : " and ") + name.substr(amp + 3));
  return out;
}

// The Arabic index key: the normalized spelling without a leading article (ليبيا and الجزائر are
// looked up the same way whether the text writes the article or not).
std::string BareArabic(const std::string& normalized) {
  const std::vector<CliticAnalysis> a = ProcliticAnalyses(normalized);
  for (const CliticAnalysis& x : a) {
    if (x.clitics == 1 && x.prefix == "ال") return x.stem;
  }
  return normalized;
}

std::string EnglishIndexKey(std::string_view english) {
  std::string k = text::Normalizer::Get().Key(english, Lang::kEn);
  if (k.rfind("the ", 0) == 0) k = k.substr(4);
  return k;
}

}  // namespace

struct Gazetteer::Impl {
  std::vector<Place> places;
  std::unordered_map<std::string, std::vector<size_t>> by_arabic;   // BareArabic(normalized)
  std::unordered_map<std::string, std::vector<size_t>> by_english;  // EnglishIndexKey
  std::set<std::pair<std::string, std::string>> seen;

  void Add(const std::string& ar_name, const std::string& en_name) {
    if (ar_name.empty() || en_name.empty()) return;
    for (const std::string& ar : Forms(ar_name, true)) {
      for (const std::string& en : Forms(en_name, false)) {
        if (ar.empty() || en.empty() || !seen.insert({ar, en}).second) continue;
        const size_t i = places.size();
        places.push_back({ar, en, "LOC"});
        by_arabic[BareArabic(text::Normalizer::Get().Key(ar, Lang::kAr))].push_back(i);
        by_english[EnglishIndexKey(en)].push_back(i);
      }
    }
  }

  // Countries, regions and continents: CLDR territory display names, long and short forms.
  void AddTerritory(const char* code, icu::LocaleDisplayNames* ar_short,
                    icu::LocaleDisplayNames* en_short) {
    const icu::Locale region("", code);
    icu::UnicodeString ar, en;
    region.getDisplayCountry(icu::Locale("ar"), ar);
    region.getDisplayCountry(icu::Locale("en"), en);
    // ICU falls back to the code itself when it has no name.
    if (ar.isBogus() || en.isBogus() || ar == icu::UnicodeString(code)) return;
    Add(ToUtf8(ar), ToUtf8(en));
    if (ar_short && en_short) {
      icu::UnicodeString ar_s, en_s;
      ar_short->regionDisplayName(code, ar_s);
      en_short->regionDisplayName(code, en_s);
      if (!ar_s.isBogus() && !en_s.isBogus()) {
        Add(ToUtf8(ar_s), ToUtf8(en));
        Add(ToUtf8(ar), ToUtf8(en_s));
        Add(ToUtf8(ar_s), ToUtf8(en_s));
      }
    }
  }

  void BuildTerritories() {
    UDisplayContext ctx[] = {UDISPCTX_LENGTH_SHORT};
    std::unique_ptr<icu::LocaleDisplayNames> ar_short(
        icu::LocaleDisplayNames::createInstance(icu::Locale("ar"), ctx, 1));
    std::unique_ptr<icu::LocaleDisplayNames> en_short(
        icu::LocaleDisplayNames::createInstance(icu::Locale("en"), ctx, 1));
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c)
      AddTerritory(*c, ar_short.get(), en_short.get());
    // Continents and sub-continents (UN M.49 codes: 002 Africa, 145 Western Asia, ...).
    for (URegionType type : {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT}) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::StringEnumeration> regions(icu::Region::getAvailable(type, status));
      if (U_FAILURE(status) || !regions) continue;
      while (const char* code = regions->next(nullptr, status)) {
        if (U_FAILURE(status)) break;
        AddTerritory(code, nullptr, nullptr);
      }
    }
  }

  // Cities: CLDR time-zone exemplar cities (Africa/Tripoli -> طرابلس / Tripoli).
  void BuildCities() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> ar_names(icu::TimeZoneNames::createInstance(icu::Locale("ar"), status));
    std::unique_ptr<icu::TimeZoneNames> en_names(icu::TimeZoneNames::createInstance(icu::Locale("en"), status));
    std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createEnumeration(status));
    if (U_FAILURE(status) || !ar_names || !en_names || !ids) return;
    std::set<icu::UnicodeString> done;
    while (const icu::UnicodeString* id = ids->snext(status)) {
      if (U_FAILURE(status)) break;
      icu::UnicodeString canonical;
      UBool is_system = false;
      UErrorCode s2 = U_ZERO_ERROR;
      icu::TimeZone::getCanonicalID(*id, canonical, is_system, s2);
      if (U_FAILURE(s2) || !is_system || canonical.indexOf(u'/') < 0 || canonical.startsWith(u"Etc/"))
        continue;
      if (!done.insert(canonical).second) continue;
      icu::UnicodeString ar, en;
      ar_names->getExemplarLocationName(canonical, ar);
      en_names->getExemplarLocationName(canonical, en);
      if (ar.isBogus() || en.isBogus() || ar.isEmpty() || en.isEmpty()) continue;
      Add(ToUtf8(ar), ToUtf8(en));
    }
  }
};

Gazetteer::Gazetteer() : impl_(new Impl()) {
  impl_->BuildTerritories();
  impl_->BuildCities();
  impl_->seen.clear();
}

Gazetteer::~Gazetteer() { delete impl_; }

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

std::vector<std::string> Gazetteer::EnglishFor(std::string_view arabic) const {
  std::vector<std::string> out;
  const std::string key = text::Normalizer::Get().Key(arabic, Lang::kAr);
  if (key.empty()) return out;
  // Fewest clitics first: the whole token wins over a split (ليبيا is not ل + يبيا).
  for (const CliticAnalysis& a : ProcliticAnalyses(key)) {
    auto it = impl_->by_arabic.find(BareArabic(a.stem));
    if (it == impl_->by_arabic.end()) continue;
    for (size_t i : it->second) {
      const std::string& en = impl_->places[i].english;
      if (std::find(out.begin(), out.end(), en) == out.end()) out.push_back(en);
    }
    break;
  }
  return out;
}

std::vector<std::string> Gazetteer::ArabicFor(std::string_view english) const {
  std::vector<std::string> out;
  auto it = impl_->by_english.find(EnglishIndexKey(english));
  if (it == impl_->by_english.end()) return out;
  for (size_t i : it->second) {
    const std::string& ar = impl_->places[i].arabic;
    if (std::find(out.begin(), out.end(), ar) == out.end()) out.push_back(ar);
  }
  return out;
}

const std::vector<Place>& Gazetteer::places() const { return impl_->places; }

}  // namespace nazir::names
