#include "nazir/corpus/pairs.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "nazir/corpus/progress.h"

namespace nazir::corpus {
namespace {

class PairsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/nazir_pairs_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(dir_ + "/" + rel) << text;
  }
  std::string dir_;
};

TEST_F(PairsTest, ResolvesRelativePathsAgainstTheListFolder) {
  Write("pairs.tsv", "# corpus\nar/a.txt\ten/a.txt\tdoc-a\n\n/abs/b.ar\t/abs/b.en\n");
  auto pairs = ReadPairList(dir_ + "/pairs.tsv");
  ASSERT_TRUE(pairs.ok()) << pairs.status().message();
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[0].ar_path, dir_ + "/ar/a.txt");
  EXPECT_EQ((*pairs)[0].en_path, dir_ + "/en/a.txt");
  EXPECT_EQ((*pairs)[0].doc_id, "doc-a");
  EXPECT_EQ((*pairs)[0].line, 2);
  EXPECT_EQ((*pairs)[1].ar_path, "/abs/b.ar");
  EXPECT_EQ((*pairs)[1].doc_id, "b") << "doc_id defaults to the Arabic file's stem";
}

TEST_F(PairsTest, MissingColumnNamesTheLine) {
  Write("pairs.tsv", "ar/a.txt\ten/a.txt\nonly-one-column\n");
  auto pairs = ReadPairList(dir_ + "/pairs.tsv");
  ASSERT_FALSE(pairs.ok());
  EXPECT_EQ(pairs.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(pairs.status().message().find("pairs.tsv:2"), std::string::npos) << pairs.status().message();
}

TEST_F(PairsTest, DuplicateDocIdIsAnError) {
  Write("pairs.tsv", "a1\te1\tsame\na2\te2\tsame\n");
  EXPECT_FALSE(ReadPairList(dir_ + "/pairs.tsv").ok());
}

TEST_F(PairsTest, PairsFoldersByNameIgnoringLanguageTags) {
  ASSERT_EQ(std::system(("mkdir -p " + dir_ + "/A " + dir_ + "/E").c_str()), 0);
  Write("A/x.txt", "س");
  Write("E/x.txt", "e");
  Write("A/y.ar.txt", "س");
  Write("E/y.en.txt", "e");
  Write("A/lonely.txt", "س");
  std::vector<std::string> unpaired;
  auto pairs = PairDirectories(dir_ + "/A", dir_ + "/E", &unpaired);
  ASSERT_TRUE(pairs.ok()) << pairs.status().message();
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[0].doc_id, "x");
  EXPECT_EQ((*pairs)[1].en_path, dir_ + "/E/y.en.txt");
  ASSERT_EQ(unpaired.size(), 1u);
  EXPECT_NE(unpaired[0].find("lonely.txt"), std::string::npos);
}

TEST(Shard, ShardsPartitionTheList) {
  std::vector<DocPair> pairs;
  for (int i = 0; i < 11; ++i) pairs.push_back(DocPair{"a" + std::to_string(i), "e", "d" + std::to_string(i), i});
  std::multiset<std::string> seen;
  for (int s = 0; s < 3; ++s) {
    for (const auto& p : Shard(pairs, s, 3)) seen.insert(p.doc_id);
  }
  EXPECT_EQ(seen.size(), pairs.size());
  for (const auto& p : pairs) EXPECT_EQ(seen.count(p.doc_id), 1u) << p.doc_id;
}

TEST(Shard, ParsesSpecsAndRejectsBadOnes) {
  auto ok = ParseShard("1/4");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->first, 1);
  EXPECT_EQ(ok->second, 4);
  for (const char* bad : {"4/4", "-1/2", "1", "a/b", "1/0", "1/2x"}) {
    auto r = ParseShard(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(Progress, RendersCountsAndRate) {
  Progress p("align", 10, /*enabled=*/false);
  p.Advance(4, 37);
  std::string line = p.Render();
  EXPECT_NE(line.find("4/10 docs"), std::string::npos) << line;
  EXPECT_NE(line.find("37 pairs"), std::string::npos) << line;
}

}  // namespace
}  // namespace nazir::corpus
