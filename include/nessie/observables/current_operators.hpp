#pragma once
// The local heat currents and spin currents as dense operators in the energy eigenbasis, for measuring many states
// of one ring (the samples of `nessie run`, the points of a sweep that share H): taking rho to the product basis and
// summing the ring's sparse operators piece by piece costs more than the rest of a state's linear observables
// together; here each current is a row of one real matrix and all of them are one matrix-vector product.
#include <nessie/model/ring.hpp>
#include <nessie/model/ring_terms.hpp>
#include <nessie/redfield/eigenbasis.hpp>

#include <Eigen/Dense>
#include <vector>

namespace nessie {

class CurrentOperators {
 public:
  // Dense: 2N x 2 d^2 weights and 2N d^3 products to build, so only up to this dimension (ClosedSystem); larger
  // sectors keep ObservableSet's sparse product-basis route.
  static constexpr int max_dimension = 64;

  // The same operators as ObservableSet::measure uses (paper Eqs. 12, 13), turned into the eigenbasis once:
  // Q = V^T O V with the real eigenvectors V.
  CurrentOperators(const Ring& ring, const RingTerms& terms, const Eigenbasis& eigenbasis);

  int sites() const { return sites_; }
  // Local heat currents at sites 1..N, then spin currents on bonds 1..N, of rho given in the eigenbasis (d x d).
  // <Q> = Re Tr(Q rho) = sum_mn Re(Q_nm) Re(rho_mn) - Im(Q_nm) Im(rho_mn): rows of weights on the interleaved
  // (Re, Im) entries of rho in column-major order.
  void measure(const Eigen::MatrixXcd& rho, std::vector<double>& local_heat_currents,
               std::vector<double>& spin_currents) const;

 private:
  int sites_;
  Eigen::MatrixXd weights_;  // 2N x 2 d^2
};

}  // namespace nessie
