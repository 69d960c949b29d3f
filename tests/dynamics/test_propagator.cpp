#include "../support/systems.hpp"

#include <nessie/dynamics/initial_state.hpp>
#include <nessie/dynamics/odeint_eigen.hpp>
#include <nessie/dynamics/propagator.hpp>
#include <nessie/dynamics/redfield_system.hpp>
#include <nessie/dynamics/run_sample.hpp>
#include <nessie/dynamics/time_grid.hpp>
#include <nessie/errors.hpp>
#include <nessie/redfield/liouvillian.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <catch2/catch.hpp>
#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

using namespace nessie;
using namespace nessie::testing;

namespace {

// Keeps every output sample.
class Recorder : public OutputObserver {
 public:
  bool observe(double t, const Eigen::MatrixXcd& rho) override {
    times.push_back(t);
    states.push_back(rho);
    return false;
  }
  std::vector<double> times;
  std::vector<Eigen::MatrixXcd> states;
};

// A qubit H = (w/2) sz coupled through sx to one bath: the simplest open system with population decay.
struct Qubit {
  double w = 1.3;
  Eigenbasis eigenbasis{Eigen::Vector2d(-1.3 / 2, 1.3 / 2).asDiagonal().toDenseMatrix()};
  RedfieldGenerator generator{eigenbasis, {Bath(1, 0.8, 0.05, 10.0)}, {sigma_x()}};
  static SparseOperator sigma_x() {
    SparseOperator sx(2, 2);
    sx.insert(0, 1) = 1.0;
    sx.insert(1, 0) = 1.0;
    return sx;
  }
};

Eigen::MatrixXcd exact_state(const RedfieldGenerator& generator, const Eigen::MatrixXcd& rho0, double t) {
  const Eigen::MatrixXcd l = assemble_liouvillian(generator);
  const Eigen::MatrixXcd propagator = (l * t).exp();
  const Eigen::VectorXcd v = propagator * Eigen::Map<const Eigen::VectorXcd>(rho0.data(), rho0.size());
  return Eigen::Map<const Eigen::MatrixXcd>(v.data(), rho0.rows(), rho0.cols());
}

}  // namespace

TEST_CASE("two-level system with one bath: populations decay exponentially at the Golden-rule rate", "[dynamics]") {
  // dp_e/dt = -G_down p_e + G_up p_g with G_down = 2 G(w), G_up = 2 G(-w) (|<g|sx|e>| = 1); populations do not couple to
  // coherences for sx coupling, so p_e(t) = p_inf + (p_e(0) - p_inf) exp(-(G_down + G_up) t).
  const Qubit q;
  const Bath& bath = q.generator.baths()[0];
  const double down = 2 * bath.rate(q.w), up = 2 * bath.rate(-q.w);
  const double p_inf = up / (up + down);
  Eigen::MatrixXcd rho = Eigen::MatrixXcd::Zero(2, 2);
  rho(1, 1) = 1.0;  // excited
  Recorder recorder;
  Propagator(q.generator, {}).propagate(rho, uniform_times(40.0, 2.0), recorder);
  for (std::size_t k = 0; k < recorder.times.size(); ++k) {
    const double expected = p_inf + (1 - p_inf) * std::exp(-(down + up) * recorder.times[k]);
    CHECK(recorder.states[k](1, 1).real() == Approx(expected).margin(1e-8));
  }
}

TEST_CASE("pure dephasing: without hopping a coherence decays at 4 gamma T and rotates at the Bohr frequency",
          "[dynamics]") {
  // J = 0: product states are eigenstates and S = sz_1 is diagonal, so St = G(0) S and
  // D[rho]_mn = 2 G(0) (s_m s_n - 1) rho_mn: rate 4 gamma T between states with opposite spin on site 1.
  const OpenSystem system(Ring(3, 0.0, 0.0, {{1, 0.7}, {2, -0.2}}), 1, {Bath(1, 1.5, 0.02, 10.0)});
  const int a = system.basis().index_of(0b001), b = system.basis().index_of(0b010);
  Eigen::MatrixXcd rho0 = Eigen::MatrixXcd::Zero(3, 3);
  rho0(a, a) = rho0(b, b) = rho0(a, b) = rho0(b, a) = 0.5;
  const Eigen::MatrixXcd rho_eigen = system.eigenbasis().to_eigenbasis(rho0);
  Eigen::MatrixXcd rho = rho_eigen;
  Recorder recorder;
  Propagator(system.generator(), {}).propagate(rho, uniform_times(20.0, 1.0), recorder);
  const double bohr = 2 * 0.7 - 2 * (-0.2);  // E(u d d) - E(d u d) = (h1 - h2) - (h2 - h1)
  for (std::size_t k = 0; k < recorder.times.size(); ++k) {
    const double t = recorder.times[k];
    const Eigen::MatrixXcd product = system.eigenbasis().to_product_basis(recorder.states[k]);
    const Complex expected = 0.5 * std::exp(Complex(-4 * 0.02 * 1.5 * t, -bohr * t));
    CHECK(std::abs(product(a, b) - expected) < 1e-8);
  }
}

TEST_CASE("each stepper converges at its order with a fixed step", "[dynamics][odeint]") {
  // Fixed steps only here, to measure the order: error(h) / error(h/2) ~ 2^p. Reference: the matrix exponential.
  const auto system = paper_ring(2.0, 2, 2.0, 1.0, 0.05);
  const RedfieldGenerator& generator = system->generator();
  const int d = system->dimension();
  const Eigen::MatrixXcd rho0 = initial_density_matrix(*system, {InitialState::Kind::product, 0, "udud", {}});
  const double t_end = 1.0;
  const Eigen::MatrixXcd exact = exact_state(generator, rho0, t_end);
  namespace odeint = boost::numeric::odeint;
  using Algebra = odeint::vector_space_algebra;
  auto error_with = [&](auto stepper, int steps) {
    RedfieldSystem rhs(generator);
    const Eigen::MatrixXcd start = generator.to_product_basis(rho0);
    OdeState x = Eigen::Map<const OdeState>(start.data(), start.size());
    odeint::integrate_n_steps(stepper, std::ref(rhs), x, 0.0, t_end / steps, steps);
    return (generator.to_eigenbasis(Eigen::Map<const Eigen::MatrixXcd>(x.data(), d, d)) - exact).norm();
  };
  auto order = [&](auto stepper, int steps) {
    return std::log2(error_with(stepper, steps) / error_with(stepper, 2 * steps));
  };
  CHECK(order(odeint::runge_kutta_dopri5<OdeState, double, OdeState, double, Algebra>(), 80) ==
        Approx(5.0).margin(0.3));
  CHECK(order(odeint::runge_kutta_cash_karp54<OdeState, double, OdeState, double, Algebra>(), 80) ==
        Approx(5.0).margin(0.3));
  CHECK(order(odeint::runge_kutta_fehlberg78<OdeState, double, OdeState, double, Algebra>(), 20) ==
        Approx(8.0).margin(0.5));
}

TEST_CASE("every adaptive stepper meets its tolerance, and a tighter tolerance gives a smaller error", "[dynamics]") {
  const auto system = paper_ring(2.0, 2, 2.0, 1.0, 0.05);
  const Eigen::MatrixXcd rho0 = initial_density_matrix(*system, {InitialState::Kind::product, 0, "uudd", {}});
  const std::vector<double> times = uniform_times(10.0, 1.0);
  const Eigen::MatrixXcd exact = exact_state(system->generator(), rho0, 10.0);
  for (RightHandSide rhs : {RightHandSide::dense, RightHandSide::matrix_free})
  for (StepperKind kind : {StepperKind::dopri5, StepperKind::cash_karp54, StepperKind::fehlberg78,
                           StepperKind::bulirsch_stoer}) {
    double previous = 1e300;
    for (double tolerance : {1e-6, 1e-8, 1e-10}) {
      IntegrationSettings settings;
      settings.right_hand_side = rhs;
      settings.stepper = kind;
      settings.absolute_tolerance = settings.relative_tolerance = tolerance;
      Eigen::MatrixXcd rho = rho0;
      Recorder recorder;
      const SolverStatistics stats = Propagator(system->generator(), settings).propagate(rho, times, recorder);
      const double error = (rho - exact).norm();
      INFO(stepper_name(kind) << " (" << right_hand_side_name(rhs) << ") tolerance " << tolerance << " error " << error);
      CHECK(stats.right_hand_side == rhs);
      CHECK(error < 1000 * tolerance);
      CHECK(error < previous);
      CHECK(stats.accepted_steps > 0);
      CHECK(recorder.times == times);  // output times hit exactly
      previous = error;
    }
  }
}

TEST_CASE("long runs from several initial states end at the direct NESS; equal temperatures end at Gibbs",
          "[dynamics]") {
  for (auto [t_right, initial] : {std::pair{1.0, std::string("udud")}, std::pair{1.0, std::string("ground")},
                                  std::pair{1.0, std::string("mixed")}, std::pair{2.0, std::string("uudd")}}) {
    const auto system = paper_ring(2.0, 2, 2.0, t_right, 0.05);
    InitialState spec;
    if (initial == "ground") spec.kind = InitialState::Kind::ground;
    else if (initial == "mixed") spec.kind = InitialState::Kind::mixed;
    else spec = {InitialState::Kind::product, 0, initial, {}};
    Eigen::MatrixXcd rho = initial_density_matrix(*system, spec);
    const SteadyState steady = solve_steady_state(system->eigenbasis(), system->generator(),
                                                  sector_weights(system->eigenbasis(), rho));
    IntegrationSettings settings;
    settings.absolute_tolerance = 1e-12;
    settings.relative_tolerance = 1e-10;
    Recorder recorder;
    Propagator(system->generator(), settings).propagate(rho, uniform_times(200.0, 50.0), recorder);
    INFO(initial << " T_R = " << t_right);
    CHECK(trace_distance(rho, steady.rho) < 1e-7);
    for (const Eigen::MatrixXcd& state : recorder.states) CHECK(std::abs(state.trace() - 1.0) < 1e-10);
    if (t_right == 2.0) {
      const Eigen::VectorXd& e = system->eigenbasis().energies();
      Eigen::VectorXd gibbs = (-(e.array() - e(0)) / 2.0).exp();
      gibbs /= gibbs.sum();
      CHECK(trace_distance(rho, gibbs.cast<Complex>().asDiagonal().toDenseMatrix()) < 1e-7);
    }
  }
}

TEST_CASE("the dense and the matrix-free right-hand sides take the same steps to the same states", "[dynamics]") {
  // One sector (d = 6) and all sectors (d = 16, where most of the dense matrix is zero), 40 units of time.
  for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
    const auto system = paper_ring(1.3, up, 2.0, 1.0, 0.05);
    const Eigen::MatrixXcd rho0 =
        initial_density_matrix(*system, {InitialState::Kind::product, 0, up ? "udud" : "uddd", {}});
    const std::vector<double> times = uniform_times(40.0, 4.0);
    Recorder dense_states, free_states;
    IntegrationSettings settings;
    settings.right_hand_side = RightHandSide::dense;
    Eigen::MatrixXcd rho_dense = rho0, rho_free = rho0;
    const SolverStatistics dense = Propagator(system->generator(), settings).propagate(rho_dense, times, dense_states);
    settings.right_hand_side = RightHandSide::matrix_free;
    const SolverStatistics free = Propagator(system->generator(), settings).propagate(rho_free, times, free_states);
    INFO("d = " << system->dimension());
    CHECK(dense.right_hand_side == RightHandSide::dense);
    CHECK(free.right_hand_side == RightHandSide::matrix_free);
    // The error measure treats each complex entry alike on both routes, so the controller takes the same steps
    // (up to the rounding of the two right-hand sides, which may flip a rare borderline decision).
    CHECK(std::abs(dense.accepted_steps - free.accepted_steps) <= 2);
    CHECK(std::abs(dense.rhs_evaluations - free.rhs_evaluations) <= 12);
    REQUIRE(dense_states.states.size() == free_states.states.size());
    for (std::size_t k = 0; k < times.size(); ++k)
      CHECK((dense_states.states[k] - free_states.states[k]).norm() < 1e-11);
    CHECK((rho_dense - exact_state(system->generator(), rho0, 40.0)).norm() < 1e-7);
  }
  CHECK(resolve_right_hand_side(RightHandSide::automatic, dense_rhs_max_dimension) == RightHandSide::dense);
  CHECK(resolve_right_hand_side(RightHandSide::automatic, dense_rhs_max_dimension + 1) == RightHandSide::matrix_free);
  CHECK(right_hand_side_from_name("matrix-free") == RightHandSide::matrix_free);
  CHECK_THROWS_AS(right_hand_side_from_name("sparse"), InputError);
}

TEST_CASE("a stepper that cannot progress stops with a numerical error", "[dynamics][errors]") {
  const auto system = paper_ring();
  IntegrationSettings settings;
  settings.max_steps = 10;
  Eigen::MatrixXcd rho = initial_density_matrix(*system, {InitialState::Kind::product, 0, "udud", {}});
  Recorder recorder;
  CHECK_THROWS_AS(Propagator(system->generator(), settings).propagate(rho, uniform_times(100.0, 1.0), recorder),
                  NumericalError);
  CHECK_THROWS_AS(stepper_from_name("euler"), InputError);
}

TEST_CASE("output time grids", "[dynamics]") {
  CHECK(uniform_times(1.0, 0.25) == std::vector<double>{0, 0.25, 0.5, 0.75, 1.0});
  CHECK(uniform_times(1.0, 0.3).back() == 1.0);
  const std::vector<double> log = log_times(100.0, 5, 0.01);
  REQUIRE(log.size() == 6);
  CHECK(log[0] == 0.0);
  CHECK(log[1] == Approx(0.01));
  CHECK(log[3] == Approx(1.0));
  CHECK(log[5] == 100.0);
  CHECK_THROWS_AS(uniform_times(-1, 0.1), InputError);
  CHECK_THROWS_AS(uniform_times(1, 0), InputError);
  CHECK_THROWS_AS(log_times(1, 1, 0.01), InputError);
  CHECK_THROWS_AS(log_times(1, 5, 2.0), InputError);
}
