#include "interrupt.hpp"

#include <csignal>

namespace nessie::cli {

namespace {
std::atomic<bool> interrupted{false};
std::atomic<int> signal_number{0};

extern "C" void on_signal(int number) {
  signal_number.store(number);
  interrupted.store(true);
}
}  // namespace

const std::atomic<bool>& install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  return interrupted;
}

int received_signal() { return signal_number.load(); }

}  // namespace nessie::cli
