// What the native parts share: argument checks and the functions the addon exports
// (addon.cc registers them).
#ifndef SCTVM_NATIVE_H_
#define SCTVM_NATIVE_H_

#include <node_api.h>
#include <cstddef>

namespace sctvm {

inline bool TypedArray(napi_env env, napi_value v, napi_typedarray_type want, void** data, size_t* length) {
  napi_typedarray_type type;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, v, &type, length, data, &buffer, &offset) != napi_ok) return false;
  return type == want;
}

inline napi_value Fail(napi_env env, const char* message) {
  napi_throw_type_error(env, nullptr, message);
  return nullptr;
}

napi_value PrintSeries(napi_env env, napi_callback_info info);
napi_value DerivePhase(napi_env env, napi_callback_info info);
napi_value ScanSheetCells(napi_env env, napi_callback_info info);

}  // namespace sctvm

#endif  // SCTVM_NATIVE_H_
