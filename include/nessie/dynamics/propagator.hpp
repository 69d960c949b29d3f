#pragma once
// Time evolution of the Redfield equation with Boost.Odeint's adaptive steppers, stepping exactly onto output times.
#include <nessie/redfield/generator.hpp>

#include <Eigen/Dense>
#include <atomic>
#include <string>
#include <vector>

namespace nessie {

enum class StepperKind { dopri5, cash_karp54, fehlberg78, bulirsch_stoer };

// "dopri5", "cash-karp54", "fehlberg78", "bulirsch-stoer".
std::string stepper_name(StepperKind kind);
StepperKind stepper_from_name(const std::string& name);  // InputError("--stepper") if unknown

// How d rho/dt is evaluated during the integration (the same equation either way):
//   dense:       one real d^2 x d^2 matrix-vector product on the Hermitian coordinates (RealLiouvillian);
//   matrix-free: RedfieldGenerator::apply_product_hermitian, a few d x d products, no d^4 object;
//   automatic:   dense up to dense_rhs_max_dimension levels, matrix-free beyond.
enum class RightHandSide { automatic, dense, matrix_free };
std::string right_hand_side_name(RightHandSide kind);  // "auto", "dense", "matrix-free"
RightHandSide right_hand_side_from_name(const std::string& name);  // InputError("--rhs") if unknown
// The dense product costs d^4 multiply-adds against about 2 n_baths d^3 for the matrix-free one, whose fixed overhead
// dominates for small d. Measured per right-hand side (`nessie run --t-end 100 --dt-out 50 --positivity outputs
// --rhs ...`, two baths, wall time per right-hand side including the stepper's own work): d = 6: 0.14 vs 1.1 us,
// d = 10: 1.0 vs 2.0 us, d = 15: 4.4 vs 4.2 us, d = 20: 14.7 vs 6.6 us.
constexpr int dense_rhs_max_dimension = 12;
RightHandSide resolve_right_hand_side(RightHandSide kind, int dimension);  // never automatic

// Which equation the stepper integrates (the same dynamics either way):
//   interaction: sigma(t) = exp(iHt) (rho(t) - rho_ref) exp(-iHt), rho_ref the direct NESS (interaction_frame.hpp):
//                the coherent motion is exact, sigma decays to 0, and the steps follow the dissipative dynamics;
//   lab:         rho(t) itself, whose coherences turn at the Bohr frequencies for ever.
// Measured on the paper's ring to t = 1000 from udud (bench/step_cap.cpp, docs/performance.md): 6 428 steps against
// 20 612 in the lab frame (5 805 with landing_stretch; N = 6 from ududud: 7 959 against 30 657), and at t = 100
// 1.7e-10 instead of 9.7e-8 from the exact state at the same tolerances.
enum class Frame { interaction, lab };
std::string frame_name(Frame frame);             // "interaction", "lab"
Frame frame_from_name(const std::string& name);  // InputError("--frame") if unknown
// The largest h omega_max (omega_max = E_max - E_min, the largest Bohr frequency) with which each stepper stays
// accurate near the steady state, where the error estimate alone would let the step grow too far:
//   lab frame: the fastest coherences sit on the stepper's stability boundary, where they are amplified to the
//     tolerance level and never decay (trace distance to the NESS stuck at 1e-7 instead of 2e-14). Measured on the
//     paper's ring: dopri5, cash-karp54 and bulirsch-stoer need 1, fehlberg78 is clean at 2.8 and is given 2.5.
//   interaction frame: the Bohr-frequency differences the dissipator couples (up to 2 omega_max) must still be
//     followed, or sigma stalls at the tolerance level (N = 6, K = 3 from ududud: 6.7e-10 from the exact state at
//     t = 1000 without a cap, 2e-12 with 4; bench/step_cap.cpp). 4 for dopri5, cash-karp54 and bulirsch-stoer;
//     fehlberg78 keeps 2.5: with larger steps its weak error estimate let the error against the exact propagation
//     grow beyond 1e-7 at the default tolerances in more cases (scripts/reference/compare_run.py).
double stability_limit(StepperKind kind, Frame frame);
// The factor by which the step that lands on an output time may exceed the cap, never beyond the controller's
// proposal: 1.25 in the interaction frame, where the cap guards accuracy and the controller already allows the
// step, so that an output interval is not ended by a short extra step (--dt-out 1 on the paper's ring, cap 0.318:
// three steps per unit of time instead of four, 5 805 instead of 6 428 steps to t = 1000; docs/performance.md); 1 in
// the lab frame, where the cap is the stepper's stability boundary.
double landing_stretch(Frame frame);
// The factor between the tolerances the step-size controller works to and --atol/--rtol: 1, except 1/100 for
// fehlberg78. Its embedded estimate, 41/840 h (k1 + k11 - k12 - k13), vanishes for the part of the right-hand side
// that depends on t alone; at the default tolerances its error against the exact propagation reached 1.4e-6
// (scripts/reference/compare_run.py, fehlberg78 in every case, interaction frame, seeds 21 and 22: 9 of 24 cases
// beyond 1e-7). Scaled, the largest errors were 1.1e-8 (seeds 51, 52), 4.5e-9 in the lab frame (53, 54) and 8.2e-9
// over t = 150..600 (55), like the other steppers at the defaults. It costs little where nessie spends its time:
// there the step cap holds fehlberg78's steps (the issue-3 problems take the same steps either way).
double controller_tolerance_scale(StepperKind kind);

// How to integrate.
struct IntegrationSettings {
  StepperKind stepper = StepperKind::dopri5;
  double absolute_tolerance = 1e-10;
  double relative_tolerance = 1e-8;
  long max_steps = 100000000;  // accepted + rejected steps before giving up (NumericalError)
  double initial_step = 1e-3;
  // Largest step = scale x stability_limit(stepper, frame) / omega_max; 0 = no cap.
  double max_step_scale = 1.0;
  RightHandSide right_hand_side = RightHandSide::automatic;
  Frame frame = Frame::interaction;
};

// What the integration cost.
struct SolverStatistics {
  long accepted_steps = 0;
  long rejected_steps = 0;
  long rhs_evaluations = 0;
  double wall_seconds = 0;
  double last_step = 0;  // the step size in use at the end
  RightHandSide right_hand_side = RightHandSide::matrix_free;  // the one used (never automatic)
  Frame frame = Frame::interaction;
  double max_step = 0;  // the cap on the step size in use (infinity if none)
};

// The state after an accepted step, for observers that watch every step: rho is formed only when asked for.
class StepState {
 public:
  virtual ~StepState() = default;
  // rho in the basis the integration works in (the eigenbasis in the interaction frame; in the lab frame the product
  // basis; eigenvalues do not depend on the basis), valid until the next step.
  virtual Eigen::Ref<const Eigen::MatrixXcd> rho() const = 0;
  // An upper bound on the spectral norm ||rho - rho_ref||_2 from the integrated state alone: in the interaction frame
  // sqrt(2) |x| >= ||sigma||_F >= ||sigma||_2 (the rotation keeps the norm); infinity in the lab frame. By Weyl's
  // inequality each eigenvalue of rho then lies within this bound of one of rho_ref.
  virtual double deviation_bound() const = 0;
};

// Receives the state at each output time (the ITensor-style observer: measure, then say whether to stop).
class OutputObserver {
 public:
  virtual ~OutputObserver() = default;
  // rho in the eigenbasis at time t. Return true to stop after this sample (e.g. steady state reached).
  virtual bool observe(double t, const Eigen::MatrixXcd& rho) = 0;
  // Called after every accepted step (e.g. to watch positivity between output times); by default nothing.
  virtual void observe_step(double /*t*/, const StepState& /*step*/) {}
};

// Integrates d rho/dt = L rho from times[0] and calls the observer at every output time (times[0] included).
// The adaptive stepper is never forced to a fixed step: a step is only shortened to land on the next output time.
// Stops early when the observer asks, or when `interrupt` becomes true (checked between steps; the current state is
// then handed to `on_interrupt`-free callers through `rho` and `stopped_at`).
class Propagator {
 public:
  // reference: the interaction frame's rho_ref in the eigenbasis (the direct NESS; an empty matrix means zero,
  // which is correct but does not let sigma decay). Unused in the lab frame.
  Propagator(const RedfieldGenerator& generator, IntegrationSettings settings, Eigen::MatrixXcd reference = {});

  // rho: in the eigenbasis, replaced by the last state reached. Throws NumericalError on a non-finite state,
  // a step size that underflows, or more than max_steps steps.
  SolverStatistics propagate(Eigen::MatrixXcd& rho, const std::vector<double>& times, OutputObserver& observer,
                             const std::atomic<bool>* interrupt = nullptr);

  // Time of the last state reached by propagate().
  double stopped_at() const { return stopped_at_; }
  bool interrupted() const { return interrupted_; }

 private:
  const RedfieldGenerator& generator_;
  IntegrationSettings settings_;
  Eigen::MatrixXcd reference_;
  double stopped_at_ = 0;
  bool interrupted_ = false;
};

}  // namespace nessie
