#pragma once
// What `nessie run` does at each output time, split between two threads: the integration thread checks positivity
// after each step and hands every output time on (RunObserver); a second thread measures the sample, appends it to
// the file, replays the positivity checks and draws the progress line (SampleRecorder, run by RecordingThread), so
// that the samples' eigenvalue problems and file writes overlap the integration. The records are taken in order, so
// every result is the one a single thread gives.
#include "progress.hpp"

#include <nessie/dynamics/positivity_monitor.hpp>
#include <nessie/dynamics/propagator.hpp>
#include <nessie/dynamics/run_sample.hpp>
#include <nessie/io/run_file.hpp>

#include <Eigen/Dense>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace nessie::cli {

// The positivity check after one accepted step, made on the integration thread: the state is kept only when an
// eigenvalue may lie below the threshold (PositivityMonitor::observe_state then decides exactly).
struct StepCheck {
  double time = 0;
  std::optional<Eigen::MatrixXcd> state;  // empty: every eigenvalue above the threshold
};

// One output time (or, with sample == false, only the step checks since the last one).
struct OutputRecord {
  std::vector<StepCheck> steps;  // the steps since the previous record, in order
  bool sample = true;
  double time = 0;
  Eigen::MatrixXcd rho;                    // eigenbasis
  std::optional<double> distance_to_ness;  // computed by the integration thread for --until-steady
};

// Everything done with the records: measurement, file, positivity, progress, the data of the relaxation fit.
class SampleRecorder {
 public:
  // open_file creates the file and writes its header; start() calls it, on the recording thread.
  SampleRecorder(const OpenSystem& system, const Eigen::MatrixXcd& rho_ness, std::function<io::RunFile&()> open_file,
                 Progress& progress, double t_end);
  void start();
  void record(const OutputRecord& record);

  const RunSample& last() const { return last_; }
  const PositivityMonitor& positivity() const { return positivity_; }
  const std::vector<double>& times() const { return times_; }
  const std::vector<double>& distances() const { return distances_; }

 private:
  const OpenSystem& system_;
  const Eigen::MatrixXcd& rho_ness_;
  std::optional<SampleMeasurer> measurer_;  // built by start(), on the recording thread
  std::function<io::RunFile&()> open_file_;
  io::RunFile* file_ = nullptr;
  Progress& progress_;
  double t_end_;
  RunSample last_;
  PositivityMonitor positivity_;
  std::vector<double> times_, distances_;
};

// Runs a SampleRecorder (start(), then the records in order) on a thread of its own, or in the caller's thread
// when `threaded` is false. At most `capacity` records wait; a failure of the recorder (an IoError of the file) stops
// it and is rethrown to the caller by the next submit() or by finish().
class RecordingThread {
 public:
  RecordingThread(SampleRecorder& recorder, bool threaded, std::size_t capacity);
  ~RecordingThread();  // stops (without rethrowing)
  RecordingThread(const RecordingThread&) = delete;
  RecordingThread& operator=(const RecordingThread&) = delete;

  // Returns a record already recorded (or an empty one), whose storage the caller may reuse for the next: the
  // states and step lists then travel between the threads instead of being allocated on one and freed on the other.
  OutputRecord submit(OutputRecord record);
  // Records submitted and not yet recorded (0 on one thread): how far the recording thread is behind.
  std::size_t backlog() const { return unrecorded_.load(std::memory_order_relaxed); }
  // Waits until every submitted record has been recorded, then rethrows a failure of the recorder, if any.
  void finish();
  // The same without rethrowing: the failure, if any.
  std::exception_ptr finish_quietly();

 private:
  void work();
  SampleRecorder& recorder_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<OutputRecord> queue_;
  std::vector<OutputRecord> recorded_;  // for reuse by the submitter, at most spare_records of them
  static constexpr std::size_t spare_records = 64;
  bool closing_ = false;
  // A wake-up is a system call, a few microseconds, as long as a d = 6 sample: the worker is woken for a batch of
  // records (or at the end) and otherwise looks for records every wake_interval; the submitter only when it waits.
  static constexpr std::size_t wake_batch = 32;
  static constexpr std::chrono::milliseconds wake_interval{20};
  bool worker_waiting_ = false, submitter_waiting_ = false;
  std::atomic<std::size_t> unrecorded_{0};
  std::exception_ptr failure_;
  std::thread thread_;
};

// The integration's observer: positivity after each step (when `check_every_step`), --until-steady, and a record
// for every output time.
// When the recording thread falls behind (a backlog of help_backlog records: at d = 6 it measures a sample in 3 to 4 us
// against 6 to 7 us of integration per output time, but starts 1 to 3 ms after the integration, the time HDF5 takes
// to start and to create the file), the integration thread computes the trace distance to the NESS itself, the same
// function on the same state, so the file does not change.
class RunObserver : public OutputObserver {
 public:
  static constexpr std::size_t help_backlog = 96;

  // reference_min_eigenvalue: the smallest eigenvalue of the integration's reference state (the direct NESS).
  RunObserver(RecordingThread& recording, const Eigen::MatrixXcd& rho_ness, double threshold, double until_steady,
              bool check_every_step, double reference_min_eigenvalue);
  void observe_step(double t, const StepState& step) override;
  bool observe(double t, const Eigen::MatrixXcd& rho) override;
  // Submits the step checks made after the last output time (an interrupted run).
  void flush();
  bool reached_steady() const { return reached_steady_; }

 private:
  RecordingThread& recording_;
  const Eigen::MatrixXcd& rho_ness_;
  double threshold_;
  double until_steady_;
  bool check_every_step_;
  double reference_min_eigenvalue_;
  bool reached_steady_ = false;
  std::vector<StepCheck> steps_;
  Eigen::MatrixXcd scratch_;
  OutputRecord spare_;  // a recorded record, reused for the next output time
};

// How many records may wait: about 64 MB of states, at least 4.
std::size_t recording_capacity(int dimension);

}  // namespace nessie::cli
