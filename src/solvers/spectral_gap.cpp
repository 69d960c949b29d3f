#include <nessie/solvers/spectral_gap.hpp>

#include <nessie/redfield/liouvillian.hpp>
#include <nessie/solvers/augmented_generator.hpp>
#include <nessie/solvers/hermitian_gmres.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <algorithm>
#include <limits>
#include <random>
#include <set>
#include <vector>

namespace nessie {

std::optional<SpectralGap> spectral_gap(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                        int max_block) {
  std::set<int> sectors;
  for (int i = 0; i < eigenbasis.dimension(); ++i) sectors.insert(eigenbasis.sector_of(i));
  for (int k : sectors)
    if (eigenbasis.levels_in_sector(k).size() * eigenbasis.levels_in_sector(k).size() > static_cast<std::size_t>(max_block))
      return std::nullopt;

  SpectralGap gap;
  gap.rate = std::numeric_limits<double>::infinity();
  for (int k : sectors)
    for (int k2 : sectors) {
      if (k2 < k) continue;  // the block (k2, k) is the mirror image of (k, k2): conjugate eigenvalues
      const std::vector<int> rows = eigenbasis.levels_in_sector(k);
      const std::vector<int> cols = eigenbasis.levels_in_sector(k2);
      Eigen::VectorXcd lambda;
      if (k == k2) {  // maps Hermitian blocks to Hermitian blocks: the same eigenvalues as a real matrix, 4x cheaper
        lambda =
            Eigen::EigenSolver<Eigen::MatrixXd>(assemble_real_form_liouvillian(generator, rows), false).eigenvalues();
      } else {
        lambda = Eigen::ComplexEigenSolver<Eigen::MatrixXcd>(assemble_liouvillian(generator, rows, cols), false)
                     .eigenvalues();
      }
      const int copies = k == k2 ? 1 : 2;
      Eigen::Index stationary = -1;
      if (k == k2) lambda.cwiseAbs().minCoeff(&stationary);
      for (Eigen::Index i = 0; i < lambda.size(); ++i) {
        if (i == stationary) continue;
        if (std::abs(lambda(i).real()) < 1e-9 * std::abs(lambda(i))) {
          gap.undamped_modes += copies;
          continue;
        }
        if (std::abs(lambda(i).real()) < gap.rate) {
          gap.rate = std::abs(lambda(i).real());
          gap.frequency = lambda(i).imag();
        }
      }
      gap.blocks += copies;
    }
  if (!std::isfinite(gap.rate)) return std::nullopt;  // every block one-dimensional: nothing decays
  return gap;
}

std::optional<SpectralGap> spectral_gap_arnoldi(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                                int krylov_dimension) {
  const int d = generator.dimension();
  const int m = std::min(krylov_dimension, d * d);
  const AugmentedGenerator a(eigenbasis, generator);
  GmresSettings settings;
  settings.tolerance = 1e-11;
  settings.max_iterations = 400;
  bool inverse_failed = false;
  auto inverse = [&](const Eigen::MatrixXcd& x) {
    Eigen::MatrixXcd y = a.precondition(x);
    const GmresResult r = hermitian_gmres([&](const Eigen::MatrixXcd& v) { return a.apply(v); },
                                          [&](const Eigen::MatrixXcd& v) { return a.precondition(v); }, x, y, settings);
    inverse_failed = inverse_failed || !r.converged;
    return y;
  };
  // Arnoldi with real coefficients on Hermitian matrices, inner product Re Tr(a^dagger b).
  std::mt19937 rng(20261127);
  std::normal_distribution<double> normal;
  Eigen::MatrixXcd start(d, d);
  for (int j = 0; j < d; ++j)
    for (int i = 0; i < d; ++i) start(i, j) = Complex(normal(rng), normal(rng));
  start = start + start.adjoint().eval();
  std::vector<Eigen::MatrixXcd> v = {start / start.norm()};
  Eigen::MatrixXd h = Eigen::MatrixXd::Zero(m + 1, m);
  int steps = 0;
  for (; steps < m; ++steps) {
    Eigen::MatrixXcd w = inverse(v.back());
    if (inverse_failed) return std::nullopt;  // an inexact inverse gives meaningless Ritz values
    for (int pass = 0; pass < 2; ++pass)  // Gram-Schmidt twice keeps the basis orthogonal
      for (int i = 0; i <= steps; ++i) {
        const double c = (v[static_cast<std::size_t>(i)].conjugate().cwiseProduct(w)).sum().real();
        h(i, steps) += c;
        w -= c * v[static_cast<std::size_t>(i)];
      }
    h(steps + 1, steps) = w.norm();
    if (h(steps + 1, steps) < 1e-12 * h.col(steps).norm()) {  // invariant subspace: the Ritz values are exact
      ++steps;
      break;
    }
    v.push_back(w / h(steps + 1, steps));
  }
  const Eigen::EigenSolver<Eigen::MatrixXd> ritz(h.topLeftCorner(steps, steps));
  SpectralGap gap;
  gap.method = "arnoldi";
  gap.krylov_dimension = steps;
  gap.rate = std::numeric_limits<double>::infinity();
  for (int k = 0; k < steps; ++k) {
    const Complex theta = ritz.eigenvalues()(k);
    const Eigen::VectorXcd y = ritz.eigenvectors().col(k);
    const double residual = std::abs(h(steps, steps - 1) * y(steps - 1)) / y.norm();
    if (residual > 1e-6 * std::abs(theta)) continue;  // not converged
    const Complex lambda = 1.0 / theta;
    if (std::abs(lambda - 1.0) < 1e-8) continue;  // a moved stationary eigenvalue
    if (std::abs(lambda.real()) < 1e-9 * std::abs(lambda)) {
      ++gap.undamped_modes;
      continue;
    }
    if (std::abs(lambda.real()) < gap.rate) {
      gap.rate = std::abs(lambda.real());
      gap.frequency = lambda.imag();
    }
  }
  if (!std::isfinite(gap.rate)) return std::nullopt;
  return gap;
}

std::optional<SpectralGap> find_spectral_gap(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator) {
  int largest = 0;
  for (int i = 0; i < eigenbasis.dimension(); ++i)
    largest = std::max(largest, static_cast<int>(eigenbasis.levels_in_sector(eigenbasis.sector_of(i)).size()));
  if (largest <= automatic_dense_limit) return spectral_gap(eigenbasis, generator);
  return spectral_gap_arnoldi(eigenbasis, generator);
}

}  // namespace nessie
