#include <nessie/io/model_record.hpp>

namespace nessie::io {

std::vector<double> row_major(const Eigen::MatrixXd& m) {
  std::vector<double> data(static_cast<std::size_t>(m.size()));
  Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(data.data(), m.rows(), m.cols()) = m;
  return data;
}

std::vector<std::complex<double>> row_major(const Eigen::MatrixXcd& m) {
  std::vector<std::complex<double>> data(static_cast<std::size_t>(m.size()));
  Eigen::Map<Eigen::Matrix<std::complex<double>, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(data.data(), m.rows(),
                                                                                                  m.cols()) = m;
  return data;
}

Eigen::MatrixXcd complex_matrix_from_row_major(const std::vector<std::complex<double>>& data, hsize_t rows, hsize_t cols) {
  return Eigen::Map<const Eigen::Matrix<std::complex<double>, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      data.data(), static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
}

void write_parameters(Hdf5File& file, const Ring& ring, std::optional<int> up, const std::vector<Bath>& baths,
                      const std::string& command_line) {
  const std::string p = "parameters";
  file.create_group(p);
  file.set_attribute(p, "nessie_version", std::string(NESSIE_VERSION));
  file.set_attribute(p, "command_line", command_line);
  file.set_attribute(p, "sites", ring.sites());
  file.set_attribute(p, "J", ring.hopping());
  file.set_attribute(p, "delta", ring.interaction());
  file.set_attribute(p, "fields", ring.fields());
  file.set_attribute(p, "up", up ? std::to_string(*up) : std::string("all"));
  std::vector<long long> sites;
  std::vector<double> temperatures, gammas, cutoffs;
  for (const Bath& b : baths) {
    sites.push_back(b.site());
    temperatures.push_back(b.temperature());
    gammas.push_back(b.coupling());
    cutoffs.push_back(b.cutoff());
  }
  file.set_attribute(p, "bath_sites", sites);
  file.set_attribute(p, "bath_temperatures", temperatures);
  file.set_attribute(p, "bath_gammas", gammas);
  file.set_attribute(p, "bath_cutoffs", cutoffs);
}

void write_model_record(Hdf5File& file, const OpenSystem& system, const std::string& command_line) {
  write_parameters(file, system.ring(), system.basis().up(), system.baths(), command_line);

  const hsize_t d = static_cast<hsize_t>(system.dimension());
  std::vector<long long> states, sectors;
  for (int i = 0; i < system.dimension(); ++i) {
    states.push_back(system.basis().state(i));
    sectors.push_back(system.eigenbasis().sector_of(i));
  }
  file.write_dataset("model/basis_states", states, {d});
  const Eigen::VectorXd& e = system.eigenbasis().energies();
  file.write_dataset("model/energies", std::vector<double>(e.data(), e.data() + e.size()), {d});
  file.write_dataset("model/eigenvectors", row_major(system.eigenbasis().vectors()), {d, d});
  file.write_dataset("model/level_sectors", sectors, {d});
}

void write_observables(Hdf5File& file, const std::string& group, const Observables& o) {
  const auto n = [](const auto& v) { return std::vector<hsize_t>{static_cast<hsize_t>(v.size())}; };
  file.write_dataset(group + "/populations",
                     std::vector<double>(o.populations.data(), o.populations.data() + o.populations.size()),
                     n(o.populations));
  file.write_dataset(group + "/bath_heat_currents", o.bath_heat_currents, n(o.bath_heat_currents));
  file.write_dataset(group + "/local_heat_currents", o.local_heat_currents, n(o.local_heat_currents));
  file.write_dataset(group + "/spin_currents", o.spin_currents, n(o.spin_currents));
  file.set_attribute(group, "energy", o.energy);
  file.set_attribute(group, "ergotropy", o.ergotropy);
  file.set_attribute(group, "min_eigenvalue", o.min_eigenvalue);
  file.set_attribute(group, "purity", o.purity);
  file.set_attribute(group, "von_neumann_entropy", o.von_neumann_entropy);
  file.set_attribute(group, "trace_error", o.trace_error);
  file.set_attribute(group, "hermiticity_error", o.hermiticity_error);
}

}  // namespace nessie::io
