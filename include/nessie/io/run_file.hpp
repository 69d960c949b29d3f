#pragma once
// The streamed HDF5 file of `nessie run` (layout in docs/file-format.md): time series appended and flushed while the
// run goes, so that a killed run keeps every flushed sample. Samples are held in memory between flushes and written
// in one block per dataset (one HDF5 write per sample and dataset cost more than the whole integration of a small
// ring).
#include <nessie/dynamics/run_sample.hpp>
#include <nessie/io/hdf5_file.hpp>
#include <nessie/redfield/open_system.hpp>
#include <nessie/solvers/steady_state.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nessie::io {

// An open run file: parameters/, model/, ness/ at creation; timeseries/ per sample; final/, solver/, checks/ at the end.
class RunFile {
 public:
  // Creates (or with `overwrite`, replaces) the file; status "running" until finish(). `expected_samples` (the number
  // of output times, 0 if unknown) caps the chunk size of the time series (ExtendibleDataset).
  RunFile(const std::string& path, bool overwrite, const OpenSystem& system, const std::string& command_line,
          bool save_rho, hsize_t expected_samples = 0);

  Hdf5File& file() { return file_; }
  // Appends one sample; rho (eigenbasis) is stored in the product basis when save_rho. Writes every
  // write_block_samples samples; writes and flushes at least every second, at once when samples come more than 0.2 s
  // apart, and when the samples held reach 4 MB.
  void append(const RunSample& sample, const Eigen::MatrixXcd& rho);
  hsize_t samples() const { return time_.size() + pending_samples_; }  // appended so far (written or not)
  // final/rho (product basis) and its time: the state to continue from (--initial file:PATH). Writes the pending
  // samples first.
  void write_final_state(double t, const Eigen::MatrixXcd& rho);
  // Writes the pending samples, sets the root attribute status ("complete", "interrupted", "failed") and a message,
  // flushes and closes.
  void finish(const std::string& status, const std::string& message = "");
  // After an I/O failure: stop writing and let go of the file without closing it (Hdf5File::abandon).
  void abandon();
  // True once a write to the file failed (then the file must be abandoned, not finished).
  bool write_failed() const { return write_failed_; }

 private:
  const OpenSystem& system_;
  Hdf5File file_;
  bool save_rho_;
  ExtendibleDataset time_, energy_, bath_heat_currents_, local_heat_currents_, spin_currents_, ergotropy_,
      populations_, min_eigenvalue_, trace_error_, hermiticity_error_, distance_to_ness_, derivative_norm_, purity_,
      von_neumann_entropy_;
  std::unique_ptr<ExtendibleDataset> rho_;
  std::chrono::steady_clock::time_point last_flush_;
  std::chrono::steady_clock::time_point last_append_;
  std::string path_;
  bool write_failed_ = false;
  std::uintmax_t size_at_last_flush_ = 0;

  // Before each flush: refuses (IoError, file still consistent) when the disk or the file-size limit leaves less room
  // than a safe margin, because a flush that fails half-way leaves a file HDF5 cannot open.
  void check_room() const;
  std::uintmax_t pending_bytes() const;  // what write_pending() is about to write
  // Writes the samples held in memory (time last, so a reader that trusts timeseries/time never sees a half-written
  // sample).
  void write_pending();
  // The real time series in the order they are written (time last), f(dataset, width, values): the sample's values
  // of that dataset, or nullptr when s is.
  template <class F>
  void for_each_series(const RunSample* s, F f);
  std::size_t values_per_sample();                         // the sum of the series' widths
  static constexpr std::size_t write_block_samples = 256;  // written (not flushed) once this many are held
  // The samples held in memory, one row of values_per_sample_ doubles each, in the order of for_each_series (a flat
  // block: no allocation per sample once it has grown).
  std::size_t values_per_sample_ = 0;
  std::vector<double> pending_;
  std::size_t pending_samples_ = 0;
  std::vector<std::complex<double>> pending_rho_;  // row-major product-basis rho of the pending samples
};

}  // namespace nessie::io
