#pragma once
// Real coordinates of a Hermitian d x d matrix: the d^2 real numbers that determine it.
#include <Eigen/Dense>

namespace nessie {

// Order: rho_00, ..., rho_(d-1)(d-1) (real diagonal), then for each column n and row m < n the pair
// Re rho_mn, Im rho_mn. The Redfield equation maps Hermitian rho to Hermitian d rho/dt, so on these coordinates it is
// a real linear map (see real_liouvillian.hpp).
class HermitianCoordinates {
 public:
  explicit HermitianCoordinates(int dimension);

  int dimension() const { return d_; }
  Eigen::Index size() const { return static_cast<Eigen::Index>(d_) * d_; }

  // Reads the upper triangle and the diagonal of rho (Hermiticity assumed, not checked).
  void pack(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::VectorXd> coordinates) const;
  Eigen::VectorXd pack(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const;
  // Fills the whole Hermitian matrix.
  void unpack(const Eigen::Ref<const Eigen::VectorXd>& coordinates, Eigen::Ref<Eigen::MatrixXcd> rho) const;
  Eigen::MatrixXcd unpack(const Eigen::Ref<const Eigen::VectorXd>& coordinates) const;

 private:
  int d_;
};

// The real matrix of a map on column-stacked vec(rho) (complex n^2 x n^2, entry (p + q n) of vec is rho_pq) that maps
// Hermitian matrices to Hermitian matrices, acting on HermitianCoordinates(n): columns combine the columns of (p,q)
// and (q,p), rows take the real or imaginary part of row (p,q). O(n^4), no products.
Eigen::MatrixXd hermitian_coordinate_matrix(const Eigen::MatrixXcd& l, int n);

}  // namespace nessie
