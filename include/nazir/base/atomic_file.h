// AtomicFile: write an output file so that readers see either the old file or the complete new one.
//
// Bytes go to a temporary file beside the target (same folder, so rename(2) is atomic); Commit() flushes,
// fsyncs and renames it over the target. If Commit() is never called, or any write failed (disk full,
// I/O error), the temporary file is removed and the target is untouched: never a half-written TMX.
// The path "-" writes to stdout (no atomicity possible there).
//
//   auto out = nazir::AtomicFile::Create("out.tmx");
//   if (!out.ok()) return out.status();
//   out->Write("<?xml ...");
//   NAZIR_RETURN_IF_ERROR(out->Commit());
#ifndef NAZIR_BASE_ATOMIC_FILE_H_
#define NAZIR_BASE_ATOMIC_FILE_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "nazir/base/status.h"

namespace nazir {

class AtomicFile {
 public:
  // Opens a temporary file next to `path` ("-" = stdout).
  static StatusOr<std::unique_ptr<AtomicFile>> Create(const std::string& path);

  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends bytes. Errors are sticky: the first failure is kept and returned by Commit().
  void Write(std::string_view bytes);
  void Write(const void* data, size_t size) { Write(std::string_view(static_cast<const char*>(data), size)); }

  // First error seen so far (OK if none).
  const Status& status() const { return status_; }
  uint64_t bytes_written() const { return bytes_; }

  // Flushes, fsyncs and renames the temporary file over the target. Fails (and removes the temporary
  // file) if any write failed.
  Status Commit();

  // Drops the temporary file; the target is unchanged.
  void Abandon();

  const std::string& path() const { return path_; }

 private:
  AtomicFile(std::string path, std::string tmp_path, FILE* f, bool is_stdout);
  void Fail(const char* what, int err);

  std::string path_;
  std::string tmp_path_;
  FILE* f_ = nullptr;
  bool is_stdout_ = false;
  bool done_ = false;
  uint64_t bytes_ = 0;
  Status status_;
};

// Convenience: writes `contents` to `path` atomically.
Status WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace nazir

#endif  // NAZIR_BASE_ATOMIC_FILE_H_
