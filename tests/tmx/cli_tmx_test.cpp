// `nazir tmx validate|stats|merge` end to end: exit codes (0 ok, 1 bad input, 2 usage), messages, JSON.
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"
#include "test_util.h"

namespace nazir::tmx {
namespace {

using testing::kTmxData;
using testing::ScratchDir;

using Result = nazir::testing::CliResult;

// Runs `nazir <args>` through the shell.
Result Nazir(const std::string& args) { return nazir::testing::RunNazir(args); }

std::string Q(const std::string& path) { return "'" + path + "'"; }

TEST(CliTmxValidate, ValidFilesExitZero) {
  const Result r = Nazir("tmx validate " + Q(kTmxData + "okapi_rainbow.tmx") + " " + Q(kTmxData + "trados_utf16.tmx"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("okapi_rainbow.tmx: valid TMX 1.4b, 4 TUs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("trados_utf16.tmx: valid TMX 1.4b, 2 TUs"), std::string::npos) << r.out;
}

TEST(CliTmxValidate, ProblemsExitOneAndNameFileLineColumn) {
  const std::string bad = kTmxData + "invalid_semantics.tmx";
  const Result r = Nazir("tmx validate " + Q(bad) + " " + Q(kTmxData + "okapi_rainbow.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(bad + ":9:45: tu 'a1': duplicate tuid (first used at line 5)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(bad + ": INVALID: 6 problems (4 TUs read)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("okapi_rainbow.tmx: valid"), std::string::npos) << r.out;  // the rest is still checked
}

TEST(CliTmxValidate, MalformedXmlNamesThePlace) {
  const Result r = Nazir("tmx validate " + Q(kTmxData + "hostile/invalid_utf8.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("invalid_utf8.tmx:5:44: invalid UTF-8: byte 0xFF"), std::string::npos) << r.out;
}

TEST(CliTmxValidate, MissingFileExitsOneWithAnError) {
  const Result r = Nazir("tmx validate " + Q(kTmxData + "none.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nazir: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("none.tmx: no such file"), std::string::npos) << r.err;
}

TEST(CliTmxValidate, JsonReport) {
  const Result r = Nazir("tmx validate --json " + Q(kTmxData + "invalid_semantics.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["valid"], false);
  EXPECT_EQ(j[0]["tus"], 4);
  EXPECT_EQ(j[0]["problems_total"], 6);
  EXPECT_EQ(j[0]["problems"][2]["line"], 9);
  EXPECT_EQ(j[0]["problems"][2]["tuid"], "a1");
}

TEST(CliTmx, UsageErrorsExitTwo) {
  EXPECT_EQ(Nazir("tmx").exit_code, 2);
  EXPECT_EQ(Nazir("tmx validate").exit_code, 2);
  EXPECT_EQ(Nazir("tmx merge " + Q(kTmxData + "okapi_rainbow.tmx")).exit_code, 2);  // no -o
  EXPECT_EQ(Nazir("tmx stats --bogus " + Q(kTmxData + "okapi_rainbow.tmx")).exit_code, 2);
  EXPECT_EQ(Nazir("tmx validate " + Q(kTmxData)).exit_code, 2);  // a folder
}

TEST(CliTmxStats, JsonHasCountsPerLanguage) {
  const Result r = Nazir("tmx stats --json " + Q(kTmxData + "okapi_rainbow.tmx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tus"], 4);
  EXPECT_EQ(j["tus_with_markup"], 4);
  EXPECT_EQ(j["duplicate_tus"], 0);
  EXPECT_EQ(j["header"]["srclang"], "*all*");
  EXPECT_EQ(j["languages"]["ar"]["segments"], 4);
  EXPECT_EQ(j["prop_types"]["Txt::FileName"], 2);
}

TEST(CliTmxStats, TextReport) {
  const Result r = Nazir("tmx stats " + Q(kTmxData + "trados_utf16.tmx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("TUs          2 (2 with inline markup)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ar-SA  2 segments"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("x-Origin on 2 TUs"), std::string::npos) << r.out;
}

TEST(CliTmxStats, MalformedFileExitsOne) {
  const Result r = Nazir("tmx stats " + Q(kTmxData + "hostile/truncated.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("truncated.tmx:6:"), std::string::npos) << r.err;
}

TEST(CliTmxMerge, DedupeReportsTheCountsAndWritesValidTmx) {
  ScratchDir dir;
  const std::string a = kTmxData + "okapi_rainbow.tmx";
  const Result r = Nazir("tmx merge " + Q(a) + " " + Q(a) + " " + Q(kTmxData + "trados_utf16.tmx") +
                         " --dedupe -o " + Q(dir / "out.tmx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("merge: 10 TUs from 3 files -> 6 TUs in"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("4 duplicates removed"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);  // no progress line when stderr is not a terminal
  const Result v = Nazir("tmx validate " + Q(dir / "out.tmx"));
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST(CliTmxMerge, JsonReport) {
  ScratchDir dir;
  const std::string a = kTmxData + "okapi_rainbow.tmx";
  const Result r = Nazir("tmx merge --json " + Q(a) + " " + Q(a) + " -o " + Q(dir / "out.tmx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["input_tus"], 8);
  EXPECT_EQ(j["output_tus"], 8);
  EXPECT_EQ(j["duplicates_removed"], 0);
  EXPECT_EQ(j["tuids_renamed"], 4);  // the second copy's tuids are taken
  EXPECT_EQ(j["inputs"][1]["tus"], 4);
}

TEST(CliTmxMerge, ABadInputExitsOneAndLeavesNoOutput) {
  ScratchDir dir;
  const Result r = Nazir("tmx merge " + Q(kTmxData + "okapi_rainbow.tmx") + " " +
                         Q(kTmxData + "hostile/xxe_file.tmx") + " -o " + Q(dir / "out.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("xxe_file.tmx:8:"), std::string::npos) << r.err;
  EXPECT_TRUE(dir.Files().empty());
}

}  // namespace
}  // namespace nazir::tmx
