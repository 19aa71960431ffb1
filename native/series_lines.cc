// The lines of a rates CSV, printed natively: see src/cli/native-addon.ts for the contract
// and the JavaScript path it must match byte for byte (test/cli/native-lines.test.ts).
#include <node_api.h>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "native.h"

namespace sctvm {

namespace {

constexpr int kHours = 24;
// |x| in [1e-6, 2^53) (or 0): JavaScript's shortest round-trip form is the fixed notation
// with the fewest digits, which std::to_chars(chars_format::fixed) gives.
constexpr double kSmallest = 1e-6;
constexpr double kLargest = 9007199254740992.0;

bool Printable(double x) {
  if (x == 0) return true;
  double a = std::fabs(x);
  return a >= kSmallest && a < kLargest;
}

}  // namespace

// printSeries(out: Uint8Array, values: Float64Array, from, to, items,
//             prefixes: Uint8Array, groupOffsets: Int32Array, itemOffsets: Int32Array,
//             state: Float64Array [at, next]) -> 0 when [from, to) is done, 1 when series
//             state.next needs JavaScript (a figure outside the native range), 2 when out is full.
napi_value PrintSeries(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc != 9) return Fail(env, "printSeries takes 9 arguments");
  uint8_t* out; size_t outLength;
  double* values; size_t valueCount;
  uint8_t* prefixes; size_t prefixLength;
  int32_t* groupOffsets; size_t groupCount;
  int32_t* itemOffsets; size_t itemCount;
  double* state; size_t stateLength;
  if (!TypedArray(env, argv[0], napi_uint8_array, reinterpret_cast<void**>(&out), &outLength)) return Fail(env, "out must be a Uint8Array");
  if (!TypedArray(env, argv[1], napi_float64_array, reinterpret_cast<void**>(&values), &valueCount)) return Fail(env, "values must be a Float64Array");
  double fromD, toD, itemsD;
  if (napi_get_value_double(env, argv[2], &fromD) != napi_ok || napi_get_value_double(env, argv[3], &toD) != napi_ok || napi_get_value_double(env, argv[4], &itemsD) != napi_ok) return Fail(env, "from, to and items must be numbers");
  if (!TypedArray(env, argv[5], napi_uint8_array, reinterpret_cast<void**>(&prefixes), &prefixLength)) return Fail(env, "prefixes must be a Uint8Array");
  if (!TypedArray(env, argv[6], napi_int32_array, reinterpret_cast<void**>(&groupOffsets), &groupCount)) return Fail(env, "groupOffsets must be an Int32Array");
  if (!TypedArray(env, argv[7], napi_int32_array, reinterpret_cast<void**>(&itemOffsets), &itemCount)) return Fail(env, "itemOffsets must be an Int32Array");
  if (!TypedArray(env, argv[8], napi_float64_array, reinterpret_cast<void**>(&state), &stateLength) || stateLength < 2) return Fail(env, "state must be a Float64Array of 2");
  const int64_t items = static_cast<int64_t>(itemsD);
  const int64_t to = static_cast<int64_t>(toD);
  if (items <= 0 || itemCount != static_cast<size_t>(items) + 1 || groupCount < 2) return Fail(env, "offsets do not match items");
  const int64_t groups = static_cast<int64_t>(groupCount) - 1;
  if (fromD < 0 || to > groups * items || static_cast<size_t>(to) * kHours > valueCount) return Fail(env, "series range outside values");
  for (size_t k = 0; k + 1 < groupCount; k++) if (groupOffsets[k] > groupOffsets[k + 1] || static_cast<size_t>(groupOffsets[k + 1]) > prefixLength) return Fail(env, "bad group offsets");
  for (size_t k = 0; k + 1 < itemCount; k++) if (itemOffsets[k] > itemOffsets[k + 1] || static_cast<size_t>(itemOffsets[k + 1]) > prefixLength) return Fail(env, "bad item offsets");

  size_t at = static_cast<size_t>(state[0]);
  int status = 0;
  int64_t i = static_cast<int64_t>(fromD);
  for (; i < to; i++) {
    const double* hours = values + i * kHours;
    bool any = false;
    bool printable = true;
    for (int h = 0; h < kHours; h++) {
      // A NaN is not 0 (the series is kept) and not printable here.
      if (hours[h] != 0 || std::isnan(hours[h])) any = true;
      if (!Printable(hours[h])) printable = false;
    }
    if (!any) continue;
    if (!printable) { status = 1; break; }
    const int64_t g = i / items, it = i % items;
    const uint8_t* gp = prefixes + groupOffsets[g];
    const size_t gl = static_cast<size_t>(groupOffsets[g + 1] - groupOffsets[g]);
    const uint8_t* ip = prefixes + itemOffsets[it];
    const size_t il = static_cast<size_t>(itemOffsets[it + 1] - itemOffsets[it]);
    // Each line: prefix, "h,", at most 1 + 17 + 1 + 22 figure characters, "\n".
    if (at + kHours * (gl + il + 3 + 48 + 1) > outLength) { status = 2; break; }
    for (int h = 0; h < kHours; h++) {
      std::memcpy(out + at, gp, gl); at += gl;
      std::memcpy(out + at, ip, il); at += il;
      if (h >= 10) out[at++] = static_cast<uint8_t>('0' + h / 10);
      out[at++] = static_cast<uint8_t>('0' + h % 10);
      out[at++] = ',';
      const double x = hours[h];
      if (x == 0) {
        out[at++] = '0';
      } else {
        char* begin = reinterpret_cast<char*>(out + at);
        auto result = std::to_chars(begin, begin + 48, x, std::chars_format::fixed);
        at += static_cast<size_t>(result.ptr - begin);
      }
      out[at++] = '\n';
    }
  }
  state[0] = static_cast<double>(at);
  state[1] = static_cast<double>(i);
  napi_value result;
  napi_create_int32(env, status, &result);
  return result;
}

}  // namespace sctvm
