#pragma once
// The HDF5 file of `nessie ness --output` (layout in docs/file-format.md).
#include <nessie/io/hdf5_file.hpp>
#include <nessie/observables/observables.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <string>

namespace nessie::io {

// Writes parameters/, model/ and ness/ (rho in the product basis, observables, solve diagnostics) to a new file.
void write_ness_file(const std::string& path, const OpenSystem& system, const SteadyState& steady,
                     const Observables& observables, const std::string& command_line);

// ness/ of an open file (shared with `nessie run`, which stores the direct solve next to its time series).
void write_ness_group(Hdf5File& file, const OpenSystem& system, const SteadyState& steady, const Observables& observables);

}  // namespace nessie::io
