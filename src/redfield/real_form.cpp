#include <nessie/redfield/real_form.hpp>

namespace nessie {

Eigen::MatrixXd real_form(const Eigen::Ref<const Eigen::MatrixXcd>& rho) {
  const Eigen::MatrixXcd hermitian = (rho + rho.adjoint()) / 2.0;
  return hermitian.real() + hermitian.imag();
}

Eigen::MatrixXcd from_real_form(const Eigen::Ref<const Eigen::MatrixXd>& y) {
  const Eigen::Index n = y.rows();
  Eigen::MatrixXcd rho(n, n);
  for (Eigen::Index k = 0; k < n; ++k)
    for (Eigen::Index m = 0; m < n; ++m)
      rho(m, k) = std::complex<double>((y(m, k) + y(k, m)) / 2, (y(m, k) - y(k, m)) / 2);
  return rho;
}

}  // namespace nessie
