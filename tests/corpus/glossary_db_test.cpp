// The glossary in the store across nazir versions: a glossary keyed by an older build (its key rows no
// longer what lookups probe) is re-keyed, and then found by every spelling, with nothing else changed.
#include "nazir/corpus/glossary_db.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/store/store.h"
#include "support/temp_dir.h"

namespace nazir::corpus {
namespace {

GlossaryEntry Stoltenberg() {
  GlossaryEntry e;
  e.type = "PER";
  e.english = "Jens Stoltenberg";
  e.english_variants = {{"Jens Stoltenberg", 3, "", ""}};
  e.arabic = {{"ستولتنبرغ", 2, "قال ستولتنبرغ", "a:1"}, {"ستلولتنبرج", 1, "", ""}};
  e.count = 3;
  return e;
}

std::vector<std::string> EnglishOf(const std::vector<GlossaryHit>& hits) {
  std::vector<std::string> out;
  for (const GlossaryHit& h : hits) out.push_back(h.entry.english);
  return out;
}

// An entry stored the way an older build might have left it: without the key rows this build probes.
int64_t PutWithoutKeys(store::Store& st, const GlossaryEntry& e) {
  auto id = st.PutGlossaryEntry(e, {});
  EXPECT_TRUE(id.ok()) << id.status().message();
  return id.ok() ? *id : 0;
}

TEST(GlossaryKeys, AnEmptyGlossaryIsCurrent) {
  testing::TempDir dir;
  auto st = store::Store::Open(dir.File("g.db"));
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_TRUE(*GlossaryKeysCurrent(**st));
}

TEST(GlossaryKeys, StaleKeysAreRebuiltAndEveryEntryIsFoundAgain) {
  testing::TempDir dir;
  auto st = store::Store::Open(dir.File("g.db"));
  ASSERT_TRUE(st.ok()) << st.status().message();
  const int64_t id = PutWithoutKeys(**st, Stoltenberg());
  ASSERT_FALSE(*GlossaryKeysCurrent(**st)) << "entries without a recorded key fingerprint are stale";
  EXPECT_TRUE(LookupGlossary(**st, "ستولتنبرغ", 5)->empty()) << "no key rows: the lookup cannot reach it";

  auto n = RekeyGlossary(**st);
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 1);
  EXPECT_TRUE(*GlossaryKeysCurrent(**st));
  for (const char* spelling : {"ستولتنبرغ", "لستلولتنبرج", "Stoltenberg"}) {
    auto hits = LookupGlossary(**st, spelling, 5);
    ASSERT_TRUE(hits.ok()) << hits.status().message();
    ASSERT_FALSE(hits->empty()) << spelling;
    EXPECT_EQ(hits->front().entry.english, "Jens Stoltenberg") << spelling;
    EXPECT_EQ(hits->front().entry.id, id) << "re-keying keeps the entry's id";
  }
  auto e = (*st)->GetGlossaryEntry(id);
  ASSERT_TRUE(e.ok() && e->has_value());
  ASSERT_EQ((*e)->arabic.size(), 2u);
  EXPECT_EQ((*e)->arabic[0].text, "ستولتنبرغ");
  EXPECT_EQ((*e)->arabic[0].example, "قال ستولتنبرغ");
  EXPECT_EQ((*e)->count, 3);
}

TEST(GlossaryKeys, ARecordedFingerprintOfAnotherBuildIsStale) {
  testing::TempDir dir;
  auto st = store::Store::Open(dir.File("g.db"));
  ASSERT_TRUE(st.ok()) << st.status().message();
  ASSERT_TRUE(ImportGlossaryEntries(**st, {Stoltenberg()}).ok());
  EXPECT_TRUE(*GlossaryKeysCurrent(**st)) << "an import records this build's fingerprint";
  ASSERT_TRUE((*st)->SetMeta("glossary_key_fingerprint", "0000000000000000").ok());
  EXPECT_FALSE(*GlossaryKeysCurrent(**st));
}

TEST(GlossaryKeys, AnImportIntoAStaleGlossaryRekeysTheEntriesAlreadyThere) {
  testing::TempDir dir;
  auto st = store::Store::Open(dir.File("g.db"));
  ASSERT_TRUE(st.ok()) << st.status().message();
  PutWithoutKeys(**st, Stoltenberg());
  GlossaryEntry tripoli;
  tripoli.type = "LOC";
  tripoli.english = "Tripoli";
  tripoli.arabic = {{"طرابلس", 4, "", ""}};
  tripoli.count = 4;
  ASSERT_TRUE(ImportGlossaryEntries(**st, {tripoli}).ok());
  EXPECT_TRUE(*GlossaryKeysCurrent(**st));
  EXPECT_EQ(EnglishOf(*LookupGlossary(**st, "ستولتنبرغ", 1)), std::vector<std::string>{"Jens Stoltenberg"});
  EXPECT_EQ(EnglishOf(*LookupGlossary(**st, "بطرابلس", 1)), std::vector<std::string>{"Tripoli"});
}

}  // namespace
}  // namespace nazir::corpus
