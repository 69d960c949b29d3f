#pragma once
// Restarted, right-preconditioned GMRES on the real vector space of Hermitian matrices.
#include <Eigen/Dense>
#include <functional>

namespace nessie {

// An operator on d x d matrices that maps Hermitian matrices to Hermitian matrices (as L, and its preconditioner).
using MatrixOperator = std::function<Eigen::MatrixXcd(const Eigen::MatrixXcd&)>;

struct GmresSettings {
  double tolerance = 1e-12;  // stop when ||b - A x|| <= tolerance ||b||
  int restart = 30;          // Krylov vectors kept (memory: restart x d^2 complex numbers)
  int max_iterations = 3000;
};

struct GmresResult {
  int iterations = 0;
  double relative_residual = 0;
  bool converged = false;
};

// Solves A x = b for Hermitian b, starting from x. Inner products Re Tr(a^dagger b) are real on Hermitian matrices, so
// the Arnoldi basis and the iterate stay Hermitian and all coefficients are real.
GmresResult hermitian_gmres(const MatrixOperator& apply, const MatrixOperator& preconditioner, const Eigen::MatrixXcd& b,
                            Eigen::MatrixXcd& x, const GmresSettings& settings);

}  // namespace nessie
