// nazir segment --lang ar|en [FILE|-] [--json] [--encoding utf-8|windows-1256|iso-8859-6]
#include <cstdio>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "nazir/base/lang.h"
#include "nazir/text/segment.h"
#include "nazir/text/utf8.h"

namespace nazir::cli {
namespace {

struct SegmentOptions {
  std::string lang;
  std::string input = "-";
  std::string encoding = "utf-8";
  bool json = false;
};

Status RunSegment(const SegmentOptions& opt) {
  const std::optional<Lang> lang = ParseLang(opt.lang);
  if (!lang) return InvalidArgumentError("--lang must be ar or en, not '" + opt.lang + "'");
  const StatusOr<text::Encoding> encoding = EncodingFromOption(opt.encoding);
  if (!encoding.ok()) return encoding.status();
  StatusOr<std::string> input = text::ReadTextFile(opt.input, *encoding);
  if (!input.ok()) return input.status();
  StatusOr<std::unique_ptr<text::Segmenter>> segmenter = text::Segmenter::Create(*lang);
  if (!segmenter.ok()) return segmenter.status();

  std::string out;
  for (const Sentence& s : (*segmenter)->Segment(*input)) {
    if (opt.json) {
      out += nlohmann::json{{"text", s.text}, {"begin", s.begin}, {"end", s.end}, {"paragraph", s.paragraph}}
                 .dump();
    } else {
      out += s.text;
    }
    out += '\n';
  }
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    return IoError("cannot write to standard output");
  }
  return Status::Ok();
}

}  // namespace

void RegisterSegment(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<SegmentOptions>();
  CLI::App* cmd = app.add_subcommand(
      "segment",
      "Split Arabic or English text into sentences: one per line (original text, trimmed), or JSON lines "
      "with byte offsets and paragraph numbers");
  cmd->add_option("--lang", opt->lang, "Language of the text: ar or en")
      ->required()
      ->check(CLI::IsMember({"ar", "en"}, CLI::ignore_case));
  cmd->add_option("input", opt->input, "UTF-8 text file, or - for standard input (the default)");
  AddEncodingOption(cmd, &opt->encoding,
                    "Input encoding: utf-8 (default), windows-1256 or iso-8859-6 (legacy Arabic code pages)");
  cmd->add_flag("--json", opt->json,
                "Print one JSON object per line: {\"text\", \"begin\", \"end\", \"paragraph\"} "
                "(byte offsets into the decoded input, 0-based paragraph)");
  cmd->callback([opt, &ctx] { Finish(ctx, RunSegment(*opt)); });
}

}  // namespace nazir::cli
