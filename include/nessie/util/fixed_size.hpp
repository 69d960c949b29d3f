#pragma once
// Dispatch from a run-time dimension to a compile-time one, for the small matrices of a sweep's points (d = 6 levels
// for the paper's ring), where Eigen's fixed-size products and blocks are unrolled and vectorised and its dynamic-size
// ones spend most of their time on set-up, packing and ragged tails.
#include <Eigen/Core>
#include <type_traits>
#include <utility>

namespace nessie {

// Smallest and largest dimension given a compile-time path.
constexpr int fixed_size_min = 3;
constexpr int fixed_size_max = 8;

// Calls f(std::integral_constant<int, N>{}) with N == n and returns true when Min <= n <= Max; returns false (the
// caller's dynamic-size path) otherwise.
template <int Min = fixed_size_min, int Max = fixed_size_max, class F>
bool with_fixed_size(Eigen::Index n, F&& f) {
  if constexpr (Min > Max) {
    return false;
  } else {
    if (n == Min) {
      f(std::integral_constant<int, Min>{});
      return true;
    }
    return with_fixed_size<Min + 1, Max>(n, std::forward<F>(f));
  }
}

}  // namespace nessie
