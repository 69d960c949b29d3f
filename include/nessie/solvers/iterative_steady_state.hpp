#pragma once
// The steady state without any d^2 x d^2 matrix: preconditioned restarted GMRES on the matrix-free generator.
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <map>

namespace nessie {

// Settings of the Krylov solve.
struct IterativeSettings {
  double tolerance = 1e-12;  // GMRES stops when ||b - A x|| <= tolerance ||b||
  int restart = 30;          // Krylov vectors kept (memory: restart x d^2 complex numbers)
  int max_iterations = 3000;
};

// GMRES on A x = b with the AugmentedGenerator (its header explains why the solution is the steady state with sector
// weights w_K, and what the preconditioner is). Every Krylov vector stays Hermitian, so each iteration costs one
// Hermitian matrix-free application of L. Throws NumericalError if it does not converge.
SteadyState solve_steady_state_iterative(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                         const std::map<int, double>& weights, const IterativeSettings& settings = {});

}  // namespace nessie
