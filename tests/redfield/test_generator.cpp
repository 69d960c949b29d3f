#include "../support/systems.hpp"

#include <nessie/redfield/liouvillian.hpp>

#include <catch2/catch.hpp>

using namespace nessie;
using namespace nessie::testing;

TEST_CASE("the generator preserves trace and Hermiticity", "[redfield]") {
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>(3), std::optional<int>()}) {
    const auto system = random_system(up);
    const int d = system->dimension();
    const Eigen::MatrixXcd rho = random_hermitian(d, 7);
    Eigen::MatrixXcd drho(d, d);
    system->generator().apply(rho, drho);
    CHECK(std::abs(drho.trace()) < 1e-13 * drho.norm());
    CHECK((drho - drho.adjoint()).norm() < 1e-13 * drho.norm());
    // Trace is preserved for non-Hermitian arguments too.
    const Eigen::MatrixXcd general = Eigen::MatrixXcd::Random(d, d);
    system->generator().apply(general, drho);
    CHECK(std::abs(drho.trace()) < 1e-13 * drho.norm());
  }
}

TEST_CASE("the matrix-free action equals the assembled Liouvillian", "[redfield]") {
  // d = 5 (one up spin: the Hermitian forms in fixed-size products), 10 and 32 (general products).
  for (std::optional<int> up : {std::optional<int>(1), std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const int d = system->dimension();
    const Eigen::MatrixXcd l = assemble_liouvillian(system->generator());
    for (unsigned seed : {1u, 2u}) {
      const Eigen::MatrixXcd general = Eigen::MatrixXcd::Random(d, d);  // not Hermitian
      Eigen::MatrixXcd drho(d, d);
      system->generator().apply(general, drho);
      CHECK((vec(drho) - l * vec(general)).norm() < 1e-12 * drho.norm());
      const Eigen::MatrixXcd rho = random_hermitian(d, seed);
      Eigen::MatrixXcd fast(d, d);
      system->generator().apply_hermitian(rho, fast);
      CHECK((vec(fast) - l * vec(rho)).norm() < 1e-12 * fast.norm());
      // The dissipator alone (the interaction frame's right-hand side) plus -i [H, rho] in the eigenbasis.
      Eigen::MatrixXcd dissipated(d, d);
      system->generator().apply_dissipator_hermitian(rho, dissipated);
      const Eigen::VectorXd& e = system->generator().energies();
      for (int n = 0; n < d; ++n)
        for (int m = 0; m < d; ++m) dissipated(m, n) += Complex(0, -(e(m) - e(n))) * rho(m, n);
      CHECK((vec(dissipated) - l * vec(rho)).norm() < 1e-12 * fast.norm());
    }
  }
}

TEST_CASE("the product-basis fast path equals the eigenbasis generator", "[redfield]") {
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const RedfieldGenerator& g = system->generator();
    const int d = system->dimension();
    const Eigen::MatrixXcd rho = random_hermitian(d, 9);
    Eigen::MatrixXcd fast(d, d);
    g.apply_product_hermitian(g.to_product_basis(rho), fast);
    const Eigen::MatrixXcd expected = g(rho);
    CHECK((g.to_eigenbasis(fast) - expected).norm() < 1e-12 * expected.norm());
  }
}

TEST_CASE("the product-basis fast path with a sparse H (beyond its dense size) equals the eigenbasis generator",
          "[redfield]") {
  // 11 sites, 4 up: d = 330 > RedfieldGenerator::dense_hamiltonian_max_dimension, so H acts as a sparse matrix.
  const OpenSystem system(Ring(11, 0.8, 1.7, {{1, 0.3}, {2, -1.2}, {7, 0.9}}), 4,
                          std::vector<Bath>{Bath(1, 2.5, 0.03, 7.0), Bath(5, 0.7, 0.01, 12.0)});
  const RedfieldGenerator& g = system.generator();
  const int d = system.dimension();
  REQUIRE(d > RedfieldGenerator::dense_hamiltonian_max_dimension);
  const Eigen::MatrixXcd rho = random_hermitian(d, 4);
  Eigen::MatrixXcd fast(d, d);
  g.apply_product_hermitian(g.to_product_basis(rho), fast);
  const Eigen::MatrixXcd expected = g(rho);
  CHECK((g.to_eigenbasis(fast) - expected).norm() < 1e-12 * expected.norm());
}

TEST_CASE("bath dissipators add up to the dissipative part of the generator", "[redfield]") {
  const auto system = random_system(2);
  const int d = system->dimension();
  const Eigen::MatrixXcd rho = random_hermitian(d, 3);
  Eigen::MatrixXcd drho(d, d);
  system->generator().apply(rho, drho);
  Eigen::MatrixXcd sum = Eigen::MatrixXcd::Zero(d, d);
  for (int b = 0; b < system->generator().bath_count(); ++b) sum += system->generator().dissipator(b, rho);
  const Eigen::VectorXd& e = system->eigenbasis().energies();
  for (int m = 0; m < d; ++m)
    for (int n = 0; n < d; ++n) sum(m, n) += Complex(0, -(e(m) - e(n))) * rho(m, n);
  CHECK((sum - drho).norm() < 1e-13 * drho.norm());
}

TEST_CASE("the heat current from each bath is Tr(H D_b[rho])", "[redfield]") {
  // heat_current takes the O(d^2) route 2 Re Tr(rho K_b); here the trace of H D_b[rho] with the bath's dissipator.
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
    const auto system = random_system(up);
    const RedfieldGenerator& g = system->generator();
    const Eigen::VectorXd& e = system->eigenbasis().energies();
    for (unsigned seed : {7u, 8u}) {
      const Eigen::MatrixXcd rho = random_hermitian(system->dimension(), seed);
      for (int b = 0; b < g.bath_count(); ++b) {
        const Complex expected = (e.asDiagonal() * g.dissipator(b, rho)).trace();
        CHECK(std::abs(expected.imag()) < 1e-13);
        CHECK(g.heat_current(b, rho) == Approx(expected.real()).epsilon(1e-12).margin(1e-15));
      }
    }
  }
}

TEST_CASE("a two-level system decays at the Golden-rule rate", "[redfield]") {
  // Ring of 3 with one up spin and strong field differences is not a qubit; use K = 1 on a ring where a single bath
  // at site 1 couples levels: the population equations of the Redfield generator are the Pauli rate equations with
  // rates W(n <- m) = 2 |<n|S|m>|^2 G(E_m - E_n) (the Golden rule for this G, physics.md).
  const OpenSystem system(Ring(3, 0.6, 0.0, {{1, 1.0}, {2, -0.4}}), 1, {Bath(1, 0.9, 0.02, 10.0)});
  const int d = system.dimension();
  const Eigen::MatrixXd& s = system.generator().coupling(0);
  const Eigen::VectorXd& e = system.eigenbasis().energies();
  for (int m = 0; m < d; ++m) {
    Eigen::MatrixXcd rho = Eigen::MatrixXcd::Zero(d, d);
    rho(m, m) = 1.0;
    Eigen::MatrixXcd drho(d, d);
    system.generator().apply(rho, drho);
    for (int n = 0; n < d; ++n) {
      if (n == m) continue;
      const double golden_rule = 2 * s(n, m) * s(n, m) * system.baths()[0].rate(e(m) - e(n));
      CHECK(drho(n, n).real() == Approx(golden_rule).epsilon(1e-12).margin(1e-15));
    }
  }
}
