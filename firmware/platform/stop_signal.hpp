// SIGTERM and SIGINT in every run mode: the handler only records the signal; each loop looks
// at stop_signal() once a frame, finishes the file it is writing and leaves. Installed before
// SDL starts, so SDL leaves the handlers alone (it only replaces SIG_DFL ones).
#pragma once

namespace ctrail::platform {

void install_stop_handlers();
// The signal that asked the program to stop (SIGTERM, SIGINT), or 0.
int stop_signal();
// "SIGTERM", "SIGINT" or "signal N".
const char* stop_signal_name(int signal);

} // namespace ctrail::platform
