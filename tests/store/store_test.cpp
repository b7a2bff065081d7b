#include "support/temp_dir.h"
#include "support/tu_make.h"
#include "nazir/store/store.h"
#include "nazir/store/tm_search.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace nazir::store {
namespace {

namespace fs = std::filesystem;

using ::nazir::testing::TempDir;

using ::nazir::testing::MakeTu;

std::unique_ptr<Store> OpenOrDie(const std::string& path, bool read_only = false) {
  StoreOptions o;
  o.read_only = read_only;
  auto s = Store::Open(path, o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

TEST(Store, CreatesSchemaInWalModeAndReopens) {
  TempDir dir;
  const std::string db = dir.File("nazir.db");
  {
    auto store = OpenOrDie(db);
    ASSERT_TRUE(store);
    auto mode = store->db().Prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok());
    ASSERT_TRUE(*mode->Step());
    EXPECT_EQ(mode->ColumnText(0), "wal");
    mode->Reset();
    auto added = store->AddTu(MakeTu("قال الوزير", "The minister said"), {});
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
  auto again = OpenOrDie(db, /*read_only=*/true);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again->CountTus(), 1);
  EXPECT_EQ(again->Stats()->schema_version, Store::kSchemaVersion);
}

TEST(Store, RefusesAnotherSqliteDatabase) {
  TempDir dir;
  const std::string db = dir.File("other.db");
  {
    auto raw = Database::Open(db, false);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)->Exec("CREATE TABLE t(x)").ok());
  }
  auto s = Store::Open(db);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.status().message().find("not a nazir store"), std::string::npos) << s.status().message();
}

TEST(Store, ReadOnlyOpenOfMissingFileIsNotFoundAndCreatesNothing) {
  TempDir dir;
  StoreOptions o;
  o.read_only = true;
  auto s = Store::Open(dir.File("missing.db"), o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir.File("missing.db")));
}

TEST(Store, ReadOnlyStoreRefusesWrites) {
  TempDir dir;
  const std::string db = dir.File("nazir.db");
  ASSERT_TRUE(OpenOrDie(db));
  auto ro = OpenOrDie(db, true);
  ASSERT_TRUE(ro);
  EXPECT_FALSE(ro->AddTu(MakeTu("نص", "text"), {}).ok());
}

TEST(Store, KeepsEveryPartOfATuLosslessly) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  TranslationUnit tu;
  tu.tuid = "tu-17";
  tu.srclang = "en-US";
  tu.creationdate = "20260101T120000Z";
  tu.changedate = "20260102T120000Z";
  tu.props = {{"x-domain", "news", ""}, {"x-note", "ملاحظة", "ar"}};
  tu.notes = {{"checked by hand", "en"}};
  Tuv en;
  en.lang = "en-US";
  en.text = "Press OK to continue.";
  en.seg_markup = "Press <bpt i=\"1\">&lt;b&gt;</bpt>OK<ept i=\"1\">&lt;/b&gt;</ept> to continue.";
  en.props = {{"x-tuv", "1", ""}};
  en.notes = {{"UI string", ""}};
  en.creationdate = "20260101T120001Z";
  Tuv ar;
  ar.lang = "ar-LY";
  ar.text = "اضغط موافق للمتابعة.";
  Tuv fr;
  fr.lang = "fr";
  fr.text = "Appuyez sur OK pour continuer.";
  tu.tuvs = {en, ar, fr};

  auto added = store->AddTu(tu, {});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  auto got = store->GetTu(added->tu_id);
  ASSERT_TRUE(got.ok() && got->has_value());
  const TranslationUnit& back = (*got)->tu;
  EXPECT_EQ(back.tuid, tu.tuid);
  EXPECT_EQ(back.srclang, tu.srclang);
  EXPECT_EQ(back.creationdate, tu.creationdate);
  EXPECT_EQ(back.changedate, tu.changedate);
  ASSERT_EQ(back.props.size(), 2u);
  EXPECT_EQ(back.props[1].value, "ملاحظة");
  EXPECT_EQ(back.props[1].lang, "ar");
  ASSERT_EQ(back.notes.size(), 1u);
  EXPECT_EQ(back.notes[0].text, "checked by hand");
  ASSERT_EQ(back.tuvs.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back.tuvs[i].lang, tu.tuvs[i].lang);
    EXPECT_EQ(back.tuvs[i].text, tu.tuvs[i].text);
    EXPECT_EQ(back.tuvs[i].seg_markup, tu.tuvs[i].seg_markup);
    EXPECT_EQ(back.tuvs[i].creationdate, tu.tuvs[i].creationdate);
    EXPECT_EQ(back.tuvs[i].props.size(), tu.tuvs[i].props.size());
    EXPECT_EQ(back.tuvs[i].notes.size(), tu.tuvs[i].notes.size());
  }
  EXPECT_EQ((*got)->ar_text, "اضغط موافق للمتابعة.");
  EXPECT_EQ((*got)->en_text, "Press OK to continue.");
}

struct DupCase {
  const char* name;
  const char* ar2;
  const char* en2;
  bool folds;
};

class DuplicateFolding : public ::testing::TestWithParam<DupCase> {};

TEST_P(DuplicateFolding, FoldsOnlyWhitespaceVariants) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  const DupCase& c = GetParam();
  auto a = store->AddTu(MakeTu("وصل الوزير إلى طرابلس", "The minister arrived in Tripoli"), {});
  auto b = store->AddTu(MakeTu(c.ar2, c.en2), {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a->inserted);
  EXPECT_EQ(!b->inserted, c.folds);
  EXPECT_EQ(a->tu_id == b->tu_id, c.folds);
  EXPECT_EQ(*store->CountTus(), c.folds ? 1 : 2);
  EXPECT_EQ(store->Stats()->occurrences, 2);
  if (c.folds) {
    EXPECT_EQ((*store->GetTu(a->tu_id))->count, 2);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Store, DuplicateFolding,
    ::testing::Values(DupCase{"Identical", "وصل الوزير إلى طرابلس", "The minister arrived in Tripoli", true},
                      DupCase{"ExtraSpacesAndNbsp", "  وصل  الوزير\u00a0إلى طرابلس ",
                              "The minister\tarrived in\nTripoli", true},
                      DupCase{"DifferentHamza", "وصل الوزير الى طرابلس", "The minister arrived in Tripoli", false},
                      DupCase{"DifferentCase", "وصل الوزير إلى طرابلس", "The Minister arrived in Tripoli", false},
                      DupCase{"DifferentTarget", "وصل الوزير إلى طرابلس", "The minister reached Tripoli", false}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Store, DuplicateInOtherTuvOrderFolds) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  TranslationUnit en_first = MakeTu("مرحبا", "Hello");
  std::swap(en_first.tuvs[0], en_first.tuvs[1]);
  auto a = store->AddTu(MakeTu("مرحبا", "Hello"), {});
  auto b = store->AddTu(en_first, {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->tu_id, b->tu_id);
}

TEST(Store, KeepsProvenanceOfEveryOccurrenceAndTheBestConfidence) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  DocumentRecord d;
  d.name = "bbc-0412";
  d.content_hash = ContentHash("ar\0en");
  auto doc = store->AddDocument(d);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  TuProvenance p1;
  p1.document_id = *doc;
  p1.ar_sentences = {3};
  p1.en_sentences = {2, 3};
  p1.confidence = 0.61;
  p1.origin_file = "articles/bbc-0412.ar.txt";
  TuProvenance p2;
  p2.confidence = 0.93;
  p2.origin_file = "memory.tmx";
  p2.creationdate = "20250505T050505Z";
  auto a = store->AddTu(MakeTu("قال السراج", "Sarraj said"), p1);
  auto b = store->AddTu(MakeTu("قال السراج", "Sarraj said"), p2);
  ASSERT_TRUE(a.ok() && b.ok());
  auto prov = store->GetProvenance(a->tu_id);
  ASSERT_TRUE(prov.ok());
  ASSERT_EQ(prov->size(), 2u);
  EXPECT_EQ((*prov)[0].document_id, *doc);
  EXPECT_EQ((*prov)[0].ar_sentences, std::vector<int>({3}));
  EXPECT_EQ((*prov)[0].en_sentences, std::vector<int>({2, 3}));
  EXPECT_EQ((*prov)[0].origin_file, "articles/bbc-0412.ar.txt");
  EXPECT_EQ((*prov)[1].origin_file, "memory.tmx");
  EXPECT_EQ((*prov)[1].creationdate, "20250505T050505Z");
  EXPECT_DOUBLE_EQ(*(*store->GetTu(a->tu_id))->confidence, 0.93);
}

TEST(Store, RemovingADocumentTakesOnlyItsOccurrences) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  DocumentRecord d1, d2;
  d1.name = "one";
  d2.name = "two";
  const int64_t one = *store->AddDocument(d1);
  const int64_t two = *store->AddDocument(d2);
  TuProvenance from_one, from_two;
  from_one.document_id = one;
  from_one.confidence = 0.9;
  from_two.document_id = two;
  from_two.confidence = 0.5;
  const int64_t shared = store->AddTu(MakeTu("مشترك", "shared"), from_one)->tu_id;
  ASSERT_TRUE(store->AddTu(MakeTu("مشترك", "shared"), from_two).ok());
  ASSERT_TRUE(store->AddTu(MakeTu("فقط في الأول", "only in one"), from_one).ok());

  ASSERT_TRUE(store->RemoveDocument(one).ok());
  EXPECT_EQ(*store->CountTus(), 1);
  auto left = store->GetTu(shared);
  ASSERT_TRUE(left.ok() && left->has_value());
  EXPECT_EQ((*left)->count, 1);
  EXPECT_DOUBLE_EQ(*(*left)->confidence, 0.5);
  EXPECT_FALSE(store->FindDocument("one")->has_value());
  // The removed TU is gone from the index too: the word index holds exactly the TUs left.
  EXPECT_TRUE(store->CheckIndexes().ok()) << store->CheckIndexes().message();
  EXPECT_TRUE(Concordance(*store, "only in one", {})->empty());
}

TEST(Store, DocumentsAreFoundByNameAndHashAndTrackProgress) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  DocumentRecord d;
  d.name = "memory.tmx";
  d.kind = "tmx";
  d.content_hash = ContentHash("<tmx/>");
  const int64_t id = *store->AddDocument(d);
  EXPECT_FALSE(store->AddDocument(d).ok()) << "names are unique";
  ASSERT_TRUE(store->UpdateDocumentProgress(id, 5000, false).ok());
  auto by_hash = store->FindDocumentByHash(d.content_hash);
  ASSERT_TRUE(by_hash.ok() && by_hash->has_value());
  EXPECT_EQ((*by_hash)->tu_done, 5000);
  EXPECT_FALSE((*by_hash)->complete);
  EXPECT_EQ((*by_hash)->kind, "tmx");
  EXPECT_EQ(store->Stats()->incomplete_documents, 1);
  EXPECT_NE(ContentHash("a"), ContentHash("b"));
}

TEST(Store, TransactionRollsBackOnDestruction) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  {
    auto txn = store->BeginTransaction();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(store->AddTu(MakeTu("لن يبقى", "will not stay"), {}).ok());
  }
  EXPECT_EQ(*store->CountTus(), 0);
  {
    auto txn = store->BeginTransaction();
    ASSERT_TRUE(store->AddTu(MakeTu("سيبقى", "will stay"), {}).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  EXPECT_EQ(*store->CountTus(), 1);
}

TEST(Store, ReaderSeesCommittedRowsWhileAWriterHoldsATransaction) {
  TempDir dir;
  const std::string db = dir.File("nazir.db");
  auto writer = OpenOrDie(db);
  ASSERT_TRUE(writer->AddTu(MakeTu("أول", "first"), {}).ok());
  auto txn = writer->BeginTransaction();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(writer->AddTu(MakeTu("ثان", "second"), {}).ok());
  // WAL: a second connection reads the committed state at once instead of waiting for the writer.
  StoreOptions quick;
  quick.read_only = true;
  quick.busy_timeout_ms = 0;
  auto reader = Store::Open(db, quick);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(*(*reader)->CountTus(), 1);
  ASSERT_TRUE((*txn)->Commit().ok());
  EXPECT_EQ(*(*reader)->CountTus(), 2);
}

TEST(Store, ForEachTuFiltersByConfidenceAndDocument) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  DocumentRecord d;
  d.name = "doc";
  const int64_t doc = *store->AddDocument(d);
  TuProvenance low, high, human;
  low.confidence = 0.3;
  low.document_id = doc;
  high.confidence = 0.95;
  ASSERT_TRUE(store->AddTu(MakeTu("ضعيف", "weak"), low).ok());
  ASSERT_TRUE(store->AddTu(MakeTu("قوي", "strong"), high).ok());
  ASSERT_TRUE(store->AddTu(MakeTu("بشري", "human"), human).ok());
  auto collect = [&](const TuFilter& f) {
    std::vector<std::string> en;
    EXPECT_TRUE(store->ForEachTu(f, [&](const StoredTu& t) {
                        en.push_back(t.en_text);
                        return Status::Ok();
                      }).ok());
    return en;
  };
  TuFilter f;
  f.min_confidence = 0.5;
  EXPECT_EQ(collect(f), std::vector<std::string>({"strong", "human"}));
  TuFilter g;
  g.document_id = doc;
  EXPECT_EQ(collect(g), std::vector<std::string>({"weak"}));
  EXPECT_EQ(collect({}).size(), 3u);
}

TEST(Store, StatsCountWordsAndConfidenceBands) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  TuProvenance p;
  p.confidence = 0.95;
  ASSERT_TRUE(store->AddTu(MakeTu("قال الوزير، اليوم.", "The minister said today."), p).ok());
  ASSERT_TRUE(store->AddTu(MakeTu("قال الوزير، اليوم.", "The minister said today."), p).ok());
  auto s = store->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->tus, 1);
  EXPECT_EQ(s->occurrences, 2);
  EXPECT_EQ(s->ar_words, 3);
  EXPECT_EQ(s->en_words, 4);
  EXPECT_EQ(s->confidence_bands[3], 1);
  EXPECT_GT(s->file_bytes, 0);
}

TEST(Store, RebuildIndexesKeepsLookupsWorking) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  ASSERT_TRUE(store->AddTu(MakeTu("وصل الوزير", "The minister arrived"), {}).ok());
  ASSERT_TRUE(store->RebuildIndexes().ok());
  EXPECT_TRUE(store->CheckIndexes().ok()) << store->CheckIndexes().message();
  EXPECT_EQ(Concordance(*store, "minister", {})->size(), 1u);
  EXPECT_EQ(Lookup(*store, "The minister arrived", {})->size(), 1u);
}

// ---- Glossary ---------------------------------------------------------------------------------------------

GlossaryEntry Stoltenberg() {
  GlossaryEntry e;
  e.type = "PER";
  e.english = "Jens Stoltenberg";
  e.english_variants = {{"Jens Stoltenberg", 3, "", ""}};
  e.arabic = {{"ستولتنبرغ", 2, "قال ستولتنبرغ", "d1:4"}, {"ستلولتنبرج", 1, "ينس ستلولتنبرج", "d0:0"}};
  e.count = 3;
  return e;
}

TEST(Glossary, StoresEntriesWithVariantsAndFindsThemByKey) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  auto id = store->PutGlossaryEntry(Stoltenberg(), {{"norm", "ستولتنبرغ", "ستولتنبرغ"},
                                                    {"norm", "ستلولتنبرج", "ستلولتنبرج"},
                                                    {"cons", "STLTNBRG", ""},
                                                    {"en", "jens stoltenberg", ""}});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto e = store->GetGlossaryEntry(*id);
  ASSERT_TRUE(e.ok() && e->has_value());
  EXPECT_EQ((*e)->english, "Jens Stoltenberg");
  EXPECT_EQ((*e)->type, "PER");
  ASSERT_EQ((*e)->arabic.size(), 2u);
  EXPECT_EQ((*e)->arabic[0].text, "ستولتنبرغ");
  EXPECT_EQ((*e)->arabic[0].source, "d1:4");
  EXPECT_EQ((*e)->arabic[1].text, "ستلولتنبرج");
  ASSERT_EQ((*e)->english_variants.size(), 1u);

  auto hits = store->FindGlossaryKey("norm", "ستلولتنبرج");
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].entry_id, *id);
  EXPECT_EQ((*hits)[0].variant, "ستلولتنبرج");
  EXPECT_TRUE(store->FindGlossaryKey("cons", "STLTNBRJ")->empty());
  EXPECT_EQ(store->FindGlossaryKeyPrefix("cons", "STL", 10)->size(), 1u);
  EXPECT_TRUE(store->FindGlossaryKeyPrefix("cons", "STM", 10)->empty());
  EXPECT_EQ(store->GetGlossaryKeys(*id)->size(), 4u);
}

TEST(Glossary, ProbesUseTheKeyIndexNotAScan) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  auto plan = store->db().Prepare(
      "EXPLAIN QUERY PLAN SELECT kind, key, entry_id, variant FROM gloss_key WHERE kind = 'norm' AND key = 'x'");
  ASSERT_TRUE(plan.ok());
  ASSERT_TRUE(*plan->Step());
  const std::string detail(plan->ColumnText(3));
  EXPECT_NE(detail.find("SEARCH"), std::string::npos) << detail;
}

TEST(Glossary, ReplacingAnEntryReplacesItsVariantsAndKeys) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  const int64_t id = *store->PutGlossaryEntry(Stoltenberg(), {{"norm", "ستولتنبرغ", ""}});
  GlossaryEntry e = Stoltenberg();
  e.id = id;
  e.arabic.resize(1);
  e.type = "";
  ASSERT_EQ(*store->PutGlossaryEntry(e, {{"norm", "ستولتنبرج", ""}}), id);
  auto back = store->GetGlossaryEntry(id);
  EXPECT_EQ((*back)->arabic.size(), 1u);
  EXPECT_EQ((*back)->type, "");
  EXPECT_TRUE(store->FindGlossaryKey("norm", "ستولتنبرغ")->empty());
  EXPECT_EQ(store->FindGlossaryKey("norm", "ستولتنبرج")->size(), 1u);
  EXPECT_EQ(*store->CountGlossaryEntries(), 1);
}

TEST(Glossary, DeleteAndClear) {
  TempDir dir;
  auto store = OpenOrDie(dir.File("nazir.db"));
  const int64_t a = *store->PutGlossaryEntry(Stoltenberg(), {{"norm", "a", ""}});
  GlossaryEntry libya;
  libya.english = "Libya";
  libya.type = "LOC";
  libya.arabic = {{"ليبيا", 5, "", ""}};
  ASSERT_TRUE(store->PutGlossaryEntry(libya, {{"norm", "ليبيا", ""}}).ok());
  ASSERT_TRUE(store->DeleteGlossaryEntry(a).ok());
  EXPECT_TRUE(store->FindGlossaryKey("norm", "a")->empty());
  std::vector<std::string> names;
  ASSERT_TRUE(store->ForEachGlossaryEntry([&](const GlossaryEntry& e) {
                     names.push_back(e.english);
                     return Status::Ok();
                   }).ok());
  EXPECT_EQ(names, std::vector<std::string>({"Libya"}));
  ASSERT_TRUE(store->ClearGlossary().ok());
  EXPECT_EQ(*store->CountGlossaryEntries(), 0);
  EXPECT_TRUE(store->FindGlossaryKey("norm", "ليبيا")->empty());
}

}  // namespace
}  // namespace nazir::store
