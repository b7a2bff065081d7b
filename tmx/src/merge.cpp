#include "nazir/tmx/merge.h"

#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "nazir/tmx/lang_tag.h"
#include "tu_key.h"

namespace nazir::tmx {

namespace {

// Returned by a header callback to stop reading right after the header.
const char kStopAfterHeader[] = "nazir: stop after header";

bool IsStop(const Status& s) { return s.code() == StatusCode::kInternal && s.message() == kStopAfterHeader; }

// The reader options for one input: progress reported under the input's name.
TmxReadOptions ReaderFor(const MergeOptions& options, const std::string& file) {
  TmxReadOptions r = options.reader;
  if (options.on_progress) {
    r.on_progress = [&options, &file](uint64_t bytes) { options.on_progress(file, bytes); };
  }
  return r;
}

}  // namespace

StatusOr<MergeReport> MergeTmx(const std::vector<std::string>& inputs, const std::string& output,
                               const MergeOptions& options) {
  if (inputs.empty()) return InvalidArgumentError("tmx merge needs at least one input file");
  MergeReport report;
  report.tus_per_input.assign(inputs.size(), 0);

  // Headers of every input (the output header is the first's; srclang "*all*" if they disagree).
  std::vector<TmxHeader> headers(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    Status s = ReadTmx(
        inputs[i],
        [&](const TmxHeader& h) {
          headers[i] = h;
          return Status(StatusCode::kInternal, kStopAfterHeader);
        },
        nullptr, options.reader);
    if (!s.ok() && !IsStop(s)) return s;
  }

  // Pass 1 (--dedupe): for each distinct TU, the position of the one that wins: the newest, the later
  // in input order on a tie.
  std::vector<bool> keep;
  if (options.dedupe) {
    struct Winner {
      uint64_t date;
      uint64_t index;
    };
    std::unordered_map<uint64_t, Winner> winners;
    uint64_t index = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
      Status s = ReadTmx(
          inputs[i], nullptr,
          [&](TranslationUnit&& tu) {
            uint64_t date = internal::NewestDate(tu);
            auto [it, inserted] = winners.emplace(internal::TuKey(tu), Winner{date, index});
            if (!inserted && date >= it->second.date) it->second = Winner{date, index};
            ++index;
            return Status::Ok();
          },
          ReaderFor(options, inputs[i]));
      if (!s.ok()) return s;
    }
    keep.assign(index, false);
    for (const auto& [key, w] : winners) keep[w.index] = true;
  }

  TmxWriterOptions wo = options.writer;
  TmxHeader h = headers[0];
  h.creationtool = wo.header.creationtool;
  h.creationtoolversion.clear();  // the writer puts nazir's
  h.creationdate.clear();         // now
  h.version = "1.4";
  if (h.segtype.empty()) h.segtype = wo.header.segtype;
  for (const TmxHeader& other : headers) {
    if (!SameLangTag(other.srclang, h.srclang)) h.srclang = kSrcLangAll;
  }
  if (h.srclang.empty()) h.srclang = wo.header.srclang;
  wo.header = h;
  auto writer = TmxWriter::Open(output, wo);
  if (!writer.ok()) return writer.status();

  // Pass 2: copy, skipping the losers. The output may be one of the inputs: it is only replaced by
  // Close(), after every input has been read.
  uint64_t index = 0;
  std::unordered_set<uint64_t> tuids;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Status s = ReadTmx(
        inputs[i], nullptr,
        [&](TranslationUnit&& tu) {
          ++report.tus_per_input[i];
          ++report.input_tus;
          bool write = !options.dedupe || (index < keep.size() && keep[index]);
          ++index;
          if (!write) {
            ++report.duplicates_removed;
            return Status::Ok();
          }
          if (!tu.tuid.empty() && !tuids.insert(internal::HashString(tu.tuid)).second) {
            std::string base = tu.tuid;
            for (int n = 2;; ++n) {
              tu.tuid = base + "-" + std::to_string(n);
              if (tuids.insert(internal::HashString(tu.tuid)).second) break;
            }
            ++report.tuids_renamed;
          }
          return (*writer)->Write(tu).WithContext(inputs[i]);
        },
        ReaderFor(options, inputs[i]));
    if (!s.ok()) return s;
  }
  if (options.dedupe && index != keep.size()) {
    return IoError("an input file changed while merging (TU count differs between passes)");
  }
  NAZIR_RETURN_IF_ERROR((*writer)->Close());
  report.output_tus = (*writer)->tus_written();
  report.chars_dropped = (*writer)->chars_dropped();
  return report;
}

}  // namespace nazir::tmx
