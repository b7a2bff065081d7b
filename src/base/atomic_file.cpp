#include "nazir/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace nazir {

namespace {

std::string ErrnoText(int err) {
  if (err == ENOSPC) return "no space left on device (free some space and run again)";
  if (err == EDQUOT) return "disk quota exceeded";
  return std::strerror(err);
}

}  // namespace

AtomicFile::AtomicFile(std::string path, std::string tmp_path, FILE* f, bool is_stdout)
    : path_(std::move(path)), tmp_path_(std::move(tmp_path)), f_(f), is_stdout_(is_stdout) {}

StatusOr<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path) {
  if (path == "-") {
    return std::unique_ptr<AtomicFile>(new AtomicFile(path, "", stdout, true));
  }
  if (path.empty()) return InvalidArgumentError("empty output path");
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) {
    int err = errno;
    return IoError("cannot create output file " + path + ": " + ErrnoText(err));
  }
  // mkstemp creates 0600; outputs should get the usual umask-based mode like any other file.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  FILE* f = fdopen(fd, "wb");
  if (f == nullptr) {
    int err = errno;
    close(fd);
    unlink(buf.data());
    return IoError("cannot open output file " + path + ": " + ErrnoText(err));
  }
  static constexpr size_t kBufferSize = 1 << 20;
  setvbuf(f, nullptr, _IOFBF, kBufferSize);
  return std::unique_ptr<AtomicFile>(new AtomicFile(path, buf.data(), f, false));
}

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Fail(const char* what, int err) {
  if (status_.ok()) status_ = IoError(std::string(what) + " " + path_ + ": " + ErrnoText(err));
}

void AtomicFile::Write(std::string_view bytes) {
  if (done_ || !status_.ok() || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) {
    Fail("cannot write", errno);
    return;
  }
  bytes_ += bytes.size();
}

Status AtomicFile::Commit() {
  if (done_) return status_.ok() ? InternalError("AtomicFile committed twice") : status_;
  if (is_stdout_) {
    if (std::fflush(f_) != 0) Fail("cannot write", errno);
    done_ = true;
    return status_;
  }
  if (status_.ok() && std::fflush(f_) != 0) Fail("cannot write", errno);
  if (status_.ok() && fsync(fileno(f_)) != 0) Fail("cannot sync", errno);
  if (std::fclose(f_) != 0 && status_.ok()) Fail("cannot close", errno);
  f_ = nullptr;
  done_ = true;
  if (status_.ok() && std::rename(tmp_path_.c_str(), path_.c_str()) != 0) Fail("cannot rename onto", errno);
  if (!status_.ok()) {
    unlink(tmp_path_.c_str());
    return status_;
  }
  return Status::Ok();
}

void AtomicFile::Abandon() {
  if (done_) return;
  done_ = true;
  if (is_stdout_) {
    std::fflush(f_);
    return;
  }
  if (f_ != nullptr) std::fclose(f_);
  f_ = nullptr;
  unlink(tmp_path_.c_str());
}

Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  auto out = AtomicFile::Create(path);
  if (!out.ok()) return out.status();
  (*out)->Write(contents);
  return (*out)->Commit();
}

}  // namespace nazir
