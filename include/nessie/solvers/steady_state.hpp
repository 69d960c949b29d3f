#pragma once
// The nonequilibrium steady state from a direct null-space solve of the Redfield generator.
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>

#include <Eigen/Dense>
#include <map>
#include <string>

namespace nessie {

// The stationary state and how well it satisfies L rho = 0.
struct SteadyState {
  Eigen::MatrixXcd rho;                 // eigenbasis of H, Hermitian part of the solution
  std::map<int, double> sector_weights; // Tr(P_K rho) for each sector K present
  double residual = 0;                  // ||L rho||_F, with the matrix-free generator
  double trace_error = 0;               // |Tr rho - 1|
  double hermiticity_error = 0;         // ||rho - rho^dagger||_F of the raw solution
  std::string method = "dense";         // "dense" (LU of the assembled Liouvillian) or "iterative" (GMRES)
  int iterations = 0;                   // Krylov iterations of the iterative solve
  // Largest dimension of the null space of a sector block (dense solve): 1 when the NESS is unique; more when a
  // symmetry conserves more than the trace, and then rho is the state reached from the initial state.
  int null_space_dimension = 1;
};

// The reported steady state from a raw solution x of L x = 0: its Hermitian part, with the Hermiticity and trace errors
// of x and the residual ||L rho|| from the matrix-free generator.
SteadyState finish_steady_state(const Eigen::MatrixXcd& x, const RedfieldGenerator& generator,
                                const std::map<int, double>& weights, const std::string& method, int iterations);

// Conserved sector weights Tr(P_K rho0) of a state in the eigenbasis.
std::map<int, double> sector_weights(const Eigenbasis& eigenbasis, const Eigen::MatrixXcd& rho);

// Solves L rho = 0 separately in each sector K with weight w_K > 0, normalised to Tr(P_K rho) = w_K: the generator maps
// the sector blocks of rho onto themselves and conserves their traces, and the coherences between sectors decay, so
// the state reached from rho0 is sum_K w_K rho_NESS^(K) (physics.md, "Conserved sectors").
// Each block is a dense LU solve of the assembled Liouvillian with one diagonal row replaced by the trace condition.
// When that system is singular (a symmetry, e.g. a mirror-symmetric layout of fields and baths, conserves more than
// the trace, so the NESS is not unique), the block is the projection of rho0's block (without rho0: of the sector's
// maximally mixed state) on the null space along the conserved quantities: the state that rho0 relaxes to.
SteadyState solve_steady_state(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                               const std::map<int, double>& weights, const Eigen::MatrixXcd* rho0 = nullptr);
// The same with the weights of rho0 (eigenbasis): the steady state that rho0 relaxes to.
SteadyState steady_state_reached_from(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                      const Eigen::MatrixXcd& rho0);

enum class SteadyStateSolver { automatic, dense, iterative };

// The largest sector (in levels) that the automatic choice still solves densely: an LU of (40^2)^2 complex entries
// takes a fraction of a second, beyond it the matrix-free Krylov solve is faster and needs O(d^2) memory.
// Measured break-even: at 35 levels the dense real LU takes 0.14 s and GMRES 0.01 s (N = 7, K = 3); at 20 levels
// both take a few ms.
constexpr int automatic_dense_limit = 20;

// "auto", "dense", "iterative" (InputError("--solver") otherwise).
SteadyStateSolver steady_state_solver_from_name(const std::string& name);

// Dense or iterative solve; `automatic` picks dense when every sector has at most automatic_dense_limit levels.
// rho0 (optional, eigenbasis): the initial state, which selects the NESS when it is not unique (dense solve only;
// the iterative solve returns one of them).
SteadyState find_steady_state(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                              const std::map<int, double>& weights, SteadyStateSolver solver,
                              const Eigen::MatrixXcd* rho0 = nullptr);

}  // namespace nessie
