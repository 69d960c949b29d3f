#include "initial_state_option.hpp"

#include "model_options.hpp"

#include <nessie/errors.hpp>
#include <nessie/io/state_file.hpp>

namespace nessie::cli {

InitialState parse_initial_state(const std::string& text) {
  InitialState state;
  if (text == "ground") {
    state.kind = InitialState::Kind::ground;
  } else if (text == "mixed") {
    state.kind = InitialState::Kind::mixed;
  } else if (text.rfind("thermal:", 0) == 0) {
    state.kind = InitialState::Kind::thermal;
    state.temperature = parse_number("--initial", text.substr(8));
    if (!(state.temperature > 0)) throw InputError("--initial", "thermal:T needs a temperature T > 0, got '" + text + "'");
  } else if (text.rfind("file:", 0) == 0) {
    state.kind = InitialState::Kind::matrix;
    try {
      state.product_basis = io::read_density_matrix(text.substr(5));
    } catch (const IoError& e) {
      throw InputError("--initial", e.what());  // a bad input file is bad input (exit 2)
    }
  } else if (!text.empty() && text.find_first_not_of("ud") == std::string::npos) {
    state.kind = InitialState::Kind::product;
    state.product = text;
  } else {
    throw InputError("--initial", "expected ground, mixed, thermal:T, a product state like udud, or file:PATH; got '" +
                                      text + "'");
  }
  return state;
}

}  // namespace nessie::cli
