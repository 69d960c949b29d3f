#pragma once
// JSON forms of nessie's results (the keys are documented in docs/commands/ness.md).
#include <nessie/observables/observables.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <nlohmann/json.hpp>

namespace nessie::cli {

using Json = nlohmann::ordered_json;

// Model and bath parameters.
Json parameters_json(const OpenSystem& system);
// The observables of one state with the keys of `nessie ness --json`
// (energies, populations, bath_heat_currents, local_heat_currents, spin_currents, ergotropy, energy, ...).
Json observables_json(const OpenSystem& system, const Observables& observables);
// Everything `nessie ness --json` prints for a steady state (observables, solve diagnostics, sector weights).
Json ness_json(const OpenSystem& system, const SteadyState& steady, const Observables& observables);
// A finite number, or null.
Json number_or_null(double value);

}  // namespace nessie::cli
