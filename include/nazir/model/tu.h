// TranslationUnit: one TMX <tu> as nazir keeps it (reader -> store -> writer, losslessly).
#ifndef NAZIR_MODEL_TU_H_
#define NAZIR_MODEL_TU_H_

#include <string>
#include <utility>
#include <vector>

namespace nazir {

struct Prop {
  std::string type;   // e.g. "x-confidence"
  std::string value;
  std::string lang;   // optional xml:lang on the prop
};

struct Note {
  std::string text;
  std::string lang;   // optional xml:lang on the note
};

// Attributes of a <tu> or <tuv> that nazir does not interpret, as written and in document order
// (creationid, changeid, usagecount, lastusagedate, creationtool, o-tmf, datatype ...): a TM from a CAT
// tool keeps who made each unit and how often it was used through import, store and export.
using OtherAttributes = std::vector<std::pair<std::string, std::string>>;

struct Tuv {
  std::string lang;        // language tag as written (ar, ar-LY, en-US)
  std::string text;        // plain text of <seg>: inline markup removed, entities resolved
  std::string seg_markup;  // the <seg> content as XML when it holds inline elements (bpt, ph...);
                           // empty when the segment is plain text
  std::vector<Prop> props;
  std::vector<Note> notes;
  std::string creationdate;  // optional, TMX form 20261123T101500Z
  OtherAttributes attributes;  // every other attribute but xml:lang
};

struct TranslationUnit {
  std::string tuid;
  std::string srclang;       // optional per-TU srclang
  std::string creationdate;  // TMX form 20261123T101500Z
  std::string changedate;
  OtherAttributes attributes;  // every other attribute but tuid, srclang and the two dates
  std::vector<Prop> props;
  std::vector<Note> notes;
  std::vector<Tuv> tuvs;     // source-language tuv first when nazir writes
};

}  // namespace nazir

#endif  // NAZIR_MODEL_TU_H_
