#include <nessie/util/hermitian_eigenvalues.hpp>

namespace nessie {

const Eigen::VectorXd& hermitian_eigenvalues(const Eigen::Ref<const Eigen::MatrixXcd>& a) {
  thread_local Eigen::MatrixXcd hermitian;
  thread_local Eigen::SelfAdjointEigenSolver<Eigen::MatrixXcd> solver;
  hermitian = (a + a.adjoint()) / 2.0;
  solver.compute(hermitian, Eigen::EigenvaluesOnly);
  return solver.eigenvalues();
}

}  // namespace nessie
