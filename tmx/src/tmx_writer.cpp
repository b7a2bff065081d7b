#include "nazir/tmx/tmx_writer.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include <xercesc/sax2/Attributes.hpp>

#include "clean_text.h"
#include "nazir/base/atomic_file.h"
#include "nazir/tmx/lang_tag.h"
#include "xml_parser.h"
#include "xml_platform.h"
#include "xml_writer.h"

#ifndef NAZIR_VERSION
#define NAZIR_VERSION "0.0.0"
#endif

namespace nazir::tmx {

namespace {

using internal::CleanSteps;
using internal::CleanText;
using internal::XmlWriter;

// Output is handed to the AtomicFile in blocks of about this size (one fwrite per block).
constexpr size_t kFlushBytes = 1 << 16;

// The inline elements TMX 1.4b allows in <seg> and below.
bool IsInlineName(std::u16string_view n) {
  return n == u"bpt" || n == u"ept" || n == u"it" || n == u"ph" || n == u"hi" || n == u"sub" || n == u"ut";
}

bool IsSegType(std::string_view s) {
  return s == "block" || s == "paragraph" || s == "sentence" || s == "phrase";
}

// One event of a re-parsed seg_markup, with its text already cleaned.
struct MarkupEvent {
  enum Type { kStart, kText, kEnd } type;
  std::u16string name;  // kStart
  std::vector<std::pair<std::u16string, std::u16string>> attrs;  // kStart
  std::u16string text;  // kText
};

// Collects the events of "<seg>markup</seg>", refusing anything TMX does not allow inside a segment.
class MarkupCollector : public internal::SecureHandler {
 public:
  std::vector<MarkupEvent> events;

  void startDocument() override {
    events.clear();
    depth_ = 0;
  }
  void startElement(const XMLCh* const, const XMLCh* const, const XMLCh* const qname,
                    const xercesc::Attributes& attrs) override {
    EnterElement();
    if (depth_++ == 0) return;  // the <seg> wrapper
    if (!IsInlineName(qname)) {
      AbortHere("<" + internal::XmlToUtf8(qname) +
                "> is not a TMX inline element (allowed: bpt ept it ph hi sub ut)");
    }
    MarkupEvent e{MarkupEvent::kStart, qname, {}, {}};
    for (XMLSize_t i = 0; i < attrs.getLength(); ++i) e.attrs.emplace_back(attrs.getQName(i), attrs.getValue(i));
    events.push_back(std::move(e));
  }
  void endElement(const XMLCh* const, const XMLCh* const, const XMLCh* const) override {
    LeaveElement();
    if (--depth_ > 0) events.push_back(MarkupEvent{MarkupEvent::kEnd, {}, {}, {}});
  }
  void characters(const XMLCh* const chars, const XMLSize_t length) override {
    if (!events.empty() && events.back().type == MarkupEvent::kText) {
      events.back().text.append(chars, length);
    } else {
      events.push_back(MarkupEvent{MarkupEvent::kText, {}, {}, std::u16string(chars, length)});
    }
  }

 private:
  int depth_ = 0;
};

// 64-bit FNV-1a (Fowler/Noll/Vo; parameters from the reference at isthe.com/chongo/tech/comp/fnv).
constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

uint64_t Fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// A set of 64-bit tuid hashes (open addressing, linear probing, load kept under 3/4): 11-21 bytes per
// TU written, the writer's only memory that grows with the output (to keep generated tuids unique
// when the same pair is written twice): about 16 MB for a million TUs.
class HashSet {
 public:
  // Inserts `h`; returns false if it was there already.
  bool Insert(uint64_t h) {
    if (h == 0) h = 1;  // 0 marks an empty slot
    if (4 * (size_ + 1) > 3 * slots_.size()) Grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if (slots_[i] == h) return false;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++size_;
        return true;
      }
    }
  }

 private:
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), 0);
    size_ = 0;
    for (uint64_t h : old) {
      if (h != 0) Insert(h);
    }
  }
  std::vector<uint64_t> slots_;
  size_t size_ = 0;
};

}  // namespace

// ---------------------------------------------------------------------------------------------------

struct TmxWriter::Impl {
  TmxWriterOptions options;
  std::unique_ptr<AtomicFile> file;
  std::string buf;
  XmlWriter xml{&buf, true};
  uint64_t tus = 0;
  uint64_t dropped = 0;
  bool closed = false;
  HashSet tuids;
  std::unique_ptr<internal::SecureParser> markup_parser;
  MarkupCollector markup_collector;

  explicit Impl(const TmxWriterOptions& o) : options(o), xml(&buf, o.pretty) {}

  void Flush(bool force) {
    if (buf.size() >= kFlushBytes || (force && !buf.empty())) {
      file->Write(buf);
      buf.clear();
    }
  }

  StatusOr<std::string> Clean(std::string_view text, const CleanSteps& steps) {
    size_t n = 0;
    auto r = CleanText(text, steps, options.illegal_chars, &n);
    if (r.ok()) dropped += n;
    return r;
  }

  // A fully prepared TU: everything that can fail is done before a byte is written.
  struct PreparedTuv {
    const Tuv* tuv;
    std::string text;
    std::vector<MarkupEvent> markup;
    bool has_markup = false;
    std::vector<std::pair<std::string, std::string>> props;  // type, value (lang from tuv->props)
    std::vector<std::string> notes;
    OtherAttributes attributes;  // names checked, values cleaned
  };

  Status PrepareMarkup(const std::string& markup, PreparedTuv* out);
  Status PrepareProps(const std::vector<Prop>& in, std::vector<std::pair<std::string, std::string>>* out);
  Status PrepareNotes(const std::vector<Note>& in, std::vector<std::string>* out);
  // Checks the names of `in` (XML names, none of `modeled` — the attributes the writer sets itself —
  // and no name twice) and cleans the values.
  Status PrepareAttributes(const OtherAttributes& in, std::initializer_list<std::string_view> modeled,
                           OtherAttributes* out);
  void EmitProps(const std::vector<Prop>& props, const std::vector<std::pair<std::string, std::string>>& values,
                 const std::vector<Note>& notes, const std::vector<std::string>& note_texts);
  void EmitMarkup(const std::vector<MarkupEvent>& events);
};

Status TmxWriter::Impl::PrepareMarkup(const std::string& markup, PreparedTuv* out) {
  if (!markup_parser) {
    internal::ParserSettings settings;  // non-validating, no DTD, no external entities
    markup_parser = std::make_unique<internal::SecureParser>(settings);
  }
  std::string doc = "<seg>" + markup + "</seg>";
  internal::XmlInput input;
  input.name = "seg_markup";
  input.memory = doc;
  input.in_memory = true;
  NAZIR_RETURN_IF_ERROR(markup_parser->Parse(input, &markup_collector));
  out->markup = std::move(markup_collector.events);
  // Clean each text node; trim only before the first and after the last node of the segment.
  const CleanSteps inner{false, false, options.clean_segments, options.clean_segments};
  for (size_t i = 0; i < out->markup.size(); ++i) {
    MarkupEvent& e = out->markup[i];
    if (e.type == MarkupEvent::kText) {
      CleanSteps steps = inner;
      steps.trim_start = options.clean_segments && i == 0;
      steps.trim_end = options.clean_segments && i + 1 == out->markup.size();
      auto t = Clean(internal::XmlToUtf8(e.text.data(), e.text.size()), steps);
      if (!t.ok()) return t.status();
      e.text = internal::Utf8ToXml(*t);
    }
    for (auto& [name, value] : e.attrs) {
      auto v = Clean(internal::XmlToUtf8(value.data(), value.size()), internal::kVerbatimSteps);
      if (!v.ok()) return v.status();
      value = internal::Utf8ToXml(*v);
    }
  }
  out->has_markup = true;
  return Status::Ok();
}

namespace {

Status CheckLang(std::string_view what, const std::string& lang) {
  if (lang.empty() || internal::IsLangTagText(lang)) return Status::Ok();
  return InvalidInputError(std::string(what) + " language '" + lang +
                           "' is not a language tag (letters, digits and '-', like ar-LY)");
}

}  // namespace

Status TmxWriter::Impl::PrepareProps(const std::vector<Prop>& in,
                                     std::vector<std::pair<std::string, std::string>>* out) {
  for (const Prop& p : in) {
    if (p.type.empty()) return InvalidInputError("a <prop> without a type");
    NAZIR_RETURN_IF_ERROR(CheckLang("<prop>", p.lang));
    auto type = Clean(p.type, internal::kVerbatimSteps);
    if (!type.ok()) return type.status();
    auto value = Clean(p.value, internal::kVerbatimSteps);
    if (!value.ok()) return value.status();
    out->emplace_back(std::move(*type), std::move(*value));
  }
  return Status::Ok();
}

namespace {

// An ASCII XML name (TMX attribute names are: creationid, o-tmf, xml:space ...).
bool IsXmlName(std::string_view name) {
  if (name.empty()) return false;
  auto start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'; };
  if (!start(name[0])) return false;
  for (char c : name)
    if (!start(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.') return false;
  return true;
}

}  // namespace

Status TmxWriter::Impl::PrepareAttributes(const OtherAttributes& in, std::initializer_list<std::string_view> modeled,
                                          OtherAttributes* out) {
  for (const auto& [name, value] : in) {
    if (!IsXmlName(name)) return InvalidInputError("'" + name + "' is not an XML attribute name");
    const bool taken = std::find(modeled.begin(), modeled.end(), name) != modeled.end() ||
                       std::any_of(out->begin(), out->end(), [&](const auto& a) { return a.first == name; });
    if (taken) return InvalidInputError("attribute '" + name + "' given twice");
    auto v = Clean(value, internal::kVerbatimSteps);
    if (!v.ok()) return v.status();
    out->emplace_back(name, std::move(*v));
  }
  return Status::Ok();
}

Status TmxWriter::Impl::PrepareNotes(const std::vector<Note>& in, std::vector<std::string>* out) {
  for (const Note& n : in) {
    NAZIR_RETURN_IF_ERROR(CheckLang("<note>", n.lang));
    auto text = Clean(n.text, internal::kVerbatimSteps);
    if (!text.ok()) return text.status();
    out->push_back(std::move(*text));
  }
  return Status::Ok();
}

void TmxWriter::Impl::EmitProps(const std::vector<Prop>& props,
                                const std::vector<std::pair<std::string, std::string>>& values,
                                const std::vector<Note>& notes, const std::vector<std::string>& note_texts) {
  for (size_t i = 0; i < notes.size(); ++i) {
    xml.Start(u"note");
    if (!notes[i].lang.empty()) xml.AttributeUtf8(u"xml:lang", notes[i].lang);
    xml.BeginInline();
    xml.TextUtf8(note_texts[i]);
    xml.EndInline();
    xml.End();
  }
  for (size_t i = 0; i < props.size(); ++i) {
    xml.Start(u"prop");
    xml.AttributeUtf8(u"type", values[i].first);
    if (!props[i].lang.empty()) xml.AttributeUtf8(u"xml:lang", props[i].lang);
    xml.BeginInline();
    xml.TextUtf8(values[i].second);
    xml.EndInline();
    xml.End();
  }
}

void TmxWriter::Impl::EmitMarkup(const std::vector<MarkupEvent>& events) {
  for (const MarkupEvent& e : events) {
    switch (e.type) {
      case MarkupEvent::kStart:
        xml.Start(e.name);
        for (const auto& [name, value] : e.attrs) xml.Attribute(name, value);
        break;
      case MarkupEvent::kText:
        xml.Text(e.text);
        break;
      case MarkupEvent::kEnd:
        xml.End();
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------

TmxWriter::TmxWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmxWriter::~TmxWriter() { Abandon(); }

StatusOr<std::unique_ptr<TmxWriter>> TmxWriter::Open(const std::string& path, const TmxWriterOptions& options) {
  NAZIR_RETURN_IF_ERROR(internal::InitXerces());
  TmxHeader h = options.header;
  if (h.srclang.empty()) return InvalidArgumentError("the TMX source language (srclang) is empty");
  if (!IsSegType(h.segtype)) {
    return InvalidArgumentError("segtype '" + h.segtype + "' is not one of block, paragraph, sentence, phrase");
  }
  if (h.creationtoolversion.empty()) h.creationtoolversion = NAZIR_VERSION;
  if (h.creationdate.empty()) h.creationdate = FormatTmxDate(std::time(nullptr));
  for (const std::string* d : {&h.creationdate, &h.changedate}) {
    if (!d->empty() && !IsValidTmxDate(*d)) {
      return InvalidArgumentError("header date '" + *d + "' is not a TMX date like 20261123T101500Z");
    }
  }
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();

  auto impl = std::make_unique<Impl>(options);
  impl->options.header = h;
  impl->file = std::move(*file);
  XmlWriter& x = impl->xml;
  x.Declaration();
  if (options.write_doctype) x.Doctype(u"tmx", u"tmx14.dtd");
  x.Start(u"tmx");
  x.Attribute(u"version", u"1.4");
  x.Start(u"header");
  const std::pair<const char16_t*, const std::string*> attrs[] = {
      {u"creationtool", &h.creationtool}, {u"creationtoolversion", &h.creationtoolversion},
      {u"segtype", &h.segtype},           {u"o-tmf", &h.o_tmf},
      {u"adminlang", &h.adminlang},       {u"srclang", &h.srclang},
      {u"datatype", &h.datatype},         {u"o-encoding", &h.o_encoding},
      {u"creationdate", &h.creationdate}, {u"creationid", &h.creationid},
      {u"changedate", &h.changedate},     {u"changeid", &h.changeid},
  };
  for (size_t i = 0; i < std::size(attrs); ++i) {
    const bool required = i < 7;  // the seven TMX 1.4b requires, written even when empty
    if (!required && attrs[i].second->empty()) continue;
    auto v = impl->Clean(*attrs[i].second, internal::kVerbatimSteps);
    if (!v.ok()) return v.status();
    x.AttributeUtf8(attrs[i].first, *v);
  }
  std::vector<std::pair<std::string, std::string>> props;
  std::vector<std::string> notes;
  NAZIR_RETURN_IF_ERROR(impl->PrepareProps(h.props, &props));
  NAZIR_RETURN_IF_ERROR(impl->PrepareNotes(h.notes, &notes));
  impl->EmitProps(h.props, props, h.notes, notes);
  x.End();  // header
  x.Start(u"body");
  impl->Flush(true);
  if (!impl->file->status().ok()) return impl->file->status();
  return std::unique_ptr<TmxWriter>(new TmxWriter(std::move(impl)));
}

Status TmxWriter::Write(const TranslationUnit& tu) {
  Impl& m = *impl_;
  if (m.closed) return InternalError("TmxWriter::Write after Close");
  if (!m.file->status().ok()) return m.file->status();
  auto fail = [&tu](const Status& s) {
    return s.WithContext(tu.tuid.empty() ? std::string("TU") : "TU '" + tu.tuid + "'");
  };
  if (tu.tuvs.empty()) return fail(InvalidInputError("no <tuv>: a TU needs at least one language"));
  if (Status s = CheckLang("<tu> srclang", tu.srclang); !s.ok()) return fail(s);

  // Source-language tuv first (translate-toolkit takes the first tuv as the source).
  std::vector<const Tuv*> order;
  const std::string& srclang = tu.srclang.empty() ? m.options.header.srclang : tu.srclang;
  for (const Tuv& t : tu.tuvs) {
    if (order.empty() && srclang != kSrcLangAll && LangTagMatches(t.lang, srclang)) order.push_back(&t);
  }
  for (const Tuv& t : tu.tuvs) {
    if (order.empty() || &t != order.front()) order.push_back(&t);
  }

  std::vector<Impl::PreparedTuv> tuvs(order.size());
  const CleanSteps seg_steps = m.options.clean_segments ? internal::kSegmentSteps : internal::kVerbatimSteps;
  uint64_t hash = kFnvOffset;
  for (size_t i = 0; i < order.size(); ++i) {
    const Tuv& t = *order[i];
    Impl::PreparedTuv& p = tuvs[i];
    p.tuv = &t;
    if (t.lang.empty()) return fail(InvalidInputError("a <tuv> without a language"));
    if (Status s = CheckLang("<tuv>", t.lang); !s.ok()) return fail(s);
    if (!t.creationdate.empty() && !IsValidTmxDate(t.creationdate)) {
      return fail(InvalidInputError("tuv creationdate '" + t.creationdate + "' is not a TMX date"));
    }
    if (!t.seg_markup.empty()) {
      Status s = m.PrepareMarkup(t.seg_markup, &p);
      if (!s.ok()) return fail(s);
      for (const MarkupEvent& e : p.markup) {
        if (e.type == MarkupEvent::kText) p.text += internal::XmlToUtf8(e.text.data(), e.text.size());
      }
    } else {
      auto text = m.Clean(t.text, seg_steps);
      if (!text.ok()) return fail(text.status());
      p.text = std::move(*text);
    }
    hash = Fnv1a(Fnv1a(hash, p.text), std::string_view("\x1F", 1));
    Status s = m.PrepareProps(t.props, &p.props);
    if (s.ok()) s = m.PrepareNotes(t.notes, &p.notes);
    if (!s.ok()) return fail(s);
  }
  std::vector<std::pair<std::string, std::string>> props;
  std::vector<std::string> notes;
  Status s = m.PrepareProps(tu.props, &props);
  if (s.ok()) s = m.PrepareNotes(tu.notes, &notes);
  if (!s.ok()) return fail(s);
  std::string tuid = tu.tuid;
  if (tuid.empty()) {
    // The same pair written twice gets "-2", "-3"... so that tuids stay unique in the file.
    uint64_t h = hash;
    tuid = "nz-" + Hex64(hash);
    for (int n = 2; !m.tuids.Insert(h); ++n) {
      h = Fnv1a(hash, std::to_string(n));
      tuid = "nz-" + Hex64(hash) + "-" + std::to_string(n);
    }
  } else {
    auto clean = m.Clean(tuid, internal::kVerbatimSteps);
    if (!clean.ok()) return fail(clean.status());
    tuid = std::move(*clean);
  }
  const std::string& creationdate = tu.creationdate.empty() ? m.options.header.creationdate : tu.creationdate;
  for (const std::string* d : {&creationdate, &tu.changedate}) {
    if (!d->empty() && !IsValidTmxDate(*d)) {
      return fail(InvalidInputError("date '" + *d + "' is not a TMX date like 20261123T101500Z"));
    }
  }

  OtherAttributes tu_attrs;
  if (Status s = m.PrepareAttributes(tu.attributes, {"tuid", "srclang", "creationdate", "changedate"}, &tu_attrs);
      !s.ok()) {
    return fail(s);
  }
  for (Impl::PreparedTuv& p : tuvs) {
    if (Status s = m.PrepareAttributes(p.tuv->attributes, {"xml:lang", "lang", "creationdate"}, &p.attributes);
        !s.ok()) {
      return fail(s);
    }
  }

  // Everything is checked: write.
  XmlWriter& x = m.xml;
  x.Start(u"tu");
  x.AttributeUtf8(u"tuid", tuid);
  if (!tu.srclang.empty()) x.AttributeUtf8(u"srclang", tu.srclang);
  x.AttributeUtf8(u"creationdate", creationdate);
  if (!tu.changedate.empty()) x.AttributeUtf8(u"changedate", tu.changedate);
  for (const auto& [name, value] : tu_attrs) x.AttributeUtf8(internal::Utf8ToXml(name), value);
  m.EmitProps(tu.props, props, tu.notes, notes);
  for (const Impl::PreparedTuv& p : tuvs) {
    x.Start(u"tuv");
    x.AttributeUtf8(u"xml:lang", p.tuv->lang);
    if (!p.tuv->creationdate.empty()) x.AttributeUtf8(u"creationdate", p.tuv->creationdate);
    for (const auto& [name, value] : p.attributes) x.AttributeUtf8(internal::Utf8ToXml(name), value);
    m.EmitProps(p.tuv->props, p.props, p.tuv->notes, p.notes);
    x.Start(u"seg");
    x.BeginInline();
    if (p.has_markup) {
      m.EmitMarkup(p.markup);
    } else {
      x.TextUtf8(p.text);
    }
    x.EndInline();
    x.End();  // seg
    x.End();  // tuv
  }
  x.End();  // tu
  ++m.tus;
  m.Flush(false);
  return m.file->status();
}

Status TmxWriter::Close() {
  Impl& m = *impl_;
  if (m.closed) return InternalError("TmxWriter::Close called twice");
  m.closed = true;
  m.xml.Finish();  // </body></tmx>
  m.Flush(true);
  return m.file->Commit();
}

void TmxWriter::Abandon() {
  if (impl_ && impl_->file) {
    if (!impl_->closed) impl_->file->Abandon();
    impl_->closed = true;
  }
}

uint64_t TmxWriter::tus_written() const { return impl_->tus; }
uint64_t TmxWriter::chars_dropped() const { return impl_->dropped; }
uint64_t TmxWriter::bytes_written() const { return impl_->file->bytes_written() + impl_->buf.size(); }

// ---------------------------------------------------------------------------------------------------

std::string StableTuid(const TranslationUnit& tu) {
  uint64_t hash = kFnvOffset;
  for (const Tuv& t : tu.tuvs) hash = Fnv1a(Fnv1a(hash, t.text), std::string_view("\x1F", 1));
  return "nz-" + Hex64(hash);
}

std::string FormatTmxDate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

bool IsValidTmxDate(std::string_view d) {
  if (d.size() != 16 || d[8] != 'T' || d[15] != 'Z') return false;
  for (size_t i : {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (d[i] - '0');
    return v;
  };
  int year = num(0, 4), month = num(4, 2), day = num(6, 2);
  int hour = num(9, 2), minute = num(11, 2), second = num(13, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max_day = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  // Seconds up to 60: a leap second is a real UTC time.
  return day <= max_day && hour <= 23 && minute <= 59 && second <= 60;
}

TranslationUnit MakePairTu(std::string_view src_text, std::string_view tgt_text, const TmxWriterOptions& options,
                           double confidence, std::string_view bead_shape, std::string_view source_doc,
                           std::string_view target_doc) {
  TranslationUnit tu;
  Tuv& src = tu.tuvs.emplace_back();
  src.lang = options.header.srclang;
  src.text = std::string(src_text);
  Tuv& tgt = tu.tuvs.emplace_back();
  tgt.lang = options.tgtlang;
  tgt.text = std::string(tgt_text);
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", confidence);
  tu.props.push_back(Prop{kPropConfidence, buf, ""});
  if (!bead_shape.empty()) tu.props.push_back(Prop{kPropBead, std::string(bead_shape), ""});
  if (!source_doc.empty()) tu.props.push_back(Prop{kPropSourceDoc, std::string(source_doc), ""});
  if (!target_doc.empty()) tu.props.push_back(Prop{kPropTargetDoc, std::string(target_doc), ""});
  return tu;
}

}  // namespace nazir::tmx
