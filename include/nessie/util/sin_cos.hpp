#pragma once
// Sines and cosines of an array of angles in one vectorisable loop, for the phases of the interaction frame
// (dynamics/interaction_frame.hpp): d of them at every right-hand side, where glibc's scalar sincos was a fifth of a
// d = 6 run (docs/performance.md). glibc's vector variants (libmvec) are reachable only through -ffast-math.
#include <Eigen/Dense>

namespace nessie {

// s[i] = sin(x[i]), c[i] = cos(x[i]). For |x| <= sin_cos_fast_range: reduction by pi/2 in three parts (Cody-Waite,
// fdlibm's split of pi/2, exact products for quotients below 2^20) and Cephes' minimax polynomials on
// [-pi/4, pi/4]: within 2 ulp + 1e-16 |x| of the exact values. Larger angles go to std::sin/std::cos.
void sin_cos(const double* x, Eigen::Index n, double* s, double* c);
constexpr double sin_cos_fast_range = 1e5;

}  // namespace nessie
