#include <nessie/redfield/liouvillian.hpp>

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

Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator, const std::vector<int>& levels) {
  return assemble_liouvillian(generator, levels, levels);
}

Eigen::MatrixXcd assemble_liouvillian(const RedfieldGenerator& generator) {
  std::vector<int> all(static_cast<std::size_t>(generator.dimension()));
  std::iota(all.begin(), all.end(), 0);
  return assemble_liouvillian(generator, all, all);
}

}  // namespace nessie
