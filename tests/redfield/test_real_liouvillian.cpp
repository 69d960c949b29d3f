#include "../support/systems.hpp"

#include <nessie/redfield/hermitian_coordinates.hpp>
#include <nessie/redfield/liouvillian.hpp>
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

TEST_CASE("the real Liouvillian equals the Kronecker-assembled one on Hermitian matrices", "[redfield]") {
  for (std::optional<int> up : {std::optional<int>(1), std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const RedfieldGenerator& g = system->generator();
    const int d = system->dimension();
    const Eigen::MatrixXcd l = assemble_liouvillian(g);  // an independent construction (liouvillian.hpp)
    std::vector<int> all(static_cast<std::size_t>(d));
    std::iota(all.begin(), all.end(), 0);
    const Eigen::MatrixXd eigen_basis = assemble_hermitian_liouvillian(g, all);
    const RealLiouvillian product(g);
    const HermitianCoordinates& c = product.coordinates();
    for (unsigned seed : {1u, 2u, 3u}) {
      const Eigen::MatrixXcd rho = random_hermitian(d, seed);
      const Eigen::VectorXcd expected = l * vec(rho);
      Eigen::VectorXd dx = eigen_basis * c.pack(rho);
      INFO("d = " << d << " seed " << seed);
      CHECK((vec(c.unpack(dx)) - expected).norm() < 1e-12 * expected.norm());
      // Product basis: A_product = (basis change) A (basis change back).
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
      const Eigen::MatrixXd a = assemble_hermitian_liouvillian(g, levels);
      REQUIRE(a.rows() == n * n);
      const HermitianCoordinates c(n);
      for (unsigned seed : {5u, 6u}) {
        const Eigen::MatrixXcd rho = random_hermitian(n, seed);
        const Eigen::VectorXcd expected = l * vec(rho);
        INFO("K = " << k << " n = " << n << " seed " << seed);
        CHECK((vec(c.unpack(a * c.pack(rho))) - expected).norm() <= 1e-12 * expected.norm());
      }
    }
  }
}
