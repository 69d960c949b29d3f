#include <nessie/solvers/steady_state.hpp>

#include <nessie/errors.hpp>
#include <nessie/redfield/hermitian_coordinates.hpp>
#include <nessie/redfield/liouvillian.hpp>
#include <nessie/solvers/iterative_steady_state.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace nessie {

std::map<int, double> sector_weights(const Eigenbasis& eigenbasis, const Eigen::MatrixXcd& rho) {
  std::map<int, double> weights;
  for (int i = 0; i < eigenbasis.dimension(); ++i) weights[eigenbasis.sector_of(i)] += rho(i, i).real();
  return weights;
}

SteadyState solve_steady_state(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                               const std::map<int, double>& weights) {
  const int d = eigenbasis.dimension();
  Eigen::MatrixXcd rho = Eigen::MatrixXcd::Zero(d, d);
  for (const auto& [sector, weight] : weights) {
    if (weight == 0.0) continue;
    const std::vector<int> levels = eigenbasis.levels_in_sector(sector);
    const int n = static_cast<int>(levels.size());
    if (n > max_dense_levels)
      throw NumericalError("the sector with " + std::to_string(sector) + " up spins has dimension " + std::to_string(n) +
                           ", above the dense solver's limit of " + std::to_string(max_dense_levels) +
                           "; use --solver iterative");
    // The NESS is Hermitian, so solve on its n^2 real coordinates (a real LU, a quarter of the complex one's work).
    Eigen::MatrixXd a = hermitian_coordinate_matrix(assemble_liouvillian(generator, levels), n);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(a.rows());
    // The trace is conserved, so the diagonal rows of L are linearly dependent: replace row (0,0) by Tr rho = w
    // (the first n coordinates are the diagonal).
    a.row(0).setZero();
    a.row(0).head(n).setOnes();
    rhs(0) = weight;
    const Eigen::VectorXd x = a.partialPivLu().solve(rhs);
    if (!x.allFinite())
      throw NumericalError("steady-state solve failed in the sector with " + std::to_string(sector) + " up spins");
    const Eigen::MatrixXcd block = HermitianCoordinates(n).unpack(x);
    for (int q = 0; q < n; ++q)
      for (int p = 0; p < n; ++p) rho(levels[p], levels[q]) = block(p, q);
  }
  return finish_steady_state(rho, generator, weights, "dense", 0);
}

SteadyState finish_steady_state(const Eigen::MatrixXcd& x, const RedfieldGenerator& generator,
                                const std::map<int, double>& weights, const std::string& method, int iterations) {
  SteadyState result;
  result.method = method;
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

SteadyStateSolver steady_state_solver_from_name(const std::string& name) {
  if (name == "auto") return SteadyStateSolver::automatic;
  if (name == "dense") return SteadyStateSolver::dense;
  if (name == "iterative") return SteadyStateSolver::iterative;
  throw InputError("--solver", "expected auto, dense or iterative, got '" + name + "'");
}

SteadyState find_steady_state(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                              const std::map<int, double>& weights, SteadyStateSolver solver) {
  if (solver == SteadyStateSolver::automatic) {
    std::map<int, int> levels;
    for (int i = 0; i < eigenbasis.dimension(); ++i) ++levels[eigenbasis.sector_of(i)];
    int largest = 0;
    for (const auto& [k, n] : levels) largest = std::max(largest, n);
    solver = largest <= automatic_dense_limit ? SteadyStateSolver::dense : SteadyStateSolver::iterative;
  }
  if (solver == SteadyStateSolver::dense) return solve_steady_state(eigenbasis, generator, weights);
  return solve_steady_state_iterative(eigenbasis, generator, weights);
}

}  // namespace nessie
