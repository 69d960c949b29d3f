#include <nessie/dynamics/propagator.hpp>

#include <nessie/dynamics/error_checkers.hpp>
#include <nessie/dynamics/odeint_eigen.hpp>
#include <nessie/dynamics/redfield_system.hpp>
#include <nessie/errors.hpp>
#include <nessie/util/number_text.hpp>

#include <chrono>
#include <cmath>
#include <limits>

namespace nessie {

namespace odeint = boost::numeric::odeint;

namespace {

// A route is one way of writing the state for odeint: initial(rho, t0) makes the state from rho (eigenbasis) at the
// first time, eigenbasis(x, t) gives rho back, step_view(x, t) gives rho in whatever basis is cheapest (for the
// positivity check after each step), system() is the odeint system.

// Lab frame, matrix-free right-hand side: rho column-stacked in the product basis.
class ProductBasisRoute {
 public:
  using State = OdeState;
  explicit ProductBasisRoute(const RedfieldGenerator& generator) : generator_(generator), system_(generator) {}
  State initial(const Eigen::MatrixXcd& rho_eigenbasis, double /*t*/) const {
    const Eigen::MatrixXcd rho = generator_.to_product_basis(rho_eigenbasis);
    return Eigen::Map<const State>(rho.data(), rho.size());
  }
  Eigen::MatrixXcd eigenbasis(const State& x, double /*t*/) const { return generator_.to_eigenbasis(as_matrix(x)); }
  Eigen::Map<const Eigen::MatrixXcd> step_view(const State& x, double /*t*/) { return as_matrix(x); }
  static double deviation_bound(const State& /*x*/) { return std::numeric_limits<double>::infinity(); }
  RedfieldSystem& system() { return system_; }
  static constexpr RightHandSide kind = RightHandSide::matrix_free;
  static constexpr Frame frame = Frame::lab;

 private:
  Eigen::Map<const Eigen::MatrixXcd> as_matrix(const State& x) const {
    return Eigen::Map<const Eigen::MatrixXcd>(x.data(), generator_.dimension(), generator_.dimension());
  }
  const RedfieldGenerator& generator_;
  RedfieldSystem system_;
};

// Lab frame, dense right-hand side: the Hermitian coordinates of rho in the product basis (the basis also sets what
// the error control measures; in the product basis it takes the same steps as the matrix-free route).
class DenseRoute {
 public:
  using State = DenseOdeState;
  explicit DenseRoute(const RedfieldGenerator& generator)
      : generator_(generator), liouvillian_(generator), system_(liouvillian_),
        view_(generator.dimension(), generator.dimension()) {}
  State initial(const Eigen::MatrixXcd& rho_eigenbasis, double /*t*/) const {
    return liouvillian_.coordinates().pack(generator_.to_product_basis(rho_eigenbasis));
  }
  Eigen::MatrixXcd eigenbasis(const State& x, double /*t*/) const {
    return generator_.to_eigenbasis(liouvillian_.coordinates().unpack(x));
  }
  const Eigen::MatrixXcd& step_view(const State& x, double /*t*/) {
    liouvillian_.coordinates().unpack(x, view_);
    return view_;
  }
  static double deviation_bound(const State& /*x*/) { return std::numeric_limits<double>::infinity(); }
  DenseRedfieldSystem& system() { return system_; }
  static constexpr RightHandSide kind = RightHandSide::dense;
  static constexpr Frame frame = Frame::lab;

 private:
  const RedfieldGenerator& generator_;
  RealLiouvillian liouvillian_;
  DenseRedfieldSystem system_;
  Eigen::MatrixXcd view_;
};

// Interaction frame, matrix-free right-hand side: sigma column-stacked in the eigenbasis.
class InteractionRoute {
 public:
  using State = OdeState;
  InteractionRoute(const RedfieldGenerator& generator, const Eigen::MatrixXcd& reference)
      : d_(generator.dimension()), frame_(generator, reference), system_(generator, frame_), view_(d_, d_) {}
  State initial(const Eigen::MatrixXcd& rho_eigenbasis, double t) {
    State x(static_cast<Eigen::Index>(d_) * d_);
    frame_.from_lab(rho_eigenbasis, t, as_matrix(x));
    return x;
  }
  const Eigen::MatrixXcd& eigenbasis(const State& x, double t) { return step_view(x, t); }  // valid until the next call
  const Eigen::MatrixXcd& step_view(const State& x, double t) {
    frame_.to_lab(as_matrix(x), t, view_);
    return view_;
  }
  static double deviation_bound(const State& x) { return x.norm(); }  // ||sigma||_F
  InteractionRedfieldSystem& system() { return system_; }
  static constexpr RightHandSide kind = RightHandSide::matrix_free;
  static constexpr Frame frame = Frame::interaction;

 private:
  Eigen::Map<const Eigen::MatrixXcd> as_matrix(const State& x) const {
    return Eigen::Map<const Eigen::MatrixXcd>(x.data(), d_, d_);
  }
  Eigen::Map<Eigen::MatrixXcd> as_matrix(State& x) const { return Eigen::Map<Eigen::MatrixXcd>(x.data(), d_, d_); }
  int d_;
  InteractionFrame frame_;
  InteractionRedfieldSystem system_;
  Eigen::MatrixXcd view_;
};

// Interaction frame, dense right-hand side: the Hermitian coordinates of sigma in the eigenbasis.
class DenseInteractionRoute {
 public:
  using State = DenseOdeState;
  DenseInteractionRoute(const RedfieldGenerator& generator, const Eigen::MatrixXcd& reference)
      : d_(generator.dimension()),
        dissipator_(RealLiouvillian::dissipator_in_eigenbasis(generator)),
        frame_(generator, reference),
        system_(dissipator_, frame_),
        sigma_(d_, d_),
        view_(d_, d_) {}
  State initial(const Eigen::MatrixXcd& rho_eigenbasis, double t) {
    frame_.from_lab(rho_eigenbasis, t, sigma_);
    return dissipator_.coordinates().pack(sigma_);
  }
  const Eigen::MatrixXcd& eigenbasis(const State& x, double t) { return step_view(x, t); }  // valid until the next call
  const Eigen::MatrixXcd& step_view(const State& x, double t) {
    system_.to_lab(x, t, view_);
    return view_;
  }
  // Each off-diagonal pair (Re, Im sigma_mk) stands for two entries of sigma: ||sigma||_F <= sqrt(2) |x|.
  static double deviation_bound(const State& x) { return std::sqrt(2.0) * x.norm(); }
  DenseInteractionRedfieldSystem& system() { return system_; }
  static constexpr RightHandSide kind = RightHandSide::dense;
  static constexpr Frame frame = Frame::interaction;

 private:
  int d_;
  RealLiouvillian dissipator_;
  InteractionFrame frame_;
  DenseInteractionRedfieldSystem system_;
  Eigen::MatrixXcd sigma_, view_;
};

// A route's state after a step, as the observers see it.
template <class Route>
class RouteStepState : public StepState {
 public:
  RouteStepState(Route& route, const typename Route::State& x, double t) : route_(route), x_(x), t_(t) {}
  Eigen::Ref<const Eigen::MatrixXcd> rho() const override { return route_.step_view(x_, t_); }
  double deviation_bound() const override { return Route::deviation_bound(x_); }

 private:
  Route& route_;
  const typename Route::State& x_;
  double t_;
};

// Steps `x` from times[0] through every output time with a controlled stepper's try_step.
template <class Stepper, class Route>
void integrate(Stepper stepper, Route& route, typename Route::State& x, const std::vector<double>& times,
               const IntegrationSettings& settings, double max_step, SolverStatistics& stats, OutputObserver& observer,
               const std::atomic<bool>* interrupt, double& stopped_at, bool& interrupted) {
  double t = times.front();
  double dt = std::min(settings.initial_step, max_step);  // the controller's proposal for the next step
  const double landing_cap = landing_stretch(settings.frame) * max_step;
  stopped_at = t;
  if (observer.observe(t, route.eigenbasis(x, t))) return;
  for (std::size_t k = 1; k < times.size(); ++k) {
    const double target = times[k];
    while (t < target) {
      if (interrupt && interrupt->load()) {
        interrupted = true;
        stopped_at = t;
        return;
      }
      // The rest of the way to the output time in one step when the controller proposes that much and the cap,
      // stretched for this step (landing_stretch), allows it; otherwise the proposal within the cap.
      const bool lands = std::min(dt, landing_cap) >= target - t;
      double step = lands ? target - t : std::min(dt, max_step);
      const odeint::controlled_step_result result = stepper.try_step(std::ref(route.system()), x, t, step);
      if (result == odeint::success) {
        ++stats.accepted_steps;
        if (lands) {
          t = target;                // exactly, without rounding drift
          dt = std::max(dt, step);   // a step shortened to land does not shrink the next one
        } else {
          dt = step;                 // the controller's proposal for the next step
        }
        if (!x.allFinite())
          throw NumericalError("the state became non-finite at t = " + number_text(t) +
                               " (try smaller --atol/--rtol or another --stepper)");
        observer.observe_step(t, RouteStepState<Route>(route, x, t));
      } else {
        ++stats.rejected_steps;
        dt = step;  // the controller's smaller step
      }
      if (stats.accepted_steps + stats.rejected_steps > settings.max_steps)
        throw NumericalError("more than --max-steps = " + std::to_string(settings.max_steps) + " steps before t = " +
                             number_text(target) + " (stopped at t = " + number_text(t) + ")");
      if (dt < 1e-14 * std::max(1.0, std::abs(t)))
        throw NumericalError("step size underflow at t = " + number_text(t) + " (step " + number_text(dt) + ")");
    }
    stats.last_step = std::min(dt, max_step);
    stopped_at = t;
    if (observer.observe(t, route.eigenbasis(x, t))) return;
  }
}

// The chosen stepper on the chosen route; rho (eigenbasis) is replaced by the last state reached.
template <class Route>
void integrate_route(Route& route, Eigen::MatrixXcd& rho, const std::vector<double>& times,
                     const IntegrationSettings& settings, double max_step, SolverStatistics& stats,
                     OutputObserver& observer, const std::atomic<bool>* interrupt, double& stopped_at,
                     bool& interrupted) {
  using State = typename Route::State;
  using Algebra = odeint::vector_space_algebra;
  State x = route.initial(rho, times.front());
  const double scale = controller_tolerance_scale(settings.stepper);
  const double atol = scale * settings.absolute_tolerance, rtol = scale * settings.relative_tolerance;
  // The controlled stepper with the route's error measure (error_checkers.hpp).
  auto controlled = [&](auto stepper) {
    using Stepper = decltype(stepper);
    if constexpr (Route::kind == RightHandSide::dense)
      return odeint::controlled_runge_kutta<Stepper, HermitianErrorChecker>(
          HermitianErrorChecker(atol, rtol, static_cast<int>(rho.rows())));
    else
      return odeint::controlled_runge_kutta<Stepper, ComplexErrorChecker>(ComplexErrorChecker(atol, rtol));
  };
  auto run = [&](auto stepper) {
    integrate(std::move(stepper), route, x, times, settings, max_step, stats, observer, interrupt, stopped_at,
              interrupted);
  };
  switch (settings.stepper) {
    case StepperKind::dopri5:
      run(controlled(odeint::runge_kutta_dopri5<State, double, State, double, Algebra>()));
      break;
    case StepperKind::cash_karp54:
      run(controlled(odeint::runge_kutta_cash_karp54<State, double, State, double, Algebra>()));
      break;
    case StepperKind::fehlberg78:
      run(controlled(odeint::runge_kutta_fehlberg78<State, double, State, double, Algebra>()));
      break;
    case StepperKind::bulirsch_stoer:
      run(odeint::bulirsch_stoer<State, double, State, double, Algebra>(atol, rtol));
      break;
  }
  stats.rhs_evaluations = route.system().evaluations();
  stats.right_hand_side = Route::kind;
  stats.frame = Route::frame;
  rho = route.eigenbasis(x, stopped_at);
}

}  // namespace

std::string right_hand_side_name(RightHandSide kind) {
  switch (kind) {
    case RightHandSide::automatic: return "auto";
    case RightHandSide::dense: return "dense";
    case RightHandSide::matrix_free: return "matrix-free";
  }
  return "?";
}

RightHandSide right_hand_side_from_name(const std::string& name) {
  for (RightHandSide k : {RightHandSide::automatic, RightHandSide::dense, RightHandSide::matrix_free})
    if (right_hand_side_name(k) == name) return k;
  throw InputError("--rhs", "unknown right-hand side '" + name + "' (auto, dense, matrix-free)");
}

RightHandSide resolve_right_hand_side(RightHandSide kind, int dimension) {
  if (kind != RightHandSide::automatic) return kind;
  return dimension <= dense_rhs_max_dimension ? RightHandSide::dense : RightHandSide::matrix_free;
}

std::string frame_name(Frame frame) { return frame == Frame::interaction ? "interaction" : "lab"; }

Frame frame_from_name(const std::string& name) {
  for (Frame f : {Frame::interaction, Frame::lab})
    if (frame_name(f) == name) return f;
  throw InputError("--frame", "unknown frame '" + name + "' (interaction, lab)");
}

std::string stepper_name(StepperKind kind) {
  switch (kind) {
    case StepperKind::dopri5: return "dopri5";
    case StepperKind::cash_karp54: return "cash-karp54";
    case StepperKind::fehlberg78: return "fehlberg78";
    case StepperKind::bulirsch_stoer: return "bulirsch-stoer";
  }
  return "?";
}

double stability_limit(StepperKind kind, Frame frame) {
  if (kind == StepperKind::fehlberg78) return 2.5;
  return frame == Frame::interaction ? 4.0 : 1.0;
}

double landing_stretch(Frame frame) { return frame == Frame::interaction ? 1.25 : 1.0; }

double controller_tolerance_scale(StepperKind kind) { return kind == StepperKind::fehlberg78 ? 0.01 : 1.0; }

StepperKind stepper_from_name(const std::string& name) {
  for (StepperKind k : {StepperKind::dopri5, StepperKind::cash_karp54, StepperKind::fehlberg78,
                        StepperKind::bulirsch_stoer})
    if (stepper_name(k) == name) return k;
  throw InputError("--stepper", "unknown stepper '" + name + "' (dopri5, cash-karp54, fehlberg78, bulirsch-stoer)");
}

Propagator::Propagator(const RedfieldGenerator& generator, IntegrationSettings settings, Eigen::MatrixXcd reference)
    : generator_(generator), settings_(settings), reference_(std::move(reference)) {
  if (!(settings.absolute_tolerance > 0)) throw InputError("--atol", "must be > 0");
  if (!(settings.relative_tolerance > 0)) throw InputError("--rtol", "must be > 0");
  if (settings.max_steps < 1) throw InputError("--max-steps", "must be >= 1");
}

SolverStatistics Propagator::propagate(Eigen::MatrixXcd& rho, const std::vector<double>& times,
                                       OutputObserver& observer, const std::atomic<bool>* interrupt) {
  SolverStatistics stats;
  interrupted_ = false;
  const auto start = std::chrono::steady_clock::now();
  const Eigen::VectorXd& e = generator_.energies();
  const double bandwidth = e.size() > 1 ? e.maxCoeff() - e.minCoeff() : 0.0;  // omega_max
  const bool interaction = settings_.frame == Frame::interaction;
  const double max_step =
      settings_.max_step_scale > 0 && bandwidth > 0
          ? settings_.max_step_scale * stability_limit(settings_.stepper, settings_.frame) / bandwidth
          : std::numeric_limits<double>::infinity();
  stats.max_step = max_step;
  auto run = [&](auto& route) {
    integrate_route(route, rho, times, settings_, max_step, stats, observer, interrupt, stopped_at_, interrupted_);
  };
  const bool dense = resolve_right_hand_side(settings_.right_hand_side, generator_.dimension()) == RightHandSide::dense;
  if (interaction && dense) {
    DenseInteractionRoute route(generator_, reference_);
    run(route);
  } else if (interaction) {
    InteractionRoute route(generator_, reference_);
    run(route);
  } else if (dense) {
    DenseRoute route(generator_);
    run(route);
  } else {
    ProductBasisRoute route(generator_);
    run(route);
  }
  stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace nessie
