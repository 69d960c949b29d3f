#pragma once
// The --initial option: ground, mixed, thermal:T, a product state such as udud, or file:PATH.
#include <nessie/dynamics/initial_state.hpp>

#include <string>

namespace nessie::cli {

// Parses the text of --initial; file:PATH reads the density matrix stored in an earlier nessie HDF5 file.
InitialState parse_initial_state(const std::string& text);

}  // namespace nessie::cli
