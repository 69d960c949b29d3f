#pragma once
// SIGINT and SIGTERM during a run: remembered in a flag that the integration loop checks between steps.
#include <atomic>

namespace nessie::cli {

// Installs the handlers (once) and returns the flag they set.
const std::atomic<bool>& install_interrupt_handlers();
// The signal that set the flag (SIGINT or SIGTERM), 0 if none.
int received_signal();

}  // namespace nessie::cli
