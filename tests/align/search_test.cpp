// The bead search on hand-made score tables: what a real pair, a merge and a sentence with no
// counterpart look like to the DP.
#include "nazir/align/search.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace nazir::align {
namespace {

// A scorer: the listed beads are real counterparts (score +5); every other pair bead is wrong (-5).
// A sentence with no counterpart scores 0, as in the aligner.
struct Truth {
  std::vector<BeadSpan> pairs;
  double operator()(const BeadSpan& b) const {
    if (b.ar_len == 0 || b.en_len == 0) return 0.0;
    for (const BeadSpan& p : pairs) {
      if (p == b) return 5.0;
    }
    return -5.0;
  }
};

std::string Show(const std::vector<BeadSpan>& path) {
  std::string s;
  for (const BeadSpan& b : path) {
    s += "[" + std::to_string(b.ar_begin) + "+" + std::to_string(b.ar_len) + "]:[" + std::to_string(b.en_begin) +
         "+" + std::to_string(b.en_len) + "] ";
  }
  return s;
}

// Every sentence of both sides exactly once, in order.
void ExpectCovers(const std::vector<BeadSpan>& path, int n, int m) {
  int i = 0, j = 0;
  for (const BeadSpan& b : path) {
    EXPECT_EQ(b.ar_begin, i) << Show(path);
    EXPECT_EQ(b.en_begin, j) << Show(path);
    i += b.ar_len;
    j += b.en_len;
  }
  EXPECT_EQ(i, n);
  EXPECT_EQ(j, m);
}

std::vector<BeadSpan> Pairs(const std::vector<BeadSpan>& path) {
  std::vector<BeadSpan> out;
  for (const BeadSpan& b : path) {
    if (b.ar_len > 0 && b.en_len > 0) out.push_back(b);
  }
  return out;
}

struct Case {
  const char* name;
  int n, m;
  std::vector<BeadSpan> truth;  // the real pairs; every other sentence has no counterpart
};

class SearchCases : public ::testing::TestWithParam<Case> {};

TEST_P(SearchCases, FindsTheRealPairsAndNothingElse) {
  const Case& c = GetParam();
  Truth truth{c.truth};
  for (const Band& band : {Band::Full(c.n, c.m),
                           Band::AroundDiagonal(std::vector<double>(c.n, 1.0), std::vector<double>(c.m, 1.0), 2)}) {
    const std::vector<BeadSpan> path = SearchBeads(c.n, c.m, DefaultShapes(), band, truth);
    ExpectCovers(path, c.n, c.m);
    EXPECT_EQ(Pairs(path), c.truth) << Show(path);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Align, SearchCases,
    ::testing::Values(
        Case{"AllOneToOne", 3, 3, {{0, 1, 0, 1}, {1, 1, 1, 1}, {2, 1, 2, 1}}},
        // Arabic sentence 1 was dropped by the English writer.
        Case{"DroppedSentence", 4, 3, {{0, 1, 0, 1}, {2, 1, 1, 1}, {3, 1, 2, 1}}},
        // English sentence 1 is background the Arabic does not have.
        Case{"InsertedSentence", 3, 4, {{0, 1, 0, 1}, {1, 1, 2, 1}, {2, 1, 3, 1}}},
        // Arabic 1 and 2 are one English sentence.
        Case{"TwoToOneMerge", 4, 3, {{0, 1, 0, 1}, {1, 2, 1, 1}, {3, 1, 2, 1}}},
        Case{"OneToTwoSplit", 3, 4, {{0, 1, 0, 1}, {1, 1, 1, 2}, {2, 1, 3, 1}}},
        // A headline and a masthead line with no counterpart at the top of the Arabic.
        Case{"HeadlineWithoutCounterpart", 5, 3, {{2, 1, 0, 1}, {3, 1, 1, 1}, {4, 1, 2, 1}}},
        Case{"NothingInCommon", 2, 2, {}}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(Search, EmptySidesGiveOnlyNoCounterpartBeads) {
  Truth truth;
  const std::vector<BeadSpan> path = SearchBeads(0, 3, DefaultShapes(), Band::Full(0, 3), truth);
  ExpectCovers(path, 0, 3);
  EXPECT_TRUE(Pairs(path).empty());
  EXPECT_TRUE(SearchBeads(0, 0, DefaultShapes(), Band::Full(0, 0), truth).empty());
}

TEST(Search, NarrowBandStillCoversBothSides) {
  // A band of width 0 around a path that leaves the diagonal: the search repairs it and still covers.
  Truth truth{{{0, 1, 2, 1}}};
  Band band = Band::AroundPath({{0, 1, 0, 1}, {1, 1, 1, 1}}, 2, 3, 0);
  const std::vector<BeadSpan> path = SearchBeads(2, 3, DefaultShapes(), band, truth);
  ExpectCovers(path, 2, 3);
}

TEST(Band, AroundDiagonalIsMuchSmallerThanFullForLongDocuments) {
  const int n = 2000;
  const Band band = Band::AroundDiagonal(std::vector<double>(n, 1.0), std::vector<double>(n, 1.0), 10);
  EXPECT_LT(band.Cells(), 25LL * (n + 1));
  EXPECT_EQ(Band::Full(n, n).Cells(), static_cast<long long>(n + 1) * (n + 1));
}

TEST(Band, TouchesWhenThePathRunsAlongItsEdge) {
  const Band band = Band::AroundDiagonal(std::vector<double>(50, 1.0), std::vector<double>(50, 1.0), 3);
  std::vector<BeadSpan> diagonal, off;
  for (int i = 0; i < 50; ++i) diagonal.push_back({i, 1, i, 1});
  EXPECT_FALSE(band.Touches(diagonal, 50, 50, 1));
  for (int i = 0; i < 50; ++i) off.push_back({i, 1, std::min(49, i + 3), i + 3 < 50 ? 1 : 0});
  EXPECT_TRUE(band.Touches(off, 50, 50, 1));
}

}  // namespace
}  // namespace nazir::align
