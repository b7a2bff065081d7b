// Database, Statement, Transaction: a thin RAII layer over the SQLite C API that speaks Status.
//
// Nothing here knows nazir's schema (that is store.h); this header only turns SQLite's return codes into
// Status values with the SQL and the file named, and makes sure every statement is finalized and every
// transaction either commits or rolls back.
//
//   auto db = nazir::store::Database::Open("nazir.db", /*read_only=*/false);
//   if (!db.ok()) return db.status();
//   auto txn = nazir::store::Transaction::Begin(**db);
//   auto* ins = (*db)->Cached("INSERT INTO t(a, b) VALUES(?1, ?2)");
//   if (!ins.ok()) return ins.status();
//   (*ins)->Bind(1, 42).Bind(2, "text");
//   NAZIR_RETURN_IF_ERROR((*ins)->Run());
//   NAZIR_RETURN_IF_ERROR(txn->Commit());
//
// A Database (and its statements) belongs to one thread at a time. Many connections, in one process or
// many, may open the same file: with WAL (which Store turns on) readers never block the writer.
#ifndef NAZIR_STORE_SQLITE_H_
#define NAZIR_STORE_SQLITE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "nazir/base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace nazir::store {

class Database;

// One prepared statement. Bind*() are chainable; a binding error is kept and returned by Step()/Run().
// Text and blobs are copied by SQLite at bind time, so the caller's buffers may go away afterwards
// (except with BindTextRef / BindBlobRef, which skip the copy).
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1 (?1, ?2...).
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  // Binds NULL when `value` is empty.
  Statement& Bind(int index, std::optional<double> value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  // Bind without copying (for hot loops): the bytes must stay valid and unchanged until the statement is
  // reset (Run() and Reset() do it, and clear the bindings).
  Statement& BindTextRef(int index, std::string_view text);
  Statement& BindBlobRef(int index, std::string_view bytes);

  // Advances to the next row: true when a row is available, false when done. On error the statement
  // is reset and the error (with the SQL) returned.
  StatusOr<bool> Step();

  // Steps until done (for INSERT/UPDATE/DELETE) and resets the statement for reuse; bindings are cleared.
  Status Run();

  // Resets the statement so it can run again and clears the bindings.
  void Reset();

  // Column accessors for the current row (columns numbered from 0).
  int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  // Empty for NULL. The view is valid until the next Step()/Reset().
  std::string_view ColumnText(int column) const;
  std::string_view ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;
  std::optional<double> ColumnOptionalDouble(int column) const;

  // The SQL text (for error messages).
  std::string_view sql() const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, Database* db) : stmt_(stmt), db_(db) {}
  void Note(int rc, int index);

  sqlite3_stmt* stmt_ = nullptr;
  Database* db_ = nullptr;
  Status bind_status_;
};

// An open SQLite connection.
class Database {
 public:
  // Opens (creating unless `read_only`) the database file at `path`, with extended error codes and a
  // busy timeout so that a second writer waits instead of failing at once.
  static StatusOr<std::unique_ptr<Database>> Open(const std::string& path, bool read_only,
                                                  int busy_timeout_ms = kDefaultBusyTimeoutMs);

  // How long a connection waits for another writer's lock before giving up with "database is locked".
  // Ten seconds: long enough for an import batch to commit, short enough to report a stuck writer.
  static constexpr int kDefaultBusyTimeoutMs = 10000;

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more SQL statements that return no rows.
  Status Exec(std::string_view sql);

  // Prepares a statement the caller owns.
  StatusOr<Statement> Prepare(std::string_view sql);

  // Returns a statement prepared once per connection and kept for reuse (reset before it is returned).
  // The pointer stays valid for the life of the Database.
  StatusOr<Statement*> Cached(const std::string& sql);

  // A one-value query ("SELECT count(*) FROM tu"): the first column of the first row, or `fallback`
  // when there is no row or it is NULL.
  StatusOr<int64_t> QueryInt(std::string_view sql, int64_t fallback = 0);

  int64_t LastInsertRowid() const;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  int64_t Changes() const;
  bool in_transaction() const;
  // Transactions rolled back on this connection so far (explicitly or by SQLite after an error): a
  // cache of row ids taken inside a transaction is stale once this has moved.
  uint64_t rollbacks() const { return rollbacks_; }

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // Work a layer above keeps buffered inside a transaction: `before_commit` runs in Transaction::Commit()
  // just before COMMIT (its failure rolls the transaction back), `on_rollback` after any rollback (to
  // forget what was buffered). Either may be empty.
  void SetTransactionHooks(std::function<Status()> before_commit, std::function<void()> on_rollback);

  // A Status for SQLite result code `rc`, with SQLite's message and `what` (usually the SQL) named.
  Status Error(int rc, std::string_view what) const;

 private:
  friend class Transaction;
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  static void OnRollback(void* self);

  sqlite3* db_ = nullptr;
  std::string path_;
  uint64_t rollbacks_ = 0;
  std::function<Status()> before_commit_;
  std::function<void()> on_rollback_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// A write transaction (BEGIN IMMEDIATE: takes the write lock at once, so a busy database is reported at
// Begin, not halfway through a batch). Rolls back on destruction unless Commit() succeeded.
class Transaction {
 public:
  static StatusOr<std::unique_ptr<Transaction>> Begin(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Runs the connection's before-commit hook, then commits; after a failure the transaction is rolled back.
  Status Commit();
  // Rolls back now (also what the destructor does).
  void Rollback();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
  bool open_ = true;
};

// A read transaction around many small queries: one snapshot of the file (a writer committing meanwhile,
// e.g. merging index segments, is not seen half-way) and one lock instead of one per statement. Inside a
// transaction already open on the connection it does nothing.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db) : db_(db), open_(!db.in_transaction() && db.Exec("BEGIN").ok()) {}
  ~ReadTransaction() {
    if (open_) (void)db_.Exec("COMMIT");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
  bool open_;
};

}  // namespace nazir::store

#endif  // NAZIR_STORE_SQLITE_H_
