#include <nessie/dynamics/propagator.hpp>

#include <nessie/dynamics/odeint_eigen.hpp>
#include <nessie/dynamics/redfield_system.hpp>
#include <nessie/errors.hpp>

#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>

namespace nessie {

namespace odeint = boost::numeric::odeint;

namespace {

using State = OdeState;

std::string format_time(double t) {
  std::ostringstream out;
  out << t;
  return out.str();
}

// Steps `x` from times[0] through every output time with a controlled stepper's try_step.
template <class Stepper>
void integrate(Stepper stepper, RedfieldSystem& system, State& x, const std::vector<double>& times,
               const IntegrationSettings& settings, SolverStatistics& stats, OutputObserver& observer,
               const std::atomic<bool>* interrupt, int d, double& stopped_at, bool& interrupted) {
  double t = times.front();
  const Eigen::VectorXd& e = system.generator().energies();
  const double bandwidth = e.size() > 1 ? e.maxCoeff() - e.minCoeff() : 0.0;
  const double max_step = settings.max_step_scale > 0 && bandwidth > 0
                              ? settings.max_step_scale * stability_limit(settings.stepper) / bandwidth
                              : std::numeric_limits<double>::infinity();
  double dt = std::min(settings.initial_step, max_step);
  const RedfieldGenerator& generator = system.generator();
  // The state is integrated in the product basis; observers see the eigenbasis at output times.
  auto as_matrix = [&]() { return Eigen::Map<const Eigen::MatrixXcd>(x.data(), d, d); };
  auto in_eigenbasis = [&]() { return generator.to_eigenbasis(as_matrix()); };
  stopped_at = t;
  if (observer.observe(t, in_eigenbasis())) return;
  for (std::size_t k = 1; k < times.size(); ++k) {
    const double target = times[k];
    while (t < target) {
      if (interrupt && interrupt->load()) {
        interrupted = true;
        stopped_at = t;
        return;
      }
      dt = std::min(dt, max_step);
      const bool lands = dt >= target - t;
      double step = lands ? target - t : dt;
      const odeint::controlled_step_result result = stepper.try_step(std::ref(system), x, t, step);
      if (result == odeint::success) {
        ++stats.accepted_steps;
        if (lands) {
          t = target;                // exactly, without rounding drift
          dt = std::max(dt, step);   // a step shortened to land does not shrink the next one
        } else {
          dt = step;                 // the controller's proposal for the next step
        }
        if (!x.allFinite())
          throw NumericalError("the state became non-finite at t = " + format_time(t) +
                               " (try smaller --atol/--rtol or another --stepper)");
        observer.observe_step(t, as_matrix());
      } else {
        ++stats.rejected_steps;
        dt = step;  // the controller's smaller step
      }
      if (stats.accepted_steps + stats.rejected_steps > settings.max_steps)
        throw NumericalError("more than --max-steps = " + std::to_string(settings.max_steps) + " steps before t = " +
                             format_time(target) + " (stopped at t = " + format_time(t) + ")");
      if (dt < 1e-14 * std::max(1.0, std::abs(t)))
        throw NumericalError("step size underflow at t = " + format_time(t) + " (step " + format_time(dt) + ")");
    }
    stats.last_step = dt;
    stopped_at = t;
    if (observer.observe(t, in_eigenbasis())) return;
  }
}

}  // namespace

std::string stepper_name(StepperKind kind) {
  switch (kind) {
    case StepperKind::dopri5: return "dopri5";
    case StepperKind::cash_karp54: return "cash-karp54";
    case StepperKind::fehlberg78: return "fehlberg78";
    case StepperKind::bulirsch_stoer: return "bulirsch-stoer";
  }
  return "?";
}

double stability_limit(StepperKind kind) { return kind == StepperKind::fehlberg78 ? 2.5 : 1.0; }

StepperKind stepper_from_name(const std::string& name) {
  for (StepperKind k : {StepperKind::dopri5, StepperKind::cash_karp54, StepperKind::fehlberg78,
                        StepperKind::bulirsch_stoer})
    if (stepper_name(k) == name) return k;
  throw InputError("--stepper", "unknown stepper '" + name + "' (dopri5, cash-karp54, fehlberg78, bulirsch-stoer)");
}

Propagator::Propagator(const RedfieldGenerator& generator, IntegrationSettings settings)
    : generator_(generator), settings_(settings) {
  if (!(settings.absolute_tolerance > 0)) throw InputError("--atol", "must be > 0");
  if (!(settings.relative_tolerance > 0)) throw InputError("--rtol", "must be > 0");
  if (settings.max_steps < 1) throw InputError("--max-steps", "must be >= 1");
}

SolverStatistics Propagator::propagate(Eigen::MatrixXcd& rho, const std::vector<double>& times,
                                       OutputObserver& observer, const std::atomic<bool>* interrupt) {
  const int d = generator_.dimension();
  const Eigen::MatrixXcd rho_product = generator_.to_product_basis(rho);
  State x = Eigen::Map<const State>(rho_product.data(), rho_product.size());
  SolverStatistics stats;
  RedfieldSystem system(generator_);
  interrupted_ = false;
  const auto start = std::chrono::steady_clock::now();
  const double atol = settings_.absolute_tolerance, rtol = settings_.relative_tolerance;
  using Algebra = odeint::vector_space_algebra;
  switch (settings_.stepper) {
    case StepperKind::dopri5:
      integrate(odeint::make_controlled(atol, rtol, odeint::runge_kutta_dopri5<State, double, State, double, Algebra>()),
                system, x, times, settings_, stats, observer, interrupt, d, stopped_at_, interrupted_);
      break;
    case StepperKind::cash_karp54:
      integrate(odeint::make_controlled(atol, rtol,
                                        odeint::runge_kutta_cash_karp54<State, double, State, double, Algebra>()),
                system, x, times, settings_, stats, observer, interrupt, d, stopped_at_, interrupted_);
      break;
    case StepperKind::fehlberg78:
      integrate(odeint::make_controlled(atol, rtol,
                                        odeint::runge_kutta_fehlberg78<State, double, State, double, Algebra>()),
                system, x, times, settings_, stats, observer, interrupt, d, stopped_at_, interrupted_);
      break;
    case StepperKind::bulirsch_stoer:
      integrate(odeint::bulirsch_stoer<State, double, State, double, Algebra>(atol, rtol), system, x, times, settings_,
                stats, observer, interrupt, d, stopped_at_, interrupted_);
      break;
  }
  stats.rhs_evaluations = system.evaluations();
  stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  rho = generator_.to_eigenbasis(Eigen::Map<const Eigen::MatrixXcd>(x.data(), d, d));
  return stats;
}

}  // namespace nessie
