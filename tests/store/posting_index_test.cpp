// The TM word index (src/store/posting_index.h): what retrieval relies on -- every (term, TU) pair written
// is read back, ascending, through flushes and tiered merges; a removed TU leaves no trace; a rolled back
// transaction adds nothing; and a store made with the first (FTS5) schema is upgraded with its index
// rebuilt.
#include "posting_index.h"
#include "tu_keys.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/store/store.h"
#include "nazir/store/tm_search.h"
#include "support/temp_dir.h"
#include "support/tu_make.h"

namespace nazir::store::internal {
namespace {

using Reference = std::map<std::pair<int, std::string>, std::vector<int64_t>>;  // (side, term) -> ids

using ::nazir::testing::MakeTu;

class PostingIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto st = Store::Open(dir_.File("i.db"));  // creates the tables
    ASSERT_TRUE(st.ok()) << st.status().message();
    store_ = std::move(*st);
  }
  Database& db() { return store_->db(); }

  // Adds TUs next_id_.. with the given terms per side, flushing in one transaction. With `numbered`,
  // as Store::PrepareTu hands them over: numbered by the writer's dictionary where it can, the rest
  // as text.
  void AddFlush(const std::vector<std::pair<std::string, std::string>>& tus, PostingWriter& writer,
                bool numbered) {
    auto txn = Transaction::Begin(db());
    ASSERT_TRUE(txn.ok());
    for (const auto& [ar, en] : tus) {
      const int64_t id = next_id_++;
      for (const auto& [side, terms] : {std::pair{IndexSide::kAr, ar}, std::pair{IndexSide::kEn, en}}) {
        if (!numbered) {
          writer.Add(id, side, terms);
          continue;
        }
        std::vector<uint32_t> ids;
        std::string text;
        for (std::string_view t : SplitKeys(terms)) {
          const uint32_t n = writer.terms().Intern(t);
          if (n != TermDictionary::kNone) {
            ids.push_back(n);
          } else {
            text += (text.empty() ? "" : " ") + std::string(t);
          }
        }
        writer.AddNumbered(id, side, ids, text);
      }
      Remember(id, 0, ar);
      Remember(id, 1, en);
    }
    ASSERT_TRUE(writer.Flush(db()).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  void AddFlush(const std::vector<std::pair<std::string, std::string>>& tus) { AddFlush(tus, writer_, false); }

  void Remember(int64_t id, int side, const std::string& terms) {
    for (std::string_view t : SplitKeys(terms)) ref_[{side, std::string(t)}].push_back(id);
  }

  // Every term of the reference reads back with exactly its ids, ascending, and its document frequency.
  void ExpectMatchesReference() {
    PostingReader reader(db());
    for (const auto& [key, ids] : ref_) {
      std::vector<int64_t> got;
      ASSERT_TRUE(reader.Postings(static_cast<IndexSide>(key.first), key.second, &got).ok());
      EXPECT_EQ(got, ids) << key.second;
      EXPECT_EQ(*reader.DocFreq(static_cast<IndexSide>(key.first), key.second), static_cast<int64_t>(ids.size()));
    }
  }

  int64_t Segments() { return *db().QueryInt("SELECT count(*) FROM tu_index_seg"); }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  PostingWriter writer_;
  Reference ref_;
  int64_t next_id_ = 1;
};

TEST_F(PostingIndexTest, ReadsBackEveryPairAndNothingElse) {
  AddFlush({{"طرابلس ليبيا", "tripoli libya"}, {"ليبيا", "libya talks"}, {"", "talks"}});
  ExpectMatchesReference();
  PostingReader reader(db());
  std::vector<int64_t> none;
  ASSERT_TRUE(reader.Postings(IndexSide::kEn, "tripol", &none).ok());
  EXPECT_TRUE(none.empty()) << "a prefix is not a term";
  ASSERT_TRUE(reader.Postings(IndexSide::kAr, "tripoli", &none).ok());
  EXPECT_TRUE(none.empty()) << "the sides are separate";
  EXPECT_EQ(*reader.DocFreq(IndexSide::kEn, "zzz"), 0);
}

TEST_F(PostingIndexTest, PrefixesCollectEveryTermThatStartsThatWay) {
  AddFlush({{"", "minister ministry"}, {"", "mini"}, {"", "min"}, {"", "mint minted"}, {"", "other"}});
  PostingReader reader(db());
  std::vector<int64_t> ids;
  ASSERT_TRUE(reader.PrefixPostings(IndexSide::kEn, "minis", &ids).ok());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 1}));
  ids.clear();
  ASSERT_TRUE(reader.PrefixPostings(IndexSide::kEn, "min", &ids).ok());
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()), (std::set<int64_t>{1, 2, 3, 4}));
  ids.clear();
  ASSERT_TRUE(reader.PrefixPostings(IndexSide::kEn, "p", &ids).ok());
  EXPECT_TRUE(ids.empty());
}

// Many flushes of random terms: blocks split across terms, levels fill and merge, and every posting list
// stays exact and ascending; the number of segments stays small. Terms given as text, or numbered by a
// dictionary that fills up after 150 terms (the rest then go as text).
class PostingIndexFlushTest : public PostingIndexTest, public ::testing::WithParamInterface<bool> {};

INSTANTIATE_TEST_SUITE_P(TextOrNumbered, PostingIndexFlushTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Numbered" : "Text"; });

TEST_P(PostingIndexFlushTest, FlushesAndTieredMergesKeepEveryPostingExact) {
  PostingWriter writer(150);
  const bool numbered = GetParam();
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> word(0, 400), len(1, 12);
  auto terms = [&] {
    std::set<std::string> t;
    for (int k = len(rng); k > 0; --k) t.insert("w" + std::to_string(word(rng) * word(rng) % 997));
    std::string out;
    for (const auto& x : t) out += (out.empty() ? "" : " ") + x;
    return out;
  };
  for (int flush = 0; flush < 70; ++flush) {
    std::vector<std::pair<std::string, std::string>> tus;
    for (int k = 0; k < 1 + flush % 9; ++k) tus.emplace_back(terms(), terms());
    AddFlush(tus, writer, numbered);
  }
  if (numbered) {
    EXPECT_EQ(writer.terms().size(), 150u) << "the dictionary filled up, so terms also went as text";
  }
  ExpectMatchesReference();
  EXPECT_LE(Segments(), 3 * 7) << "tiered merging keeps at most 7 segments per level";
  auto digest = DigestIndex(db());
  ASSERT_TRUE(digest.ok()) << digest.status().message();
  int64_t pairs = 0;
  for (const auto& [key, ids] : ref_) pairs += static_cast<int64_t>(ids.size());
  EXPECT_EQ(digest->pairs, pairs);

  ASSERT_TRUE(OptimizeIndex(db()).ok());
  EXPECT_EQ(Segments(), 1);
  ExpectMatchesReference();
}

// The import's preparing threads number new terms while the writer flushes: a flush orders only the
// terms it counted, whatever the dictionary holds by then.
TEST_F(PostingIndexTest, FlushesWhileAnotherThreadNumbersNewTerms) {
  PostingWriter writer;
  std::atomic<bool> stop{false};
  std::thread numbering([&] {
    for (int i = 0; i < 3000 && !stop; ++i) {
      writer.terms().Intern("new" + std::to_string(i));
      if (i % 16 == 0) std::this_thread::yield();
    }
  });
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> word(0, 600);
  for (int flush = 0; flush < 30; ++flush) {
    std::vector<std::pair<std::string, std::string>> tus;
    for (int k = 0; k < 60; ++k) {
      std::set<std::string> t;
      for (int w = 0; w < 8; ++w) t.insert("w" + std::to_string(word(rng)));
      std::string terms;
      for (const auto& x : t) terms += (terms.empty() ? "" : " ") + x;
      tus.emplace_back("", terms);
    }
    AddFlush(tus, writer, true);
  }
  stop = true;
  numbering.join();
  ExpectMatchesReference();
}

// A word in thousands of TUs keeps its ids in a row of its own: read back, merged, counted and removed
// from like any other.
TEST_F(PostingIndexTest, AFrequentWordsLongPostingsReadMergeAndShrinkLikeShortOnes) {
  for (int flush = 0; flush < 9; ++flush) {  // 9 flushes: the first 8 merge into one level-1 segment
    std::vector<std::pair<std::string, std::string>> tus;
    for (int k = 0; k < 400; ++k) tus.emplace_back("", k % 3 == 0 ? "the rare" + std::to_string(flush) : "the");
    AddFlush(tus);
  }
  EXPECT_GT(*db().QueryInt("SELECT count(*) FROM tu_index_long"), 0) << "3,600 ids do not fit a block";
  ExpectMatchesReference();
  const int64_t some = ref_[{1, "the"}][1234];
  auto txn = Transaction::Begin(db());
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(RemoveFromIndex(db(), some, IndexSide::kEn, "the").ok());
  ASSERT_TRUE((*txn)->Commit().ok());
  auto& the = ref_[{1, "the"}];
  the.erase(std::find(the.begin(), the.end(), some));
  ExpectMatchesReference();
  ASSERT_TRUE(OptimizeIndex(db()).ok());
  ExpectMatchesReference();
  EXPECT_EQ(*db().QueryInt("SELECT count(*) FROM tu_index_long WHERE seg NOT IN (SELECT seg FROM tu_index_seg)"), 0)
      << "merged segments leave no long rows behind";
  EXPECT_TRUE(DigestIndex(db()).ok());
}

TEST_F(PostingIndexTest, RemovingATuTakesItOutOfEachOfItsTerms) {
  AddFlush({{"", "alpha beta"}, {"", "beta gamma"}});
  AddFlush({{"", "alpha gamma"}});
  auto txn = Transaction::Begin(db());
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(RemoveFromIndex(db(), 2, IndexSide::kEn, "beta gamma").ok());
  ASSERT_TRUE((*txn)->Commit().ok());
  ref_[{1, "beta"}] = {1};
  ref_[{1, "gamma"}] = {3};
  ExpectMatchesReference();
  EXPECT_EQ(DigestIndex(db())->pairs, 4);
}

TEST_F(PostingIndexTest, ARolledBackTransactionLeavesNothingBuffered) {
  {
    auto txn = store_->BeginTransaction();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(store_->AddTu(MakeTu("وصل الوزير", "The minister arrived"), {}).ok());
  }  // rolled back
  EXPECT_EQ(*store_->CountTus(), 0);
  ASSERT_TRUE(store_->AddTu(MakeTu("غادر الرئيس", "The president left"), {}).ok());
  EXPECT_TRUE(store_->CheckIndexes().ok()) << store_->CheckIndexes().message();
  EXPECT_TRUE(Concordance(*store_, "minister", {})->empty());
  EXPECT_EQ(Concordance(*store_, "president", {})->size(), 1u);
}

TEST_F(PostingIndexTest, ADamagedBlockIsReportedNotTrusted) {
  AddFlush({{"", "alpha beta"}});
  ASSERT_TRUE(db().Exec("UPDATE tu_index_block SET data = x'05616c7068'").ok());  // cut short
  PostingReader reader(db());
  std::vector<int64_t> ids;
  EXPECT_FALSE(reader.Postings(IndexSide::kEn, "beta", &ids).ok());
  EXPECT_FALSE(DigestIndex(db()).ok());
}

// tests/data/store/v1_store.db: made by nazir at commit 2c3c01d (schema 1, FTS5 word indexes) with
// `nazir align examples/sample/ar/003_f77f88289c7c6a30.txt examples/sample/en/003_... --db v1_store.db`
// and `nazir tm import tests/data/tmx/okapi_rainbow.tmx --db v1_store.db` (19 TUs, 20 glossary entries),
// then vacuumed with 4 KB pages.
TEST(PostingIndexUpgrade, AFirstSchemaStoreIsUpgradedAndItsIndexRebuilt) {
  testing::TempDir dir;
  const std::string path = dir.File("old.db");
  std::filesystem::copy_file(std::filesystem::path(NAZIR_SOURCE_DIR) / "tests/data/store/v1_store.db", path);
  {
    StoreOptions ro;
    ro.read_only = true;
    auto st = Store::Open(path, ro);
    ASSERT_FALSE(st.ok()) << "read-only access cannot upgrade it";
    EXPECT_NE(st.status().message().find("older store"), std::string::npos) << st.status().message();
  }
  auto st = Store::Open(path);
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(*(*st)->db().QueryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"),
            Store::kSchemaVersion);
  EXPECT_EQ(*(*st)->db().QueryInt("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'tu_idx%'"), 0)
      << "the FTS5 tables are gone";
  EXPECT_EQ(*(*st)->CountTus(), 19);
  EXPECT_TRUE((*st)->CheckIndexes().ok()) << (*st)->CheckIndexes().message();
  auto hits = Concordance(**st, "Waldhauser", {});
  ASSERT_TRUE(hits.ok());
  EXPECT_FALSE(hits->empty());
  EXPECT_EQ(*(*st)->CountGlossaryEntries(), 20) << "the glossary is untouched";
}

}  // namespace
}  // namespace nazir::store::internal
