// TmxHeader: the <header> of a TMX file, as read from other tools and as nazir writes it.
#ifndef NAZIR_TMX_HEADER_H_
#define NAZIR_TMX_HEADER_H_

#include <string>
#include <vector>

#include "nazir/model/tu.h"

namespace nazir::tmx {

// The seven attributes TMX 1.4b requires, the optional ones, and the header's props and notes.
// Defaults are what nazir writes (see docs/TMX.md); a reader fills every field from the file, leaving
// absent optional attributes empty.
struct TmxHeader {
  std::string version = "1.4";  // <tmx version="...">: "1.1", "1.2", "1.3" or "1.4" when read
  std::string creationtool = "nazir";
  std::string creationtoolversion;  // the writer fills in nazir's version when empty
  std::string segtype = "sentence";  // block | paragraph | sentence | phrase
  std::string o_tmf = "nazir";       // original translation memory format
  std::string adminlang = "en";
  std::string srclang = "ar";        // a language tag, or "*all*"
  std::string datatype = "plaintext";
  std::string o_encoding;            // optional attributes: empty = absent
  std::string creationdate;          // TMX form 20261123T101500Z; the writer fills in "now" when empty
  std::string creationid;
  std::string changedate;
  std::string changeid;
  std::vector<Prop> props;
  std::vector<Note> notes;
};

// The value of TmxHeader::srclang meaning "any tuv may be the source".
inline constexpr char kSrcLangAll[] = "*all*";

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_HEADER_H_
