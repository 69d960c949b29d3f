#include <nessie/redfield/real_liouvillian.hpp>

namespace nessie {

RealLiouvillian::RealLiouvillian(const RedfieldGenerator& generator) : coordinates_(generator.dimension()) {
  const int d = generator.dimension();
  const Eigen::Index size = coordinates_.size();
  Eigen::MatrixXd matrix(size, size);
  Eigen::VectorXd unit = Eigen::VectorXd::Zero(size);
  Eigen::MatrixXcd rho(d, d), drho(d, d);
  for (Eigen::Index c = 0; c < size; ++c) {
    unit[c] = 1.0;
    coordinates_.unpack(unit, rho);
    // Linear over the reals, so column c is the image of the c-th unit vector.
    generator.apply(generator.to_eigenbasis(rho), drho);
    coordinates_.pack(generator.to_product_basis(drho), matrix.col(c));
    unit[c] = 0.0;
  }
  product_ = PaddedMatrix(matrix);
}

RealLiouvillian::RealLiouvillian(int dimension, const Eigen::MatrixXd& matrix)
    : coordinates_(dimension), product_(matrix) {}

RealLiouvillian RealLiouvillian::dissipator_in_eigenbasis(const RedfieldGenerator& generator) {
  const int d = generator.dimension();
  const HermitianCoordinates coordinates(d);
  const Eigen::Index size = coordinates.size();
  Eigen::MatrixXd matrix(size, size);
  Eigen::VectorXd unit = Eigen::VectorXd::Zero(size);
  Eigen::MatrixXcd rho(d, d), drho(d, d);
  for (Eigen::Index c = 0; c < size; ++c) {
    unit[c] = 1.0;
    coordinates.unpack(unit, rho);
    generator.apply_dissipator_hermitian(rho, drho);
    coordinates.pack(drho, matrix.col(c));
    unit[c] = 0.0;
  }
  return RealLiouvillian(d, matrix);
}

}  // namespace nessie
