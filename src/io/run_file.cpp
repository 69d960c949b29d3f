#include <nessie/io/run_file.hpp>

#include <nessie/errors.hpp>
#include <nessie/io/model_record.hpp>

#include <filesystem>
#include <sys/resource.h>

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
      last_flush_(std::chrono::steady_clock::now()),
      path_(path) {
  file_.set_attribute("/", "kind", std::string("nessie run"));
  file_.set_attribute("/", "status", std::string("running"));
  write_model_record(file_, system, command_line);
  if (save_rho) {
    const hsize_t d = size_of(system.dimension());
    rho_ = std::make_unique<ExtendibleDataset>(file_, "timeseries/rho", std::vector<hsize_t>{d, d}, Kind::complex);
  }
  file_.flush();
}

void RunFile::check_room() const {
  namespace fs = std::filesystem;
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path_, error);
  if (error) return;
  // Room for at least twice what the last interval wrote, plus chunk-sized writes of every dataset.
  const std::uintmax_t growth = size > size_at_last_flush_ ? size - size_at_last_flush_ : 0;
  const std::uintmax_t needed = 2 * growth + (std::uintmax_t{8} << 20);
  const fs::path folder = fs::absolute(path_).parent_path();
  const fs::space_info space = fs::space(folder, error);
  rlimit limit{};
  const bool limited = getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
  const bool disk_short = !error && space.available < needed;
  const bool limit_short = limited && (limit.rlim_cur < size || limit.rlim_cur - size < needed);
  if (disk_short || limit_short)
    throw IoError(path_, "disk almost full: stopped before the next write, " + std::to_string(time_.size()) +
                             " samples kept (status 'failed')");
}

void RunFile::append(const RunSample& s, const Eigen::MatrixXcd& rho) {
  const auto now = std::chrono::steady_clock::now();
  // Flush at least every second, and every sample when samples come slowly (sparse output times), so that no
  // sample waits for the next one to reach the disk.
  const bool flush_now = time_.size() == 0 || now - last_flush_ > std::chrono::seconds(1) ||
                         now - last_append_ > std::chrono::milliseconds(200);
  last_append_ = now;
  if (flush_now) check_room();
  try {
    write_sample(s, rho);
    if (flush_now) {
      file_.flush();
      last_flush_ = now;
      std::error_code error;
      size_at_last_flush_ = std::filesystem::file_size(path_, error);
    }
  } catch (const IoError&) {
    write_failed_ = true;
    throw;
  }
}

void RunFile::write_sample(const RunSample& s, const Eigen::MatrixXcd& rho) {
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
}

void RunFile::write_final_state(double t, const Eigen::MatrixXcd& rho) {
  const hsize_t d = size_of(system_.dimension());
  file_.write_complex_dataset("final/rho", row_major(system_.eigenbasis().to_product_basis(rho)), {d, d});
  file_.set_attribute("final", "time", t);
}

void RunFile::abandon() {
  // The datasets are released with the file: closing them after a failed write is as unsafe as closing the file.
  for (ExtendibleDataset* d : {&time_, &energy_, &bath_heat_currents_, &local_heat_currents_, &spin_currents_,
                               &ergotropy_, &populations_, &min_eigenvalue_, &trace_error_, &hermiticity_error_,
                               &distance_to_ness_, &derivative_norm_, &purity_, &von_neumann_entropy_, rho_.get()})
    if (d) d->abandon();
  file_.abandon();
}

void RunFile::finish(const std::string& status, const std::string& message) {
  file_.set_attribute("/", "status", status);
  if (!message.empty()) file_.set_attribute("/", "message", message);
  file_.flush();
  file_.close();
}

}  // namespace nessie::io
