#include "tmx_sax.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include <xercesc/sax2/Attributes.hpp>

#include "xml_platform.h"
#include "xml_writer.h"

namespace nazir::tmx::internal {

namespace {

enum class Kind { kTmx, kHeader, kBody, kTu, kTuv, kSeg, kNote, kProp, kBpt, kEpt, kIt, kPh, kHi, kSub, kUt, kOther };

Kind Classify(std::u16string_view name) {
  static const std::pair<std::u16string_view, Kind> kNames[] = {
      {u"tu", Kind::kTu},     {u"tuv", Kind::kTuv},   {u"seg", Kind::kSeg},   {u"prop", Kind::kProp},
      {u"note", Kind::kNote}, {u"bpt", Kind::kBpt},   {u"ept", Kind::kEpt},   {u"ph", Kind::kPh},
      {u"it", Kind::kIt},     {u"hi", Kind::kHi},     {u"sub", Kind::kSub},   {u"ut", Kind::kUt},
      {u"body", Kind::kBody}, {u"header", Kind::kHeader}, {u"tmx", Kind::kTmx},
  };
  for (const auto& [n, k] : kNames) {
    if (n == name) return k;
  }
  return Kind::kOther;
}

bool IsInline(Kind k) {
  return k == Kind::kBpt || k == Kind::kEpt || k == Kind::kIt || k == Kind::kPh || k == Kind::kHi ||
         k == Kind::kSub || k == Kind::kUt;
}

// Items of a TU's lists kept between TUs with their strings' buffers (see TmxHandler::ClearTu): at most
// this many of each kind, so that one odd TU with thousands of notes does not pin them for the rest.
constexpr size_t kMaxSpare = 16;

void ClearProp(Prop& p) {
  p.type.clear();
  p.value.clear();
  p.lang.clear();
}
void ClearNote(Note& n) {
  n.text.clear();
  n.lang.clear();
}

// Moves the items of `v` to `spare` (cleared by `clear`, their buffers kept) and empties `v`. Last item
// first, so that Take() hands them out in their old order: a TU's first tuv gets the strings sized for
// the first tuv's text (the source language's, usually) again.
template <typename T, typename Clear>
void Recycle(std::vector<T>& v, std::vector<T>* spare, Clear&& clear) {
  for (size_t i = v.size(); i-- > 0;) {
    if (spare->size() >= kMaxSpare) break;
    clear(v[i]);
    spare->push_back(std::move(v[i]));
  }
  v.clear();
}

// Appends an item to `v`: a spare one when there is one.
template <typename T>
T& Take(std::vector<T>& v, std::vector<T>* spare) {
  if (spare->empty()) return v.emplace_back();
  v.push_back(std::move(spare->back()));
  spare->pop_back();
  return v.back();
}

// Inline elements whose content is native code (formatting of the original file), not text.
bool IsNativeCode(Kind k) {
  return k == Kind::kBpt || k == Kind::kEpt || k == Kind::kIt || k == Kind::kPh || k == Kind::kUt;
}

class TmxHandler : public SecureHandler {
 public:
  TmxHandler(const TmxReadOptions& options, const TmxEvents& events)
      : options_(options), events_(events), markup_writer_(&markup_, /*pretty=*/false) {}

  void OnValidityError(const SourcePos& pos, const std::string& message) override {
    if (events_.on_validity_error) events_.on_validity_error(pos, message);
  }

  void startDocument() override {
    stack_.clear();
    header_ = TmxHeader();
    ClearHeader();
    header_sent_ = false;
    saw_body_ = false;
    in_seg_ = false;
    collecting_ = false;
    next_progress_ = kProgressIntervalBytes;
  }

  void startElement(const XMLCh* const, const XMLCh* const, const XMLCh* const qname,
                    const xercesc::Attributes& attrs) override {
    EnterElement();
    std::u16string_view name(qname);
    Kind kind = Classify(name);
    if (stack_.empty() && kind != Kind::kTmx) {
      AbortHere("not a TMX document: the root element is <" + XmlToUtf8(qname) + ">, expected <tmx>");
    }
    Kind parent = stack_.empty() ? Kind::kOther : stack_.back();
    if (in_seg_) {
      StartInSeg(kind, qname, attrs);
      stack_.push_back(kind);
      return;
    }
    switch (kind) {
      case Kind::kTmx:
        if (stack_.empty()) header_.version = Attr(attrs, u"version");
        break;
      case Kind::kHeader:
        if (parent == Kind::kTmx) ReadHeaderAttrs(attrs);
        break;
      case Kind::kBody:
        if (parent == Kind::kTmx) {
          saw_body_ = true;
          SendHeader();
        }
        break;
      case Kind::kTu:
        if (parent == Kind::kBody) {
          ClearTu();
          AssignAttr(attrs, u"tuid", &tu_.tuid);
          AssignAttr(attrs, u"srclang", &tu_.srclang);
          AssignAttr(attrs, u"creationdate", &tu_.creationdate);
          AssignAttr(attrs, u"changedate", &tu_.changedate);
          OtherAttrs(attrs, {u"tuid", u"srclang", u"creationdate", u"changedate"}, &tu_.attributes);
          tu_pos_ = Pos();
        } else {
          kind = Kind::kOther;
        }
        break;
      case Kind::kTuv:
        if (parent == Kind::kTu) {
          Tuv& tuv = Take(tu_.tuvs, &spare_tuvs_);
          AssignLang(attrs, &tuv.lang);
          AssignAttr(attrs, u"creationdate", &tuv.creationdate);
          OtherAttrs(attrs, {u"xml:lang", u"lang", u"creationdate"}, &tuv.attributes);
        } else {
          kind = Kind::kOther;
        }
        break;
      case Kind::kSeg:
        if (parent == Kind::kTuv) {
          in_seg_ = true;
          seg_text_.clear();
          markup_.clear();
          markup_started_ = false;
          code_depth_ = 0;
          kind_raised_code_.clear();
        } else {
          kind = Kind::kOther;
        }
        break;
      case Kind::kProp:
      case Kind::kNote:
        if (parent == Kind::kHeader || parent == Kind::kTu || parent == Kind::kTuv) {
          collecting_ = true;
          text_.clear();
          AssignAttr(attrs, u"type", &pending_type_);
          AssignLang(attrs, &pending_lang_);
        } else {
          kind = Kind::kOther;
        }
        break;
      default:
        kind = Kind::kOther;  // ude, map, misplaced or unknown elements: skipped with their text
        break;
    }
    stack_.push_back(kind);
  }

  void characters(const XMLCh* const chars, const XMLSize_t length) override {
    Touch();
    if (in_seg_) {
      if (code_depth_ == 0) {
        seg_text_.append(chars, length);
        if (seg_text_.size() > options_.max_text_bytes) TooLong("<seg>");
      }
      if (markup_started_) {
        markup_writer_.Text(std::u16string_view(chars, length));
        if (markup_.size() > 2 * options_.max_text_bytes) TooLong("<seg> markup");
      }
    } else if (collecting_) {
      text_.append(chars, length);
      if (text_.size() > options_.max_text_bytes) TooLong(stack_.back() == Kind::kProp ? "<prop>" : "<note>");
    }
  }

  void endElement(const XMLCh* const, const XMLCh* const, const XMLCh* const) override {
    LeaveElement();
    Kind kind = stack_.back();
    stack_.pop_back();
    if (in_seg_ && kind != Kind::kSeg) {
      if (IsInline(kind) && markup_started_) markup_writer_.End();
      if (kind_raised_code_.back()) --code_depth_;  // raised on the way in (StartInSeg)
      kind_raised_code_.pop_back();
      return;
    }
    Kind parent = stack_.empty() ? Kind::kOther : stack_.back();
    switch (kind) {
      case Kind::kSeg: {
        Tuv& tuv = tu_.tuvs.back();
        tuv.text.clear();
        AppendXmlToUtf8(seg_text_.data(), seg_text_.size(), &tuv.text);
        if (markup_started_ && options_.keep_markup) tuv.seg_markup = markup_;
        in_seg_ = false;
        break;
      }
      case Kind::kProp:
      case Kind::kNote: {
        collecting_ = false;
        std::vector<Prop>* props = nullptr;
        std::vector<Note>* notes = nullptr;
        if (parent == Kind::kHeader) props = &header_.props, notes = &header_.notes;
        if (parent == Kind::kTu) props = &tu_.props, notes = &tu_.notes;
        if (parent == Kind::kTuv) props = &tu_.tuvs.back().props, notes = &tu_.tuvs.back().notes;
        // Swapped rather than moved: the pending strings keep a buffer for the next one.
        if (kind == Kind::kProp) {
          Prop& p = Take(*props, &spare_props_);
          p.type.swap(pending_type_);
          AppendXmlToUtf8(text_.data(), text_.size(), &p.value);
          p.lang.swap(pending_lang_);
        } else {
          Note& n = Take(*notes, &spare_notes_);
          AppendXmlToUtf8(text_.data(), text_.size(), &n.text);
          n.lang.swap(pending_lang_);
        }
        break;
      }
      case Kind::kTu:
        if (events_.on_tu) {
          Status s = events_.on_tu(std::move(tu_), tu_pos_);
          if (!s.ok()) Abort(std::move(s));
        }
        if (options_.on_progress && BytesRead() >= next_progress_) {
          next_progress_ = BytesRead() + kProgressIntervalBytes;
          options_.on_progress(BytesRead());
        }
        break;
      case Kind::kHeader:
        SendHeader();
        break;
      default:
        break;
    }
  }

  void endDocument() override {
    if (!saw_body_) AbortHere("not a TMX document: <tmx> has no <body>");
  }

 private:
  void StartInSeg(Kind kind, const XMLCh* qname, const xercesc::Attributes& attrs) {
    bool raises = IsNativeCode(kind);
    kind_raised_code_.push_back(raises);
    if (raises) ++code_depth_;
    if (!IsInline(kind) || !options_.keep_markup) return;  // unknown elements: tags dropped, text kept
    if (!markup_started_) {
      markup_started_ = true;
      markup_writer_.Text(seg_text_);  // the plain text seen so far is the markup so far
    }
    markup_writer_.Start(qname);
    for (XMLSize_t i = 0; i < attrs.getLength(); ++i) {
      markup_writer_.Attribute(attrs.getQName(i), attrs.getValue(i));
    }
  }

  [[noreturn]] void TooLong(const char* what) {
    AbortHere(std::string("a ") + what + " longer than " + std::to_string(options_.max_text_bytes) +
              " characters: refusing to hold it in memory (is this file damaged?)");
  }

  static std::string Attr(const xercesc::Attributes& attrs, const XMLCh* name) {
    return XmlToUtf8(attrs.getValue(name));
  }

  // Sets *out to the attribute's value (empty when absent), reusing its buffer.
  static void AssignAttr(const xercesc::Attributes& attrs, const XMLCh* name, std::string* out) {
    AssignXmlToUtf8(attrs.getValue(name), out);
  }

  // Empties tu_ for the next <tu>. The callback may have moved it away (then this is cheap) or swapped
  // in a TU it is done with: its strings are cleared, not freed, and its list items kept as spares, so
  // a reader that recycles TUs makes the parse allocate almost nothing per TU.
  void ClearTu() {
    tu_.tuid.clear();
    tu_.srclang.clear();
    tu_.creationdate.clear();
    tu_.changedate.clear();
    tu_.attributes.clear();
    Recycle(tu_.props, &spare_props_, ClearProp);
    Recycle(tu_.notes, &spare_notes_, ClearNote);
    Recycle(tu_.tuvs, &spare_tuvs_, [this](Tuv& v) {
      v.lang.clear();
      v.text.clear();
      v.seg_markup.clear();
      v.creationdate.clear();
      v.attributes.clear();
      Recycle(v.props, &spare_props_, ClearProp);
      Recycle(v.notes, &spare_notes_, ClearNote);
    });
  }

  // The attributes of `attrs` not named in `known`, in document order.
  static void OtherAttrs(const xercesc::Attributes& attrs, std::initializer_list<std::u16string_view> known,
                         OtherAttributes* out) {
    for (XMLSize_t i = 0; i < attrs.getLength(); ++i) {
      const std::u16string_view name(attrs.getQName(i));
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      out->emplace_back(XmlToUtf8(attrs.getQName(i)), XmlToUtf8(attrs.getValue(i)));
    }
  }

  // xml:lang, else the TMX 1.1 `lang`.
  static void AssignLang(const xercesc::Attributes& attrs, std::string* out) {
    const XMLCh* v = attrs.getValue(u"xml:lang");
    if (v == nullptr) v = attrs.getValue(u"lang");
    AssignXmlToUtf8(v, out);
  }

  void ClearHeader() {
    header_.version.clear();
    header_.creationtool.clear();
    header_.creationtoolversion.clear();
    header_.segtype.clear();
    header_.o_tmf.clear();
    header_.adminlang.clear();
    header_.srclang.clear();
    header_.datatype.clear();
  }

  void ReadHeaderAttrs(const xercesc::Attributes& attrs) {
    header_.creationtool = Attr(attrs, u"creationtool");
    header_.creationtoolversion = Attr(attrs, u"creationtoolversion");
    header_.segtype = Attr(attrs, u"segtype");
    header_.o_tmf = Attr(attrs, u"o-tmf");
    header_.adminlang = Attr(attrs, u"adminlang");
    header_.srclang = Attr(attrs, u"srclang");
    header_.datatype = Attr(attrs, u"datatype");
    header_.o_encoding = Attr(attrs, u"o-encoding");
    header_.creationdate = Attr(attrs, u"creationdate");
    header_.creationid = Attr(attrs, u"creationid");
    header_.changedate = Attr(attrs, u"changedate");
    header_.changeid = Attr(attrs, u"changeid");
  }

  void SendHeader() {
    if (header_sent_) return;
    header_sent_ = true;
    if (events_.on_header) {
      Status s = events_.on_header(header_);
      if (!s.ok()) Abort(std::move(s));
    }
  }

  const TmxReadOptions& options_;
  const TmxEvents& events_;
  std::vector<Kind> stack_;
  TmxHeader header_;
  bool header_sent_ = false;
  bool saw_body_ = false;
  uint64_t next_progress_ = 0;
  TranslationUnit tu_;
  std::vector<Tuv> spare_tuvs_;  // see ClearTu
  std::vector<Prop> spare_props_;
  std::vector<Note> spare_notes_;
  SourcePos tu_pos_;
  // <prop>/<note> being read
  bool collecting_ = false;
  std::u16string text_;
  std::string pending_type_;
  std::string pending_lang_;
  // <seg> being read
  bool in_seg_ = false;
  std::u16string seg_text_;
  std::string markup_;
  XmlWriter markup_writer_;
  bool markup_started_ = false;
  int code_depth_ = 0;
  std::vector<bool> kind_raised_code_;
};

}  // namespace

Status ParseTmx(const XmlInput& input, const ParserSettings& settings, const TmxReadOptions& options,
                const TmxEvents& events, SourcePos* fatal_pos) {
  SecureParser parser(settings);
  TmxHandler handler(options, events);
  return parser.Parse(input, &handler, fatal_pos);
}

}  // namespace nazir::tmx::internal
