// MergeTmx: several TMX files into one (nazir tmx merge), optionally without duplicates.
//
//   nazir::tmx::MergeOptions opts;
//   opts.dedupe = true;
//   auto r = nazir::tmx::MergeTmx({"a.tmx", "b.tmx"}, "all.tmx", opts);
//   // r->input_tus == r->output_tus + r->duplicates_removed
//
// Duplicates are TUs with the same segments in every language after NormalizeWhitespace (same source and
// same target). Of a duplicate group the newest TU wins (changedate, else creationdate; a TU without
// dates is oldest; on a tie the later one in input order wins, as OmegaT lets the later TU win) and is
// written where it stood; nothing else is dropped. Two streaming passes: memory grows with the number
// of distinct TUs (a hash and a position each), not with their text.
// tuids stay unique in the output: a TU whose tuid was already written (two tools numbering from 1)
// gets "-2", "-3"... appended, and is counted in MergeReport::tuids_renamed.
#ifndef NAZIR_TMX_MERGE_H_
#define NAZIR_TMX_MERGE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nazir/base/status.h"
#include "nazir/tmx/tmx_reader.h"
#include "nazir/tmx/tmx_writer.h"

namespace nazir::tmx {

struct MergeOptions {
  bool dedupe = false;
  // The output header comes from the first input (creationtool set to nazir); srclang becomes "*all*"
  // when the inputs disagree. Segment cleaning and the forbidden-character policy come from here.
  TmxWriterOptions writer;
  TmxReadOptions reader;
  // Bytes of `file` read so far, now and then, on every pass (for a progress bar). Empty = not called.
  std::function<void(const std::string& file, uint64_t bytes_read)> on_progress;
};

struct MergeReport {
  uint64_t input_tus = 0;
  uint64_t output_tus = 0;
  uint64_t duplicates_removed = 0;
  std::vector<uint64_t> tus_per_input;  // in the order of the inputs
  uint64_t chars_dropped = 0;           // forbidden XML characters removed (TmxWriter::chars_dropped)
  uint64_t tuids_renamed = 0;           // TUs written with a suffixed tuid (it was already used)
};

// Merges `inputs` into `output`, written atomically: the output may be one of the inputs (it is replaced
// only once everything has been read).
StatusOr<MergeReport> MergeTmx(const std::vector<std::string>& inputs, const std::string& output,
                               const MergeOptions& options);

}  // namespace nazir::tmx

#endif  // NAZIR_TMX_MERGE_H_
