#include "nazir/tmx/tmx_reader.h"

#include <algorithm>

#include "tmx_sax.h"

namespace nazir::tmx {

namespace {

Status Read(internal::XmlInput input, const TmxHeaderCallback& on_header, const TmxTuCallback& on_tu,
            const TmxReadOptions& options) {
  internal::ParserSettings settings;
  settings.entity_expansion_limit = options.entity_expansion_limit;
  // Room for the largest text allowed, in UTF-8 (3 bytes per UTF-16 unit at most) or UTF-16.
  settings.max_bytes_without_event = std::max<uint64_t>(4 << 20, 4 * options.max_text_bytes);
  internal::TmxEvents events;
  events.on_header = on_header;
  if (on_tu) {
    events.on_tu = [&on_tu](TranslationUnit&& tu, const internal::SourcePos&) { return on_tu(std::move(tu)); };
  }
  return internal::ParseTmx(input, settings, options, events, nullptr);
}

}  // namespace

Status ReadTmx(const std::string& path, const TmxHeaderCallback& on_header, const TmxTuCallback& on_tu,
               const TmxReadOptions& options) {
  internal::XmlInput input;
  input.name = path == "-" ? "<stdin>" : path;
  input.path = path;
  return Read(std::move(input), on_header, on_tu, options);
}

Status ReadTmxFromMemory(std::string_view bytes, std::string_view name, const TmxHeaderCallback& on_header,
                         const TmxTuCallback& on_tu, const TmxReadOptions& options) {
  internal::XmlInput input;
  input.name = std::string(name);
  input.memory = bytes;
  input.in_memory = true;
  return Read(std::move(input), on_header, on_tu, options);
}

}  // namespace nazir::tmx
