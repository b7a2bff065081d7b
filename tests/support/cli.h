// Test support: running the `nazir` binary (NAZIR_BINARY, set by nazir_add_test) as a user would.
//
//   const nazir::testing::CliResult r = nazir::testing::RunNazir("tmx stats " + Quote(path) + " --json");
//   EXPECT_EQ(r.exit_code, 0) << r.err;
#ifndef NAZIR_TESTS_SUPPORT_CLI_H_
#define NAZIR_TESTS_SUPPORT_CLI_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace nazir::testing {

struct CliResult {
  int exit_code = -1;  // -1: did not exit normally (killed)
  std::string out;     // standard output
  std::string err;     // standard error
};

// Single-quotes `s` for the shell.
inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string ReadWholeFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `nazir <args>` through the shell (so `args` may hold quoted paths and redirections such as
// "< file"); stdout and stderr are captured separately.
inline CliResult RunNazir(const std::string& args) {
  CliResult r;
  const std::filesystem::path err_file =
      std::filesystem::temp_directory_path() / ("nazir_cli_err_" + std::to_string(::getpid()));
  const std::string cmd = Quote(NAZIR_BINARY) + " " + args + " 2>" + Quote(err_file.string());
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadWholeFile(err_file);
  std::filesystem::remove(err_file);
  return r;
}

}  // namespace nazir::testing

#endif  // NAZIR_TESTS_SUPPORT_CLI_H_
