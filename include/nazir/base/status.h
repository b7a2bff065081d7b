// Status and StatusOr<T>: how every nazir library call reports failure.
//
// The library never throws across its API, never prints and never exits. A failing call returns a Status
// that says what went wrong and where (file, line, byte offset) in words a user can act on; the CLI maps
// it to an exit code (kInvalidInput/kNotFound/kIo -> 1) and one line on stderr.
//
//   nazir::StatusOr<std::string> text = nazir::text::ReadTextFile("a.txt");
//   if (!text.ok()) return text.status();
//   Use(*text);
#ifndef NAZIR_BASE_STATUS_H_
#define NAZIR_BASE_STATUS_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace nazir {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // the user's data is wrong: bad UTF-8, malformed XML, empty file...
  kNotFound,      // a file or record that should exist does not
  kIo,            // the system failed us: disk full, permission denied
  kInvalidArgument,  // a caller passed a bad parameter (a usage error at the CLI)
  kInternal,      // a bug in nazir
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "prefix: message" (adds context such as a file name).
  Status WithContext(const std::string& prefix) const;

  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidInputError(std::string m) { return Status(StatusCode::kInvalidInput, std::move(m)); }
inline Status NotFoundError(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status IoError(std::string m) { return Status(StatusCode::kIo, std::move(m)); }
inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status InternalError(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }

// Either a value or a non-OK Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(const Status& status) : v_(status) { assert(!status.ok()); }  // NOLINT: implicit by design
  StatusOr(Status&& status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT
  StatusOr(const T& value) : v_(value) {}  // NOLINT
  StatusOr(T&& value) : v_(std::move(value)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace nazir

// Returns early from the enclosing function if `expr` (a Status) is not OK.
#define NAZIR_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::nazir::Status nazir_status_ = (expr);    \
    if (!nazir_status_.ok()) return nazir_status_; \
  } while (0)

#endif  // NAZIR_BASE_STATUS_H_
