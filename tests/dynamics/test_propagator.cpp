#include "../support/systems.hpp"

#include <nessie/dynamics/initial_state.hpp>
#include <nessie/dynamics/interaction_frame.hpp>
#include <nessie/dynamics/odeint_eigen.hpp>
#include <nessie/dynamics/propagator.hpp>
#include <nessie/dynamics/redfield_system.hpp>
#include <nessie/dynamics/run_sample.hpp>
#include <nessie/dynamics/time_grid.hpp>
#include <nessie/errors.hpp>
#include <nessie/redfield/liouvillian.hpp>
#include <nessie/redfield/real_liouvillian.hpp>
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
  static Eigen::MatrixXd sigma_x() {  // in the eigenbasis, which is the product basis here
    Eigen::MatrixXd sx(2, 2);
    sx << 0.0, 1.0, 1.0, 0.0;
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
  const Eigen::MatrixXcd ness =
      solve_steady_state(system->eigenbasis(), system->generator(), sector_weights(system->eigenbasis(), rho0)).rho;
  for (Frame frame : {Frame::interaction, Frame::lab})
    for (RightHandSide rhs : {RightHandSide::dense, RightHandSide::matrix_free})
      for (StepperKind kind :
           {StepperKind::dopri5, StepperKind::cash_karp54, StepperKind::fehlberg78, StepperKind::bulirsch_stoer}) {
        double previous = 1e300;
        for (double tolerance : {1e-6, 1e-8, 1e-10}) {
          IntegrationSettings settings;
          settings.frame = frame;
          settings.right_hand_side = rhs;
          settings.stepper = kind;
          settings.absolute_tolerance = settings.relative_tolerance = tolerance;
          Eigen::MatrixXcd rho = rho0;
          Recorder recorder;
          const SolverStatistics stats =
              Propagator(system->generator(), settings, ness).propagate(rho, times, recorder);
          const double error = (rho - exact).norm();
          INFO(stepper_name(kind) << " (" << right_hand_side_name(rhs) << ", " << frame_name(frame)
                                  << " frame) tolerance " << tolerance << " error " << error);
          CHECK(stats.right_hand_side == rhs);
          CHECK(stats.frame == frame);
          CHECK(error < 1000 * tolerance);
          CHECK(error < previous);
          CHECK(stats.accepted_steps > 0);
          CHECK(recorder.times == times);  // output times hit exactly
          previous = error;
        }
      }
}

TEST_CASE("at the default tolerances every stepper follows the exact propagation to 1e-7, fehlberg78 included",
          "[dynamics]") {
  // A case drawn by scripts/reference/compare_run.py (seed 21, case 5) where fehlberg78's own error estimate let the
  // error reach 1e-6: N = 3 in all sectors (d = 8), a bath on every site, from udu.
  const OpenSystem system(Ring(3, 1.2007939349624417, 0.2891563897527858,
                               {{1, 0.5611056586658649}, {2, 0.40242879340170257}, {3, 1.652235428071521}}),
                          std::nullopt,
                          {Bath(1, 2.797501469859426, 0.00632330828535307, 19.770958579451978),
                           Bath(2, 2.4319999081814467, 0.00632330828535307, 19.770958579451978),
                           Bath(3, 2.299595776349077, 0.00632330828535307, 19.770958579451978)});
  const Eigen::MatrixXcd rho0 = initial_density_matrix(system, {InitialState::Kind::product, 0, "udu", {}});
  const Eigen::MatrixXcd ness =
      solve_steady_state(system.eigenbasis(), system.generator(), sector_weights(system.eigenbasis(), rho0)).rho;
  const std::vector<double> times = log_times(52.48, 21, 0.3817);
  std::vector<Eigen::MatrixXcd> exact;
  for (double t : times) exact.push_back(exact_state(system.generator(), rho0, t));
  for (Frame frame : {Frame::interaction, Frame::lab})
    for (StepperKind kind :
         {StepperKind::dopri5, StepperKind::cash_karp54, StepperKind::fehlberg78, StepperKind::bulirsch_stoer}) {
      IntegrationSettings settings;  // atol 1e-10, rtol 1e-8
      settings.stepper = kind;
      settings.frame = frame;
      Eigen::MatrixXcd rho = rho0;
      Recorder recorder;
      Propagator(system.generator(), settings, ness).propagate(rho, times, recorder);
      REQUIRE(recorder.states.size() == times.size());
      double error = 0;
      for (std::size_t k = 0; k < times.size(); ++k)
        error = std::max(error, trace_distance(recorder.states[k], exact[k]));
      INFO(stepper_name(kind) << " (" << frame_name(frame) << " frame): largest trace distance " << error);
      CHECK(error < 1e-7);
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
    Propagator(system->generator(), settings, steady.rho).propagate(rho, uniform_times(200.0, 50.0), recorder);
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
  // One sector (d = 6) and all sectors (d = 16, where most of the dense matrix is zero), 40 units of time, in each
  // frame (the interaction frame's reference: the NESS reached from rho0).
  for (Frame frame : {Frame::interaction, Frame::lab})
    for (std::optional<int> up : {std::optional<int>(2), std::optional<int>()}) {
      const auto system = paper_ring(1.3, up, 2.0, 1.0, 0.05);
      const Eigen::MatrixXcd rho0 =
          initial_density_matrix(*system, {InitialState::Kind::product, 0, up ? "udud" : "uddd", {}});
      const Eigen::MatrixXcd ness =
          solve_steady_state(system->eigenbasis(), system->generator(), sector_weights(system->eigenbasis(), rho0)).rho;
      const std::vector<double> times = uniform_times(40.0, 4.0);
      Recorder dense_states, free_states;
      IntegrationSettings settings;
      settings.frame = frame;
      settings.right_hand_side = RightHandSide::dense;
      Eigen::MatrixXcd rho_dense = rho0, rho_free = rho0;
      const SolverStatistics dense =
          Propagator(system->generator(), settings, ness).propagate(rho_dense, times, dense_states);
      settings.right_hand_side = RightHandSide::matrix_free;
      const SolverStatistics free =
          Propagator(system->generator(), settings, ness).propagate(rho_free, times, free_states);
      INFO("d = " << system->dimension() << ", " << frame_name(frame) << " frame");
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

TEST_CASE("the interaction frame's right-hand sides are d sigma/dt of the lab-frame equation", "[dynamics]") {
  // sigma = Phi_t^-1(rho - rho_ref) with Phi_t(X)_mn = exp(-i (E_m - E_n) t) X_mn, so for rho = rho_ref + Phi_t(sigma)
  // d sigma/dt = Phi_t^-1(L[rho]) + i (E_m - E_n) sigma_mn, with L the whole generator (coherent part included).
  // rho_ref is not steady here, so its term L[rho_ref] is tested too; phases from std::exp.
  const auto system = paper_ring(1.3, 2, 2.0, 1.0, 0.05);
  const RedfieldGenerator& generator = system->generator();
  const int d = system->dimension();
  const Eigen::VectorXd& e = generator.energies();
  Eigen::MatrixXcd reference = Eigen::MatrixXcd::Random(d, d);
  reference = (reference * reference.adjoint()).eval();
  reference /= reference.trace();
  Eigen::MatrixXcd sigma = Eigen::MatrixXcd::Random(d, d);
  sigma = (sigma + sigma.adjoint()).eval();
  InteractionFrame frame(generator, reference);
  const RealLiouvillian dissipator = RealLiouvillian::dissipator_in_eigenbasis(generator);
  InteractionRedfieldSystem matrix_free(generator, frame);
  DenseInteractionRedfieldSystem dense(dissipator, frame);
  for (double t : {0.0, 0.37, 41.5, 812.25}) {
    Eigen::MatrixXcd phase(d, d);
    for (int n = 0; n < d; ++n)
      for (int m = 0; m < d; ++m) phase(m, n) = std::exp(Complex(0, -(e(m) - e(n)) * t));
    const Eigen::MatrixXcd rho = reference + phase.cwiseProduct(sigma);
    Eigen::MatrixXcd expected = phase.conjugate().cwiseProduct(generator(rho));
    for (int n = 0; n < d; ++n)
      for (int m = 0; m < d; ++m) expected(m, n) += Complex(0, e(m) - e(n)) * sigma(m, n);
    INFO("t = " << t);
    OdeState x = Eigen::Map<const OdeState>(sigma.data(), sigma.size()), dx;
    matrix_free(x, dx, t);
    CHECK((Eigen::Map<const Eigen::MatrixXcd>(dx.data(), d, d) - expected).norm() < 1e-12 * expected.norm());
    DenseOdeState y = dissipator.coordinates().pack(sigma), dy;
    dense(y, dy, t);
    CHECK((dissipator.coordinates().unpack(dy) - expected).norm() < 1e-12 * expected.norm());
    CHECK(dense.split());  // real operators and rates: the dissipator's matrix is two blocks
    Eigen::MatrixXcd lab_of_dense;
    dense.to_lab(y, t, lab_of_dense);  // with the phases of the right-hand side just evaluated at t
    CHECK((lab_of_dense - rho).norm() < 1e-15 * (1 + t * e.cwiseAbs().maxCoeff()) * sigma.norm());
    Eigen::MatrixXcd later_phase(d, d);
    for (int n = 0; n < d; ++n)
      for (int m = 0; m < d; ++m) later_phase(m, n) = std::exp(Complex(0, -(e(m) - e(n)) * (t + 1.0)));
    dense.to_lab(y, t + 1.0, lab_of_dense);  // at another time: phases of its own
    CHECK((lab_of_dense - reference - later_phase.cwiseProduct(sigma)).norm() <
          1e-15 * (1 + (t + 1.0) * e.cwiseAbs().maxCoeff()) * sigma.norm());
    // The frame's own conversions are inverse to each other and match these phases (to the rounding of the angles
    // E_m t, ~1e-16 E t).
    const double phase_rounding = 1e-15 * (1 + t * e.cwiseAbs().maxCoeff()) * sigma.norm();
    Eigen::MatrixXcd lab(d, d), back(d, d);
    frame.to_lab(sigma, t, lab);
    CHECK((lab - rho).norm() < phase_rounding);
    frame.from_lab(lab, t, back);
    CHECK((back - sigma).norm() < 1e-14 * sigma.norm());
  }
  CHECK(frame_from_name("lab") == Frame::lab);
  CHECK(frame_name(frame_from_name("interaction")) == "interaction");
  CHECK_THROWS_AS(frame_from_name("rotating"), InputError);
}

TEST_CASE("a dense interaction-frame system whose matrix couples real and imaginary parts uses the whole matrix",
          "[dynamics]") {
  // The lab-frame Liouvillian on product-basis coordinates has -i [H, .], which maps Re rho onto Im rho: given it in
  // place of the dissipator, the system must not split it, and must still compute Phi_t^-1(A Phi_t(sigma) + L[rho_ref])
  // for that matrix A (not a physical equation; the test is of the arithmetic of the unsplit branch).
  const auto system = paper_ring(1.3, 2, 2.0, 1.0, 0.05);
  const RedfieldGenerator& generator = system->generator();
  const int d = system->dimension();
  const Eigen::VectorXd& e = generator.energies();
  const Eigen::MatrixXcd reference = random_density_matrix(d, 17);
  const Eigen::MatrixXcd sigma = random_hermitian(d, 18) - Eigen::MatrixXcd::Identity(d, d) / d;
  InteractionFrame frame(generator, reference);
  const RealLiouvillian coupled(generator);
  DenseInteractionRedfieldSystem system_of_coupled(coupled, frame);
  CHECK_FALSE(system_of_coupled.split());
  const HermitianCoordinates& coordinates = coupled.coordinates();
  for (double t : {0.0, 2.75, 300.5}) {
    Eigen::MatrixXcd phase(d, d);
    for (int n = 0; n < d; ++n)
      for (int m = 0; m < d; ++m) phase(m, n) = std::exp(Complex(0, -(e(m) - e(n)) * t));
    Eigen::VectorXd image(coordinates.size());
    coupled.apply(coordinates.pack(phase.cwiseProduct(sigma)), image);
    const Eigen::MatrixXcd expected =
        phase.conjugate().cwiseProduct(coordinates.unpack(image) + frame.reference_derivative());
    DenseOdeState y = coordinates.pack(sigma), dy;
    system_of_coupled(y, dy, t);
    INFO("t = " << t);
    CHECK((coordinates.unpack(dy) - expected).norm() < 1e-12 * expected.norm());
  }
}

TEST_CASE("the interaction frame ends at the generator's steady state whatever its reference", "[dynamics]") {
  // With the maximally mixed state as the reference (not steady) or none (zero), the run still ends at the direct
  // NESS: the frame keeps L[rho_ref] and only changes variables.
  const auto system = paper_ring(2.0, 2, 2.0, 1.0, 0.05);
  const int d = system->dimension();
  const Eigen::MatrixXcd rho0 = initial_density_matrix(*system, {InitialState::Kind::product, 0, "udud", {}});
  const SteadyState steady =
      solve_steady_state(system->eigenbasis(), system->generator(), sector_weights(system->eigenbasis(), rho0));
  const Eigen::MatrixXcd mixed = Eigen::MatrixXcd::Identity(d, d) / d;
  REQUIRE(trace_distance(mixed, steady.rho) > 0.01);
  for (const Eigen::MatrixXcd& reference : {mixed, Eigen::MatrixXcd()}) {
    for (RightHandSide rhs : {RightHandSide::dense, RightHandSide::matrix_free}) {
      IntegrationSettings settings;
      settings.right_hand_side = rhs;
      Eigen::MatrixXcd rho = rho0;
      Recorder recorder;
      Propagator(system->generator(), settings, reference).propagate(rho, uniform_times(400.0, 100.0), recorder);
      INFO(right_hand_side_name(rhs) << (reference.size() ? ", mixed reference" : ", zero reference"));
      CHECK(trace_distance(rho, steady.rho) < 1e-7);
      CHECK((rho - exact_state(system->generator(), rho0, 400.0)).norm() < 1e-7);
    }
  }
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
