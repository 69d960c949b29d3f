#include "json_output.hpp"

#include <cmath>

namespace nessie::cli {

Json number_or_null(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

Json parameters_json(const OpenSystem& system) {
  const Ring& ring = system.ring();
  Json fields = Json::array();
  for (int l = 1; l <= ring.sites(); ++l)
    if (ring.field(l) != 0.0) fields.push_back({{"site", l}, {"field", ring.field(l)}});
  Json baths = Json::array();
  for (const Bath& b : system.baths())
    baths.push_back({{"site", b.site()}, {"temperature", b.temperature()}, {"gamma", b.coupling()}, {"cutoff", b.cutoff()}});
  Json p;
  p["sites"] = ring.sites();
  p["J"] = ring.hopping();
  p["delta"] = ring.interaction();
  p["fields"] = fields;
  p["up"] = system.basis().up() ? Json(*system.basis().up()) : Json("all");
  p["baths"] = baths;
  return p;
}

Json observables_json(const OpenSystem& system, const Observables& o) {
  const Ring& ring = system.ring();
  Json j;
  j["dimension"] = system.dimension();
  j["energies"] = std::vector<double>(system.eigenbasis().energies().data(),
                                      system.eigenbasis().energies().data() + system.dimension());
  j["populations"] = std::vector<double>(o.populations.data(), o.populations.data() + o.populations.size());
  Json bath_currents = Json::array();
  for (std::size_t b = 0; b < o.bath_heat_currents.size(); ++b)
    bath_currents.push_back({{"site", system.baths()[b].site()},
                             {"temperature", system.baths()[b].temperature()},
                             {"current", o.bath_heat_currents[b]}});
  j["bath_heat_currents"] = bath_currents;
  Json local = Json::array();
  for (int l = 1; l <= ring.sites(); ++l)
    local.push_back({{"site", l}, {"current", o.local_heat_currents[static_cast<std::size_t>(l - 1)]}});
  j["local_heat_currents"] = local;
  Json spin = Json::array();
  for (int l = 1; l <= ring.sites(); ++l)
    spin.push_back({{"bond", {l, ring.next(l)}}, {"current", o.spin_currents[static_cast<std::size_t>(l - 1)]}});
  j["spin_currents"] = spin;
  j["ergotropy"] = o.ergotropy;
  j["energy"] = o.energy;
  j["min_eigenvalue"] = o.min_eigenvalue;
  j["purity"] = o.purity;
  j["von_neumann_entropy"] = o.von_neumann_entropy;
  j["trace_error"] = o.trace_error;
  j["hermiticity_error"] = o.hermiticity_error;
  return j;
}

Json ness_json(const OpenSystem& system, const SteadyState& steady, const Observables& o) {
  Json j = observables_json(system, o);
  j["residual"] = steady.residual;
  j["trace_error"] = steady.trace_error;
  j["hermiticity_error"] = steady.hermiticity_error;
  Json weights = Json::array();
  for (const auto& [k, w] : steady.sector_weights) weights.push_back({{"up", k}, {"weight", w}});
  j["sector_weights"] = weights;
  j["solver"] = steady.method;
  j["solver_iterations"] = steady.iterations;
  j["null_space_dimension"] = steady.null_space_dimension;
  return j;
}

}  // namespace nessie::cli
