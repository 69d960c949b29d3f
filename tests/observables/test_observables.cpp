#include "../support/systems.hpp"

#include <nessie/observables/ergotropy.hpp>

#include <catch2/catch.hpp>
#include <cmath>

using namespace nessie;
using namespace nessie::testing;

TEST_CASE("ergotropy: zero for passive states, E_excited - E_0 for a pure excited state", "[observables]") {
  Eigen::VectorXd energies(3);
  energies << -1.0, 0.5, 2.0;
  Eigen::VectorXd passive(3);
  passive << 0.6, 0.3, 0.1;
  CHECK(ergotropy(passive.dot(energies), passive, energies) == Approx(0).margin(1e-15));
  Eigen::VectorXd inverted(3);
  inverted << 0.1, 0.3, 0.6;  // populations inverted: swap gives 0.6 E_0 + 0.3 E_1 + 0.1 E_2
  CHECK(ergotropy(inverted.dot(energies), inverted, energies) ==
        Approx(inverted.dot(energies) - passive.dot(energies)));
  const auto system = paper_ring();
  const int d = system->dimension();
  Eigen::MatrixXcd top = Eigen::MatrixXcd::Zero(d, d);
  top(d - 1, d - 1) = 1.0;
  const Observables o = system->observables().measure(top);
  const Eigen::VectorXd& e = system->eigenbasis().energies();
  CHECK(o.ergotropy == Approx(e(d - 1) - e(0)).epsilon(1e-13));
  CHECK(o.purity == Approx(1.0));
  CHECK(o.von_neumann_entropy == Approx(0).margin(1e-12));
}

TEST_CASE("the maximally mixed state: entropy ln d, purity 1/d, energy Tr H / d, no ergotropy", "[observables]") {
  const auto system = paper_ring(2.0, std::nullopt);
  const int d = system->dimension();
  const Observables o = system->observables().measure(Eigen::MatrixXcd::Identity(d, d) / static_cast<double>(d));
  CHECK(o.von_neumann_entropy == Approx(std::log(d)));
  CHECK(o.purity == Approx(1.0 / d));
  CHECK(o.energy == Approx(system->eigenbasis().energies().mean()).margin(1e-14));
  CHECK(o.ergotropy == Approx(0).margin(1e-14));
  CHECK(o.min_eigenvalue == Approx(1.0 / d));
}

TEST_CASE("local currents are basis independent: eigenbasis and product basis agree", "[observables]") {
  // <j> computed by the observable set (product basis) equals Tr(V^T j V rho) computed here in the eigenbasis.
  const auto system = paper_ring(1.7);
  const int d = system->dimension();
  const Eigen::MatrixXcd rho = random_density_matrix(d, 5);
  const Observables o = system->observables().measure(rho);
  for (int l = 1; l <= 4; ++l) {
    const Eigen::MatrixXcd j = system->ring().hopping() * Eigen::MatrixXcd(system->terms().spin_current(l));
    const Eigen::MatrixXcd j_eigen = system->eigenbasis().to_eigenbasis(j);
    CHECK(o.spin_currents[static_cast<std::size_t>(l - 1)] == Approx((j_eigen * rho).trace().real()).margin(1e-14));
  }
}

TEST_CASE("the currents' operators in the eigenbasis give the currents of measure()", "[observables]") {
  // Two routes to the same numbers: measure() takes rho to the product basis and sums the sparse pieces; the
  // CurrentOperators are those pieces turned into the eigenbasis once. Random states, one sector and all sectors.
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const CurrentOperators currents = system->observables().current_operators();
    CHECK(currents.sites() == 5);
    for (unsigned seed : {1u, 2u, 3u}) {
      const Eigen::MatrixXcd rho = random_density_matrix(system->dimension(), seed);
      const Observables product = system->observables().measure(rho);
      Observables eigen;
      system->observables().measure(rho, currents, eigen);
      INFO("d = " << system->dimension() << ", seed " << seed);
      REQUIRE(eigen.local_heat_currents.size() == 5);
      REQUIRE(eigen.spin_currents.size() == 5);
      for (std::size_t l = 0; l < 5; ++l) {
        CHECK(std::abs(eigen.local_heat_currents[l] - product.local_heat_currents[l]) < 1e-13);
        CHECK(std::abs(eigen.spin_currents[l] - product.spin_currents[l]) < 1e-13);
      }
      CHECK(eigen.ergotropy == product.ergotropy);  // the rest is the same code
      CHECK(eigen.bath_heat_currents == product.bath_heat_currents);
    }
  }
}
