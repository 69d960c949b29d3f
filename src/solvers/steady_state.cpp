#include <nessie/solvers/steady_state.hpp>

#include <nessie/errors.hpp>
#include <nessie/redfield/liouvillian.hpp>
#include <nessie/redfield/real_form.hpp>
#include <nessie/solvers/iterative_steady_state.hpp>
#include <nessie/solvers/small_lu.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace nessie {

std::map<int, double> sector_weights(const Eigenbasis& eigenbasis, const Eigen::MatrixXcd& rho) {
  std::map<int, double> weights;
  for (int i = 0; i < eigenbasis.dimension(); ++i) weights[eigenbasis.sector_of(i)] += rho(i, i).real();
  return weights;
}

namespace {

// Below this reciprocal condition number of the trace-augmented block, the block's null space is taken to have
// more than one dimension (a symmetry conserves more than the trace). A unique NESS gives about 1e-3 to 1e-6 here
// (the slowest rate over the largest Bohr frequency); an exact symmetry gives rounding, about 1e-17.
constexpr double degenerate_rcond = 1e-11;

// Eigen's rcond() estimator costs several triangular solves, more than the solve itself at small n. A singular block
// shows first in one solve with a generic right-hand side z: ||z|| / (||A|| ||A^{-1} z||) is an upper bound of the
// reciprocal condition number (1-norms) that exceeds it by a modest factor unless z is nearly orthogonal to the
// singular direction. Below this probe value rcond() decides; above it the block is taken as regular (a singular
// block would need z orthogonal to its singular direction to within 1e-8).
constexpr double probe_rcond = 1e-9;

// The probe's right-hand side z (fixed, generic: no simple relation to the block's structure).
const Eigen::VectorXd& probe_vector(Eigen::Index size) {
  thread_local Eigen::VectorXd z;
  if (z.size() != size) {
    z.resize(size);
    for (Eigen::Index i = 0; i < size; ++i)
      z(i) = 1.0 + std::fmod(0.6180339887498949 * static_cast<double>(i + 1), 1.0);
  }
  return z;
}

// From y = A^{-1} z for the probe vector z.
bool probe_says_singular(const Eigen::Ref<const Eigen::VectorXd>& y, const Eigen::VectorXd& z, double norm1) {
  const double inverse_norm_bound = y.lpNorm<1>() / z.lpNorm<1>();
  return !(1.0 / (norm1 * inverse_norm_bound) > probe_rcond);  // NaN or Inf: singular too
}

// x with a x = rhs when the trace-augmented block `a` is regular (a unique NESS); false when its null space has more
// than one dimension. Small blocks (a sweep's points) are factorised by SmallLu; Eigen's PartialPivLU, in place in
// `a`, takes the large ones and decides with its rcond() whenever the probe says the block may be singular.
bool solve_if_regular(Eigen::MatrixXd& a, const Eigen::VectorXd& rhs, double norm1, Eigen::VectorXd& x) {
  const Eigen::VectorXd& z = probe_vector(a.rows());
  if (a.rows() <= small_lu_max_size) {
    thread_local SmallLu small;
    thread_local Eigen::MatrixXd solutions;  // [x, A^{-1} z], solved in one pass
    if (small.factorize(a)) {
      solutions.resize(a.rows(), 2);
      solutions.col(0) = rhs;
      solutions.col(1) = z;
      small.solve_in_place(solutions);
      if (!probe_says_singular(solutions.col(1), z, norm1)) {
        x = solutions.col(0);
        return true;
      }
    }
  }
  const Eigen::PartialPivLU<Eigen::Ref<Eigen::MatrixXd>> lu(a);
  if (probe_says_singular(lu.solve(z), z, norm1) && !(lu.rcond() > degenerate_rcond)) return false;
  x = lu.solve(rhs);
  return true;
}

// The stationary state reached from x0 when the null space of `a` has several dimensions: with right null vectors R
// and left null vectors (conserved linear functionals) C, x = R (C^T R)^{-1} C^T x0 (the spectral projector on the
// eigenvalue 0, which keeps every conserved quantity, the trace among them, at its initial value).
Eigen::VectorXd project_on_null_space(const Eigen::MatrixXd& a, const Eigen::VectorXd& x0, int& dimension) {
  Eigen::FullPivLU<Eigen::MatrixXd> right(a);
  right.setThreshold(1e-10);
  Eigen::FullPivLU<Eigen::MatrixXd> left(a.transpose());
  left.setThreshold(1e-10);
  const Eigen::MatrixXd r = right.kernel();
  const Eigen::MatrixXd c = left.kernel();
  dimension = static_cast<int>(r.cols());
  if (r.cols() != c.cols())
    throw NumericalError("the steady state is not unique and its null space is not diagonalisable (left and right "
                         "null spaces of dimension " + std::to_string(c.cols()) + " and " + std::to_string(r.cols()) +
                         ")");
  const Eigen::MatrixXd overlap = c.transpose() * r;
  return r * overlap.fullPivLu().solve(c.transpose() * x0);
}

}  // namespace

SteadyState solve_steady_state(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                               const std::map<int, double>& weights, const Eigen::MatrixXcd* rho0) {
  const int d = eigenbasis.dimension();
  Eigen::MatrixXcd rho = Eigen::MatrixXcd::Zero(d, d);
  int null_space_dimension = 1;
  for (const auto& [sector, weight] : weights) {
    if (weight == 0.0) continue;
    const std::vector<int> levels = eigenbasis.levels_in_sector(sector);
    const int n = static_cast<int>(levels.size());
    if (n > max_dense_levels)
      throw NumericalError("the sector with " + std::to_string(sector) + " up spins has dimension " + std::to_string(n) +
                           ", above the dense solver's limit of " + std::to_string(max_dense_levels) +
                           "; use --solver iterative");
    // The NESS is Hermitian, so solve for its real form Y = Re rho + Im rho (n^2 real unknowns: a real LU, a quarter
    // of the complex one's work; real_form.hpp). Assembled and factorised in place; small blocks (a sweep's points)
    // in per-thread storage, where the allocation would cost more than the assembly, large ones in storage freed
    // after the solve.
    thread_local Eigen::MatrixXd small_block;
    Eigen::MatrixXd large_block;
    Eigen::MatrixXd& a = n <= 16 ? small_block : large_block;
    assemble_real_form_liouvillian(generator, levels, a, RealFormUnknowns::transposed);  // x = vec(Y^T)
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(a.rows());
    // The trace is conserved, so the diagonal rows of L are linearly dependent: replace row (0,0) by
    // Tr rho = sum_m Y_mm = w.
    a.row(0).setZero();
    for (int m = 0; m < n; ++m) a(0, m + m * n) = 1.0;
    rhs(0) = weight;
    const double norm1 = a.cwiseAbs().colwise().sum().maxCoeff();
    Eigen::VectorXd x;
    Eigen::MatrixXd y;  // the real form of the block
    if (solve_if_regular(a, rhs, norm1, x)) {
      y = Eigen::Map<const Eigen::MatrixXd>(x.data(), n, n).transpose();
    } else {  // not unique: the state reached from rho0's block (or from the sector's maximally mixed state)
      Eigen::MatrixXcd start(n, n);
      if (rho0) {
        for (int q = 0; q < n; ++q)
          for (int p = 0; p < n; ++p) start(p, q) = (*rho0)(levels[p], levels[q]);
      } else {
        start = Eigen::MatrixXcd::Identity(n, n) * (weight / n);
      }
      int dimension = 0;
      // Assembled again (`a` holds the factors; rare, so the common path keeps no copy), on vec(Y) itself: the
      // projector needs the operator, whose left null vectors act on the same coordinates as the state.
      const Eigen::MatrixXd start_form = real_form(start);
      x = project_on_null_space(assemble_real_form_liouvillian(generator, levels),
                                Eigen::Map<const Eigen::VectorXd>(start_form.data(), start_form.size()), dimension);
      y = Eigen::Map<const Eigen::MatrixXd>(x.data(), n, n);
      null_space_dimension = std::max(null_space_dimension, dimension);
    }
    if (!y.allFinite())
      throw NumericalError("steady-state solve failed in the sector with " + std::to_string(sector) + " up spins");
    const Eigen::MatrixXcd block = from_real_form(y);
    for (int q = 0; q < n; ++q)
      for (int p = 0; p < n; ++p) rho(levels[p], levels[q]) = block(p, q);
  }
  SteadyState result = finish_steady_state(rho, generator, weights, "dense", 0);
  result.null_space_dimension = null_space_dimension;
  return result;
}

SteadyState steady_state_reached_from(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                      const Eigen::MatrixXcd& rho0) {
  return solve_steady_state(eigenbasis, generator, sector_weights(eigenbasis, rho0), &rho0);
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
  Eigen::MatrixXcd drho(result.rho.rows(), result.rho.cols());
  generator.apply_hermitian(result.rho, drho);
  result.residual = drho.norm();
  return result;
}

SteadyStateSolver steady_state_solver_from_name(const std::string& name) {
  if (name == "auto") return SteadyStateSolver::automatic;
  if (name == "dense") return SteadyStateSolver::dense;
  if (name == "iterative") return SteadyStateSolver::iterative;
  throw InputError("--solver", "expected auto, dense or iterative, got '" + name + "'");
}

SteadyState find_steady_state(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                              const std::map<int, double>& weights, SteadyStateSolver solver,
                              const Eigen::MatrixXcd* rho0) {
  if (solver == SteadyStateSolver::automatic) {
    std::map<int, int> levels;
    for (int i = 0; i < eigenbasis.dimension(); ++i) ++levels[eigenbasis.sector_of(i)];
    int largest = 0;
    for (const auto& [k, n] : levels) largest = std::max(largest, n);
    solver = largest <= automatic_dense_limit ? SteadyStateSolver::dense : SteadyStateSolver::iterative;
  }
  if (solver == SteadyStateSolver::dense) return solve_steady_state(eigenbasis, generator, weights, rho0);
  return solve_steady_state_iterative(eigenbasis, generator, weights);
}

}  // namespace nessie
