#include "posting_index.h"

#include <algorithm>
#include <memory>

#include "tu_keys.h"

namespace nazir::store::internal {

namespace {

// The reader's statements (PostingReader::Sql() lists them for ExplainSearch).
constexpr char kSegmentsSql[] = "SELECT seg, level FROM tu_index_seg ORDER BY seg";
constexpr char kFindBlockSql[] =
    "SELECT first_term, data FROM tu_index_block WHERE side = ?1 AND seg = ?2 AND first_term <= ?3 "
    "ORDER BY first_term DESC LIMIT 1";
constexpr char kBlocksFromSql[] =
    "SELECT first_term, data FROM tu_index_block WHERE side = ?1 AND seg = ?2 AND first_term >= ?3 "
    "ORDER BY first_term";

// A block row's bytes (its data and first term) stay within this: a probe reads one block, so small
// blocks make probes cheap, large ones make fewer rows; and SQLite keeps a row of a WITHOUT ROWID table
// whole in its 16 KB page only up to 4,086 bytes of payload ((16384 - 12) * 64 / 255 - 23; the rest of
// a longer one goes to an overflow page of its own). Blocks closed at 4,000 bytes or more overflowed
// one time in five and filled pages to 57% (the 400k-TU benchmark: 65 MB of pages for 37 MB of blocks).
// (Stores made before 16 KB pages keep their 4 KB ones, where every block spills: correct, bigger.)
constexpr size_t kBlockBytes = 4060;

// A term's ids longer than this (about 700 TUs) are kept in a row of their own (tu_index_long), so
// that a block stays small and a document frequency never reads a frequent word's whole posting list.
constexpr size_t kInlineIdBytes = 1024;

// Segments of one level merged into one of the next (tiered merging): lookups probe at most
// kFanout - 1 segments per level.
constexpr int kFanout = 8;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads a varint at *p (< end); false on a truncated one.
bool GetVarint(const char** p, const char* end, uint64_t* v) {
  uint64_t r = 0;
  int shift = 0;
  while (*p < end && shift < 64) {
    const auto b = static_cast<unsigned char>(*(*p)++);
    r |= static_cast<uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) {
      *v = r;
      return true;
    }
    shift += 7;
  }
  return false;
}

Status Corrupt() { return InternalError("the TM word index is damaged (rebuild it with `nazir tm reindex`)"); }

// One entry of a block.
struct BlockEntry {
  std::string_view term;
  uint64_t n = 0;
  std::string_view ids;  // varints: first id, then gaps; empty when they are long (tu_index_long)
  bool long_ids() const { return ids.empty(); }  // n > 0 always
};

// Iterates the entries of a block.
class BlockReader {
 public:
  explicit BlockReader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}
  // The next entry; false at the end. Sets *bad on a damaged block.
  bool Next(BlockEntry* e, bool* bad) {
    if (p_ >= end_) return false;
    uint64_t len = 0, bytes = 0;
    if (!GetVarint(&p_, end_, &len) || len > static_cast<uint64_t>(end_ - p_)) return Fail(bad);
    e->term = std::string_view(p_, len);
    p_ += len;
    if (!GetVarint(&p_, end_, &e->n) || !GetVarint(&p_, end_, &bytes) ||
        bytes > static_cast<uint64_t>(end_ - p_)) {
      return Fail(bad);
    }
    e->ids = std::string_view(p_, bytes);
    p_ += bytes;
    return true;
  }

 private:
  bool Fail(bool* bad) {
    *bad = true;
    p_ = end_;
    return false;
  }
  const char* p_;
  const char* end_;
};

// Appends the ids of an entry to `out`; false when damaged.
bool DecodeIds(std::string_view ids, std::vector<int64_t>* out) {
  const char* p = ids.data();
  const char* end = p + ids.size();
  uint64_t last = 0;
  bool first = true;
  while (p < end) {
    uint64_t v = 0;
    if (!GetVarint(&p, end, &v)) return false;
    last = first ? v : last + v;
    first = false;
    out->push_back(static_cast<int64_t>(last));
  }
  return true;
}

// Builds one entry's id bytes from ascending ids.
class IdEncoder {
 public:
  void Add(int64_t id) {
    PutVarint(n_ == 0 ? static_cast<uint64_t>(id) : static_cast<uint64_t>(id - last_), &bytes_);
    last_ = id;
    ++n_;
  }
  // Appends the ids of another encoding (first id, then gaps) whose ids are all larger than the ones in
  // already: its gaps are copied as they are, only its first id is re-encoded. False when `ids` is
  // damaged or does not hold `n` ids.
  bool AppendEncoded(std::string_view ids, uint64_t n) {
    const char* p = ids.data();
    const char* end = p + ids.size();
    uint64_t first = 0;
    if (n == 0 || !GetVarint(&p, end, &first)) return false;
    const char* gaps = p;
    uint64_t last = first, count = 1;
    while (p < end) {
      uint64_t gap = 0;
      if (!GetVarint(&p, end, &gap)) return false;
      last += gap;
      ++count;
    }
    if (count != n || (n_ > 0 && static_cast<int64_t>(first) <= last_)) return false;
    PutVarint(n_ == 0 ? first : first - static_cast<uint64_t>(last_), &bytes_);
    bytes_.append(gaps, static_cast<size_t>(end - gaps));
    last_ = static_cast<int64_t>(last);
    n_ += n;
    return true;
  }
  uint64_t n() const { return n_; }
  const std::string& bytes() const { return bytes_; }
  void Clear() {
    bytes_.clear();
    n_ = 0;
    last_ = 0;
  }

 private:
  std::string bytes_;
  uint64_t n_ = 0;
  int64_t last_ = 0;
};

void AppendEntry(std::string_view term, uint64_t n, std::string_view ids, std::string* out) {
  PutVarint(term.size(), out);
  out->append(term);
  PutVarint(n, out);
  PutVarint(ids.size(), out);
  out->append(ids);
}

// The encoded ids of `e`, an entry of segment `seg` of `side`: its own bytes, or its tu_index_long row's
// (read into *scratch).
StatusOr<std::string_view> EntryIdBytes(Database& db, int side, int64_t seg, const BlockEntry& e, std::string* scratch) {
  if (!e.long_ids()) return e.ids;
  StatusOr<Statement*> st = db.Cached("SELECT ids FROM tu_index_long WHERE side = ?1 AND seg = ?2 AND term = ?3");
  if (!st.ok()) return st.status();
  (*st)->Bind(1, side).Bind(2, seg).Bind(3, e.term);
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (*row) scratch->assign((*st)->ColumnBlob(0));
  (*st)->Reset();
  if (!*row) return Corrupt();
  return std::string_view(*scratch);
}

// The ids of `e`, an entry of segment `seg` of `side`, appended to `out` (ascending).
Status EntryIds(Database& db, int side, int64_t seg, const BlockEntry& e, std::vector<int64_t>* out) {
  std::string scratch;
  StatusOr<std::string_view> bytes = EntryIdBytes(db, side, seg, e, &scratch);
  if (!bytes.ok()) return bytes.status();
  return DecodeIds(*bytes, out) ? Status::Ok() : Corrupt();
}

// Stores a term's long ids (see kInlineIdBytes) for segment `seg` of `side`.
Status PutLongIds(Database& db, int side, int64_t seg, std::string_view term, std::string_view ids) {
  StatusOr<Statement*> ins = db.Cached("INSERT INTO tu_index_long(side, seg, term, ids) VALUES(?1, ?2, ?3, ?4)");
  if (!ins.ok()) return ins.status();
  (*ins)->Bind(1, side).Bind(2, seg).BindTextRef(3, term);
  (*ins)->BindBlobRef(4, ids);
  return (*ins)->Run();
}

// Stores one block of segment `seg` of `side`.
Status PutBlock(Database& db, int side, int64_t seg, std::string_view first_term, std::string_view data) {
  StatusOr<Statement*> ins = db.Cached("INSERT INTO tu_index_block(side, seg, first_term, data) VALUES(?1, ?2, ?3, ?4)");
  if (!ins.ok()) return ins.status();
  (*ins)->Bind(1, side).Bind(2, seg).BindTextRef(3, first_term);
  (*ins)->BindBlobRef(4, data);
  return (*ins)->Run();
}

// The block of segment `seg` of `side` that would hold `term` (the last whose first term is <= it): its
// first term and data, each when asked for. False when there is none.
StatusOr<bool> FindBlock(Database& db, int side, int64_t seg, std::string_view term, std::string* first,
                         std::string* data) {
  StatusOr<Statement*> st = db.Cached(kFindBlockSql);
  if (!st.ok()) return st.status();
  (*st)->Bind(1, side).Bind(2, seg).Bind(3, term);
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (*row && first != nullptr) first->assign((*st)->ColumnText(0));
  if (*row && data != nullptr) data->assign((*st)->ColumnBlob(1));
  (*st)->Reset();
  return *row;
}

// A segment of the index and its merge level.
struct Segment {
  int64_t seg;
  int64_t level;
};

// Every segment, oldest first.
StatusOr<std::vector<Segment>> ListSegments(Database& db) {
  StatusOr<Statement*> st = db.Cached(kSegmentsSql);
  if (!st.ok()) return st.status();
  std::vector<Segment> out;
  for (;;) {
    StatusOr<bool> row = (*st)->Step();
    if (!row.ok()) {
      (*st)->Reset();
      return row.status();
    }
    if (!*row) break;
    out.push_back(Segment{(*st)->ColumnInt(0), (*st)->ColumnInt(1)});
  }
  (*st)->Reset();
  return out;
}

// Calls fn(seg, entry) with `term`'s entry in each segment of `segs` that holds it, oldest first;
// `block` is scratch space.
template <typename Fn>
Status ForEachTermEntry(Database& db, const std::vector<int64_t>& segs, int side, std::string_view term,
                        std::string* block, Fn fn) {
  for (int64_t seg : segs) {
    StatusOr<bool> found = FindBlock(db, side, seg, term, nullptr, block);
    if (!found.ok()) return found.status();
    if (!*found) continue;
    BlockReader r(*block);
    BlockEntry e;
    bool bad = false;
    while (r.Next(&e, &bad)) {
      if (e.term == term) NAZIR_RETURN_IF_ERROR(fn(seg, e));
      if (e.term >= term) break;
    }
    if (bad) return Corrupt();
  }
  return Status::Ok();
}

// Cuts a term-ordered stream of entries into blocks and inserts them as rows of (side, seg); ids longer
// than kInlineIdBytes go to a row of tu_index_long.
class BlockWriter {
 public:
  BlockWriter(Database& db, int side, int64_t seg) : db_(db), side_(side), seg_(seg) {}

  Status Add(std::string_view term, uint64_t n, std::string_view ids) {
    if (ids.size() > kInlineIdBytes) {
      NAZIR_RETURN_IF_ERROR(PutLongIds(db_, side_, seg_, term, ids));
      ids = std::string_view();
    }
    // An entry that would take the block past kBlockBytes starts the next one.
    const size_t entry = term.size() + ids.size() + 3 * 10;
    if (!data_.empty() && first_.size() + data_.size() + entry > kBlockBytes) NAZIR_RETURN_IF_ERROR(Close());
    if (data_.empty()) first_.assign(term);
    AppendEntry(term, n, ids, &data_);
    return Status::Ok();
  }

  Status Close() {
    if (data_.empty()) return Status::Ok();
    NAZIR_RETURN_IF_ERROR(PutBlock(db_, side_, seg_, first_, data_));
    data_.clear();
    return Status::Ok();
  }

 private:
  Database& db_;
  int side_;
  int64_t seg_;
  std::string first_;
  std::string data_;
};

uint64_t TermHash(std::string_view term, int side) {
  return Fnv1a64(term, 0xcbf29ce484222325ULL ^ (static_cast<uint64_t>(side) * 0x9e3779b97f4a7c15ULL));
}

StatusOr<int64_t> NextSegment(Database& db) {
  StatusOr<int64_t> max = db.QueryInt("SELECT coalesce(max(seg), 0) FROM tu_index_seg");
  if (!max.ok()) return max.status();
  return *max + 1;
}

Status AddSegment(Database& db, int64_t seg, int64_t level) {
  StatusOr<Statement*> st = db.Cached("INSERT INTO tu_index_seg(seg, level) VALUES(?1, ?2)");
  if (!st.ok()) return st.status();
  return (*st)->Bind(1, seg).Bind(2, level).Run();
}

Status DropSegment(Database& db, int64_t seg) {
  for (const char* sql : {"DELETE FROM tu_index_block WHERE side = 0 AND seg = ?1",
                          "DELETE FROM tu_index_block WHERE side = 1 AND seg = ?1",
                          "DELETE FROM tu_index_long WHERE side = 0 AND seg = ?1",
                          "DELETE FROM tu_index_long WHERE side = 1 AND seg = ?1",
                          "DELETE FROM tu_index_seg WHERE seg = ?1"}) {
    StatusOr<Statement*> st = db.Cached(sql);
    if (!st.ok()) return st.status();
    NAZIR_RETURN_IF_ERROR((*st)->Bind(1, seg).Run());
  }
  return Status::Ok();
}

// Reads one segment's entries of one side in term order, block by block.
class SegmentCursor {
 public:
  static StatusOr<std::unique_ptr<SegmentCursor>> Open(Database& db, int side, int64_t seg) {
    StatusOr<Statement> st = db.Prepare("SELECT data FROM tu_index_block WHERE side = ?1 AND seg = ?2 ORDER BY first_term");
    if (!st.ok()) return st.status();
    auto c = std::unique_ptr<SegmentCursor>(new SegmentCursor(std::move(*st)));
    c->side_ = side;
    c->seg_ = seg;
    c->st_.Bind(1, side).Bind(2, seg);
    NAZIR_RETURN_IF_ERROR(c->Advance());
    return c;
  }
  bool done() const { return done_; }
  const BlockEntry& entry() const { return entry_; }
  int side() const { return side_; }
  int64_t seg() const { return seg_; }
  // Moves to the next entry.
  Status Advance() {
    for (;;) {
      bool bad = false;
      if (reader_ && reader_->Next(&entry_, &bad)) return Status::Ok();
      if (bad) return Corrupt();
      StatusOr<bool> row = st_.Step();
      if (!row.ok()) return row.status();
      if (!*row) {
        done_ = true;
        return Status::Ok();
      }
      block_.assign(st_.ColumnBlob(0));
      reader_ = std::make_unique<BlockReader>(block_);
    }
  }

 private:
  explicit SegmentCursor(Statement st) : st_(std::move(st)) {}
  Statement st_;
  int side_ = 0;
  int64_t seg_ = 0;
  std::string block_;
  std::unique_ptr<BlockReader> reader_;
  BlockEntry entry_;
  bool done_ = false;
};

// Merges segments `segs` (oldest first) into a new segment at `level`.
Status MergeSegments(Database& db, const std::vector<int64_t>& segs, int64_t level) {
  StatusOr<int64_t> out_seg = NextSegment(db);
  if (!out_seg.ok()) return out_seg.status();
  std::string scratch;
  IdEncoder enc;
  for (int side = 0; side < 2; ++side) {
    std::vector<std::unique_ptr<SegmentCursor>> cursors;
    for (int64_t s : segs) {
      StatusOr<std::unique_ptr<SegmentCursor>> c = SegmentCursor::Open(db, side, s);
      if (!c.ok()) return c.status();
      cursors.push_back(std::move(*c));
    }
    BlockWriter out(db, side, *out_seg);
    std::string term;
    for (;;) {
      // The smallest current term; its entries in segment order (ascending ids), spliced.
      const SegmentCursor* least = nullptr;
      for (const auto& c : cursors) {
        if (!c->done() && (least == nullptr || c->entry().term < least->entry().term)) least = c.get();
      }
      if (least == nullptr) break;
      term.assign(least->entry().term);
      enc.Clear();
      for (auto& c : cursors) {
        if (c->done() || c->entry().term != term) continue;
        StatusOr<std::string_view> bytes = EntryIdBytes(db, c->side(), c->seg(), c->entry(), &scratch);
        if (!bytes.ok()) return bytes.status();
        if (!enc.AppendEncoded(*bytes, c->entry().n)) return Corrupt();
        NAZIR_RETURN_IF_ERROR(c->Advance());
      }
      NAZIR_RETURN_IF_ERROR(out.Add(term, enc.n(), enc.bytes()));
    }
    NAZIR_RETURN_IF_ERROR(out.Close());
  }
  for (int64_t s : segs) NAZIR_RETURN_IF_ERROR(DropSegment(db, s));
  return AddSegment(db, *out_seg, level);
}

// Merges full levels, lowest first (see kFanout).
Status MergeFullLevels(Database& db) {
  for (int64_t level = 0;; ++level) {
    StatusOr<std::vector<Segment>> all = ListSegments(db);
    if (!all.ok()) return all.status();
    std::vector<int64_t> segs;
    for (const Segment& g : *all) {
      if (g.level == level) segs.push_back(g.seg);
    }
    if (static_cast<int>(segs.size()) < kFanout) return Status::Ok();
    NAZIR_RETURN_IF_ERROR(MergeSegments(db, segs, level + 1));
  }
}

}  // namespace

void PostingWriter::Add(int64_t id, IndexSide side, std::string_view terms) {
  const int s = static_cast<int>(side);
  ForEachKey(terms, [&](std::string_view term) {
    uint32_t ref = terms_.Intern(term);
    if (ref == TermDictionary::kNone) ref = kOverflow | overflow_.Intern(term);
    refs_[s].push_back(ref);
    ids_[s].push_back(id);
  });
}

void PostingWriter::AddNumbered(int64_t id, IndexSide side, const std::vector<uint32_t>& term_ids,
                                std::string_view other_terms) {
  const int s = static_cast<int>(side);
  refs_[s].insert(refs_[s].end(), term_ids.begin(), term_ids.end());
  ids_[s].insert(ids_[s].end(), term_ids.size(), id);
  if (!other_terms.empty()) Add(id, side, other_terms);
}

void PostingWriter::Discard() {
  for (int s = 0; s < 2; ++s) {
    refs_[s].clear();
    ids_[s].clear();
  }
  ZeroCounts();
  overflow_.Clear();
}

void PostingWriter::ZeroCounts() {
  if (!counts_dirty_) return;  // a flush leaves them zero
  for (int s = 0; s < 2; ++s) {
    std::fill(count_[s].begin(), count_[s].end(), 0);
    std::fill(overflow_count_[s].begin(), overflow_count_[s].end(), 0);
  }
  counts_dirty_ = false;
}

namespace {

// Bytes [from, from + bytes) of `t` (at most 8), big-endian, zero-padded.
uint64_t PrefixOf(std::string_view t, size_t from, size_t bytes) {
  uint64_t prefix = 0;
  for (size_t i = from; i < from + bytes; ++i) {
    prefix = prefix << 8 | (i < t.size() ? static_cast<unsigned char>(t[i]) : 0u);
  }
  return prefix;
}

}  // namespace

PostingWriter::Keyed PostingWriter::KeyOf(std::string_view t, uint32_t ref) {
  return Keyed{PrefixOf(t, 0, 8), static_cast<uint32_t>(PrefixOf(t, 8, 4)), ref};
}

void PostingWriter::OrderTerms(uint32_t n) {
  auto by_text = [&](const Keyed& a, const Keyed& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (a.prefix2 != b.prefix2) return a.prefix2 < b.prefix2;
    return Text(a.ref) < Text(b.ref);
  };
  // Few terms (a document's): sort them. Many (an import's commit: a good part of the dictionary): pick
  // them out of the byte-ordered list of every numbered term, one pass over it for both sides, instead
  // of comparing strings -- the sort was a third of the flush's time on the 400k-TU benchmark. The pass
  // costs about what sorting a sixteenth of the dictionary's terms does (a sort makes log2(k) string
  // comparisons per term, the pass one step per dictionary term).
  constexpr size_t kWalkFraction = 16;
  bool walk[2];
  for (int s = 0; s < 2; ++s) {
    size_t numbered = 0;
    for (const Keyed& k : order_[s]) numbered += (k.ref & kOverflow) ? 0 : 1;
    walk[s] = numbered > 0 && numbered * kWalkFraction >= n;
    if (!walk[s]) {
      for (Keyed& k : order_[s]) k = KeyOf(Text(k.ref), k.ref);
      std::sort(order_[s].begin(), order_[s].end(), by_text);
    }
  }
  if (!walk[0] && !walk[1]) return;
  if (known_upto_ < n) {  // bring the list up to date: the terms numbered since, sorted, merged in
    fresh_.clear();
    for (uint32_t id = known_upto_; id < n; ++id) fresh_.push_back(KeyOf(terms_.Term(id), id));
    std::sort(fresh_.begin(), fresh_.end(), by_text);
    merged_.resize(known_.size() + fresh_.size());
    std::merge(known_.begin(), known_.end(), fresh_.begin(), fresh_.end(), merged_.begin(), by_text);
    known_.swap(merged_);
    known_upto_ = n;
  }
  BigVector<Keyed> overflow[2];  // the overflow terms (normally none), sorted apart
  for (int s = 0; s < 2; ++s) {
    if (!walk[s]) continue;
    for (const Keyed& k : order_[s]) {
      if (k.ref & kOverflow) overflow[s].push_back(KeyOf(Text(k.ref), k.ref));
    }
    std::sort(overflow[s].begin(), overflow[s].end(), by_text);
    order_[s].clear();
  }
  const uint32_t* c0 = walk[0] ? count_[0].data() : nullptr;
  const uint32_t* c1 = walk[1] ? count_[1].data() : nullptr;
  constexpr size_t kAhead = 32;  // the counters are read in term order, i.e. anywhere: fetched ahead
  for (size_t j = 0; j < known_.size(); ++j) {
    if (j + kAhead < known_.size()) {
      const uint32_t ahead = known_[j + kAhead].ref;
      if (c0 != nullptr) __builtin_prefetch(c0 + ahead);
      if (c1 != nullptr) __builtin_prefetch(c1 + ahead);
    }
    const Keyed& k = known_[j];
    if (c0 != nullptr && c0[k.ref] != 0) order_[0].push_back(k);
    if (c1 != nullptr && c1[k.ref] != 0) order_[1].push_back(k);
  }
  for (int s = 0; s < 2; ++s) {
    if (overflow[s].empty()) continue;
    merged_.resize(order_[s].size() + overflow[s].size());
    std::merge(order_[s].begin(), order_[s].end(), overflow[s].begin(), overflow[s].end(), merged_.begin(), by_text);
    order_[s].swap(merged_);
  }
}

Status PostingWriter::FlushSide(Database& db, int side, int64_t seg) {
  const auto& refs = refs_[side];
  const auto& ids = ids_[side];
  if (refs.empty()) return Status::Ok();
  // Each term's ids gathered in a run of sorted_, in term order (ascending within, as added): the counts
  // become where each run starts, then (as the ids go in) where it ends.
  uint32_t at = 0;
  for (const Keyed& k : order_[side]) {
    uint32_t& c = Count(side, k.ref);
    const uint32_t n = c;
    c = at;
    at += n;
  }
  sorted_.resize(ids.size());
  for (size_t k = 0; k < ids.size(); ++k) sorted_[Count(side, refs[k])++] = ids[k];

  IdEncoder enc;
  BlockWriter out(db, side, seg);
  uint32_t from = 0;
  const auto& order = order_[side];
  for (size_t j = 0; j < order.size(); ++j) {
    const Keyed& k = order[j];
    // The terms come in byte order, their numbers and texts lie anywhere: fetch ahead what the next
    // ones will read (a counter and a directory entry, then the text the entry points to).
    if (j + 16 < order.size() && !(order[j + 16].ref & kOverflow)) {
      __builtin_prefetch(&Count(side, order[j + 16].ref));
      terms_.PrefetchEntry(order[j + 16].ref);
    }
    if (j + 8 < order.size() && !(order[j + 8].ref & kOverflow)) terms_.PrefetchText(order[j + 8].ref);
    uint32_t& end = Count(side, k.ref);
    enc.Clear();
    for (uint32_t i = from; i < end; ++i) enc.Add(sorted_[i]);
    from = end;
    end = 0;  // zero again for the next flush
    NAZIR_RETURN_IF_ERROR(out.Add(Text(k.ref), enc.n(), enc.bytes()));
  }
  return out.Close();
}

Status PostingWriter::Flush(Database& db) {
  if (pending() == 0) return Status::Ok();
  StatusOr<int64_t> seg = NextSegment(db);
  if (!seg.ok()) return seg.status();
  // Terms numbered so far (the preparing threads may be numbering more meanwhile): every ref buffered is
  // one of them. Each side's distinct terms, counted, then put in byte order.
  const uint32_t n = terms_.size();
  ZeroCounts();
  counts_dirty_ = true;  // until both sides are written (each zeroes its counters as it goes)
  for (int s = 0; s < 2; ++s) {
    if (count_[s].size() < n) count_[s].resize(n, 0);
    if (overflow_count_[s].size() < overflow_.size()) overflow_count_[s].resize(overflow_.size(), 0);
    order_[s].clear();
    for (uint32_t ref : refs_[s]) {
      if (Count(s, ref)++ == 0) order_[s].push_back(Keyed{0, 0, ref});
    }
  }
  OrderTerms(n);
  for (int side = 0; side < 2; ++side) NAZIR_RETURN_IF_ERROR(FlushSide(db, side, *seg));
  counts_dirty_ = false;
  NAZIR_RETURN_IF_ERROR(AddSegment(db, *seg, 0));
  Discard();
  return MergeFullLevels(db);
}

// ---- Reading ----------------------------------------------------------------------------------------------

std::vector<std::string> PostingReader::Sql() { return {kSegmentsSql, kFindBlockSql, kBlocksFromSql}; }

Status PostingReader::LoadSegments() {
  if (loaded_) return Status::Ok();
  StatusOr<std::vector<Segment>> all = ListSegments(db_);
  if (!all.ok()) return all.status();
  for (const Segment& g : *all) segments_.push_back(g.seg);
  loaded_ = true;
  return Status::Ok();
}

StatusOr<int64_t> PostingReader::DocFreq(IndexSide side, std::string_view term) {
  NAZIR_RETURN_IF_ERROR(LoadSegments());
  int64_t df = 0;
  NAZIR_RETURN_IF_ERROR(ForEachTermEntry(db_, segments_, static_cast<int>(side), term, &block_,
                                         [&](int64_t, const BlockEntry& e) {
                                           df += static_cast<int64_t>(e.n);
                                           return Status::Ok();
                                         }));
  return df;
}

Status PostingReader::Postings(IndexSide side, std::string_view term, std::vector<int64_t>* ids) {
  NAZIR_RETURN_IF_ERROR(LoadSegments());
  const size_t start = ids->size();
  const int s = static_cast<int>(side);
  NAZIR_RETURN_IF_ERROR(ForEachTermEntry(db_, segments_, s, term, &block_, [&](int64_t seg, const BlockEntry& e) {
    return EntryIds(db_, s, seg, e, ids);
  }));
  // Newer segments hold larger ids (posting_index.h), so this is already sorted; kept cheap and sure.
  if (!std::is_sorted(ids->begin() + static_cast<std::ptrdiff_t>(start), ids->end())) {
    std::sort(ids->begin() + static_cast<std::ptrdiff_t>(start), ids->end());
  }
  return Status::Ok();
}

Status PostingReader::PrefixPostings(IndexSide side, std::string_view prefix, std::vector<int64_t>* ids) {
  NAZIR_RETURN_IF_ERROR(LoadSegments());
  StatusOr<Statement*> blocks = db_.Cached(kBlocksFromSql);
  if (!blocks.ok()) return blocks.status();
  std::string start;
  for (int64_t seg : segments_) {
    // Start at the block that would hold the prefix itself (the last one whose first term is <= it).
    StatusOr<bool> found = FindBlock(db_, static_cast<int>(side), seg, prefix, &start, nullptr);
    if (!found.ok()) return found.status();
    if (!*found) start.assign(prefix);
    (*blocks)->Bind(1, static_cast<int>(side)).Bind(2, seg).Bind(3, start);
    bool past = false;
    while (!past) {
      StatusOr<bool> b = (*blocks)->Step();
      if (!b.ok()) return b.status();
      if (!*b) break;
      BlockReader r((*blocks)->ColumnBlob(1));
      BlockEntry e;
      bool bad = false;
      while (r.Next(&e, &bad)) {
        if (e.term.substr(0, prefix.size()) == prefix) {
          NAZIR_RETURN_IF_ERROR(EntryIds(db_, static_cast<int>(side), seg, e, ids));
        } else if (e.term > prefix) {
          past = true;
          break;
        }
      }
      if (bad) return Corrupt();
    }
    (*blocks)->Reset();
  }
  return Status::Ok();
}

// ---- Maintenance ------------------------------------------------------------------------------------------

Status RemoveFromIndex(Database& db, int64_t id, IndexSide side, std::string_view terms) {
  if (terms.empty()) return Status::Ok();
  StatusOr<std::vector<Segment>> segs = ListSegments(db);
  if (!segs.ok()) return segs.status();
  const int s = static_cast<int>(side);
  std::vector<int64_t> ids;
  IdEncoder enc;
  std::string first, data;
  for (std::string_view term : SplitKeys(terms)) {
    for (const Segment& g : *segs) {
      const int64_t seg = g.seg;
      StatusOr<bool> found = FindBlock(db, s, seg, term, &first, &data);
      if (!found.ok()) return found.status();
      if (!*found) continue;
      // Rewrite the block without `id` in `term`'s entry (and without the entry once it is empty).
      std::string rebuilt, new_first;
      bool changed = false, bad = false;
      BlockReader r(data);
      BlockEntry e;
      while (r.Next(&e, &bad)) {
        std::string_view id_bytes = e.ids;
        uint64_t n = e.n;
        if (e.term == term) {
          ids.clear();
          NAZIR_RETURN_IF_ERROR(EntryIds(db, s, seg, e, &ids));
          enc.Clear();
          for (int64_t x : ids) {
            if (x == id) {
              changed = true;
            } else {
              enc.Add(x);
            }
          }
          id_bytes = enc.bytes();
          n = enc.n();
          if (changed && e.long_ids()) {  // the long row is rewritten (or dropped) with the block
            StatusOr<Statement*> drop =
                db.Cached("DELETE FROM tu_index_long WHERE side = ?1 AND seg = ?2 AND term = ?3");
            if (!drop.ok()) return drop.status();
            NAZIR_RETURN_IF_ERROR((*drop)->Bind(1, s).Bind(2, seg).Bind(3, e.term).Run());
            if (id_bytes.size() > kInlineIdBytes) {
              NAZIR_RETURN_IF_ERROR(PutLongIds(db, s, seg, e.term, id_bytes));
              id_bytes = std::string_view();
            }
          }
          if (n == 0) continue;
        }
        if (rebuilt.empty()) new_first.assign(e.term);
        AppendEntry(e.term, n, id_bytes, &rebuilt);
      }
      if (bad) return Corrupt();
      if (!changed) continue;
      StatusOr<Statement*> del =
          db.Cached("DELETE FROM tu_index_block WHERE side = ?1 AND seg = ?2 AND first_term = ?3");
      if (!del.ok()) return del.status();
      NAZIR_RETURN_IF_ERROR((*del)->Bind(1, s).Bind(2, seg).Bind(3, first).Run());
      if (!rebuilt.empty()) NAZIR_RETURN_IF_ERROR(PutBlock(db, s, seg, new_first, rebuilt));
    }
  }
  return Status::Ok();
}

void IndexDigest::Add(IndexSide side, std::string_view term, int64_t id) {
  ++pairs;
  sum += Fnv1a64(term, TermHash(term, static_cast<int>(side)) ^ static_cast<uint64_t>(id) * 0x9e3779b97f4a7c15ULL);
}

StatusOr<IndexDigest> DigestIndex(Database& db) {
  IndexDigest digest;
  StatusOr<std::vector<Segment>> segs = ListSegments(db);
  if (!segs.ok()) return segs.status();
  std::vector<int64_t> ids;
  for (const Segment& g : *segs) {
    const int64_t seg = g.seg;
    for (int side = 0; side < 2; ++side) {
      StatusOr<std::unique_ptr<SegmentCursor>> c = SegmentCursor::Open(db, side, seg);
      if (!c.ok()) return c.status();
      std::string last;
      bool first = true;
      while (!(*c)->done()) {
        const BlockEntry& e = (*c)->entry();
        if (!first && e.term <= last) return Corrupt();
        first = false;
        last.assign(e.term);
        ids.clear();
        NAZIR_RETURN_IF_ERROR(EntryIds(db, side, seg, e, &ids));
        if (ids.size() != e.n || ids.empty()) return Corrupt();
        for (size_t k = 0; k < ids.size(); ++k) {
          if (k > 0 && ids[k] <= ids[k - 1]) return Corrupt();
          digest.Add(static_cast<IndexSide>(side), e.term, ids[k]);
        }
        NAZIR_RETURN_IF_ERROR((*c)->Advance());
      }
    }
  }
  return digest;
}

Status ClearIndex(Database& db) {
  return db.Exec("DELETE FROM tu_index_block; DELETE FROM tu_index_long; DELETE FROM tu_index_seg;");
}

Status OptimizeIndex(Database& db) {
  StatusOr<std::vector<Segment>> all = ListSegments(db);
  if (!all.ok()) return all.status();
  if (all->size() < 2) return Status::Ok();
  std::vector<int64_t> segs;
  int64_t top = 0;
  for (const Segment& g : *all) {
    segs.push_back(g.seg);
    top = std::max(top, g.level);
  }
  return MergeSegments(db, segs, top + 1);
}

}  // namespace nazir::store::internal
