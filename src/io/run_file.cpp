#include <nessie/io/run_file.hpp>

#include <nessie/errors.hpp>
#include <nessie/io/model_record.hpp>

#include <sys/resource.h>
#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace nessie::io {

namespace {

using Kind = ExtendibleDataset::Kind;

Hdf5File create_file(const std::string& path, bool overwrite) {
  return Hdf5File(path, overwrite ? OpenMode::overwrite : OpenMode::create_new);
}

hsize_t size_of(std::size_t n) { return static_cast<hsize_t>(n); }

}  // namespace

RunFile::RunFile(const std::string& path, bool overwrite, const OpenSystem& system, const std::string& command_line,
                 bool save_rho, hsize_t expected_samples)
    : system_(system),
      file_(create_file(path, overwrite)),
      save_rho_(save_rho),
      time_(file_, "timeseries/time", {}, Kind::real, expected_samples),
      energy_(file_, "timeseries/energy", {}, Kind::real, expected_samples),
      bath_heat_currents_(file_, "timeseries/bath_heat_currents", {size_of(system.baths().size())}, Kind::real,
                          expected_samples),
      local_heat_currents_(file_, "timeseries/local_heat_currents", {size_of(system.ring().sites())}, Kind::real,
                           expected_samples),
      spin_currents_(file_, "timeseries/spin_currents", {size_of(system.ring().sites())}, Kind::real, expected_samples),
      ergotropy_(file_, "timeseries/ergotropy", {}, Kind::real, expected_samples),
      populations_(file_, "timeseries/populations", {size_of(system.dimension())}, Kind::real, expected_samples),
      min_eigenvalue_(file_, "timeseries/min_eigenvalue", {}, Kind::real, expected_samples),
      trace_error_(file_, "timeseries/trace_error", {}, Kind::real, expected_samples),
      hermiticity_error_(file_, "timeseries/hermiticity_error", {}, Kind::real, expected_samples),
      distance_to_ness_(file_, "timeseries/distance_to_ness", {}, Kind::real, expected_samples),
      derivative_norm_(file_, "timeseries/derivative_norm", {}, Kind::real, expected_samples),
      purity_(file_, "timeseries/purity", {}, Kind::real, expected_samples),
      von_neumann_entropy_(file_, "timeseries/von_neumann_entropy", {}, Kind::real, expected_samples),
      last_flush_(std::chrono::steady_clock::now()),
      path_(path) {
  file_.set_attribute("/", "kind", std::string("nessie run"));
  file_.set_attribute("/", "status", std::string("running"));
  write_model_record(file_, system, command_line);
  if (save_rho) {
    const hsize_t d = size_of(system.dimension());
    rho_ = std::make_unique<ExtendibleDataset>(file_, "timeseries/rho", std::vector<hsize_t>{d, d}, Kind::complex,
                                               expected_samples);
  }
  // Room for the samples of a short run, or for those of the largest block append() holds (4 MB).
  values_per_sample_ = values_per_sample();
  const std::size_t block_samples = (std::size_t{4} << 20) / (sizeof(double) * values_per_sample_) + 1;
  pending_.reserve(values_per_sample_ * std::min<std::size_t>(expected_samples, block_samples));
  file_.flush();
}

void RunFile::check_room() const {
  namespace fs = std::filesystem;
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path_, error);
  if (error) return;
  // Room for twice the block about to be written (and twice what the last interval wrote), plus chunk-sized writes
  // of every dataset.
  const std::uintmax_t growth = size > size_at_last_flush_ ? size - size_at_last_flush_ : 0;
  const std::uintmax_t needed = 2 * std::max(growth, pending_bytes()) + (std::uintmax_t{8} << 20);
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
  const Observables& o = s.observables;
  if (o.bath_heat_currents.size() != system_.baths().size() ||
      o.local_heat_currents.size() != size_of(system_.ring().sites()) ||
      o.spin_currents.size() != size_of(system_.ring().sites()) || o.populations.size() != system_.dimension())
    throw std::logic_error("RunFile::append: a sample with the wrong number of values");
  for_each_series(&s, [this](ExtendibleDataset&, std::size_t width, const double* values) {
    pending_.insert(pending_.end(), values, values + width);
  });
  ++pending_samples_;
  if (rho_) {
    const std::vector<std::complex<double>> row = row_major(system_.eigenbasis().to_product_basis(rho));
    pending_rho_.insert(pending_rho_.end(), row.begin(), row.end());
  }
  // Flush at least every second, and every sample when samples come slowly (sparse output times), so that no
  // sample waits for the next one to reach the disk; and when the samples held reach 4 MB, so that a block never
  // outgrows the room check_room() keeps.
  const bool flush_now = time_.size() == 0 || now - last_flush_ > std::chrono::seconds(1) ||
                         now - last_append_ > std::chrono::milliseconds(200);
  const bool full = pending_bytes() > (std::uintmax_t{4} << 20);
  // Between flushes, blocks of samples are written as they come (without a flush): a short run's samples are then
  // mostly in the file when it ends, and its end, which waits for the writing, is shorter.
  const bool block = pending_samples_ >= write_block_samples;
  last_append_ = now;
  if (!flush_now && !full && !block) return;
  try {
    check_room();
  } catch (const IoError&) {  // the samples held are given up: the file keeps what was written before
    pending_.clear();
    pending_samples_ = 0;
    pending_rho_.clear();
    throw;
  }
  try {
    write_pending();
    if (flush_now || full) {
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

template <class F>
void RunFile::for_each_series(const RunSample* s, F f) {
  const Observables* o = s ? &s->observables : nullptr;
  const std::size_t baths = system_.baths().size(), sites = size_of(system_.ring().sites());
  f(energy_, 1, o ? &o->energy : nullptr);
  f(bath_heat_currents_, baths, o ? o->bath_heat_currents.data() : nullptr);
  f(local_heat_currents_, sites, o ? o->local_heat_currents.data() : nullptr);
  f(spin_currents_, sites, o ? o->spin_currents.data() : nullptr);
  f(ergotropy_, 1, o ? &o->ergotropy : nullptr);
  f(populations_, size_of(system_.dimension()), o ? o->populations.data() : nullptr);
  f(min_eigenvalue_, 1, o ? &o->min_eigenvalue : nullptr);
  f(trace_error_, 1, o ? &o->trace_error : nullptr);
  f(hermiticity_error_, 1, o ? &o->hermiticity_error : nullptr);
  f(distance_to_ness_, 1, s ? &s->distance_to_ness : nullptr);
  f(derivative_norm_, 1, s ? &s->derivative_norm : nullptr);
  f(purity_, 1, o ? &o->purity : nullptr);
  f(von_neumann_entropy_, 1, o ? &o->von_neumann_entropy : nullptr);
  f(time_, 1, s ? &s->time : nullptr);
}

std::size_t RunFile::values_per_sample() {
  std::size_t count = 0;
  for_each_series(nullptr, [&count](ExtendibleDataset&, std::size_t width, const double*) { count += width; });
  return count;
}

std::uintmax_t RunFile::pending_bytes() const {
  return sizeof(double) * pending_.size() + sizeof(std::complex<double>) * pending_rho_.size();
}

void RunFile::write_pending() {
  if (pending_samples_ == 0) return;
  const hsize_t n = size_of(pending_samples_);
  if (rho_) rho_->append_rows(pending_rho_.data(), n);
  const std::size_t stride = values_per_sample_;
  std::size_t offset = 0;  // of the dataset's values in a row of pending_
  std::vector<double> block;
  // Each dataset's values of every pending row, as one block (time last).
  for_each_series(nullptr, [&](ExtendibleDataset& dataset, std::size_t width, const double*) {
    block.resize(pending_samples_ * width);
    for (std::size_t i = 0; i < pending_samples_; ++i)
      std::copy_n(pending_.data() + i * stride + offset, width, block.data() + i * width);
    dataset.append_rows(block.data(), n);
    offset += width;
  });
  pending_.clear();
  pending_samples_ = 0;
  pending_rho_.clear();
}

void RunFile::write_final_state(double t, const Eigen::MatrixXcd& rho) {
  write_pending();
  const hsize_t d = size_of(system_.dimension());
  file_.write_complex_dataset("final/rho", row_major(system_.eigenbasis().to_product_basis(rho)), {d, d});
  file_.set_attribute("final", "time", t);
}

void RunFile::abandon() {
  // The datasets are released with the file: closing them after a failed write is as unsafe as closing the file.
  for_each_series(nullptr, [](ExtendibleDataset& dataset, std::size_t, const double*) { dataset.abandon(); });
  if (rho_) rho_->abandon();
  file_.abandon();
}

void RunFile::finish(const std::string& status, const std::string& message) {
  write_pending();
  file_.set_attribute("/", "status", status);
  if (!message.empty()) file_.set_attribute("/", "message", message);
  file_.flush();
  file_.close();
}

}  // namespace nessie::io
