// End-to-end tests of corpus mode: `nazir align --batch` into a store, what a killed run leaves behind,
// bad documents, and spreading a corpus over shards then merging their TMX with `nazir tm import`.
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "nazir/store/store.h"
#include "support/cli.h"

namespace {

namespace fs = std::filesystem;

const fs::path kSample = fs::path(NAZIR_SOURCE_DIR) / "examples" / "sample";

using nazir::testing::CliResult;

// Runs `nazir <args>`; stdout in .out (the JSON summaries), stderr in .err.
CliResult Nazir(const std::string& args) { return nazir::testing::RunNazir(args); }

using TuSet = std::map<std::pair<std::string, std::string>, int>;  // (Arabic, English) -> occurrences

TuSet Tus(const fs::path& db) {
  TuSet out;
  nazir::store::StoreOptions o;
  o.read_only = true;
  auto st = nazir::store::Store::Open(db.string(), o);
  EXPECT_TRUE(st.ok()) << st.status().message();
  if (!st.ok()) return out;
  nazir::Status s = (*st)->ForEachTu({}, [&](const nazir::store::StoredTu& t) {
    out[{t.ar_text, t.en_text}] += t.count;
    return nazir::Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

class CliCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("nazir_cli_corpus_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A corpus of `copies` x the five sample articles under distinct names; returns the pair list.
  fs::path MakeCorpus(int copies) {
    fs::create_directories(dir_ / "c" / "ar");
    fs::create_directories(dir_ / "c" / "en");
    std::ofstream list(dir_ / "c" / "pairs.tsv");
    for (const auto& entry : fs::directory_iterator(kSample / "ar")) {
      const std::string stem = entry.path().stem().string();
      for (int k = 0; k < copies; ++k) {
        const std::string name = stem + "_" + std::to_string(k) + ".txt";
        fs::copy_file(entry.path(), dir_ / "c" / "ar" / name);
        fs::copy_file(kSample / "en" / entry.path().filename(), dir_ / "c" / "en" / name);
        list << "ar/" << name << "\ten/" << name << "\n";
      }
    }
    return dir_ / "c" / "pairs.tsv";
  }

  fs::path dir_;
};

TEST_F(CliCorpus, SummarizesAsJsonAndExitsOneWhenADocumentFails) {
  fs::path list = dir_ / "pairs.tsv";
  {
    std::ofstream l(list);
    l << (kSample / "ar" / "000_796cfd0e2ef7b41f.txt").string() << "\t"
      << (kSample / "en" / "000_796cfd0e2ef7b41f.txt").string() << "\tgood\n";
    std::ofstream bin(dir_ / "binary.txt", std::ios::binary);
    bin << std::string("PK\x03\x04\0\0\0\x08", 8);
    l << (dir_ / "binary.txt").string() << "\t" << (kSample / "en" / "001_b4e6806a10fbf43c.txt").string()
      << "\tbinary\n";
  }
  const CliResult r = Nazir("align --batch '" + list.string() + "' --db '" + (dir_ / "a.db").string() + "' --json");
  EXPECT_EQ(r.exit_code, 1) << "some documents failed";
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["documents"], 2);
  EXPECT_EQ(j["aligned"], 1);
  EXPECT_EQ(j["failed"], 1);
  EXPECT_GT(j["pairs"].get<int>(), 0);
  ASSERT_EQ(j["failures"].size(), 1u);
  EXPECT_EQ(j["failures"][0]["doc_id"], "binary");
  EXPECT_NE(j["failures"][0]["error"].get<std::string>().find("binary.txt"), std::string::npos) << r.out;
  EXPECT_GT(j["glossary_entries"].get<int>(), 0) << "the glossary is mined after aligning";
}

TEST_F(CliCorpus, UsageErrorsExitTwo) {
  EXPECT_EQ(Nazir("align --batch x.tsv a.txt b.txt").exit_code, 2);
  EXPECT_EQ(Nazir("align --batch x.tsv --shard 2/2").exit_code, 2);
  EXPECT_EQ(Nazir("align --ar-dir x").exit_code, 2);
  EXPECT_EQ(Nazir("align").exit_code, 2);
}

TEST_F(CliCorpus, AKilledRunLeavesACleanStoreAndTheNextRunFinishesIt) {
  const fs::path list = MakeCorpus(12);  // 60 documents
  const fs::path db = dir_ / "killed.db";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(NAZIR_BINARY, "nazir", "align", "--batch", list.c_str(), "--db", db.c_str(), "--learn", "document",
          "--threads", "1", "--no-glossary", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once a few documents are committed.
  int committed = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (committed < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!fs::exists(db)) continue;
    nazir::store::StoreOptions o;
    o.read_only = true;
    auto st = nazir::store::Store::Open(db.string(), o);
    if (!st.ok()) continue;
    auto docs = (*st)->ListDocuments();
    if (docs.ok()) committed = static_cast<int>(docs->size());
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed: make the corpus bigger";

  int done_before = 0;
  {
    auto st = nazir::store::Store::Open(db.string());
    ASSERT_TRUE(st.ok()) << st.status().message();
    auto docs = (*st)->ListDocuments();
    ASSERT_TRUE(docs.ok());
    done_before = static_cast<int>(docs->size());
    EXPECT_GE(done_before, 3);
    EXPECT_LT(done_before, 60);
    for (const auto& d : *docs) EXPECT_TRUE(d.complete) << d.name << " is half in the store";
    auto stats = (*st)->Stats();
    ASSERT_TRUE(stats.ok());
    int64_t committed_pairs = 0;
    for (const auto& d : *docs) committed_pairs += d.tu_done;
    EXPECT_EQ(stats->occurrences, committed_pairs) << "every TU belongs to a complete document";
  }

  const CliResult again = Nazir("align --batch '" + list.string() + "' --db '" + db.string() +
                             "' --learn document --no-glossary --json");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  const auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["skipped"].get<int>(), done_before);
  EXPECT_EQ(j["aligned"].get<int>(), 60 - done_before);

  const fs::path clean = dir_ / "clean.db";
  ASSERT_EQ(Nazir("align --batch '" + list.string() + "' --db '" + clean.string() + "' --learn document --no-glossary")
                .exit_code,
            0);
  EXPECT_EQ(Tus(db), Tus(clean)) << "resumed run and uninterrupted run hold the same TUs";
}

TEST_F(CliCorpus, TwoShardsMergedWithTmImportEqualOneRun) {
  const fs::path list = MakeCorpus(1);
  const std::string common = " --learn document --no-glossary";
  for (int i = 0; i < 2; ++i) {
    const std::string n = std::to_string(i);
    const CliResult r = Nazir("align --batch '" + list.string() + "' --shard " + n + "/2 --db '" +
                           (dir_ / ("s" + n + ".db")).string() + "' -o '" + (dir_ / ("s" + n + ".tmx")).string() +
                           "'" + common);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  const CliResult merge = Nazir("tm import '" + (dir_ / "s0.tmx").string() + "' '" + (dir_ / "s1.tmx").string() +
                             "' --db '" + (dir_ / "merged.db").string() + "'");
  ASSERT_EQ(merge.exit_code, 0) << merge.out;
  const CliResult whole = Nazir("align --batch '" + list.string() + "' --db '" + (dir_ / "whole.db").string() +
                             "' -o '" + (dir_ / "whole.tmx").string() + "'" + common);
  ASSERT_EQ(whole.exit_code, 0) << whole.out;
  EXPECT_EQ(Tus(dir_ / "merged.db"), Tus(dir_ / "whole.db"));
  EXPECT_FALSE(Tus(dir_ / "whole.db").empty());
}

TEST_F(CliCorpus, SingleDocumentWithDbStoresPairsAndMinesNames) {
  const fs::path db = dir_ / "one.db";
  const CliResult r = Nazir("align '" + (kSample / "ar" / "003_f77f88289c7c6a30.txt").string() + "' '" +
                         (kSample / "en" / "003_f77f88289c7c6a30.txt").string() + "' --format tsv --db '" +
                         db.string() + "'");
  ASSERT_EQ(r.exit_code, 0);
  int lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(static_cast<int>(Tus(db).size()), lines) << "the printed pairs are the stored pairs";
  const CliResult look = Nazir("glossary lookup Waldhauser --db '" + db.string() + "' --json");
  EXPECT_EQ(look.exit_code, 0);
  EXPECT_NE(look.out.find("Waldhauser"), std::string::npos) << look.out;
}

TEST_F(CliCorpus, LookupRekeysAGlossaryKeyedByAnOlderBuildOnce) {
  const fs::path db = dir_ / "old.db";
  {
    auto st = nazir::store::Store::Open(db.string());
    ASSERT_TRUE(st.ok()) << st.status().message();
    nazir::GlossaryEntry e;
    e.type = "PER";
    e.english = "Brett McGurk";
    e.arabic = {{"ماكجورك", 2, "", ""}};
    e.count = 2;
    ASSERT_TRUE((*st)->PutGlossaryEntry(e, {}).ok()) << "stored with no key rows, as if keyed differently";
  }
  const CliResult first = Nazir("glossary lookup ماكجورك --db '" + db.string() + "' --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("Brett McGurk"), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("re-keyed"), std::string::npos) << first.err;
  const CliResult again = Nazir("glossary lookup ماكجورك --db '" + db.string() + "' --json");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("Brett McGurk"), std::string::npos) << again.out;
  EXPECT_EQ(again.err.find("re-keyed"), std::string::npos) << "only once: " << again.err;
}

}  // namespace
