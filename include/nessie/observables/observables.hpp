#pragma once
// Everything nessie measures on a density matrix: energy, currents, populations, ergotropy, positivity, entropy.
#include <nessie/model/ring.hpp>
#include <nessie/model/ring_terms.hpp>
#include <nessie/observables/current_operators.hpp>
#include <nessie/redfield/eigenbasis.hpp>
#include <nessie/redfield/generator.hpp>

#include <Eigen/Dense>
#include <vector>

namespace nessie {

// The measured values on one density matrix.
struct Observables {
  double energy = 0;                       // Tr(rho H)
  std::vector<double> bath_heat_currents;  // Tr(H D_b[rho]), one per bath, in the order of the baths
  std::vector<double> local_heat_currents; // <i [h_{l-1,l}, h_{l,l+1}]>, sites 1..N
  std::vector<double> spin_currents;       // <J (sx_l sy_{l+1} - sy_l sx_{l+1})>, bonds (1,2) .. (N,1)
  Eigen::VectorXd populations;             // <E_m| rho |E_m>, energies ascending
  Eigen::VectorXd rho_eigenvalues;         // ascending
  double ergotropy = 0;
  double min_eigenvalue = 0;
  double purity = 0;                       // Tr(rho^2)
  double von_neumann_entropy = 0;          // -sum_k r_k ln r_k over r_k > 0
  double trace_error = 0;                  // |Tr rho - 1|
  double hermiticity_error = 0;            // ||rho - rho^dagger||_F
};

// Measures density matrices given in the energy eigenbasis. The local heat and spin currents come from `currents`
// (their operators in the eigenbasis, shared by the systems on one ring: ClosedSystem::current_operators) when given,
// else from the ring's sparse operators in the product basis (large sectors); the two agree up to rounding. The ring,
// its operators, the eigenbasis, the generator and `currents` are referenced, not copied: they must outlive the set.
class ObservableSet {
 public:
  ObservableSet(const Ring& ring, const RingTerms& terms, const Eigenbasis& eigenbasis,
                const RedfieldGenerator& generator, const CurrentOperators* currents);

  // rho Hermitian.
  Observables measure(const Eigen::MatrixXcd& rho) const;
  // The same into `out`, whose storage is reused (many states of one system: a run's samples).
  void measure(const Eigen::MatrixXcd& rho, Observables& out) const;

 private:
  // Everything but the local heat and spin currents.
  void measure_except_currents(const Eigen::MatrixXcd& rho, Observables& out) const;
  // <i [h_{l-1,l}, h_{l,l+1}]> and <j_l> with rho taken to the product basis (paper Eqs. 12, 13).
  void measure_currents_in_product_basis(const Eigen::MatrixXcd& rho, Observables& out) const;

  const Ring& ring_;
  const RingTerms& terms_;
  const Eigenbasis& eigenbasis_;
  const RedfieldGenerator& generator_;
  const CurrentOperators* currents_;
};

}  // namespace nessie
