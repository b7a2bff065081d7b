#include "xml_writer.h"

#include <xercesc/framework/XMLFormatter.hpp>

#include "xml_platform.h"

namespace nazir::tmx::internal {

using xercesc::XMLFormatter;

class XmlWriter::Target : public xercesc::XMLFormatTarget {
 public:
  explicit Target(std::string* out) : out_(out) {}
  void writeChars(const XMLByte* const bytes, const XMLSize_t count, XMLFormatter* const) override {
    out_->append(reinterpret_cast<const char*>(bytes), count);
  }

 private:
  std::string* out_;
};

namespace {

// True if `s` is ASCII: the element and attribute names nazir writes are, and they need no transcoding.
bool IsAscii(std::u16string_view s) {
  for (char16_t c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// True if UTF-8 `text` holds no character that XMLFormatter could turn into an entity or a character
// reference: CharEscapes are & < >, AttrEscapes & < " LF CR TAB (Xerces 3.2 XMLFormatter.cpp,
// gEscapeChars); this tests a superset (& < > " ' and every C0 control). Such text is copied as it is,
// which is what the formatter would write; everything else goes through the formatter.
bool NeedsNoEscaping(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') return false;
  }
  return true;
}

}  // namespace

XmlWriter::XmlWriter(std::string* out, bool pretty)
    : out_(out),
      target_(std::make_unique<Target>(out)),
      fmt_(std::make_unique<XMLFormatter>("UTF-8", "1.0", target_.get(), XMLFormatter::NoEscapes,
                                          XMLFormatter::UnRep_CharRef)),
      pretty_(pretty) {}

XmlWriter::~XmlWriter() = default;

void XmlWriter::Put(std::u16string_view s, XMLFormatter::EscapeFlags flags) {
  if (s.empty()) return;
  if (flags == XMLFormatter::NoEscapes && IsAscii(s)) {
    // Markup (names, brackets, indentation): ASCII, nothing to escape or transcode. The formatter keeps
    // no buffer between calls, so appending beside it keeps the order.
    size_t old = out_->size();
    out_->resize(old + s.size());
    char* to = &(*out_)[old];
    for (char16_t c : s) *to++ = static_cast<char>(c);
    return;
  }
  fmt_->formatBuf(s.data(), s.size(), flags, XMLFormatter::UnRep_CharRef);
}

void XmlWriter::Declaration() { Put(u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", XMLFormatter::NoEscapes); }

void XmlWriter::Doctype(std::u16string_view root, std::u16string_view system_id) {
  Put(u"<!DOCTYPE ", XMLFormatter::NoEscapes);
  Put(root, XMLFormatter::NoEscapes);
  Put(u" SYSTEM \"", XMLFormatter::NoEscapes);
  Put(system_id, XMLFormatter::NoEscapes);
  Put(u"\">\n", XMLFormatter::NoEscapes);
}

void XmlWriter::CloseStartTag() {
  if (start_open_) {
    Put(u">", XMLFormatter::NoEscapes);
    start_open_ = false;
  }
}

void XmlWriter::Start(std::u16string_view name) {
  CloseStartTag();
  if (!stack_.empty()) stack_.back().has_children = true;
  if (pretty_ && inline_ == 0 && !stack_.empty()) {
    scratch_.assign(1, u'\n');
    scratch_.append(2 * stack_.size(), u' ');
    Put(scratch_, XMLFormatter::NoEscapes);
  }
  Put(u"<", XMLFormatter::NoEscapes);
  Put(name, XMLFormatter::NoEscapes);
  stack_.push_back(Frame{std::u16string(name), false, inline_ > 0});
  start_open_ = true;
}

void XmlWriter::Attribute(std::u16string_view name, std::u16string_view value) {
  Put(u" ", XMLFormatter::NoEscapes);
  Put(name, XMLFormatter::NoEscapes);
  Put(u"=\"", XMLFormatter::NoEscapes);
  Put(value, XMLFormatter::AttrEscapes);
  Put(u"\"", XMLFormatter::NoEscapes);
}

void XmlWriter::AttributeUtf8(std::u16string_view name, std::string_view value) {
  if (NeedsNoEscaping(value)) {
    Put(u" ", XMLFormatter::NoEscapes);
    Put(name, XMLFormatter::NoEscapes);
    Put(u"=\"", XMLFormatter::NoEscapes);
    out_->append(value);
    Put(u"\"", XMLFormatter::NoEscapes);
    return;
  }
  std::u16string v;
  AppendUtf8ToXml(value, &v);
  Attribute(name, v);
}

void XmlWriter::Text(std::u16string_view text) {
  if (text.empty()) return;
  CloseStartTag();
  Put(text, XMLFormatter::CharEscapes);
}

void XmlWriter::TextUtf8(std::string_view text) {
  if (text.empty()) return;
  if (NeedsNoEscaping(text)) {
    CloseStartTag();
    out_->append(text);
    return;
  }
  scratch_.clear();
  AppendUtf8ToXml(text, &scratch_);
  Text(scratch_);
}

void XmlWriter::End() {
  if (stack_.empty()) return;
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  if (start_open_) {
    Put(u"/>", XMLFormatter::NoEscapes);
    start_open_ = false;
    return;
  }
  if (pretty_ && frame.has_children && !frame.mixed) {
    scratch_.assign(1, u'\n');
    scratch_.append(2 * stack_.size(), u' ');
    Put(scratch_, XMLFormatter::NoEscapes);
  }
  Put(u"</", XMLFormatter::NoEscapes);
  Put(frame.name, XMLFormatter::NoEscapes);
  Put(u">", XMLFormatter::NoEscapes);
}

void XmlWriter::BeginInline() {
  ++inline_;
  if (!stack_.empty()) stack_.back().mixed = true;
}

void XmlWriter::EndInline() {
  if (inline_ > 0) --inline_;
}

void XmlWriter::Finish() {
  while (!stack_.empty()) End();
  Put(u"\n", XMLFormatter::NoEscapes);
}

}  // namespace nazir::tmx::internal
