#pragma once
// Operators built from sums of Pauli strings, represented as sparse matrices on a SpinBasis.
#include <nessie/model/spin_basis.hpp>

#include <Eigen/Sparse>
#include <complex>
#include <vector>

namespace nessie {

using Complex = std::complex<double>;
using SparseOperator = Eigen::SparseMatrix<Complex>;

enum class Pauli { x, y, z, up };  // `up` is su = (sz + 1)/2, the projector on spin up

// One factor of a Pauli string: a Pauli matrix on a site (1-based).
struct PauliFactor {
  Pauli pauli;
  int site;
};

// coefficient * product of factors (on distinct sites).
struct PauliTerm {
  Complex coefficient;
  std::vector<PauliFactor> factors;
};

// Matrix of sum_k terms[k] on `basis`. Terms may leave the basis individually (sx sx does) but the sum must not:
// a leaking amplitude larger than 1e-12 means the operator does not conserve the sector, an internal error.
SparseOperator build_operator(const SpinBasis& basis, const std::vector<PauliTerm>& terms);

}  // namespace nessie
