#include "progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace nessie::cli {

Progress::Progress(bool quiet) : enabled_(!quiet && ::isatty(STDERR_FILENO)), last_() {}

Progress::~Progress() { done(); }

bool Progress::due() const {
  return enabled_ && (!drawn_ || std::chrono::steady_clock::now() - last_ >= std::chrono::milliseconds(100));
}

void Progress::update(double fraction, const std::string& text) {
  if (!due()) return;
  last_ = std::chrono::steady_clock::now();
  drawn_ = true;
  std::fprintf(stderr, "\r\033[K%5.1f%%  %s", 100 * fraction, text.c_str());
  std::fflush(stderr);
}

void Progress::done() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace nessie::cli
