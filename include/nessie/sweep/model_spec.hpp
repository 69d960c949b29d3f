#pragma once
// A model as plain numbers (ring, sector, baths) that a parameter scan can change before building the physics objects.
#include <nessie/baths/bath.hpp>
#include <nessie/model/ring.hpp>
#include <nessie/redfield/open_system.hpp>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace nessie {

// One bath's parameters.
struct BathSpec {
  int site = 1;
  double temperature = 1;
  double gamma = 0.01;
  double cutoff = 10;
};

// Everything that defines an OpenSystem; building it validates the numbers.
struct ModelSpec {
  int sites = 4;
  double hopping = 1;
  double interaction = 2;
  std::map<int, double> fields;
  std::optional<int> up;
  std::vector<BathSpec> baths;

  Ring ring() const { return Ring(sites, hopping, interaction, fields); }
  std::vector<Bath> bath_objects() const;
  std::unique_ptr<OpenSystem> build() const { return std::make_unique<OpenSystem>(ring(), up, bath_objects()); }
  // The same on operators built once for this number of sites and sector (a sweep's points share them).
  std::unique_ptr<OpenSystem> build(std::shared_ptr<const RingTerms> terms) const {
    return std::make_unique<OpenSystem>(std::move(terms), ring(), bath_objects());
  }
  // The same with the ring diagonalised earlier; `closed` must hold this spec's ring (std::logic_error otherwise).
  std::unique_ptr<OpenSystem> build(std::shared_ptr<const ClosedSystem> closed) const;
};

}  // namespace nessie
