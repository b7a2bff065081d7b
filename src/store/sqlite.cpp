#include "nazir/store/sqlite.h"

#include <sqlite3.h>

#include <mutex>
#include <string>
#include <utility>

namespace nazir::store {
namespace {

// SQLite's "the disk is the problem" codes map to kIo; a file that is not a database (or is damaged) is
// the user's input; everything else (constraint, misuse) is reported as invalid input or internal.
StatusCode CodeFor(int rc) {
  switch (rc & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOLFS:
      return StatusCode::kIo;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
      return StatusCode::kInvalidInput;
    case SQLITE_RANGE:
    case SQLITE_MISUSE:
    case SQLITE_ERROR:
    default:
      return StatusCode::kInternal;
  }
}

}  // namespace

// ---- Statement ------------------------------------------------------------------------------------------

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_), bind_status_(std::move(other.bind_status_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    bind_status_ = std::move(other.bind_status_);
  }
  return *this;
}

void Statement::Note(int rc, int index) {
  if (rc != SQLITE_OK && bind_status_.ok()) {
    bind_status_ = db_->Error(rc, "binding parameter " + std::to_string(index) + " of " + std::string(sql()));
  }
}

Statement& Statement::Bind(int index, int64_t value) {
  Note(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  Note(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  // A zero-length text must still be TEXT, not NULL: pass a non-null pointer.
  Note(sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(), SQLITE_TRANSIENT,
                           SQLITE_UTF8),
       index);
  return *this;
}

Statement& Statement::Bind(int index, std::optional<double> value) {
  return value.has_value() ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  Note(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_TRANSIENT),
       index);
  return *this;
}

Statement& Statement::BindTextRef(int index, std::string_view text) {
  Note(sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8),
       index);
  return *this;
}

Statement& Statement::BindBlobRef(int index, std::string_view bytes) {
  Note(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_STATIC), index);
  return *this;
}

Statement& Statement::BindNull(int index) {
  Note(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

StatusOr<bool> Statement::Step() {
  if (!bind_status_.ok()) {
    Status s = bind_status_;
    Reset();
    return s;
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = db_->Error(rc, sql());
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  for (;;) {
    StatusOr<bool> row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_status_ = Status::Ok();
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::ColumnText(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (p == nullptr) return {};
  return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::ColumnBlob(int column) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (p == nullptr) return {};
  return std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::ColumnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::optional<double> Statement::ColumnOptionalDouble(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return ColumnDouble(column);
}

std::string_view Statement::sql() const {
  const char* s = stmt_ == nullptr ? nullptr : sqlite3_sql(stmt_);
  return s == nullptr ? std::string_view() : std::string_view(s);
}

// ---- Database -------------------------------------------------------------------------------------------

StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path, bool read_only,
                                                   int busy_timeout_ms) {
  // SQLite's memory statistics take a global mutex on every allocation (measured when FTS5, which
  // allocates one per new term, was the word index): nazir never reads them. This has to happen before SQLite initializes, and every
  // connection of the process is opened here.
  static std::once_flag configured;
  std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* raw = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    if (read_only && (rc & 0xff) == SQLITE_CANTOPEN) {
      return NotFoundError(path + ": no such store (create one with `nazir tm import` or `--db`)");
    }
    return Status(CodeFor(rc), path + ": cannot open the store: " + msg);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  std::unique_ptr<Database> db(new Database(raw, path));
  sqlite3_rollback_hook(raw, &Database::OnRollback, db.get());
  return db;
}

void Database::OnRollback(void* self) {
  auto* db = static_cast<Database*>(self);
  ++db->rollbacks_;
  if (db->on_rollback_) db->on_rollback_();
}

Database::~Database() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

Status Database::Error(int rc, std::string_view what) const {
  std::string msg = path_ + ": " + sqlite3_errstr(rc);
  const char* detail = sqlite3_errmsg(db_);
  if (detail != nullptr && msg.find(detail) == std::string::npos && std::string(detail) != sqlite3_errstr(rc)) {
    msg += " (";
    msg += detail;
    msg += ")";
  }
  if ((rc & 0xff) == SQLITE_BUSY) msg += "; another nazir process is writing this store: retry when it ends";
  if ((rc & 0xff) == SQLITE_FULL) msg += "; free some disk space and re-run: committed work is kept";
  if ((rc & 0xff) == SQLITE_NOTADB) msg += "; is --db pointing at a nazir store?";
  if (!what.empty()) {
    msg += " [";
    msg += what;
    msg += "]";
  }
  return Status(CodeFor(rc), std::move(msg));
}

Status Database::Exec(std::string_view sql) {
  std::string copy(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
  if (err != nullptr) sqlite3_free(err);
  if (rc != SQLITE_OK) return Error(rc, sql.substr(0, 200));
  return Status::Ok();
}

StatusOr<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc, sql);
  }
  return Statement(stmt, this);
}

StatusOr<Statement*> Database::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc, sql);
  }
  auto owned = std::unique_ptr<Statement>(new Statement(stmt, this));
  Statement* p = owned.get();
  cache_.emplace(sql, std::move(owned));
  return p;
}

StatusOr<int64_t> Database::QueryInt(std::string_view sql, int64_t fallback) {
  StatusOr<Statement> st = Prepare(sql);
  if (!st.ok()) return st.status();
  StatusOr<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row || st->ColumnIsNull(0)) return fallback;
  return st->ColumnInt(0);
}

int64_t Database::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

int64_t Database::Changes() const { return sqlite3_changes64(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

// ---- Transaction ----------------------------------------------------------------------------------------

StatusOr<std::unique_ptr<Transaction>> Transaction::Begin(Database& db) {
  NAZIR_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(&db));
}

Transaction::~Transaction() { Rollback(); }

void Database::SetTransactionHooks(std::function<Status()> before_commit, std::function<void()> on_rollback) {
  before_commit_ = std::move(before_commit);
  on_rollback_ = std::move(on_rollback);
}

Status Transaction::Commit() {
  if (!open_) return InternalError(db_->path() + ": commit of a transaction that is no longer open");
  Status s = db_->before_commit_ ? db_->before_commit_() : Status::Ok();
  if (s.ok()) s = db_->Exec("COMMIT");
  if (!s.ok()) {
    Rollback();
    return s;
  }
  open_ = false;
  return Status::Ok();
}

void Transaction::Rollback() {
  if (!open_) return;
  open_ = false;
  // A failed statement may already have rolled the transaction back (SQLITE_FULL, SQLITE_IOERR).
  if (db_->in_transaction()) {
    (void)db_->Exec("ROLLBACK");
  }
}

}  // namespace nazir::store
