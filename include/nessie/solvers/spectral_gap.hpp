#pragma once
// The spectral gap of the Redfield Liouvillian: the slowest relaxation rate, smallest non-zero |Re lambda|.
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>

#include <optional>

namespace nessie {

// The slowest decaying eigenmode of L.
struct SpectralGap {
  double rate = 0;       // smallest |Re lambda| over the non-stationary eigenvalues
  double frequency = 0;  // Im lambda of that eigenvalue
  int blocks = 0;        // sector blocks (K, K') diagonalised
};

// Dense eigenvalues of L block by block over pairs of sectors (K, K'); each diagonal block has one stationary
// eigenvalue (its smallest |lambda|), which is excluded. std::nullopt when a block has more than `max_block` entries
// of rho (the dense eigensolver would take too long).
std::optional<SpectralGap> spectral_gap(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                        int max_block = 1600);

}  // namespace nessie
