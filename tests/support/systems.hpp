#pragma once
// Systems used across the tests: the paper's ring and variations of it.
#include <nessie/redfield/open_system.hpp>

#include <map>
#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace nessie::testing {

// The paper's setup (physics.md): N = 4, J = 1, h_2 = 2, h_3 = 1, baths at 1 (T_L) and 3 (T_R), gamma 0.01, wc 10.
inline std::unique_ptr<OpenSystem> paper_ring(double delta = 2.0, std::optional<int> up = 2, double t_left = 2.0,
                                              double t_right = 1.0, double gamma = 0.01) {
  return std::make_unique<OpenSystem>(Ring(4, 1.0, delta, {{2, 2.0}, {3, 1.0}}), up,
                                      std::vector<Bath>{Bath(1, t_left, gamma, 10.0), Bath(3, t_right, gamma, 10.0)});
}

// A ring of 5 sites with fields on three sites and three baths: nothing symmetric, no parameter 1.
inline std::unique_ptr<OpenSystem> random_system(std::optional<int> up) {
  return std::make_unique<OpenSystem>(Ring(5, 0.8, 1.7, {{1, 0.3}, {2, -1.2}, {4, 0.9}}), up,
                                      std::vector<Bath>{Bath(1, 2.5, 0.03, 7.0), Bath(3, 0.7, 0.01, 12.0),
                                                        Bath(4, 1.1, 0.02, 9.0)});
}

// Column-stacked vec(m).
inline Eigen::VectorXcd vec(const Eigen::MatrixXcd& m) { return Eigen::Map<const Eigen::VectorXcd>(m.data(), m.size()); }

// A random Hermitian matrix with unit trace (not necessarily positive).
inline Eigen::MatrixXcd random_hermitian(int d, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  Eigen::MatrixXcd a(d, d);
  for (int i = 0; i < d; ++i)
    for (int j = 0; j < d; ++j) a(i, j) = Complex(normal(rng), normal(rng));
  Eigen::MatrixXcd h = a + a.adjoint();
  return h / h.trace();
}

// A random density matrix (positive, unit trace).
inline Eigen::MatrixXcd random_density_matrix(int d, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  Eigen::MatrixXcd a(d, d);
  for (int i = 0; i < d; ++i)
    for (int j = 0; j < d; ++j) a(i, j) = Complex(normal(rng), normal(rng));
  Eigen::MatrixXcd rho = a * a.adjoint();
  return rho / rho.trace().real();
}

}  // namespace nessie::testing
