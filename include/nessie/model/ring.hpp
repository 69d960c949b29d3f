#pragma once
// The XXZ ring of physics.md: N spins 1/2 with hopping J, interaction Delta on su su, and local fields on sz.
#include <map>
#include <vector>

namespace nessie {

// Parameters of the ring Hamiltonian, validated at construction (an existing Ring is a valid one).
class Ring {
 public:
  // fields: site (1-based) -> h_site; sites without an entry have no field.
  Ring(int sites, double hopping, double interaction, const std::map<int, double>& fields);

  int sites() const { return sites_; }
  double hopping() const { return hopping_; }          // J
  double interaction() const { return interaction_; }  // Delta
  double field(int site) const { return fields_[static_cast<std::size_t>(site - 1)]; }
  const std::vector<double>& fields() const { return fields_; }

  // The site after `site` on the ring (site N is followed by site 1).
  int next(int site) const { return next_site(site, sites_); }
  int previous(int site) const { return previous_site(site, sites_); }
  // The same for a ring of `sites` sites, before a Ring exists (operators built per basis).
  static int next_site(int site, int sites) { return site % sites + 1; }
  static int previous_site(int site, int sites) { return (site + sites - 2) % sites + 1; }

 private:
  int sites_;
  double hopping_;
  double interaction_;
  std::vector<double> fields_;
};

}  // namespace nessie
