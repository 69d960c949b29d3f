#pragma once
// What `nessie run` records at each output time.
#include <nessie/dynamics/derivative_norm.hpp>
#include <nessie/observables/observables.hpp>
#include <nessie/redfield/open_system.hpp>

#include <Eigen/Dense>
#include <optional>

namespace nessie {

// One output sample of a time evolution.
struct RunSample {
  double time = 0;
  Observables observables;
  double distance_to_ness = 0;  // trace distance (1/2) ||rho - rho_NESS||_1
  double derivative_norm = 0;   // ||d rho/dt||_F = ||L rho||_F
};

// (1/2) sum |eigenvalues of (a - b)| for Hermitian a, b.
double trace_distance(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b);

// Measures the states of one run (eigenbasis) against the direct steady state rho_ness, with DerivativeNorm built once
// for all of them. The system and rho_ness are referenced and must outlive the measurer; not for concurrent use.
class SampleMeasurer {
 public:
  SampleMeasurer(const OpenSystem& system, const Eigen::MatrixXcd& rho_ness);

  // The trace distance to rho_ness is computed unless given. Into `out`, whose storage is reused (no allocations
  // from the second sample on), or as a new sample.
  void measure(double t, const Eigen::MatrixXcd& rho, std::optional<double> distance_to_ness, RunSample& out);
  RunSample measure(double t, const Eigen::MatrixXcd& rho, std::optional<double> distance_to_ness = std::nullopt) {
    RunSample sample;
    measure(t, rho, distance_to_ness, sample);
    return sample;
  }

 private:
  const OpenSystem& system_;
  const Eigen::MatrixXcd& rho_ness_;
  DerivativeNorm derivative_norm_;
};

}  // namespace nessie
