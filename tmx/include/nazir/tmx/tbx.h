// TBX-Basic (TBX v2, ISO 30042:2008) glossary export and import, through Xerces-C.
//
//   nazir::tmx::TbxOptions opts;                     // Arabic "ar", English "en"
//   NAZIR_RETURN_IF_ERROR(nazir::tmx::WriteTbx("names.tbx", entries, opts));
//   NAZIR_RETURN_IF_ERROR(nazir::tmx::ReadTbx("names.tbx", opts,
//       [&](nazir::GlossaryEntry&& e) { store.Add(std::move(e)); return nazir::Status::Ok(); }));
//
// v2 because OmegaT 3.6 rejects TBX v3 and translate-toolkit breaks on it (docs/TMX.md). The file
// validates against OmegaT's schemas/tbx.xsd. One GlossaryEntry is one termEntry:
//   <termEntry id="e42">
//     <note>type: PER</note>                      GlossaryEntry::type (when known)
//     <note>count: 12</note>                      GlossaryEntry::count
//     <note>…</note>                              GlossaryEntry::note (when not empty)
//     <langSet xml:lang="en">                     headword first, then english_variants
//       <tig><term>Jens Stoltenberg</term>
//            <termNote type="partOfSpeech">properNoun</termNote>
//            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>  (others: admitted)
//            <descrip type="context">example sentence</descrip>  <admin type="source">doc:3</admin>
//            <note>count: 7</note></tig>
//     <langSet xml:lang="ar"> one tig per Arabic spelling, most frequent first, same shape
// Import reads any TBX v2 file (other tools' too): every tig of the Arabic langSet becomes a variant, the
// first English tig the headword; notes that do not start with "type: " or "count: " go to
// GlossaryEntry::note. External entities and DTDs are refused as in ReadTmx.
#ifndef NAZIR_TMX_TBX_H_
#define NAZIR_TMX_TBX_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "nazir/base/status.h"
#include "nazir/model/glossary.h"

namespace nazir::tmx {

struct TbxOptions {
  std::string arabic_lang = "ar";   // xml:lang of GlossaryEntry::arabic (matched with LangTagMatches on import)
  std::string english_lang = "en";  // xml:lang of GlossaryEntry::english
  std::string description = "nazir glossary of names";  // martifHeader/fileDesc/sourceDesc/p
};

// Streams entries into a TBX file, atomically (temporary file + rename on Close).
class TbxWriter {
 public:
  static StatusOr<std::unique_ptr<TbxWriter>> Open(const std::string& path, const TbxOptions& options);
  // Writes one termEntry. Fails on an entry with neither an English nor an Arabic term, or invalid UTF-8.
  // Terms are cleaned like TMX segments (CleanSegment, forbidden characters dropped).
  Status Write(const GlossaryEntry& entry);
  // Ends the document and renames the temporary file over the target.
  Status Close();
  uint64_t entries_written() const;

  ~TbxWriter();
  TbxWriter(const TbxWriter&) = delete;
  TbxWriter& operator=(const TbxWriter&) = delete;

 private:
  struct Impl;
  explicit TbxWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Writes all `entries` to `path` (TbxWriter in one call).
Status WriteTbx(const std::string& path, const std::vector<GlossaryEntry>& entries, const TbxOptions& options);

// Called per termEntry; a non-OK Status stops the read and is returned by ReadTbx.
using GlossaryEntryCallback = std::function<Status(GlossaryEntry&& entry)>;

// Reads a TBX v2 file (SAX2, streaming). Errors carry "path:line:column: ". termEntries with no term in
// either language are skipped.
Status ReadTbx(const std::string& path, const TbxOptions& options, const GlossaryEntryCallback& on_entry);

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_TBX_H_
