// TmxWriter: streams translation units into a TMX 1.4b file, through Xerces-C, atomically.
//
//   nazir::tmx::TmxWriterOptions opts;
//   opts.header.srclang = "ar-LY";                   // --src-lang; the tuv in this language goes first
//   auto w = nazir::tmx::TmxWriter::Open("out.tmx", opts);
//   if (!w.ok()) return w.status();
//   for (const nazir::TranslationUnit& tu : tus) NAZIR_RETURN_IF_ERROR((*w)->Write(tu));
//   NAZIR_RETURN_IF_ERROR((*w)->Close());            // only now does out.tmx appear (or get replaced)
//
// What is written: an XML declaration (UTF-8), <!DOCTYPE tmx SYSTEM "tmx14.dtd">, <tmx version="1.4">,
// a header with the seven required attributes, then one <tu> per Write():
//   <tu tuid="…" creationdate="20261123T101500Z"> <prop type="x-…">…</prop>… <tuv xml:lang="ar"><seg>…
// Memory does not grow with the number of TUs. Text goes through Xerces' XMLFormatter (no hand-made
// escaping). Segments are cleaned with CleanSegment (segment_text.h) unless options say otherwise;
// a tuv with seg_markup (inline elements) is re-parsed by Xerces and written event by event, so
// malformed markup is refused, never copied.
#ifndef NAZIR_TMX_TMX_WRITER_H_
#define NAZIR_TMX_TMX_WRITER_H_

#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>

#include "nazir/base/status.h"
#include "nazir/model/tu.h"
#include "nazir/tmx/header.h"
#include "nazir/tmx/segment_text.h"

namespace nazir::tmx {

// Prop types nazir writes on each aligned pair (all "x-" prefixed: Trados requires it, and OmegaT gives
// the unprefixed names file/id/prev/next a meaning of its own).
inline constexpr char kPropConfidence[] = "x-confidence";  // the aligner's score, "0.93"
inline constexpr char kPropBead[] = "x-bead";              // bead shape: "1-1", "1-2", "2-1"…
inline constexpr char kPropSourceDoc[] = "x-source-doc";   // the Arabic document (file name or id)
inline constexpr char kPropTargetDoc[] = "x-target-doc";   // the English document

struct TmxWriterOptions {
  // Header attributes. header.srclang is also the language of the tuv written first in every TU
  // (translate-toolkit takes the first tuv as the source whatever xml:lang says). Defaults: see header.h.
  TmxHeader header;
  // The target language of the pair (not a TMX header attribute: MakePairTu uses it for the second tuv).
  std::string tgtlang = "en";
  // Apply CleanSegment to every segment (trim, NFC, no bidi controls). Off only to re-export a TM
  // exactly as read; forbidden XML characters are handled per illegal_chars either way.
  bool clean_segments = true;
  IllegalCharPolicy illegal_chars = IllegalCharPolicy::kDrop;
  // Write <!DOCTYPE tmx SYSTEM "tmx14.dtd"> so that validating tools pick the TMX 1.4 DTD.
  bool write_doctype = true;
  // Indent the output (one element per line). Off gives the smallest file.
  bool pretty = true;
};

class TmxWriter {
 public:
  // Creates the temporary file next to `path` ("-" = stdout) and writes the prolog and the header.
  // Fills header.creationtoolversion and header.creationdate when empty.
  static StatusOr<std::unique_ptr<TmxWriter>> Open(const std::string& path, const TmxWriterOptions& options);

  // Writes one <tu>. Fills in what `tu` leaves empty: tuid (StableTuid of the TU as written: cleaned
  // segments, source first; "-2", "-3"... appended when the same pair comes again, so tuids stay unique)
  // and creationdate (the header's). The tuv matching srclang (the TU's, else the header's) is written
  // first. A tuv with seg_markup is written from it (Tuv::text is then ignored). Fails on a TU without
  // tuvs, a tuv without a language, invalid UTF-8, malformed seg_markup or markup with non-TMX elements,
  // an invalid date, or (kRefuse) a forbidden character; the message names the tuid. A failed Write
  // writes nothing and the writer stays usable (only an I/O error is final).
  Status Write(const TranslationUnit& tu);

  // Ends the document and renames the temporary file over `path`. Without Close() (or after an
  // error) the target is left untouched.
  Status Close();

  // Drops the temporary file; the target is unchanged. Idempotent; the destructor calls it.
  void Abandon();

  uint64_t tus_written() const;
  // Forbidden XML characters removed so far (IllegalCharPolicy::kDrop).
  uint64_t chars_dropped() const;
  uint64_t bytes_written() const;

  ~TmxWriter();
  TmxWriter(const TmxWriter&) = delete;
  TmxWriter& operator=(const TmxWriter&) = delete;

 private:
  struct Impl;
  explicit TmxWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A stable tuid for a TU: the same segment texts in the same order always give the same id, across runs
// and machines ("nz-" + 16 hex digits of a 64-bit FNV-1a hash of Tuv::text in order).
std::string StableTuid(const TranslationUnit& tu);

// `t` (seconds since the epoch) in the TMX date form, UTC: 20261123T101500Z.
std::string FormatTmxDate(std::time_t t);

// True if `date` is a valid TMX date: YYYYMMDDThhmmssZ with a real calendar date and time.
bool IsValidTmxDate(std::string_view date);

// The TU nazir writes for one aligned pair: tuvs in options.header.srclang and options.tgtlang, and the
// props x-confidence (two decimals), x-bead, x-source-doc, x-target-doc (each only when non-empty;
// confidence always). tuid and creationdate are left for the writer to fill in.
TranslationUnit MakePairTu(std::string_view src_text, std::string_view tgt_text, const TmxWriterOptions& options,
                           double confidence, std::string_view bead_shape, std::string_view source_doc,
                           std::string_view target_doc);

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_TMX_WRITER_H_
