#pragma once
// A one-line progress display on stderr, shown only when stderr is a terminal and --quiet is off.
#include <chrono>
#include <string>

namespace nessie::cli {

class Progress {
 public:
  explicit Progress(bool quiet);
  ~Progress();
  // Redraws at most ten times a second.
  void update(double fraction, const std::string& text);
  // Whether update() would redraw now: lets a caller skip formatting a text that would not be shown.
  bool due() const;
  void done();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace nessie::cli
