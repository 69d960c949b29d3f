#include "../support/systems.hpp"

#include <nessie/dynamics/derivative_norm.hpp>
#include <nessie/dynamics/propagator.hpp>
#include <nessie/dynamics/run_sample.hpp>

#include <catch2/catch.hpp>
#include <cmath>

using namespace nessie;
using namespace nessie::testing;

TEST_CASE("||d rho/dt||_F on the dense route and the matrix-free one equals ||L rho||_F", "[dynamics]") {
  // d = 6 (dense: the dissipator's matrix and -i omega_mn rho_mn) and d = 32 (beyond dense_rhs_max_dimension: the
  // generator's products), against the whole generator applied here.
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const int d = system->dimension();
    DerivativeNorm derivative_norm(system->generator());
    for (unsigned seed : {4u, 5u}) {
      const Eigen::MatrixXcd rho = random_density_matrix(d, seed);
      const double expected = system->generator()(rho).norm();
      INFO("d = " << d << ", seed " << seed);
      CHECK((d > dense_rhs_max_dimension) == !up.has_value());
      CHECK(std::abs(derivative_norm(rho) - expected) < 1e-13 * expected);
    }
  }
}

TEST_CASE("a run's sample: the observables of measure(), the trace distance, ||L rho||_F", "[dynamics]") {
  const auto system = paper_ring(1.7);
  const int d = system->dimension();
  const Eigen::MatrixXcd ness = random_density_matrix(d, 8), rho = random_density_matrix(d, 9);
  SampleMeasurer measurer(*system, ness);
  const RunSample sample = measurer.measure(2.5, rho);
  const Observables expected = system->observables().measure(rho);
  CHECK(sample.time == 2.5);
  CHECK(sample.observables.energy == expected.energy);
  CHECK(sample.observables.ergotropy == expected.ergotropy);
  CHECK(sample.observables.spin_currents == expected.spin_currents);
  CHECK(sample.observables.local_heat_currents == expected.local_heat_currents);
  // The trace distance from the eigenvalues of the difference, computed here with Eigen's solver.
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> difference(rho - ness, Eigen::EigenvaluesOnly);
  CHECK(std::abs(sample.distance_to_ness - difference.eigenvalues().cwiseAbs().sum() / 2) < 1e-14);
  CHECK(std::abs(sample.derivative_norm - system->generator()(rho).norm()) < 1e-13 * sample.derivative_norm);
  CHECK(measurer.measure(3.0, rho, 0.125).distance_to_ness == 0.125);  // given, not computed
}
