// End-to-end tests of `nazir tm ...` (the binary from NAZIR_BINARY): each command's output and exit
// codes, kill -9 in the middle of an import, lookups while an import writes.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"
#include "support/temp_dir.h"
#include "support/tu_make.h"
#include "nazir/store/store.h"
#include "nazir/store/tm_search.h"
#include "nazir/tmx/tmx_reader.h"
#include "nazir/tmx/tmx_writer.h"

namespace nazir::store {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(NAZIR_TEST_DATA_DIR) + "/store/";

using ::nazir::testing::TempDir;

using ::nazir::testing::CliResult;
using ::nazir::testing::ReadWholeFile;

// In a forked child: sends stdout and stderr to `out` and `err` and runs `nazir args...` (no shell).
[[noreturn]] void ExecNazir(const std::vector<std::string>& args, const char* out, const char* err) {
  if (!freopen(out, "w", stdout) || !freopen(err, "w", stderr)) _exit(127);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(NAZIR_BINARY));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(NAZIR_BINARY, argv.data());
  _exit(127);
}

// Runs `nazir args...` (no shell), stdout and stderr to files in `dir`.
CliResult Nazir(const TempDir& dir, const std::vector<std::string>& args) {
  const std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  const pid_t pid = fork();
  if (pid == 0) ExecNazir(args, out.c_str(), err.c_str());
  CliResult r;
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadWholeFile(out);
  r.err = ReadWholeFile(err);
  return r;
}

// Starts `nazir args...` in the background (output discarded); returns its pid.
pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid == 0) ExecNazir(args, "/dev/null", "/dev/null");
  return pid;
}

// The English and Arabic sentences of synthetic TU i (all distinct).
std::string EnglishOf(int i) {
  return "Report " + std::to_string(i) + ": the minister met the delegation in Tripoli and discussed trade.";
}
std::string ArabicOf(int i) {
  return "التقرير " + std::to_string(i) + ": التقى الوزير الوفد في طرابلس وبحث التجارة.";
}

// A TMX of `n` distinct TUs, written with TmxWriter.
void WriteBigTmx(const std::string& path, int n) {
  tmx::TmxWriterOptions o;
  o.pretty = false;
  auto w = tmx::TmxWriter::Open(path, o);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  for (int i = 0; i < n; ++i) {
    ASSERT_TRUE((*w)->Write(nazir::testing::MakeTu(ArabicOf(i), EnglishOf(i))).ok());
  }
  ASSERT_TRUE((*w)->Close().ok());
}

// TUs committed so far by an import of the store's only document, or -1 while the store is not there.
int64_t CommittedTus(const std::string& db) {
  StoreOptions o;
  o.read_only = true;
  auto s = Store::Open(db, o);
  if (!s.ok()) return -1;
  auto n = (*s)->db().QueryInt("SELECT tu_done FROM document", -1);
  return n.ok() ? *n : -1;
}

bool Exited(pid_t pid, int* status) { return waitpid(pid, status, WNOHANG) == pid; }

// ---- each command --------------------------------------------------------------------------------------

TEST(TmCli, ImportPrintsASummaryAndJson) {
  TempDir dir;
  const std::string db = dir.File("tm.db");
  CliResult r = Nazir(dir, {"tm", "import", kData + "duplicates.tmx", kData + "other_tool.tmx", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("tm import: 2 file(s), 9 TUs read: 7 new, 2 duplicates folded"), std::string::npos) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tus_read"], 9);
  EXPECT_EQ(j["inserted"], 7);
  EXPECT_EQ(j["folded"], 2);
  EXPECT_EQ(j["store_tus"], 7);
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["outcome"], "imported");

  // The same files again: nothing new.
  r = Nazir(dir, {"tm", "import", kData + "duplicates.tmx", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("unchanged"), std::string::npos) << r.err;
}

TEST(TmCli, ImportReportsABadFileAndImportsTheOthers) {
  TempDir dir;
  const std::string bad = dir.File("bad.tmx");
  std::ofstream(bad) << "<tmx version=\"1.4\"><header srclang=\"ar\"/><body><tu>";
  const std::string db = dir.File("tm.db");
  CliResult r = Nazir(dir, {"tm", "import", bad, kData + "duplicates.tmx", "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.tmx"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 file(s) failed"), std::string::npos) << r.err;
  r = Nazir(dir, {"tm", "stats", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["tus"], 2);
}

TEST(TmCli, StatsCountsDuplicatesAndConfidence) {
  TempDir dir;
  const std::string db = dir.File("tm.db");
  ASSERT_EQ(Nazir(dir, {"tm", "import", kData + "duplicates.tmx", "--db", db}).exit_code, 0);
  CliResult r = Nazir(dir, {"tm", "stats", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tus"], 2);
  EXPECT_EQ(j["occurrences"], 4);
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["confidence_bands"][">=0.9"], 1);    // the folded TU: best of 0.42, 0.91, none
  EXPECT_EQ(j["confidence_bands"]["0.7-0.9"], 1);  // 0.77
  r = Nazir(dir, {"tm", "stats", "--db", db});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("2 distinct, 4 added (2 duplicates folded)"), std::string::npos) << r.out;
}

TEST(TmCli, LookupGivesMatchPercentTargetAndProvenance) {
  TempDir dir;
  const std::string db = dir.File("tm.db");
  ASSERT_EQ(Nazir(dir, {"tm", "import", kData + "other_tool.tmx", "--db", db}).exit_code, 0);
  // 8 words, one substituted: floor(100 * 7 / 8) = 87.
  CliResult r = Nazir(dir, {"tm", "lookup", "The Presidential Council met in Tripoli on Tuesday.", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u) << r.out;
  EXPECT_EQ(j[0]["match"], 87);
  EXPECT_EQ(j[0]["target"], "اجتمع المجلس الرئاسي في طرابلس يوم الاثنين.");
  ASSERT_EQ(j[0]["provenance"].size(), 1u);
  EXPECT_EQ(fs::path(j[0]["provenance"][0]["origin_file"].get<std::string>()).filename(), "other_tool.tmx");
  EXPECT_EQ(j[0]["provenance"][0]["created"], "20240105T093012Z");

  // From Arabic, plain output: 7 words, one substituted: floor(100 * 6 / 7) = 85.
  r = Nazir(dir, {"tm", "lookup", "اجتمع المجلس الرئاسي في طرابلس يوم الثلاثاء.", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind(" 85%  اجتمع المجلس الرئاسي", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("The Presidential Council met in Tripoli on Monday."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("other_tool.tmx"), std::string::npos) << r.out;

  // Best first; --min-match drops the weak ones.
  r = Nazir(dir, {"tm", "lookup", "Flights resumed at Mitiga airport on Monday.", "--db", db, "--min-match", "30",
                  "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  for (size_t i = 1; i < j.size(); ++i) EXPECT_GE(j[i - 1]["match"], j[i]["match"]);
  for (const auto& m : j) EXPECT_GE(m["match"].get<int>(), 30);

  r = Nazir(dir, {"tm", "lookup", "Completely unrelated words here.", "--db", db});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("no match"), std::string::npos);
}

TEST(TmCli, ConcordanceMarksTheHit) {
  TempDir dir;
  const std::string db = dir.File("tm.db");
  ASSERT_EQ(Nazir(dir, {"tm", "import", kData + "other_tool.tmx", "--db", db}).exit_code, 0);
  // stdout is a file: brackets, not colour.
  CliResult r = Nazir(dir, {"tm", "concordance", "central bank", "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\u27e6Central Bank\u27e7 of Libya"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("مصرف ليبيا المركزي"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos);

  r = Nazir(dir, {"tm", "concordance", "طرابلس", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u) << r.out;  // TUs 1001 and 1004
  for (const auto& h : j) {
    EXPECT_EQ(h["hit"], "طرابلس");
    const std::string text = h["text"];
    EXPECT_EQ(text.substr(h["hit_begin"].get<size_t>(), h["hit_end"].get<size_t>() - h["hit_begin"].get<size_t>()),
              "طرابلس");
  }
  r = Nazir(dir, {"tm", "concordance", "طرابلس", "--db", db, "--color", "always", "--limit", "1"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\033[1;33mطرابلس\033[0m"), std::string::npos) << r.out;
}

TEST(TmCli, ExportFiltersAndWritesValidTmx) {
  TempDir dir;
  const std::string db = dir.File("tm.db");
  ASSERT_EQ(Nazir(dir, {"tm", "import", kData + "duplicates.tmx", kData + "other_tool.tmx", "--db", db}).exit_code,
            0);
  const std::string out = dir.File("out.tmx");
  CliResult r = Nazir(dir, {"tm", "export", "-o", out, "--db", db, "--doc", kData + "duplicates.tmx", "--min-confidence",
                      "0.8"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> tuids;
  ASSERT_TRUE(tmx::ReadTmx(out, {}, [&](TranslationUnit&& tu) {
                tuids.push_back(tu.tuid);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(tuids, std::vector<std::string>({"a1"}));
  EXPECT_NE(r.err.find("1 TUs written"), std::string::npos) << r.err;

  r = Nazir(dir, {"tm", "export", "-o", out, "--db", db, "--doc", "no-such-doc"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no-such-doc"), std::string::npos);
}

TEST(TmCli, UsageErrorsAndAMissingStore) {
  TempDir dir;
  EXPECT_EQ(Nazir(dir, {"tm", "lookup", "x", "--min-match", "150"}).exit_code, 2);
  EXPECT_EQ(Nazir(dir, {"tm", "export"}).exit_code, 2);  // -o is required
  CliResult r = Nazir(dir, {"tm", "stats", "--db", dir.File("missing.db")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.File("missing.db")));  // looking does not create a store
}

// ---- durability and concurrency ------------------------------------------------------------------------

// TUs in the big file, and per batch. 40 batches: the import takes long enough to be killed after two.
constexpr int kBigTus = 20000;
constexpr int kBatch = 500;

TEST(TmCli, KillMinus9MidImportKeepsWholeBatchesAndTheNextRunFinishes) {
  TempDir dir;
  const std::string tmx = dir.File("big.tmx"), db = dir.File("tm.db");
  WriteBigTmx(tmx, kBigTus);
  const pid_t pid = Spawn({"tm", "import", tmx, "--db", db, "--batch", std::to_string(kBatch), "--threads", "1"});
  int status = 0;
  bool exited = false;
  while (!(exited = Exited(pid, &status)) && CommittedTus(db) < 2 * kBatch) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_FALSE(exited) << "the import finished before it could be killed: make kBigTus bigger";
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  {
    auto s = Store::Open(db);  // recovers the WAL
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    Database& d = (*s)->db();
    auto check = d.Prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.ok());
    ASSERT_TRUE(*check->Step());
    EXPECT_EQ(check->ColumnText(0), "ok");
    const Status index = (*s)->CheckIndexes();
    EXPECT_TRUE(index.ok()) << "the word index holds exactly the committed TUs: " << index.message();
    auto docs = (*s)->ListDocuments();
    ASSERT_TRUE(docs.ok());
    ASSERT_EQ(docs->size(), 1u);
    const DocumentRecord& doc = docs->front();
    EXPECT_FALSE(doc.complete);
    EXPECT_GE(doc.tu_done, 2 * kBatch);
    EXPECT_LT(doc.tu_done, kBigTus);
    EXPECT_EQ(doc.tu_done % kBatch, 0) << "a batch was half committed";
    // TUs, occurrences and the resume point agree.
    EXPECT_EQ(*(*s)->CountTus(), doc.tu_done);
    EXPECT_EQ(*d.QueryInt("SELECT count(*) FROM tu_origin"), doc.tu_done);
    EXPECT_EQ(*d.QueryInt("SELECT total(count) FROM tu"), doc.tu_done);
    // The last committed TU is findable; the next one is not there.
    auto last = Lookup(**s, EnglishOf(static_cast<int>(doc.tu_done) - 1), {});
    ASSERT_TRUE(last.ok());
    ASSERT_FALSE(last->empty());
    EXPECT_EQ(last->front().score, 100);
    EXPECT_EQ(last->front().source_text, EnglishOf(static_cast<int>(doc.tu_done) - 1));
  }

  CliResult r = Nazir(dir, {"tm", "import", tmx, "--db", db, "--batch", std::to_string(kBatch)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("resumed"), std::string::npos) << r.err;
  r = Nazir(dir, {"tm", "stats", "--db", db, "--json"});
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tus"], kBigTus);
  EXPECT_EQ(j["occurrences"], kBigTus);  // nothing imported twice
  EXPECT_EQ(j["documents"], 1);
  EXPECT_EQ(j["incomplete_documents"], 0);
}

TEST(TmCli, LookupsWorkWhileAnImportWrites) {
  TempDir dir;
  const std::string tmx = dir.File("big.tmx"), db = dir.File("tm.db");
  WriteBigTmx(tmx, kBigTus);
  const pid_t pid = Spawn({"tm", "import", tmx, "--db", db, "--batch", std::to_string(kBatch), "--threads", "1"});
  int status = 0;
  bool exited = false;
  int lookups_during_import = 0;
  int64_t last_count = 0;
  while (!(exited = Exited(pid, &status))) {
    if (CommittedTus(db) <= 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      continue;
    }
    // A fresh read-only connection each time, as `nazir tm lookup` makes.
    StoreOptions o;
    o.read_only = true;
    auto s = Store::Open(db, o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    auto n = (*s)->CountTus();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_GE(*n, last_count);  // readers see whole batches, never fewer than before
    EXPECT_EQ(*n % kBatch, 0);
    last_count = *n;
    auto m = Lookup(**s, ArabicOf(0), {});
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    ASSERT_FALSE(m->empty());
    EXPECT_EQ(m->front().score, 100);
    auto c = Concordance(**s, "delegation in Tripoli", {});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_FALSE(c->empty());
    ++lookups_during_import;
  }
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_GE(lookups_during_import, 3);
  EXPECT_EQ(CommittedTus(db), kBigTus);
}

}  // namespace
}  // namespace nazir::store
