#include <nessie/redfield/generator.hpp>

#include <stdexcept>

namespace nessie {

RedfieldGenerator::RedfieldGenerator(const Eigenbasis& eigenbasis, const std::vector<Bath>& baths,
                                     const std::vector<SparseOperator>& sz_operators)
    : energies_(eigenbasis.energies()), baths_(baths) {
  if (sz_operators.size() != baths.size())
    throw std::logic_error("RedfieldGenerator: one coupling operator per bath");
  const int d = eigenbasis.dimension();
  for (std::size_t b = 0; b < baths.size(); ++b) {
    BathParts parts;
    parts.s = eigenbasis.to_eigenbasis(Eigen::MatrixXd(Eigen::MatrixXcd(sz_operators[b]).real()));
    parts.st.resize(d, d);
    // <m|St|n> = <m|S|n> G(E_n - E_m)
    for (int n = 0; n < d; ++n)
      for (int m = 0; m < d; ++m) parts.st(m, n) = parts.s(m, n) * baths[b].rate(energies_(n) - energies_(m));
    parts.m = parts.s * parts.st;
    parts_.push_back(std::move(parts));
  }
}

Eigen::MatrixXcd RedfieldGenerator::operator()(const Eigen::MatrixXcd& rho) const {
  Eigen::MatrixXcd drho(rho.rows(), rho.cols());
  apply(rho, drho);
  return drho;
}

void RedfieldGenerator::apply(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::MatrixXcd> drho) const {
  const int d = dimension();
  // -i [H, rho]_mn = -i (E_m - E_n) rho_mn
  for (int n = 0; n < d; ++n)
    for (int m = 0; m < d; ++m) drho(m, n) = Complex(0, -(energies_(m) - energies_(n))) * rho(m, n);
  for (const BathParts& p : parts_) {
    drho.noalias() += (p.st * rho) * p.s;
    drho.noalias() -= p.m * rho;
    drho.noalias() += (p.s * rho) * p.st.transpose();
    drho.noalias() -= rho * p.m.transpose();
  }
}

void RedfieldGenerator::apply_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho,
                                        Eigen::Ref<Eigen::MatrixXcd> drho) const {
  const int d = dimension();
  // A = sum_b (St rho S - M rho); D = A + A^dagger for Hermitian rho.
  Eigen::MatrixXcd a = Eigen::MatrixXcd::Zero(d, d);
  Eigen::MatrixXcd st_rho(d, d);
  for (const BathParts& p : parts_) {
    st_rho.noalias() = p.st * rho;
    a.noalias() += st_rho * p.s;
    a.noalias() -= p.m * rho;
  }
  for (int n = 0; n < d; ++n)
    for (int m = 0; m < d; ++m)
      drho(m, n) = Complex(0, -(energies_(m) - energies_(n))) * rho(m, n) + a(m, n) + std::conj(a(n, m));
}

Eigen::MatrixXcd RedfieldGenerator::dissipator(int bath, const Eigen::MatrixXcd& rho) const {
  const BathParts& p = parts_.at(static_cast<std::size_t>(bath));
  Eigen::MatrixXcd d = (p.st * rho) * p.s;
  d.noalias() -= p.m * rho;
  d.noalias() += (p.s * rho) * p.st.transpose();
  d.noalias() -= rho * p.m.transpose();
  return d;
}

double RedfieldGenerator::heat_current(int bath, const Eigen::MatrixXcd& rho) const {
  const Eigen::MatrixXcd d = dissipator(bath, rho);
  return (energies_.cast<Complex>().array() * d.diagonal().array()).sum().real();
}

}  // namespace nessie
