// GlossaryEntry: one named entity (person, place, organization) with every spelling seen.
#ifndef NAZIR_MODEL_GLOSSARY_H_
#define NAZIR_MODEL_GLOSSARY_H_

#include <cstdint>
#include <string>
#include <vector>

namespace nazir {

struct TermVariant {
  std::string text;     // the spelling as seen (clitics stripped), e.g. ستولتنبرغ
  int count = 0;        // occurrences in the corpus
  std::string example;  // one sentence it occurs in
  std::string source;   // "doc_id:sentence_index" of the example
};

struct GlossaryEntry {
  int64_t id = 0;
  std::string type;                     // PER, LOC, ORG or "" when the evidence does not say
  std::string english;                  // headword, e.g. "Jens Stoltenberg"
  std::vector<TermVariant> english_variants;  // other English forms (Daesh for ISIS), headword first
  std::vector<TermVariant> arabic;      // every Arabic spelling, most frequent first (the headword)
  int count = 0;                        // total occurrences
  std::string note;
};

}  // namespace nazir

#endif  // NAZIR_MODEL_GLOSSARY_H_
