#include "../support/systems.hpp"

#include <nessie/redfield/hermitian_coordinates.hpp>
#include <nessie/redfield/liouvillian.hpp>
#include <nessie/redfield/real_form.hpp>
#include <nessie/redfield/real_liouvillian.hpp>

#include <catch2/catch.hpp>
#include <numeric>

using namespace nessie;
using namespace nessie::testing;

TEST_CASE("Hermitian coordinates: d^2 real numbers that give back the matrix", "[redfield]") {
  for (int d : {1, 2, 5}) {
    const HermitianCoordinates c(d);
    const Eigen::MatrixXcd rho = random_hermitian(d, 3);
    const Eigen::VectorXd x = c.pack(rho);
    REQUIRE(x.size() == d * d);
    CHECK((c.unpack(x) - rho).norm() == 0.0);
    CHECK(x.head(d).sum() == Approx(rho.trace().real()));  // the diagonal comes first
    for (int k = 0; k < d; ++k)
      for (int m = 0; m <= k; ++m) {
        CHECK(x(c.position(m, k)) == rho(m, k).real());
        if (m < k) CHECK(x(c.position(m, k) + 1) == rho(m, k).imag());
      }
    // Linear: pack(a rho + b sigma) = a pack(rho) + b pack(sigma) for real a, b.
    const Eigen::MatrixXcd sigma = random_hermitian(d, 4);
    CHECK((c.pack(2.0 * rho - 0.5 * sigma) - (2.0 * x - 0.5 * c.pack(sigma))).norm() < 1e-14);
  }
  CHECK_THROWS(HermitianCoordinates(0));
}

TEST_CASE("the real form Y = Re rho + Im rho: n^2 real numbers that give back the matrix", "[redfield]") {
  for (int d : {1, 2, 5}) {
    const Eigen::MatrixXcd rho = random_hermitian(d, 7);
    const Eigen::MatrixXd y = real_form(rho);
    REQUIRE(y.rows() == d);
    REQUIRE(y.cols() == d);
    CHECK((from_real_form(y) - rho).norm() < 1e-15);
    CHECK(y.trace() == Approx(rho.trace().real()));
    CHECK(y.norm() == Approx(rho.norm()));  // the symmetric and antisymmetric parts are orthogonal
    for (int k = 0; k < d; ++k)
      for (int m = 0; m < d; ++m) CHECK(y(m, k) == Approx(rho(m, k).real() + rho(m, k).imag()).margin(1e-15));
  }
  // Only the Hermitian part is represented: a non-Hermitian matrix comes back as its Hermitian part.
  const Eigen::MatrixXcd a = Eigen::MatrixXcd::Random(3, 3);
  CHECK((from_real_form(real_form(a)) - (a + a.adjoint()) / 2.0).norm() < 1e-15);
}

TEST_CASE("the real Liouvillian equals the Kronecker-assembled one on Hermitian matrices", "[redfield]") {
  for (std::optional<int> up : {std::optional<int>(1), std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const RedfieldGenerator& g = system->generator();
    const int d = system->dimension();
    const Eigen::MatrixXcd l = assemble_liouvillian(g);  // an independent construction (liouvillian.hpp)
    std::vector<int> all(static_cast<std::size_t>(d));
    std::iota(all.begin(), all.end(), 0);
    const Eigen::MatrixXd eigen_basis = assemble_real_form_liouvillian(g, all);
    const RealLiouvillian product(g);
    const HermitianCoordinates& c = product.coordinates();
    for (unsigned seed : {1u, 2u, 3u}) {
      const Eigen::MatrixXcd rho = random_hermitian(d, seed);
      const Eigen::VectorXcd expected = l * vec(rho);
      const Eigen::MatrixXd y = real_form(rho);
      const Eigen::VectorXd dy = eigen_basis * Eigen::Map<const Eigen::VectorXd>(y.data(), y.size());
      INFO("d = " << d << " seed " << seed);
      CHECK((vec(from_real_form(Eigen::Map<const Eigen::MatrixXd>(dy.data(), d, d))) - expected).norm() <
            1e-12 * expected.norm());
      // Product basis: A_product = (basis change) A (basis change back).
      Eigen::VectorXd dx(d * d);
      product.apply(c.pack(g.to_product_basis(rho)), dx);
      CHECK((vec(g.to_eigenbasis(c.unpack(dx))) - expected).norm() < 1e-12 * expected.norm());
    }
  }
}

TEST_CASE("the real Liouvillian of each sector block equals the Kronecker-assembled block", "[redfield]") {
  // Sector blocks of the full space (levels scattered through the energy order) and the sector basis itself.
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const RedfieldGenerator& g = system->generator();
    for (int k = 0; k <= 5; ++k) {
      const std::vector<int> levels = system->eigenbasis().levels_in_sector(k);
      const int n = static_cast<int>(levels.size());
      if (n == 0) continue;
      const Eigen::MatrixXcd l = assemble_liouvillian(g, levels);
      const Eigen::MatrixXd a = assemble_real_form_liouvillian(g, levels);
      REQUIRE(a.rows() == n * n);
      // n = 5 takes the fixed-size blocks, 1 and 10 the general ones. The same columns in the order of vec(Y^T):
      const Eigen::MatrixXd a_transposed = assemble_real_form_liouvillian(g, levels, RealFormUnknowns::transposed);
      for (int q = 0; q < n; ++q)
        for (int p = 0; p < n; ++p) CHECK(a_transposed.col(q + p * n) == a.col(p + q * n));
      for (unsigned seed : {5u, 6u}) {
        const Eigen::MatrixXcd rho = random_hermitian(n, seed);
        const Eigen::VectorXcd expected = l * vec(rho);
        const Eigen::MatrixXd y = real_form(rho);
        const Eigen::VectorXd dy = a * Eigen::Map<const Eigen::VectorXd>(y.data(), y.size());
        INFO("K = " << k << " n = " << n << " seed " << seed);
        // (relative to the rates' scale too: a one-level block maps everything to zero up to rounding)
        const double scale = expected.norm() + g.coupling_transition(0).norm() * rho.norm();
        CHECK((vec(from_real_form(Eigen::Map<const Eigen::MatrixXd>(dy.data(), n, n))) - expected).norm() <=
              1e-12 * scale);
      }
    }
  }
}
