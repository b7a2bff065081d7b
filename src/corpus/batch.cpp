#include "nazir/corpus/batch.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "nazir/base/atomic_file.h"
#include "nazir/corpus/progress.h"
#include "nazir/text/script.h"
#include "nazir/text/segment.h"

namespace nazir::corpus {

namespace {

// Everything a worker hands to the writer for one document.
struct Slot {
  bool done = false;       // the worker is finished with this slot (for the current pass)
  bool skip = false;       // unchanged and complete in the store
  Status error;            // unreadable document
  std::string hash;
  std::unique_ptr<Document> ar, en;  // kept only between loading and writing
  align::PassResult first;           // corpus mode: the first pass, for the second
  Alignment alignment;
};

// What the store already holds, read once before the workers start (a Store is one connection and
// belongs to the writer's thread).
struct KnownDoc {
  int64_t id = 0;
  std::string hash;
  bool complete = false;
};

std::string Basename(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string JoinSentences(const Document& doc, const std::vector<int>& idx) {
  std::string out;
  for (int i : idx) {
    const std::string& t = doc.sentences[static_cast<size_t>(i)].text;
    if (t.empty()) continue;
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

// Reads and segments one side.
StatusOr<std::unique_ptr<Document>> LoadSide(const std::string& path, Lang lang, const std::string& doc_id,
                                             const BatchOptions& options, const text::Segmenter& segmenter,
                                             std::string* bytes_out) {
  auto text = text::ReadTextFile(path, options.encoding);
  if (!text.ok()) return text.status();
  NAZIR_RETURN_IF_ERROR(text::CheckLanguage(*text, lang, path));
  auto doc = std::make_unique<Document>();
  doc->id = doc_id;
  doc->lang = lang;
  doc->text = std::move(*text);
  doc->sentences = options.presegmented ? text::SplitLines(doc->text) : segmenter.Segment(doc->text);
  *bytes_out = doc->text;
  return doc;
}

// Writes one aligned document to the store in one transaction, replacing document `previous` (an older
// or half-written version of the same doc_id) when it is not 0. Returns the new document id; `added` gets the
// number of TUs stored.
StatusOr<int64_t> WriteDocument(store::Store& store, const DocPair& p, const std::string& hash, const Document& ar,
                                const Document& en, const Alignment& alignment, const BatchOptions& options,
                                int64_t previous, int64_t* added) {
  auto txn = store.BeginTransaction();
  if (!txn.ok()) return txn.status();
  if (previous != 0) NAZIR_RETURN_IF_ERROR(store.RemoveDocument(previous));
  store::DocumentRecord rec;
  rec.name = p.doc_id;
  rec.kind = "pair";
  rec.content_hash = hash;
  rec.ar_path = p.ar_path;
  rec.en_path = p.en_path;
  auto doc_id = store.AddDocument(rec);
  if (!doc_id.ok()) return doc_id.status();
  *added = 0;
  const std::string ar_name = Basename(p.ar_path), en_name = Basename(p.en_path);
  for (const Bead& b : alignment.beads) {
    if (!b.IsPair()) continue;
    std::string ar_text = JoinSentences(ar, b.ar), en_text = JoinSentences(en, b.en);
    if (ar_text.empty() || en_text.empty()) continue;
    TranslationUnit tu =
        tmx::MakePairTu(ar_text, en_text, options.tu_options, b.confidence, b.Shape(), ar_name, en_name);
    store::TuProvenance from;
    from.document_id = *doc_id;
    from.ar_sentences = b.ar;
    from.en_sentences = b.en;
    from.confidence = b.confidence;
    from.origin_file = p.ar_path;
    auto r = store.AddTu(tu, from);
    if (!r.ok()) return r.status().WithContext(p.doc_id);
    ++*added;
  }
  NAZIR_RETURN_IF_ERROR(store.UpdateDocumentProgress(*doc_id, *added, /*complete=*/true));
  if (!options.beads_dir.empty()) {
    const std::string path = (std::filesystem::path(options.beads_dir) / (p.doc_id + ".beads")).string();
    NAZIR_RETURN_IF_ERROR(WriteFileAtomically(path, FormatBeads(alignment)));
  }
  NAZIR_RETURN_IF_ERROR((*txn)->Commit());
  return *doc_id;
}

// The content hash of a document pair: both decoded texts, NUL-separated.
std::string PairHash(std::string_view ar_text, std::string_view en_text) {
  std::string both;
  both.reserve(ar_text.size() + 1 + en_text.size());
  both.append(ar_text).push_back('\0');
  both.append(en_text);
  return store::ContentHash(both);
}

// Runs `work(slot_index, thread_index)` over every slot on `threads` threads.
template <typename Fn>
void RunWorkers(size_t n, int threads, Fn work) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (size_t i = next++; i < n; i = next++) work(i, t);
    });
  }
  for (auto& th : pool) th.join();
}

class BatchRun {
 public:
  BatchRun(const std::vector<DocPair>& pairs, const align::Aligner& aligner, store::Store& store,
           const BatchOptions& options)
      : pairs_(pairs), aligner_(aligner), store_(store), options_(options), slots_(pairs.size()) {
    threads_ = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
    threads_ = std::max(1, std::min<int>(threads_, static_cast<int>(std::max<size_t>(1, pairs.size()))));
  }

  StatusOr<BatchReport> Run() {
    auto start = std::chrono::steady_clock::now();
    report_.docs_total = static_cast<int>(pairs_.size());
    NAZIR_RETURN_IF_ERROR(LoadKnownDocuments());
    NAZIR_RETURN_IF_ERROR(MakeSegmenters());

    if (options_.learn == LearnScope::kDocument) {
      NAZIR_RETURN_IF_ERROR(Pass("align", [&](size_t i, int t) { AlignAlone(i, t); }));
    } else {
      std::vector<align::Ibm1Trainer> trainers(static_cast<size_t>(threads_));
      // Pass 1 writes nothing: the writer only waits for it.
      NAZIR_RETURN_IF_ERROR(Pass("pass 1/2", [&](size_t i, int t) { FirstPass(i, t, &trainers[t]); },
                                 /*write=*/false));
      for (size_t t = 1; t < trainers.size(); ++t) trainers[0].Merge(trainers[t]);
      learned_ = trainers[0].Train();
      NAZIR_RETURN_IF_ERROR(Pass("pass 2/2", [&](size_t i, int t) { SecondPass(i, t); }));
    }
    for (size_t i = 0; i < slots_.size(); ++i) {
      auto it = known_.find(pairs_[i].doc_id);
      if (it != known_.end() && it->second.complete) report_.document_ids.push_back(it->second.id);
    }
    report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report_;
  }

 private:
  Status LoadKnownDocuments() {
    auto docs = store_.ListDocuments();
    if (!docs.ok()) return docs.status();
    for (const auto& d : *docs) known_[d.name] = KnownDoc{d.id, d.content_hash, d.complete};
    return Status::Ok();
  }

  Status MakeSegmenters() {
    for (int t = 0; t < threads_; ++t) {
      auto ar = text::Segmenter::Create(Lang::kAr);
      if (!ar.ok()) return ar.status();
      auto en = text::Segmenter::Create(Lang::kEn);
      if (!en.ok()) return en.status();
      ar_seg_.push_back(std::move(*ar));
      en_seg_.push_back(std::move(*en));
    }
    return Status::Ok();
  }

  // Loads slot i's documents (thread t). Returns false when the slot needs no more work (skip/error).
  bool Load(size_t i, int t) {
    Slot& s = slots_[i];
    const DocPair& p = pairs_[i];
    std::string ar_bytes, en_bytes;
    auto ar = LoadSide(p.ar_path, Lang::kAr, p.doc_id, options_, *ar_seg_[t], &ar_bytes);
    if (!ar.ok()) {
      s.error = ar.status();
      return false;
    }
    auto en = LoadSide(p.en_path, Lang::kEn, p.doc_id, options_, *en_seg_[t], &en_bytes);
    if (!en.ok()) {
      s.error = en.status();
      return false;
    }
    std::string hash = PairHash(ar_bytes, en_bytes);
    if (!s.hash.empty() && s.hash != hash) {
      s.error = InvalidInputError("changed while the batch was running: " + p.ar_path + " / " + p.en_path);
      return false;
    }
    s.hash = hash;
    auto it = known_.find(p.doc_id);
    if (it != known_.end() && it->second.complete && it->second.hash == hash) {
      s.skip = true;
      return false;
    }
    s.ar = std::move(*ar);
    s.en = std::move(*en);
    return true;
  }

  void AlignAlone(size_t i, int t) {
    if (!Load(i, t)) return;
    Slot& s = slots_[i];
    s.alignment = aligner_.Align(*s.ar, *s.en);
  }

  void FirstPass(size_t i, int t, align::Ibm1Trainer* trainer) {
    if (!Load(i, t)) return;
    Slot& s = slots_[i];
    s.first = aligner_.FirstPass(*s.ar, *s.en, trainer);
    s.ar.reset();  // re-read in pass 2: memory stays bounded by the pass results, not the corpus
    s.en.reset();
  }

  void SecondPass(size_t i, int t) {
    Slot& s = slots_[i];
    if (s.skip || !s.error.ok()) return;
    if (!Load(i, t)) return;
    s.alignment = aligner_.SecondPass(*s.ar, *s.en, learned_.empty() ? nullptr : &learned_, s.first);
    s.first = align::PassResult();
  }

  // Runs `work` over every slot on the workers while this thread writes finished slots in list order.
  template <typename Work>
  Status Pass(const char* label, Work work, bool write = true) {
    for (auto& s : slots_) s.done = false;
    Progress progress(label, static_cast<int64_t>(slots_.size()), options_.progress && isatty(STDERR_FILENO) != 0);
    std::thread workers([&] {
      RunWorkers(slots_.size(), threads_, [&](size_t i, int t) {
        work(i, t);
        int64_t pairs = 0;
        for (const auto& b : slots_[i].alignment.beads) pairs += b.IsPair() ? 1 : 0;
        progress.Advance(1, pairs);
        std::lock_guard<std::mutex> lock(mu_);
        slots_[i].done = true;
        cv_.notify_all();
      });
    });
    Status status;
    for (size_t i = 0; i < slots_.size(); ++i) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return slots_[i].done; });
      }
      if (!write || !status.ok()) continue;  // after a store failure, let the workers finish, write nothing
      status = Finish(i);
    }
    workers.join();
    progress.Finish();
    return status;
  }

  // Records slot i's outcome; writes its pairs to the store in one transaction.
  Status Finish(size_t i) {
    Slot& s = slots_[i];
    const DocPair& p = pairs_[i];
    if (!s.error.ok()) {
      ++report_.docs_failed;
      report_.failures.push_back(DocFailure{p.doc_id, s.error.message()});
      return Status::Ok();
    }
    if (s.skip) {
      ++report_.docs_skipped;
      return Status::Ok();
    }
    auto it = known_.find(p.doc_id);
    const int64_t previous = it != known_.end() ? it->second.id : 0;  // changed or half in
    int64_t added = 0;
    auto doc_id = WriteDocument(store_, p, s.hash, *s.ar, *s.en, s.alignment, options_, previous, &added);
    if (!doc_id.ok()) return doc_id.status();
    known_[p.doc_id] = KnownDoc{*doc_id, s.hash, true};
    ++report_.docs_aligned;
    report_.pairs += added;
    report_.ar_sentences += static_cast<int64_t>(s.ar->sentences.size());
    report_.en_sentences += static_cast<int64_t>(s.en->sentences.size());
    s.ar.reset();
    s.en.reset();
    s.alignment = Alignment();
    return Status::Ok();
  }

  const std::vector<DocPair>& pairs_;
  const align::Aligner& aligner_;
  store::Store& store_;
  const BatchOptions& options_;
  int threads_ = 1;
  std::vector<Slot> slots_;
  std::unordered_map<std::string, KnownDoc> known_;
  std::vector<std::unique_ptr<text::Segmenter>> ar_seg_, en_seg_;
  align::TranslationTable learned_;
  BatchReport report_;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace

std::string FormatBeads(const Alignment& alignment) {
  auto indices = [](const std::vector<int>& v) {
    std::string s = "[";
    for (size_t k = 0; k < v.size(); ++k) s += (k ? "," : "") + std::to_string(v[k]);
    return s + "]";
  };
  std::string out;
  for (const Bead& b : alignment.beads) {
    out += indices(b.ar) + ":" + indices(b.en);
    if (b.IsPair()) {
      char buf[16];
      std::snprintf(buf, sizeof(buf), ":%.2f", b.confidence);
      out += buf;
    }
    out += '\n';
  }
  return out;
}

StatusOr<BatchReport> AlignBatch(const std::vector<DocPair>& pairs, const align::Aligner& aligner,
                                 store::Store& store, const BatchOptions& options) {
  BatchRun run(pairs, aligner, store, options);
  return run.Run();
}

StatusOr<StoredDocument> StoreAlignedDocument(store::Store& store, const DocPair& pair, const Document& ar,
                                              const Document& en, const Alignment& alignment,
                                              const BatchOptions& options) {
  StoredDocument out;
  const std::string hash = PairHash(ar.text, en.text);
  auto known = store.FindDocument(pair.doc_id);
  if (!known.ok()) return known.status();
  int64_t previous = 0;
  if (*known) {
    if ((*known)->complete && (*known)->content_hash == hash) {
      out.document_id = (*known)->id;
      out.unchanged = true;
      return out;
    }
    previous = (*known)->id;
  }
  auto id = WriteDocument(store, pair, hash, ar, en, alignment, options, previous, &out.pairs);
  if (!id.ok()) return id.status();
  out.document_id = *id;
  return out;
}

Status ExportDocuments(store::Store& store, const std::vector<int64_t>& document_ids, const std::string& path,
                       const tmx::TmxWriterOptions& options, uint64_t* tus_written) {
  auto writer = tmx::TmxWriter::Open(path, options);
  if (!writer.ok()) return writer.status();
  std::unordered_set<int64_t> seen;
  for (int64_t doc : document_ids) {
    store::TuFilter filter;
    filter.document_id = doc;
    NAZIR_RETURN_IF_ERROR(store.ForEachTu(filter, [&](const store::StoredTu& t) -> Status {
      if (!seen.insert(t.id).second) return Status::Ok();
      return (*writer)->Write(t.tu);
    }));
  }
  if (tus_written) *tus_written = (*writer)->tus_written();
  return (*writer)->Close();
}

}  // namespace nazir::corpus
