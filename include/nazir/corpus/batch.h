// Batch (corpus) alignment: many document pairs, every core, one store, a lexicon learned across them.
//
// For each document pair of the list: read both files, segment them, align, and add the pairs (as TUs
// with provenance) to the store, one transaction per document. With LearnScope::kCorpus, a first pass
// aligns every document, an IBM Model 1 lexicon is learned from all their confident pairs, and a second
// pass re-aligns every document with it: a corpus teaches the aligner its own vocabulary.
//
// Resumable and idempotent: a document already complete in the store with the same content (hash of
// both files) is skipped; a changed or half-written one is replaced. A process killed halfway leaves
// every finished document committed and nothing of the others. A document that cannot be read (invalid
// UTF-8, empty, missing) is reported in BatchReport::failures and skipped; the others are aligned.
//
//   nazir::corpus::BatchOptions opts;
//   auto report = nazir::corpus::AlignBatch(pairs, aligner, *store, opts);
//   if (!report.ok()) return report.status();            // the store itself failed
//   if (!report->failures.empty()) { /* some documents were skipped */ }
#ifndef NAZIR_CORPUS_BATCH_H_
#define NAZIR_CORPUS_BATCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "nazir/align/aligner.h"
#include "nazir/base/status.h"
#include "nazir/corpus/pairs.h"
#include "nazir/store/store.h"
#include "nazir/text/utf8.h"
#include "nazir/tmx/tmx_writer.h"

namespace nazir::corpus {

// What the learned (IBM Model 1) lexicon is learned from.
enum class LearnScope {
  kDocument,  // each document alone: results do not depend on what else is in the batch or shard
  kCorpus,    // all documents of this run (this shard): two passes over the corpus
};

struct BatchOptions {
  int threads = 0;                      // worker threads; 0 = every core
  LearnScope learn = LearnScope::kCorpus;
  text::Encoding encoding = text::Encoding::kUtf8;
  bool presegmented = false;            // one sentence per line in the input files
  tmx::TmxWriterOptions tu_options;     // language tags of the TUs (header.srclang / tgtlang)
  bool progress = true;                 // progress bar on stderr (only drawn when stderr is a terminal)
  // When not empty: also write each aligned document's beads to <beads_dir>/<doc_id>.beads in the
  // `nazir align --format beads` form (every sentence once; what score_alignment.py reads). Documents
  // skipped as unchanged get no file.
  std::string beads_dir;
};

// One bead a line: "[i,j]:[k]:0.87" for a pair, "[i]:[]" / "[]:[k]" for no counterpart.
std::string FormatBeads(const Alignment& alignment);

struct DocFailure {
  std::string doc_id;
  std::string message;  // names the file and what is wrong
};

struct BatchReport {
  int docs_total = 0;
  int docs_aligned = 0;   // aligned and committed by this run
  int docs_skipped = 0;   // already complete in the store with the same content
  int docs_failed = 0;
  int64_t pairs = 0;      // sentence pairs (TUs) added by this run
  int64_t ar_sentences = 0;  // sentences of the aligned documents
  int64_t en_sentences = 0;
  double seconds = 0.0;
  std::vector<DocFailure> failures;
  std::vector<int64_t> document_ids;  // store ids of every listed document that is complete (list order)
};

// Aligns `pairs` into `store` (see the file comment). Returns a non-OK Status only when the store fails
// (disk full, locked); bad documents are reported in the BatchReport.
StatusOr<BatchReport> AlignBatch(const std::vector<DocPair>& pairs, const align::Aligner& aligner,
                                 store::Store& store, const BatchOptions& options);

// What StoreAlignedDocument did.
struct StoredDocument {
  int64_t document_id = 0;
  int64_t pairs = 0;       // TUs stored (0 when unchanged)
  bool unchanged = false;  // the same content was already complete in the store: nothing written
};

// Stores one document pair already aligned by the caller (`nazir align AR EN --db`), as AlignBatch
// stores each of its documents: skipped when the store holds the same content complete under
// pair.doc_id, else replacing any older version, in one transaction. `ar` and `en` are the documents
// `alignment` was made from (their text is hashed to tell a change).
StatusOr<StoredDocument> StoreAlignedDocument(store::Store& store, const DocPair& pair, const Document& ar,
                                              const Document& en, const Alignment& alignment,
                                              const BatchOptions& options);

// Writes the TUs of `document_ids` (in that order, each once) from `store` to a TMX file at `path`.
Status ExportDocuments(store::Store& store, const std::vector<int64_t>& document_ids, const std::string& path,
                       const tmx::TmxWriterOptions& options, uint64_t* tus_written);

}  // namespace nazir::corpus

#endif  // NAZIR_CORPUS_BATCH_H_
