#include <nessie/model/pauli_operator.hpp>

#include <cmath>
#include <algorithm>
#include <utility>
#include <stdexcept>

namespace nessie {

namespace {

// Apply one Pauli matrix to a product state. |u> = (1,0), |d> = (0,1); sy|u> = i|d>, sy|d> = -i|u>.
void apply_factor(const PauliFactor& f, BasisState& state, Complex& amplitude) {
  const BasisState bit = BasisState{1} << (f.site - 1);
  const bool is_up = (state & bit) != 0;
  switch (f.pauli) {
    case Pauli::x: state ^= bit; break;
    case Pauli::y:
      amplitude *= is_up ? Complex(0, 1) : Complex(0, -1);
      state ^= bit;
      break;
    case Pauli::z: amplitude *= is_up ? 1.0 : -1.0; break;
    case Pauli::up: amplitude *= is_up ? 1.0 : 0.0; break;
  }
}

}  // namespace

SparseOperator build_operator(const SpinBasis& basis, const std::vector<PauliTerm>& terms) {
  const int d = basis.dimension();
  std::vector<Eigen::Triplet<Complex>> triplets;
  // Target state -> amplitude, summed over terms: a handful of entries per column, so a reused vector searched
  // linearly (a std::map per column cost more than the rest of a small sweep point).
  std::vector<std::pair<BasisState, Complex>> column;
  for (int col = 0; col < d; ++col) {
    column.clear();
    for (const PauliTerm& term : terms) {
      BasisState state = basis.state(col);
      Complex amplitude = term.coefficient;
      for (const PauliFactor& f : term.factors) apply_factor(f, state, amplitude);
      if (amplitude == Complex(0)) continue;
      auto same = std::find_if(column.begin(), column.end(), [state](const auto& e) { return e.first == state; });
      if (same == column.end()) column.emplace_back(state, amplitude);
      else same->second += amplitude;
    }
    for (const auto& [state, amplitude] : column) {
      if (std::abs(amplitude) <= 1e-14) continue;
      const int row = basis.index_of(state);
      if (row < 0)
        throw std::logic_error("build_operator: an operator leaves the basis (it does not conserve the sector)");
      triplets.emplace_back(row, col, amplitude);
    }
  }
  SparseOperator op(d, d);
  op.setFromTriplets(triplets.begin(), triplets.end());
  return op;
}

}  // namespace nessie
