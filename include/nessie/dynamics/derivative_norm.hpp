#pragma once
// ||d rho/dt||_F = ||L rho||_F for rho in the eigenbasis, recorded at every output time of `nessie run`.
#include <nessie/redfield/generator.hpp>
#include <nessie/redfield/real_liouvillian.hpp>

#include <Eigen/Dense>
#include <optional>

namespace nessie {

// In the eigenbasis L rho = -i [H, rho] + D[rho] has the entries -i omega_mn rho_mn + D[rho]_mn. Up to
// dense_rhs_max_dimension levels D[rho] is one real product with the dissipator's matrix on rho's Hermitian
// coordinates (RealLiouvillian::dissipator_in_eigenbasis, built once: d^2 applications of the generator); beyond,
// the generator's matrix-free products (RedfieldGenerator::apply_hermitian). Not for concurrent use.
class DerivativeNorm {
 public:
  explicit DerivativeNorm(const RedfieldGenerator& generator);

  // rho Hermitian (only its diagonal and upper triangle are read on the dense route).
  double operator()(const Eigen::MatrixXcd& rho);

 private:
  const RedfieldGenerator& generator_;
  std::optional<RealLiouvillian> dissipator_;  // dense route only
  Eigen::VectorXd coordinates_, dissipated_;
  Eigen::MatrixXcd derivative_;  // matrix-free route
};

}  // namespace nessie
