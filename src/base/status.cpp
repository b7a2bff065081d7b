#include "nazir/base/status.h"

namespace nazir {

Status Status::WithContext(const std::string& prefix) const {
  if (ok()) return *this;
  return Status(code_, prefix + ": " + message_);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return message_;
}

}  // namespace nazir
