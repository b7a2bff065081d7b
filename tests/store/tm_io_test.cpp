// TMX import/export over the store: round trip of another tool's TMX, duplicate folding, re-import
// decisions, export filters, retrieval plans (no table scans), memoized word keys, white space.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include "support/temp_dir.h"
#include "support/tu_compare.h"
#include "nazir/store/store.h"
#include "nazir/store/tm_export.h"
#include "nazir/store/tm_import.h"
#include "nazir/store/tm_search.h"
#include "nazir/tmx/tmx_reader.h"
#include "nazir/tmx/tmx_writer.h"
#include "posting_index.h"
#include "tu_keys.h"

namespace nazir::store {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(NAZIR_TEST_DATA_DIR) + "/store/";

using ::nazir::testing::TempDir;

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto s = Store::Open(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

std::vector<TranslationUnit> ReadAll(const std::string& path) {
  std::vector<TranslationUnit> out;
  Status s = tmx::ReadTmx(path, {}, [&](TranslationUnit&& tu) {
    out.push_back(std::move(tu));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

using ::nazir::testing::ExpectSameAttributes;
using ::nazir::testing::ExpectSameNotes;
using ::nazir::testing::ExpectSameProps;
using ::nazir::testing::ExpectSameTuvs;

// Every field a TMX reader gives, equal.
void ExpectSameTu(const TranslationUnit& a, const TranslationUnit& b) {
  const std::string where = "tu " + a.tuid;
  EXPECT_EQ(a.tuid, b.tuid);
  EXPECT_EQ(a.srclang, b.srclang) << where;
  EXPECT_EQ(a.creationdate, b.creationdate) << where;
  EXPECT_EQ(a.changedate, b.changedate) << where;
  ExpectSameProps(a.props, b.props, where);
  ExpectSameNotes(a.notes, b.notes, where);
  ExpectSameAttributes(a.attributes, b.attributes, where);
  ExpectSameTuvs(a.tuvs, b.tuvs, where);
}

TEST(TmImport, RoundTripKeepsAnotherToolsTusUnchanged) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  auto imported = ImportTmx(*store, kData + "other_tool.tmx");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->tus_read, 5);
  EXPECT_EQ(imported->inserted, 5);
  auto exported = ExportTmx(*store, dir.File("out.tmx"));
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  EXPECT_EQ(exported->tus, 5);
  EXPECT_EQ(exported->srclang, "en-US");  // the imported file's header srclang

  const std::vector<TranslationUnit> before = ReadAll(kData + "other_tool.tmx");
  const std::vector<TranslationUnit> after = ReadAll(dir.File("out.tmx"));
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) ExpectSameTu(before[i], after[i]);
  // The fixture does exercise inline markup, notes and props.
  EXPECT_NE(before[0].tuvs[0].seg_markup.find("bpt"), std::string::npos);
  EXPECT_FALSE(before[0].notes.empty());
  EXPECT_FALSE(before[0].attributes.empty());  // creationid, changeid
  EXPECT_FALSE(before[2].tuvs[0].notes.empty());
}

// Stores of schemas 1 and 2 hashed their duplicate keys with FNV-1a, schema 3 with XXH3: an upgraded
// store must still fold every TU it holds. tests/data/store/v2_store.db: made by nazir at commit 7d24ddb
// (schema 2) like v1_store.db (see posting_index_test.cpp): the aligned sample pair 003 and
// tests/data/tmx/okapi_rainbow.tmx, 19 TUs, vacuumed with 4 KB pages.
class UpgradedStore : public ::testing::TestWithParam<const char*> {};

TEST_P(UpgradedStore, StillFoldsEveryTuItHolds) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  fs::copy_file(kData + GetParam(), path);
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->db().QueryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'"),
            Store::kSchemaVersion);
  ASSERT_EQ(*store->CountTus(), 19);
  auto exported = ExportTmx(*store, dir.File("all.tmx"));
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  const std::vector<TranslationUnit> tus = ReadAll(dir.File("all.tmx"));
  ASSERT_EQ(tus.size(), 19u);
  for (const TranslationUnit& tu : tus) {
    auto added = store->AddTu(tu, {});
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_FALSE(added->inserted) << tu.tuvs[0].text;
  }
  for (const TranslationUnit& tu : ReadAll(std::string(NAZIR_TEST_DATA_DIR) + "/tmx/okapi_rainbow.tmx")) {
    auto added = store->AddTu(tu, {});
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_FALSE(added->inserted) << tu.tuvs[0].text;
  }
  EXPECT_EQ(*store->CountTus(), 19);
  EXPECT_EQ(*store->db().QueryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'tu_dup'"), 1);
  TranslationUnit fresh = tus[0];
  fresh.tuvs[0].text += " (new)";
  auto added = store->AddTu(fresh, {});
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(added->inserted);
  EXPECT_TRUE(store->CheckIndexes().ok()) << store->CheckIndexes().message();
}

INSTANTIATE_TEST_SUITE_P(Schemas, UpgradedStore, ::testing::Values("v1_store.db", "v2_store.db"));

TEST(TmImport, FoldsDuplicatesAndKeepsTheBestConfidence) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  auto r = ImportTmx(*store, kData + "duplicates.tmx");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 2);
  EXPECT_EQ(r->folded, 2);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->tus, 2);
  EXPECT_EQ(stats->occurrences, 4);

  auto matches = Lookup(*store, "وصل الوزير إلى بنغازي يوم الأحد.", {});
  ASSERT_TRUE(matches.ok());
  ASSERT_FALSE(matches->empty());
  const TmMatch& best = matches->front();
  EXPECT_EQ(best.score, 100);
  EXPECT_EQ(best.count, 3);
  ASSERT_TRUE(best.confidence.has_value());
  EXPECT_DOUBLE_EQ(*best.confidence, 0.91);
  EXPECT_EQ(best.target_text, "The minister arrived in Benghazi on Sunday.");  // the first copy
  auto from = store->GetProvenance(best.tu_id);
  ASSERT_TRUE(from.ok());
  ASSERT_EQ(from->size(), 3u);
  EXPECT_EQ((*from)[0].creationdate, "20261101T080000Z");
  EXPECT_EQ((*from)[2].creationdate, "20261104T080000Z");
  EXPECT_FALSE((*from)[2].confidence.has_value());  // a4 has no x-confidence
  EXPECT_EQ(fs::path((*from)[0].origin_file).filename(), "duplicates.tmx");
  EXPECT_EQ((*from)[0].document_id, r->document_id);
}

// Transactions hold exactly batch_size TUs, whatever the threads hand each other: the progress reports
// (one per commit) and the resume point fall on multiples of it, the last one on the end of the file.
TEST(TmImport, CommitsEveryBatchSizeTus) {
  TempDir dir;
  const std::string file = dir.File("many.tmx");
  constexpr int kTus = 3700;
  {
    auto w = tmx::TmxWriter::Open(file, {});
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    for (int i = 0; i < kTus; ++i) {
      TranslationUnit tu;
      tu.tuvs.resize(2);
      tu.tuvs[0].lang = "ar";
      tu.tuvs[0].text = "الجملة رقم " + std::to_string(i);
      tu.tuvs[1].lang = "en";
      tu.tuvs[1].text = "Sentence number " + std::to_string(i);
      ASSERT_TRUE((*w)->Write(tu).ok());
    }
    ASSERT_TRUE((*w)->Close().ok());
  }
  for (const int batch : {1500, 700}) {
    auto store = OpenOrDie(dir.File("tm" + std::to_string(batch) + ".db"));
    ASSERT_TRUE(store);
    std::vector<int64_t> commits;
    ImportOptions opt;
    opt.batch_size = batch;
    opt.on_progress = [&](const ImportProgress& p) { commits.push_back(p.tus_read); };
    auto r = ImportTmx(*store, file, opt);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->inserted, kTus);
    std::vector<int64_t> expected;
    for (int64_t n = batch; n < kTus; n += batch) expected.push_back(n);
    expected.push_back(kTus);
    EXPECT_EQ(commits, expected) << "batch " << batch;
    EXPECT_EQ(*store->CountTus(), kTus);
  }
}

// However many threads prepare the TUs (one preparing whole TUs; pairs splitting each batch, Arabic side
// and the rest; several pairs, and an odd thread preparing whole TUs, each taking the next batch when
// free), the store gets the same rows in the same order and the same word index.
TEST(TmImport, StoresTheSameWhateverTheThreads) {
  TempDir dir;
  const std::string file = dir.File("mixed.tmx");
  constexpr int kTus = 2600;
  const char* ar_words[] = {"الوزير", "وبالعراق", "طرابلس", "للأمم", "المتحدة", "فالرئيس", "٢٠٢٠", "قال", "إلى", "وصل"};
  const char* en_words[] = {"minister", "Iraq", "Tripoli", "United", "Nations", "president", "2020", "said", "to", "arrived"};
  {
    auto w = tmx::TmxWriter::Open(file, {});
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    for (int i = 0; i < kTus; ++i) {
      TranslationUnit tu;
      tu.creationdate = "20260101T000000Z";
      const int j = i % 10 == 9 ? i - 5 : i;  // every tenth TU repeats an earlier one
      std::string ar, en;
      for (int k = 0; k < 3 + j % 7; ++k) {
        ar += std::string(k ? " " : "") + ar_words[(j * 7 + k * 3) % 10] + (k == 2 ? std::to_string(j) : "");
        en += std::string(k ? " " : "") + en_words[(j * 7 + k * 3) % 10] + (k == 2 ? std::to_string(j) : "");
      }
      auto add = [&](const char* lang, const std::string& text) {
        Tuv v;
        v.lang = lang;
        v.text = text;
        tu.tuvs.push_back(std::move(v));
      };
      if (j % 11 != 5) add("ar", ar);
      if (j % 13 != 7) add("en-GB", en);
      if (tu.tuvs.empty()) add("fr", "seulement " + std::to_string(j));
      ASSERT_TRUE((*w)->Write(tu).ok());
    }
    ASSERT_TRUE((*w)->Close().ok());
  }
  struct Result {
    std::vector<std::string> rows;
    internal::IndexDigest index;
  };
  auto import_with = [&](int threads) {
    Result out;
    auto store = OpenOrDie(dir.File("t" + std::to_string(threads) + ".db"));
    EXPECT_TRUE(store);
    if (!store) return out;
    ImportOptions opt;
    opt.threads = threads;
    opt.batch_size = 900;
    auto r = ImportTmx(*store, file, opt);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(store->CheckIndexes().ok());
    EXPECT_TRUE(store->ForEachTu({}, [&](const StoredTu& t) {
      out.rows.push_back(std::to_string(t.id) + "|" + std::to_string(t.count) + "|" + t.ar_text + "|" + t.en_text +
                         "|" + std::to_string(t.tu.tuvs.size()));
      return Status::Ok();
    }).ok());
    auto digest = internal::DigestIndex(store->db());
    EXPECT_TRUE(digest.ok());
    if (digest.ok()) out.index = *digest;
    return out;
  };
  const Result one = import_with(1);
  EXPECT_GT(one.rows.size(), 1000u);
  EXPECT_LT(one.rows.size(), static_cast<size_t>(kTus)) << "some TUs are duplicates";
  EXPECT_GT(one.index.pairs, 5000);
  for (int threads : {2, 3, 4, 5, 6}) {
    const Result other = import_with(threads);
    EXPECT_EQ(other.rows, one.rows) << threads << " threads";
    EXPECT_TRUE(other.index == one.index) << threads << " threads";
  }
}

TEST(TmImport, SkipsAFileAlreadyInEvenUnderAnotherName) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(ImportTmx(*store, kData + "duplicates.tmx").ok());
  auto again = ImportTmx(*store, kData + "duplicates.tmx");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, ImportResult::Outcome::kUnchanged);
  fs::copy_file(kData + "duplicates.tmx", dir.File("copy.tmx"));
  // The copy is recognized at the first commit (its hash is computed while the import starts), with a
  // transaction per TU as with the default one per file: nothing of it stays.
  for (const int batch : {1, kDefaultImportBatch}) {
    ImportOptions opt;
    opt.batch_size = batch;
    auto copy = ImportTmx(*store, dir.File("copy.tmx"), opt);
    ASSERT_TRUE(copy.ok()) << copy.status().ToString();
    EXPECT_EQ(copy->outcome, ImportResult::Outcome::kUnchanged);
    EXPECT_NE(copy->same_as.find("duplicates.tmx"), std::string::npos);
    auto stats = store->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->occurrences, 4);
    EXPECT_EQ(stats->documents, 1);
    EXPECT_EQ(stats->incomplete_documents, 0);
  }
}

TEST(TmImport, HashesAFileWithXxh3AndOnRequestWithTheOlderFnv) {
  const std::string file = kData + "duplicates.tmx";
  auto h = HashFile(file, /*with_legacy=*/true);
  ASSERT_TRUE(h.ok());
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(h->legacy, ContentHash(bytes));
  EXPECT_EQ(h->current.size(), 3u + 16u);
  EXPECT_EQ(h->current.substr(0, 3), "x3-");
  EXPECT_EQ(h->current, "x3-c5e4a584055c12c7") << "`xxhsum -H3` of the file (stored hashes must not change)";
  EXPECT_TRUE(HashFile(file)->legacy.empty());
  EXPECT_EQ(HashFile(file)->current, h->current);
  EXPECT_FALSE(IsLegacyFileHash(h->current));
  EXPECT_TRUE(IsLegacyFileHash(h->legacy));
  TempDir dir;
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  auto r = ImportTmx(*store, file);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*store->FindDocument(fs::absolute(file).lexically_normal().string()))->content_hash, h->current);
}

// tests/data/store/v1_store.db holds okapi_rainbow.tmx, imported by an older nazir, which kept the FNV
// hash: a copy of that file is still known as one, and the same path with the same bytes is unchanged.
TEST(TmImport, KnowsFilesImportedByAnOlderNazirByTheirOlderHash) {
  TempDir dir;
  fs::copy_file(kData + "v1_store.db", dir.File("old.db"));
  auto store = OpenOrDie(dir.File("old.db"));
  ASSERT_TRUE(store);
  fs::copy_file(std::string(NAZIR_TEST_DATA_DIR) + "/tmx/okapi_rainbow.tmx", dir.File("copy.tmx"));
  auto r = ImportTmx(*store, dir.File("copy.tmx"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, ImportResult::Outcome::kUnchanged);
  EXPECT_NE(r->same_as.find("okapi_rainbow.tmx"), std::string::npos) << r->same_as;
  EXPECT_EQ(*store->CountTus(), 19);
  // The same path with the same bytes: unchanged, and from then on known by the current hash.
  const std::string name = fs::absolute(dir.File("rainbow.tmx")).lexically_normal().string();
  fs::copy_file(std::string(NAZIR_TEST_DATA_DIR) + "/tmx/okapi_rainbow.tmx", name);
  ASSERT_TRUE(store->db().Exec("UPDATE document SET name = '" + name + "' WHERE kind = 'tmx'").ok());
  r = ImportTmx(*store, name);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, ImportResult::Outcome::kUnchanged);
  EXPECT_EQ((*store->FindDocument(name))->content_hash, HashFile(name)->current);
  // Other bytes, the same TUs: each folds into the row the older nazir stored (the duplicate hash is
  // computed as it was).
  {
    std::ofstream out(dir.File("copy.tmx"), std::ios::app);
    out << "<!-- the same TUs -->\n";
  }
  r = ImportTmx(*store, dir.File("copy.tmx"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, ImportResult::Outcome::kImported);
  EXPECT_GT(r->tus_read, 0);
  EXPECT_EQ(r->folded, r->tus_read);
  EXPECT_EQ(r->inserted, 0);
  EXPECT_EQ(*store->CountTus(), 19);
}

TEST(TmImport, ReplacesTheOccurrencesOfAChangedFile) {
  TempDir dir;
  const std::string file = dir.File("news.tmx");
  fs::copy_file(kData + "duplicates.tmx", file);
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(ImportTmx(*store, file).ok());
  // The same file, now with the other-tool TUs instead.
  fs::copy_file(kData + "other_tool.tmx", file, fs::copy_options::overwrite_existing);
  auto r = ImportTmx(*store, file);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, ImportResult::Outcome::kReplaced);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->tus, 5);
  EXPECT_EQ(stats->occurrences, 5);
  EXPECT_EQ(stats->documents, 1);
  auto gone = Lookup(*store, "وصل الوزير إلى بنغازي يوم الأحد.", {});
  ASSERT_TRUE(gone.ok());
  EXPECT_TRUE(gone->empty());
}

TEST(TmExport, FiltersByConfidenceAndDocument) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  auto dups = ImportTmx(*store, kData + "duplicates.tmx");
  auto other = ImportTmx(*store, kData + "other_tool.tmx");
  ASSERT_TRUE(dups.ok() && other.ok());

  ExportOptions by_conf;
  by_conf.filter.min_confidence = 0.8;
  auto r = ExportTmx(*store, dir.File("conf.tmx"), by_conf);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // The folded TU (best 0.91) and the five without any confidence (a human TM is kept); not 0.77.
  EXPECT_EQ(r->tus, 6);
  EXPECT_EQ(r->srclang, "*all*");  // ar and en-US documents
  for (const TranslationUnit& tu : ReadAll(dir.File("conf.tmx"))) EXPECT_NE(tu.tuid, "a3");

  ExportOptions by_doc;
  by_doc.filter.document_id = dups->document_id;
  r = ExportTmx(*store, dir.File("doc.tmx"), by_doc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tus, 2);
  EXPECT_EQ(r->srclang, "ar");
  const std::vector<TranslationUnit> tus = ReadAll(dir.File("doc.tmx"));
  ASSERT_EQ(tus.size(), 2u);
  EXPECT_EQ(tus[0].tuid, "a1");
  EXPECT_EQ(tus[1].tuid, "a3");
}

TEST(TmImport, ReportsMalformedXmlWithItsPosition) {
  TempDir dir;
  const std::string bad = dir.File("bad.tmx");
  std::ofstream(bad) << "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"ar\"/><body>\n"
                        "<tu><tuv xml:lang=\"ar\"><seg>نص</tuv></tu></body></tmx>\n";
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  auto r = ImportTmx(*store, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.tmx:3:"), std::string::npos) << r.status().message();
}

// Retrieval is index probes only: rowid/index SEARCHes; the one SCAN reads the word index's segment list
// (a handful of rows: segments are merged in tiers, posting_index.h).
TEST(TmSearch, RetrievalNeverScansATable) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("tm.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(ImportTmx(*store, kData + "other_tool.tmx").ok());
  auto plans = ExplainSearch(*store);
  ASSERT_TRUE(plans.ok()) << plans.status().ToString();
  ASSERT_FALSE(plans->empty());
  for (const QueryPlan& plan : *plans) {
    ASSERT_FALSE(plan.steps.empty()) << plan.sql;
    for (const std::string& step : plan.steps) {
      if (step.rfind("SEARCH ", 0) == 0) continue;
      EXPECT_EQ(step, "SCAN tu_index_seg") << plan.sql << ": a table scan";
    }
  }
}

struct KeysCase {
  const char* text;
  Lang lang;
};

const KeysCase kKeysCases[] = {
    {"وصل الوزير إلى طرابلس يوم الاثنين.", Lang::kAr},
    {"أعلنَ الرئيسُ في مدرسةٍ إلى ٢٠٢٠ ومؤسسة 1,000.5 وبالعراق", Lang::kAr},
    {"قال:«نحن هنا»، وأضاف  ــ  في عام 2020م (تقريبا)", Lang::kAr},
    {"بلغ الإنتاج\t1.2\nمليون برميل؛ و7 آلاف والعراق وبالعراق للعراق", Lang::kAr},
    {"The U.S. President's café, 1,000.5 don't STRASSE Straße e-mail", Lang::kEn},
    {"Tripoli, Jan 7 (Reuters) -\u00a0Flights resumed\u200b at Mitiga.", Lang::kEn},
    {"G7 leaders met in the 1990s;\u00a0\u00a0\"quotes\" and 3.5% the G7 the", Lang::kEn},
    {"  leading and trailing  ", Lang::kEn},
    {"", Lang::kEn},
};

// The per-chunk memo gives exactly the tokenizer's keys, on the first call and from the cache.
TEST(TmKeys, MemoizedWordKeysEqualTheTokenizers) {
  for (const KeysCase& c : kKeysCases) {
    const std::vector<std::string> expected = internal::WordKeysUncached(c.text, c.lang);
    EXPECT_EQ(internal::WordKeys(c.text, c.lang), expected) << c.text;
    EXPECT_EQ(internal::WordKeys(c.text, c.lang), expected) << c.text << " (cached)";
  }
}

// Chunks are what a byte-by-byte scan finds, wherever they fall against the scanner's 64-byte blocks:
// every ASCII white space byte cuts, nothing else does (not UTF-8 bytes, not U+0085 or U+00A0).
TEST(TmKeys, SplitChunksCutsAtAsciiWhiteSpaceOnly) {
  const std::string pieces[] = {"a", "Zz", " ", "\t", "\n", "\v", "\f", "\r", "\x08", "\x0e", "\x1f", "\x7f",
                                "\u0628", "\u0085", "\u00a0", "\u3000", "!"};
  std::mt19937 rng(11);
  std::vector<std::string_view> got;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t len = rng() % 300;
    while (text.size() < len) text += pieces[rng() % (sizeof pieces / sizeof pieces[0])];
    std::vector<std::string_view> want;
    size_t i = 0;
    auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (i < text.size()) {
      while (i < text.size() && space(text[i])) ++i;
      size_t e = i;
      while (e < text.size() && !space(text[e])) ++e;
      if (e > i) want.emplace_back(text.data() + i, e - i);
      i = e;
    }
    internal::SplitChunks(text, &got);
    ASSERT_EQ(got, want) << "round " << round << ": " << text;
  }
}

// What the import stores for a segment (words, count, index terms) equals computing each from the keys.
TEST(TmKeys, SegmentKeysEqualTheKeysOneByOne) {
  internal::SegmentKeys got;
  got.words = "left over from an earlier segment";
  got.terms = "stale";
  for (int pass = 0; pass < 2; ++pass) {
    for (const KeysCase& c : kKeysCases) {
      const std::vector<std::string> keys = internal::WordKeysUncached(c.text, c.lang);
      const std::string words = internal::JoinKeys(keys);
      internal::ComputeSegmentKeys(c.text, c.lang, nullptr, &got);
      EXPECT_EQ(got.words, words) << c.text << " pass " << pass;
      EXPECT_EQ(got.count, static_cast<int>(keys.size())) << c.text << " pass " << pass;
      EXPECT_EQ(got.terms, internal::IndexTerms(words, c.lang)) << c.text << " pass " << pass;
    }
  }
}

// A side's index terms: each distinct key, and each Arabic proclitic stem, once, in order of first
// appearance, short texts and long ones alike.
TEST(TmKeys, IndexTermsListsEachTermOnceInOrderOfFirstAppearance) {
  EXPECT_EQ(internal::IndexTerms("وبالعراق العراق بالعراق", Lang::kAr), "وبالعراق بالعراق العراق عراق");
  std::string words;
  std::vector<std::string> want;
  for (int i = 0; i < 60; ++i) {
    const std::string w = "w" + std::to_string(i % 25);
    words += (words.empty() ? "" : " ") + w;
    if (i < 25) want.push_back(w);
  }
  std::string joined;
  for (const std::string& w : want) joined += (joined.empty() ? "" : " ") + w;
  EXPECT_EQ(internal::IndexTerms(words, Lang::kEn), joined);
}

// Duplicate folding collapses exactly the code points ICU calls White_Space (the fast path asks ICU only
// about the blocks that hold any).
// The stored duplicate hash is the hash (XXH3) of the whole duplicate key, whatever the tuvs' order, tags
// and white space.
TEST(TmKeys, DupHashIsTheHashOfTheDupKey) {
  auto tu = [](std::vector<std::pair<std::string, std::string>> tuvs) {
    TranslationUnit t;
    for (auto& [lang, text] : tuvs) {
      Tuv v;
      v.lang = lang;
      v.text = text;
      t.tuvs.push_back(v);
    }
    return t;
  };
  const std::vector<TranslationUnit> cases = {
      tu({{"ar", "وصل  الوزير\t"}, {"en", " The minister\u00a0arrived "}}),
      tu({{"EN-gb", "b"}, {"ar-LY", "a"}}),
      tu({{"en", "zzz"}, {"en", "aaa"}}),                  // one language twice: the texts order them
      tu({{"en", "zzz"}, {"en\x1fzz", "a"}}),             // a tag holding the separator
      tu({{"en", "x"}, {"en-us", "y"}, {"ar", "\u2003z\u2003"}}),
      tu({{"fr", ""}}),
  };
  for (const TranslationUnit& t : cases) {
    std::string key;
    internal::DupKeyOf(t, &key);
    EXPECT_EQ(internal::DupHashOf(t), XXH3_64bits(key.data(), key.size())) << key;
  }
}

TEST(TmKeys, CollapseWhitespaceFollowsIcuOverEveryCodePoint) {
  int spaces = 0;
  for (UChar32 c = 1; c <= 0x10ffff; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    std::string text = "a";
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    text.append(buf, static_cast<size_t>(n));
    text += "b";
    const bool space = u_isUWhiteSpace(c);
    spaces += space ? 1 : 0;
    ASSERT_EQ(internal::CollapseWhitespace(text), space ? "a b" : text) << std::hex << "U+" << c;
    // The same across a 16-byte block boundary (the common case is checked a block at a time).
    const std::string padded = std::string(15, 'x') + text + std::string(16, 'y');
    ASSERT_EQ(internal::CollapseWhitespace(padded), space ? std::string(15, 'x') + "a b" + std::string(16, 'y') : padded)
        << std::hex << "U+" << c;
  }
  EXPECT_GT(spaces, 20);  // Unicode 15 has 25 White_Space code points
}

// Long random texts of words, single and repeated spaces of every kind, at the ends too: collapsed as
// a plain reference does it (ICU's White_Space runs made one space, the ends trimmed).
TEST(TmKeys, CollapseWhitespaceOfLongTextsMatchesAReference) {
  const std::vector<std::string> pieces = {"a", "Z", "\xd8\xa8", "\xd9\x8e", " ", " ", "  ", "\t", "\n",
                                           "\xc2\xa0", "\xe2\x80\x83", "\xe3\x80\x80", "\xc2\xab", "\xe2\x80\x8c",
                                           "\xe1\x9a\x80", "\xe2\x80\xa8", "."};
  auto reference = [](const std::string& text) {
    std::string out;
    bool pending = false;
    int32_t i = 0;
    const auto len = static_cast<int32_t>(text.size());
    while (i < len) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(text.data(), i, len, c);
      if (u_isUWhiteSpace(c)) {
        pending = true;
        continue;
      }
      if (pending && !out.empty()) out += ' ';
      pending = false;
      out.append(text, static_cast<size_t>(at), static_cast<size_t>(i - at));
    }
    return out;
  };
  std::mt19937 rng(5);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const size_t n = rng() % 60;
    // Mostly letters with single spaces, the shape the block-at-a-time check passes whole.
    for (size_t k = 0; k < n; ++k) text += rng() % 4 != 0 ? pieces[rng() % 5] : pieces[rng() % pieces.size()];
    ASSERT_EQ(internal::CollapseWhitespace(text), reference(text)) << "\"" << text << "\"";
  }
}

}  // namespace
}  // namespace nazir::store
