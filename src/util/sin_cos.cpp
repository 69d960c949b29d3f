#include <nessie/util/sin_cos.hpp>

#include <cmath>
#include <cstddef>

namespace nessie {

namespace {
// pi/2 = pio2_1 + pio2_2 + pio2_3 (fdlibm: pio2_1 holds the first 33 bits, so q pio2_1 is exact for |q| < 2^20).
constexpr double two_over_pi = 6.36619772367581382433e-01;
constexpr double pio2_1 = 1.57079632673412561417e+00;
constexpr double pio2_2 = 6.07710050630396597660e-11;
constexpr double pio2_3 = 2.02226624871116645580e-21;

// Cephes sin.c: sin r = r + r z P(z), cos r = 1 - z/2 + z^2 Q(z) (z = r^2) on [-pi/4, pi/4]; highest power first.
constexpr double sin_coefficients[] = {1.58962301576546568060e-10, -2.50507477628578072866e-8,
                                       2.75573136213857245213e-6,  -1.98412698295895385996e-4,
                                       8.33333333332211858878e-3,  -1.66666666666666307295e-1};
constexpr double cos_coefficients[] = {-1.13585365213876817300e-11, 2.08757008419747316778e-9,
                                       -2.75573141792967388112e-7,  2.48015872888517045348e-5,
                                       -1.38888888888730564116e-3,  4.16666666666665929218e-2};

template <std::size_t N>
double horner(const double (&coefficients)[N], double z) {
  double p = coefficients[0];
  for (std::size_t i = 1; i < N; ++i) p = p * z + coefficients[i];
  return p;
}

bool all_in_fast_range(const double* x, Eigen::Index n) {
  bool ok = true;
  for (Eigen::Index i = 0; i < n; ++i) ok &= std::abs(x[i]) <= sin_cos_fast_range;
  return ok;
}
}  // namespace

void sin_cos(const double* x, Eigen::Index n, double* s, double* c) {
  if (!all_in_fast_range(x, n)) {
    for (Eigen::Index i = 0; i < n; ++i) {
      s[i] = std::sin(x[i]);
      c[i] = std::cos(x[i]);
    }
    return;
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    const double q = std::nearbyint(x[i] * two_over_pi);
    const double r = ((x[i] - q * pio2_1) - q * pio2_2) - q * pio2_3;  // |r| <= pi/4
    const double z = r * r;
    const double sin_r = r + r * z * horner(sin_coefficients, z);
    const double cos_r = 1.0 - 0.5 * z + z * z * horner(cos_coefficients, z);
    // x = r + k pi/2: (sin, cos) = (sin r, cos r), (cos r, -sin r), (-sin r, -cos r), (-cos r, sin r) for k mod 4.
    const long k = static_cast<long>(q) & 3;
    const bool swap = (k & 1) != 0;
    const double sin_sign = (k & 2) ? -1.0 : 1.0;
    const double cos_sign = ((k + 1) & 2) ? -1.0 : 1.0;
    s[i] = sin_sign * (swap ? cos_r : sin_r);
    c[i] = cos_sign * (swap ? sin_r : cos_r);
  }
}

}  // namespace nessie
