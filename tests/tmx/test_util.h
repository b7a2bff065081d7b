// Helpers shared by the tmx tests: a scratch folder, whole-file reads, reading every TU of a TMX.
#ifndef NAZIR_TESTS_TMX_TEST_UTIL_H_
#define NAZIR_TESTS_TMX_TEST_UTIL_H_

#include <dirent.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/model/tu.h"
#include "nazir/tmx/header.h"
#include "nazir/tmx/tmx_reader.h"

namespace nazir::tmx::testing {

inline const std::string kTmxData = std::string(NAZIR_TEST_DATA_DIR) + "/tmx/";

// A fresh folder under /tmp, removed with everything in it when the object goes.
class ScratchDir {
 public:
  ScratchDir() {
    char tmpl[] = "/tmp/nazir_tmx_XXXXXX";
    path_ = mkdtemp(tmpl) != nullptr ? tmpl : "";
  }
  ~ScratchDir() {
    if (!path_.empty()) std::system(("rm -rf '" + path_ + "'").c_str());
  }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }
  // Names of the files in the folder (hidden ones too: a temporary file left behind must show).
  std::vector<std::string> Files() const {
    std::vector<std::string> out;
    if (DIR* d = opendir(path_.c_str())) {
      while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n != "." && n != "..") out.push_back(n);
      }
      closedir(d);
    }
    return out;
  }

 private:
  std::string path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

struct TmxContents {
  Status status;
  TmxHeader header;
  std::vector<TranslationUnit> tus;
};

inline TmxContents ReadAll(const std::string& path, const TmxReadOptions& options = {}) {
  TmxContents c;
  c.status = ReadTmx(
      path,
      [&](const TmxHeader& h) {
        c.header = h;
        return Status::Ok();
      },
      [&](TranslationUnit&& tu) {
        c.tus.push_back(std::move(tu));
        return Status::Ok();
      },
      options);
  return c;
}

inline TmxContents ReadAllFromMemory(const std::string& bytes, const TmxReadOptions& options = {}) {
  TmxContents c;
  c.status = ReadTmxFromMemory(
      bytes, "mem.tmx",
      [&](const TmxHeader& h) {
        c.header = h;
        return Status::Ok();
      },
      [&](TranslationUnit&& tu) {
        c.tus.push_back(std::move(tu));
        return Status::Ok();
      },
      options);
  return c;
}

// A minimal TMX 1.4 document around `body` (the content of <body>).
inline std::string TmxDoc(const std::string& body, const std::string& prolog = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog +
         "<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" "
         "o-tmf=\"t\" adminlang=\"en\" srclang=\"ar\" datatype=\"plaintext\"/><body>" +
         body + "</body></tmx>\n";
}

}  // namespace nazir::tmx::testing

#endif  // NAZIR_TESTS_TMX_TEST_UTIL_H_
