#include "tu_codec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nazir::store::internal {
namespace {

// Format byte of the blob; bump it (and keep decoding the old one) when the layout changes.
// V1: no other attributes; V2 (written now): each <tu> and <tuv> also keeps its other attributes.
constexpr unsigned char kFormatV1 = 1;
constexpr unsigned char kFormatV2 = 2;

// Which stored column a tuv's text lives in.
enum TextSlot : unsigned char { kInBlob = 0, kArColumn = 1, kEnColumn = 2 };

class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) { out_.clear(); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void Str(std::string_view s) {
    Varint(s.size());
    out_.append(s.data(), s.size());
  }
  void Byte(unsigned char b) { out_ += static_cast<char>(b); }
  void Props(const std::vector<Prop>& props) {
    Varint(props.size());
    for (const Prop& p : props) {
      Str(p.type);
      Str(p.value);
      Str(p.lang);
    }
  }
  void Notes(const std::vector<Note>& notes) {
    Varint(notes.size());
    for (const Note& n : notes) {
      Str(n.text);
      Str(n.lang);
    }
  }
  void Attributes(const OtherAttributes& attrs) {
    Varint(attrs.size());
    for (const auto& [name, value] : attrs) {
      Str(name);
      Str(value);
    }
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return false;
      const auto b = static_cast<unsigned char>(in_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  bool Str(std::string* s) {
    uint64_t n;
    if (!Varint(&n) || n > in_.size() - pos_) return false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool Byte(unsigned char* b) {
    if (pos_ >= in_.size()) return false;
    *b = static_cast<unsigned char>(in_[pos_++]);
    return true;
  }
  // A count of items each at least one byte long: more than the remaining bytes means damage.
  bool Count(uint64_t* n) { return Varint(n) && *n <= in_.size() - pos_; }
  bool Props(std::vector<Prop>* props) {
    uint64_t n;
    if (!Count(&n)) return false;
    props->resize(n);
    for (Prop& p : *props) {
      if (!Str(&p.type) || !Str(&p.value) || !Str(&p.lang)) return false;
    }
    return true;
  }
  bool Notes(std::vector<Note>* notes) {
    uint64_t n;
    if (!Count(&n)) return false;
    notes->resize(n);
    for (Note& x : *notes) {
      if (!Str(&x.text) || !Str(&x.lang)) return false;
    }
    return true;
  }
  bool Attributes(OtherAttributes* attrs) {
    uint64_t n;
    if (!Count(&n)) return false;
    attrs->resize(n);
    for (auto& [name, value] : *attrs) {
      if (!Str(&name) || !Str(&value)) return false;
    }
    return true;
  }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

void EncodeTu(const TranslationUnit& tu, int ar_index, int en_index, std::string* out) {
  Writer w(out);
  w.Byte(kFormatV2);
  w.Str(tu.tuid);
  w.Str(tu.srclang);
  w.Str(tu.creationdate);
  w.Str(tu.changedate);
  w.Props(tu.props);
  w.Notes(tu.notes);
  w.Attributes(tu.attributes);
  w.Varint(tu.tuvs.size());
  for (size_t i = 0; i < tu.tuvs.size(); ++i) {
    const Tuv& v = tu.tuvs[i];
    const int index = static_cast<int>(i);
    const TextSlot slot = index == ar_index ? kArColumn : index == en_index ? kEnColumn : kInBlob;
    w.Byte(slot);
    w.Str(v.lang);
    w.Str(slot == kInBlob ? std::string_view(v.text) : std::string_view());
    w.Str(v.seg_markup);
    w.Props(v.props);
    w.Notes(v.notes);
    w.Str(v.creationdate);
    w.Attributes(v.attributes);
  }
}

StatusOr<TranslationUnit> DecodeTu(std::string_view blob, std::string_view ar_text, std::string_view en_text) {
  const Status damaged = InvalidInputError("a stored TU is damaged (run `nazir tm stats` and re-import)");
  Reader r(blob);
  unsigned char format;
  if (!r.Byte(&format) || (format != kFormatV1 && format != kFormatV2)) return damaged;
  const bool with_attributes = format >= kFormatV2;
  TranslationUnit tu;
  if (!r.Str(&tu.tuid) || !r.Str(&tu.srclang) || !r.Str(&tu.creationdate) || !r.Str(&tu.changedate) ||
      !r.Props(&tu.props) || !r.Notes(&tu.notes) || (with_attributes && !r.Attributes(&tu.attributes))) {
    return damaged;
  }
  uint64_t n;
  if (!r.Count(&n)) return damaged;
  tu.tuvs.resize(n);
  for (Tuv& v : tu.tuvs) {
    unsigned char slot;
    if (!r.Byte(&slot) || !r.Str(&v.lang) || !r.Str(&v.text) || !r.Str(&v.seg_markup) || !r.Props(&v.props) ||
        !r.Notes(&v.notes) || !r.Str(&v.creationdate) || (with_attributes && !r.Attributes(&v.attributes))) {
      return damaged;
    }
    if (slot == kArColumn) {
      v.text.assign(ar_text);
    } else if (slot == kEnColumn) {
      v.text.assign(en_text);
    } else if (slot != kInBlob) {
      return damaged;
    }
  }
  if (!r.AtEnd()) return damaged;
  return tu;
}

}  // namespace nazir::store::internal
