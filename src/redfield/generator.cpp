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
    parts.stacked.resize(2 * d, d);
    parts.stacked << parts.st, parts.m;
    parts_.push_back(std::move(parts));
  }
  // Fast path in the product basis.
  vectors_ = eigenbasis.vectors();
  const Eigen::MatrixXd h = vectors_ * energies_.asDiagonal() * vectors_.transpose();
  hamiltonian_product_ = h.sparseView(1e-14, 1.0);
  const Eigen::Index nb = static_cast<Eigen::Index>(baths.size());
  transitions_product_.resize(nb * d, d);
  signs_.resize(d, nb);
  for (Eigen::Index b = 0; b < nb; ++b) {
    const std::size_t i = static_cast<std::size_t>(b);
    transitions_product_.middleRows(b * d, d) = vectors_ * parts_[i].st * vectors_.transpose();
    const Eigen::MatrixXcd s_product = Eigen::MatrixXcd(sz_operators[i]);
    signs_.col(b) = s_product.diagonal().real();
    couplings_diagonal_ = couplings_diagonal_ && (s_product - Eigen::MatrixXcd(s_product.diagonal().asDiagonal())).norm() == 0.0;
  }
}

Eigen::MatrixXcd RedfieldGenerator::to_product_basis(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const {
  return vectors_ * rho * vectors_.transpose();
}

Eigen::MatrixXcd RedfieldGenerator::to_eigenbasis(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const {
  return vectors_.transpose() * rho * vectors_;
}

void RedfieldGenerator::apply_product_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho,
                                                Eigen::Ref<Eigen::MatrixXcd> drho) const {
  if (!couplings_diagonal_) {  // a coupling that is not diagonal in the product basis (a test's sx): the general route
    const Eigen::MatrixXcd rho_eigen = to_eigenbasis(rho);
    Eigen::MatrixXcd d_eigen(rho.rows(), rho.cols());
    apply_hermitian(rho_eigen, d_eigen);
    drho = to_product_basis(d_eigen);
    return;
  }
  const Eigen::Index d = dimension();
  const Eigen::Index nb = bath_count();
  // [Re rho | Im rho] as one real d x 2d matrix, so that every St_b acts on both halves in a single real product.
  Eigen::MatrixXd parts(d, 2 * d);
  parts.leftCols(d) = rho.real();
  parts.rightCols(d) = rho.imag();
  const Eigen::MatrixXd y = transitions_product_ * parts;  // (n_b d) x 2d: St_b Re rho, St_b Im rho
  Eigen::MatrixXd h_rho(d, 2 * d);
  h_rho.noalias() = hamiltonian_product_ * parts;           // H Re rho, H Im rho (sparse)
  // C = -i H rho + sum_b Y_b (s_n - s_m), then d rho/dt = C + C^dagger.
  Eigen::MatrixXcd c(d, d);
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m < d; ++m) {
      double re = h_rho(m, d + n), im = -h_rho(m, n);  // -i (a + i b) = b - i a
      for (Eigen::Index b = 0; b < nb; ++b) {
        const double ds = signs_(n, b) - signs_(m, b);
        if (ds == 0.0) continue;
        re += ds * y(b * d + m, n);
        im += ds * y(b * d + m, d + n);
      }
      c(m, n) = Complex(re, im);
    }
  drho = c + c.adjoint();
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
  const Eigen::Index d = dimension();
  // A = sum_b (St rho S - M rho); D = A + A^dagger for Hermitian rho. Real arithmetic on [Re rho | Im rho]:
  // one product [St_b; M_b] [Re | Im] and one [St_b Re; St_b Im] S_b per bath.
  Eigen::MatrixXd parts(d, 2 * d);
  parts.leftCols(d) = rho.real();
  parts.rightCols(d) = rho.imag();
  Eigen::MatrixXd a_re = Eigen::MatrixXd::Zero(d, d), a_im = Eigen::MatrixXd::Zero(d, d);
  Eigen::MatrixXd left(2 * d, 2 * d), st_rho(2 * d, d), right(2 * d, d);
  for (const BathParts& p : parts_) {
    left.noalias() = p.stacked * parts;  // [St Re, St Im; M Re, M Im]
    st_rho.topRows(d) = left.topLeftCorner(d, d);
    st_rho.bottomRows(d) = left.topRightCorner(d, d);
    right.noalias() = st_rho * p.s;  // [St Re S; St Im S]
    a_re += right.topRows(d) - left.bottomLeftCorner(d, d);
    a_im += right.bottomRows(d) - left.bottomRightCorner(d, d);
  }
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m < d; ++m)
      drho(m, n) = Complex(0, -(energies_(m) - energies_(n))) * rho(m, n) +
                   Complex(a_re(m, n) + a_re(n, m), a_im(m, n) - a_im(n, m));
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
