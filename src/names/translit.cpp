#include "nazir/names/translit.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "phonetic.h"

namespace nazir::names {
namespace {

// ICU's Arabic-Latin romanizes letter by letter (no vowels added, clitics kept): a display aid.
class Romanizer {
 public:
  static Romanizer& Get() {
    static Romanizer* r = new Romanizer();
    return *r;
  }
  std::string Run(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
    {
      // Transliterator::transliterate is not safe to call concurrently on one instance.
      std::lock_guard<std::mutex> lock(mu_);
      if (!t_) return std::string(s);
      t_->transliterate(u);
    }
    std::string out;
    u.toUTF8String(out);
    return out;
  }

 private:
  Romanizer() {
    UErrorCode status = U_ZERO_ERROR;
    t_.reset(icu::Transliterator::createInstance("Arabic-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t_.reset();
  }
  std::mutex mu_;
  std::unique_ptr<icu::Transliterator> t_;
};

}  // namespace

std::string ArabicKey(std::string_view arabic) {
  return internal::KeyOfSymbols(internal::ArabicSymbols(arabic));
}

std::string EnglishKey(std::string_view english) {
  return internal::KeyOfSymbols(internal::EnglishSymbols(english));
}

std::string Romanize(std::string_view arabic) { return Romanizer::Get().Run(arabic); }

}  // namespace nazir::names
