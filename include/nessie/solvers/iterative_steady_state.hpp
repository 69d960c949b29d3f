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

// Solves A x = b with A(x) = L(x) + sum_K Tr(P_K x) P_K / d_K and b = sum_K w_K P_K / d_K (eigenbasis). The trace of
// L x vanishes in every sector, so the solution has Tr(P_K x) = w_K and L x = 0: the same state as the dense solve.
// Right preconditioner: the coherent part plus the diagonal of the dissipator for coherences (element-wise), and the
// exact population block (a d x d rate matrix, LU-factorised once). Every Krylov vector stays Hermitian, so each
// iteration costs one Hermitian matrix-free application of L. Throws NumericalError if it does not converge.
SteadyState solve_steady_state_iterative(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                         const std::map<int, double>& weights, const IterativeSettings& settings = {});

}  // namespace nessie
