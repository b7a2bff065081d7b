#include "nazir/base/atomic_file.h"

#include <dirent.h>
#include <sys/resource.h>

#include <csignal>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace nazir {
namespace {

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/nazir_atomic_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::system(("rm -rf " + dir_).c_str()); }

  std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  int CountFiles() {
    int n = 0;
    DIR* d = opendir(dir_.c_str());
    while (dirent* e = readdir(d)) {
      if (e->d_name[0] != '.') ++n;
    }
    closedir(d);
    return n;
  }
  std::string dir_;
};

TEST_F(AtomicFileTest, TargetAppearsOnlyOnCommit) {
  std::string path = dir_ + "/out.tmx";
  auto f = AtomicFile::Create(path);
  ASSERT_TRUE(f.ok()) << f.status().message();
  (*f)->Write("<tmx/>");
  EXPECT_NE(access(path.c_str(), F_OK), 0) << "target must not exist before Commit";
  ASSERT_TRUE((*f)->Commit().ok());
  EXPECT_EQ(Read(path), "<tmx/>");
  EXPECT_EQ(CountFiles(), 1) << "no temporary file left behind";
}

TEST_F(AtomicFileTest, AbandonKeepsOldContents) {
  std::string path = dir_ + "/out.tmx";
  ASSERT_TRUE(WriteFileAtomically(path, "old").ok());
  {
    auto f = AtomicFile::Create(path);
    ASSERT_TRUE(f.ok());
    (*f)->Write("half a new fi");
    // destroyed without Commit (an error path, a crash in the writer's caller)
  }
  EXPECT_EQ(Read(path), "old");
  EXPECT_EQ(CountFiles(), 1);
}

TEST_F(AtomicFileTest, FailedWriteIsReportedAndTargetUntouched) {
  // A full disk, emulated with a file-size limit: writes past it fail (EFBIG) like ENOSPC does.
  std::string path = dir_ + "/out.tmx";
  ASSERT_TRUE(WriteFileAtomically(path, "old").ok());
  struct rlimit old_limit;
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  Status commit;
  {
    auto f = AtomicFile::Create(path);
    ASSERT_TRUE(f.ok());
    std::string chunk(1 << 16, 'x');
    for (int i = 0; i < 64; ++i) (*f)->Write(chunk);
    commit = (*f)->Commit();
  }
  setrlimit(RLIMIT_FSIZE, &old_limit);
  signal(SIGXFSZ, SIG_DFL);
  EXPECT_FALSE(commit.ok());
  EXPECT_EQ(commit.code(), StatusCode::kIo);
  EXPECT_NE(commit.message().find("out.tmx"), std::string::npos) << commit.message();
  EXPECT_EQ(Read(path), "old") << "the old file must survive a failed write";
  EXPECT_EQ(CountFiles(), 1) << "the temporary file must be removed";
}

TEST_F(AtomicFileTest, UncreatableFolderIsAnIoError) {
  auto f = AtomicFile::Create(dir_ + "/no-such-folder/out.tmx");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kIo);
  EXPECT_NE(f.status().message().find("out.tmx"), std::string::npos);
}

}  // namespace
}  // namespace nazir
