// The cells of a worksheet part, scanned natively: see src/cli/native-addon.ts for the
// contract and src/io/xlsx/read-sheet-part.ts for the JavaScript reading it must match
// (test/cli/native-sheet-cells.test.ts). Only the plain form that Excel, LibreOffice and
// openpyxl write for values is read here: `<row r="n">`, `<c r="A1" s="n" t="x">` with
// quoted attribute values and one `<v>` of ASCII text without entities. Anything else
// (a formula, an inline string, a merge, CDATA, a comment, an entity, a prefixed
// SpreadsheetML element, an unusual reference) makes the scan give up, and JavaScript reads
// the whole part: this scanner never has to be right about the rare forms.
#include <node_api.h>
#include <cstdint>
#include <cstring>
#include <vector>

#include "native.h"

namespace sctvm {

namespace {

// Type codes of `t`, as src/cli/native-addon.ts names them.
enum CellType : int32_t { kNumber = 0, kShared = 1, kStr = 2, kInlineStr = 3, kBoolean = 4, kError = 5, kDate = 6, kExplicitNumber = 7 };

struct Attribute {
  const uint8_t* value = nullptr;  // nullptr: absent
  size_t length = 0;
};

class Scanner {
 public:
  Scanner(const uint8_t* bytes, size_t length) : s_(bytes), n_(length) {}

  // Scans the part into records of (row, column, style, type, valueStart, valueEnd);
  // false when the part holds anything this scanner leaves to JavaScript.
  bool Scan(std::vector<int32_t>* records) {
    size_t i = 0;
    if (n_ >= 3 && s_[0] == 0xef && s_[1] == 0xbb && s_[2] == 0xbf) i = 3;
    int64_t row = -1, column = -1;
    while (true) {
      const uint8_t* lt = static_cast<const uint8_t*>(std::memchr(s_ + i, '<', n_ - i));
      if (!lt) return true;
      size_t at = lt - s_;
      if (at + 1 >= n_) return false;
      const uint8_t next = s_[at + 1];
      if (!StartsMarkup(next)) {
        i = at + 1;  // a lone '<' is text, ignored outside a cell
        continue;
      }
      if (next == '!') return false;
      if (next == '?') {
        const uint8_t* gt = static_cast<const uint8_t*>(std::memchr(s_ + at + 2, '>', n_ - at - 2));
        if (!gt) return false;
        i = gt - s_ + 1;
        continue;
      }
      if (next == '/') {
        size_t end;
        const uint8_t* name;
        size_t name_length;
        if (!CloseTag(at, &name, &name_length, &end) || Relevant(name, name_length)) return false;
        i = end;
        continue;
      }
      Tag tag;
      if (!OpenTag(at, &tag)) return false;
      i = tag.end;
      if (tag.prefixed_relevant) return false;
      if (Is(tag, "row")) {
        if (tag.r.value) {
          int64_t r;
          if (!Digits(tag.r, 9, &r) || r < 1) return false;
          row = r - 1;
        } else {
          row++;
        }
        column = -1;
      } else if (Is(tag, "mergeCell") || Is(tag, "v") || Is(tag, "f") || Is(tag, "is")) {
        return false;
      } else if (Is(tag, "c")) {
        if (tag.r.value) {
          if (!Reference(tag.r, &row, &column)) return false;
        } else {
          column++;
        }
        int64_t style = 0;
        if (tag.s.value && !Digits(tag.s, 9, &style)) return false;
        int32_t type;
        if (!TypeOf(tag.t, &type)) return false;
        if (tag.self_closing) continue;
        int64_t value_start = -1, value_end = -1;
        if (!CellBody(&i, &value_start, &value_end)) return false;
        if (value_start < 0) continue;
        if (row > INT32_MAX || column > INT32_MAX || value_end > INT32_MAX) return false;
        records->insert(records->end(), {static_cast<int32_t>(row), static_cast<int32_t>(column), static_cast<int32_t>(style), type,
                                         static_cast<int32_t>(value_start), static_cast<int32_t>(value_end)});
      }
    }
  }

 private:
  struct Tag {
    const uint8_t* name = nullptr;
    size_t name_length = 0;
    bool prefixed_relevant = false;
    bool self_closing = false;
    size_t end = 0;
    Attribute r, s, t;
  };

  static bool IsSpace(uint8_t c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
  // As the JavaScript scanner's startsMarkup: '<' followed by anything else is text.
  static bool StartsMarkup(uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?' || c == '_' || c == ':' || c > 127;
  }
  static bool Equals(const uint8_t* a, size_t length, const char* b) { return std::strlen(b) == length && std::memcmp(a, b, length) == 0; }
  static bool Is(const Tag& tag, const char* name) { return Equals(tag.name, tag.name_length, name); }

  // Whether a tag name is left to JavaScript: one whose local part the JavaScript reading
  // acts on (c, row, v, f, is, mergeCell) written with a prefix, or an unprefixed c or v
  // (used for closing tags, where this scanner expects neither).
  static bool Relevant(const uint8_t* name, size_t length) {
    const uint8_t* colon = static_cast<const uint8_t*>(std::memchr(name, ':', length));
    const uint8_t* local = colon ? colon + 1 : name;
    const size_t local_length = length - (local - name);
    const bool named = Equals(local, local_length, "c") || Equals(local, local_length, "row") || Equals(local, local_length, "v") ||
                       Equals(local, local_length, "f") || Equals(local, local_length, "is") || Equals(local, local_length, "mergeCell");
    return named && (colon != nullptr || Equals(local, local_length, "c") || Equals(local, local_length, "v"));
  }

  // `</name ...>` at `lt`; false when incomplete.
  bool CloseTag(size_t lt, const uint8_t** name, size_t* name_length, size_t* end) const {
    const uint8_t* gt = static_cast<const uint8_t*>(std::memchr(s_ + lt + 2, '>', n_ - lt - 2));
    if (!gt) return false;
    size_t j = lt + 2;
    const size_t stop = gt - s_;
    while (j < stop && !IsSpace(s_[j])) j++;
    *name = s_ + lt + 2;
    *name_length = j - (lt + 2);
    *end = stop + 1;
    return true;
  }

  // An open tag at `lt`, as the JavaScript scanner reads one (first of a repeated attribute
  // wins); false when incomplete, or when an attribute is written in a form left to JavaScript.
  bool OpenTag(size_t lt, Tag* tag) const {
    size_t j = lt + 1;
    while (j < n_ && !IsSpace(s_[j]) && s_[j] != '>' && s_[j] != '/') j++;
    if (j >= n_) return false;
    tag->name = s_ + lt + 1;
    tag->name_length = j - (lt + 1);
    if (std::memchr(tag->name, ':', tag->name_length)) {
      tag->prefixed_relevant = Relevant(tag->name, tag->name_length);
    }
    while (true) {
      while (j < n_ && IsSpace(s_[j])) j++;
      if (j >= n_) return false;
      const uint8_t c = s_[j];
      if (c == '>') {
        tag->end = j + 1;
        return true;
      }
      if (c == '/') {
        if (j + 1 >= n_) return false;
        if (s_[j + 1] == '>') {
          tag->self_closing = true;
          tag->end = j + 2;
          return true;
        }
        j++;
        continue;
      }
      const size_t name_start = j;
      while (j < n_ && !IsSpace(s_[j]) && s_[j] != '=' && s_[j] != '>' && s_[j] != '/') j++;
      if (j >= n_) return false;
      const uint8_t* name = s_ + name_start;
      const size_t name_length = j - name_start;
      while (j < n_ && IsSpace(s_[j])) j++;
      if (j >= n_) return false;
      Attribute value;
      value.value = s_ + j;  // a name with no value has the value "" in JavaScript
      if (s_[j] == '=') {
        j++;
        while (j < n_ && IsSpace(s_[j])) j++;
        if (j >= n_) return false;
        const uint8_t quote = s_[j];
        if (quote != '"' && quote != '\'') return false;
        const uint8_t* close = static_cast<const uint8_t*>(std::memchr(s_ + j + 1, quote, n_ - j - 1));
        if (!close) return false;
        value.value = s_ + j + 1;
        value.length = close - value.value;
        j = close - s_ + 1;
      }
      Attribute* slot = Equals(name, name_length, "r") ? &tag->r : Equals(name, name_length, "s") ? &tag->s : Equals(name, name_length, "t") ? &tag->t : nullptr;
      if (slot && !slot->value) {
        if (std::memchr(value.value, '&', value.length)) return false;
        *slot = value;
      }
    }
  }

  // A whole number of 1 to `max_digits` ASCII digits, nothing else.
  static bool Digits(const Attribute& a, size_t max_digits, int64_t* out) {
    if (a.length == 0 || a.length > max_digits) return false;
    int64_t n = 0;
    for (size_t k = 0; k < a.length; k++) {
      if (a.value[k] < '0' || a.value[k] > '9') return false;
      n = n * 10 + (a.value[k] - '0');
    }
    *out = n;
    return true;
  }

  // `A1` (letters of either case, then a row from 1) as 0-based row and column.
  static bool Reference(const Attribute& a, int64_t* row, int64_t* column) {
    size_t k = 0;
    int64_t c = 0;
    for (; k < a.length && k < 4; k++) {
      const uint8_t x = a.value[k];
      if (x >= 'A' && x <= 'Z') c = c * 26 + (x - 'A' + 1);
      else if (x >= 'a' && x <= 'z') c = c * 26 + (x - 'a' + 1);
      else break;
    }
    if (k == 0) return false;
    int64_t r;
    if (!Digits({a.value + k, a.length - k}, 9, &r) || r < 1) return false;
    *row = r - 1;
    *column = c - 1;
    return true;
  }

  static bool TypeOf(const Attribute& t, int32_t* type) {
    if (!t.value) *type = kNumber;
    else if (Equals(t.value, t.length, "s")) *type = kShared;
    else if (Equals(t.value, t.length, "str")) *type = kStr;
    else if (Equals(t.value, t.length, "inlineStr")) *type = kInlineStr;
    else if (Equals(t.value, t.length, "b")) *type = kBoolean;
    else if (Equals(t.value, t.length, "e")) *type = kError;
    else if (Equals(t.value, t.length, "d")) *type = kDate;
    else if (Equals(t.value, t.length, "n")) *type = kExplicitNumber;
    else return false;
    return true;
  }

  // From after `<c ...>` to after `</c>`: the last `<v>`'s text range, if any; false for
  // anything left to JavaScript.
  bool CellBody(size_t* i, int64_t* value_start, int64_t* value_end) const {
    size_t j = *i;
    while (true) {
      const uint8_t* lt = static_cast<const uint8_t*>(std::memchr(s_ + j, '<', n_ - j));
      if (!lt) return false;
      const size_t at = lt - s_;
      if (at + 1 >= n_) return false;
      const uint8_t next = s_[at + 1];
      if (!StartsMarkup(next)) {
        j = at + 1;
        continue;
      }
      if (next == '!' || next == '?') return false;
      if (next == '/') {
        const uint8_t* name;
        size_t name_length, end;
        if (!CloseTag(at, &name, &name_length, &end)) return false;
        if (Equals(name, name_length, "c")) {
          *i = end;
          return true;
        }
        if (Relevant(name, name_length)) return false;
        j = end;
        continue;
      }
      Tag tag;
      if (!OpenTag(at, &tag) || tag.prefixed_relevant) return false;
      if (Is(tag, "f") || Is(tag, "is")) return false;
      if (!Is(tag, "v")) {
        j = tag.end;  // another child: JavaScript ignores it too
        continue;
      }
      if (tag.self_closing) {
        *value_start = *value_end = static_cast<int64_t>(tag.end);
        j = tag.end;
        continue;
      }
      const size_t start = tag.end;
      const uint8_t* close = static_cast<const uint8_t*>(std::memchr(s_ + start, '<', n_ - start));
      if (!close) return false;
      const size_t stop = close - s_;
      for (size_t k = start; k < stop; k++)
        if (s_[k] == '&' || s_[k] > 127) return false;
      if (stop + 4 > n_ || std::memcmp(s_ + stop, "</v>", 4) != 0) return false;
      *value_start = static_cast<int64_t>(start);
      *value_end = static_cast<int64_t>(stop);
      j = stop + 4;
    }
  }

  const uint8_t* s_;
  size_t n_;
};

}  // namespace

// scanSheetCells(part: Uint8Array) -> Int32Array of (row, column, style, type, valueStart,
// valueEnd) per cell holding a `<v>`, or null when the part is to be read by JavaScript.
napi_value ScanSheetCells(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  uint8_t* bytes;
  size_t length;
  if (argc != 1 || !TypedArray(env, argv[0], napi_uint8_array, reinterpret_cast<void**>(&bytes), &length))
    return Fail(env, "scanSheetCells: one Uint8Array expected");
  if (length > INT32_MAX) {
    napi_value null_value;
    napi_get_null(env, &null_value);
    return null_value;
  }
  std::vector<int32_t> records;
  Scanner scanner(bytes, length);
  napi_value result;
  if (!scanner.Scan(&records)) {
    napi_get_null(env, &result);
    return result;
  }
  void* data;
  napi_value buffer;
  if (napi_create_arraybuffer(env, records.size() * sizeof(int32_t), &data, &buffer) != napi_ok) return Fail(env, "scanSheetCells: out of memory");
  if (!records.empty()) std::memcpy(data, records.data(), records.size() * sizeof(int32_t));
  napi_create_typedarray(env, napi_int32_array, records.size(), buffer, 0, &result);
  return result;
}

}  // namespace sctvm
