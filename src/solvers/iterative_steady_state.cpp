#include <nessie/solvers/iterative_steady_state.hpp>

#include <nessie/errors.hpp>
#include <nessie/solvers/augmented_generator.hpp>
#include <nessie/solvers/hermitian_gmres.hpp>
#include <nessie/util/number_text.hpp>

#include <cmath>
#include <string>

namespace nessie {

SteadyState solve_steady_state_iterative(const Eigenbasis& eigenbasis, const RedfieldGenerator& generator,
                                         const std::map<int, double>& weights, const IterativeSettings& settings) {
  const AugmentedGenerator a(eigenbasis, generator);
  const Eigen::MatrixXcd b = a.right_hand_side(weights);
  Eigen::MatrixXcd x = a.precondition(b);  // the secular-like guess
  GmresSettings gmres;
  gmres.tolerance = settings.tolerance;
  gmres.restart = settings.restart;
  gmres.max_iterations = settings.max_iterations;
  const GmresResult solve = hermitian_gmres([&](const Eigen::MatrixXcd& v) { return a.apply(v); },
                                            [&](const Eigen::MatrixXcd& v) { return a.precondition(v); }, b, x, gmres);
  if (!solve.converged)
    throw NumericalError("the iterative steady-state solve stopped at relative residual " +
                         number_text(solve.relative_residual) + " after " + std::to_string(solve.iterations) +
                         " iterations; try --solver dense");

  return finish_steady_state(x, generator, weights, "iterative", solve.iterations);
}

}  // namespace nessie
