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

TEST_CASE("the currents of measure(): shared eigenbasis operators and the product-basis route", "[observables]") {
  // Up to CurrentOperators::max_dimension measure() takes the currents from the ring's shared operators in the
  // eigenbasis (built once: ClosedSystem::current_operators); beyond, from rho taken to the product basis and the
  // sparse pieces. Both against Re Tr(O rho) with O = V^T (sum of the pieces) V formed densely here. Random states:
  // d = 10 (one sector), 32 (all sectors), 70 (N = 8, K = 4: above the limit).
  std::vector<std::unique_ptr<OpenSystem>> systems;
  systems.push_back(random_system(2));
  systems.push_back(random_system(std::nullopt));
  systems.push_back(std::make_unique<OpenSystem>(
      Ring(8, 1.0, 1.5, {{2, 0.5}}), 4, std::vector<Bath>{Bath(1, 2.0, 0.01, 10.0), Bath(5, 1.0, 0.01, 10.0)}));
  for (const auto& system : systems) {
    const int d = system->dimension(), sites = system->ring().sites();
    CHECK((system->closed().current_operators() != nullptr) == (d <= CurrentOperators::max_dimension));
    const Eigen::MatrixXd& v = system->eigenbasis().vectors();
    for (unsigned seed : {1u, 2u}) {
      const Eigen::MatrixXcd rho = random_density_matrix(d, seed);
      const Observables o = system->observables().measure(rho);
      Observables reused;
      system->observables().measure(rho, reused);
      system->observables().measure(rho, reused);  // storage reused: same numbers, not appended
      INFO("d = " << d << ", seed " << seed);
      REQUIRE(o.local_heat_currents.size() == static_cast<std::size_t>(sites));
      REQUIRE(o.spin_currents.size() == static_cast<std::size_t>(sites));
      CHECK(reused.local_heat_currents == o.local_heat_currents);
      CHECK(reused.spin_currents == o.spin_currents);
      for (int l = 1; l <= sites; ++l) {
        Eigen::MatrixXcd heat = Eigen::MatrixXcd::Zero(d, d);
        system->terms().for_each_heat_current_piece(
            system->ring(), l, [&](double c, const SparseOperator& op) { heat += c * Eigen::MatrixXcd(op); });
        const Eigen::MatrixXcd spin = system->ring().hopping() * Eigen::MatrixXcd(system->terms().spin_current(l));
        const double expected_heat = (v.transpose() * heat * v * rho).trace().real();
        const double expected_spin = (v.transpose() * spin * v * rho).trace().real();
        const std::size_t i = static_cast<std::size_t>(l - 1);
        CHECK(std::abs(o.local_heat_currents[i] - expected_heat) < 1e-13);
        CHECK(std::abs(o.spin_currents[i] - expected_spin) < 1e-13);
      }
    }
  }
}
