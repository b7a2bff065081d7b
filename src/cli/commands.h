// The CLI's subcommands. Each cmd_*.cpp registers one command group on the CLI11 app; its callback does
// parsing, library calls, printing and exit codes only (the work lives in the library).
#ifndef NAZIR_CLI_COMMANDS_H_
#define NAZIR_CLI_COMMANDS_H_

#include <string>

#include <CLI/CLI.hpp>

#include "nazir/base/status.h"
#include "nazir/text/utf8.h"

namespace nazir::cli {

// Exit codes: 0 ok, 1 bad input (or any failed work), 2 usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

struct Context {
  int exit_code = kExitOk;
};

// Prints "nazir: error: <message>" on stderr and returns the exit code for `status`
// (kInvalidArgument -> 2, everything else -> 1).
int ReportError(const Status& status);

// Sets ctx.exit_code from `status` (reporting it) and returns it.
int Finish(Context& ctx, const Status& status);

// The --encoding option of the commands that read text (segment, align): utf-8 (default), windows-1256,
// iso-8859-6 and their aliases, checked by CLI11.
void AddEncodingOption(CLI::App* cmd, std::string* value, const std::string& help);
// The Encoding for an --encoding value (InvalidArgument, exit 2, for anything else).
StatusOr<text::Encoding> EncodingFromOption(const std::string& value);

void RegisterSegment(CLI::App& app, Context& ctx);   // cmd_segment.cpp
void RegisterAlign(CLI::App& app, Context& ctx);     // cmd_align.cpp
void RegisterTmx(CLI::App& app, Context& ctx);       // cmd_tmx.cpp
void RegisterGlossary(CLI::App& app, Context& ctx);  // cmd_glossary.cpp
void RegisterTm(CLI::App& app, Context& ctx);        // cmd_tm.cpp

}  // namespace nazir::cli

#endif  // NAZIR_CLI_COMMANDS_H_
