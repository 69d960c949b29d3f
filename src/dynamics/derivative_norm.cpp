#include <nessie/dynamics/derivative_norm.hpp>

#include <nessie/dynamics/propagator.hpp>

#include <cmath>

namespace nessie {

DerivativeNorm::DerivativeNorm(const RedfieldGenerator& generator) : generator_(generator) {
  if (generator.dimension() <= dense_rhs_max_dimension) {
    dissipator_.emplace(RealLiouvillian::dissipator_in_eigenbasis(generator));
    coordinates_.resize(dissipator_->coordinates().size());
    dissipated_.resize(coordinates_.size());
  }
}

double DerivativeNorm::operator()(const Eigen::MatrixXcd& rho) {
  if (!dissipator_) {
    derivative_.resize(rho.rows(), rho.cols());
    generator_.apply_hermitian(rho, derivative_);
    return derivative_.norm();
  }
  const HermitianCoordinates& coordinates = dissipator_->coordinates();
  const int d = coordinates.dimension();
  coordinates.pack(rho, coordinates_);
  dissipator_->apply(coordinates_, dissipated_);
  const Eigen::VectorXd& e = generator_.energies();
  double diagonal = 0, upper = 0;
  for (int m = 0; m < d; ++m) diagonal += dissipated_[m] * dissipated_[m];  // the coherent part is 0 on the diagonal
  for (int n = 1; n < d; ++n)
    for (int m = 0; m < n; ++m) {
      // -i omega_mn (a + i b) = omega_mn b - i omega_mn a, omega_mn = E_m - E_n
      const Eigen::Index k = coordinates.position(m, n);
      const double omega = e[m] - e[n];
      const double re = dissipated_[k] + omega * coordinates_[k + 1];
      const double im = dissipated_[k + 1] - omega * coordinates_[k];
      upper += re * re + im * im;
    }
  return std::sqrt(diagonal + 2 * upper);  // each pair m < n stands for two entries
}

}  // namespace nessie
