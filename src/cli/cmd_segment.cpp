#include "commands.h"

namespace nazir::cli {

// Not registered yet: this command group is being built (see the open issues).
void RegisterSegment(CLI::App& /*app*/, Context& /*ctx*/) {}

}  // namespace nazir::cli
