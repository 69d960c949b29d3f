#include <nessie/redfield/eigenbasis.hpp>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace nessie {

Eigenbasis::Eigenbasis(const SparseOperator& hamiltonian, const SpinBasis& basis) {
  const int d = basis.dimension();
  const Eigen::MatrixXcd h = Eigen::MatrixXcd(hamiltonian);
  if (h.imag().cwiseAbs().maxCoeff() > 1e-14) throw std::logic_error("Eigenbasis: the ring Hamiltonian must be real");

  Eigen::VectorXd energies(d);
  Eigen::MatrixXd vectors = Eigen::MatrixXd::Zero(d, d);
  std::vector<int> sectors(static_cast<std::size_t>(d));
  // H conserves the number of up spins, so it is block diagonal over the sectors of the basis.
  for (int k : basis.sectors()) {
    std::vector<int> members;
    for (int i = 0; i < d; ++i)
      if (basis.up_count(i) == k) members.push_back(i);
    const int n = static_cast<int>(members.size());
    Eigen::MatrixXd block(n, n);
    for (int a = 0; a < n; ++a)
      for (int b = 0; b < n; ++b) block(a, b) = h(members[a], members[b]).real();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(block);
    for (int a = 0; a < n; ++a) {
      const int level = members[static_cast<std::size_t>(a)];  // reuse the block's slots, sorted below
      energies(level) = solver.eigenvalues()(a);
      for (int b = 0; b < n; ++b) vectors(members[b], level) = solver.eigenvectors()(b, a);
      sectors[static_cast<std::size_t>(level)] = k;
    }
  }
  // Sort all levels by energy (stable, so ties keep the sector order).
  std::vector<int> order(static_cast<std::size_t>(d));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return energies(a) < energies(b); });
  energies_.resize(d);
  vectors_.resize(d, d);
  sectors_.resize(static_cast<std::size_t>(d));
  for (int i = 0; i < d; ++i) {
    energies_(i) = energies(order[i]);
    vectors_.col(i) = vectors.col(order[i]);
    sectors_[static_cast<std::size_t>(i)] = sectors[static_cast<std::size_t>(order[i])];
  }
}

Eigenbasis::Eigenbasis(const Eigen::MatrixXd& hamiltonian) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(hamiltonian);  // eigenvalues ascending
  energies_ = solver.eigenvalues();
  vectors_ = solver.eigenvectors();
  sectors_.assign(static_cast<std::size_t>(energies_.size()), 0);
}

std::vector<int> Eigenbasis::levels_in_sector(int up) const {
  std::vector<int> levels;
  for (int i = 0; i < dimension(); ++i)
    if (sector_of(i) == up) levels.push_back(i);
  return levels;
}

Eigen::MatrixXd Eigenbasis::to_eigenbasis(const Eigen::MatrixXd& a) const {
  return vectors_.transpose() * a * vectors_;
}

Eigen::MatrixXcd Eigenbasis::to_eigenbasis(const Eigen::MatrixXcd& a) const {
  return vectors_.transpose() * a * vectors_;
}

Eigen::MatrixXcd Eigenbasis::to_product_basis(const Eigen::MatrixXcd& a) const {
  return vectors_ * a * vectors_.transpose();
}

}  // namespace nessie
