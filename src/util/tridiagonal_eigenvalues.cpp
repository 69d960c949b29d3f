#include <nessie/util/tridiagonal_eigenvalues.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nessie {

bool tridiagonal_eigenvalues(Eigen::Ref<Eigen::VectorXd> diagonal, Eigen::Ref<Eigen::VectorXd> off_diagonal) {
  Eigen::Ref<Eigen::VectorXd>& d = diagonal;
  Eigen::Ref<Eigen::VectorXd>& e = off_diagonal;  // e(i) couples i and i + 1
  const Eigen::Index n = d.size();
  if (n == 0) return true;
  e(n - 1) = 0;
  constexpr double epsilon = std::numeric_limits<double>::epsilon();
  constexpr int max_iterations = 30;
  for (Eigen::Index l = 0; l < n; ++l) {
    int iterations = 0;
    for (;;) {
      // The first negligible sub-diagonal entry at or after l splits off the block l..m.
      Eigen::Index m = l;
      while (m < n - 1 && std::abs(e(m)) > epsilon * (std::abs(d(m)) + std::abs(d(m + 1)))) ++m;
      if (m == l) break;  // d(l) is an eigenvalue
      if (++iterations > max_iterations) return false;
      // Wilkinson shift from the leading 2 x 2 block, then one implicit QL sweep from m up to l (plane rotations).
      double g = (d(l + 1) - d(l)) / (2.0 * e(l));
      double r = std::sqrt(g * g + 1.0);
      g = d(m) - d(l) + e(l) / (g + std::copysign(r, g));
      double s = 1, c = 1, p = 0;
      bool deflated = false;
      for (Eigen::Index i = m - 1; i >= l; --i) {
        const double f = s * e(i), b = c * e(i);
        r = std::sqrt(f * f + g * g);
        e(i + 1) = r;
        if (r == 0) {  // the rotation underflowed: e(i + 1) is zero, restart on the smaller block
          d(i + 1) -= p;
          e(m) = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d(i + 1) - p;
        r = (d(i) - g) * s + 2.0 * c * b;
        p = s * r;
        d(i + 1) = g + p;
        g = c * r - b;
      }
      if (deflated) continue;
      d(l) -= p;
      e(l) = g;
      e(m) = 0;
    }
  }
  std::sort(d.data(), d.data() + n);
  return true;
}

}  // namespace nessie
