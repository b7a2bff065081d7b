// nazir: Arabic news + English renderings -> aligned sentence pairs, TMX 1.4b, glossary of names.
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"

namespace nazir::cli {

int ReportError(const Status& status) {
  if (status.ok()) return kExitOk;
  std::cerr << "nazir: error: " << status.message() << "\n";
  return status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitBadInput;
}

int Finish(Context& ctx, const Status& status) {
  ctx.exit_code = ReportError(status);
  return ctx.exit_code;
}

void AddEncodingOption(CLI::App* cmd, std::string* value, const std::string& help) {
  cmd->add_option("--encoding", *value, help)
      ->check(CLI::IsMember({"utf-8", "utf8", "windows-1256", "cp1256", "iso-8859-6"}, CLI::ignore_case));
}

StatusOr<text::Encoding> EncodingFromOption(const std::string& value) {
  const std::optional<text::Encoding> encoding = text::ParseEncoding(value);
  if (!encoding) {
    return InvalidArgumentError("--encoding must be utf-8, windows-1256 or iso-8859-6, not '" + value + "'");
  }
  return *encoding;
}

}  // namespace nazir::cli

int main(int argc, char** argv) {
  CLI::App app{"nazir: align Arabic news with English renderings; build a TMX translation memory "
               "and a glossary of names"};
  app.set_version_flag("--version", "nazir 0.1.0");
  app.require_subcommand(1);
  nazir::cli::Context ctx;
  nazir::cli::RegisterSegment(app, ctx);
  nazir::cli::RegisterAlign(app, ctx);
  nazir::cli::RegisterTmx(app, ctx);
  nazir::cli::RegisterGlossary(app, ctx);
  nazir::cli::RegisterTm(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);  // prints help or the usage error
    return rc == 0 ? nazir::cli::kExitOk : nazir::cli::kExitUsage;
  }
  return ctx.exit_code;
}
