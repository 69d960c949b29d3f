#include <nessie/redfield/liouvillian.hpp>

#include <nessie/redfield/hermitian_coordinates.hpp>

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

Eigen::MatrixXd assemble_hermitian_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels) {
  Eigen::MatrixXd a;
  assemble_hermitian_liouvillian(generator, levels, a);
  return a;
}

void assemble_hermitian_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels,
                                    Eigen::MatrixXd& a) {
  const int n = static_cast<int>(levels.size());
  const Eigen::VectorXd& e = generator.energies();
  // Coordinate of the diagonal rho_mm (m == k) or of Re rho_mk (m < k; Im rho_mk is the next one).
  const HermitianCoordinates coordinates(n);
  auto coordinate = [&coordinates](int m, int k) { return coordinates.position(m, k); };
  const Eigen::Index size = static_cast<Eigen::Index>(n) * n;
  a.setZero(size, size);
  // Column (p, q) holds D[X] for X = E_pp (p == q), E_pq + E_qp (Re rho_pq = 1) or i (E_pq - E_qp) (Im rho_pq = 1,
  // the next column); row (m, k), m <= k, reads D[X]_mk (and its imaginary part for Im).
  // D[E_pq]_mk = sum_b (St_mp S_kq + S_mp St_kq) - delta_kq M_mp - delta_mp M_kq, M = sum_b M_b (Kronecker form above).
  // The blocks of S_b, St_b and M_b on `levels` (the matrices themselves when `levels` are all levels, as in a sector
  // basis), in per-thread storage: this runs at every point of a sweep, where allocations cost more than the loops.
  const bool all_levels = n == generator.dimension();  // then levels = 0 .. n-1
  thread_local Eigen::MatrixXd s_block, st_block, m_total;
  auto block = [&](const Eigen::MatrixXd& full, Eigen::MatrixXd& part) -> const Eigen::MatrixXd& {
    if (all_levels) return full;
    part.resize(n, n);
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i)
        part(i, j) = full(levels[static_cast<std::size_t>(i)], levels[static_cast<std::size_t>(j)]);
    return part;
  };
  m_total.setZero(n, n);
  for (int b = 0; b < generator.bath_count(); ++b) {
    const Eigen::MatrixXd& s = block(generator.coupling(b), s_block);
    const Eigen::MatrixXd& st = block(generator.transition(b), st_block);
    if (all_levels) {
      m_total += generator.coupling_transition(b);
    } else {
      for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
          m_total(i, j) += generator.coupling_transition(b)(levels[static_cast<std::size_t>(i)],
                                                            levels[static_cast<std::size_t>(j)]);
    }
    for (int q = 0; q < n; ++q)
      for (int p = 0; p <= q; ++p) {
        const Eigen::Index column = coordinate(p, q);
        const double *st_p = st.col(p).data(), *s_p = s.col(p).data();
        const double *st_q = st.col(q).data(), *s_q = s.col(q).data();
        double* re = a.col(column).data();  // column of rho_pp or Re rho_pq
        for (int k = 0; k < n; ++k) {
          const double s_kq = s_q[k], st_kq = st_q[k];
          if (p == q) {
            re[k] += st_p[k] * s_kq + s_p[k] * st_kq;
            for (int m = 0; m < k; ++m) re[coordinate(0, k) + 2 * m] += st_p[m] * s_kq + s_p[m] * st_kq;
            continue;
          }
          const double s_kp = s_p[k], st_kp = st_p[k];
          double* im = a.col(column + 1).data();           // column of Im rho_pq
          re[k] += 2 * (st_p[k] * s_kq + s_p[k] * st_kq);  // row (k, k): D[E_pq]_kk = D[E_qp]_kk
          // rows Re rho_mk at coordinate(0, k) + 2 m (m < k), Im rho_mk just after
          double* rows = re + coordinate(0, k);
          double* rows_im = im + coordinate(0, k) + 1;
          for (int m = 0; m < k; ++m) {
            const double forward = st_p[m] * s_kq + s_p[m] * st_kq;   // D[E_pq]_mk
            const double backward = st_q[m] * s_kp + s_q[m] * st_kp;  // D[E_qp]_mk
            rows[2 * m] += forward + backward;
            rows_im[2 * m] += forward - backward;
          }
        }
      }
  }
  // The M terms: D[E_pq] gets -M_mp in column q (rows (m, q)) and -M_kq in row p (rows (p, k)); only rows (m, k) with
  // m <= k are read (m < k for the imaginary parts).
  for (int q = 0; q < n; ++q)
    for (int p = 0; p <= q; ++p) {
      const Eigen::Index column = coordinate(p, q);
      if (p == q) {
        for (int m = 0; m <= p; ++m) a(coordinate(m, p), column) -= m_total(m, p);
        for (int k = p; k < n; ++k) a(coordinate(p, k), column) -= m_total(k, p);
        continue;
      }
      // E_pq: rows (m, q) and (p, k); E_qp: rows (m, p) and (q, k). Re column: sum; Im column: E_pq - E_qp.
      for (int m = 0; m <= q; ++m) a(coordinate(m, q), column) -= m_total(m, p);
      for (int k = p; k < n; ++k) a(coordinate(p, k), column) -= m_total(k, q);
      for (int m = 0; m <= p; ++m) a(coordinate(m, p), column) -= m_total(m, q);
      for (int k = q; k < n; ++k) a(coordinate(q, k), column) -= m_total(k, p);
      for (int m = 0; m < q; ++m) a(coordinate(m, q) + 1, column + 1) -= m_total(m, p);
      for (int k = p + 1; k < n; ++k) a(coordinate(p, k) + 1, column + 1) -= m_total(k, q);
      for (int m = 0; m < p; ++m) a(coordinate(m, p) + 1, column + 1) += m_total(m, q);
      for (int k = q + 1; k < n; ++k) a(coordinate(q, k) + 1, column + 1) += m_total(k, p);
    }
  // -i [H, rho]_pq = -i (E_p - E_q) rho_pq couples Re and Im of the same pair.
  for (int q = 1; q < n; ++q)
    for (int p = 0; p < q; ++p) {
      const Eigen::Index re = coordinate(p, q);
      const double w = e(levels[static_cast<std::size_t>(p)]) - e(levels[static_cast<std::size_t>(q)]);
      a(re + 1, re) -= w;
      a(re, re + 1) += w;
    }
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
