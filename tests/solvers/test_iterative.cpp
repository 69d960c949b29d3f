#include "../support/systems.hpp"

#include <nessie/errors.hpp>

#include <nessie/solvers/iterative_steady_state.hpp>
#include <nessie/solvers/spectral_gap.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <catch2/catch.hpp>

using namespace nessie;
using namespace nessie::testing;

namespace {
std::unique_ptr<OpenSystem> ring_of(int sites, std::optional<int> up) {
  return std::make_unique<OpenSystem>(Ring(sites, 0.9, 1.7, {{2, 2.0}, {3, 1.0}, {sites, -0.6}}), up,
                                      std::vector<Bath>{Bath(1, 2.0, 0.02, 10.0), Bath(3, 0.8, 0.01, 8.0)});
}
std::map<int, double> mixed_weights(const OpenSystem& s) {
  const int d = s.dimension();
  return sector_weights(s.eigenbasis(), Eigen::MatrixXcd::Identity(d, d) / static_cast<double>(d));
}
}  // namespace

TEST_CASE("iterative and dense steady states agree to 1e-10", "[solvers][iterative]") {
  for (auto [sites, up] : {std::pair{4, std::optional<int>(2)}, std::pair{6, std::optional<int>(3)},
                           std::pair{7, std::optional<int>(3)}, std::pair{5, std::optional<int>()}}) {
    const auto system = ring_of(sites, up);
    const auto weights = mixed_weights(*system);
    const SteadyState dense = solve_steady_state(system->eigenbasis(), system->generator(), weights);
    const SteadyState iterative = solve_steady_state_iterative(system->eigenbasis(), system->generator(), weights);
    INFO("N = " << sites << ", dimension " << system->dimension());
    CHECK((dense.rho - iterative.rho).cwiseAbs().maxCoeff() < 1e-10);
    CHECK(iterative.residual < 1e-10 * iterative.rho.norm());
    CHECK(iterative.method == "iterative");
    CHECK(iterative.iterations > 0);
  }
}

TEST_CASE("the iterative solve on N = 10 satisfies the invariants of the small cases", "[solvers][iterative]") {
  const OpenSystem system(Ring(10, 1.0, 2.0, {{2, 2.0}, {3, 1.0}}), 5, {Bath(1, 2.0, 0.01, 10.0), Bath(3, 1.0, 0.01, 10.0)});
  const auto weights = mixed_weights(system);
  const SteadyState steady = find_steady_state(system.eigenbasis(), system.generator(), weights,
                                               SteadyStateSolver::automatic);
  CHECK(steady.method == "iterative");  // d = 252 is above the automatic dense limit
  CHECK(steady.residual < 1e-10 * steady.rho.norm());
  const Observables o = system.observables().measure(steady.rho);
  CHECK(o.trace_error < 1e-12);
  CHECK(o.bath_heat_currents[0] + o.bath_heat_currents[1] == Approx(0).margin(1e-14));
  CHECK(o.bath_heat_currents[0] > 0);
  for (double js : o.spin_currents) CHECK(js == Approx(o.spin_currents[0]).margin(1e-14));
  CHECK(o.min_eigenvalue > 0);
}

TEST_CASE("Arnoldi finds the dense spectral gap", "[solvers][iterative]") {
  for (auto [sites, up] : {std::pair{4, 2}, std::pair{5, 2}, std::pair{6, 3}}) {
    const auto system = ring_of(sites, up);
    const auto dense = spectral_gap(system->eigenbasis(), system->generator(), 100000);
    const auto arnoldi = spectral_gap_arnoldi(system->eigenbasis(), system->generator());
    REQUIRE(dense);
    REQUIRE(arnoldi);
    INFO("N = " << sites);
    CHECK(arnoldi->rate == Approx(dense->rate).epsilon(1e-8));
    CHECK(std::abs(arnoldi->frequency) == Approx(std::abs(dense->frequency)).margin(1e-8));
    CHECK(arnoldi->method == "arnoldi");
  }
}

TEST_CASE("the automatic solver choice and bad solver names", "[solvers]") {
  const auto small = paper_ring();
  CHECK(find_steady_state(small->eigenbasis(), small->generator(), {{2, 1.0}}, SteadyStateSolver::automatic).method ==
        "dense");
  CHECK_THROWS_AS(steady_state_solver_from_name("lu"), InputError);
  CHECK(steady_state_solver_from_name("iterative") == SteadyStateSolver::iterative);
}
