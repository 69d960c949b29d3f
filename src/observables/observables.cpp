#include <nessie/observables/observables.hpp>

#include <nessie/util/hermitian_eigenvalues.hpp>

#include <nessie/observables/ergotropy.hpp>

#include <cmath>

namespace nessie {

namespace {

// Tr(O rho) = sum_ij O_ij rho_ji for a sparse Hermitian O; the real part is the expectation value.
double expectation(const SparseOperator& op, const Eigen::MatrixXcd& rho) {
  Complex sum = 0;
  for (Eigen::Index col = 0; col < op.outerSize(); ++col)
    for (SparseOperator::InnerIterator it(op, col); it; ++it) sum += it.value() * rho(it.col(), it.row());
  return sum.real();
}

}  // namespace

ObservableSet::ObservableSet(const Ring& ring, const RingTerms& terms, const Eigenbasis& eigenbasis,
                             const RedfieldGenerator& generator, const CurrentOperators* currents)
    : ring_(ring), terms_(terms), eigenbasis_(eigenbasis), generator_(generator), currents_(currents) {}

Observables ObservableSet::measure(const Eigen::MatrixXcd& rho) const {
  Observables o;
  measure(rho, o);
  return o;
}

void ObservableSet::measure(const Eigen::MatrixXcd& rho, Observables& o) const {
  measure_except_currents(rho, o);
  if (currents_)
    currents_->measure(rho, o.local_heat_currents, o.spin_currents);
  else
    measure_currents_in_product_basis(rho, o);
}

void ObservableSet::measure_currents_in_product_basis(const Eigen::MatrixXcd& rho, Observables& o) const {
  o.local_heat_currents.clear();
  o.spin_currents.clear();
  o.local_heat_currents.reserve(static_cast<std::size_t>(ring_.sites()));
  o.spin_currents.reserve(static_cast<std::size_t>(ring_.sites()));
  const Eigen::MatrixXcd rho_product = eigenbasis_.to_product_basis(rho);
  for (int l = 1; l <= ring_.sites(); ++l) {
    // <i [h_{l-1,l}, h_{l,l+1}]> from its bilinear pieces (ring_terms.hpp; paper Eq. 12)
    double current = 0;
    terms_.for_each_heat_current_piece(
        ring_, l, [&](double c, const SparseOperator& op) { current += c * expectation(op, rho_product); });
    o.local_heat_currents.push_back(current);
    o.spin_currents.push_back(ring_.hopping() * expectation(terms_.spin_current(l), rho_product));  // paper Eq. 13
  }
}

void ObservableSet::measure_except_currents(const Eigen::MatrixXcd& rho, Observables& o) const {
  const Eigen::VectorXd& e = eigenbasis_.energies();
  o.populations = rho.diagonal().real();
  o.energy = o.populations.dot(e);
  o.trace_error = std::abs(rho.trace().real() - 1.0);
  o.hermiticity_error = (rho - rho.adjoint()).norm();
  o.bath_heat_currents.resize(static_cast<std::size_t>(generator_.bath_count()));
  for (int b = 0; b < generator_.bath_count(); ++b)
    o.bath_heat_currents[static_cast<std::size_t>(b)] = generator_.heat_current(b, rho);

  o.rho_eigenvalues = hermitian_eigenvalues(rho);
  o.min_eigenvalue = o.rho_eigenvalues.minCoeff();
  o.ergotropy = ergotropy(o.energy, o.rho_eigenvalues, e);
  o.purity = o.rho_eigenvalues.squaredNorm();
  o.von_neumann_entropy = 0;
  for (Eigen::Index k = 0; k < o.rho_eigenvalues.size(); ++k) {
    const double r = o.rho_eigenvalues(k);
    if (r > 0) o.von_neumann_entropy -= r * std::log(r);
  }
}

}  // namespace nessie
