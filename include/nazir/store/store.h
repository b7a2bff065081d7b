// Store: nazir's one SQLite file holding the translation memory and the glossary of names.
//
// What it keeps:
//  - documents: one row per imported source (an aligned article pair, or a TMX file), named by the caller,
//    with a content hash so that a re-run skips what is already in and resumes what is half in;
//  - TUs: every TranslationUnit losslessly (languages, text, inline markup, notes, props, dates), stored
//    once per distinct content (same text in every language after whitespace normalization) with a count,
//    plus one provenance row per occurrence (document, sentence indices, confidence, date, origin file);
//  - search indexes over the Arabic and English sides (see tm_search.h for lookup and concordance);
//  - glossary entries with their variants, and caller-computed lookup keys (kind, key) -> entry, so a
//    glossary lookup is an index probe, never a scan.
//
// Durability: the file is in WAL mode, so readers (lookups) run while a writer imports; every write is
// in a transaction, so a process killed mid-import leaves the store as of the last committed batch.
// Schema changes are versioned (meta.schema_version) and migrated forward by Open().
//
//   auto store = nazir::store::Store::Open("nazir.db");
//   if (!store.ok()) return store.status();
//   auto txn = (*store)->BeginTransaction();
//   nazir::store::DocumentRecord doc;
//   doc.name = "bbc-0412";
//   doc.content_hash = nazir::store::ContentHash(ar_bytes + '\0' + en_bytes);
//   auto doc_id = (*store)->AddDocument(doc);
//   nazir::store::TuProvenance from;
//   from.document_id = *doc_id;
//   from.ar_sentences = {3};
//   from.en_sentences = {2, 3};
//   from.confidence = 0.93;
//   auto added = (*store)->AddTu(tu, from);  // added->inserted == false for a duplicate
//   NAZIR_RETURN_IF_ERROR((*store)->UpdateDocumentProgress(*doc_id, n_tus, /*complete=*/true));
//   NAZIR_RETURN_IF_ERROR((*txn)->Commit());
//
// One Store per thread (a Store is one SQLite connection); many Stores, in one process or several, may
// open the same file.
#ifndef NAZIR_STORE_STORE_H_
#define NAZIR_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nazir/base/lang.h"
#include "nazir/base/status.h"
#include "nazir/model/glossary.h"
#include "nazir/model/tu.h"
#include "nazir/store/sqlite.h"

namespace nazir::store {

namespace internal {
class PostingWriter;  // src/store/posting_index.h
}  // namespace internal

// The default file name (`--db`), in the current folder.
inline constexpr char kDefaultDbPath[] = "nazir.db";

struct StoreOptions {
  bool read_only = false;  // open an existing file for lookups only (fails if it does not exist)
  int busy_timeout_ms = Database::kDefaultBusyTimeoutMs;
};

// A source of TUs: an aligned document pair or an imported TMX file.
struct DocumentRecord {
  int64_t id = 0;            // assigned by the store
  std::string name;          // unique: the caller's document id, or the TMX file's path
  std::string kind = "pair"; // "pair" (aligned articles) or "tmx" (imported file)
  std::string content_hash;  // ContentHash() of the bytes (both files of a pair); decides skip/redo
  std::string ar_path;       // for a pair: the two files; for a TMX: the file in ar_path
  std::string en_path;
  std::string srclang;       // for a TMX: its header's srclang (export writes it back); else empty
  bool complete = false;     // false while an import of it is under way or was interrupted
  int64_t tu_done = 0;       // TUs of this source committed so far (resume point of a TMX import)
  std::string added;         // when the row was created, TMX date form 20261123T101500Z (UTC)
};

// Where one occurrence of a TU came from.
struct TuProvenance {
  int64_t document_id = 0;             // DocumentRecord::id, or 0 for none
  std::vector<int> ar_sentences;       // sentence indices in the document (may be empty)
  std::vector<int> en_sentences;
  std::optional<double> confidence;    // the aligner's 0..1 estimate; none for a human TM
  std::string creationdate;            // TMX date form; empty = the TU's creationdate, else now
  std::string origin_file;             // the file it was read from (TMX, or the article)
};

// A TU as stored, with its bookkeeping.
struct StoredTu {
  int64_t id = 0;
  TranslationUnit tu;                  // exactly as added (the first occurrence's copy)
  int count = 0;                       // occurrences folded into this row
  std::optional<double> confidence;    // highest confidence over the occurrences (none if none had one)
  std::string ar_text;                 // plain text of the first Arabic / English tuv ("" if none)
  std::string en_text;
};

// Result of AddTu().
struct AddTuResult {
  int64_t tu_id = 0;
  bool inserted = false;  // false: a duplicate, folded into an existing row (its count went up)
};

// A TU with everything AddTu() derives from it computed (tokenizing both sides is the expensive part).
// Fill it with Store::PrepareTu() (or PrepareTu()) on worker threads, then add it with
// Store::AddPreparedTu() on the writer's.
// It points at the TU (which must stay alive and unchanged until it is added), and one PreparedTu can be
// refilled for TU after TU without allocating (its strings keep their capacity).
struct PreparedTu {
  const TranslationUnit* tu = nullptr;  // the TU prepared (not owned)
  int ar_index = -1;          // the tuv whose language parses as Arabic / English (first one), or -1
  int en_index = -1;
  std::string ar_words;       // word/number token keys of the Arabic / English tuv, joined by spaces
  std::string en_words;
  int ar_word_count = 0;
  int en_word_count = 0;
  uint64_t dup_hash = 0;      // hash of the duplicate-folding key (indexed); equal keys fold
  // What the search index of each side gets (words and Arabic stems): from Store::PrepareTu, the
  // numbers its word index gave the terms in *_term_ids (terms_serial says whose), and the terms it
  // could not number (normally none) in *_terms; from PrepareTu, every term in *_terms.
  std::string ar_terms;
  std::string en_terms;
  std::vector<uint32_t> ar_term_ids;
  std::vector<uint32_t> en_term_ids;
  uint32_t terms_serial = 0;  // 0: no numbers
  std::string data;           // the rest of the TU, encoded for its row
};

// Computes the keys of `tu` into `out`, reusing its buffers; `out` then points at `tu`. Thread-safe;
// fails on a TU without any tuv. Store::PrepareTu does the same and makes adding it cheaper.
Status PrepareTu(const TranslationUnit& tu, PreparedTu* out);

// What one call of Store::PrepareTu computes: everything, or one of two halves that two threads can
// compute at once into the same PreparedTu (they write disjoint fields) -- the Arabic side's keys, and
// all the rest (the English side's keys, the tuv indexes, the duplicate hash, the encoded row). Each
// thread keeps a memo of the chunks it tokenized (tu_keys.cpp), so a thread that always does the same
// half keeps a memo of one language.
enum class PreparePart { kAll, kArabic, kRest };

// Export / iteration filter.
struct TuFilter {
  // Keeps TUs whose confidence is >= this. TUs without any confidence (from a human TM) are kept:
  // the threshold is about the aligner's guesses.
  std::optional<double> min_confidence;
  std::optional<int64_t> document_id;  // only TUs with an occurrence from this document
};

// Figures for `nazir tm stats`.
struct TmStats {
  int64_t tus = 0;               // distinct TUs stored
  int64_t occurrences = 0;       // TUs added, duplicates included (sum of counts)
  int64_t documents = 0;         // complete sources
  int64_t incomplete_documents = 0;  // interrupted imports (re-run to finish them)
  int64_t ar_words = 0;          // word/number tokens on the Arabic side of the distinct TUs
  int64_t en_words = 0;
  int64_t with_confidence = 0;   // TUs with a confidence
  // Distinct TUs by best confidence: [0, .5), [.5, .7), [.7, .9), [.9, 1], none.
  int64_t confidence_bands[5] = {0, 0, 0, 0, 0};
  int64_t glossary_entries = 0;
  int64_t file_bytes = 0;        // size of the database file plus its WAL
  int schema_version = 0;
};

// A lookup key for a glossary entry, computed by the caller (names module): e.g. {"norm", "ستولتنبرغ"}
// for a normalized spelling, {"cons", "STLTNBRG"} for a consonant-class key. `variant` says which
// spelling produced it (may be empty).
struct GlossaryKey {
  std::string kind;
  std::string key;
  std::string variant;
};

// One row found by a glossary key probe.
struct GlossaryKeyHit {
  int64_t entry_id = 0;
  std::string kind;
  std::string key;
  std::string variant;
};

// A 64-bit FNV-1a hash of `bytes` as 16 hex digits: the content hash of a document (detects changes;
// not a security hash). For a pair, hash the Arabic bytes, a NUL, then the English bytes.
std::string ContentHash(std::string_view bytes);

// Current UTC time in TMX form (20261123T101500Z).
std::string NowTmxDate();

class Store {
 public:
  // The schema this code writes. Open() migrates older files forward and refuses newer ones.
  static constexpr int kSchemaVersion = 3;

  // Opens or creates the store at `path`: creates the schema (or migrates it), turns on WAL and the
  // busy timeout. Errors name the file and say what to do.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The connection (for search code and for modules that add their own tables, IF NOT EXISTS).
  Database& db() { return *db_; }
  const std::string& path() const { return db_->path(); }

  // A write transaction; group many AddTu() calls in one (a few thousand per commit is fast and safe).
  StatusOr<std::unique_ptr<Transaction>> BeginTransaction() { return Transaction::Begin(*db_); }

  // ---- Documents --------------------------------------------------------------------------------------

  // Adds a source and returns its id. Fails if a document with that name exists (RemoveDocument first).
  StatusOr<int64_t> AddDocument(const DocumentRecord& doc);
  // The document with this name / id / content hash, or nullopt.
  StatusOr<std::optional<DocumentRecord>> FindDocument(std::string_view name);
  StatusOr<std::optional<DocumentRecord>> GetDocument(int64_t id);
  StatusOr<std::optional<DocumentRecord>> FindDocumentByHash(std::string_view content_hash);
  // Rewrites the row of doc.id (every field but id, name and added).
  Status UpdateDocument(const DocumentRecord& doc);
  // Records progress: TUs committed so far and whether the source is fully in. Call it inside the
  // transaction that adds the batch, so the resume point and the TUs commit together.
  Status UpdateDocumentProgress(int64_t id, int64_t tu_done, bool complete);
  // Removes a source and its occurrences: counts go down and TUs left with none are deleted (with their
  // index entries). For re-aligning a document whose content changed.
  Status RemoveDocument(int64_t id);
  // Every document, in id order.
  StatusOr<std::vector<DocumentRecord>> ListDocuments();

  // ---- Translation units -----------------------------------------------------------------------------

  // Adds one occurrence of `tu`. A TU whose tuvs have the same languages and texts (after whitespace
  // normalization: runs of Unicode white space -> one space, trimmed) as a stored one is folded into
  // it: count + 1, a provenance row, the best confidence kept; the stored copy (props, notes) is the
  // first one. Indexes the Arabic and English sides for lookup and concordance. Needs a tuv.
  StatusOr<AddTuResult> AddTu(const TranslationUnit& tu, const TuProvenance& provenance);
  // The same for a TU prepared earlier (possibly on another thread).
  StatusOr<AddTuResult> AddPreparedTu(const PreparedTu& tu, const TuProvenance& provenance);
  // PrepareTu() with the terms numbered for this store's word index (which saves the writer a hash
  // lookup per term); for this store's AddPreparedTu only. Thread-safe, also while another thread
  // writes through this store.
  Status PrepareTu(const TranslationUnit& tu, PreparedTu* out, PreparePart part = PreparePart::kAll) const;

  // The stored TU, or nullopt.
  StatusOr<std::optional<StoredTu>> GetTu(int64_t id);
  // The provenance rows of a TU, oldest first.
  StatusOr<std::vector<TuProvenance>> GetProvenance(int64_t tu_id);

  // Calls `fn` for every TU passing `filter`, in id (insertion) order, streaming: memory does not grow
  // with the store. Stops at the first non-OK Status from `fn` and returns it.
  Status ForEachTu(const TuFilter& filter, const std::function<Status(const StoredTu&)>& fn);

  // Number of distinct TUs.
  StatusOr<int64_t> CountTus();

  // Figures for `nazir tm stats`.
  StatusOr<TmStats> Stats();

  // Verifies the lookup/concordance word index against the stored TUs: it must hold exactly the index
  // terms of every TU, each under that TU's id, in well-formed blocks. Reads the whole store (a check
  // for tests and for `nazir tm stats --check`-style tooling, not for every open).
  Status CheckIndexes();

  // Rebuilds the lookup/concordance indexes from the stored text (after a normalization change; Open()
  // does it by itself when the key fingerprint in meta differs from this build's).
  Status RebuildIndexes();

  // ---- Meta (small named settings the modules above the store keep with the data) ---------------------

  // The value stored under `key` in the meta table, or nullopt.
  StatusOr<std::optional<std::string>> GetMeta(std::string_view key);
  // Stores `value` under `key` (replacing any); fails on a read-only store.
  Status SetMeta(std::string_view key, std::string_view value);

  // ---- Glossary (entries, variants, lookup keys; the mining and ranking live in names/) --------------

  // Stores `entry` (a new one when entry.id == 0, else replacing that entry, its variants and its keys)
  // with its lookup keys; returns the id.
  StatusOr<int64_t> PutGlossaryEntry(const GlossaryEntry& entry, const std::vector<GlossaryKey>& keys);
  // The entry with its variants (in the order PutGlossaryEntry was given them), or nullopt.
  StatusOr<std::optional<GlossaryEntry>> GetGlossaryEntry(int64_t id);
  // The keys stored for an entry.
  StatusOr<std::vector<GlossaryKey>> GetGlossaryKeys(int64_t id);
  // Exact key probe: every (entry, variant) stored under (kind, key). An index lookup.
  StatusOr<std::vector<GlossaryKeyHit>> FindGlossaryKey(std::string_view kind, std::string_view key);
  // The same, at most `limit` rows (> 0): a caller can tell a key too common to narrow anything down.
  StatusOr<std::vector<GlossaryKeyHit>> FindGlossaryKey(std::string_view kind, std::string_view key, int limit);
  // Range probe: keys of `kind` starting with `prefix` (byte-wise), at most `limit` rows. An index
  // range scan, for prefix or deletion-neighbourhood schemes built by the caller.
  StatusOr<std::vector<GlossaryKeyHit>> FindGlossaryKeyPrefix(std::string_view kind, std::string_view prefix,
                                                               int limit);
  Status DeleteGlossaryEntry(int64_t id);
  // Removes every entry (before `glossary build` re-mines).
  Status ClearGlossary();
  StatusOr<int64_t> CountGlossaryEntries();
  // Calls `fn` for every entry in id order (streaming); stops at the first non-OK Status.
  Status ForEachGlossaryEntry(const std::function<Status(const GlossaryEntry&)>& fn);

 private:
  struct AddStatements;

  explicit Store(std::unique_ptr<Database> db);
  Status Init(const StoreOptions& options);
  Status CreateSchema();
  StatusOr<int64_t> OriginFileId(const std::string& path);
  Status IndexSide(int64_t tu_id, const char* table, std::string_view terms, bool remove);
  Status DeleteTu(int64_t tu_id);
  StatusOr<StoredTu> ReadTu(Statement& st);
  StatusOr<AddStatements*> AddStatementsOf();

  std::unique_ptr<Database> db_;
  std::unique_ptr<internal::PostingWriter> postings_;  // the word index pairs of this transaction
  bool read_only_ = false;
  std::unique_ptr<AddStatements> add_;  // prepared on the first AddPreparedTu
  PreparedTu scratch_;                  // AddTu's, reused
  // The origin_file row last looked up, valid while no rollback has happened since (rollbacks()).
  std::string origin_path_;
  int64_t origin_id_ = 0;
  uint64_t origin_rollbacks_ = ~uint64_t{0};
};

}  // namespace nazir::store

#endif  // NAZIR_STORE_STORE_H_
