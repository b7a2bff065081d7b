// ReadTmx: streams the translation units of a TMX file (1.1 to 1.4b, from any tool) to a callback.
//
//   nazir::Status s = nazir::tmx::ReadTmx("memory.tmx",
//       [](const nazir::tmx::TmxHeader& h) { std::cout << h.srclang; return nazir::Status::Ok(); },
//       [&](nazir::TranslationUnit&& tu) { store.Add(std::move(tu)); return nazir::Status::Ok(); });
//   // s: "memory.tmx:12:7: expected end of tag 'seg'" on malformed XML
//
// A SAX2 parse with Xerces-C: memory does not grow with the file (one TU at a time; about 15 MB peak RSS
// for 400k or 1.6M TUs, scripts/bench_tmx.sh). The parse is namespace-aware (a default xmlns is fine; a
// prefix never declared is malformed XML). Accepts
// UTF-8 and UTF-16 with a BOM (Trados), xml:lang and the TMX 1.1 `lang` attribute, srclang="*all*".
// Inline elements (bpt ept it ph hi ut sub) are kept: Tuv::text has the plain text (the content of
// bpt/ept/it/ph/ut, which is native code, left out; hi and sub text kept), and Tuv::seg_markup the
// <seg> content as XML, for TmxWriter to write back losslessly.
//
// Hostile input is refused, not followed: the DTD named in <!DOCTYPE> is never fetched, every external
// entity is refused (the error names it), entity expansion is capped (billion laughs), and a segment,
// note or prop larger than TmxReadOptions::max_text_bytes is an error instead of a memory blow-up.
#ifndef NAZIR_TMX_TMX_READER_H_
#define NAZIR_TMX_TMX_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "nazir/base/status.h"
#include "nazir/model/tu.h"
#include "nazir/tmx/header.h"

namespace nazir::tmx {

// Largest segment/note/prop text accepted by default. Trados caps segments at 2,000 characters
// (docs/TMX.md); 1 MiB leaves room for whole paragraphs while bounding memory on hostile files.
inline constexpr uint64_t kDefaultMaxTextBytes = 1 << 20;

// Entity expansions allowed in one document (Xerces SecurityManager). Real TMX files use none beyond the
// five predefined ones; a billion-laughs file needs millions.
inline constexpr unsigned kDefaultEntityExpansionLimit = 10000;

// How much input is read between two TmxReadOptions::on_progress calls.
inline constexpr uint64_t kProgressIntervalBytes = 1 << 20;

struct TmxReadOptions {
  uint64_t max_text_bytes = kDefaultMaxTextBytes;
  unsigned entity_expansion_limit = kDefaultEntityExpansionLimit;
  // Keep Tuv::seg_markup for segments with inline elements. Off when only the text is wanted.
  bool keep_markup = true;
  // Called after a TU now and then (about every kProgressIntervalBytes of input) with the bytes of the
  // file read so far: for a progress bar. Empty = not called.
  std::function<void(uint64_t bytes_read)> on_progress;
};

// Called once, when </header> is read (before the first TU). Returning a non-OK Status stops the read;
// ReadTmx returns that Status.
using TmxHeaderCallback = std::function<Status(const TmxHeader& header)>;
// Called for each <tu>, in file order. Returning a non-OK Status stops the read; ReadTmx returns it.
// The callback may move the TU away, or swap in a TU it is done with: the reader then clears that one,
// keeping its strings' buffers, and fills it with a later <tu> (a consumer that recycles its TUs so
// spares the parse most of its allocations).
using TmxTuCallback = std::function<Status(TranslationUnit&& tu)>;

// Reads `path` ("-" = stdin). Either callback may be empty. Errors: kNotFound (no such file), kIo,
// kInvalidInput for malformed or hostile XML and for documents that are not TMX (root is not <tmx>,
// no <body>); the message starts with "path:line:column: ".
Status ReadTmx(const std::string& path, const TmxHeaderCallback& on_header, const TmxTuCallback& on_tu,
               const TmxReadOptions& options = {});

// The same over bytes in memory; `name` stands for the file name in messages.
Status ReadTmxFromMemory(std::string_view bytes, std::string_view name, const TmxHeaderCallback& on_header,
                         const TmxTuCallback& on_tu, const TmxReadOptions& options = {});

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_TMX_READER_H_
