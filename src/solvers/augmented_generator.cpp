#include <nessie/solvers/augmented_generator.hpp>

namespace nessie {

AugmentedGenerator::AugmentedGenerator(const Eigenbasis& eigenbasis, const RedfieldGenerator& g)
    : eigenbasis_(eigenbasis), generator_(g), d_(g.dimension()), diagonal_(d_, d_) {
  std::map<int, int> sector_size;
  for (int i = 0; i < d_; ++i) ++sector_size[eigenbasis.sector_of(i)];
  for (int i = 0; i < d_; ++i) level_weight_.push_back(1.0 / sector_size[eigenbasis.sector_of(i)]);

  const Eigen::VectorXd& e = g.energies();
  Eigen::MatrixXd populations = Eigen::MatrixXd::Zero(d_, d_);
  diagonal_.setZero();
  for (int b = 0; b < g.bath_count(); ++b) {
    const Eigen::MatrixXd& s = g.coupling(b);
    const Eigen::MatrixXd& st = g.transition(b);
    const Eigen::MatrixXd& m = g.coupling_transition(b);
    // L_{(ik),(ik)} = sum_b [S_kk St_ii + St_kk S_ii - M_ii - M_kk] - i (E_i - E_k)
    for (int k = 0; k < d_; ++k)
      for (int i = 0; i < d_; ++i) diagonal_(i, k) += s(k, k) * st(i, i) + st(k, k) * s(i, i) - m(i, i) - m(k, k);
    // population block L_{(ii),(pp)} = sum_b 2 (S_ip St_ip - delta_ip M_ii)
    populations += 2 * s.cwiseProduct(st);
    populations.diagonal() -= 2 * m.diagonal();
  }
  for (int k = 0; k < d_; ++k)
    for (int i = 0; i < d_; ++i) diagonal_(i, k) += Complex(0, -(e(i) - e(k)));
  for (int i = 0; i < d_; ++i)
    for (int p = 0; p < d_; ++p)
      if (eigenbasis.sector_of(i) == eigenbasis.sector_of(p)) populations(i, p) += level_weight_[static_cast<std::size_t>(i)];
  populations_ = populations.partialPivLu();
}

Eigen::MatrixXcd AugmentedGenerator::apply(const Eigen::MatrixXcd& x) const {
  Eigen::MatrixXcd y(d_, d_);
  generator_.apply_hermitian(x, y);
  std::map<int, double> traces;
  for (int i = 0; i < d_; ++i) traces[eigenbasis_.sector_of(i)] += x(i, i).real();
  for (int i = 0; i < d_; ++i) y(i, i) += traces[eigenbasis_.sector_of(i)] * level_weight_[static_cast<std::size_t>(i)];
  return y;
}

Eigen::MatrixXcd AugmentedGenerator::precondition(const Eigen::MatrixXcd& r) const {
  Eigen::MatrixXcd x = r.cwiseQuotient(diagonal_);
  x.diagonal() = populations_.solve(Eigen::VectorXd(r.diagonal().real())).cast<Complex>();
  return x;
}

Eigen::MatrixXcd AugmentedGenerator::right_hand_side(const std::map<int, double>& weights) const {
  Eigen::MatrixXcd b = Eigen::MatrixXcd::Zero(d_, d_);
  for (int i = 0; i < d_; ++i) {
    const auto w = weights.find(eigenbasis_.sector_of(i));
    b(i, i) = (w == weights.end() ? 0.0 : w->second) * level_weight_[static_cast<std::size_t>(i)];
  }
  return b;
}

}  // namespace nessie
