#pragma once
// The eigenbasis of a number-conserving Hamiltonian, diagonalised sector by sector so that every eigenvector
// has a definite number of up spins (degenerate levels of different sectors are never mixed).
#include <nessie/model/pauli_operator.hpp>
#include <nessie/model/spin_basis.hpp>

#include <Eigen/Dense>
#include <vector>

namespace nessie {

// Energies in ascending order, real orthogonal eigenvectors (columns, in the product basis) and their sectors.
class Eigenbasis {
 public:
  Eigenbasis(const SparseOperator& hamiltonian, const SpinBasis& basis);
  // A generic real symmetric Hamiltonian with no conserved sectors (every level in sector 0), e.g. a bare qubit.
  explicit Eigenbasis(const Eigen::MatrixXd& hamiltonian);

  int dimension() const { return static_cast<int>(energies_.size()); }
  const Eigen::VectorXd& energies() const { return energies_; }
  const Eigen::MatrixXd& vectors() const { return vectors_; }
  int sector_of(int level) const { return sectors_[static_cast<std::size_t>(level)]; }
  // Levels (indices into energies()) that belong to sector K, ascending.
  std::vector<int> levels_in_sector(int up) const;

  // A d x d matrix from the product basis to this eigenbasis: V^T A V (V real).
  Eigen::MatrixXcd to_eigenbasis(const Eigen::MatrixXcd& product_basis) const;
  // The same for a matrix diagonal in the product basis, diag(s) (sz, a bath's coupling): V^T (diag(s) V).
  Eigen::MatrixXd diagonal_to_eigenbasis(const Eigen::VectorXd& diagonal) const;
  Eigen::MatrixXcd to_product_basis(const Eigen::MatrixXcd& eigenbasis) const;

 private:
  Eigen::VectorXd energies_;
  Eigen::MatrixXd vectors_;
  std::vector<int> sectors_;
};

}  // namespace nessie
