// Test support: a fresh folder per test, removed afterwards.
//
//   nazir::testing::TempDir dir;                 // /tmp/nazir_<Suite>_<Test>_<pid>/
//   auto store = Store::Open(dir.File("tm.db"));
#ifndef NAZIR_TESTS_SUPPORT_TEMP_DIR_H_
#define NAZIR_TESTS_SUPPORT_TEMP_DIR_H_

#include <unistd.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace nazir::testing {

class TempDir {
 public:
  // Named after the running test and the process (CTest runs tests in parallel processes).
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string name = info == nullptr ? std::string("suite")
                                             : std::string(info->test_suite_name()) + "_" + info->name();
    path_ = std::filesystem::temp_directory_path() / ("nazir_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The path of `name` inside the folder.
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace nazir::testing

#endif  // NAZIR_TESTS_SUPPORT_TEMP_DIR_H_
