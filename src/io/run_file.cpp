#include <nessie/io/run_file.hpp>

#include <nessie/io/model_record.hpp>

namespace nessie::io {

namespace {

using Kind = ExtendibleDataset::Kind;

Hdf5File create_file(const std::string& path, bool overwrite) {
  return Hdf5File(path, overwrite ? OpenMode::overwrite : OpenMode::create_new);
}

hsize_t size_of(std::size_t n) { return static_cast<hsize_t>(n); }

}  // namespace

RunFile::RunFile(const std::string& path, bool overwrite, const OpenSystem& system, const std::string& command_line,
                 bool save_rho)
    : system_(system),
      file_(create_file(path, overwrite)),
      save_rho_(save_rho),
      time_(file_, "timeseries/time", {}, Kind::real),
      energy_(file_, "timeseries/energy", {}, Kind::real),
      bath_heat_currents_(file_, "timeseries/bath_heat_currents", {size_of(system.baths().size())}, Kind::real),
      local_heat_currents_(file_, "timeseries/local_heat_currents", {size_of(system.ring().sites())}, Kind::real),
      spin_currents_(file_, "timeseries/spin_currents", {size_of(system.ring().sites())}, Kind::real),
      ergotropy_(file_, "timeseries/ergotropy", {}, Kind::real),
      populations_(file_, "timeseries/populations", {size_of(system.dimension())}, Kind::real),
      min_eigenvalue_(file_, "timeseries/min_eigenvalue", {}, Kind::real),
      trace_error_(file_, "timeseries/trace_error", {}, Kind::real),
      hermiticity_error_(file_, "timeseries/hermiticity_error", {}, Kind::real),
      distance_to_ness_(file_, "timeseries/distance_to_ness", {}, Kind::real),
      derivative_norm_(file_, "timeseries/derivative_norm", {}, Kind::real),
      purity_(file_, "timeseries/purity", {}, Kind::real),
      von_neumann_entropy_(file_, "timeseries/von_neumann_entropy", {}, Kind::real),
      last_flush_(std::chrono::steady_clock::now()) {
  file_.set_attribute("/", "kind", std::string("nessie run"));
  file_.set_attribute("/", "status", std::string("running"));
  write_model_record(file_, system, command_line);
  if (save_rho) {
    const hsize_t d = size_of(system.dimension());
    rho_ = std::make_unique<ExtendibleDataset>(file_, "timeseries/rho", std::vector<hsize_t>{d, d}, Kind::complex);
  }
  file_.flush();
}

void RunFile::append(const RunSample& s, const Eigen::MatrixXcd& rho) {
  const Observables& o = s.observables;
  // The time is written last, so a reader that trusts timeseries/time never sees a half-written sample.
  energy_.append(o.energy);
  bath_heat_currents_.append(o.bath_heat_currents);
  local_heat_currents_.append(o.local_heat_currents);
  spin_currents_.append(o.spin_currents);
  ergotropy_.append(o.ergotropy);
  populations_.append(o.populations.data());
  min_eigenvalue_.append(o.min_eigenvalue);
  trace_error_.append(o.trace_error);
  hermiticity_error_.append(o.hermiticity_error);
  distance_to_ness_.append(s.distance_to_ness);
  derivative_norm_.append(s.derivative_norm);
  purity_.append(o.purity);
  von_neumann_entropy_.append(o.von_neumann_entropy);
  if (rho_) rho_->append(row_major(system_.eigenbasis().to_product_basis(rho)).data());
  time_.append(s.time);
  const auto now = std::chrono::steady_clock::now();
  if (time_.size() == 1 || now - last_flush_ > std::chrono::seconds(1)) {
    file_.flush();
    last_flush_ = now;
  }
}

void RunFile::write_final_state(double t, const Eigen::MatrixXcd& rho) {
  const hsize_t d = size_of(system_.dimension());
  file_.write_complex_dataset("final/rho", row_major(system_.eigenbasis().to_product_basis(rho)), {d, d});
  file_.set_attribute("final", "time", t);
}

void RunFile::finish(const std::string& status, const std::string& message) {
  file_.set_attribute("/", "status", status);
  if (!message.empty()) file_.set_attribute("/", "message", message);
  file_.flush();
  file_.close();
}

}  // namespace nessie::io
