#include "xml_parser.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <optional>

#include <unicode/utf8.h>

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/InputSource.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/BinInputStream.hpp>
#include <xercesc/util/OutOfMemoryException.hpp>
#include <xercesc/util/XMLUni.hpp>

#include "xml_platform.h"

namespace nazir::tmx::internal {

namespace {

using xercesc::XMLUni;

// Thrown through Xerces to stop a parse; the reason is kept by whoever throws it.
struct AbortParse {};

// The system id nazir gives the DOCTYPE it adds to a document that has none (validation only).
constexpr char kInjectedSystemId[] = "nazir-bundled.dtd";

// How much of a file is looked at to decide whether it has a DOCTYPE: the XML declaration, comments
// and processing instructions before the root element fit in this in any real file.
constexpr size_t kDoctypePeekBytes = 64 * 1024;

enum class Units { kByte, kUtf16Le, kUtf16Be };

// Inserts "<!DOCTYPE root SYSTEM "...">" before the root element of `head` (the first bytes of a
// document) unless a DOCTYPE is there already. UTF-16 (with or without BOM) and every ASCII-compatible
// encoding are handled; anything else is left unchanged (validation then reports the missing grammar).
void InjectDoctype(std::string* head, const std::string& root) {
  const std::string& h = *head;
  auto byte = [&](size_t i) { return static_cast<unsigned char>(h[i]); };
  size_t bom = 0;
  Units units = Units::kByte;
  if (h.size() >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
    bom = 3;
  } else if (h.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) {
    bom = 2, units = Units::kUtf16Le;
  } else if (h.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
    bom = 2, units = Units::kUtf16Be;
  } else if (h.size() >= 4 && byte(0) == '<' && byte(1) == 0 && byte(2) == '?' && byte(3) == 0) {
    units = Units::kUtf16Le;
  } else if (h.size() >= 4 && byte(0) == 0 && byte(1) == '<' && byte(2) == 0 && byte(3) == '?') {
    units = Units::kUtf16Be;
  }
  const size_t width = units == Units::kByte ? 1 : 2;
  // The k-th character after the BOM as ASCII, 0x100 for anything else, -1 past the end.
  auto ch = [&](size_t k) -> int {
    size_t off = bom + k * width;
    if (off + width > h.size()) return -1;
    if (units == Units::kByte) return byte(off);
    unsigned lo = units == Units::kUtf16Le ? byte(off) : byte(off + 1);
    unsigned hi = units == Units::kUtf16Le ? byte(off + 1) : byte(off);
    return hi == 0 ? static_cast<int>(lo) : 0x100;
  };
  auto starts = [&](size_t k, const char* s) {
    for (size_t i = 0; s[i] != 0; ++i) {
      if (ch(k + i) != static_cast<unsigned char>(s[i])) return false;
    }
    return true;
  };
  auto skip_past = [&](size_t k, const char* end) -> size_t {  // index after `end`, or npos
    for (; ch(k) >= 0; ++k) {
      if (starts(k, end)) return k + std::strlen(end);
    }
    return std::string::npos;
  };
  size_t k = 0;
  if (starts(0, "<?xml")) k = skip_past(0, "?>");
  while (k != std::string::npos) {
    int c = ch(k);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++k;
    } else if (starts(k, "<!--")) {
      k = skip_past(k, "-->");
    } else if (starts(k, "<!DOCTYPE")) {
      // It has one. With an external subset (SYSTEM/PUBLIC) the resolver answers it with the bundled
      // DTD; with only an internal subset, "<!DOCTYPE tmx [" gets the bundled DTD as external subset.
      size_t j = k + std::strlen("<!DOCTYPE");
      while (ch(j) == ' ' || ch(j) == '\t' || ch(j) == '\r' || ch(j) == '\n') ++j;
      while (ch(j) > ' ' && ch(j) != '[' && ch(j) != '>' && ch(j) < 0x80) ++j;
      size_t name_end = j;
      while (ch(j) == ' ' || ch(j) == '\t' || ch(j) == '\r' || ch(j) == '\n') ++j;
      if (ch(j) != '[') return;
      k = name_end;
      std::string ext = std::string(" SYSTEM \"") + kInjectedSystemId + "\"";
      std::string encoded_ext;
      for (char c : ext) {
        if (units == Units::kUtf16Be) encoded_ext.push_back('\0');
        encoded_ext.push_back(c);
        if (units == Units::kUtf16Le) encoded_ext.push_back('\0');
      }
      head->insert(bom + k * width, encoded_ext);
      return;
    } else if (starts(k, "<?")) {
      k = skip_past(k, "?>");
    } else if (c == '<') {
      break;
    } else {
      return;  // not something we understand (or past the peek window): leave it to the parser
    }
  }
  if (k == std::string::npos) return;
  std::string decl = "<!DOCTYPE " + root + " SYSTEM \"" + kInjectedSystemId + "\">";
  std::string encoded;
  for (char c : decl) {
    if (units == Units::kUtf16Be) encoded.push_back('\0');
    encoded.push_back(c);
    if (units == Units::kUtf16Le) encoded.push_back('\0');
  }
  head->insert(bom + k * width, encoded);
}

// Reads a file descriptor for Xerces; read errors stop the parse with an I/O Status.
class FdInputStream : public xercesc::BinInputStream {
 public:
  FdInputStream(int fd, bool owns, std::string inject_root, Status* error, std::string name, ReadGuard* guard,
                SecureHandler* handler)
      : fd_(fd),
        owns_(owns),
        inject_root_(std::move(inject_root)),
        error_(error),
        name_(std::move(name)),
        guard_(guard),
        handler_(handler) {}
  ~FdInputStream() override {
    if (owns_) close(fd_);
  }

  XMLFilePos curPos() const override { return pos_; }
  const XMLCh* getContentType() const override { return nullptr; }

  XMLSize_t readBytes(XMLByte* const to_fill, const XMLSize_t max_to_read) override {
    if (guard_->limit != 0 && guard_->read_pos - guard_->last_event_pos > guard_->limit) {
      handler_->AbortHere("more than " + std::to_string(guard_->limit >> 20) +
                          " MiB of XML without an element or text (a giant attribute, comment or "
                          "DOCTYPE?): refusing to buffer it");
    }
    if (!inject_root_.empty()) {
      while (head_.size() < kDoctypePeekBytes) {
        char buf[8192];
        ssize_t n = ReadSome(buf, sizeof(buf));
        if (n <= 0) break;
        head_.append(buf, static_cast<size_t>(n));
      }
      InjectDoctype(&head_, inject_root_);
      inject_root_.clear();
    }
    XMLSize_t n = 0;
    if (head_pos_ < head_.size()) {
      n = std::min<XMLSize_t>(max_to_read, head_.size() - head_pos_);
      std::memcpy(to_fill, head_.data() + head_pos_, n);
      head_pos_ += n;
      if (head_pos_ == head_.size()) std::string().swap(head_);
    } else {
      ssize_t got = ReadSome(to_fill, max_to_read);
      n = got > 0 ? static_cast<XMLSize_t>(got) : 0;
    }
    pos_ += n;
    guard_->read_pos = pos_;
    return n;
  }

 private:
  ssize_t ReadSome(void* buf, size_t len) {
    for (;;) {
      ssize_t n = read(fd_, buf, len);
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      *error_ = IoError("cannot read " + name_ + ": " + std::strerror(errno));
      throw AbortParse();
    }
  }

  int fd_;
  bool owns_;
  std::string inject_root_;
  Status* error_;
  std::string name_;
  ReadGuard* guard_;
  SecureHandler* handler_;
  std::string head_;
  size_t head_pos_ = 0;
  XMLFilePos pos_ = 0;
};

class FdInputSource : public xercesc::InputSource {
 public:
  FdInputSource(int fd, bool owns, std::string inject_root, Status* error, const std::string& name,
                ReadGuard* guard, SecureHandler* handler)
      : fd_(fd),
        owns_(owns),
        inject_root_(std::move(inject_root)),
        error_(error),
        name_(name),
        guard_(guard),
        handler_(handler) {
    setSystemId(Utf8ToXml(name).c_str());
  }
  ~FdInputSource() override {
    if (owns_ && !made_) close(fd_);
  }
  xercesc::BinInputStream* makeStream() const override {
    if (made_) return nullptr;  // a file descriptor can be read once
    made_ = true;
    return new FdInputStream(fd_, owns_, inject_root_, error_, name_, guard_, handler_);
  }

 private:
  int fd_;
  bool owns_;
  std::string inject_root_;
  Status* error_;
  std::string name_;
  ReadGuard* guard_;
  SecureHandler* handler_;
  mutable bool made_ = false;
};

// Where the first invalid UTF-8 sequence is, as a message, when Xerces stopped on one: Xerces decodes
// a whole buffer ahead of the parse and reports its own (wrong) position with the raw byte in the
// message. The first `limit` bytes of the input (what Xerces read) are scanned again, only when the
// document is UTF-8 (no UTF-16 BOM or pattern, no other encoding declared).
struct Utf8Error {
  SourcePos pos;
  std::string message;
};

class ByteSource {
 public:
  explicit ByteSource(const XmlInput& input) : input_(input) {
    if (!input.in_memory && input.path != "-") f_ = std::fopen(input.path.c_str(), "rb");
  }
  ~ByteSource() {
    if (f_ != nullptr) std::fclose(f_);
  }
  bool ok() const { return input_.in_memory || f_ != nullptr; }
  // Appends up to `n` more bytes to `out`; returns how many.
  size_t Read(size_t n, std::string* out) {
    if (input_.in_memory) {
      size_t take = std::min(n, input_.memory.size() - mem_pos_);
      out->append(input_.memory.data() + mem_pos_, take);
      mem_pos_ += take;
      return take;
    }
    size_t old = out->size();
    out->resize(old + n);
    size_t got = std::fread(out->data() + old, 1, n, f_);
    out->resize(old + got);
    return got;
  }

 private:
  const XmlInput& input_;
  FILE* f_ = nullptr;
  size_t mem_pos_ = 0;
};

bool DeclaresNonUtf8(std::string_view head) {
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF') ||
                           head[0] == 0 || head[1] == 0)) {
    return true;  // UTF-16 (or UTF-32): not ours to check
  }
  if (head.substr(0, 5) != "<?xml") return false;
  size_t end = head.find("?>");
  std::string_view decl = head.substr(0, end);
  size_t e = decl.find("encoding");
  if (e == std::string_view::npos) return false;
  size_t q = decl.find_first_of("\"'", e);
  if (q == std::string_view::npos) return false;
  size_t q2 = decl.find(decl[q], q + 1);
  std::string enc(decl.substr(q + 1, q2 == std::string_view::npos ? std::string_view::npos : q2 - q - 1));
  for (char& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return enc != "utf-8" && enc != "utf8";
}

std::optional<Utf8Error> FindInvalidUtf8(const XmlInput& input, uint64_t limit) {
  ByteSource src(input);
  if (!src.ok()) return std::nullopt;
  constexpr size_t kChunk = 1 << 16;
  constexpr int32_t kMaxSequence = 4;  // bytes in the longest UTF-8 sequence
  std::string buf;
  uint64_t offset = 0;  // file offset of buf[0]
  uint64_t line = 1, column = 1;
  bool first = true;
  bool eof = false;
  while (!eof || !buf.empty()) {
    if (!eof) {
      uint64_t want = std::min<uint64_t>(kChunk, limit > offset + buf.size() ? limit - offset - buf.size() : 0);
      if (want == 0 || src.Read(static_cast<size_t>(want), &buf) == 0) eof = true;
    }
    if (first) {
      first = false;
      if (DeclaresNonUtf8(buf)) return std::nullopt;
    }
    const char* s = buf.data();
    const int32_t n = static_cast<int32_t>(buf.size());
    int32_t i = 0;
    while (i < n) {
      if (!eof && i + kMaxSequence > n) break;  // a sequence may continue in the next chunk
      int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) {
        char hex[8];
        std::snprintf(hex, sizeof(hex), "0x%02X", static_cast<unsigned char>(s[start]));
        return Utf8Error{{line, column},
                         "invalid UTF-8: byte " + std::string(hex) + " at byte offset " +
                             std::to_string(offset + static_cast<uint64_t>(start)) +
                             " (the file is not UTF-8: convert it, or declare its real encoding in "
                             "<?xml ... encoding=\"...\"?>)"};
      }
      if (c == '\n') {
        ++line;
        column = 1;
      } else if (!(offset == 0 && start == 0 && c == 0xFEFF)) {
        ++column;
      }
    }
    buf.erase(0, static_cast<size_t>(i));
    offset += static_cast<uint64_t>(i);
    if (eof) break;
  }
  return std::nullopt;
}

std::string PosPrefix(const std::string& name, const SourcePos& pos) {
  return name + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": ";
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// SecureHandler

void SecureHandler::Reset(const std::string& name, const ParserSettings* settings, ReadGuard* guard) {
  name_ = name;
  settings_ = settings;
  guard_ = guard;
  locator_ = nullptr;
  doctype_system_id_.clear();
  has_doctype_ = false;
  dtd_served_ = false;
  depth_ = 0;
  abort_status_ = Status::Ok();
  abort_pos_ = SourcePos();
  aborted_ = false;
  xerces_fatal_ = false;
}

void SecureHandler::Abort(Status status) {
  if (!aborted_) {
    abort_status_ = std::move(status);
    abort_pos_ = Pos();
    aborted_ = true;
  }
  throw AbortParse();
}

void SecureHandler::AbortHere(const std::string& message) {
  Abort(InvalidInputError(PosPrefix(name_, Pos()) + message));
}

SourcePos SecureHandler::Pos() const {
  SourcePos pos;
  if (locator_ != nullptr) {
    pos.line = locator_->getLineNumber();
    pos.column = locator_->getColumnNumber();
  }
  return pos;
}

void SecureHandler::OnValidityError(const SourcePos&, const std::string&) {}

void SecureHandler::comment(const XMLCh* const, const XMLSize_t) { Touch(); }

void SecureHandler::processingInstruction(const XMLCh* const, const XMLCh* const) { Touch(); }

void SecureHandler::EnterElement() {
  Touch();
  if (++depth_ > settings_->max_depth) {
    AbortHere("elements nested more than " + std::to_string(settings_->max_depth) +
              " deep: refusing a file built to exhaust memory");
  }
}

void SecureHandler::setDocumentLocator(const xercesc::Locator* const locator) { locator_ = locator; }

void SecureHandler::startDTD(const XMLCh* const, const XMLCh* const, const XMLCh* const system_id) {
  has_doctype_ = true;
  if (system_id != nullptr) doctype_system_id_ = system_id;
}

xercesc::InputSource* SecureHandler::resolveEntity(const XMLCh* const, const XMLCh* const system_id) {
  std::u16string sys = system_id != nullptr ? std::u16string(system_id) : std::u16string();
  // Only the DOCTYPE's external subset, only when validating, only once: answered with the bundled
  // DTD, whatever it names (tmx14.dtd, a URL, file:///etc/passwd): nothing is ever fetched.
  if (settings_->validate && has_doctype_ && !dtd_served_ && sys == doctype_system_id_) {
    dtd_served_ = true;
    return new xercesc::MemBufInputSource(reinterpret_cast<const XMLByte*>(settings_->dtd.data()),
                                          settings_->dtd.size(), u"nazir-bundled.dtd", false);
  }
  // (Not validating, the external DTD is never requested: fgXercesLoadExternalDTD is off.)
  std::string what = XmlToUtf8(sys.c_str(), sys.size());
  AbortHere("external entity '" + what +
            "' refused: nazir never reads files or URLs named inside a document (XXE protection)");
}

void SecureHandler::error(const xercesc::SAXParseException& e) {
  SourcePos pos{e.getLineNumber(), e.getColumnNumber()};
  OnValidityError(pos, XmlToUtf8(e.getMessage()));
}

void SecureHandler::warning(const xercesc::SAXParseException&) {}

void SecureHandler::fatalError(const xercesc::SAXParseException& e) {
  SourcePos pos{e.getLineNumber(), e.getColumnNumber()};
  if (!aborted_) {
    abort_status_ = InvalidInputError(PosPrefix(name_, pos) + XmlToUtf8(e.getMessage()));
    abort_pos_ = pos;
    aborted_ = true;
    xerces_fatal_ = true;
  }
  throw AbortParse();
}

// ---------------------------------------------------------------------------------------------------
// SecureParser

SecureParser::SecureParser(const ParserSettings& settings) : settings_(settings) {
  init_ = InitXerces();
  if (!init_.ok()) return;
  try {
    security_ = std::make_unique<xercesc::SecurityManager>();
    security_->setEntityExpansionLimit(settings_.entity_expansion_limit);
    reader_.reset(xercesc::XMLReaderFactory::createXMLReader());
    // Namespace processing on when only reading: Xerces' non-namespace scanner records every child of an
    // element (ElemStack::addChild, 8 bytes per <tu> under <body>) whether it validates or not, its
    // namespace scanner only when validating; reading a 1 GB TMX then stays at constant memory.
    // Validating needs that list anyway (the content model of <body> is checked at </body>).
    reader_->setFeature(XMLUni::fgSAX2CoreNameSpaces, !settings_.validate);
    reader_->setFeature(XMLUni::fgSAX2CoreNameSpacePrefixes, false);
    reader_->setFeature(XMLUni::fgSAX2CoreValidation, settings_.validate);
    reader_->setFeature(XMLUni::fgXercesDynamic, false);
    reader_->setFeature(XMLUni::fgXercesSchema, false);
    reader_->setFeature(XMLUni::fgXercesLoadSchema, false);
    reader_->setFeature(XMLUni::fgXercesLoadExternalDTD, settings_.validate);
    reader_->setFeature(XMLUni::fgXercesDisableDefaultEntityResolution, true);
    reader_->setFeature(XMLUni::fgXercesContinueAfterFatalError, false);
    reader_->setProperty(XMLUni::fgXercesSecurityManager, security_.get());
  } catch (const xercesc::XMLException& e) {
    init_ = InternalError("cannot configure the XML parser: " + XmlToUtf8(e.getMessage()));
  } catch (const xercesc::SAXException& e) {
    init_ = InternalError("cannot configure the XML parser: " + XmlToUtf8(e.getMessage()));
  }
}

SecureParser::~SecureParser() = default;

Status SecureParser::Parse(const XmlInput& input, SecureHandler* handler, SourcePos* fatal_pos) {
  if (!init_.ok()) return init_;
  ReadGuard guard;
  guard.limit = input.in_memory ? 0 : settings_.max_bytes_without_event;
  handler->Reset(input.name, &settings_, &guard);
  reader_->setContentHandler(handler);
  reader_->setErrorHandler(handler);
  reader_->setEntityResolver(handler);
  reader_->setLexicalHandler(handler);

  Status stream_error;
  std::unique_ptr<xercesc::InputSource> source;
  if (input.in_memory) {
    source = std::make_unique<xercesc::MemBufInputSource>(
        reinterpret_cast<const XMLByte*>(input.memory.data()), input.memory.size(),
        Utf8ToXml(input.name).c_str(), false);
  } else {
    int fd = 0;
    bool owns = false;
    if (input.path != "-") {
      fd = open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        int err = errno;
        if (err == ENOENT) return NotFoundError(input.path + ": no such file");
        return IoError("cannot open " + input.path + ": " + std::strerror(err));
      }
      owns = true;
    }
    source = std::make_unique<FdInputSource>(fd, owns, settings_.validate ? input.doctype_root : std::string(),
                                             &stream_error, input.name, &guard, handler);
  }

  Status other;
  try {
    reader_->parse(*source);
  } catch (const AbortParse&) {
    // The reason is in handler->abort_status_ or stream_error.
  } catch (const xercesc::SAXParseException& e) {
    other = InvalidInputError(PosPrefix(input.name, {e.getLineNumber(), e.getColumnNumber()}) +
                              XmlToUtf8(e.getMessage()));
  } catch (const xercesc::SAXException& e) {
    other = InvalidInputError(input.name + ": " + XmlToUtf8(e.getMessage()));
  } catch (const xercesc::OutOfMemoryException&) {
    other = IoError(input.name + ": out of memory while parsing");
  } catch (const xercesc::XMLException& e) {
    other = InvalidInputError(input.name + ": " + XmlToUtf8(e.getMessage()));
  } catch (const std::bad_alloc&) {
    other = IoError(input.name + ": out of memory while parsing");
  }
  handler->guard_ = nullptr;
  if (!stream_error.ok()) return stream_error;
  if (handler->aborted_ && handler->xerces_fatal_) {
    // Xerces' report of bad UTF-8 has a wrong position and the raw byte: find the place ourselves.
    uint64_t read = input.in_memory ? input.memory.size() : guard.read_pos;
    if (std::optional<Utf8Error> bad = FindInvalidUtf8(input, read)) {
      handler->abort_status_ = InvalidInputError(PosPrefix(input.name, bad->pos) + bad->message);
      handler->abort_pos_ = bad->pos;
    }
  }
  if (handler->aborted_) {
    if (fatal_pos != nullptr) *fatal_pos = handler->abort_pos_;
    return handler->abort_status_;
  }
  return other;
}

}  // namespace nazir::tmx::internal
