#include <nessie/util/tridiagonal_eigenvalues.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nessie {

namespace {

// Eigenvalues of [[a, b], [b, c]] (LAPACK dlae2), the larger first.
void symmetric_2x2_eigenvalues(double a, double b, double c, double& larger, double& smaller) {
  const double sum = a + c, difference = std::abs(a - c), twice_b = std::abs(b + b);
  const double big = std::abs(a) > std::abs(c) ? a : c, small = std::abs(a) > std::abs(c) ? c : a;
  double root;  // sqrt((a - c)^2 + 4 b^2) without overflow
  if (difference > twice_b)
    root = difference * std::sqrt(1 + (twice_b / difference) * (twice_b / difference));
  else if (difference < twice_b)
    root = twice_b * std::sqrt(1 + (difference / twice_b) * (difference / twice_b));
  else
    root = twice_b * std::sqrt(2.0);
  if (sum == 0) {
    larger = 0.5 * root;
    smaller = -0.5 * root;
    return;
  }
  // The eigenvalue of the sign of the sum first; the other from the determinant, without cancellation.
  const double first = 0.5 * (sum + std::copysign(root, sum));
  const double second = (big / first) * small - (b / first) * b;
  larger = std::max(first, second);
  smaller = std::min(first, second);
}

}  // namespace

bool tridiagonal_eigenvalues(Eigen::Ref<Eigen::VectorXd> diagonal, Eigen::Ref<Eigen::VectorXd> off_diagonal) {
  Eigen::Ref<Eigen::VectorXd>& d = diagonal;
  Eigen::Ref<Eigen::VectorXd>& e2 = off_diagonal;  // e2(i) = e(i)^2, e(i) coupling i and i + 1
  const Eigen::Index n = d.size();
  if (n == 0) return true;
  // The sweep deflates at its top first; as in dsterf, the matrix is turned upside down (the same eigenvalues) when
  // its top entry is the larger in size, so that the small end converges first (graded matrices such as density
  // matrices in the energy basis).
  if (n > 1 && std::abs(d(n - 1)) < std::abs(d(0))) {
    d.reverseInPlace();
    off_diagonal.head(n - 1).reverseInPlace();
  }
  for (Eigen::Index i = 0; i + 1 < n; ++i) e2(i) *= e2(i);
  e2(n - 1) = 0;
  constexpr double epsilon2 = std::numeric_limits<double>::epsilon() * std::numeric_limits<double>::epsilon();
  constexpr int max_iterations = 30;
  for (Eigen::Index l = 0; l < n;) {
    int iterations = 0;
    for (;;) {
      // The first negligible sub-diagonal entry at or after l, |e(m)| <= eps (|d(m)| + |d(m + 1)|), splits off the
      // block l..m.
      Eigen::Index m = l;
      for (; m < n - 1; ++m) {
        const double size = std::abs(d(m)) + std::abs(d(m + 1));
        if (e2(m) <= epsilon2 * size * size) break;
      }
      if (m == l) {  // d(l) is an eigenvalue
        ++l;
        break;
      }
      if (m == l + 1) {  // a 2 x 2 block: both eigenvalues at once
        symmetric_2x2_eigenvalues(d(l), std::sqrt(e2(l)), d(l + 1), d(l), d(l + 1));
        e2(l) = 0;
        l += 2;
        break;
      }
      if (++iterations > max_iterations) return false;
      // Wilkinson shift: the eigenvalue of the leading 2 x 2 block nearer d(l), d(l) - e^2 / (delta + sign(delta)
      // sqrt(delta^2 + e^2)) with delta = (d(l + 1) - d(l)) / 2 (no square root of e^2 needed).
      const double delta = 0.5 * (d(l + 1) - d(l));
      const double shift = d(l) - e2(l) / (delta + std::copysign(std::sqrt(delta * delta + e2(l)), delta));
      // One root-free QL sweep from m up to l (Pal, Walker and Kahan; LAPACK dsterf): it carries the squares of the
      // sub-diagonal, so a rotation needs no square root. dsterf's rotation, c = p / r, s = e^2 / r, gamma =
      // c (alpha - shift) - s gamma', p = gamma^2 / c, is written with u = p (alpha - shift) - e^2 gamma' as
      // gamma = u / r and p = u^2 / (r p'): one division after another per rotation instead of two (a third faster).
      double c = 1, s = 0, gamma = d(m) - shift, p = gamma * gamma;
      for (Eigen::Index i = m - 1; i >= l; --i) {
        const double bb = e2(i), r = p + bb, alpha = d(i);  // r > 0: e2(i) is not negligible
        if (i != m - 1) e2(i + 1) = s * r;
        const double old_gamma = gamma;
        if (p != 0) {
          const double u = p * (alpha - shift) - bb * old_gamma;
          gamma = u / r;
          s = bb / r;
          c = p / r;
          p = (u * u) / (r * p);
        } else {  // c = 0, s = 1: the rotation swaps
          gamma = -old_gamma;
          s = 1;
          p = c * bb;  // with the previous c
          c = 0;
        }
        d(i + 1) = old_gamma + (alpha - gamma);
      }
      e2(l) = s * p;
      d(l) = shift + gamma;
      e2(m) = 0;
    }
  }
  std::sort(d.data(), d.data() + n);
  return true;
}

}  // namespace nessie
