#pragma once
// What `nessie run` records at each output time.
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

// Measures rho (eigenbasis) at time t against the direct steady state rho_ness; the trace distance between the two
// is computed unless given.
RunSample measure_sample(const OpenSystem& system, const Eigen::MatrixXcd& rho_ness, double t,
                         const Eigen::MatrixXcd& rho, std::optional<double> distance_to_ness = std::nullopt);

}  // namespace nessie
