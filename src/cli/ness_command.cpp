// nessie ness: the nonequilibrium steady state from a direct solve, its observables, and optionally an HDF5 file.
#include "command_options.hpp"
#include "commands.hpp"
#include "initial_state_option.hpp"
#include "json_output.hpp"
#include "model_options.hpp"
#include "output_file.hpp"

#include <nessie/io/ness_file.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <cstdio>
#include <iostream>

namespace po = boost::program_options;

namespace nessie::cli {

namespace {

void print_table(const OpenSystem& system, const SteadyState& steady, const Observables& o) {
  const Ring& ring = system.ring();
  std::printf("nessie ness: %d spins, %s, dimension %d\n", ring.sites(),
              system.basis().up() ? ("K = " + std::to_string(*system.basis().up()) + " up spins").c_str()
                                  : "full space (all sectors)",
              system.dimension());
  std::printf("  J = %g, Delta = %g, fields:", ring.hopping(), ring.interaction());
  for (int l = 1; l <= ring.sites(); ++l)
    if (ring.field(l) != 0.0) std::printf(" h_%d = %g", l, ring.field(l));
  std::printf("\n");
  for (const Bath& b : system.baths())
    std::printf("  bath at site %d: T = %g, gamma = %g, wc = %g\n", b.site(), b.temperature(), b.coupling(), b.cutoff());
  if (system.basis().is_full_space()) {
    std::printf("  several stationary states (one per sector); this is the one reached from the initial state,\n"
                "  with conserved sector weights:");
    for (const auto& [k, w] : steady.sector_weights) std::printf(" K=%d: %.6g", k, w);
    std::printf("\n");
  }
  if (steady.null_space_dimension > 1)
    std::printf("  the steady state is NOT unique (a symmetry: null space of dimension %d in a sector); this is the one\n"
                "  reached from the initial state (--initial)\n",
                steady.null_space_dimension);
  std::printf("\nsteady state (%s solve%s): residual |L rho| = %.3e, trace error = %.3e, Hermiticity error = %.3e\n",
              steady.method.c_str(),
              steady.method == "iterative" ? (", " + std::to_string(steady.iterations) + " GMRES iterations").c_str() : "",
              steady.residual, steady.trace_error, steady.hermiticity_error);
  std::printf("\n  level   energy          population\n");
  for (int m = 0; m < system.dimension(); ++m)
    std::printf("  %5d   %+.10f   %.12f\n", m + 1, system.eigenbasis().energies()(m), o.populations(m));
  std::printf("\nheat current from each bath (into the ring):\n");
  for (std::size_t b = 0; b < o.bath_heat_currents.size(); ++b)
    std::printf("  site %d (T = %g): %+.12e\n", system.baths()[b].site(), system.baths()[b].temperature(),
                o.bath_heat_currents[b]);
  std::printf("local heat current through each site (clockwise positive):\n");
  for (int l = 1; l <= ring.sites(); ++l)
    std::printf("  site %d: %+.12e\n", l, o.local_heat_currents[static_cast<std::size_t>(l - 1)]);
  std::printf("spin current on each bond (clockwise positive):\n");
  for (int l = 1; l <= ring.sites(); ++l)
    std::printf("  bond (%d,%d): %+.12e\n", l, ring.next(l), o.spin_currents[static_cast<std::size_t>(l - 1)]);
  std::printf("\nenergy              %+.12e\n", o.energy);
  std::printf("ergotropy           %+.12e\n", o.ergotropy);
  std::printf("min eigenvalue      %+.12e\n", o.min_eigenvalue);
  std::printf("purity              %.12e\n", o.purity);
  std::printf("von Neumann entropy %.12e\n", o.von_neumann_entropy);
}

}  // namespace

int ness_command(const std::vector<std::string>& args, const std::string& command_line) {
  CommonOptions common;
  ModelOptions model;
  std::string initial = "mixed";
  po::options_description description("nessie ness: the nonequilibrium steady state of the Redfield equation\n\nOptions");
  add_model_options(description, model);
  description.add_options()("initial", po::value(&initial)->default_value(initial),
                            "state whose conserved sector weights select the steady state in the full space "
                            "(--up all): ground, mixed, thermal:T, a product state like udud, or file:PATH");
  std::string solver;
  add_solver_option(description, solver);
  add_common_options(description, common, "");
  parse_command(args, description);
  if (common.help) {
    std::cout << "usage: nessie ness [options]\n\n" << description << "\n";
    return 0;
  }

  // Everything is validated before any work or any file.
  const ModelSpec spec = make_model_spec(model);
  const InitialState initial_state = parse_initial_state(initial);
  const SteadyStateSolver solver_kind = steady_state_solver_from_name(solver);
  OutputFile output(common.output, common.force);

  const std::unique_ptr<OpenSystem> built = spec.build();
  const OpenSystem& system = *built;
  configure_eigen_threads(system.dimension());
  const Eigen::MatrixXcd rho0 = initial_density_matrix(system, initial_state);
  const SteadyState steady = find_steady_state(system.eigenbasis(), system.generator(),
                                               sector_weights(system.eigenbasis(), rho0), solver_kind, &rho0);
  const Observables o = system.observables().measure(steady.rho);

  if (output.requested()) {
    io::write_ness_file(output.temporary_path(), system, steady, o, command_line);
    output.commit();
  }
  if (common.json) {
    Json j = ness_json(system, steady, o);
    j["parameters"] = parameters_json(system);
    if (output.requested()) j["output"] = common.output;
    std::cout << j.dump(2) << "\n";
  } else {
    print_table(system, steady, o);
    if (output.requested()) std::printf("\nwritten to %s\n", common.output.c_str());
  }
  return 0;
}

}  // namespace nessie::cli
