// End-to-end tests of `nazir segment`: exit codes, messages and output formats.
#include <sys/wait.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace {

const std::string kData = std::string(NAZIR_TEST_DATA_DIR) + "/text/";

struct Result {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs `nazir <args>` (stderr after stdout).
Result Nazir(const std::string& args) {
  const nazir::testing::CliResult r = nazir::testing::RunNazir(args);
  return Result{r.exit_code, r.out + r.err};
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(CliSegment, PrintsOneSentencePerLine) {
  const Result r = Nazir("segment --lang ar '" + kData + "legacy.utf8.txt'");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[1],
            "وقالت القائم بالاعمال الاميركية ان واشنطن انفقت 635 مليون دولار لدعم ليبيا بعد اطاحة نظام معمر "
            "القذافي.");
}

TEST(CliSegment, PrintsJsonWithByteOffsetsAndParagraphs) {
  const Result r = Nazir("segment --lang ar --json '" + kData + "bom_crlf.txt'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const auto first = nlohmann::json::parse(lines[0]);
  const auto second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(first["text"], "الأخبار");
  EXPECT_EQ(first["begin"], 0);
  EXPECT_EQ(first["end"], std::string("الأخبار").size());
  EXPECT_EQ(first["paragraph"], 0);
  EXPECT_EQ(second["paragraph"], 1);
}

TEST(CliSegment, ReadsStandardInputAndLegacyEncodings) {
  const Result utf8 = Nazir("segment --lang ar - < '" + kData + "legacy.utf8.txt'");
  const Result cp1256 = Nazir("segment --lang ar --encoding windows-1256 '" + kData + "legacy.cp1256.txt'");
  const Result iso = Nazir("segment --lang ar --encoding iso-8859-6 '" + kData + "legacy.iso8859-6.txt'");
  ASSERT_EQ(utf8.exit_code, 0) << utf8.out;
  EXPECT_EQ(cp1256.exit_code, 0) << cp1256.out;
  EXPECT_EQ(iso.exit_code, 0) << iso.out;
  EXPECT_EQ(cp1256.out, utf8.out);
  EXPECT_EQ(iso.out, utf8.out);
}

TEST(CliSegment, ExitsOneOnBadInputNamingFileLineAndByte) {
  const Result r = Nazir("segment --lang ar '" + kData + "invalid_utf8.txt'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("invalid_utf8.txt:3:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("byte 48"), std::string::npos) << r.out;

  struct Case {
    const char* file;
    const char* says;
  };
  const Case cases[] = {
      {"empty.txt", "empty"},
      {"blank.txt", "only whitespace"},
      {"binary.bin", "binary"},
      {"no-such-file.txt", "cannot open"},
  };
  for (const Case& c : cases) {
    const Result bad = Nazir(std::string("segment --lang en '") + kData + c.file + "'");
    EXPECT_EQ(bad.exit_code, 1) << c.file << ": " << bad.out;
    EXPECT_NE(bad.out.find(c.says), std::string::npos) << bad.out;
  }
}

TEST(CliSegment, ExitsTwoOnUsageErrors) {
  const char* cases[] = {
      "segment",                                   // --lang is required
      "segment --lang fr -",                       // unknown language
      "segment --lang ar --no-such-flag -",        // unknown flag
      "segment --lang ar --encoding latin1 -",     // unsupported encoding
  };
  for (const char* args : cases) {
    const Result r = Nazir(std::string(args) + " < /dev/null");
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.out;
  }
}

}  // namespace
