#pragma once
// The Redfield generator as a dense real matrix on the Hermitian coordinates of rho: the cheapest right-hand side
// for small dimensions (one real d^2 x d^2 matrix-vector product, no complex arithmetic, no basis changes).
#include <nessie/redfield/generator.hpp>
#include <nessie/redfield/hermitian_coordinates.hpp>
#include <nessie/util/padded_matrix.hpp>

#include <Eigen/Dense>

namespace nessie {

// A with d x/dt = A x for x = HermitianCoordinates::pack(rho), rho in the product basis (where the error control
// of the time evolution measures the same entries as on the matrix-free route). Built column by column by applying
// the matrix-free generator (RedfieldGenerator::apply, with basis changes) to the Hermitian matrix of each unit
// coordinate vector: d^2 applications and 8 d^4 bytes, so only for small d (the propagator's choice:
// dense_rhs_max_dimension). The same operator in the eigenbasis, on the real form of rho, is
// assemble_real_form_liouvillian (liouvillian.hpp).
class RealLiouvillian {
 public:
  explicit RealLiouvillian(const RedfieldGenerator& generator);
  // The dissipator sum_b D_b alone (no -i [H, .]) on the Hermitian coordinates of rho in the EIGENBASIS: the
  // dense right-hand side of the interaction frame (dynamics/interaction_frame.hpp).
  static RealLiouvillian dissipator_in_eigenbasis(const RedfieldGenerator& generator);

  const HermitianCoordinates& coordinates() const { return coordinates_; }
  int dimension() const { return coordinates_.dimension(); }

  Eigen::Block<const Eigen::MatrixXd> matrix() const { return product_.matrix(); }  // A
  // dx = A x (dx must not alias x).
  void apply(const Eigen::Ref<const Eigen::VectorXd>& x, Eigen::Ref<Eigen::VectorXd> dx) const {
    eigen_assert(x.size() == product_.cols() && dx.size() == product_.rows());
    product_.multiply(x.data(), dx.data());
  }

 private:
  RealLiouvillian(int dimension, const Eigen::MatrixXd& matrix);
  HermitianCoordinates coordinates_;
  PaddedMatrix product_;  // A, laid out for the product
};

}  // namespace nessie
