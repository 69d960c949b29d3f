#include <nessie/solvers/iterative_steady_state.hpp>

#include <nessie/errors.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace nessie {

namespace {

// The cheap part of A in the eigenbasis (see the header), applied as its inverse.
class Preconditioner {
 public:
  Preconditioner(const Eigenbasis& eigenbasis, const RedfieldGenerator& g, const std::vector<double>& level_weight)
      : d_(g.dimension()), diagonal_(d_, d_) {
    const Eigen::VectorXd& e = g.energies();
    Eigen::MatrixXd populations = Eigen::MatrixXd::Zero(d_, d_);
    diagonal_.setZero();
    for (int b = 0; b < g.bath_count(); ++b) {
      const Eigen::MatrixXd& s = g.coupling(b);
      const Eigen::MatrixXd& st = g.transition(b);
      const Eigen::MatrixXd& m = g.coupling_transition(b);
      // L_{(mk),(mk)} = sum_b [S_kk St_mm + St_kk S_mm - M_mm - M_kk] - i (E_m - E_k)
      for (int k = 0; k < d_; ++k)
        for (int i = 0; i < d_; ++i) diagonal_(i, k) += s(k, k) * st(i, i) + st(k, k) * s(i, i) - m(i, i) - m(k, k);
      // population block L_{(mm),(pp)} = sum_b 2 (S_mp St_mp - delta_mp M_mm)
      populations += 2 * s.cwiseProduct(st);
      populations.diagonal() -= 2 * m.diagonal();
    }
    for (int k = 0; k < d_; ++k)
      for (int i = 0; i < d_; ++i) diagonal_(i, k) += Complex(0, -(e(i) - e(k)));
    // + sum_K Tr(P_K x) P_K / d_K on the populations
    for (int i = 0; i < d_; ++i)
      for (int p = 0; p < d_; ++p)
        if (eigenbasis.sector_of(i) == eigenbasis.sector_of(p)) populations(i, p) += level_weight[static_cast<std::size_t>(i)];
    populations_ = populations.partialPivLu();
  }

  Eigen::MatrixXcd solve(const Eigen::MatrixXcd& r) const {
    Eigen::MatrixXcd x = r.cwiseQuotient(diagonal_);
    x.diagonal() = populations_.solve(Eigen::VectorXd(r.diagonal().real())).cast<Complex>();
    return x;
  }

 private:
  int d_;
  Eigen::MatrixXcd diagonal_;
  Eigen::PartialPivLU<Eigen::MatrixXd> populations_;
};

double inner_real(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) {
  // <a, b> = Tr(a^dagger b), real for Hermitian a and b
  return (a.conjugate().cwiseProduct(b)).sum().real();
}

}  // namespace

SteadyState solve_steady_state_iterative(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                         const std::map<int, double>& weights, const IterativeSettings& settings) {
  const int d = generator.dimension();
  // 1/d_K for each level, and b = sum_K w_K P_K / d_K.
  std::map<int, int> sector_size;
  for (int i = 0; i < d; ++i) ++sector_size[eigenbasis.sector_of(i)];
  std::vector<double> level_weight(static_cast<std::size_t>(d));
  Eigen::MatrixXcd b = Eigen::MatrixXcd::Zero(d, d);
  for (int i = 0; i < d; ++i) {
    const int k = eigenbasis.sector_of(i);
    level_weight[static_cast<std::size_t>(i)] = 1.0 / sector_size[k];
    const auto w = weights.find(k);
    b(i, i) = (w == weights.end() ? 0.0 : w->second) / sector_size[k];
  }
  auto apply_a = [&](const Eigen::MatrixXcd& x) {
    Eigen::MatrixXcd y(d, d);
    generator.apply_hermitian(x, y);
    std::map<int, double> traces;
    for (int i = 0; i < d; ++i) traces[eigenbasis.sector_of(i)] += x(i, i).real();
    for (int i = 0; i < d; ++i) y(i, i) += traces[eigenbasis.sector_of(i)] * level_weight[static_cast<std::size_t>(i)];
    return y;
  };
  const Preconditioner preconditioner(eigenbasis, generator, level_weight);

  const double b_norm = b.norm();
  Eigen::MatrixXcd x = preconditioner.solve(b);
  int iterations = 0;
  double residual_norm = (b - apply_a(x)).norm();
  const int m = settings.restart;
  std::vector<Eigen::MatrixXcd> v;
  while (residual_norm > settings.tolerance * b_norm) {
    if (iterations >= settings.max_iterations)
      throw NumericalError("the iterative steady-state solve did not converge in " +
                           std::to_string(settings.max_iterations) + " iterations (relative residual " +
                           std::to_string(residual_norm / b_norm) + "); try --solver dense");
    // One GMRES(m) cycle, right preconditioned, real Arnoldi on Hermitian matrices.
    const Eigen::MatrixXcd r = b - apply_a(x);
    const double beta = r.norm();
    v.assign(1, r / beta);
    Eigen::MatrixXd h = Eigen::MatrixXd::Zero(m + 1, m);
    Eigen::VectorXd cs = Eigen::VectorXd::Zero(m), sn = Eigen::VectorXd::Zero(m);
    Eigen::VectorXd g = Eigen::VectorXd::Zero(m + 1);
    g(0) = beta;
    int j = 0;
    for (; j < m && iterations < settings.max_iterations; ++j, ++iterations) {
      Eigen::MatrixXcd w = apply_a(preconditioner.solve(v[static_cast<std::size_t>(j)]));
      for (int i = 0; i <= j; ++i) {  // modified Gram-Schmidt
        h(i, j) = inner_real(v[static_cast<std::size_t>(i)], w);
        w -= h(i, j) * v[static_cast<std::size_t>(i)];
      }
      h(j + 1, j) = w.norm();
      v.push_back(h(j + 1, j) > 0 ? Eigen::MatrixXcd(w / h(j + 1, j)) : w);
      for (int i = 0; i < j; ++i) {  // apply the earlier Givens rotations to column j
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
      if (std::abs(g(j + 1)) <= settings.tolerance * b_norm) {
        ++j;
        ++iterations;
        break;
      }
    }
    const Eigen::VectorXd y =
        h.topLeftCorner(j, j).triangularView<Eigen::Upper>().solve(g.head(j));
    Eigen::MatrixXcd update = Eigen::MatrixXcd::Zero(d, d);
    for (int i = 0; i < j; ++i) update += y(i) * v[static_cast<std::size_t>(i)];
    x += preconditioner.solve(update);
    const double previous = residual_norm;
    residual_norm = (b - apply_a(x)).norm();
    if (!std::isfinite(residual_norm) || (j == 0 && residual_norm >= previous))
      throw NumericalError("the iterative steady-state solve broke down (relative residual " +
                           std::to_string(residual_norm / b_norm) + "); try --solver dense");
  }

  SteadyState result;
  result.method = "iterative";
  result.iterations = iterations;
  result.sector_weights = weights;
  result.hermiticity_error = (x - x.adjoint()).norm();
  result.rho = (x + x.adjoint()) / 2.0;
  double total_weight = 0;
  for (const auto& [sector, weight] : weights) total_weight += weight;
  result.trace_error = std::abs(result.rho.trace().real() - total_weight);
  result.residual = generator(result.rho).norm();
  return result;
}

}  // namespace nessie
