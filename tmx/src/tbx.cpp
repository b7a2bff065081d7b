#include "nazir/tmx/tbx.h"

#include <cstdlib>
#include <unordered_set>
#include <utility>

#include <xercesc/sax2/Attributes.hpp>

#include "clean_text.h"
#include "nazir/base/atomic_file.h"
#include "nazir/tmx/lang_tag.h"
#include "nazir/tmx/tmx_reader.h"
#include "xml_parser.h"
#include "xml_platform.h"
#include "xml_writer.h"

namespace nazir::tmx {

namespace {

using internal::XmlToUtf8;
using internal::XmlWriter;

constexpr char kTypeNote[] = "type: ";
constexpr char kCountNote[] = "count: ";
constexpr size_t kFlushBytes = 1 << 16;

// Terms are cleaned like TMX segments; descriptive text only loses what XML cannot carry.
StatusOr<std::string> CleanTerm(std::string_view s) { return CleanSegment(s, IllegalCharPolicy::kDrop, nullptr); }
StatusOr<std::string> CleanProse(std::string_view s) {
  return internal::CleanText(s, internal::kVerbatimSteps, IllegalCharPolicy::kDrop, nullptr);
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

// ---------------------------------------------------------------------------------------------------
// Writing

struct TbxWriter::Impl {
  TbxOptions options;
  std::unique_ptr<AtomicFile> file;
  std::string buf;
  XmlWriter xml{&buf, true};
  uint64_t entries = 0;
  uint64_t sequence = 0;
  std::unordered_set<int64_t> ids;
  bool closed = false;

  void Flush(bool force) {
    if (buf.size() >= kFlushBytes || (force && !buf.empty())) {
      file->Write(buf);
      buf.clear();
    }
  }

  // One tig: the term, its status, then example, source and count.
  void Tig(const std::string& term, bool preferred, const TermVariant* v, const std::string& example,
           const std::string& source) {
    xml.Start(u"tig");
    Simple(u"term", nullptr, nullptr, term);
    Simple(u"termNote", u"type", u"partOfSpeech", "properNoun");
    Simple(u"termNote", u"type", u"administrativeStatus",
           preferred ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts");
    if (!example.empty()) Simple(u"descrip", u"type", u"context", example);
    if (!source.empty()) Simple(u"admin", u"type", u"source", source);
    if (v != nullptr && v->count > 0) Simple(u"note", nullptr, nullptr, kCountNote + std::to_string(v->count));
    xml.End();
  }

  void Simple(const char16_t* name, const char16_t* attr, const char16_t* value, const std::string& text) {
    xml.Start(name);
    if (attr != nullptr) xml.Attribute(attr, value);
    xml.BeginInline();
    xml.TextUtf8(text);
    xml.EndInline();
    xml.End();
  }
};

TbxWriter::TbxWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TbxWriter::~TbxWriter() {
  if (impl_ && !impl_->closed) impl_->file->Abandon();
}

StatusOr<std::unique_ptr<TbxWriter>> TbxWriter::Open(const std::string& path, const TbxOptions& options) {
  NAZIR_RETURN_IF_ERROR(internal::InitXerces());
  if (options.arabic_lang.empty() || options.english_lang.empty()) {
    return InvalidArgumentError("TBX export needs both language tags");
  }
  if (!internal::IsLangTagText(options.arabic_lang) || !internal::IsLangTagText(options.english_lang)) {
    return InvalidArgumentError("TBX language tags must be like ar or en-US, not '" + options.arabic_lang +
                                "' / '" + options.english_lang + "'");
  }
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->file = std::move(*file);
  auto description = CleanProse(options.description);
  if (!description.ok()) return description.status();
  XmlWriter& x = impl->xml;
  x.Declaration();
  x.Start(u"martif");
  x.Attribute(u"type", u"TBX-Basic");
  x.AttributeUtf8(u"xml:lang", options.english_lang);
  x.Start(u"martifHeader");
  x.Start(u"fileDesc");
  x.Start(u"sourceDesc");
  impl->Simple(u"p", nullptr, nullptr, *description);
  x.End();
  x.End();
  x.End();
  x.Start(u"text");
  x.Start(u"body");
  impl->Flush(true);
  return std::unique_ptr<TbxWriter>(new TbxWriter(std::move(impl)));
}

Status TbxWriter::Write(const GlossaryEntry& e) {
  Impl& m = *impl_;
  if (m.closed) return InternalError("TbxWriter::Write after Close");
  auto fail = [&e](const Status& s) {
    return s.WithContext("glossary entry " + std::to_string(e.id) + " '" + e.english + "'");
  };
  // Clean everything first: a failed Write writes nothing.
  auto english = CleanTerm(e.english);
  if (!english.ok()) return fail(english.status());
  struct Term {
    std::string text, example, source;
    const TermVariant* v;
  };
  std::vector<Term> en, ar;
  auto add = [&](std::vector<Term>* out, const TermVariant& v) -> Status {
    auto t = CleanTerm(v.text);
    if (!t.ok()) return t.status();
    if (t->empty()) return Status::Ok();
    for (const Term& have : *out) {
      if (have.text == *t) return Status::Ok();  // one tig per spelling
    }
    auto ex = CleanProse(v.example);
    if (!ex.ok()) return ex.status();
    auto src = CleanProse(v.source);
    if (!src.ok()) return src.status();
    out->push_back(Term{std::move(*t), std::move(*ex), std::move(*src), &v});
    return Status::Ok();
  };
  TermVariant head{*english, 0, "", ""};
  const bool head_in_variants = !e.english_variants.empty() && e.english_variants[0].text == e.english;
  if (!english->empty() && !head_in_variants) {
    Status s = add(&en, head);
    if (!s.ok()) return fail(s);
  }
  for (const TermVariant& v : e.english_variants) {
    Status s = add(&en, v);
    if (!s.ok()) return fail(s);
  }
  for (const TermVariant& v : e.arabic) {
    Status s = add(&ar, v);
    if (!s.ok()) return fail(s);
  }
  if (en.empty() && ar.empty()) return fail(InvalidInputError("no English or Arabic term"));
  auto note = CleanProse(e.note);
  if (!note.ok()) return fail(note.status());
  auto type = CleanProse(e.type);
  if (!type.ok()) return fail(type.status());

  // termEntry ids are xs:ID: unique, starting with a letter.
  std::string id;
  if (e.id > 0 && m.ids.insert(e.id).second) {
    id = "e" + std::to_string(e.id);
  } else {
    id = "n" + std::to_string(++m.sequence);
  }
  XmlWriter& x = m.xml;
  x.Start(u"termEntry");
  x.AttributeUtf8(u"id", id);
  if (!type->empty()) m.Simple(u"note", nullptr, nullptr, kTypeNote + *type);
  if (e.count > 0) m.Simple(u"note", nullptr, nullptr, kCountNote + std::to_string(e.count));
  if (!note->empty()) m.Simple(u"note", nullptr, nullptr, *note);
  for (const auto& [terms, lang] : {std::make_pair(&en, &m.options.english_lang),
                                    std::make_pair(&ar, &m.options.arabic_lang)}) {
    if (terms->empty()) continue;
    x.Start(u"langSet");
    x.AttributeUtf8(u"xml:lang", *lang);
    for (size_t i = 0; i < terms->size(); ++i) {
      const Term& t = (*terms)[i];
      m.Tig(t.text, i == 0, t.v, t.example, t.source);
    }
    x.End();
  }
  x.End();
  ++m.entries;
  m.Flush(false);
  return m.file->status();
}

Status TbxWriter::Close() {
  Impl& m = *impl_;
  if (m.closed) return InternalError("TbxWriter::Close called twice");
  m.closed = true;
  if (m.entries == 0) {
    m.file->Abandon();
    return InvalidInputError("no glossary entries to export (TBX requires at least one termEntry)");
  }
  m.xml.Finish();
  m.Flush(true);
  return m.file->Commit();
}

uint64_t TbxWriter::entries_written() const { return impl_->entries; }

Status WriteTbx(const std::string& path, const std::vector<GlossaryEntry>& entries, const TbxOptions& options) {
  auto w = TbxWriter::Open(path, options);
  if (!w.ok()) return w.status();
  for (const GlossaryEntry& e : entries) NAZIR_RETURN_IF_ERROR((*w)->Write(e));
  return (*w)->Close();
}

// ---------------------------------------------------------------------------------------------------
// Reading

namespace {

class TbxHandler : public internal::SecureHandler {
 public:
  TbxHandler(const TbxOptions& options, const GlossaryEntryCallback& on_entry)
      : options_(options), on_entry_(on_entry) {}

  void startElement(const XMLCh* const, const XMLCh* const, const XMLCh* const qname,
                    const xercesc::Attributes& attrs) override {
    EnterElement();
    std::u16string_view name(qname);
    if (level_++ == 0) {
      if (name != u"martif") {
        AbortHere("not a TBX v2 document: the root element is <" + XmlToUtf8(qname) +
                  ">, expected <martif> (TBX v3 <tbx> files are not read)");
      }
      return;
    }
    if (name == u"termEntry") {
      entry_ = GlossaryEntry();
      in_entry_ = true;
      std::string id = XmlToUtf8(attrs.getValue(u"id"));
      if (id.size() > 1 && id[0] == 'e') entry_.id = std::strtoll(id.c_str() + 1, nullptr, 10);
    } else if (!in_entry_) {
      return;
    } else if (name == u"langSet") {
      std::string lang = XmlToUtf8(attrs.getValue(u"xml:lang"));
      side_ = LangTagMatches(lang, options_.arabic_lang)    ? Side::kArabic
              : LangTagMatches(lang, options_.english_lang) ? Side::kEnglish
                                                            : Side::kNone;
    } else if (name == u"tig" || name == u"ntig") {
      in_tig_ = true;
      variant_ = TermVariant();
    } else if (name == u"term" || name == u"note" || name == u"descrip" || name == u"admin" ||
               name == u"termNote") {
      if (collect_depth_ == 0) {
        field_ = std::u16string(name);
        field_type_ = XmlToUtf8(attrs.getValue(u"type"));
        text_.clear();
        collect_depth_ = level_;
      }
    }
  }

  void characters(const XMLCh* const chars, const XMLSize_t length) override {
    Touch();
    if (collect_depth_ == 0) return;
    text_.append(chars, length);
    if (text_.size() > kDefaultMaxTextBytes) AbortHere("a TBX field longer than 1 MiB: refusing it");
  }

  void endElement(const XMLCh* const, const XMLCh* const, const XMLCh* const qname) override {
    LeaveElement();
    std::u16string_view name(qname);
    int depth = level_--;
    if (!in_entry_) return;
    if (collect_depth_ != 0 && depth == collect_depth_) {
      collect_depth_ = 0;
      EndField(XmlToUtf8(text_.data(), text_.size()));
      return;
    }
    if (name == u"tig" || name == u"ntig") {
      in_tig_ = false;
      if (variant_.text.empty()) return;
      if (side_ == Side::kArabic) entry_.arabic.push_back(std::move(variant_));
      if (side_ == Side::kEnglish) entry_.english_variants.push_back(std::move(variant_));
    } else if (name == u"langSet") {
      side_ = Side::kNone;
    } else if (name == u"termEntry") {
      in_entry_ = false;
      if (!entry_.english_variants.empty()) entry_.english = entry_.english_variants[0].text;
      if (entry_.english.empty() && entry_.arabic.empty()) return;
      if (entry_.count == 0) {
        for (const TermVariant& v : entry_.arabic) entry_.count += v.count;
      }
      Status s = on_entry_(std::move(entry_));
      if (!s.ok()) Abort(std::move(s));
    }
  }

 private:
  enum class Side { kNone, kArabic, kEnglish };

  void EndField(std::string text) {
    if (field_ == u"term") {
      if (in_tig_) variant_.text = std::move(text);
    } else if (field_ == u"descrip") {
      if (in_tig_ && field_type_ == "context") variant_.example = std::move(text);
    } else if (field_ == u"admin") {
      if (in_tig_ && field_type_ == "source") variant_.source = std::move(text);
    } else if (field_ == u"note") {
      if (StartsWith(text, kCountNote)) {
        int n = std::atoi(text.c_str() + sizeof(kCountNote) - 1);
        if (in_tig_) {
          variant_.count = n;
        } else if (side_ == Side::kNone) {
          entry_.count = n;
        }
      } else if (StartsWith(text, kTypeNote) && !in_tig_) {
        entry_.type = text.substr(sizeof(kTypeNote) - 1);
      } else if (!in_tig_ && !text.empty()) {
        entry_.note += (entry_.note.empty() ? "" : "; ") + text;
      }
    }
  }

  const TbxOptions& options_;
  const GlossaryEntryCallback& on_entry_;
  int level_ = 0;
  GlossaryEntry entry_;
  bool in_entry_ = false;
  bool in_tig_ = false;
  Side side_ = Side::kNone;
  TermVariant variant_;
  std::u16string field_;
  std::string field_type_;
  std::u16string text_;
  int collect_depth_ = 0;
};

}  // namespace

Status ReadTbx(const std::string& path, const TbxOptions& options, const GlossaryEntryCallback& on_entry) {
  internal::ParserSettings settings;  // non-validating; external entities and DTDs refused
  internal::SecureParser parser(settings);
  TbxHandler handler(options, on_entry);
  internal::XmlInput input;
  input.name = path == "-" ? "<stdin>" : path;
  input.path = path;
  return parser.Parse(input, &handler);
}

}  // namespace nazir::tmx
