// One phase of a derivation, natively: see src/cli/native-addon.ts for the contract and
// the engine's derivePhase (src/engine/derive/derive-rates.ts) it must match bit for bit
// (test/cli/native-derive.test.ts). Every figure is the same IEEE double expression, in the
// same order, as the engine's: built with -ffp-contract=off so that no multiply and add are
// fused into one rounding.
#include <node_api.h>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "native.h"

namespace sctvm {

namespace {

constexpr int kHours = 24;
constexpr int kStreams = 3;

struct Arrays {
  double* rates;
  double* drivers;
  double* shares;
  double* routing;
  int32_t* stream_of_row;
  int32_t* series_of_row;
  int32_t* routed_from;
  int32_t* routed;
  double* by_dmc;  // nullptr when every DMC's series is not kept
  double* by_series;
  double* provider_hourly;
  size_t rates_length, drivers_length, shares_length, routing_length, stream_length, series_length,
      routed_from_length, routed_length, by_dmc_length, by_series_length, hourly_length;
};

inline size_t Offset(size_t providers, size_t items, size_t phase, size_t provider, size_t item) {
  return ((phase * providers + provider) * items + item) * kHours;
}

}  // namespace

// derivePhase(shape: Float64Array [P, R, D, T, S, uplift, ph], rates, drivers, shares,
//             routing: Float64Array, streamOfRow, seriesOfRow, routedFrom, routed: Int32Array,
//             byDmc: Float64Array | null, bySeries, providerHourly: Float64Array) -> undefined.
// Throws a TypeError when an argument is not what the contract says or an array is too short
// for the shape (so a bad call cannot write outside an array).
napi_value DerivePhase(napi_env env, napi_callback_info info) {
  size_t argc = 12;
  napi_value argv[12];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc != 12) return Fail(env, "derivePhase: twelve arguments expected");
  double* shape;
  size_t shape_length;
  if (!TypedArray(env, argv[0], napi_float64_array, reinterpret_cast<void**>(&shape), &shape_length) || shape_length != 7)
    return Fail(env, "derivePhase: shape must be a Float64Array of 7");
  for (int k = 0; k < 7; k++)
    if (k != 5 && !(shape[k] >= 0 && shape[k] <= 2147483647.0 && shape[k] == std::floor(shape[k])))
      return Fail(env, "derivePhase: shape must hold whole counts");
  const size_t P = static_cast<size_t>(shape[0]), R = static_cast<size_t>(shape[1]), D = static_cast<size_t>(shape[2]),
               T = static_cast<size_t>(shape[3]), S = static_cast<size_t>(shape[4]), ph = static_cast<size_t>(shape[6]);
  const double uplift = shape[5];
  if (ph >= P) return Fail(env, "derivePhase: phase out of range");
  Arrays a{};
  napi_valuetype by_dmc_type;
  napi_typeof(env, argv[9], &by_dmc_type);
  if (!TypedArray(env, argv[1], napi_float64_array, reinterpret_cast<void**>(&a.rates), &a.rates_length) ||
      !TypedArray(env, argv[2], napi_float64_array, reinterpret_cast<void**>(&a.drivers), &a.drivers_length) ||
      !TypedArray(env, argv[3], napi_float64_array, reinterpret_cast<void**>(&a.shares), &a.shares_length) ||
      !TypedArray(env, argv[4], napi_float64_array, reinterpret_cast<void**>(&a.routing), &a.routing_length) ||
      !TypedArray(env, argv[5], napi_int32_array, reinterpret_cast<void**>(&a.stream_of_row), &a.stream_length) ||
      !TypedArray(env, argv[6], napi_int32_array, reinterpret_cast<void**>(&a.series_of_row), &a.series_length) ||
      !TypedArray(env, argv[7], napi_int32_array, reinterpret_cast<void**>(&a.routed_from), &a.routed_from_length) ||
      !TypedArray(env, argv[8], napi_int32_array, reinterpret_cast<void**>(&a.routed), &a.routed_length) ||
      (by_dmc_type != napi_null && !TypedArray(env, argv[9], napi_float64_array, reinterpret_cast<void**>(&a.by_dmc), &a.by_dmc_length)) ||
      !TypedArray(env, argv[10], napi_float64_array, reinterpret_cast<void**>(&a.by_series), &a.by_series_length) ||
      !TypedArray(env, argv[11], napi_float64_array, reinterpret_cast<void**>(&a.provider_hourly), &a.hourly_length))
    return Fail(env, "derivePhase: an argument is not the typed array expected");
  if (a.rates_length < D * T || a.drivers_length < P * D * kStreams || a.shares_length < T * kHours ||
      a.routing_length < T * R || a.stream_length < T || a.series_length < T || a.routed_from_length < T + 1 ||
      (a.by_dmc && a.by_dmc_length < P * R * D * kHours) || a.by_series_length < P * R * S * kHours ||
      a.hourly_length < P * R * kHours)
    return Fail(env, "derivePhase: an array is shorter than the shape needs");
  for (size_t i = 0; i < T; i++) {
    const int32_t from = a.routed_from[i], to = a.routed_from[i + 1];
    if (from < 0 || to < from || static_cast<size_t>(to) > a.routed_length || a.stream_of_row[i] < 0 ||
        a.stream_of_row[i] >= kStreams || a.series_of_row[i] < 0 || static_cast<size_t>(a.series_of_row[i]) >= S)
      return Fail(env, "derivePhase: a row's indexes are out of range");
    for (int32_t j = from; j < to; j++)
      if (a.routed[j] < 0 || static_cast<size_t>(a.routed[j]) >= R) return Fail(env, "derivePhase: a route is out of range");
  }

  double dmc_loads_small[8 * kHours];
  double* dmc_loads = R <= 8 ? dmc_loads_small : new double[R * kHours];
  for (size_t d = 0; d < D; d++) {
    std::memset(dmc_loads, 0, R * kHours * sizeof(double));
    const size_t d_base = (ph * D + d) * kStreams;
    for (size_t i = 0; i < T; i++) {
      const double rate = a.rates[d * T + i];
      if (std::isnan(rate)) continue;
      const double driver = a.drivers[d_base + a.stream_of_row[i]];
      // Formula order of spec 3: driver × rate × (1 + Contingency), then × share × route.
      const double daily = driver * rate * uplift;
      if (daily == 0) continue;
      const size_t s = a.series_of_row[i];
      const double* shares = a.shares + i * kHours;
      for (int32_t j = a.routed_from[i]; j < a.routed_from[i + 1]; j++) {
        const size_t p = a.routed[j];
        const double route = a.routing[i * R + p];
        double* loads = dmc_loads + p * kHours;
        double* series = a.by_series + Offset(R, S, ph, p, s);
        for (int h = 0; h < kHours; h++) {
          const double load = daily * shares[h] * route;
          loads[h] = loads[h] + load;
          series[h] = series[h] + load;
        }
      }
    }
    for (size_t p = 0; p < R; p++) {
      double* total = a.provider_hourly + Offset(R, 1, ph, p, 0);
      const double* loads = dmc_loads + p * kHours;
      for (int h = 0; h < kHours; h++) total[h] = total[h] + loads[h];
      if (a.by_dmc) std::memcpy(a.by_dmc + Offset(R, D, ph, p, d), loads, kHours * sizeof(double));
    }
  }
  if (dmc_loads != dmc_loads_small) delete[] dmc_loads;
  return nullptr;
}

}  // namespace sctvm
