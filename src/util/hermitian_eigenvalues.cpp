#include <nessie/util/hermitian_eigenvalues.hpp>

#include <nessie/util/tridiagonal_eigenvalues.hpp>

#include <cmath>

namespace nessie {

const Eigen::VectorXd& hermitian_eigenvalues(const Eigen::Ref<const Eigen::MatrixXcd>& a) {
  thread_local Eigen::MatrixXcd hermitian;
  thread_local Eigen::Tridiagonalization<Eigen::MatrixXcd> tridiagonal;
  thread_local Eigen::VectorXd eigenvalues, off_diagonal;
  const Eigen::Index n = a.rows();
  hermitian = (a + a.adjoint()) / 2.0;
  if (n <= 1) {
    eigenvalues = hermitian.diagonal().real();
    return eigenvalues;
  }
  // Scaled by a power of two (exactly) to a largest entry in [0.5, 1): the QL rotations square the entries.
  const double largest = hermitian.cwiseAbs().maxCoeff();
  int exponent = 0;
  if (largest > 0 && std::isfinite(largest)) std::frexp(largest, &exponent);
  hermitian *= std::ldexp(1.0, -exponent);
  // Householder reduction to a real tridiagonal matrix (Eigen), then the implicit QL method.
  tridiagonal.compute(hermitian);
  eigenvalues = tridiagonal.diagonal();
  off_diagonal.resize(n);
  off_diagonal.head(n - 1) = tridiagonal.subDiagonal();
  if (!tridiagonal_eigenvalues(eigenvalues, off_diagonal)) {  // not converged (non-finite entries): Eigen's solver
    thread_local Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver;
    solver.compute(hermitian, Eigen::EigenvaluesOnly);
    eigenvalues = solver.eigenvalues();
  }
  eigenvalues *= std::ldexp(1.0, exponent);
  return eigenvalues;
}

}  // namespace nessie
