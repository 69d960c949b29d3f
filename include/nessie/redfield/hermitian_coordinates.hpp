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
  // Where rho_mk (m <= k) sits: the diagonal rho_mm, or Re rho_mk with Im rho_mk at the next position.
  Eigen::Index position(int m, int k) const {
    return m == k ? static_cast<Eigen::Index>(m) : d_ + 2 * (static_cast<Eigen::Index>(k) * (k - 1) / 2 + m);
  }

  // Reads the upper triangle and the diagonal of rho (Hermiticity assumed, not checked).
  void pack(const Eigen::Ref<const Eigen::MatrixXcd>& rho, Eigen::Ref<Eigen::VectorXd> coordinates) const;
  Eigen::VectorXd pack(const Eigen::Ref<const Eigen::MatrixXcd>& rho) const;
  // Fills the whole Hermitian matrix.
  void unpack(const Eigen::Ref<const Eigen::VectorXd>& coordinates, Eigen::Ref<Eigen::MatrixXcd> rho) const;
  Eigen::MatrixXcd unpack(const Eigen::Ref<const Eigen::VectorXd>& coordinates) const;

 private:
  int d_;
};

}  // namespace nessie
