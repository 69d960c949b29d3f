#pragma once
// The basis of product states of a ring of spins 1/2: one sector of fixed K (number of up spins) or the full space.
#include <cstdint>
#include <optional>
#include <vector>

namespace nessie {

using BasisState = std::uint32_t;  // bit l-1 set <=> spin at site l is up

// A set of product states |s_1 ... s_N>, ordered by number of up spins, then by bit pattern.
// The full space is the union of all sectors K = 0..N, in that order.
class SpinBasis {
 public:
  static constexpr int max_sites = 20;

  // A sector with `up` spins up; `std::nullopt` for the full space.
  SpinBasis(int sites, std::optional<int> up);

  int sites() const { return sites_; }
  std::optional<int> up() const { return up_; }
  bool is_full_space() const { return !up_.has_value(); }
  int dimension() const { return static_cast<int>(states_.size()); }

  BasisState state(int index) const { return states_[static_cast<std::size_t>(index)]; }
  // Index of a product state, or -1 when it is not in this basis.
  int index_of(BasisState state) const;
  // Number of up spins of basis state `index`.
  int up_count(int index) const;

  // Sectors present in this basis, ascending (one entry for a sector basis).
  std::vector<int> sectors() const;

 private:
  int sites_;
  std::optional<int> up_;
  std::vector<BasisState> states_;
  std::vector<int> index_of_state_;  // size 2^N, -1 where absent
};

// Binomial coefficient C(n, k) as a double (dimensions and weights of sectors).
double binomial(int n, int k);

}  // namespace nessie
