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

// Measures density matrices given in the energy eigenbasis, with the ring's operators in the product basis
// (referenced, not copied: they must outlive the set).
class ObservableSet {
 public:
  ObservableSet(const Ring& ring, const RingTerms& terms, const Eigenbasis& eigenbasis,
                const RedfieldGenerator& generator);

  // rho Hermitian.
  Observables measure(const Eigen::MatrixXcd& rho) const;
  // The same with the currents from operators in the eigenbasis (for many states of one system; equal to the above
  // up to rounding), into `out`, whose storage is reused.
  void measure(const Eigen::MatrixXcd& rho, const CurrentOperators& currents, Observables& out) const;
  CurrentOperators current_operators() const { return CurrentOperators(ring_, terms_, eigenbasis_); }

 private:
  // Everything but the local heat and spin currents.
  void measure_except_currents(const Eigen::MatrixXcd& rho, Observables& out) const;

  const Ring& ring_;
  const RingTerms& terms_;
  const Eigenbasis& eigenbasis_;
  const RedfieldGenerator& generator_;
};

}  // namespace nessie
