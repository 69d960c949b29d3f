#include <nessie/io/ness_file.hpp>

#include <nessie/io/model_record.hpp>

namespace nessie::io {

void write_ness_group(Hdf5File& file, const OpenSystem& system, const SteadyState& steady, const Observables& o) {
  const hsize_t d = static_cast<hsize_t>(system.dimension());
  file.write_complex_dataset("ness/rho", row_major(system.eigenbasis().to_product_basis(steady.rho)), {d, d});
  write_observables(file, "ness", o);
  file.set_attribute("ness", "residual", steady.residual);
  file.set_attribute("ness", "solver", steady.method);
  file.set_attribute("ness", "solver_iterations", steady.iterations);
  file.set_attribute("ness", "null_space_dimension", steady.null_space_dimension);
  file.set_attribute("ness", "solve_trace_error", steady.trace_error);
  file.set_attribute("ness", "solve_hermiticity_error", steady.hermiticity_error);
  std::vector<long long> sectors;
  std::vector<double> weights;
  for (const auto& [k, w] : steady.sector_weights) {
    sectors.push_back(k);
    weights.push_back(w);
  }
  file.set_attribute("ness", "sectors", sectors);
  file.set_attribute("ness", "sector_weights", weights);
}

void write_ness_file(const std::string& path, const OpenSystem& system, const SteadyState& steady, const Observables& o,
                     const std::string& command_line) {
  Hdf5File file(path, OpenMode::overwrite);
  file.set_attribute("/", "kind", std::string("nessie ness"));
  write_model_record(file, system, command_line);
  write_ness_group(file, system, steady, o);
  file.set_attribute("/", "status", std::string("complete"));
  file.close();
}

}  // namespace nessie::io
