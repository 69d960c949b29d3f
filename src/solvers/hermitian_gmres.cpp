#include <nessie/solvers/hermitian_gmres.hpp>

#include <cmath>
#include <vector>

namespace nessie {

namespace {
double inner_real(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) {
  return (a.conjugate().cwiseProduct(b)).sum().real();
}
}  // namespace

GmresResult hermitian_gmres(const MatrixOperator& apply, const MatrixOperator& preconditioner, const Eigen::MatrixXcd& b,
                            Eigen::MatrixXcd& x, const GmresSettings& settings) {
  GmresResult result;
  const double b_norm = b.norm();
  if (b_norm == 0) {
    x.setZero(b.rows(), b.cols());
    result.converged = true;
    return result;
  }
  double residual_norm = (b - apply(x)).norm();
  const int m = settings.restart;
  std::vector<Eigen::MatrixXcd> v;
  while (residual_norm > settings.tolerance * b_norm && result.iterations < settings.max_iterations) {
    const Eigen::MatrixXcd r = b - apply(x);
    const double beta = r.norm();
    v.assign(1, r / beta);
    Eigen::MatrixXd h = Eigen::MatrixXd::Zero(m + 1, m);
    Eigen::VectorXd cs = Eigen::VectorXd::Zero(m), sn = Eigen::VectorXd::Zero(m), g = Eigen::VectorXd::Zero(m + 1);
    g(0) = beta;
    int j = 0;
    while (j < m && result.iterations < settings.max_iterations) {
      Eigen::MatrixXcd w = apply(preconditioner(v[static_cast<std::size_t>(j)]));
      for (int i = 0; i <= j; ++i) {  // modified Gram-Schmidt
        h(i, j) = inner_real(v[static_cast<std::size_t>(i)], w);
        w -= h(i, j) * v[static_cast<std::size_t>(i)];
      }
      h(j + 1, j) = w.norm();
      v.push_back(h(j + 1, j) > 0 ? Eigen::MatrixXcd(w / h(j + 1, j)) : w);
      for (int i = 0; i < j; ++i) {  // earlier Givens rotations on column j
        const double t = cs(i) * h(i, j) + sn(i) * h(i + 1, j);
        h(i + 1, j) = -sn(i) * h(i, j) + cs(i) * h(i + 1, j);
        h(i, j) = t;
      }
      const double denominator = std::hypot(h(j, j), h(j + 1, j));
      cs(j) = h(j, j) / denominator;
      sn(j) = h(j + 1, j) / denominator;
      h(j, j) = denominator;
      h(j + 1, j) = 0;
      g(j + 1) = -sn(j) * g(j);
      g(j) = cs(j) * g(j);
      ++j;
      ++result.iterations;
      if (std::abs(g(j)) <= settings.tolerance * b_norm) break;
    }
    const Eigen::VectorXd y = h.topLeftCorner(j, j).triangularView<Eigen::Upper>().solve(g.head(j));
    Eigen::MatrixXcd update = Eigen::MatrixXcd::Zero(b.rows(), b.cols());
    for (int i = 0; i < j; ++i) update += y(i) * v[static_cast<std::size_t>(i)];
    x += preconditioner(update);
    const double previous = residual_norm;
    residual_norm = (b - apply(x)).norm();
    if (!std::isfinite(residual_norm) || residual_norm >= previous) break;  // stagnation: let the caller judge
  }
  result.relative_residual = residual_norm / b_norm;
  result.converged = residual_norm <= settings.tolerance * b_norm;
  return result;
}

}  // namespace nessie
