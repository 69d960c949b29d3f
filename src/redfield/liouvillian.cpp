#include <nessie/redfield/liouvillian.hpp>

#include <nessie/util/fixed_size.hpp>

#include <numeric>

namespace nessie {

Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& rows,
                                      const std::vector<int>& columns) {
  const int nr = static_cast<int>(rows.size());
  const int nc = static_cast<int>(columns.size());
  const Eigen::VectorXd& e = generator.energies();
  const Eigen::Index size = static_cast<Eigen::Index>(nr) * nc;
  Eigen::MatrixXcd l = Eigen::MatrixXcd::Zero(size, size);
  auto vec = [nr](int m, int k) { return static_cast<Eigen::Index>(m) + static_cast<Eigen::Index>(k) * nr; };
  for (int b = 0; b < generator.bath_count(); ++b) {
    const Eigen::MatrixXd& s = generator.coupling(b);
    const Eigen::MatrixXd& st = generator.transition(b);
    const Eigen::MatrixXd& mm = generator.coupling_transition(b);
    // Entry (row (m, k) of vec(D[rho]), column (p, q) of vec(rho)); m, p run over `rows`, k, q over `columns`.
    for (int q = 0; q < nc; ++q)
      for (int p = 0; p < nr; ++p)
        for (int k = 0; k < nc; ++k)
          for (int m = 0; m < nr; ++m) {
            const int lm = rows[m], lk = columns[k], lp = rows[p], lq = columns[q];
            double v = s(lk, lq) * st(lm, lp) + st(lk, lq) * s(lm, lp);  // S x St + St x S
            if (k == q) v -= mm(lm, lp);                                 // - I x M
            if (m == p) v -= mm(lk, lq);                                 // - M x I
            l(vec(m, k), vec(p, q)) += v;
          }
  }
  for (int k = 0; k < nc; ++k)
    for (int m = 0; m < nr; ++m) l(vec(m, k), vec(m, k)) += Complex(0, -(e(rows[m]) - e(columns[k])));
  return l;
}

namespace {

// Block (k, q) of the real-form Liouvillian (rows (m, k), columns (p, q); m, p = 0 .. n-1) is the n x n matrix
//   sum_b (S_b(k, q) St_b + St_b(k, q) S_b) - delta_kq M - M(k, q) I,
// a combination of whole matrices: with a compile-time N (util/fixed_size.hpp) for the small blocks of a sweep's
// points, where loops of n = 6 iterations would run as scalar remainders.
template <int N>
void assemble_dissipator_fixed(const std::vector<const Eigen::MatrixXd*>& s,
                               const std::vector<const Eigen::MatrixXd*>& st, const Eigen::MatrixXd& m_total,
                               bool transposed, Eigen::MatrixXd& a) {
  using Square = Eigen::Matrix<double, N, N>;
  const Eigen::Map<const Square> m(m_total.data());
  for (int q = 0; q < N; ++q)
    for (int k = 0; k < N; ++k) {
      Square block = -m_total(k, q) * Square::Identity();
      if (k == q) block -= m;
      for (std::size_t b = 0; b < s.size(); ++b)
        block += (*s[b])(k, q) * Eigen::Map<const Square>(st[b]->data()) +
                 (*st[b])(k, q) * Eigen::Map<const Square>(s[b]->data());
      for (int p = 0; p < N; ++p) a.col(transposed ? q + p * N : p + q * N).template segment<N>(k * N) = block.col(p);
    }
}

void assemble_dissipator(Eigen::Index n, const std::vector<const Eigen::MatrixXd*>& s,
                         const std::vector<const Eigen::MatrixXd*>& st, const Eigen::MatrixXd& m_total, bool transposed,
                         Eigen::MatrixXd& a) {
  if (with_fixed_size(
          n, [&](auto size) { assemble_dissipator_fixed<decltype(size)::value>(s, st, m_total, transposed, a); }))
    return;
  Eigen::MatrixXd block(n, n);
  for (Eigen::Index q = 0; q < n; ++q)
    for (Eigen::Index k = 0; k < n; ++k) {
      block = -m_total(k, q) * Eigen::MatrixXd::Identity(n, n);
      if (k == q) block -= m_total;
      for (std::size_t b = 0; b < s.size(); ++b) block += (*s[b])(k, q) * *st[b] + (*st[b])(k, q) * *s[b];
      for (Eigen::Index p = 0; p < n; ++p) a.col(transposed ? q + p * n : p + q * n).segment(k * n, n) = block.col(p);
    }
}

}  // namespace

Eigen::MatrixXd assemble_real_form_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels,
                                               RealFormUnknowns unknowns) {
  Eigen::MatrixXd a;
  assemble_real_form_liouvillian(generator, levels, a, unknowns);
  return a;
}

void assemble_real_form_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels,
                                    Eigen::MatrixXd& a, RealFormUnknowns unknowns) {
  const Eigen::Index n = static_cast<Eigen::Index>(levels.size());
  const Eigen::VectorXd& e = generator.energies();
  // The blocks of S_b, St_b and M = sum_b M_b on `levels` (the matrices themselves when `levels` are all levels, as
  // in a sector basis), in per-thread storage: this runs at every point of a sweep, where allocations cost more than
  // the loops.
  const bool all_levels = n == generator.dimension();  // then levels = 0 .. n-1
  const std::size_t baths = static_cast<std::size_t>(generator.bath_count());
  thread_local std::vector<Eigen::MatrixXd> s_blocks, st_blocks;
  thread_local Eigen::MatrixXd m_total;
  thread_local std::vector<const Eigen::MatrixXd*> s, st;
  s_blocks.resize(baths);
  st_blocks.resize(baths);
  s.resize(baths);
  st.resize(baths);
  auto block = [&](const Eigen::MatrixXd& full, Eigen::MatrixXd& part) -> const Eigen::MatrixXd* {
    if (all_levels) return &full;
    part.resize(n, n);
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = 0; i < n; ++i)
        part(i, j) = full(levels[static_cast<std::size_t>(i)], levels[static_cast<std::size_t>(j)]);
    return &part;
  };
  m_total.setZero(n, n);
  for (std::size_t b = 0; b < baths; ++b) {
    s[b] = block(generator.coupling(static_cast<int>(b)), s_blocks[b]);
    st[b] = block(generator.transition(static_cast<int>(b)), st_blocks[b]);
    const Eigen::MatrixXd& m_b = generator.coupling_transition(static_cast<int>(b));
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = 0; i < n; ++i)
        m_total(i, j) +=
            all_levels ? m_b(i, j) : m_b(levels[static_cast<std::size_t>(i)], levels[static_cast<std::size_t>(j)]);
  }
  // Entry (m + k n, p + q n) is D[E_pq]_mk, from the Kronecker form above:
  //   D[E_pq]_mk = sum_b (St_mp S_kq + S_mp St_kq) - delta_kq M_mp - delta_mp M_kq,
  // assembled by n x n blocks (k, q) (assemble_dissipator). Plus the coherent part, which takes Y_pq to
  // dY_qp = -(E_q - E_p) Y_pq (real_form.hpp): row q + p n of column p + q n, or of column q + p n (the diagonal)
  // when the unknowns are vec(Y^T).
  const bool transposed = unknowns == RealFormUnknowns::transposed;
  a.resize(n * n, n * n);
  assemble_dissipator(n, s, st, m_total, transposed, a);
  for (Eigen::Index q = 0; q < n; ++q)
    for (Eigen::Index p = 0; p < n; ++p)
      if (p != q)
        a(q + p * n, transposed ? q + p * n : p + q * n) -=
            e(levels[static_cast<std::size_t>(q)]) - e(levels[static_cast<std::size_t>(p)]);
}

Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels) {
  return assemble_liouvillian(generator, levels, levels);
}

Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator) {
  std::vector<int> all(static_cast<std::size_t>(generator.dimension()));
  std::iota(all.begin(), all.end(), 0);
  return assemble_liouvillian(generator, all, all);
}

}  // namespace nessie
