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

}  // namespace nessie
