#include <nessie/observables/current_operators.hpp>

#include <stdexcept>

namespace nessie {

namespace {

// Row of weights w with w . [Re rho_00, Im rho_00, Re rho_10, ...] = Re Tr(Q rho) for Q in the eigenbasis.
Eigen::RowVectorXd weights_of(const Eigen::MatrixXcd& q) {
  const Eigen::Index d = q.rows();
  Eigen::RowVectorXd w(2 * d * d);
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m < d; ++m) {  // rho_mn pairs with Q_nm
      w[2 * (m + n * d)] = q(n, m).real();
      w[2 * (m + n * d) + 1] = -q(n, m).imag();
    }
  return w;
}

}  // namespace

CurrentOperators::CurrentOperators(const Ring& ring, const RingTerms& terms, const Eigenbasis& eigenbasis)
    : sites_(ring.sites()) {
  const Eigen::Index d = eigenbasis.dimension();
  weights_.resize(2 * sites_, 2 * d * d);
  const Eigen::MatrixXd& v = eigenbasis.vectors();
  auto in_eigenbasis = [&v](const Eigen::MatrixXcd& product) -> Eigen::MatrixXcd {
    return v.transpose() * product * v;
  };
  for (int l = 1; l <= sites_; ++l) {
    // i [h_{l-1,l}, h_{l,l+1}] from its bilinear pieces (ring_terms.hpp; paper Eq. 12), summed into one operator
    Eigen::MatrixXcd heat = Eigen::MatrixXcd::Zero(d, d);
    terms.for_each_heat_current_piece(ring, l,
                                      [&](double c, const SparseOperator& op) { heat += c * Eigen::MatrixXcd(op); });
    weights_.row(l - 1) = weights_of(in_eigenbasis(heat));
    const Eigen::MatrixXcd spin = ring.hopping() * Eigen::MatrixXcd(terms.spin_current(l));  // paper Eq. 13
    weights_.row(sites_ + l - 1) = weights_of(in_eigenbasis(spin));
  }
}

void CurrentOperators::measure(const Eigen::MatrixXcd& rho, std::vector<double>& local_heat_currents,
                               std::vector<double>& spin_currents) const {
  const Eigen::Index entries = 2 * rho.size();
  if (entries != weights_.cols()) throw std::invalid_argument("CurrentOperators: rho has the wrong dimension");
  const Eigen::Map<const Eigen::VectorXd> entries_of_rho(reinterpret_cast<const double*>(rho.data()), entries);
  local_heat_currents.resize(static_cast<std::size_t>(sites_));
  spin_currents.resize(static_cast<std::size_t>(sites_));
  Eigen::Map<Eigen::VectorXd>(local_heat_currents.data(), sites_).noalias() = weights_.topRows(sites_) * entries_of_rho;
  Eigen::Map<Eigen::VectorXd>(spin_currents.data(), sites_).noalias() = weights_.bottomRows(sites_) * entries_of_rho;
}

}  // namespace nessie
