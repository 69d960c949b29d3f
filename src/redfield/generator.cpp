#include <nessie/redfield/generator.hpp>

#include <nessie/util/fixed_size.hpp>

#include <stdexcept>

namespace nessie {

namespace {
// Scratch matrices of the right-hand sides, kept per thread: allocating a few MB per call costs more than the
// products themselves (page faults), and each thread of a sweep has its own.
struct Workspace {
  Eigen::MatrixXd parts, h_rho, c_re, c_im, columns, y, left, st_rho, right;
};
thread_local Workspace workspace;

// [Re rho | Im rho] as one real d x 2d matrix (in the workspace), so that each product acts on both halves at once.
const Eigen::MatrixXd& split_real_imaginary(const Eigen::Ref<const Eigen::MatrixXcd>& rho) {
  Eigen::MatrixXd& parts = workspace.parts;
  parts.resize(rho.rows(), 2 * rho.cols());
  parts.leftCols(rho.cols()) = rho.real();
  parts.rightCols(rho.cols()) = rho.imag();
  return parts;
}

// dissipator_half for a compile-time dimension D (util/fixed_size.hpp): products of fixed-size D x D matrices, where
// Eigen's general product at d <= 8 spends most of its time on packing, blocking and tails (the residual check of
// each sweep point: apply_hermitian 0.92 -> 0.45 us at d = 6).
// `baths`: the generator's per-bath parts, of which S_b (member s) is read.
template <int D, class BathParts>
void dissipator_half_fixed(const Eigen::MatrixXd& stack, const std::vector<BathParts>& baths,
                           const Eigen::MatrixXd& parts, Eigen::MatrixXd& c_re, Eigen::MatrixXd& c_im) {
  using Square = Eigen::Matrix<double, D, D>;
  using StackBlock = Eigen::Map<const Square, 0, Eigen::OuterStride<>>;
  const Eigen::OuterStride<> stride(stack.rows());
  const Eigen::Map<const Square> re(parts.data()), im(parts.data() + D * D);
  const StackBlock m(stack.data() + stack.rows() - D, stride);
  Square a_re = -(m * re), a_im = -(m * im);
  for (std::size_t b = 0; b < baths.size(); ++b) {
    const StackBlock st(stack.data() + static_cast<Eigen::Index>(b) * D, stride);
    const Eigen::Map<const Square> sb(baths[b].s->data());
    const Square st_re = st * re, st_im = st * im;
    a_re.noalias() += st_re * sb;
    a_im.noalias() += st_im * sb;
  }
  c_re = a_re;
  c_im = a_im;
}
}  // namespace

RedfieldGenerator::RedfieldGenerator(const ClosedSystem& closed, const std::vector<Bath>& baths)
    : eigenbasis_(closed.eigenbasis()), energies_(eigenbasis_.energies()), baths_(baths), closed_(&closed) {
  parts_.resize(baths.size());
  for (std::size_t b = 0; b < baths.size(); ++b)
    parts_[b].s = &closed.sz_in_eigenbasis(baths[b].site());  // V^T sz V, shared by the open systems on this ring
  build_bath_parts();
}

RedfieldGenerator::RedfieldGenerator(const Eigenbasis& eigenbasis, const std::vector<Bath>& baths,
                                     std::vector<Eigen::MatrixXd> couplings_in_eigenbasis)
    : eigenbasis_(eigenbasis),
      energies_(eigenbasis_.energies()),
      baths_(baths),
      closed_(nullptr),
      own_couplings_(std::move(couplings_in_eigenbasis)) {
  if (own_couplings_.size() != baths.size()) throw std::logic_error("RedfieldGenerator: one coupling per bath");
  parts_.resize(baths.size());
  for (std::size_t b = 0; b < baths.size(); ++b) parts_[b].s = &own_couplings_[b];
  build_bath_parts();
}

void RedfieldGenerator::build_bath_parts() {
  const Eigen::Index d = dimension();
  dissipator_stack_.setZero(static_cast<Eigen::Index>(baths_.size() + 1) * d, d);
  thread_local Eigen::MatrixXd commutator;  // [E, S_b]
  for (std::size_t b = 0; b < baths_.size(); ++b) {
    BathParts& parts = parts_[b];
    const Eigen::MatrixXd& s = *parts.s;
    parts.st.resize(d, d);
    commutator.resize(d, d);
    // <m|St|n> = <m|S|n> G(E_n - E_m)
    for (Eigen::Index n = 0; n < d; ++n) {
      parts.st(n, n) = s(n, n) * baths_[b].rate(0.0);
      commutator(n, n) = 0;
      for (Eigen::Index m = 0; m < n; ++m) {  // G(E_n - E_m) and G(E_m - E_n) together
        const double bohr = energies_(n) - energies_(m);
        const auto [up, down] = baths_[b].rates(bohr);
        parts.st(m, n) = s(m, n) * up;
        parts.st(n, m) = s(n, m) * down;
        commutator(m, n) = -bohr * s(m, n);
        commutator(n, m) = bohr * s(n, m);
      }
    }
    // M_b = S_b St_b and K_b^T = (S E St - E M)^T = St^T E S - M^T E = St^T (E S - S E), as M^T = St^T S (S
    // symmetric, E diagonal); fixed-size products for small d (util/fixed_size.hpp).
    parts.m.resize(d, d);
    parts.heat_transposed.resize(d, d);
    if (!with_fixed_size(d, [&](auto size) {
          using Square = Eigen::Matrix<double, decltype(size)::value, decltype(size)::value>;
          const Eigen::Map<const Square> s_fixed(s.data()), st_fixed(parts.st.data());
          Eigen::Map<Square>(parts.m.data()).noalias() = s_fixed * st_fixed;
          Eigen::Map<Square>(parts.heat_transposed.data()).noalias() =
              st_fixed.transpose() * Eigen::Map<const Square>(commutator.data());
        })) {
      parts.m.noalias() = s * parts.st;
      parts.heat_transposed.noalias() = parts.st.transpose() * commutator;
    }
    dissipator_stack_.middleRows(static_cast<Eigen::Index>(b) * d, d) = parts.st;
    dissipator_stack_.bottomRows(d) += parts.m;
  }
}

const RedfieldGenerator::ProductBasisData& RedfieldGenerator::product_data() const {
  std::call_once(product_data_built_, [this] {
    const Eigen::MatrixXd& v = eigenbasis_.vectors();
    const Eigen::SparseMatrix<double> h = closed_->hamiltonian().real();
    if (dimension() <= dense_hamiltonian_max_dimension)
      product_data_.hamiltonian = Eigen::MatrixXd(h);
    else
      product_data_.sparse_hamiltonian = h;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      ProductBath pb;
      const Eigen::VectorXd signs = closed_->terms().sz(baths_[i].site()).diagonal().real();  // S_b = sz = diag(+-1)
      for (Eigen::Index n = 0; n < signs.size(); ++n) (signs(n) > 0 ? pb.up : pb.down).push_back(n);
      const Eigen::MatrixXd st = v * parts_[i].st * v.transpose();
      pb.st_up = st(pb.up, Eigen::all);
      pb.st_down = st(pb.down, Eigen::all);
      product_data_.baths.push_back(std::move(pb));
    }
  });
  return product_data_;
}

Eigen::MatrixXcd RedfieldGenerator::to_product_basis(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const {
  const Eigen::MatrixXd& v = eigenbasis_.vectors();
  return v * rho * v.transpose();
}

Eigen::MatrixXcd RedfieldGenerator::to_eigenbasis(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const {
  const Eigen::MatrixXd& v = eigenbasis_.vectors();
  return v.transpose() * rho * v;
}

void RedfieldGenerator::apply_product_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho,
                                                Eigen::Ref<Eigen::MatrixXcd> drho) const {
  if (!closed_) {  // couplings of any form (not a ring's sz): through the eigenbasis
    const Eigen::MatrixXcd rho_eigen = to_eigenbasis(rho);
    Eigen::MatrixXcd d_eigen(rho.rows(), rho.cols());
    apply_hermitian(rho_eigen, d_eigen);
    drho = to_product_basis(d_eigen);
    return;
  }
  const Eigen::Index d = dimension();
  Workspace& w = workspace;
  const Eigen::MatrixXd& parts = split_real_imaginary(rho);
  // C = -i H rho: with H rho = a + i b, -i (a + i b) = b - i a.
  w.h_rho.resize(d, 2 * d);
  const ProductBasisData& product = product_data();
  if (product.hamiltonian.size() > 0)
    w.h_rho.noalias() = product.hamiltonian * parts;
  else
    w.h_rho.noalias() = product.sparse_hamiltonian * parts;
  Eigen::MatrixXd& c_re = w.c_re;
  Eigen::MatrixXd& c_im = w.c_im;
  c_re = w.h_rho.rightCols(d);
  c_im = -w.h_rho.leftCols(d);
  // C += [St_b rho, S_b]: (s_n - s_m) = -2 on (up, down), +2 on (down, up), 0 elsewhere.
  // Block (rows, cols) of St_b rho = St_b(rows, :) rho(:, cols), added to C with factor `sign`.
  auto add_block = [&](const std::vector<Eigen::Index>& rows, const std::vector<Eigen::Index>& cols,
                       const Eigen::MatrixXd& st_rows, double sign) {
    const Eigen::Index nr = static_cast<Eigen::Index>(rows.size()), nc = static_cast<Eigen::Index>(cols.size());
    if (nr == 0 || nc == 0) return;
    w.columns.resize(d, 2 * nc);  // rho(:, cols), real and imaginary parts
    for (Eigen::Index j = 0; j < nc; ++j) {
      w.columns.col(j) = parts.col(cols[static_cast<std::size_t>(j)]);
      w.columns.col(nc + j) = parts.col(d + cols[static_cast<std::size_t>(j)]);
    }
    w.y.resize(nr, 2 * nc);
    w.y.noalias() = st_rows * w.columns;
    for (Eigen::Index j = 0; j < nc; ++j)
      for (Eigen::Index i = 0; i < nr; ++i) {
        const Eigen::Index m = rows[static_cast<std::size_t>(i)], n = cols[static_cast<std::size_t>(j)];
        c_re(m, n) += sign * w.y(i, j);
        c_im(m, n) += sign * w.y(i, nc + j);
      }
  };
  for (const ProductBath& pb : product.baths) {
    add_block(pb.up, pb.down, pb.st_up, -2.0);
    add_block(pb.down, pb.up, pb.st_down, 2.0);
  }
  // d rho/dt = C + C^dagger
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m < d; ++m) drho(m, n) = Complex(c_re(m, n) + c_re(n, m), c_im(m, n) - c_im(n, m));
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
    drho.noalias() += (p.st * rho) * *p.s;
    drho.noalias() -= p.m * rho;
    drho.noalias() += (*p.s * rho) * p.st.transpose();
    drho.noalias() -= rho * p.m.transpose();
  }
}

std::pair<const Eigen::MatrixXd&, const Eigen::MatrixXd&> RedfieldGenerator::dissipator_half(
    const Eigen::MatrixXd& parts) const {
  // A = sum_b (St_b rho S_b - M_b rho) for parts = [Re rho | Im rho], into the workspace's (c_re, c_im); for Hermitian
  // rho, D = A + A^dagger. Real arithmetic: one product [St_1; ...; St_B; M] [Re | Im] (M = sum_b M_b), then
  // (St_b Re) S_b and (St_b Im) S_b per bath: (2 (B + 1) + 2 B) d^3 multiply-adds. From 3 to 8 levels these are
  // fixed-size products (dissipator_half_fixed). Up to dissipator_copy_max_dimension the two halves are copied into
  // one operand [St_b Re; St_b Im] and multiplied at once (fewer product calls: measured on the residual check at
  // d = 6 before the fixed-size path, Fig. 3(a) grid 347 against 362 ms); beyond, they are multiplied in place as two
  // products (no copies: the d = 20 run 351 against 391 ms).
  const Eigen::Index d = dimension();
  Workspace& w = workspace;
  if (with_fixed_size(d, [&](auto size) {
        dissipator_half_fixed<decltype(size)::value>(dissipator_stack_, parts_, parts, w.c_re, w.c_im);
      }))
    return {w.c_re, w.c_im};
  const Eigen::Index m_row = static_cast<Eigen::Index>(parts_.size()) * d;
  w.left.resize(dissipator_stack_.rows(), 2 * d);
  w.left.noalias() = dissipator_stack_ * parts;  // [St_b Re, St_b Im] for each b, then [M Re, M Im]
  w.c_re = -w.left.block(m_row, 0, d, d);
  w.c_im = -w.left.block(m_row, d, d, d);
  for (std::size_t b = 0; b < parts_.size(); ++b) {
    const Eigen::Index row = static_cast<Eigen::Index>(b) * d;
    if (d <= dissipator_copy_max_dimension) {
      w.st_rho.resize(2 * d, d);
      w.right.resize(2 * d, d);
      w.st_rho.topRows(d) = w.left.block(row, 0, d, d);
      w.st_rho.bottomRows(d) = w.left.block(row, d, d, d);
      w.right.noalias() = w.st_rho * *parts_[b].s;  // [St_b Re S_b; St_b Im S_b]
      w.c_re += w.right.topRows(d);
      w.c_im += w.right.bottomRows(d);
    } else {
      w.c_re.noalias() += w.left.block(row, 0, d, d) * *parts_[b].s;
      w.c_im.noalias() += w.left.block(row, d, d, d) * *parts_[b].s;
    }
  }
  return {w.c_re, w.c_im};
}

void RedfieldGenerator::apply_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho,
                                        Eigen::Ref<Eigen::MatrixXcd> drho) const {
  const Eigen::Index d = dimension();
  const auto [a_re, a_im] = dissipator_half(split_real_imaginary(rho));
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m < d; ++m)
      drho(m, n) = Complex(0, -(energies_(m) - energies_(n))) * rho(m, n) +
                   Complex(a_re(m, n) + a_re(n, m), a_im(m, n) - a_im(n, m));
}

void RedfieldGenerator::apply_dissipator_hermitian(const Eigen::Ref<const Eigen::MatrixXcd>& rho,
                                                   Eigen::Ref<Eigen::MatrixXcd> drho) const {
  const Eigen::Index d = dimension();
  const auto [a_re, a_im] = dissipator_half(split_real_imaginary(rho));
  for (Eigen::Index n = 0; n < d; ++n)
    for (Eigen::Index m = 0; m < d; ++m) drho(m, n) = Complex(a_re(m, n) + a_re(n, m), a_im(m, n) - a_im(n, m));
}

Eigen::MatrixXcd RedfieldGenerator::dissipator(int bath, const Eigen::MatrixXcd& rho) const {
  const BathParts& p = parts_.at(static_cast<std::size_t>(bath));
  Eigen::MatrixXcd d = (p.st * rho) * *p.s;
  d.noalias() -= p.m * rho;
  d.noalias() += (*p.s * rho) * p.st.transpose();
  d.noalias() -= rho * p.m.transpose();
  return d;
}

double RedfieldGenerator::heat_current(int bath, const Eigen::MatrixXcd& rho) const {
  // 2 Re Tr(rho K) = 2 sum_mn Re(rho_mn) K_nm
  return 2.0 * rho.real().cwiseProduct(parts_.at(static_cast<std::size_t>(bath)).heat_transposed).sum();
}

}  // namespace nessie
