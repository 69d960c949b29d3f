#include "run_recorder.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace nessie::cli {

SampleRecorder::SampleRecorder(const OpenSystem& system, const Eigen::MatrixXcd& rho_ness,
                               std::function<io::RunFile&()> open_file, Progress& progress, double t_end)
    : system_(system), rho_ness_(rho_ness), open_file_(std::move(open_file)), progress_(progress), t_end_(t_end) {}

void SampleRecorder::start() {
  measurer_.emplace(system_, rho_ness_);
  file_ = &open_file_();
}

void SampleRecorder::record(const OutputRecord& record) {
  // The step checks first, in the order of the steps, exactly as PositivityMonitor::observe_state would have seen
  // them one by one (a state above the threshold is what observe_state records as +infinity).
  for (const StepCheck& step : record.steps) {
    if (step.state)
      positivity_.observe_state(step.time, *step.state);
    else
      positivity_.observe(step.time, std::numeric_limits<double>::infinity());
  }
  if (!record.sample) return;
  measurer_->measure(record.time, record.rho, record.distance_to_ness, last_);
  file_->append(last_, record.rho);
  positivity_.observe(record.time, last_.observables.min_eigenvalue);
  times_.push_back(record.time);
  distances_.push_back(last_.distance_to_ness);
  if (progress_.due()) {
    char text[160];
    std::snprintf(text, sizeof text, "t = %.6g of %.6g, distance to NESS %.3e, min eigenvalue %+.2e", record.time,
                  t_end_, last_.distance_to_ness, last_.observables.min_eigenvalue);
    progress_.update(record.time / t_end_, text);
  }
}

RecordingThread::RecordingThread(SampleRecorder& recorder, bool threaded, std::size_t capacity)
    : recorder_(recorder), capacity_(std::max<std::size_t>(capacity, 1)) {
  if (threaded)
    thread_ = std::thread([this] { work(); });
  else
    recorder_.start();
}

RecordingThread::~RecordingThread() { finish_quietly(); }

namespace {

// glibc gives a new thread a heap of its own that grows a page at a time, each page made writable by a system call
// (mprotect); creating the run file and measuring the first samples grew it by some 270 pages (strace of the d = 6
// run). Growing it by 2 MiB at once, in blocks below malloc's mmap threshold so that they come from this heap, and
// freeing them leaves the pages writable for later (a freed top is trimmed with madvise, not mprotect): 39 calls.
void prepare_thread_heap() {
  std::vector<void*> blocks(32);
  for (void*& block : blocks) block = std::malloc(64 * 1024);
  for (void* block : blocks) std::free(block);
}

}  // namespace

void RecordingThread::work() {
  prepare_thread_heap();
  try {
    recorder_.start();
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    failure_ = std::current_exception();
    if (submitter_waiting_) changed_.notify_all();
    return;
  }
  std::deque<OutputRecord> batch;
  std::vector<OutputRecord> recorded;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      for (OutputRecord& r : recorded)
        if (recorded_.size() < spare_records) recorded_.push_back(std::move(r));
      recorded.clear();
      worker_waiting_ = true;
      // Woken when a batch is full or at the end; otherwise the records are picked up within wake_interval.
      while (queue_.empty() && !closing_) changed_.wait_for(lock, wake_interval);
      worker_waiting_ = false;
      if (queue_.empty()) return;  // closing, and everything recorded
      batch.swap(queue_);
      if (submitter_waiting_) changed_.notify_all();
    }
    try {
      for (OutputRecord& record : batch) {
        recorder_.record(record);
        unrecorded_.fetch_sub(1, std::memory_order_relaxed);
        if (recorded.size() < spare_records) recorded.push_back(std::move(record));
      }
      batch.clear();
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      failure_ = std::current_exception();
      queue_.clear();
      if (submitter_waiting_) changed_.notify_all();
      return;
    }
  }
}

OutputRecord RecordingThread::submit(OutputRecord record) {
  if (!thread_.joinable()) {  // one thread: a failure of the recorder reaches the caller directly
    recorder_.record(record);
    return record;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  if (queue_.size() >= capacity_) {
    submitter_waiting_ = true;
    changed_.wait(lock, [this] { return queue_.size() < capacity_ || failure_; });
    submitter_waiting_ = false;
  }
  if (failure_) std::rethrow_exception(failure_);
  queue_.push_back(std::move(record));
  unrecorded_.fetch_add(1, std::memory_order_relaxed);
  if (worker_waiting_ && queue_.size() >= wake_batch) changed_.notify_all();
  if (recorded_.empty()) return {};
  OutputRecord spare = std::move(recorded_.back());
  recorded_.pop_back();
  return spare;
}

std::exception_ptr RecordingThread::finish_quietly() {
  if (thread_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  return failure_;
}

void RecordingThread::finish() {
  if (std::exception_ptr failure = finish_quietly()) std::rethrow_exception(failure);
}

RunObserver::RunObserver(RecordingThread& recording, const Eigen::MatrixXcd& rho_ness, double threshold,
                         double until_steady, bool check_every_step, double reference_min_eigenvalue)
    : recording_(recording),
      rho_ness_(rho_ness),
      threshold_(threshold),
      until_steady_(until_steady),
      check_every_step_(check_every_step),
      reference_min_eigenvalue_(reference_min_eigenvalue) {}

void RunObserver::observe_step(double t, const StepState& step) {
  if (!check_every_step_) return;
  if (step_eigenvalues_above(step, reference_min_eigenvalue_, threshold_, scratch_))
    steps_.push_back({t, std::nullopt});
  else
    steps_.push_back({t, Eigen::MatrixXcd(step.rho())});
}

bool RunObserver::observe(double t, const Eigen::MatrixXcd& rho) {
  OutputRecord record = std::move(spare_);  // storage of a recorded record: no allocation once the states circulate
  record.steps.swap(steps_);
  steps_.clear();
  record.sample = true;
  record.time = t;
  record.rho = rho;
  record.distance_to_ness.reset();
  // Needed now for the decision to stop, not when the sample is recorded; or taken off a recording thread behind.
  if (until_steady_ > 0 || recording_.backlog() >= help_backlog)
    record.distance_to_ness = trace_distance(rho, rho_ness_);
  if (until_steady_ > 0) reached_steady_ = *record.distance_to_ness < until_steady_;
  spare_ = recording_.submit(std::move(record));
  return reached_steady_;
}

void RunObserver::flush() {
  if (steps_.empty()) return;
  OutputRecord record;
  record.steps.swap(steps_);
  record.sample = false;
  spare_ = recording_.submit(std::move(record));
}

std::size_t recording_capacity(int dimension) {
  const double bytes_per_record = 16.0 * dimension * dimension + 256;
  return std::max<std::size_t>(4, static_cast<std::size_t>(64e6 / bytes_per_record));
}

}  // namespace nessie::cli
