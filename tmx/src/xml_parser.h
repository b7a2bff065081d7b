// Internal: the one place where nazir configures a Xerces SAX2 parser, hardened against hostile input.
//
// Every parser made here: never fetches a DTD or an external entity (the entity resolver refuses them
// all; when validating, the DOCTYPE's external subset is answered with the DTD compiled into nazir),
// caps entity expansion with a SecurityManager, reads the input through nazir's own stream (a file
// descriptor: no locale code page in file names, stdin as "-"), and turns every Xerces error into a
// Status "name:line:column: message".
#ifndef NAZIR_TMX_SRC_XML_PARSER_H_
#define NAZIR_TMX_SRC_XML_PARSER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/util/SecurityManager.hpp>

#include "nazir/base/status.h"

namespace nazir::tmx::internal {

struct SourcePos {
  uint64_t line = 0;
  uint64_t column = 0;
};

// Where the bytes come from: a file ("-" = stdin) or memory.
struct XmlInput {
  std::string name;             // shown in messages
  std::string path;             // used when `in_memory` is false
  std::string_view memory;      // used when `in_memory` is true
  bool in_memory = false;
  // Validation only: when the document has no DOCTYPE, act as if it began with
  // <!DOCTYPE doctype_root SYSTEM "nazir-bundled.dtd"> (so the bundled DTD applies to it too).
  std::string doctype_root;
};

struct ParserSettings {
  bool validate = false;        // DTD validation against `dtd`, whatever the DOCTYPE names
  std::string_view dtd;         // the DTD text (validation only)
  unsigned entity_expansion_limit = 10000;
  // Elements nested deeper than this stop the parse (a hostile file of a million nested <hi> would
  // otherwise grow the element stack without bound). TMX needs about 10.
  unsigned max_depth = 256;
  // Xerces buffers a whole attribute value, comment, processing instruction, CDATA section or DOCTYPE
  // before it reports anything (element text, by contrast, arrives in chunks). A file that goes on for
  // this many bytes without a single SAX event is refused, which bounds the parser's memory on a hostile
  // 1 GB "line". Files only (input in memory is already in memory).
  uint64_t max_bytes_without_event = 4 << 20;
};

// Shared by the input stream and the handler: how far the stream has read, and where the last SAX
// event happened.
struct ReadGuard {
  uint64_t read_pos = 0;
  uint64_t last_event_pos = 0;
  uint64_t limit = 0;  // 0 = no limit
};

// Base of nazir's SAX handlers. Subclasses override the ContentHandler methods and call Abort() to stop.
class SecureHandler : public xercesc::DefaultHandler {
 public:
  // Stops the parse; Parse() returns `status` as is.
  [[noreturn]] void Abort(Status status);
  // Stops the parse with InvalidInput "name:line:column: message" at the current position.
  [[noreturn]] void AbortHere(const std::string& message);
  SourcePos Pos() const;
  const std::string& input_name() const { return name_; }
  // Bytes of the input read by the parser so far (0 for input in memory).
  uint64_t BytesRead() const { return guard_ != nullptr ? guard_->read_pos : 0; }

  // A DTD validity error (validation only). The default ignores it.
  virtual void OnValidityError(const SourcePos& pos, const std::string& message);

  // xercesc::DefaultHandler
  void setDocumentLocator(const xercesc::Locator* const locator) override;
  xercesc::InputSource* resolveEntity(const XMLCh* const public_id, const XMLCh* const system_id) override;
  void startDTD(const XMLCh* const name, const XMLCh* const public_id, const XMLCh* const system_id) override;
  void error(const xercesc::SAXParseException& e) override;
  void fatalError(const xercesc::SAXParseException& e) override;
  void warning(const xercesc::SAXParseException& e) override;

 protected:
  // Depth bookkeeping for ParserSettings::max_depth: call from startElement / endElement.
  // Both also count as progress for ParserSettings::max_bytes_without_event.
  void EnterElement();
  void LeaveElement() {
    --depth_;
    Touch();
  }
  // Marks progress for ParserSettings::max_bytes_without_event: call from characters().
  void Touch() {
    if (guard_ != nullptr) guard_->last_event_pos = guard_->read_pos;
  }

  // xercesc::LexicalHandler / ContentHandler events that count as progress.
  void comment(const XMLCh* const chars, const XMLSize_t length) override;
  void processingInstruction(const XMLCh* const target, const XMLCh* const data) override;

 private:
  friend class SecureParser;
  void Reset(const std::string& name, const ParserSettings* settings, ReadGuard* guard);

  std::string name_;
  const ParserSettings* settings_ = nullptr;
  const xercesc::Locator* locator_ = nullptr;
  std::u16string doctype_system_id_;
  bool has_doctype_ = false;
  bool dtd_served_ = false;
  unsigned depth_ = 0;
  ReadGuard* guard_ = nullptr;
  Status abort_status_;
  SourcePos abort_pos_;
  bool aborted_ = false;
  bool xerces_fatal_ = false;  // the abort came from Xerces' fatalError (not from a handler)
};

// A configured Xerces SAX2 parser; reusable for many inputs (one at a time, one thread).
class SecureParser {
 public:
  explicit SecureParser(const ParserSettings& settings);
  ~SecureParser();
  SecureParser(const SecureParser&) = delete;
  SecureParser& operator=(const SecureParser&) = delete;

  // Parses `input`, sending events to `handler`. Returns OK, the Status the handler aborted with,
  // kNotFound / kIo for unreadable files, or kInvalidInput "name:line:column: message" for malformed or
  // refused XML. `fatal_pos` (may be null) receives the position of a well-formedness error.
  Status Parse(const XmlInput& input, SecureHandler* handler, SourcePos* fatal_pos = nullptr);

 private:
  ParserSettings settings_;
  std::unique_ptr<xercesc::SecurityManager> security_;
  std::unique_ptr<xercesc::SAX2XMLReader> reader_;
  Status init_;
};

}  // namespace nazir::tmx::internal

#endif  // NAZIR_TMX_SRC_XML_PARSER_H_
