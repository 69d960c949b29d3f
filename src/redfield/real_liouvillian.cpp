#include <nessie/redfield/real_liouvillian.hpp>

namespace nessie {

namespace {
// The real matrix of a map that is linear over the reals on Hermitian matrices: column c is the image of the c-th
// unit coordinate vector. apply(rho, drho) writes the image of rho into drho.
template <class Map>
Eigen::MatrixXd real_matrix(const HermitianCoordinates& coordinates, Map apply) {
  const int d = coordinates.dimension();
  const Eigen::Index size = coordinates.size();
  Eigen::MatrixXd matrix(size, size);
  Eigen::VectorXd unit = Eigen::VectorXd::Zero(size);
  Eigen::MatrixXcd rho(d, d), drho(d, d);
  for (Eigen::Index c = 0; c < size; ++c) {
    unit[c] = 1.0;
    coordinates.unpack(unit, rho);
    apply(rho, drho);
    coordinates.pack(drho, matrix.col(c));
    unit[c] = 0.0;
  }
  return matrix;
}
}  // namespace

RealLiouvillian::RealLiouvillian(const RedfieldGenerator& generator)
    : RealLiouvillian(generator.dimension(),
                      real_matrix(HermitianCoordinates(generator.dimension()),
                                  [&generator](const Eigen::MatrixXcd& rho, Eigen::MatrixXcd& drho) {
                                    // rho in the product basis; the generator works in the eigenbasis
                                    Eigen::MatrixXcd image(rho.rows(), rho.cols());
                                    generator.apply(generator.to_eigenbasis(rho), image);
                                    drho = generator.to_product_basis(image);
                                  })) {}

RealLiouvillian::RealLiouvillian(int dimension, const Eigen::MatrixXd& matrix)
    : coordinates_(dimension), product_(matrix) {}

RealLiouvillian RealLiouvillian::dissipator_in_eigenbasis(const RedfieldGenerator& generator) {
  const int d = generator.dimension();
  return RealLiouvillian(d, real_matrix(HermitianCoordinates(d),
                                        [&generator](const Eigen::MatrixXcd& rho, Eigen::MatrixXcd& drho) {
                                          generator.apply_dissipator_hermitian(rho, drho);
                                        }));
}

}  // namespace nessie
