#include <nessie/util/hermitian_eigenvalues.hpp>
#include <nessie/util/tridiagonal_eigenvalues.hpp>

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

TEST_CASE("tridiagonal_eigenvalues: the discrete Laplacian's eigenvalues 2 - 2 cos(k pi / (n + 1))", "[util]") {
  for (Eigen::Index n : {1, 2, 3, 6, 20, 70}) {
    Eigen::VectorXd d = Eigen::VectorXd::Constant(n, 2.0), e = Eigen::VectorXd::Constant(n, -1.0);
    REQUIRE(tridiagonal_eigenvalues(d, e));
    for (Eigen::Index k = 1; k <= n; ++k) {
      INFO("n = " << n << ", k = " << k);
      CHECK(std::abs(d(k - 1) - (2.0 - 2.0 * std::cos(k * M_PI / static_cast<double>(n + 1)))) < 1e-14);
    }
  }
}

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

TEST_CASE("hermitian_eigenvalues agrees with Eigen's solver on random, block-diagonal and scaled matrices", "[util]") {
  std::mt19937_64 random(2026);
  for (Eigen::Index n = 1; n <= 30; ++n) {
    Eigen::MatrixXcd a = random_matrix(n, random);  // not Hermitian: its Hermitian part is meant
    if (n % 3 == 0) a.topRightCorner(n / 3, n - n / 3).setZero(), a.bottomLeftCorner(n - n / 3, n / 3).setZero();
    if (n == 4) a = a.diagonal().asDiagonal();  // already diagonal
    for (double scale : {1.0, 1e-200, 1e150}) {
      const Eigen::MatrixXcd scaled = scale * a;
      const Eigen::MatrixXcd hermitian = (scaled + scaled.adjoint()) / 2.0;
      const Eigen::VectorXd reference =
          Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd>(hermitian, Eigen::EigenvaluesOnly).eigenvalues();
      const Eigen::VectorXd& found = hermitian_eigenvalues(scaled);
      INFO("n = " << n << ", scale " << scale);
      REQUIRE(found.size() == n);
      CHECK((found - reference).cwiseAbs().maxCoeff() <= 1e-13 * reference.cwiseAbs().maxCoeff());
    }
  }
}

TEST_CASE("hermitian_eigenvalues of a matrix with a NaN returns NaN instead of hanging", "[util]") {
  Eigen::MatrixXcd a = Eigen::MatrixXcd::Identity(5, 5);
  a(1, 3) = Complex(std::nan(""), 0.0);
  CHECK(hermitian_eigenvalues(a).hasNaN());
}
