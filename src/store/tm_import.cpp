#include "nazir/store/tm_import.h"

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "nazir/tmx/tmx_reader.h"
#include "nazir/tmx/tmx_writer.h"
#include "tu_keys.h"

namespace nazir::store {
namespace {

// Bytes read per block when hashing a file.
constexpr size_t kHashBlock = 1 << 20;
// Batches parsed or prepared ahead of the writer, per preparing thread: enough to keep every thread busy
// while bounding memory (a batch of 5000 news TUs is a few MB).
constexpr int kBatchesAheadPerThread = 2;

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

// One batch on its way from the reader to the writer.
struct Batch {
  int64_t seq = 0;
  std::vector<TranslationUnit> raw;
  std::vector<std::optional<PreparedTu>> prepared;  // nullopt: rejected (no tuv)
  std::vector<std::optional<double>> confidence;
};

// Reader thread -> preparing threads -> writer (the caller), in file order, with bounded look-ahead.
class Pipeline {
 public:
  explicit Pipeline(int max_ahead) : max_ahead_(max_ahead) {}

  // Reader: hands over a full batch; blocks while too many are ahead. False when the writer gave up.
  bool Push(std::vector<TranslationUnit> tus) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return aborted_ || ahead_ < max_ahead_; });
    if (aborted_) return false;
    Batch b;
    b.seq = pushed_++;
    b.raw = std::move(tus);
    raw_.push_back(std::move(b));
    ++ahead_;
    cv_.notify_all();
    return true;
  }

  // Reader: no more batches (status: how the read ended).
  void Finish(Status status) {
    std::lock_guard<std::mutex> lock(mu_);
    reader_done_ = true;
    reader_status_ = std::move(status);
    cv_.notify_all();
  }

  // Worker: the next batch to prepare, or nullopt when there will be none.
  std::optional<Batch> TakeRaw() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return aborted_ || !raw_.empty() || reader_done_; });
    if (aborted_ || raw_.empty()) return std::nullopt;
    Batch b = std::move(raw_.front());
    raw_.pop_front();
    return b;
  }

  void PutReady(Batch b) {
    std::lock_guard<std::mutex> lock(mu_);
    const int64_t seq = b.seq;
    ready_.emplace(seq, std::move(b));
    cv_.notify_all();
  }

  // Writer: the next batch in file order, or nullopt at the end (then reader_status() says how it ended).
  std::optional<Batch> TakeReady() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return aborted_ || ready_.count(next_) > 0 || (reader_done_ && next_ == pushed_); });
    auto it = ready_.find(next_);
    if (aborted_ || it == ready_.end()) return std::nullopt;
    Batch b = std::move(it->second);
    ready_.erase(it);
    ++next_;
    --ahead_;
    cv_.notify_all();
    return b;
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
  int ahead_ = 0;
  int64_t pushed_ = 0;
  int64_t next_ = 0;
  bool reader_done_ = false;
  bool aborted_ = false;
  Status reader_status_;
  std::deque<Batch> raw_;
  std::map<int64_t, Batch> ready_;
};

void Prepare(Batch& b) {
  b.prepared.resize(b.raw.size());
  b.confidence.resize(b.raw.size());
  for (size_t i = 0; i < b.raw.size(); ++i) {
    b.confidence[i] = PropConfidence(b.raw[i]);
    StatusOr<PreparedTu> p = PrepareTu(std::move(b.raw[i]));
    if (p.ok()) b.prepared[i] = std::move(*p);
  }
  b.raw.clear();
}

// The status that stops ReadTmx when the writer has given up (never reported: the writer's error is).
Status Stopped() { return InternalError("import stopped"); }

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

StatusOr<std::string> FileContentHash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open the file (check the path)");
  std::vector<char> block(kHashBlock);
  uint64_t h = internal::Fnv1a64({});
  for (;;) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) h = internal::Fnv1a64(std::string_view(block.data(), static_cast<size_t>(got)), h);
    if (!in) break;
  }
  if (in.bad()) return IoError(path + ": read error");
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
  return std::string(buf);
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
  StatusOr<std::string> hash = FileContentHash(path);
  if (!hash.ok()) return hash.status();

  ImportResult result;
  result.file = path;

  // Decide: new, resume, replace or skip.
  StatusOr<std::optional<DocumentRecord>> existing = store.FindDocument(name);
  if (!existing.ok()) return existing.status();
  std::optional<DocumentRecord> doc = std::move(*existing);
  if (doc && doc->content_hash != *hash) {
    NAZIR_RETURN_IF_ERROR(store.RemoveDocument(doc->id));
    doc.reset();
    result.outcome = ImportResult::Outcome::kReplaced;
  }
  if (doc && doc->complete) {
    result.outcome = ImportResult::Outcome::kUnchanged;
    result.document_id = doc->id;
    result.tus_read = doc->tu_done;
    result.seconds = SecondsSince(start);
    return result;
  }
  if (!doc) {
    StatusOr<std::optional<DocumentRecord>> same = store.FindDocumentByHash(*hash);
    if (!same.ok()) return same.status();
    if (*same && (*same)->complete && (*same)->kind == "tmx") {
      result.outcome = ImportResult::Outcome::kUnchanged;
      result.document_id = (*same)->id;
      result.same_as = (*same)->name;
      result.tus_read = (*same)->tu_done;
      result.seconds = SecondsSince(start);
      return result;
    }
    DocumentRecord d;
    d.name = name;
    d.kind = "tmx";
    d.content_hash = *hash;
    d.ar_path = name;
    StatusOr<int64_t> id = store.AddDocument(d);
    if (!id.ok()) return id.status();
    d.id = *id;
    doc = std::move(d);
  } else {
    result.outcome = ImportResult::Outcome::kResumed;
  }
  result.document_id = doc->id;
  const int64_t resume_from = doc->tu_done;
  result.resumed_from = resume_from;

  // Threads: the reader, `workers` preparing, this one writing.
  int workers = options.threads;
  if (workers <= 0) workers = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
  Pipeline pipe(kBatchesAheadPerThread * (workers + 1));
  std::string srclang;
  int64_t tus_in_file = 0;
  std::thread reader([&] {
    std::vector<TranslationUnit> batch;
    batch.reserve(static_cast<size_t>(options.batch_size));
    Status s = tmx::ReadTmx(
        path,
        [&](const tmx::TmxHeader& h) {
          srclang = h.srclang;  // read by the writer only after reader.join()
          return Status::Ok();
        },
        [&](TranslationUnit&& tu) {
          if (tus_in_file++ < resume_from) return Status::Ok();
          batch.push_back(std::move(tu));
          if (static_cast<int>(batch.size()) < options.batch_size) return Status::Ok();
          if (!pipe.Push(std::move(batch))) return Stopped();
          batch = {};
          batch.reserve(static_cast<size_t>(options.batch_size));
          return Status::Ok();
        },
        tmx::TmxReadOptions());
    if (s.ok() && !batch.empty() && !pipe.Push(std::move(batch))) s = Stopped();
    pipe.Finish(std::move(s));
  });
  std::vector<std::thread> preparers;
  for (int i = 0; i < workers; ++i) {
    preparers.emplace_back([&] {
      while (std::optional<Batch> b = pipe.TakeRaw()) {
        Prepare(*b);
        pipe.PutReady(std::move(*b));
      }
    });
  }
  auto join = [&] {
    reader.join();
    for (std::thread& t : preparers) t.join();
  };

  TuProvenance from;
  from.document_id = doc->id;
  from.origin_file = name;
  int64_t done = resume_from;
  Status write_status;
  while (std::optional<Batch> b = pipe.TakeReady()) {
    StatusOr<std::unique_ptr<Transaction>> txn = store.BeginTransaction();
    if (!txn.ok()) {
      write_status = txn.status();
      break;
    }
    for (size_t i = 0; i < b->prepared.size() && write_status.ok(); ++i) {
      if (!b->prepared[i]) {
        ++result.rejected;
        continue;
      }
      from.confidence = b->confidence[i];
      StatusOr<AddTuResult> added = store.AddPreparedTu(*b->prepared[i], from);
      if (!added.ok()) {
        write_status = added.status().WithContext(path);
        break;
      }
      ++(added->inserted ? result.inserted : result.folded);
    }
    if (!write_status.ok()) break;
    done += static_cast<int64_t>(b->prepared.size());
    write_status = store.UpdateDocumentProgress(doc->id, done, /*complete=*/false);
    if (write_status.ok()) write_status = (*txn)->Commit();
    if (!write_status.ok()) break;
    if (options.on_progress) {
      options.on_progress({path, done, result.inserted, result.folded, SecondsSince(start)});
    }
  }
  if (!write_status.ok()) pipe.Abort();
  join();
  if (!write_status.ok()) return write_status;
  NAZIR_RETURN_IF_ERROR(pipe.reader_status());

  // Complete: the header's srclang (export writes it back) and the final count, in one transaction.
  StatusOr<std::unique_ptr<Transaction>> txn = store.BeginTransaction();
  if (!txn.ok()) return txn.status();
  doc->srclang = srclang;
  doc->tu_done = done;
  doc->complete = true;
  NAZIR_RETURN_IF_ERROR(store.UpdateDocument(*doc));
  NAZIR_RETURN_IF_ERROR((*txn)->Commit());
  result.tus_read = done;
  result.seconds = SecondsSince(start);
  return result;
}

}  // namespace nazir::store
