// ImportTmx: streams a TMX file into the Store, batch by batch, so that a killed import loses at most
// the open batch and the next run finishes the job.
//
// How a file is treated (its document row is named by its absolute path, kind "tmx", with the FNV hash
// of its bytes):
//   - new file                     -> imported;
//   - same path, same bytes, done  -> skipped (kUnchanged); so is a copy of a fully imported file under
//                                     another path (same hash);
//   - same path, same bytes, not done (an interrupted import) -> resumed after the TUs already committed;
//   - same path, other bytes       -> the old occurrences are removed, then the file is imported anew.
// Each batch of `batch_size` TUs is one transaction that also records the document's progress (tu_done):
// TUs and resume point commit together, so after kill -9 the store holds exactly the first k batches.
//
// Work is split over threads: one parses the XML (Xerces SAX, one TU at a time), workers tokenize
// (PrepareTu; in pairs, one on the Arabic side of a batch and one on the rest), the calling thread writes
// SQLite in file order, and one more copies the write-ahead log into the database file (checkpoints).
// Memory is bounded by the TUs in flight (16 batches of 1000).
//
//   nazir::store::ImportOptions opt;
//   opt.on_progress = [](const nazir::store::ImportProgress& p) { fprintf(stderr, "%lld\r", p.tus_read); };
//   auto r = nazir::store::ImportTmx(*store, "memory.tmx", opt);
//   if (!r.ok()) return r.status();   // "memory.tmx:12:7: expected end of tag 'seg'"
//   printf("%lld new, %lld folded\n", r->inserted, r->folded);
#ifndef NAZIR_STORE_TM_IMPORT_H_
#define NAZIR_STORE_TM_IMPORT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "nazir/base/status.h"
#include "nazir/store/store.h"

namespace nazir::store {

// TUs per transaction: about a second of import work at the rate measured by scripts/bench_tm.sh, so a
// killed import loses at most that, while the per-commit costs (WAL write, the word index's segment
// write and merges) are spread over many TUs: 20k used 10-15% less CPU than 5k on the 400k-TU benchmark
// (measured with the FTS5 index; the own index writes one segment per commit too).
inline constexpr int kDefaultImportBatch = 20000;

// Progress of one file, reported after every committed batch.
struct ImportProgress {
  std::string file;
  int64_t tus_read = 0;     // TUs of the file committed so far (resumed ones included)
  int64_t inserted = 0;     // new distinct TUs (this run)
  int64_t folded = 0;       // duplicates folded into stored TUs (this run)
  double seconds = 0;       // since this file's import started
};

struct ImportOptions {
  int batch_size = kDefaultImportBatch;
  // Threads tokenizing TUs, besides the XML reader and the writer (the caller's thread). 0 = one per
  // core. They work in pairs, one on the Arabic side of a batch and one on the rest, so that each
  // thread's memo of tokenized chunks holds one language; an odd one out prepares whole TUs. A pair takes
  // the next batch when it is free. They run niced (kHelperNice in tm_import.cpp), as does the reader.
  int threads = 0;
  // Called on the calling thread after each commit (for a progress bar). May be empty.
  std::function<void(const ImportProgress&)> on_progress;
};

// What an import did to one file.
struct ImportResult {
  enum class Outcome { kImported, kResumed, kReplaced, kUnchanged };
  std::string file;
  int64_t document_id = 0;
  Outcome outcome = Outcome::kImported;
  std::string same_as;        // kUnchanged via the hash: the document already holding these bytes
  int64_t tus_read = 0;       // TUs in the file (every <tu>, resumed and rejected ones included)
  int64_t resumed_from = 0;   // TUs skipped because an earlier run had committed them
  int64_t inserted = 0;       // new distinct TUs
  int64_t folded = 0;         // duplicates folded into stored TUs
  int64_t rejected = 0;       // <tu> elements without any <tuv> (not storable)
  double seconds = 0;
};

// A name for an Outcome ("imported", "resumed", "replaced", "unchanged").
const char* OutcomeName(ImportResult::Outcome outcome);

// Imports one TMX file (see the top of this header). Errors: the reader's (kNotFound, kIo, kInvalidInput
// with "path:line:column: "), the store's; batches committed before an error stay, and the next run
// resumes after them. Each TU's provenance: this document, the TU's creationdate, the file as origin,
// and its confidence from an x-confidence prop (nazir's own TMX) when it holds a number in [0, 1].
StatusOr<ImportResult> ImportTmx(Store& store, const std::string& path, const ImportOptions& options = {});

// A file's bytes, hashed in blocks as an imported TMX's document row keeps them: `current` is "x3-" and
// the 64-bit XXH3 (xxhash) in 16 hex digits; `legacy`, filled when asked for, the FNV-1a hash
// (ContentHash()) that nazir kept before (about 1 GB/s against 10 and more: a 250 MB TMX took 0.3 s of
// CPU away from its import).
struct FileHashes {
  std::string current;
  std::string legacy;
};
StatusOr<FileHashes> HashFile(const std::string& path, bool with_legacy = false);

// Whether a document's content hash is of the form FileHashes::legacy (a TMX imported by an older nazir).
bool IsLegacyFileHash(std::string_view content_hash);

}  // namespace nazir::store

#endif  // NAZIR_STORE_TM_IMPORT_H_
