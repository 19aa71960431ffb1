// The native addon sctvm_native.node: the rates printer (series_lines.cc), one phase of a
// derivation (derive_phase.cc) and the cells of a plain worksheet part (sheet_cells.cc).
// src/cli/native-addon.ts loads it.
#include <node_api.h>

#include "native.h"

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "printSeries", NAPI_AUTO_LENGTH, sctvm::PrintSeries, nullptr, &fn);
  napi_set_named_property(env, exports, "printSeries", fn);
  napi_create_function(env, "derivePhase", NAPI_AUTO_LENGTH, sctvm::DerivePhase, nullptr, &fn);
  napi_set_named_property(env, exports, "derivePhase", fn);
  napi_create_function(env, "scanSheetCells", NAPI_AUTO_LENGTH, sctvm::ScanSheetCells, nullptr, &fn);
  napi_set_named_property(env, exports, "scanSheetCells", fn);
  return exports;
}
