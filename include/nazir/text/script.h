// Which script a text is written in: catches swapped inputs (the English file given as the Arabic one).
//
//   NAZIR_RETURN_IF_ERROR(nazir::text::CheckLanguage(text, Lang::kAr, "news.ar.txt"));
#ifndef NAZIR_TEXT_SCRIPT_H_
#define NAZIR_TEXT_SCRIPT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "nazir/base/lang.h"
#include "nazir/base/status.h"

namespace nazir::text {

// Letters of `text` by script (Arabic block letters incl. presentation forms; Latin letters).
struct ScriptCounts {
  int64_t arabic = 0;
  int64_t latin = 0;
};

// Counts the letters of `text` (valid UTF-8) by script.
ScriptCounts CountScripts(std::string_view text);

// InvalidInput when `text` is clearly not in `lang`'s script: Arabic expected but at most 10% of the
// letters are Arabic, or English expected but most letters are Arabic (with at least 20 letters of the
// other script, so a short headline or a caption cannot trip it). Arabic news quotes Latin names and
// acronyms, English news rarely any Arabic, hence the asymmetry. The message names `name` and says the
// files look swapped.
Status CheckLanguage(std::string_view text, Lang lang, const std::string& name);

}  // namespace nazir::text

#endif  // NAZIR_TEXT_SCRIPT_H_
