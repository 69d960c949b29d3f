#include <nessie/redfield/eigenbasis.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace nessie {

Eigenbasis::Eigenbasis(const SparseOperator& hamiltonian, const SpinBasis& basis) {
  const int d = basis.dimension();
  // H conserves the number of up spins, so it is block diagonal over the sectors of the basis: one dense real block
  // per sector, filled from the sparse entries (`slot`: position of a product state inside its sector's block).
  const std::vector<int> sector_list = basis.sectors();
  std::vector<std::vector<int>> members(sector_list.size());
  std::vector<std::size_t> block_of(static_cast<std::size_t>(d));
  std::vector<int> slot(static_cast<std::size_t>(d));
  for (int i = 0; i < d; ++i) {
    const auto at = std::lower_bound(sector_list.begin(), sector_list.end(), basis.up_count(i));
    const std::size_t block = static_cast<std::size_t>(at - sector_list.begin());
    block_of[static_cast<std::size_t>(i)] = block;
    slot[static_cast<std::size_t>(i)] = static_cast<int>(members[block].size());
    members[block].push_back(i);
  }
  std::vector<Eigen::MatrixXd> blocks;
  for (const std::vector<int>& m : members)
    blocks.push_back(Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(m.size()), static_cast<Eigen::Index>(m.size())));
  for (Eigen::Index col = 0; col < hamiltonian.outerSize(); ++col)
    for (SparseOperator::InnerIterator it(hamiltonian, col); it; ++it) {
      const auto r = static_cast<std::size_t>(it.row()), c = static_cast<std::size_t>(it.col());
      if (std::abs(it.value().imag()) > 1e-14) throw std::logic_error("Eigenbasis: the ring Hamiltonian must be real");
      if (block_of[r] != block_of[c]) throw std::logic_error("Eigenbasis: H mixes sectors");
      blocks[block_of[r]](slot[r], slot[c]) += it.value().real();
    }
  Eigen::VectorXd energies(d);
  Eigen::MatrixXd vectors = Eigen::MatrixXd::Zero(d, d);
  std::vector<int> sectors(static_cast<std::size_t>(d));
  for (std::size_t block = 0; block < members.size(); ++block) {
    const std::vector<int>& m = members[block];
    const int n = static_cast<int>(m.size());
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(blocks[block]);
    for (int a = 0; a < n; ++a) {
      const int level = m[static_cast<std::size_t>(a)];  // reuse the block's slots, sorted below
      energies(level) = solver.eigenvalues()(a);
      for (int b = 0; b < n; ++b) vectors(m[static_cast<std::size_t>(b)], level) = solver.eigenvectors()(b, a);
      sectors[static_cast<std::size_t>(level)] = sector_list[block];
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
  levels.reserve(static_cast<std::size_t>(dimension()));
  for (int i = 0; i < dimension(); ++i)
    if (sector_of(i) == up) levels.push_back(i);
  return levels;
}

Eigen::MatrixXd Eigenbasis::diagonal_to_eigenbasis(const Eigen::VectorXd& diagonal) const {
  Eigen::MatrixXd a;
  a.noalias() = vectors_.transpose() * (diagonal.asDiagonal() * vectors_);
  return a;
}

Eigen::MatrixXcd Eigenbasis::to_eigenbasis(const Eigen::MatrixXcd& a) const {
  return vectors_.transpose() * a * vectors_;
}

Eigen::MatrixXcd Eigenbasis::to_product_basis(const Eigen::MatrixXcd& a) const {
  return vectors_ * a * vectors_.transpose();
}

}  // namespace nessie
