#include "nazir/store/tm_import.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <xxhash.h>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "nazir/tmx/tmx_reader.h"
#include "nazir/tmx/tmx_writer.h"
#include "tu_keys.h"

namespace nazir::store {
namespace {

// Bytes read per block when hashing a file.
constexpr size_t kHashBlock = 1 << 20;
// What begins a current file hash (FileHashes::current); a legacy one is bare hex digits.
constexpr std::string_view kHashPrefix = "x3-";
// TUs handed from thread to thread at a time (the writer commits every ImportOptions::batch_size TUs,
// several of these): small, because every TU in flight holds memory, and fresh memory costs page faults
// (about 5 ms per MB on the benchmark machine); large enough that the hand-over is negligible.
constexpr size_t kPipelineBatch = 1000;
// Pipeline batches in flight (being read, prepared, waiting or written): enough to keep the writer fed
// while the others run niced (kHelperNice) and through its commits (a word-index segment and its merges
// every 20k TUs) and checkpoint waits; every batch more is memory, and TUs the writer must still write
// alone once the file is read. Interleaved runs of the 400k-TU benchmark (2 cores, with kHelperNice):
// 16 slots 48.7-54.9k and 45.6-52.8k TU/s (medians 53.6k, 50.3k), 24 39.1-53.8k (49.4k), 32 51.8-56.7k
// and 43.5-53.4k (53.0k, 48.9k); peak memory 251, 279 and 309 MB. (Before the threads were niced, 32
// had beaten 16: 48.0k against 42.5k.)
constexpr int kBatchesInFlight = 16;

// How much nicer than the writer the reading and preparing threads run. The writer (SQLite, one
// connection) is the import's bottleneck: with the same priority the scheduler gave it half a core
// whenever all four threads could run, and the others filled the pipeline only to wait for it. Niced,
// they take what the writer leaves. Interleaved runs of the 400k-TU benchmark (2 cores, 6 rounds, twice):
// medians 49.0k and 48.0k TU/s without, 52.7k and 50.7k at 10 (51.1k at 4, 51.1k at 15).
constexpr int kHelperNice = 10;

// Lowers the calling thread's priority by kHelperNice (Linux: setpriority on a thread id changes that
// thread only). Best effort: nothing happens where it is not supported or not allowed.
void NiceThisThread() {
#if defined(__linux__)
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, tid);
  if (errno == 0) (void)setpriority(PRIO_PROCESS, tid, std::min(now + kHelperNice, 19));
#endif
}

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The confidence a TU carries in nazir's x-confidence prop, if it is a number in [0, 1].
std::optional<double> PropConfidence(const TranslationUnit& tu) {
  for (const Prop& p : tu.props) {
    if (p.type != tmx::kPropConfidence) continue;
    const char* begin = p.value.c_str();
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end != begin && *end == '\0' && v >= 0.0 && v <= 1.0) return v;
  }
  return std::nullopt;
}

// One pipeline batch on its way from the reader to the writer. Batches are recycled (see Pipeline), so their
// vectors, their TUs and the PreparedTu strings keep their capacity: at steady state almost nothing is
// allocated per TU.
struct Batch {
  int64_t seq = 0;
  int parts_left = 0;                               // preparing threads not done with it (Pipeline's lock)
  // The batch's TUs are the first `size`; the rest are spent ones from earlier use, which the reader
  // swaps into the XML reader to be refilled (tmx::TmxTuCallback) rather than allocating new ones.
  std::vector<TranslationUnit> raw;
  size_t size = 0;                                  // TUs in this batch (counted by the reader)
  std::vector<PreparedTu> prepared;                 // the first `size` are this batch's
  std::vector<char> ok;                             // 0: rejected (no tuv)
  std::vector<std::optional<double>> confidence;
};

// Reader thread -> preparing threads -> writer (the caller), in file order, with bounded look-ahead.
// A spent batch goes back to a free list; the reader takes it from there and refills its TUs.
class Pipeline {
 public:
  // `teams`: the parts the preparing threads of each team prepare (one thread per part); a team takes
  // the next batch when one of its threads is free.
  Pipeline(int max_ahead, const std::vector<std::vector<PreparePart>>& teams) : max_ahead_(max_ahead) {
    for (const std::vector<PreparePart>& parts : teams) raw_.emplace_back(parts.size());
  }

  // Reader: an empty batch to fill (recycled when one is free, its old TUs kept to be refilled); blocks while
  // too many are ahead. Null when the writer gave up.
  std::unique_ptr<Batch> Acquire() {
    std::unique_ptr<Batch> b;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return aborted_ || ahead_ < max_ahead_; });
      if (aborted_) return nullptr;
      ++ahead_;
      if (!free_.empty()) {
        b = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!b) b = std::make_unique<Batch>();
    b->size = 0;
    return b;
  }

  // Reader: hands over a filled batch (from Acquire()); it is sized here for its preparers, which then
  // write only their own parts of it.
  void Push(std::unique_ptr<Batch> b) {
    const size_t n = b->size;
    if (b->prepared.size() < n) b->prepared.resize(n);
    b->ok.assign(n, 0);
    b->confidence.assign(n, std::nullopt);
    std::lock_guard<std::mutex> lock(mu_);
    b->seq = pushed_++;
    unclaimed_.push_back(b.get());
    preparing_.emplace(b->seq, std::move(b));
    cv_.notify_all();
  }

  // Reader: gives back an Acquire()d batch it did not fill.
  void Unacquire(std::unique_ptr<Batch> b) {
    std::lock_guard<std::mutex> lock(mu_);
    --ahead_;
    free_.push_back(std::move(b));
    cv_.notify_all();
  }

  // Reader: no more batches (status: how the read ended).
  void Finish(Status status) {
    std::lock_guard<std::mutex> lock(mu_);
    reader_done_ = true;
    reader_status_ = std::move(status);
    cv_.notify_all();
  }

  // Preparing thread `role` of team `team`: the next batch to prepare its part of, or null when there
  // will be none. The batch stays the pipeline's; hand it back with Prepared().
  Batch* TakeRaw(size_t team, size_t role) {
    std::vector<std::deque<Batch*>>& mine = raw_[team];
    std::deque<Batch*>& queue = mine[role];
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      if (aborted_) return nullptr;
      // A thread with nothing to do claims the next batch for its whole team, unless a teammate is
      // still behind by more than a batch (a team holds no more than it is about to work on).
      size_t backlog = 0;
      for (const std::deque<Batch*>& q : mine) backlog = std::max(backlog, q.size());
      if (queue.empty() && !unclaimed_.empty() && backlog <= 1) {
        Batch* claimed = unclaimed_.front();
        unclaimed_.pop_front();
        claimed->parts_left = static_cast<int>(mine.size());
        for (std::deque<Batch*>& q : mine) q.push_back(claimed);
      }
      if (!queue.empty()) {
        Batch* b = queue.front();
        queue.pop_front();
        cv_.notify_all();  // a teammate may be waiting for this team's backlog to shrink
        return b;
      }
      // Nothing more can come to this thread once the reader is done and every batch is claimed.
      if (reader_done_ && unclaimed_.empty()) return nullptr;
      cv_.wait(lock);
    }
  }

  // Preparing thread: its part of `b` is done; the batch is ready when every part is.
  void Prepared(Batch* b) {
    std::lock_guard<std::mutex> lock(mu_);
    if (--b->parts_left > 0) {
      cv_.notify_all();  // a teammate may be waiting for this team's backlog to shrink
      return;
    }
    auto it = preparing_.find(b->seq);
    ready_.emplace(b->seq, std::move(it->second));
    preparing_.erase(it);
    cv_.notify_all();
  }

  // Writer: the next batch in file order, or null at the end (then reader_status() says how it ended).
  std::unique_ptr<Batch> TakeReady() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return aborted_ || ready_.count(next_) > 0 || (reader_done_ && next_ == pushed_); });
    auto it = ready_.find(next_);
    if (aborted_ || it == ready_.end()) return nullptr;
    std::unique_ptr<Batch> b = std::move(it->second);
    ready_.erase(it);
    ++next_;
    return b;
  }

  // Writer: done with a batch; it goes back to the free list.
  void Release(std::unique_ptr<Batch> b) {
    std::lock_guard<std::mutex> lock(mu_);
    --ahead_;
    free_.push_back(std::move(b));
    cv_.notify_all();
  }

  // Writer: stop everything (after an error).
  void Abort() {
    std::lock_guard<std::mutex> lock(mu_);
    aborted_ = true;
    cv_.notify_all();
  }

  Status reader_status() {
    std::lock_guard<std::mutex> lock(mu_);
    return reader_status_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  const int max_ahead_;
  int ahead_ = 0;  // batches acquired and not yet released
  int64_t pushed_ = 0;
  int64_t next_ = 0;
  bool reader_done_ = false;
  bool aborted_ = false;
  Status reader_status_;
  // Batches read and not yet taken by a team of preparing threads; then per team and member, the
  // batches it has yet to prepare its part of (all owned by preparing_).
  std::deque<Batch*> unclaimed_;
  std::vector<std::vector<std::deque<Batch*>>> raw_;
  std::map<int64_t, std::unique_ptr<Batch>> preparing_;
  std::map<int64_t, std::unique_ptr<Batch>> ready_;
  std::vector<std::unique_ptr<Batch>> free_;
};

// One preparing thread's part of a batch (Pipeline::Push sized it).
void Prepare(const Store& store, PreparePart part, Batch& b) {
  for (size_t i = 0; i < b.size; ++i) {
    const bool ok = store.PrepareTu(b.raw[i], &b.prepared[i], part).ok();
    if (part == PreparePart::kArabic) continue;  // the other part says whether the TU is fine
    b.confidence[i] = PropConfidence(b.raw[i]);
    b.ok[i] = ok ? 1 : 0;
  }
}

// Copies committed WAL frames into the database file on a thread of its own (its own connection), so
// the writer does not stop for it after each commit (SQLite's automatic checkpoint runs in the committing
// thread). The writer's connection has wal_autocheckpoint off while this runs. PASSIVE checkpoints never
// wait for locks, and the WAL protocol keeps the file consistent whatever is killed when.
//
// SQLite starts the WAL over only when a write transaction begins after every frame was copied back;
// the writer begins its next transaction right after a commit, before this thread is done, so now and
// then (WalIsLong()) it waits for the copy to finish (WaitIdle()) to let the WAL restart: that bounds
// the WAL file (disk, and the recovery after a kill) at the cost of one short wait every few commits.
class Checkpointer {
 public:
  explicit Checkpointer(const std::string& db_path) {
    StatusOr<std::unique_ptr<Database>> db = Database::Open(db_path, /*read_only=*/false);
    if (!db.ok()) return;  // no background checkpoints: the writer's end-of-import one still runs
    db_ = std::move(*db);
    StatusOr<int64_t> page = db_->QueryInt("PRAGMA page_size");
    if (page.ok()) page_size_ = *page;
    thread_ = std::thread([this] { Run(); });
  }
  ~Checkpointer() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  // After a commit: there are frames to copy.
  void Poke() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      pending_ = true;
    }
    cv_.notify_all();
  }
  // Whether the WAL held more than kWalRestartBytes at the last checkpoint.
  bool WalIsLong() {
    std::lock_guard<std::mutex> lock(mu_);
    return log_frames_ * page_size_ > kWalRestartBytes;
  }
  // Waits until every poke so far has been served.
  void WaitIdle() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !thread_.joinable() || (!pending_ && !running_); });
  }

 private:
  // WAL size that makes the writer wait for a checkpoint to finish (about four import commits).
  static constexpr int64_t kWalRestartBytes = 128 << 20;

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return stop_ || pending_; });
      if (stop_) return;
      pending_ = false;
      running_ = true;
      lock.unlock();
      // Columns: busy, frames in the log, frames copied. An error (a busy lock, a full disk) leaves the
      // frames in the WAL for a later checkpoint.
      int64_t frames = -1;
      StatusOr<Statement> st = db_->Prepare("PRAGMA wal_checkpoint(PASSIVE)");
      if (st.ok()) {
        StatusOr<bool> row = st->Step();
        if (row.ok() && *row) frames = st->ColumnInt(1);
      }
      lock.lock();
      running_ = false;
      if (frames >= 0) log_frames_ = frames;
      cv_.notify_all();
    }
  }

  std::unique_ptr<Database> db_;
  int64_t page_size_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool pending_ = false;
  bool running_ = false;
  bool stop_ = false;
  int64_t log_frames_ = 0;
  std::thread thread_;
};

// Turns the connection's automatic checkpoints off for the life of the object (a Checkpointer does them),
// then back to what they were.
class NoAutoCheckpoint {
 public:
  explicit NoAutoCheckpoint(Database& db) : db_(db) {
    StatusOr<int64_t> pages = db_.QueryInt("PRAGMA wal_autocheckpoint");
    if (pages.ok()) pages_ = *pages;
    (void)db_.Exec("PRAGMA wal_autocheckpoint=0");
  }
  ~NoAutoCheckpoint() { (void)db_.Exec("PRAGMA wal_autocheckpoint=" + std::to_string(pages_)); }

 private:
  // SQLite's default, in case the current value cannot be read.
  static constexpr int64_t kSqliteDefaultPages = 1000;
  Database& db_;
  int64_t pages_ = kSqliteDefaultPages;
};

// The status that stops ReadTmx when the writer has given up (never reported: the writer's error is).
Status Stopped() { return InternalError("import stopped"); }

// The reading side of an import: the XML reader thread and the preparing threads, filling a Pipeline
// from TU number `resume_from` on. The destructor stops and joins them.
class Reading {
 public:
  Reading(const Store& store, const std::string& path, const ImportOptions& options, int64_t resume_from)
      : teams_(Teams(options)), pipe_(std::max(kBatchesInFlight, Workers(options) + 2), teams_) {
    const size_t pipeline_batch = std::min(kPipelineBatch, static_cast<size_t>(options.batch_size));
    reader_ = std::thread([this, path, pipeline_batch, resume_from] {
      NiceThisThread();
      std::unique_ptr<Batch> batch = pipe_.Acquire();
      Status s = batch ? Status::Ok() : Stopped();
      int64_t tus_in_file = 0;
      if (s.ok()) {
        batch->raw.reserve(pipeline_batch);
        s = tmx::ReadTmx(
            path,
            [&](const tmx::TmxHeader& h) {
              srclang_ = h.srclang;  // read by the writer only after Join()
              return Status::Ok();
            },
            [&](TranslationUnit&& tu) {
              if (tus_in_file++ < resume_from) return Status::Ok();
              if (batch->size < batch->raw.size()) {
                std::swap(batch->raw[batch->size], tu);  // the spent TU goes back to be refilled
              } else {
                batch->raw.push_back(std::move(tu));
              }
              if (++batch->size < pipeline_batch) return Status::Ok();
              pipe_.Push(std::move(batch));
              batch = pipe_.Acquire();
              if (!batch) return Stopped();
              batch->raw.reserve(pipeline_batch);
              return Status::Ok();
            },
            tmx::TmxReadOptions());
      }
      if (batch) {
        if (s.ok() && batch->size != 0) {
          pipe_.Push(std::move(batch));
        } else {
          pipe_.Unacquire(std::move(batch));
        }
      }
      pipe_.Finish(std::move(s));
    });
    for (size_t team = 0; team < teams_.size(); ++team) {
      const std::vector<PreparePart>& roles = teams_[team];
      for (size_t role = 0; role < roles.size(); ++role) {
        preparers_.emplace_back([this, &store, team, role, part = roles[role]] {
          NiceThisThread();
          while (Batch* b = pipe_.TakeRaw(team, role)) {
            Prepare(store, part, *b);
            pipe_.Prepared(b);
          }
        });
      }
    }
  }
  ~Reading() {
    pipe_.Abort();
    Join();
  }
  Reading(const Reading&) = delete;
  Reading& operator=(const Reading&) = delete;

  Pipeline& pipe() { return pipe_; }
  // Waits for the threads (after the pipeline ran dry or was aborted).
  void Join() {
    if (reader_.joinable()) reader_.join();
    for (std::thread& t : preparers_) {
      if (t.joinable()) t.join();
    }
  }
  // The header's srclang (after Join()).
  const std::string& srclang() const { return srclang_; }

 private:
  // Threads tokenizing: the caller's choice, else one per core.
  static int Workers(const ImportOptions& options) {
    if (options.threads > 0) return options.threads;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }
  // The preparing threads work in pairs, one on the Arabic side of each batch and one on the rest (the
  // halves take about as long), so that each thread's chunk memo holds one language: a thread that
  // prepared whole TUs kept a memo of both, and two such threads learned every word twice. A thread
  // left over (one in all, or an odd one) prepares whole TUs of its own batches.
  static std::vector<std::vector<PreparePart>> Teams(const ImportOptions& options) {
    const int workers = Workers(options);
    std::vector<std::vector<PreparePart>> teams(static_cast<size_t>(workers / 2),
                                                {PreparePart::kArabic, PreparePart::kRest});
    if (workers % 2 == 1) teams.push_back({PreparePart::kAll});
    return teams;
  }
  const std::vector<std::vector<PreparePart>> teams_;  // before pipe_, which is sized by it
  Pipeline pipe_;
  std::string srclang_;
  std::thread reader_;
  std::vector<std::thread> preparers_;
};

}  // namespace

const char* OutcomeName(ImportResult::Outcome outcome) {
  switch (outcome) {
    case ImportResult::Outcome::kImported: return "imported";
    case ImportResult::Outcome::kResumed: return "resumed";
    case ImportResult::Outcome::kReplaced: return "replaced";
    case ImportResult::Outcome::kUnchanged: return "unchanged";
  }
  return "?";
}

StatusOr<FileHashes> HashFile(const std::string& path, bool with_legacy) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open the file (check the path)");
  std::vector<char> block(kHashBlock);
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
  if (!state || XXH3_64bits_reset(state.get()) != XXH_OK) return InternalError("cannot start a hash");
  uint64_t legacy = internal::Fnv1a64({});
  for (;;) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) {
      XXH3_64bits_update(state.get(), block.data(), static_cast<size_t>(got));
      if (with_legacy) legacy = internal::Fnv1a64(std::string_view(block.data(), static_cast<size_t>(got)), legacy);
    }
    if (!in) break;
  }
  if (in.bad()) return IoError(path + ": read error");
  FileHashes out;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, static_cast<uint64_t>(XXH3_64bits_digest(state.get())));
  out.current = std::string(kHashPrefix) + buf;
  if (with_legacy) {
    std::snprintf(buf, sizeof buf, "%016" PRIx64, legacy);
    out.legacy = buf;
  }
  return out;
}

bool IsLegacyFileHash(std::string_view content_hash) {
  return !content_hash.empty() && content_hash.substr(0, kHashPrefix.size()) != kHashPrefix;
}

StatusOr<ImportResult> ImportTmx(Store& store, const std::string& path, const ImportOptions& options) {
  if (path == "-") return InvalidArgumentError("tm import reads files, not stdin: save the TMX to a file first");
  if (options.batch_size < 1) return InvalidArgumentError("the import batch size must be at least 1");
  const Clock::time_point start = Clock::now();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return NotFoundError(path + ": no such file (check the path)");
  }
  const std::string name = std::filesystem::absolute(path, ec).lexically_normal().string();

  ImportResult result;
  result.file = path;

  // Decide: new, resume, replace or skip.
  StatusOr<std::optional<DocumentRecord>> existing = store.FindDocument(name);
  if (!existing.ok()) return existing.status();
  std::optional<DocumentRecord> doc = std::move(*existing);
  // TMX files imported by an older nazir are known by their FNV hash (IsLegacyFileHash): compare and
  // look for copies with that one too while the store holds any.
  StatusOr<int64_t> legacy_docs = store.db().QueryInt(
      "SELECT count(*) FROM (SELECT 1 FROM document WHERE kind = 'tmx' AND content_hash != '' AND "
      "substr(content_hash, 1, " + std::to_string(kHashPrefix.size()) + ") != '" + std::string(kHashPrefix) +
      "' LIMIT 1)");
  if (!legacy_docs.ok()) return legacy_docs.status();
  const bool with_legacy = *legacy_docs > 0;
  std::optional<FileHashes> hash;
  if (doc) {
    StatusOr<FileHashes> h = HashFile(path, with_legacy);
    if (!h.ok()) return h.status();
    hash = std::move(*h);
    const bool legacy = IsLegacyFileHash(doc->content_hash);
    if (doc->content_hash != (legacy ? hash->legacy : hash->current)) {
      NAZIR_RETURN_IF_ERROR(store.RemoveDocument(doc->id));
      doc.reset();
      result.outcome = ImportResult::Outcome::kReplaced;
    } else {
      if (legacy) {
        // The same bytes: from now on known by the current hash, so that the store stops needing the
        // older one once its files have been seen again.
        doc->content_hash = hash->current;
        NAZIR_RETURN_IF_ERROR(store.UpdateDocument(*doc));
      }
      if (doc->complete) {
        result.outcome = ImportResult::Outcome::kUnchanged;
        result.document_id = doc->id;
        result.tus_read = doc->tu_done;
        result.seconds = SecondsSince(start);
        return result;
      }
      result.outcome = ImportResult::Outcome::kResumed;
    }
  }
  // A copy of a fully imported file under another name is skipped.
  auto complete_copy = [&](const FileHashes& h) -> StatusOr<std::optional<DocumentRecord>> {
    for (const std::string* one : {&h.current, &h.legacy}) {
      if (one->empty()) continue;
      StatusOr<std::optional<DocumentRecord>> same = store.FindDocumentByHash(*one);
      if (!same.ok()) return same.status();
      if (*same && (*same)->complete && (*same)->kind == "tmx") return same;
    }
    return std::optional<DocumentRecord>();
  };
  auto unchanged_as = [&](const DocumentRecord& same) {
    ImportResult r;
    r.file = path;
    r.outcome = ImportResult::Outcome::kUnchanged;
    r.document_id = same.id;
    r.same_as = same.name;
    r.tus_read = same.tu_done;
    r.seconds = SecondsSince(start);
    return r;
  };
  // A path not in the store is read from its start whatever its hash: the hash only tells whether these
  // bytes are in under another name, which matters only at the first commit. So it is computed on a
  // thread of its own while the import starts (for a few hundred MB it takes as long as importing a
  // few thousand TUs), and the document row is added inside the first transaction, which the check
  // rolls back if the file turns out to be a copy.
  std::future<StatusOr<FileHashes>> hashing;
  if (!doc) {
    if (hash) {
      StatusOr<std::optional<DocumentRecord>> same = complete_copy(*hash);
      if (!same.ok()) return same.status();
      if (*same) return unchanged_as(**same);
    } else {
      hashing = std::async(std::launch::async, [path, with_legacy] { return HashFile(path, with_legacy); });
    }
    DocumentRecord d;
    d.name = name;
    d.kind = "tmx";
    d.content_hash = hash ? hash->current : std::string();
    d.ar_path = name;
    doc = std::move(d);  // id 0 until added
  }
  result.document_id = doc->id;
  const int64_t resume_from = doc->tu_done;
  result.resumed_from = resume_from;
  auto reading = std::make_unique<Reading>(store, path, options, resume_from);
  Pipeline& pipe = reading->pipe();

  TuProvenance from;
  from.document_id = doc->id;
  from.origin_file = name;
  int64_t done = resume_from;
  Status write_status;
  std::optional<DocumentRecord> copy_of;  // set when the hash says these bytes are in already
  std::optional<NoAutoCheckpoint> no_auto_checkpoint;
  no_auto_checkpoint.emplace(store.db());
  std::optional<Checkpointer> checkpointer;
  checkpointer.emplace(store.path());
  // Inside a transaction: the document row, added if new (its id is the TUs' provenance).
  auto add_document = [&]() -> Status {
    if (doc->id != 0) return Status::Ok();
    StatusOr<int64_t> id = store.AddDocument(*doc);
    if (!id.ok()) return id.status();
    doc->id = *id;
    from.document_id = *id;
    result.document_id = *id;
    return Status::Ok();
  };
  // Inside a transaction, before its commit: the file's hash into the document row, unless the file is
  // a copy (then copy_of is set, and the caller rolls back).
  auto settle_hash = [&]() -> Status {
    if (!hashing.valid()) return Status::Ok();
    StatusOr<FileHashes> h = hashing.get();
    if (!h.ok()) return h.status();
    StatusOr<std::optional<DocumentRecord>> same = complete_copy(*h);
    if (!same.ok()) return same.status();
    if (*same) {
      copy_of = std::move(*same);
      return Status::Ok();
    }
    doc->content_hash = h->current;
    return store.UpdateDocument(*doc);
  };
  // One transaction per options.batch_size TUs (spanning pipeline batches), with the resume point.
  std::unique_ptr<Transaction> txn;
  int64_t in_txn = 0;
  auto commit = [&]() -> Status {
    NAZIR_RETURN_IF_ERROR(settle_hash());
    if (copy_of) return Status::Ok();
    NAZIR_RETURN_IF_ERROR(store.UpdateDocumentProgress(doc->id, done, /*complete=*/false));
    NAZIR_RETURN_IF_ERROR(txn->Commit());
    txn.reset();
    in_txn = 0;
    checkpointer->Poke();
    if (checkpointer->WalIsLong()) checkpointer->WaitIdle();
    if (options.on_progress) {
      options.on_progress({path, done, result.inserted, result.folded, SecondsSince(start)});
    }
    return Status::Ok();
  };
  while (std::unique_ptr<Batch> b = pipe.TakeReady()) {
    for (size_t i = 0; i < b->size && write_status.ok() && !copy_of; ++i) {
      if (!txn) {
        StatusOr<std::unique_ptr<Transaction>> t = store.BeginTransaction();
        if (!t.ok()) {
          write_status = t.status();
          break;
        }
        txn = std::move(*t);
        write_status = add_document();
        if (!write_status.ok()) break;
      }
      if (b->ok[i]) {
        from.confidence = b->confidence[i];
        StatusOr<AddTuResult> added = store.AddPreparedTu(b->prepared[i], from);
        if (!added.ok()) {
          write_status = added.status().WithContext(path);
          break;
        }
        ++(added->inserted ? result.inserted : result.folded);
      } else {
        ++result.rejected;
      }
      ++done;
      if (++in_txn == options.batch_size) write_status = commit();
    }
    if (!write_status.ok() || copy_of) break;
    pipe.Release(std::move(b));
  }
  if (write_status.ok() && !copy_of && txn) write_status = commit();
  txn.reset();  // rolls back what an error (or a copy) left uncommitted
  if (!write_status.ok() || copy_of) pipe.Abort();
  reading->Join();
  checkpointer.reset();
  no_auto_checkpoint.reset();
  if (!write_status.ok()) return write_status;
  if (copy_of) return unchanged_as(*copy_of);
  NAZIR_RETURN_IF_ERROR(pipe.reader_status());

  // Complete: the header's srclang (export writes it back) and the final count, in one transaction (for a
  // file without TUs, also the document row).
  StatusOr<std::unique_ptr<Transaction>> last = store.BeginTransaction();
  if (!last.ok()) return last.status();
  NAZIR_RETURN_IF_ERROR(add_document());
  NAZIR_RETURN_IF_ERROR(settle_hash());
  if (copy_of) return unchanged_as(*copy_of);  // rolls `last` back
  doc->srclang = reading->srclang();
  doc->tu_done = done;
  doc->complete = true;
  NAZIR_RETURN_IF_ERROR(store.UpdateDocument(*doc));
  NAZIR_RETURN_IF_ERROR((*last)->Commit());
  result.tus_read = done;
  result.seconds = SecondsSince(start);
  return result;
}

}  // namespace nazir::store
