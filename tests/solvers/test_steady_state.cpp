#include "../support/systems.hpp"

#include <nessie/solvers/spectral_gap.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <nessie/dynamics/initial_state.hpp>
#include <nessie/redfield/liouvillian.hpp>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

using namespace nessie;
using namespace nessie::testing;

namespace {

SteadyState solve(const OpenSystem& system) {
  const int d = system.dimension();
  const Eigen::MatrixXcd mixed = Eigen::MatrixXcd::Identity(d, d) / static_cast<double>(d);
  return solve_steady_state(system.eigenbasis(), system.generator(), sector_weights(system.eigenbasis(), mixed));
}

Observables ness_observables(const OpenSystem& system) { return system.observables().measure(solve(system).rho); }

}  // namespace

TEST_CASE("equal temperatures: the steady state is the Gibbs state", "[solvers]") {
  for (double t : {0.5, 1.0, 3.0}) {
    const auto system = paper_ring(1.3, 2, t, t, 0.02);
    const SteadyState steady = solve(*system);
    const Eigen::VectorXd& e = system->eigenbasis().energies();
    Eigen::VectorXd gibbs = (-(e.array() - e(0)) / t).exp();
    gibbs /= gibbs.sum();
    const Eigen::MatrixXcd expected = gibbs.cast<Complex>().asDiagonal();
    CHECK((steady.rho - expected).cwiseAbs().maxCoeff() < 1e-12);
    CHECK(steady.residual < 1e-14);
  }
}

TEST_CASE("steady state of the paper's ring: currents balance and flow as the paper says", "[solvers]") {
  for (double delta : {0.0, 1.0, 2.19, 3.5}) {
    const auto system = paper_ring(delta);
    const Observables o = ness_observables(*system);
    const double j_left = o.bath_heat_currents[0], j_right = o.bath_heat_currents[1];
    INFO("Delta = " << delta);
    CHECK(j_left > 0);  // heat flows in from the hot bath
    CHECK(j_left + j_right == Approx(0).margin(1e-14));
    // j_L = j_2 - j_4 (paper Sec. IV)
    CHECK(j_left == Approx(o.local_heat_currents[1] - o.local_heat_currents[3]).margin(1e-13));
    for (double js : o.spin_currents) CHECK(js == Approx(o.spin_currents[0]).margin(1e-14));
    CHECK(o.trace_error < 1e-13);
    CHECK(o.min_eigenvalue > 0);  // positive at the paper's weak coupling
  }
}

TEST_CASE("K = 3: total heat and spin current do not depend on Delta, j_2 and j_4 are linear in it", "[solvers]") {
  std::vector<Observables> o;
  const std::vector<double> deltas = {0.0, 1.0, 2.0, 3.0};
  for (double delta : deltas) o.push_back(ness_observables(*paper_ring(delta, 3)));
  for (std::size_t i = 1; i < o.size(); ++i) {
    CHECK(o[i].bath_heat_currents[0] == Approx(o[0].bath_heat_currents[0]).epsilon(1e-10));
    CHECK(o[i].spin_currents[0] == Approx(o[0].spin_currents[0]).epsilon(1e-10).margin(1e-16));
  }
  for (int site : {1, 3}) {  // j_2, j_4: equal second differences vanish
    const double slope = o[1].local_heat_currents[site] - o[0].local_heat_currents[site];
    CHECK(std::abs(slope) > 1e-6);
    for (std::size_t i = 2; i < o.size(); ++i)
      CHECK(o[i].local_heat_currents[site] - o[i - 1].local_heat_currents[site] == Approx(slope).epsilon(1e-9));
  }
}

TEST_CASE("K = 2: j_L has its minimum at Delta = 2.19 and the spin current changes sign near it", "[solvers][paper]") {
  double best_delta = 0, best_current = 1e300;
  double sign_change = -1;
  double previous_spin = 0;
  for (int i = 0; i <= 60; ++i) {
    const double delta = 1.90 + 0.01 * i;
    const Observables o = ness_observables(*paper_ring(delta));
    if (o.bath_heat_currents[0] < best_current) {
      best_current = o.bath_heat_currents[0];
      best_delta = delta;
    }
    if (i > 0 && previous_spin > 0 && o.spin_currents[0] <= 0) sign_change = delta;
    previous_spin = o.spin_currents[0];
  }
  CHECK(best_delta == Approx(2.19).margin(0.01 + 1e-9));
  CHECK(sign_change >= 2.15);
  CHECK(sign_change <= 2.25);
}

TEST_CASE("a sector's steady state is the matching block of the full-space solve", "[solvers]") {
  const Ring ring(4, 1.0, 2.0, {{2, 2.0}, {3, 1.0}});
  const std::vector<Bath> baths = {Bath(1, 2.0, 0.01, 10.0), Bath(3, 1.0, 0.01, 10.0)};
  const OpenSystem full(ring, std::nullopt, baths);
  const int d = full.dimension();
  for (int k = 0; k <= 4; ++k) {
    const OpenSystem sector(ring, k, baths);
    // Start the full space inside sector k: the uniform mixture of that sector's levels.
    Eigen::MatrixXcd rho0 = Eigen::MatrixXcd::Zero(d, d);
    const std::vector<int> levels = full.eigenbasis().levels_in_sector(k);
    for (int m : levels) rho0(m, m) = 1.0 / static_cast<double>(levels.size());
    const SteadyState full_steady =
        solve_steady_state(full.eigenbasis(), full.generator(), sector_weights(full.eigenbasis(), rho0));
    // Compare in the product basis, where both bases are fixed.
    const Eigen::MatrixXcd full_product = full.eigenbasis().to_product_basis(full_steady.rho);
    const Eigen::MatrixXcd sector_product = sector.eigenbasis().to_product_basis(solve(sector).rho);
    for (int i = 0; i < sector.dimension(); ++i)
      for (int j = 0; j < sector.dimension(); ++j) {
        const int fi = full.basis().index_of(sector.basis().state(i));
        const int fj = full.basis().index_of(sector.basis().state(j));
        CHECK(std::abs(full_product(fi, fj) - sector_product(i, j)) < 1e-12);
      }
    CHECK(std::abs(full_product.trace() - 1.0) < 1e-12);
  }
}

TEST_CASE("the full-space steady state keeps the sector weights of the initial state", "[solvers]") {
  const auto full = paper_ring(2.0, std::nullopt);
  const int d = full->dimension();
  const Eigen::MatrixXcd rho0 = random_density_matrix(d, 11);
  const auto weights = sector_weights(full->eigenbasis(), rho0);
  const SteadyState steady = solve_steady_state(full->eigenbasis(), full->generator(), weights);
  const auto final_weights = sector_weights(full->eigenbasis(), steady.rho);
  for (const auto& [k, w] : weights) CHECK(final_weights.at(k) == Approx(w).epsilon(1e-12));
  CHECK(steady.residual < 1e-13);
}

TEST_CASE("the spectral gap is the slowest rate, about 0.03 in the paper's K = 2 setup", "[solvers]") {
  const auto system = paper_ring();
  const auto gap = spectral_gap(system->eigenbasis(), system->generator());
  REQUIRE(gap);
  CHECK(gap->rate > 0.01);
  CHECK(gap->rate < 0.06);
  // The full space has 5 stationary states and its gap is at most the K = 2 sector's.
  const auto full = paper_ring(2.0, std::nullopt);
  const auto full_gap = spectral_gap(full->eigenbasis(), full->generator());
  REQUIRE(full_gap);
  CHECK(full_gap->rate <= gap->rate + 1e-12);
  CHECK(full_gap->blocks == 25);
}

TEST_CASE("the block-wise spectral gap equals the one of the whole assembled Liouvillian", "[solvers]") {
  // Full space of the paper's ring with a field on every site (d = 16): eigenvalues of the complex 256 x 256 matrix
  // in one piece, against the blocks (real Hermitian-coordinate matrices on the diagonal sector blocks, mirrored
  // off-diagonal blocks counted twice).
  const OpenSystem system(Ring(4, 1.0, 1.4, {{1, 0.4}, {2, 2.0}, {3, 1.0}, {4, -0.7}}), std::nullopt,
                          {Bath(1, 2.0, 0.02, 10.0), Bath(3, 1.0, 0.02, 10.0)});
  const auto blocks = spectral_gap(system.eigenbasis(), system.generator());
  REQUIRE(blocks);
  const Eigen::VectorXcd lambda =
      Eigen::ComplexEigenSolver<Eigen::MatrixXcd>(assemble_liouvillian(system.generator()), false).eigenvalues();
  std::vector<Complex> sorted(lambda.data(), lambda.data() + lambda.size());
  std::sort(sorted.begin(), sorted.end(), [](Complex a, Complex b) { return std::abs(a) < std::abs(b); });
  double rate = 1e300;
  int undamped = 0;
  for (std::size_t i = 5; i < sorted.size(); ++i) {  // one stationary state per sector K = 0..4
    if (std::abs(sorted[i].real()) < 1e-9 * std::abs(sorted[i])) ++undamped;
    else rate = std::min(rate, std::abs(sorted[i].real()));
  }
  CHECK(blocks->rate == Approx(rate).epsilon(1e-9));
  CHECK(blocks->undamped_modes == undamped);
  CHECK(blocks->blocks == 25);
}

TEST_CASE("a NESS that is not unique is the state the initial state relaxes to", "[solvers]") {
  // Fields on sites 2 and 4 equal, baths on 1 and 3: the reflection through sites 1 and 3 is a symmetry, so more than
  // the trace is conserved and L has several stationary states in the sector. Reference: exp(L t) rho0 at long times.
  const OpenSystem system(Ring(4, 1.0, 2.0, {{2, 1.0}, {4, 1.0}}), 2, {Bath(1, 2.0, 0.05, 10.0), Bath(3, 1.0, 0.05, 10.0)});
  const Eigen::MatrixXcd l = assemble_liouvillian(system.generator());
  const int d = system.dimension();
  std::vector<Eigen::MatrixXcd> states;
  for (const std::string initial : {"udud", "uudd", "duud"}) {
    const Eigen::MatrixXcd rho0 = initial_density_matrix(system, {InitialState::Kind::product, 0, initial, {}});
    const SteadyState steady = steady_state_reached_from(system.eigenbasis(), system.generator(), rho0);
    INFO(initial);
    CHECK(steady.null_space_dimension > 1);
    CHECK(steady.residual < 1e-13);
    CHECK(steady.trace_error < 1e-13);
    for (double t : {4000.0, 4100.0}) {  // the long-time state, which no longer changes
      const Eigen::VectorXcd v = (l * t).exp() * Eigen::Map<const Eigen::VectorXcd>(rho0.data(), rho0.size());
      const Eigen::MatrixXcd late = Eigen::Map<const Eigen::MatrixXcd>(v.data(), d, d);
      CHECK((late - steady.rho).norm() < 1e-9);
    }
    CHECK(Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd>(steady.rho).eigenvalues().minCoeff() > -1e-12);
    states.push_back(steady.rho);
  }
  CHECK((states[0] - states[1]).norm() > 1e-3);  // different initial states, different stationary states
  // The paper's setup is unique: the trace-row solve, null space of dimension 1.
  const auto paper = paper_ring();
  CHECK(solve_steady_state(paper->eigenbasis(), paper->generator(), {{2, 1.0}}).null_space_dimension == 1);
}
