#include <nessie/util/hermitian_eigenvalues.hpp>

#include <nessie/util/tridiagonal_eigenvalues.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>

namespace nessie {

namespace {

using Complex = std::complex<double>;

// Up to this size the Householder reduction below, beyond it Eigen's Tridiagonalization (vectorised updates).
constexpr Eigen::Index small_dimension = 16;

// a b and conj(a) b written out: std::complex's operator* checks its result for NaN (and then calls the library).
inline Complex times(Complex a, Complex b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}
inline Complex conj_times(Complex a, Complex b) {
  return {a.real() * b.real() + a.imag() * b.imag(), a.real() * b.imag() - a.imag() * b.real()};
}

// Householder reduction of the Hermitian matrix h (both triangles, overwritten) to tridiagonal form, for its
// eigenvalues only: the reflection of step k, I - tau v v^H with v = x - beta e_1 and beta = -exp(i arg x_0) ||x||,
// takes the column x below the diagonal to beta e_1, and the trailing block becomes H A H = A - v w^H - w v^H with
// p = tau A v, w = p - (tau/2)(v^H p) v (Golub and Van Loan, section 8.3.1). A Hermitian tridiagonal matrix has the
// eigenvalues of the real one with the moduli of its off-diagonal (a diagonal unitary turns each phase away), so the
// sub-diagonal is |beta| = ||x||. Plain loops: at d = 6 about 70 % of the time of Eigen's Tridiagonalization.
void tridiagonalize_small(Eigen::MatrixXcd& h, Eigen::VectorXd& diagonal, Eigen::VectorXd& off_diagonal) {
  const Eigen::Index n = h.rows();
  Complex v[small_dimension], p[small_dimension];
  for (Eigen::Index k = 0; k + 2 < n; ++k) {
    const Eigen::Index first = k + 1, m = n - first;  // the column below the diagonal: h(first.., k)
    double tail = 0;
    for (Eigen::Index i = 1; i < m; ++i) tail += std::norm(h(first + i, k));
    const Complex alpha = h(first, k);
    if (tail == 0) {  // already reduced in this column
      off_diagonal[k] = std::sqrt(std::norm(alpha));
      continue;
    }
    const double length = std::sqrt(std::norm(alpha) + tail);
    const double modulus = std::sqrt(std::norm(alpha));
    off_diagonal[k] = length;
    // alpha - beta = exp(i arg alpha) (|alpha| + ||x||), without cancellation
    v[0] = modulus > 0 ? alpha * ((modulus + length) / modulus) : Complex(length, 0);
    for (Eigen::Index i = 1; i < m; ++i) v[i] = h(first + i, k);
    const double tau = 2.0 / (std::norm(v[0]) + tail);
    // p = tau A v on the trailing block, then K = (tau / 2) v^H p (real) and w = p - K v (kept in p).
    for (Eigen::Index i = 0; i < m; ++i) p[i] = 0;
    for (Eigen::Index j = 0; j < m; ++j) {  // by columns (contiguous)
      const Complex tau_v = tau * v[j];
      for (Eigen::Index i = 0; i < m; ++i) p[i] += times(h(first + i, first + j), tau_v);
    }
    Complex vp = 0;
    for (Eigen::Index i = 0; i < m; ++i) vp += conj_times(v[i], p[i]);
    const double half_k = 0.5 * tau * vp.real();
    for (Eigen::Index i = 0; i < m; ++i) p[i] -= half_k * v[i];
    for (Eigen::Index j = 0; j < m; ++j)
      for (Eigen::Index i = 0; i < m; ++i) h(first + i, first + j) -= conj_times(p[j], v[i]) + conj_times(v[j], p[i]);
  }
  for (Eigen::Index k = 0; k < n; ++k) diagonal[k] = h(k, k).real();
  if (n >= 2) off_diagonal[n - 2] = std::sqrt(std::norm(h(n - 1, n - 2)));
}

// 2^k, exactly, from its bits where it is a normal number (std::ldexp is a library call: 3 % of the recording
// thread of the d = 6 run).
double power_of_two(int k) {
  if (k < -1022 || k > 1023) return std::ldexp(1.0, k);
  const std::uint64_t bits = static_cast<std::uint64_t>(k + 1023) << 52;
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

}  // namespace

const Eigen::VectorXd& hermitian_eigenvalues(const Eigen::Ref<const Eigen::MatrixXcd>& a) {
  thread_local Eigen::MatrixXcd hermitian;
  thread_local Eigen::Tridiagonalization<Eigen::MatrixXcd> tridiagonal;
  thread_local Eigen::VectorXd eigenvalues, off_diagonal;
  const Eigen::Index n = a.rows();
  hermitian = (a + a.adjoint()) / 2.0;
  if (n <= 1) {
    eigenvalues = hermitian.diagonal().real();
    return eigenvalues;
  }
  // Scaled by a power of two (exactly) to a largest real or imaginary part in [0.5, 1): the QL rotations square the
  // entries. (Not the largest modulus: std::abs of a complex number calls hypot, 36 times a tenth of a 6 x 6 solve.)
  const double largest = std::max(hermitian.real().cwiseAbs().maxCoeff(), hermitian.imag().cwiseAbs().maxCoeff());
  int exponent = 0;
  if (largest > 0 && std::isfinite(largest)) std::frexp(largest, &exponent);
  hermitian *= power_of_two(-exponent);
  // Householder reduction to a real tridiagonal matrix, then the implicit QL method.
  eigenvalues.resize(n);
  off_diagonal.resize(n);
  if (n <= small_dimension) {
    tridiagonalize_small(hermitian, eigenvalues, off_diagonal);  // overwrites hermitian
  } else {
    tridiagonal.compute(hermitian);
    eigenvalues = tridiagonal.diagonal();
    off_diagonal.head(n - 1) = tridiagonal.subDiagonal();
  }
  if (!tridiagonal_eigenvalues(eigenvalues, off_diagonal)) {  // not converged (non-finite entries): Eigen's solver
    thread_local Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver;
    hermitian = (a + a.adjoint()) / 2.0 * power_of_two(-exponent);
    solver.compute(hermitian, Eigen::EigenvaluesOnly);
    eigenvalues = solver.eigenvalues();
  }
  eigenvalues *= power_of_two(exponent);
  return eigenvalues;
}

}  // namespace nessie
