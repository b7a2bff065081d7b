#include "nazir/store/store.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tu_codec.h"
#include "posting_index.h"
#include "tu_keys.h"

namespace nazir::store {
namespace {

using internal::JoinKeys;
using internal::WordKeys;

// PRAGMA application_id of a nazir store: "nazr" in ASCII, so `file` and other tools can tell it apart.
constexpr int64_t kApplicationId = 0x6e617a72;

// SQLite page cache for one connection: 32 MiB (negative = KiB), enough to keep the TU table's and the
// indexes' hot pages during a large import; SQLite's default (2 MiB) made import ~20% slower here.
// Reads through a memory map of the first GiB of the file instead of a read() copy per page: a `tm
// lookup` process starts with a cold cache and reads hundreds of pages (p50 through the CLI 130 -> 110 ms
// on the 400k-TU benchmark store; import time unchanged).
constexpr char kPragmas[] =
    "PRAGMA synchronous=NORMAL;"  // WAL + NORMAL: a commit survives a killed process (not a power cut)
    "PRAGMA temp_store=MEMORY;"
    "PRAGMA cache_size=-32768;"
    "PRAGMA mmap_size=1073741824;";

// A rebuild of the word index writes a segment every this many (term, TU) pairs (~24 bytes each in
// memory): about 50k TUs of news.
constexpr size_t kRebuildFlushPairs = size_t{2} << 20;

// Page size of a new store, in bytes (see Init).
constexpr int kNewPageSize = 16384;

// Schema version 1. Every later version appends a migration to kMigrations; Open() runs the ones a file
// lacks, in one transaction.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- A source of TUs: an aligned document pair or an imported TMX file.
CREATE TABLE IF NOT EXISTS document(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  ar_path TEXT NOT NULL DEFAULT '',
  en_path TEXT NOT NULL DEFAULT '',
  srclang TEXT NOT NULL DEFAULT '',
  complete INTEGER NOT NULL DEFAULT 0,
  tu_done INTEGER NOT NULL DEFAULT 0,
  added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS document_hash ON document(content_hash);

CREATE TABLE IF NOT EXISTS origin_file(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);

-- One row per distinct TU (count = its tu_origin rows). ar_/en_ columns hold the first Arabic and English
-- tuv: language tag as written, plain text, word keys joined by spaces, word count. data holds the rest
-- of the TU (tu_codec.h).
CREATE TABLE IF NOT EXISTS tu(
  id INTEGER PRIMARY KEY,
  dup_hash INTEGER NOT NULL,
  count INTEGER NOT NULL,
  confidence REAL,
  created TEXT NOT NULL,
  ar_lang TEXT,
  ar_text TEXT,
  ar_words TEXT,
  ar_n INTEGER NOT NULL DEFAULT 0,
  en_lang TEXT,
  en_text TEXT,
  en_words TEXT,
  en_n INTEGER NOT NULL DEFAULT 0,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS tu_dup ON tu(dup_hash);

-- Provenance: one row per occurrence of a TU.
CREATE TABLE IF NOT EXISTS tu_origin(
  id INTEGER PRIMARY KEY,
  tu_id INTEGER NOT NULL,
  document_id INTEGER,
  ar_sents TEXT NOT NULL DEFAULT '',
  en_sents TEXT NOT NULL DEFAULT '',
  confidence REAL,
  created TEXT NOT NULL,
  file_id INTEGER
);
CREATE INDEX IF NOT EXISTS tu_origin_tu ON tu_origin(tu_id);
CREATE INDEX IF NOT EXISTS tu_origin_doc ON tu_origin(document_id);

-- Word-key indexes of each side (contentless, rowid = tu.id): terms from IndexTerms() (tu_keys.h).
-- detail=none and columnsize=0: only "which TUs hold this term" is stored, all that retrieval needs;
-- that halved the index and sped up inserts by a third against the defaults (scripts/bench_tm.sh).
CREATE VIRTUAL TABLE IF NOT EXISTS tu_idx_ar USING fts5(terms, content='', detail=none, columnsize=0,
  tokenize="ascii tokenchars '_'");
CREATE VIRTUAL TABLE IF NOT EXISTS tu_idx_en USING fts5(terms, content='', detail=none, columnsize=0,
  tokenize="ascii tokenchars '_'");
-- An FTS5 index keeps new terms in memory until this many bytes (default 1 MB), then writes a segment:
-- 16 MB holds an import transaction (kDefaultImportBatch = 20k synthetic news TUs take ~14 MB on the
-- Arabic side), so each commit writes one segment per index, which cut index CPU time by about a sixth
-- against 1 MB (1.76 -> 1.45 s for 50k synthetic TUs, bench_tm_gen).
INSERT INTO tu_idx_ar(tu_idx_ar, rank) VALUES('hashsize', 16777216);
INSERT INTO tu_idx_en(tu_idx_en, rank) VALUES('hashsize', 16777216);
CREATE VIRTUAL TABLE IF NOT EXISTS tu_idx_ar_vocab USING fts5vocab(tu_idx_ar, row);
CREATE VIRTUAL TABLE IF NOT EXISTS tu_idx_en_vocab USING fts5vocab(tu_idx_en, row);

-- Glossary (issue 5): entries, their spellings, and caller-computed lookup keys.
CREATE TABLE IF NOT EXISTS gloss_entry(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  english TEXT NOT NULL,
  count INTEGER NOT NULL,
  note TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS gloss_variant(
  entry_id INTEGER NOT NULL,
  lang TEXT NOT NULL,
  pos INTEGER NOT NULL,
  text TEXT NOT NULL,
  count INTEGER NOT NULL,
  example TEXT NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY(entry_id, lang, pos)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS gloss_key(
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  entry_id INTEGER NOT NULL,
  variant TEXT NOT NULL,
  PRIMARY KEY(kind, key, entry_id, variant)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS gloss_key_entry ON gloss_key(entry_id);
)sql";

// Schema version 2: the TM word index is our own (posting_index.h) instead of two FTS5 tables, whose
// hash took two thirds of the import's writer time. The fingerprint is dropped so that Init() rebuilds
// the index from the stored word keys.
constexpr char kSchemaV2[] = R"sql(
DROP TABLE IF EXISTS tu_idx_ar_vocab;
DROP TABLE IF EXISTS tu_idx_en_vocab;
DROP TABLE IF EXISTS tu_idx_ar;
DROP TABLE IF EXISTS tu_idx_en;
-- The TM word index (src/store/posting_index.h): for each side (0 Arabic, 1 English) and index term
-- (IndexTerms(), tu_keys.h), the ids of the TUs holding it, in immutable segments merged in tiers. A
-- segment's terms are cut into blocks of a few KB in term order, one row per block.
CREATE TABLE IF NOT EXISTS tu_index_seg(
  seg INTEGER PRIMARY KEY,
  level INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tu_index_block(
  side INTEGER NOT NULL,
  seg INTEGER NOT NULL,
  first_term TEXT NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY(side, seg, first_term)
) WITHOUT ROWID;
-- A term's TU ids too long to sit in its block (over ~1 KB), one row each: the block keeps the count.
CREATE TABLE IF NOT EXISTS tu_index_long(
  side INTEGER NOT NULL,
  seg INTEGER NOT NULL,
  term TEXT NOT NULL,
  ids BLOB NOT NULL,
  PRIMARY KEY(side, seg, term)
) WITHOUT ROWID;
DELETE FROM meta WHERE key = 'key_fingerprint';
)sql";

// Schema version 3: the duplicate hash is XXH3 (internal::DupHashOf) instead of FNV-1a, which read a byte
// at a time and took 4% of an import's CPU. RehashDuplicates recomputes it for every TU, with its index
// dropped meanwhile (built again at the end: cheaper than moving every entry).
constexpr char kSchemaV3[] = "DROP INDEX IF EXISTS tu_dup;";

Status RehashDuplicates(Database& db) {
  StatusOr<Statement> read = db.Prepare("SELECT id, ar_text, en_text, data FROM tu WHERE id > ?1 ORDER BY id LIMIT 4096");
  if (!read.ok()) return read.status();
  StatusOr<Statement> write = db.Prepare("UPDATE tu SET dup_hash = ?2 WHERE id = ?1");
  if (!write.ok()) return write.status();
  std::vector<std::pair<int64_t, int64_t>> hashes;  // read a slice, then write it: never both at once
  int64_t last = 0;
  for (;;) {
    hashes.clear();
    size_t rows = 0;
    read->Bind(1, last);
    for (;;) {
      StatusOr<bool> row = read->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      ++rows;
      last = read->ColumnInt(0);
      StatusOr<TranslationUnit> tu = internal::DecodeTu(read->ColumnBlob(3), read->ColumnText(1), read->ColumnText(2));
      // A damaged row keeps its old hash: it folds nothing, and export reports the damage.
      if (tu.ok()) hashes.emplace_back(last, static_cast<int64_t>(internal::DupHashOf(*tu)));
    }
    read->Reset();
    if (rows == 0) break;
    for (const auto& [id, hash] : hashes) NAZIR_RETURN_IF_ERROR(write->Bind(1, id).Bind(2, hash).Run());
  }
  return db.Exec("CREATE INDEX IF NOT EXISTS tu_dup ON tu(dup_hash)");
}

// kMigrations[v] brings a store from schema version v to v + 1: SQL, then (when there is one) code.
struct Migration {
  const char* sql;
  Status (*then)(Database& db);
};
const Migration kMigrations[] = {{kSchemaV1, nullptr}, {kSchemaV2, nullptr}, {kSchemaV3, RehashDuplicates}};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == Store::kSchemaVersion,
              "one migration per schema version");

// Sentences that exercise every normalization the keys depend on; their keys' hash identifies the
// normalizer a store's indexes were built with.
constexpr std::string_view kFingerprintAr = "أعلنَ الرئيسُ في مدرسةٍ إلى ٢٠٢٠ ومؤسسة 1,000.5 وبالعراق";
constexpr std::string_view kFingerprintEn = "The U.S. President's café, 1,000.5 don't STRASSE Straße e-mail";

std::string KeyFingerprint() {
  const std::string keys = JoinKeys(WordKeys(kFingerprintAr, Lang::kAr)) + "\n" +
                           JoinKeys(WordKeys(kFingerprintEn, Lang::kEn));
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, internal::Fnv1a64(keys));
  return buf;
}

std::string JoinInts(const std::vector<int>& v) {
  std::string out;
  for (int x : v) {
    if (!out.empty()) out += ',';
    out += std::to_string(x);
  }
  return out;
}

std::vector<int> SplitInts(std::string_view s) {
  std::vector<int> out;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find(',', b);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(std::atoi(std::string(s.substr(b, e - b)).c_str()));
    b = e + 1;
  }
  return out;
}

// Runs the statements of one store call atomically: inside the caller's transaction when there is one,
// else in a transaction of its own.
class AutoTxn {
 public:
  explicit AutoTxn(Database& db) : db_(db) {}
  Status Begin() {
    if (db_.in_transaction()) return Status::Ok();
    StatusOr<std::unique_ptr<Transaction>> t = Transaction::Begin(db_);
    if (!t.ok()) return t.status();
    txn_ = std::move(*t);
    return Status::Ok();
  }
  Status Commit() { return txn_ ? txn_->Commit() : Status::Ok(); }

 private:
  Database& db_;
  std::unique_ptr<Transaction> txn_;
};

Status ReadOnlyError(const std::string& path) {
  return InvalidArgumentError(path + ": the store was opened read-only");
}

}  // namespace

std::string ContentHash(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, internal::Fnv1a64(bytes));
  return buf;
}

std::string NowTmxDate() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[20];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
  return buf;
}

namespace {

// The first tuv whose language parses as Arabic / English, or -1.
void FindSides(const TranslationUnit& tu, int* ar_index, int* en_index) {
  *ar_index = *en_index = -1;
  for (size_t i = 0; i < tu.tuvs.size(); ++i) {
    const std::optional<Lang> lang = ParseLang(tu.tuvs[i].lang);
    if (!lang) continue;
    int& slot = *lang == Lang::kAr ? *ar_index : *en_index;
    if (slot < 0) slot = static_cast<int>(i);
  }
}

// One side's keys into its fields of a PreparedTu (cleared when the TU has no tuv in that language).
void PrepareSide(const TranslationUnit& tu, int index, Lang lang, internal::TermDictionary* dict,
                 std::string* words, int* count, std::string* terms, std::vector<uint32_t>* term_ids) {
  if (index < 0) {
    words->clear();
    *count = 0;
    terms->clear();
    term_ids->clear();
    return;
  }
  thread_local internal::SegmentKeys keys;
  internal::ComputeSegmentKeys(tu.tuvs[index].text, lang, dict, &keys);
  words->swap(keys.words);
  *count = keys.count;
  terms->swap(keys.terms);
  term_ids->swap(keys.term_ids);
}

// PrepareTu (or part of it), numbering the terms in `dict` when there is one.
Status PrepareTuWith(const TranslationUnit& tu, internal::TermDictionary* dict, PreparedTu* out,
                     PreparePart part = PreparePart::kAll) {
  PreparedTu& p = *out;
  if (part != PreparePart::kArabic) p.tu = &tu;
  if (tu.tuvs.empty()) return InvalidInputError("a TU without any <tuv> cannot be stored");
  int ar_index = -1, en_index = -1;
  FindSides(tu, &ar_index, &en_index);
  if (part != PreparePart::kRest) {
    PrepareSide(tu, ar_index, Lang::kAr, dict, &p.ar_words, &p.ar_word_count, &p.ar_terms, &p.ar_term_ids);
  }
  if (part == PreparePart::kArabic) return Status::Ok();
  p.ar_index = ar_index;
  p.en_index = en_index;
  PrepareSide(tu, en_index, Lang::kEn, dict, &p.en_words, &p.en_word_count, &p.en_terms, &p.en_term_ids);
  p.terms_serial = dict != nullptr ? dict->serial() : 0;
  p.dup_hash = internal::DupHashOf(tu);
  internal::EncodeTu(tu, p.ar_index, p.en_index, &p.data);
  return Status::Ok();
}

}  // namespace

Status PrepareTu(const TranslationUnit& tu, PreparedTu* out) { return PrepareTuWith(tu, nullptr, out); }

Status Store::PrepareTu(const TranslationUnit& tu, PreparedTu* out, PreparePart part) const {
  return PrepareTuWith(tu, &postings_->terms(), out, part);
}

Store::Store(std::unique_ptr<Database> db)
    : db_(std::move(db)), postings_(std::make_unique<internal::PostingWriter>()) {
  // The word index pairs buffered by AddPreparedTu are written as one segment by the commit of the
  // transaction that added the TUs, and forgotten when it rolls back.
  db_->SetTransactionHooks([this] { return postings_->Flush(*db_); }, [this] { postings_->Discard(); });
}

Store::~Store() {
  // The hooks point at postings_, destroyed before db_: a rollback while the connection closes must not
  // reach it.
  if (db_) db_->SetTransactionHooks(nullptr, nullptr);
}

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  if (options.read_only) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return NotFoundError(path + ": no such store (build one with `nazir tm import` or `nazir align --db`)");
    }
  }
  StatusOr<std::unique_ptr<Database>> db = Database::Open(path, options.read_only, options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  std::unique_ptr<Store> store(new Store(std::move(*db)));
  NAZIR_RETURN_IF_ERROR(store->Init(options));
  return store;
}

Status Store::Init(const StoreOptions& options) {
  read_only_ = options.read_only;
  Database& db = *db_;
  StatusOr<int64_t> app_id = db.QueryInt("PRAGMA application_id");
  if (!app_id.ok()) return app_id.status();
  StatusOr<int64_t> objects = db.QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!objects.ok()) return objects.status();
  if (*objects > 0 && *app_id != kApplicationId) {
    return InvalidInputError(db.path() + ": not a nazir store (it is another SQLite database); choose another --db");
  }
  if (read_only_ && *objects == 0) {
    return NotFoundError(db.path() + ": the store is empty (nothing imported yet)");
  }
  // A new file gets bigger pages than SQLite's 4 KB (it can only be chosen before the first table; an
  // older store keeps its own): 16 KB cut the CPU time of the 400k-TU benchmark import by about a
  // seventh (fewer B-tree pages and WAL frames for rows of about a kilobyte; 3 runs each, same 32 MB
  // cache) without slowing lookups (scripts/bench_tm.sh). Set before the cache size: SQLite sizes a
  // cache set earlier for the old page size and let it grow to ~130 MB.
  if (!read_only_ && *objects == 0) {
    NAZIR_RETURN_IF_ERROR(db.Exec("PRAGMA page_size=" + std::to_string(kNewPageSize)));
  }
  NAZIR_RETURN_IF_ERROR(db.Exec(kPragmas));
  if (!read_only_) {
    // WAL lets lookups read while an import writes. Persistent: set once per file.
    NAZIR_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode=WAL"));
    NAZIR_RETURN_IF_ERROR(CreateSchema());
  }
  StatusOr<int64_t> version = db.QueryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'");
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return InvalidInputError(db.path() + ": written by a newer nazir (schema " + std::to_string(*version) +
                             ", this build reads up to " + std::to_string(kSchemaVersion) + "); upgrade nazir");
  }
  if (*version < kSchemaVersion) {
    return InvalidInputError(db.path() + ": an older store (schema " + std::to_string(*version) +
                             "); open it once without read-only access to upgrade it");
  }
  if (!read_only_) {
    // Keys made by a different normalizer would make lookups miss: rebuild the indexes once.
    Statement* fp = nullptr;
    StatusOr<Statement*> st = db.Cached("SELECT value FROM meta WHERE key = 'key_fingerprint'");
    if (!st.ok()) return st.status();
    fp = *st;
    StatusOr<bool> row = fp->Step();
    if (!row.ok()) return row.status();
    const std::string stored = *row ? std::string(fp->ColumnText(0)) : std::string();
    fp->Reset();
    if (stored != KeyFingerprint()) NAZIR_RETURN_IF_ERROR(RebuildIndexes());
  }
  return Status::Ok();
}

Status Store::CreateSchema() {
  Database& db = *db_;
  StatusOr<std::unique_ptr<Transaction>> txn = Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  // Read inside the write lock, so two processes creating the same file do not both migrate it.
  int64_t version = 0;
  StatusOr<int64_t> has_meta =
      db.QueryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'meta'");
  if (!has_meta.ok()) return has_meta.status();
  if (*has_meta > 0) {
    StatusOr<int64_t> v = db.QueryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'");
    if (!v.ok()) return v.status();
    version = *v;
  }
  if (version >= kSchemaVersion) return (*txn)->Commit();
  for (int64_t v = version; v < kSchemaVersion; ++v) {
    NAZIR_RETURN_IF_ERROR(db.Exec(kMigrations[v].sql));
    if (kMigrations[v].then != nullptr) NAZIR_RETURN_IF_ERROR(kMigrations[v].then(db));
  }
  NAZIR_RETURN_IF_ERROR(db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
  StatusOr<Statement> set = db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?1)");
  if (!set.ok()) return set.status();
  NAZIR_RETURN_IF_ERROR(set->Bind(1, std::to_string(kSchemaVersion)).Run());
  if (version == 0) {
    // A new store: its (empty) indexes are built with this normalizer.
    StatusOr<Statement> fp = db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('key_fingerprint', ?1)");
    if (!fp.ok()) return fp.status();
    NAZIR_RETURN_IF_ERROR(fp->Bind(1, KeyFingerprint()).Run());
    StatusOr<Statement> created = db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('created', ?1)");
    if (!created.ok()) return created.status();
    NAZIR_RETURN_IF_ERROR(created->Bind(1, NowTmxDate()).Run());
  }
  return (*txn)->Commit();
}

// ---- Meta -----------------------------------------------------------------------------------------------

StatusOr<std::optional<std::string>> Store::GetMeta(std::string_view key) {
  StatusOr<Statement*> st = db_->Cached("SELECT value FROM meta WHERE key = ?1");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, key);
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  std::optional<std::string> value;
  if (*row) value = std::string((*st)->ColumnText(0));
  (*st)->Reset();
  return value;
}

Status Store::SetMeta(std::string_view key, std::string_view value) {
  if (read_only_) return ReadOnlyError(path());
  StatusOr<Statement*> st = db_->Cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
  if (!st.ok()) return st.status();
  return (*st)->Bind(1, key).Bind(2, value).Run();
}

// ---- Documents ------------------------------------------------------------------------------------------

namespace {

constexpr char kDocumentColumns[] =
    "SELECT id, name, kind, content_hash, ar_path, en_path, complete, tu_done, added, srclang FROM document ";

DocumentRecord ReadDocument(const Statement& st) {
  DocumentRecord d;
  d.id = st.ColumnInt(0);
  d.name = std::string(st.ColumnText(1));
  d.kind = std::string(st.ColumnText(2));
  d.content_hash = std::string(st.ColumnText(3));
  d.ar_path = std::string(st.ColumnText(4));
  d.en_path = std::string(st.ColumnText(5));
  d.complete = st.ColumnInt(6) != 0;
  d.tu_done = st.ColumnInt(7);
  d.added = std::string(st.ColumnText(8));
  d.srclang = std::string(st.ColumnText(9));
  return d;
}

template <typename Key>
StatusOr<std::optional<DocumentRecord>> FindOneDocument(Database& db, const std::string& where, Key key) {
  StatusOr<Statement*> st = db.Cached(std::string(kDocumentColumns) + where);
  if (!st.ok()) return st.status();
  (*st)->Bind(1, key);
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  std::optional<DocumentRecord> out;
  if (*row) out = ReadDocument(**st);
  (*st)->Reset();
  return out;
}

}  // namespace

StatusOr<int64_t> Store::AddDocument(const DocumentRecord& doc) {
  if (read_only_) return ReadOnlyError(path());
  if (doc.name.empty()) return InvalidArgumentError("a document needs a name");
  StatusOr<Statement*> st = db_->Cached(
      "INSERT INTO document(name, kind, content_hash, ar_path, en_path, complete, tu_done, added, srclang) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!st.ok()) return st.status();
  (*st)
      ->Bind(1, doc.name)
      .Bind(2, doc.kind)
      .Bind(3, doc.content_hash)
      .Bind(4, doc.ar_path)
      .Bind(5, doc.en_path)
      .Bind(6, doc.complete ? 1 : 0)
      .Bind(7, doc.tu_done)
      .Bind(8, doc.added.empty() ? NowTmxDate() : doc.added)
      .Bind(9, doc.srclang);
  Status s = (*st)->Run();
  if (!s.ok()) {
    if (s.code() == StatusCode::kInvalidInput) {
      return InvalidArgumentError(path() + ": a document named '" + doc.name + "' is already in the store");
    }
    return s;
  }
  return db_->LastInsertRowid();
}

StatusOr<std::optional<DocumentRecord>> Store::FindDocument(std::string_view name) {
  return FindOneDocument(*db_, "WHERE name = ?1", name);
}

StatusOr<std::optional<DocumentRecord>> Store::GetDocument(int64_t id) {
  return FindOneDocument(*db_, "WHERE id = ?1", id);
}

StatusOr<std::optional<DocumentRecord>> Store::FindDocumentByHash(std::string_view content_hash) {
  return FindOneDocument(*db_, "WHERE content_hash = ?1 ORDER BY complete DESC, id LIMIT 1", content_hash);
}

Status Store::UpdateDocument(const DocumentRecord& doc) {
  if (read_only_) return ReadOnlyError(path());
  StatusOr<Statement*> st = db_->Cached(
      "UPDATE document SET kind = ?2, content_hash = ?3, ar_path = ?4, en_path = ?5, srclang = ?6, "
      "complete = ?7, tu_done = ?8 WHERE id = ?1");
  if (!st.ok()) return st.status();
  NAZIR_RETURN_IF_ERROR((*st)
                            ->Bind(1, doc.id)
                            .Bind(2, doc.kind)
                            .Bind(3, doc.content_hash)
                            .Bind(4, doc.ar_path)
                            .Bind(5, doc.en_path)
                            .Bind(6, doc.srclang)
                            .Bind(7, doc.complete ? 1 : 0)
                            .Bind(8, doc.tu_done)
                            .Run());
  if (db_->Changes() == 0) return NotFoundError(path() + ": no document with id " + std::to_string(doc.id));
  return Status::Ok();
}

Status Store::UpdateDocumentProgress(int64_t id, int64_t tu_done, bool complete) {
  if (read_only_) return ReadOnlyError(path());
  StatusOr<Statement*> st = db_->Cached("UPDATE document SET tu_done = ?2, complete = ?3 WHERE id = ?1");
  if (!st.ok()) return st.status();
  NAZIR_RETURN_IF_ERROR((*st)->Bind(1, id).Bind(2, tu_done).Bind(3, complete ? 1 : 0).Run());
  if (db_->Changes() == 0) return NotFoundError(path() + ": no document with id " + std::to_string(id));
  return Status::Ok();
}

Status Store::RemoveDocument(int64_t id) {
  if (read_only_) return ReadOnlyError(path());
  AutoTxn txn(*db_);
  NAZIR_RETURN_IF_ERROR(txn.Begin());
  std::vector<std::pair<int64_t, int64_t>> tus;  // (tu id, occurrences from this document)
  {
    StatusOr<Statement> st =
        db_->Prepare("SELECT tu_id, count(*) FROM tu_origin WHERE document_id = ?1 GROUP BY tu_id");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    for (;;) {
      StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      tus.emplace_back(st->ColumnInt(0), st->ColumnInt(1));
    }
  }
  StatusOr<Statement*> del = db_->Cached("DELETE FROM tu_origin WHERE document_id = ?1");
  if (!del.ok()) return del.status();
  NAZIR_RETURN_IF_ERROR((*del)->Bind(1, id).Run());
  for (const auto& [tu_id, n] : tus) {
    StatusOr<Statement*> dec = db_->Cached(
        "UPDATE tu SET count = count - ?2, "
        "confidence = (SELECT max(confidence) FROM tu_origin WHERE tu_id = ?1) WHERE id = ?1");
    if (!dec.ok()) return dec.status();
    NAZIR_RETURN_IF_ERROR((*dec)->Bind(1, tu_id).Bind(2, n).Run());
    StatusOr<Statement*> left = db_->Cached("SELECT count FROM tu WHERE id = ?1");
    if (!left.ok()) return left.status();
    (*left)->Bind(1, tu_id);
    StatusOr<bool> row = (*left)->Step();
    if (!row.ok()) return row.status();
    const bool gone = *row && (*left)->ColumnInt(0) <= 0;
    (*left)->Reset();
    if (gone) NAZIR_RETURN_IF_ERROR(DeleteTu(tu_id));
  }
  StatusOr<Statement*> doc = db_->Cached("DELETE FROM document WHERE id = ?1");
  if (!doc.ok()) return doc.status();
  NAZIR_RETURN_IF_ERROR((*doc)->Bind(1, id).Run());
  return txn.Commit();
}

StatusOr<std::vector<DocumentRecord>> Store::ListDocuments() {
  StatusOr<Statement> st = db_->Prepare(std::string(kDocumentColumns) + "ORDER BY id");
  if (!st.ok()) return st.status();
  std::vector<DocumentRecord> out;
  for (;;) {
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back(ReadDocument(*st));
  }
  return out;
}

// ---- Translation units ----------------------------------------------------------------------------------

StatusOr<int64_t> Store::OriginFileId(const std::string& file) {
  // One import adds thousands of TUs from the same file: remember its row, unless a rollback may have
  // undone the insert that made it.
  if (origin_rollbacks_ == db_->rollbacks() && origin_path_ == file) return origin_id_;
  StatusOr<Statement*> find = db_->Cached("SELECT id FROM origin_file WHERE path = ?1");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, file);
  StatusOr<bool> row = (*find)->Step();
  if (!row.ok()) return row.status();
  int64_t id = 0;
  if (*row) {
    id = (*find)->ColumnInt(0);
    (*find)->Reset();
  } else {
    (*find)->Reset();
    StatusOr<Statement*> ins = db_->Cached("INSERT INTO origin_file(path) VALUES(?1)");
    if (!ins.ok()) return ins.status();
    NAZIR_RETURN_IF_ERROR((*ins)->Bind(1, file).Run());
    id = db_->LastInsertRowid();
  }
  origin_path_ = file;
  origin_id_ = id;
  origin_rollbacks_ = db_->rollbacks();
  return id;
}

Status Store::DeleteTu(int64_t tu_id) {
  StatusOr<Statement*> st = db_->Cached("SELECT ar_words, en_words FROM tu WHERE id = ?1");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, tu_id);
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    (*st)->Reset();
    return Status::Ok();
  }
  const std::string ar(std::string((*st)->ColumnText(0)));
  const std::string en(std::string((*st)->ColumnText(1)));
  (*st)->Reset();
  // Pairs still buffered (this TU may have been added in this transaction) go to disk first.
  NAZIR_RETURN_IF_ERROR(postings_->Flush(*db_));
  NAZIR_RETURN_IF_ERROR(internal::RemoveFromIndex(*db_, tu_id, internal::IndexSide::kAr,
                                                  internal::IndexTerms(ar, Lang::kAr)));
  NAZIR_RETURN_IF_ERROR(internal::RemoveFromIndex(*db_, tu_id, internal::IndexSide::kEn,
                                                  internal::IndexTerms(en, Lang::kEn)));
  StatusOr<Statement*> del = db_->Cached("DELETE FROM tu WHERE id = ?1");
  if (!del.ok()) return del.status();
  return (*del)->Bind(1, tu_id).Run();
}

StatusOr<AddTuResult> Store::AddTu(const TranslationUnit& tu, const TuProvenance& provenance) {
  NAZIR_RETURN_IF_ERROR(PrepareTu(tu, &scratch_));
  StatusOr<AddTuResult> added = AddPreparedTu(scratch_, provenance);
  scratch_.tu = nullptr;
  return added;
}

// The statements AddPreparedTu runs for every TU, prepared once (Database::Cached would hash the SQL on
// every call).
struct Store::AddStatements {
  Statement* find = nullptr;
  Statement* fold = nullptr;
  Statement* insert = nullptr;
  Statement* origin = nullptr;
};

StatusOr<Store::AddStatements*> Store::AddStatementsOf() {
  if (add_) return add_.get();
  auto add = std::make_unique<AddStatements>();
  const std::pair<Statement**, const char*> sql[] = {
      {&add->find, "SELECT id, ar_text, en_text, data FROM tu WHERE dup_hash = ?1"},
      {&add->fold,
       "UPDATE tu SET count = count + 1, confidence = CASE WHEN ?2 IS NULL THEN confidence "
       "WHEN confidence IS NULL THEN ?2 ELSE max(confidence, ?2) END WHERE id = ?1"},
      {&add->insert,
       "INSERT INTO tu(dup_hash, count, confidence, created, ar_lang, ar_text, ar_words, ar_n, "
       "en_lang, en_text, en_words, en_n, data) VALUES(?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"},
      {&add->origin,
       "INSERT INTO tu_origin(tu_id, document_id, ar_sents, en_sents, confidence, created, file_id) "
       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
  };
  for (const auto& [slot, text] : sql) {
    StatusOr<Statement*> st = db_->Cached(text);
    if (!st.ok()) return st.status();
    *slot = *st;
  }
  add_ = std::move(add);
  return add_.get();
}

StatusOr<AddTuResult> Store::AddPreparedTu(const PreparedTu& p, const TuProvenance& provenance) {
  if (read_only_) return ReadOnlyError(path());
  if (p.tu == nullptr || p.tu->tuvs.empty()) return InvalidInputError("a TU without any <tuv> cannot be stored");
  if (p.terms_serial != 0 && p.terms_serial != postings_->terms().serial()) {
    return InternalError("a TU prepared by another store's PrepareTu");
  }
  const TranslationUnit& tu = *p.tu;
  StatusOr<AddStatements*> statements = AddStatementsOf();
  if (!statements.ok()) return statements.status();
  AddStatements& st = **statements;
  AutoTxn txn(*db_);
  NAZIR_RETURN_IF_ERROR(txn.Begin());
  const auto hash = static_cast<int64_t>(p.dup_hash);
  AddTuResult result;

  // A duplicate? Same hash and (hash collisions aside) the same key.
  thread_local std::string key, stored_key;
  key.clear();
  st.find->Bind(1, hash);
  for (;;) {
    StatusOr<bool> row = st.find->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    StatusOr<TranslationUnit> stored =
        internal::DecodeTu(st.find->ColumnBlob(3), st.find->ColumnText(1), st.find->ColumnText(2));
    if (!stored.ok()) continue;
    if (key.empty()) internal::DupKeyOf(tu, &key);
    internal::DupKeyOf(*stored, &stored_key);
    if (stored_key == key) {
      result.tu_id = st.find->ColumnInt(0);
      break;
    }
  }
  st.find->Reset();

  std::string now;
  std::string_view created = !provenance.creationdate.empty() ? std::string_view(provenance.creationdate)
                                                                : std::string_view(tu.creationdate);
  if (created.empty()) created = now = NowTmxDate();
  if (result.tu_id != 0) {
    NAZIR_RETURN_IF_ERROR(st.fold->Bind(1, result.tu_id).Bind(2, provenance.confidence).Run());
  } else {
    Statement& s = *st.insert;
    s.Bind(1, hash).Bind(2, provenance.confidence).BindTextRef(3, created);
    if (p.ar_index >= 0) {
      const Tuv& v = tu.tuvs[p.ar_index];
      s.BindTextRef(4, v.lang).BindTextRef(5, v.text).BindTextRef(6, p.ar_words).Bind(7, p.ar_word_count);
    } else {
      s.Bind(7, 0);
    }
    if (p.en_index >= 0) {
      const Tuv& v = tu.tuvs[p.en_index];
      s.BindTextRef(8, v.lang).BindTextRef(9, v.text).BindTextRef(10, p.en_words).Bind(11, p.en_word_count);
    } else {
      s.Bind(11, 0);
    }
    s.BindBlobRef(12, p.data);
    NAZIR_RETURN_IF_ERROR(s.Run());
    result.tu_id = db_->LastInsertRowid();
    result.inserted = true;
    if (p.terms_serial == 0) {
      if (p.ar_index >= 0) postings_->Add(result.tu_id, internal::IndexSide::kAr, p.ar_terms);
      if (p.en_index >= 0) postings_->Add(result.tu_id, internal::IndexSide::kEn, p.en_terms);
    } else {
      if (p.ar_index >= 0) postings_->AddNumbered(result.tu_id, internal::IndexSide::kAr, p.ar_term_ids, p.ar_terms);
      if (p.en_index >= 0) postings_->AddNumbered(result.tu_id, internal::IndexSide::kEn, p.en_term_ids, p.en_terms);
    }
  }

  std::optional<int64_t> file_id;
  if (!provenance.origin_file.empty()) {
    StatusOr<int64_t> f = OriginFileId(provenance.origin_file);
    if (!f.ok()) return f.status();
    file_id = *f;
  }
  Statement& o = *st.origin;
  o.Bind(1, result.tu_id);
  if (provenance.document_id != 0) o.Bind(2, provenance.document_id);
  o.Bind(3, JoinInts(provenance.ar_sentences))
      .Bind(4, JoinInts(provenance.en_sentences))
      .Bind(5, provenance.confidence)
      .BindTextRef(6, created);
  if (file_id) o.Bind(7, *file_id);
  NAZIR_RETURN_IF_ERROR(o.Run());
  NAZIR_RETURN_IF_ERROR(txn.Commit());
  return result;
}

namespace {
constexpr char kTuColumns[] = "SELECT id, count, confidence, ar_text, en_text, data FROM tu ";
}  // namespace

StatusOr<StoredTu> Store::ReadTu(Statement& st) {
  StoredTu t;
  t.id = st.ColumnInt(0);
  t.count = static_cast<int>(st.ColumnInt(1));
  t.confidence = st.ColumnOptionalDouble(2);
  t.ar_text = std::string(st.ColumnText(3));
  t.en_text = std::string(st.ColumnText(4));
  StatusOr<TranslationUnit> tu = internal::DecodeTu(st.ColumnBlob(5), t.ar_text, t.en_text);
  if (!tu.ok()) return tu.status().WithContext(path() + ": TU " + std::to_string(t.id));
  t.tu = std::move(*tu);
  return t;
}

StatusOr<std::optional<StoredTu>> Store::GetTu(int64_t id) {
  StatusOr<Statement*> st = db_->Cached(std::string(kTuColumns) + "WHERE id = ?1");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, id);
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  std::optional<StoredTu> out;
  if (*row) {
    StatusOr<StoredTu> t = ReadTu(**st);
    if (!t.ok()) {
      (*st)->Reset();
      return t.status();
    }
    out = std::move(*t);
  }
  (*st)->Reset();
  return out;
}

StatusOr<std::vector<TuProvenance>> Store::GetProvenance(int64_t tu_id) {
  StatusOr<Statement*> st = db_->Cached(
      "SELECT o.document_id, o.ar_sents, o.en_sents, o.confidence, o.created, f.path FROM tu_origin o "
      "LEFT JOIN origin_file f ON f.id = o.file_id WHERE o.tu_id = ?1 ORDER BY o.id");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, tu_id);
  std::vector<TuProvenance> out;
  for (;;) {
    StatusOr<bool> row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    TuProvenance p;
    p.document_id = (*st)->ColumnInt(0);
    p.ar_sentences = SplitInts((*st)->ColumnText(1));
    p.en_sentences = SplitInts((*st)->ColumnText(2));
    p.confidence = (*st)->ColumnOptionalDouble(3);
    p.creationdate = std::string((*st)->ColumnText(4));
    p.origin_file = std::string((*st)->ColumnText(5));
    out.push_back(std::move(p));
  }
  (*st)->Reset();
  return out;
}

Status Store::ForEachTu(const TuFilter& filter, const std::function<Status(const StoredTu&)>& fn) {
  StatusOr<Statement> st = db_->Prepare(
      std::string(kTuColumns) +
      "WHERE (?1 IS NULL OR confidence IS NULL OR confidence >= ?1) "
      "AND (?2 IS NULL OR id IN (SELECT tu_id FROM tu_origin WHERE document_id = ?2)) ORDER BY id");
  if (!st.ok()) return st.status();
  st->Bind(1, filter.min_confidence);
  if (filter.document_id) st->Bind(2, *filter.document_id);
  for (;;) {
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    StatusOr<StoredTu> t = ReadTu(*st);
    if (!t.ok()) return t.status();
    NAZIR_RETURN_IF_ERROR(fn(*t));
  }
  return Status::Ok();
}

StatusOr<int64_t> Store::CountTus() { return db_->QueryInt("SELECT count(*) FROM tu"); }

StatusOr<TmStats> Store::Stats() {
  TmStats s;
  s.schema_version = kSchemaVersion;
  StatusOr<Statement> st = db_->Prepare(
      "SELECT count(*), total(count), total(ar_n), total(en_n), count(confidence), "
      "total(confidence < 0.5), total(confidence >= 0.5 AND confidence < 0.7), "
      "total(confidence >= 0.7 AND confidence < 0.9), total(confidence >= 0.9), total(confidence IS NULL) "
      "FROM tu");
  if (!st.ok()) return st.status();
  StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (*row) {
    s.tus = st->ColumnInt(0);
    s.occurrences = static_cast<int64_t>(st->ColumnDouble(1));
    s.ar_words = static_cast<int64_t>(st->ColumnDouble(2));
    s.en_words = static_cast<int64_t>(st->ColumnDouble(3));
    s.with_confidence = st->ColumnInt(4);
    for (int i = 0; i < 5; ++i) s.confidence_bands[i] = static_cast<int64_t>(st->ColumnDouble(5 + i));
  }
  StatusOr<int64_t> docs = db_->QueryInt("SELECT count(*) FROM document WHERE complete != 0");
  if (!docs.ok()) return docs.status();
  s.documents = *docs;
  StatusOr<int64_t> partial = db_->QueryInt("SELECT count(*) FROM document WHERE complete = 0");
  if (!partial.ok()) return partial.status();
  s.incomplete_documents = *partial;
  StatusOr<int64_t> gloss = CountGlossaryEntries();
  if (!gloss.ok()) return gloss.status();
  s.glossary_entries = *gloss;
  for (const std::string& f : {path(), path() + "-wal"}) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(f, ec);
    if (!ec) s.file_bytes += static_cast<int64_t>(n);
  }
  return s;
}

Status Store::CheckIndexes() {
  // Pairs still buffered in an open transaction are not in the index yet.
  if (postings_->pending() > 0) NAZIR_RETURN_IF_ERROR(postings_->Flush(*db_));
  StatusOr<internal::IndexDigest> held = internal::DigestIndex(*db_);
  if (!held.ok()) return held.status();
  internal::IndexDigest expected;
  StatusOr<Statement> scan = db_->Prepare(
      "SELECT id, ar_words, en_words, ar_lang IS NOT NULL, en_lang IS NOT NULL FROM tu ORDER BY id");
  if (!scan.ok()) return scan.status();
  for (;;) {
    StatusOr<bool> row = scan->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t id = scan->ColumnInt(0);
    for (int side = 0; side < 2; ++side) {
      if (scan->ColumnInt(3 + side) == 0) continue;
      const Lang lang = side == 0 ? Lang::kAr : Lang::kEn;
      const std::string terms = internal::IndexTerms(scan->ColumnText(1 + side), lang);
      for (std::string_view term : internal::SplitKeys(terms)) {
        expected.Add(static_cast<internal::IndexSide>(side), term, id);
      }
    }
  }
  if (!(*held == expected)) {
    return InternalError(path() + ": the TM word index holds " + std::to_string(held->pairs) +
                         " (term, TU) pairs where the TUs have " + std::to_string(expected.pairs) +
                         (held->pairs == expected.pairs ? " (different ones)" : "") +
                         "; `nazir tm reindex` rebuilds it");
  }
  return Status::Ok();
}

Status Store::RebuildIndexes() {
  if (read_only_) return ReadOnlyError(path());
  StatusOr<std::unique_ptr<Transaction>> txn = Transaction::Begin(*db_);
  if (!txn.ok()) return txn.status();
  postings_->Discard();
  NAZIR_RETURN_IF_ERROR(internal::ClearIndex(*db_));
  StatusOr<Statement> scan = db_->Prepare("SELECT id, ar_text, en_text, ar_lang IS NOT NULL, en_lang IS NOT NULL "
                                          "FROM tu ORDER BY id");
  if (!scan.ok()) return scan.status();
  StatusOr<Statement> update =
      db_->Prepare("UPDATE tu SET ar_words = ?2, ar_n = ?3, en_words = ?4, en_n = ?5 WHERE id = ?1");
  if (!update.ok()) return update.status();
  for (;;) {
    StatusOr<bool> row = scan->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int64_t id = scan->ColumnInt(0);
    std::vector<std::string> ar, en;
    if (scan->ColumnInt(3) != 0) ar = WordKeys(scan->ColumnText(1), Lang::kAr);
    if (scan->ColumnInt(4) != 0) en = WordKeys(scan->ColumnText(2), Lang::kEn);
    const std::string ar_words = JoinKeys(ar), en_words = JoinKeys(en);
    update->Bind(1, id)
        .Bind(2, ar_words)
        .Bind(3, static_cast<int64_t>(ar.size()))
        .Bind(4, en_words)
        .Bind(5, static_cast<int64_t>(en.size()));
    NAZIR_RETURN_IF_ERROR(update->Run());
    if (scan->ColumnInt(3) != 0) {
      postings_->Add(id, internal::IndexSide::kAr, internal::IndexTerms(ar_words, Lang::kAr));
    }
    if (scan->ColumnInt(4) != 0) {
      postings_->Add(id, internal::IndexSide::kEn, internal::IndexTerms(en_words, Lang::kEn));
    }
    if (postings_->pending() >= kRebuildFlushPairs) NAZIR_RETURN_IF_ERROR(postings_->Flush(*db_));
  }
  NAZIR_RETURN_IF_ERROR(postings_->Flush(*db_));
  NAZIR_RETURN_IF_ERROR(internal::OptimizeIndex(*db_));
  StatusOr<Statement> fp = db_->Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('key_fingerprint', ?1)");
  if (!fp.ok()) return fp.status();
  NAZIR_RETURN_IF_ERROR(fp->Bind(1, KeyFingerprint()).Run());
  return (*txn)->Commit();
}

// ---- Glossary -------------------------------------------------------------------------------------------

StatusOr<int64_t> Store::PutGlossaryEntry(const GlossaryEntry& entry, const std::vector<GlossaryKey>& keys) {
  if (read_only_) return ReadOnlyError(path());
  AutoTxn txn(*db_);
  NAZIR_RETURN_IF_ERROR(txn.Begin());
  int64_t id = entry.id;
  if (id != 0) {
    for (const char* sql : {"DELETE FROM gloss_variant WHERE entry_id = ?1", "DELETE FROM gloss_key WHERE entry_id = ?1"}) {
      StatusOr<Statement*> del = db_->Cached(sql);
      if (!del.ok()) return del.status();
      NAZIR_RETURN_IF_ERROR((*del)->Bind(1, id).Run());
    }
  }
  StatusOr<Statement*> put = db_->Cached(
      "INSERT OR REPLACE INTO gloss_entry(id, type, english, count, note) VALUES(?1, ?2, ?3, ?4, ?5)");
  if (!put.ok()) return put.status();
  if (id != 0) (*put)->Bind(1, id);
  NAZIR_RETURN_IF_ERROR(
      (*put)->Bind(2, entry.type).Bind(3, entry.english).Bind(4, entry.count).Bind(5, entry.note).Run());
  if (id == 0) id = db_->LastInsertRowid();
  StatusOr<Statement*> var = db_->Cached(
      "INSERT INTO gloss_variant(entry_id, lang, pos, text, count, example, source) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!var.ok()) return var.status();
  for (const auto& [lang, list] : {std::pair<const char*, const std::vector<TermVariant>*>{"en", &entry.english_variants},
                                   std::pair<const char*, const std::vector<TermVariant>*>{"ar", &entry.arabic}}) {
    for (size_t i = 0; i < list->size(); ++i) {
      const TermVariant& v = (*list)[i];
      NAZIR_RETURN_IF_ERROR((*var)
                                ->Bind(1, id)
                                .Bind(2, lang)
                                .Bind(3, static_cast<int64_t>(i))
                                .Bind(4, v.text)
                                .Bind(5, v.count)
                                .Bind(6, v.example)
                                .Bind(7, v.source)
                                .Run());
    }
  }
  StatusOr<Statement*> key =
      db_->Cached("INSERT OR IGNORE INTO gloss_key(kind, key, entry_id, variant) VALUES(?1, ?2, ?3, ?4)");
  if (!key.ok()) return key.status();
  for (const GlossaryKey& k : keys) {
    NAZIR_RETURN_IF_ERROR((*key)->Bind(1, k.kind).Bind(2, k.key).Bind(3, id).Bind(4, k.variant).Run());
  }
  NAZIR_RETURN_IF_ERROR(txn.Commit());
  return id;
}

StatusOr<std::optional<GlossaryEntry>> Store::GetGlossaryEntry(int64_t id) {
  StatusOr<Statement*> st = db_->Cached("SELECT type, english, count, note FROM gloss_entry WHERE id = ?1");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, id);
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    (*st)->Reset();
    return std::optional<GlossaryEntry>();
  }
  GlossaryEntry e;
  e.id = id;
  e.type = std::string((*st)->ColumnText(0));
  e.english = std::string((*st)->ColumnText(1));
  e.count = static_cast<int>((*st)->ColumnInt(2));
  e.note = std::string((*st)->ColumnText(3));
  (*st)->Reset();
  StatusOr<Statement*> vars = db_->Cached(
      "SELECT lang, text, count, example, source FROM gloss_variant WHERE entry_id = ?1 ORDER BY lang, pos");
  if (!vars.ok()) return vars.status();
  (*vars)->Bind(1, id);
  for (;;) {
    StatusOr<bool> r = (*vars)->Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    TermVariant v;
    v.text = std::string((*vars)->ColumnText(1));
    v.count = static_cast<int>((*vars)->ColumnInt(2));
    v.example = std::string((*vars)->ColumnText(3));
    v.source = std::string((*vars)->ColumnText(4));
    ((*vars)->ColumnText(0) == "ar" ? e.arabic : e.english_variants).push_back(std::move(v));
  }
  (*vars)->Reset();
  return std::optional<GlossaryEntry>(std::move(e));
}

StatusOr<std::vector<GlossaryKey>> Store::GetGlossaryKeys(int64_t id) {
  StatusOr<Statement*> st = db_->Cached("SELECT kind, key, variant FROM gloss_key WHERE entry_id = ?1 ORDER BY kind, key");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, id);
  std::vector<GlossaryKey> out;
  for (;;) {
    StatusOr<bool> row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out.push_back({std::string((*st)->ColumnText(0)), std::string((*st)->ColumnText(1)),
                   std::string((*st)->ColumnText(2))});
  }
  return out;
}

namespace {

StatusOr<std::vector<GlossaryKeyHit>> CollectKeyHits(Statement& st) {
  std::vector<GlossaryKeyHit> out;
  for (;;) {
    StatusOr<bool> row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    GlossaryKeyHit h;
    h.kind = std::string(st.ColumnText(0));
    h.key = std::string(st.ColumnText(1));
    h.entry_id = st.ColumnInt(2);
    h.variant = std::string(st.ColumnText(3));
    out.push_back(std::move(h));
  }
  st.Reset();
  return out;
}

// The smallest string greater than every string starting with `prefix` (byte-wise), or "" if none.
std::string PrefixUpperBound(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xff) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

}  // namespace

StatusOr<std::vector<GlossaryKeyHit>> Store::FindGlossaryKey(std::string_view kind, std::string_view key) {
  StatusOr<Statement*> st =
      db_->Cached("SELECT kind, key, entry_id, variant FROM gloss_key WHERE kind = ?1 AND key = ?2");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, kind).Bind(2, key);
  return CollectKeyHits(**st);
}

StatusOr<std::vector<GlossaryKeyHit>> Store::FindGlossaryKey(std::string_view kind, std::string_view key,
                                                              int limit) {
  StatusOr<Statement*> st = db_->Cached(
      "SELECT kind, key, entry_id, variant FROM gloss_key WHERE kind = ?1 AND key = ?2 LIMIT ?3");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, kind).Bind(2, key).Bind(3, limit);
  return CollectKeyHits(**st);
}

StatusOr<std::vector<GlossaryKeyHit>> Store::FindGlossaryKeyPrefix(std::string_view kind, std::string_view prefix,
                                                                    int limit) {
  const std::string upper = PrefixUpperBound(prefix);
  StatusOr<Statement*> st = db_->Cached(
      "SELECT kind, key, entry_id, variant FROM gloss_key WHERE kind = ?1 AND key >= ?2 "
      "AND (?3 = '' OR key < ?3) ORDER BY key LIMIT ?4");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, kind).Bind(2, prefix).Bind(3, upper).Bind(4, limit);
  return CollectKeyHits(**st);
}

Status Store::DeleteGlossaryEntry(int64_t id) {
  if (read_only_) return ReadOnlyError(path());
  AutoTxn txn(*db_);
  NAZIR_RETURN_IF_ERROR(txn.Begin());
  for (const char* sql : {"DELETE FROM gloss_variant WHERE entry_id = ?1", "DELETE FROM gloss_key WHERE entry_id = ?1",
                          "DELETE FROM gloss_entry WHERE id = ?1"}) {
    StatusOr<Statement*> del = db_->Cached(sql);
    if (!del.ok()) return del.status();
    NAZIR_RETURN_IF_ERROR((*del)->Bind(1, id).Run());
  }
  return txn.Commit();
}

Status Store::ClearGlossary() {
  if (read_only_) return ReadOnlyError(path());
  AutoTxn txn(*db_);
  NAZIR_RETURN_IF_ERROR(txn.Begin());
  NAZIR_RETURN_IF_ERROR(db_->Exec("DELETE FROM gloss_key; DELETE FROM gloss_variant; DELETE FROM gloss_entry;"));
  return txn.Commit();
}

StatusOr<int64_t> Store::CountGlossaryEntries() { return db_->QueryInt("SELECT count(*) FROM gloss_entry"); }

Status Store::ForEachGlossaryEntry(const std::function<Status(const GlossaryEntry&)>& fn) {
  StatusOr<Statement> st = db_->Prepare("SELECT id FROM gloss_entry ORDER BY id");
  if (!st.ok()) return st.status();
  for (;;) {
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    StatusOr<std::optional<GlossaryEntry>> e = GetGlossaryEntry(st->ColumnInt(0));
    if (!e.ok()) return e.status();
    if (*e) NAZIR_RETURN_IF_ERROR(fn(**e));
  }
  return Status::Ok();
}

}  // namespace nazir::store
