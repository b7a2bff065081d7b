// End-to-end tests of `nazir align` on a seed article: the bead format's contract, the other formats,
// and bad input.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace {

const std::string kData = std::string(NAZIR_TEST_DATA_DIR) + "/align/";

struct Result {
  int exit_code = -1;
  std::string out;
};

// Runs `nazir <args>`; stderr is appended to the output only when `merge_stderr`.
Result Nazir(const std::string& args, bool merge_stderr = false) {
  const nazir::testing::CliResult r = nazir::testing::RunNazir(args);
  return Result{r.exit_code, merge_stderr ? r.out + r.err : r.out};
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

struct ParsedBead {
  std::vector<int> ar, en;
  double confidence = -1;  // -1: none printed
};

std::vector<int> Ints(const std::string& s) {
  std::vector<int> v;
  std::stringstream ss(s);
  for (std::string x; std::getline(ss, x, ',');) v.push_back(std::stoi(x));
  return v;
}

std::vector<ParsedBead> ParseBeads(const std::string& text) {
  static const std::regex kBead(R"(^\[([0-9,]*)\]:\[([0-9,]*)\](?::([0-9.]+))?$)");
  std::vector<ParsedBead> out;
  for (const std::string& line : Lines(text)) {
    std::smatch m;
    EXPECT_TRUE(std::regex_match(line, m, kBead)) << line;
    if (m.empty()) continue;
    ParsedBead b{Ints(m[1]), Ints(m[2]), m[3].matched ? std::stod(m[3]) : -1};
    out.push_back(b);
  }
  return out;
}

int CountLines(const std::string& path) {
  std::ifstream in(path);
  int n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

const std::string kAr = "'" + kData + "seed_001.ar'";
const std::string kEn = "'" + kData + "seed_001.en'";

TEST(CliAlign, BeadsCoverEverySentenceOnceInOrderWithConfidenceOnPairsOnly) {
  const Result r = Nazir("align " + kAr + " " + kEn + " --presegmented");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  int next_ar = 0, next_en = 0;
  for (const ParsedBead& b : ParseBeads(r.out)) {
    for (int i : b.ar) EXPECT_EQ(i, next_ar++);
    for (int j : b.en) EXPECT_EQ(j, next_en++);
    const bool pair = !b.ar.empty() && !b.en.empty();
    EXPECT_EQ(pair, b.confidence >= 0) << "confidence on pairs only";
    if (pair) {
      EXPECT_GE(b.confidence, 0.5);  // the default --min-confidence
      EXPECT_LE(b.confidence, 1.0);
    }
  }
  EXPECT_EQ(next_ar, CountLines(kData + "seed_001.ar"));
  EXPECT_EQ(next_en, CountLines(kData + "seed_001.en"));
}

TEST(CliAlign, MostGoldPairsOfTheSeedArticleAreFound) {
  const Result r = Nazir("align " + kAr + " " + kEn + " --presegmented");
  ASSERT_EQ(r.exit_code, 0);
  std::ifstream gold_in(kData + "seed_001.gold");
  std::stringstream gold_text;
  gold_text << gold_in.rdbuf();
  // Lax match (a predicted pair shares an Arabic and an English sentence with a gold pair), as the shared
  // scorer's lax mode: an English rendering splits and merges too freely for every bead to be exact.
  std::vector<ParsedBead> gold, pred = ParseBeads(r.out);
  for (const ParsedBead& b : ParseBeads(gold_text.str())) {
    if (!b.ar.empty() && !b.en.empty()) gold.push_back(b);
  }
  auto overlaps = [](const ParsedBead& a, const ParsedBead& b) {
    std::set<int> ar(a.ar.begin(), a.ar.end()), en(a.en.begin(), a.en.end());
    bool x = false, y = false;
    for (int i : b.ar) x = x || ar.count(i);
    for (int j : b.en) y = y || en.count(j);
    return x && y;
  };
  int found = 0;
  for (const ParsedBead& g : gold) {
    for (const ParsedBead& p : pred) {
      if (!p.ar.empty() && !p.en.empty() && overlaps(g, p)) {
        ++found;
        break;
      }
    }
  }
  EXPECT_GE(found, static_cast<int>(gold.size()) * 8 / 10) << r.out;
}

TEST(CliAlign, TsvHasOnePairPerLineAndJsonHasTextsAndOffsets) {
  const Result tsv = Nazir("align " + kAr + " " + kEn + " --presegmented --format tsv");
  ASSERT_EQ(tsv.exit_code, 0);
  const Result beads = Nazir("align " + kAr + " " + kEn + " --presegmented");
  int pairs = 0;
  for (const ParsedBead& b : ParseBeads(beads.out)) pairs += !b.ar.empty() && !b.en.empty();
  const std::vector<std::string> rows = Lines(tsv.out);
  EXPECT_EQ(static_cast<int>(rows.size()), pairs);
  for (const std::string& row : rows) EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 2) << row;

  const Result json = Nazir("align " + kAr + " " + kEn + " --presegmented --format json");
  ASSERT_EQ(json.exit_code, 0);
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_TRUE(j["beads"].is_array());
  bool saw_pair = false;
  for (const auto& b : j["beads"]) {
    for (const auto& s : b["ar"]) {
      EXPECT_FALSE(s["text"].get<std::string>().empty());
      EXPECT_LT(s["begin"].get<int>(), s["end"].get<int>());
    }
    saw_pair = saw_pair || (!b["ar"].empty() && !b["en"].empty());
  }
  EXPECT_TRUE(saw_pair);
}

TEST(CliAlign, RawTextIsSegmentedFirst) {
  // The pre-segmented files read as raw text: the aligner segments them itself and still pairs them.
  const Result r = Nazir("align " + kAr + " " + kEn + " --format json");
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["ar_sentences"].get<int>(), CountLines(kData + "seed_001.ar"));
}

TEST(CliAlign, BadInputExitsOneWithAMessage) {
  const Result missing = Nazir("align /nonexistent/a.txt " + kEn, true);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_FALSE(missing.out.empty());
  const Result conf = Nazir("align " + kAr + " " + kEn + " --min-confidence 2", true);
  EXPECT_NE(conf.exit_code, 0) << conf.out;  // 1 (bad input) or 2 (usage), with a message
  EXPECT_NE(conf.out.find("confidence"), std::string::npos) << conf.out;
}

}  // namespace
