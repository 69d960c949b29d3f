#pragma once
// The spectral gap of the Redfield Liouvillian: the slowest relaxation rate, smallest non-zero |Re lambda|.
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>

#include <optional>
#include <string>

namespace nessie {

// The slowest decaying eigenmode of L.
struct SpectralGap {
  double rate = 0;       // smallest |Re lambda| over the decaying eigenvalues
  int undamped_modes = 0;  // non-stationary eigenvalues with |Re lambda| < 1e-9 |lambda| (undamped coherences,
                           // e.g. between levels the baths do not see): they never relax and are not the gap
  double frequency = 0;  // Im lambda of that eigenvalue
  int blocks = 0;        // sector blocks (K, K') diagonalised (dense method)
  std::string method = "dense";  // "dense" or "arnoldi"
  int krylov_dimension = 0;      // Arnoldi steps (arnoldi method)
};

// Dense eigenvalues of L block by block over pairs of sectors (K, K'); each diagonal block has one stationary
// eigenvalue (its smallest |lambda|), which is excluded. std::nullopt when a block has more than `max_block` entries
// of rho (the dense eigensolver would take too long).
std::optional<SpectralGap> spectral_gap(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                        int max_block = 1600);

// Without any d^2 x d^2 matrix: Arnoldi on the inverse of the AugmentedGenerator (shift-invert at 0; each step is one
// preconditioned GMRES solve), on the real space of Hermitian matrices. Its largest Ritz values 1/lambda are the
// eigenvalues of L closest to 0; the moved stationary eigenvalues (lambda = 1) are skipped. Finds the slowest modes
// near the origin; a coherence that decays more slowly than every mode near 0 while oscillating fast would be missed.
// std::nullopt when no Ritz value converged or an inner solve did not reach its tolerance within 400 iterations
// (strong coupling weakens the preconditioner).
std::optional<SpectralGap> spectral_gap_arnoldi(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                                int krylov_dimension = 40);

// Dense while every sector has at most automatic_dense_limit (20) levels, Arnoldi beyond (at 35 levels the dense
// eigenvalues of the 1225 x 1225 block take about 4 s).
std::optional<SpectralGap> find_spectral_gap(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator);

}  // namespace nessie
