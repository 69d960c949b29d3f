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

Eigen::MatrixXd hermitian_coordinate_matrix(const Eigen::MatrixXcd& l, int n) {
  const Eigen::Index size = static_cast<Eigen::Index>(n) * n;
  if (l.rows() != size || l.cols() != size)
    throw std::invalid_argument("hermitian_coordinate_matrix: the map must be n^2 x n^2");
  auto vec = [n](int p, int q) { return static_cast<Eigen::Index>(p) + static_cast<Eigen::Index>(q) * n; };
  // Column k of the result: the complex vector U e_k that the coordinate k stands for, mapped by l, then read out.
  Eigen::MatrixXcd mapped(size, size);  // l U, column by column
  Eigen::Index k = 0;
  for (int m = 0; m < n; ++m) mapped.col(k++) = l.col(vec(m, m));
  for (int q = 1; q < n; ++q)
    for (int p = 0; p < q; ++p) {
      mapped.col(k++) = l.col(vec(p, q)) + l.col(vec(q, p));                               // Re rho_pq = 1
      mapped.col(k++) = std::complex<double>(0, 1) * (l.col(vec(p, q)) - l.col(vec(q, p)));  // Im rho_pq = 1
    }
  Eigen::MatrixXd a(size, size);
  k = 0;
  for (int m = 0; m < n; ++m) a.row(k++) = mapped.row(vec(m, m)).real();
  for (int q = 1; q < n; ++q)
    for (int p = 0; p < q; ++p) {
      a.row(k++) = mapped.row(vec(p, q)).real();
      a.row(k++) = mapped.row(vec(p, q)).imag();
    }
  return a;
}

}  // namespace nessie
