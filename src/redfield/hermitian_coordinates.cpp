#include <nessie/redfield/hermitian_coordinates.hpp>

#include <stdexcept>

namespace nessie {

HermitianCoordinates::HermitianCoordinates(int dimension) : d_(dimension) {
  if (dimension < 1) throw std::invalid_argument("HermitianCoordinates: dimension must be >= 1");
}

void HermitianCoordinates::pack(const Eigen::Ref<const Eigen::MatrixXcd>& rho,
                                Eigen::Ref<Eigen::VectorXd> coordinates) const {
  Eigen::Index k = 0;
  for (int m = 0; m < d_; ++m) coordinates[k++] = rho(m, m).real();
  for (int n = 1; n < d_; ++n)
    for (int m = 0; m < n; ++m) {
      coordinates[k++] = rho(m, n).real();
      coordinates[k++] = rho(m, n).imag();
    }
}

Eigen::VectorXd HermitianCoordinates::pack(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const {
  Eigen::VectorXd coordinates(size());
  pack(rho, coordinates);
  return coordinates;
}

void HermitianCoordinates::unpack(const Eigen::Ref<const Eigen::VectorXd>& coordinates,
                                  Eigen::Ref<Eigen::MatrixXcd> rho) const {
  Eigen::Index k = 0;
  for (int m = 0; m < d_; ++m) rho(m, m) = coordinates[k++];
  for (int n = 1; n < d_; ++n)
    for (int m = 0; m < n; ++m) {
      const std::complex<double> z(coordinates[k], coordinates[k + 1]);
      k += 2;
      rho(m, n) = z;
      rho(n, m) = std::conj(z);
    }
}

Eigen::MatrixXcd HermitianCoordinates::unpack(const Eigen::Ref<const Eigen::VectorXd>& coordinates) const {
  Eigen::MatrixXcd rho(d_, d_);
  unpack(coordinates, rho);
  return rho;
}

}  // namespace nessie
