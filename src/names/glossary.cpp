// Glossary mining from aligned pairs.
#include "nazir/names/glossary.h"

namespace nazir::names {

std::vector<GlossaryEntry> MineGlossary(const std::vector<AlignedPair>& /*pairs*/, const MiningOptions& /*options*/) {
  return {};
}

std::vector<NameSpan> EnglishNameSpans(std::string_view /*english*/) { return {}; }

}  // namespace nazir::names
