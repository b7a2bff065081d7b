// Internal: a small streaming XML writer over Xerces' XMLFormatter (all escaping is Xerces'),
// appending UTF-8 to a std::string the caller drains (to an AtomicFile, or keeps as seg markup).
#ifndef NAZIR_TMX_SRC_XML_WRITER_H_
#define NAZIR_TMX_SRC_XML_WRITER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xercesc/framework/XMLFormatter.hpp>

namespace nazir::tmx::internal {

class XmlWriter {
 public:
  // Appends to *out. With `pretty`, each element that is not inside inline content starts on its own
  // line, indented by two spaces per level.
  XmlWriter(std::string* out, bool pretty);
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  // <?xml version="1.0" encoding="UTF-8"?>
  void Declaration();
  // <!DOCTYPE root SYSTEM "system_id"> (both ASCII constants of the caller).
  void Doctype(std::u16string_view root, std::u16string_view system_id);

  void Start(std::u16string_view name);
  // Only right after Start (or another Attribute). Escaped with XMLFormatter::AttrEscapes.
  void Attribute(std::u16string_view name, std::u16string_view value);
  // The same with a UTF-8 value, which must be valid UTF-8 (the writers validate everything first).
  void AttributeUtf8(std::u16string_view name, std::string_view value);
  // Character data, escaped with XMLFormatter::CharEscapes.
  void Text(std::u16string_view text);
  void TextUtf8(std::string_view text);  // valid UTF-8, as for AttributeUtf8
  // Closes the innermost element (<x/> when it has no content).
  void End();
  // From here to the matching EndInline the content of the current element is mixed content: no
  // indentation whitespace is written (it would become part of the segment).
  void BeginInline();
  void EndInline();
  // Closes every open element and ends the line.
  void Finish();

  size_t depth() const { return stack_.size(); }

 private:
  class Target;
  struct Frame {
    std::u16string name;
    bool has_children = false;
    bool mixed = false;
  };
  void CloseStartTag();
  void Put(std::u16string_view s, xercesc::XMLFormatter::EscapeFlags flags);

  std::string* out_;
  std::unique_ptr<Target> target_;
  std::unique_ptr<xercesc::XMLFormatter> fmt_;
  bool pretty_;
  bool start_open_ = false;
  int inline_ = 0;
  std::vector<Frame> stack_;
  std::u16string scratch_;
};

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_XML_WRITER_H_
