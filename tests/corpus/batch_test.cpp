// Corpus alignment into the store: what a user re-running a batch relies on (skip what is done, redo
// what changed, report bad documents and keep going), and that shards add up to the whole run.
#include "nazir/corpus/batch.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include <gtest/gtest.h>

#include "nazir/align/aligner.h"
#include "nazir/corpus/pairs.h"
#include "nazir/store/store.h"
#include "nazir/text/segment.h"
#include "nazir/text/utf8.h"

namespace nazir::corpus {
namespace {

namespace fs = std::filesystem;

const fs::path kSample = fs::path(NAZIR_SOURCE_DIR) / "examples" / "sample";

// A fresh folder holding a copy of the sample corpus (so a test may change files).
class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("nazir_batch_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(kSample / "ar", dir_ / "ar");
    fs::copy(kSample / "en", dir_ / "en");
    fs::copy_file(kSample / "pairs.tsv", dir_ / "pairs.tsv");
    auto aligner = align::Aligner::Create(align::AlignerOptions{});
    ASSERT_TRUE(aligner.ok()) << aligner.status().message();
    aligner_ = std::make_unique<align::Aligner>(std::move(*aligner));
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<DocPair> Pairs() {
    auto p = ReadPairList((dir_ / "pairs.tsv").string());
    EXPECT_TRUE(p.ok()) << p.status().message();
    return p.ok() ? *p : std::vector<DocPair>{};
  }

  std::unique_ptr<store::Store> OpenStore(const std::string& name) {
    auto st = store::Store::Open((dir_ / name).string());
    EXPECT_TRUE(st.ok()) << st.status().message();
    return st.ok() ? std::move(*st) : nullptr;
  }

  BatchReport Run(const std::vector<DocPair>& pairs, store::Store& st, LearnScope learn = LearnScope::kCorpus,
                  int threads = 2) {
    BatchOptions o;
    o.learn = learn;
    o.threads = threads;
    o.progress = false;
    auto r = AlignBatch(pairs, *aligner_, st, o);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : BatchReport{};
  }

  fs::path dir_;
  std::unique_ptr<align::Aligner> aligner_;
};

// (Arabic, English, count) of every TU in the store.
using TuSet = std::map<std::pair<std::string, std::string>, int>;
TuSet Tus(store::Store& st) {
  TuSet out;
  Status s = st.ForEachTu({}, [&](const store::StoredTu& t) {
    out[{t.ar_text, t.en_text}] += t.count;
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

TEST_F(BatchTest, AlignsEveryDocumentAndSkipsThemWhenRunAgain) {
  auto st = OpenStore("a.db");
  const BatchReport first = Run(Pairs(), *st);
  EXPECT_EQ(first.docs_total, 5);
  EXPECT_EQ(first.docs_aligned, 5);
  EXPECT_EQ(first.docs_failed, 0);
  EXPECT_GT(first.pairs, 25);  // the sample has 43 Arabic content sentences with a counterpart
  EXPECT_EQ(first.document_ids.size(), 5u);
  const TuSet before = Tus(*st);

  const BatchReport second = Run(Pairs(), *st);
  EXPECT_EQ(second.docs_aligned, 0);
  EXPECT_EQ(second.docs_skipped, 5);
  EXPECT_EQ(second.pairs, 0);
  EXPECT_EQ(second.document_ids, first.document_ids);
  EXPECT_EQ(Tus(*st), before) << "a second run must not add or lose anything";
}

TEST_F(BatchTest, AnAlignmentMadeByTheCallerIsStoredOnceAndEqualsWhatTheBatchStores) {
  const DocPair p = Pairs()[1];
  auto load = [&](const std::string& path, Lang lang) {
    auto text = text::ReadTextFile(path, text::Encoding::kUtf8);
    EXPECT_TRUE(text.ok()) << text.status().message();
    Document d;
    d.id = p.doc_id;
    d.lang = lang;
    d.text = text.ok() ? *text : std::string();
    d.sentences = (*text::Segmenter::Create(lang))->Segment(d.text);
    return d;
  };
  const Document ar = load(p.ar_path, Lang::kAr), en = load(p.en_path, Lang::kEn);
  const Alignment a = aligner_->Align(ar, en);
  auto st = OpenStore("one.db");
  BatchOptions o;
  auto first = StoreAlignedDocument(*st, p, ar, en, a, o);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_FALSE(first->unchanged);
  int64_t pair_beads = 0;
  for (const Bead& b : a.beads) pair_beads += b.IsPair() ? 1 : 0;
  EXPECT_EQ(first->pairs, pair_beads);

  auto again = StoreAlignedDocument(*st, p, ar, en, a, o);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_TRUE(again->unchanged) << "the same content is not stored twice";
  EXPECT_EQ(again->document_id, first->document_id);
  EXPECT_EQ(again->pairs, 0);

  // The batch aligning the same document alone stores the same TUs, and sees it as already done.
  auto batch_store = OpenStore("batch.db");
  Run({p}, *batch_store, LearnScope::kDocument, 1);
  EXPECT_EQ(Tus(*st), Tus(*batch_store));
  EXPECT_EQ(Run({p}, *st, LearnScope::kDocument, 1).docs_skipped, 1);
}

TEST_F(BatchTest, RealignsOnlyTheDocumentWhoseFileChanged) {
  auto st = OpenStore("a.db");
  Run(Pairs(), *st, LearnScope::kDocument);
  const int64_t before = *st->CountTus();
  // The English report of one article gets a correction appended.
  const std::vector<DocPair> pairs = Pairs();
  {
    std::ofstream en(pairs[2].en_path, std::ios::app);
    en << "\n\nThis story has been corrected to fix the spelling of a name.\n";
  }
  const BatchReport r = Run(pairs, *st, LearnScope::kDocument);
  EXPECT_EQ(r.docs_aligned, 1);
  EXPECT_EQ(r.docs_skipped, 4);
  auto docs = st->ListDocuments();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 5u) << "the changed document replaces its old version";
  for (const auto& d : *docs) EXPECT_TRUE(d.complete) << d.name;
  // The added English sentence has no Arabic counterpart, so the TUs are the same as before.
  EXPECT_EQ(*st->CountTus(), before);
}

TEST_F(BatchTest, ReportsBadDocumentsWithTheirPathAndAlignsTheOthers) {
  {
    std::ofstream bad(dir_ / "ar" / "bad.txt", std::ios::binary);
    bad << "\xD8\xA3\xD9\x83\xD8\xAF \xFF\xFE broken\n";  // invalid UTF-8 after a valid word
    std::ofstream empty(dir_ / "ar" / "empty.txt");
    std::ofstream list(dir_ / "pairs.tsv", std::ios::app);
    list << "ar/bad.txt\ten/000_796cfd0e2ef7b41f.txt\tbad\n"
         << "ar/empty.txt\ten/001_b4e6806a10fbf43c.txt\tempty\n"
         << "ar/missing.txt\ten/002_5ca6504bfd18895c.txt\tmissing\n";
  }
  auto st = OpenStore("a.db");
  const BatchReport r = Run(Pairs(), *st);
  EXPECT_EQ(r.docs_total, 8);
  EXPECT_EQ(r.docs_aligned, 5);
  EXPECT_EQ(r.docs_failed, 3);
  std::map<std::string, std::string> why;
  for (const auto& f : r.failures) why[f.doc_id] = f.message;
  ASSERT_EQ(why.size(), 3u);
  EXPECT_NE(why["bad"].find("bad.txt"), std::string::npos) << why["bad"];
  EXPECT_NE(why["bad"].find("UTF-8"), std::string::npos) << why["bad"];
  EXPECT_NE(why["empty"].find("empty.txt"), std::string::npos) << why["empty"];
  EXPECT_NE(why["missing"].find("missing.txt"), std::string::npos) << why["missing"];
  auto docs = st->ListDocuments();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 5u) << "failed documents leave nothing in the store";
}

TEST_F(BatchTest, TwoShardsAddUpToTheWholeRun) {
  const std::vector<DocPair> pairs = Pairs();
  auto whole = OpenStore("whole.db");
  Run(pairs, *whole, LearnScope::kDocument);
  TuSet merged;
  for (int i = 0; i < 2; ++i) {
    auto part = OpenStore("shard" + std::to_string(i) + ".db");
    const BatchReport r = Run(Shard(pairs, i, 2), *part, LearnScope::kDocument);
    EXPECT_GT(r.docs_aligned, 0);
    for (const auto& [k, n] : Tus(*part)) merged[k] += n;
  }
  EXPECT_EQ(merged, Tus(*whole));
}

TEST_F(BatchTest, ThreadCountDoesNotChangeTheResult) {
  auto one = OpenStore("one.db");
  auto two = OpenStore("two.db");
  Run(Pairs(), *one, LearnScope::kCorpus, 1);
  Run(Pairs(), *two, LearnScope::kCorpus, 2);
  EXPECT_EQ(Tus(*one), Tus(*two));
}

TEST_F(BatchTest, WritesBeadsForScoring) {
  auto st = OpenStore("a.db");
  fs::create_directories(dir_ / "beads");
  BatchOptions o;
  o.progress = false;
  o.beads_dir = (dir_ / "beads").string();
  auto r = AlignBatch(Pairs(), *aligner_, *st, o);
  ASSERT_TRUE(r.ok());
  for (const DocPair& p : Pairs()) {
    std::ifstream in(dir_ / "beads" / (p.doc_id + ".beads"));
    ASSERT_TRUE(in) << p.doc_id;
    std::string line;
    int pairs = 0, lines = 0;
    while (std::getline(in, line)) {
      ++lines;
      ASSERT_EQ(line.front(), '[') << line;
      if (line.find("]:[]") == std::string::npos && line.rfind("[]:", 0) != 0) ++pairs;
    }
    EXPECT_GT(lines, pairs) << "every sentence is listed, with or without a counterpart";
    EXPECT_GT(pairs, 0);
  }
}

}  // namespace
}  // namespace nazir::corpus
