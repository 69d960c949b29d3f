#include <nessie/util/hermitian_eigenvalues.hpp>

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

using namespace nessie;
using Complex = std::complex<double>;

namespace {

Eigen::MatrixXcd random_matrix(Eigen::Index n, std::mt19937_64& random) {
  std::normal_distribution<double> normal;
  Eigen::MatrixXcd m(n, n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i) m(i, j) = Complex(normal(random), normal(random));
  return m;
}

// A random unitary: the Q of a QR factorisation of a complex Gaussian matrix.
Eigen::MatrixXcd random_unitary(Eigen::Index n, std::mt19937_64& random) {
  return Eigen::HouseholderQR<Eigen::MatrixXcd>(random_matrix(n, random)).householderQ() *
         Eigen::MatrixXcd::Identity(n, n);
}

}  // namespace

TEST_CASE("hermitian_eigenvalues: prescribed spectra, degenerate ones included, in any unitary basis", "[util]") {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  for (Eigen::Index n : {1, 2, 3, 5, 6, 10, 20, 35}) {
    for (int degeneracy : {1, 2, 3}) {  // each eigenvalue repeated this many times (as far as n allows)
      Eigen::VectorXd spectrum(n);
      for (Eigen::Index k = 0; k < n; ++k) spectrum(k) = k % degeneracy == 0 ? uniform(random) : spectrum(k - 1);
      const Eigen::MatrixXcd u = random_unitary(n, random);
      const Eigen::MatrixXcd a = u * spectrum.cast<Complex>().asDiagonal() * u.adjoint();
      std::sort(spectrum.data(), spectrum.data() + n);
      const Eigen::VectorXd& found = hermitian_eigenvalues(a);
      INFO("n = " << n << ", degeneracy " << degeneracy);
      REQUIRE(found.size() == n);
      CHECK((found - spectrum).cwiseAbs().maxCoeff() < 1e-14 * std::max<double>(1, static_cast<double>(n)));
    }
  }
}

TEST_CASE("hermitian_eigenvalues takes the Hermitian part of its argument", "[util]") {
  std::mt19937_64 random(2026);
  const Eigen::MatrixXcd u = random_unitary(6, random);
  const Eigen::VectorXd spectrum = (Eigen::VectorXd(6) << -0.5, -0.1, 0.0, 0.2, 0.2, 0.9).finished();
  const Eigen::MatrixXcd hermitian = u * spectrum.cast<Complex>().asDiagonal() * u.adjoint();
  const Eigen::MatrixXcd m = random_matrix(6, random);
  const Eigen::MatrixXcd a = hermitian + (m - m.adjoint());  // plus an anti-Hermitian part
  CHECK((hermitian_eigenvalues(a) - spectrum).cwiseAbs().maxCoeff() < 1e-14);
}
