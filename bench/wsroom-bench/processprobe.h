#pragma once

#include <cstdint>

// Reads another process's CPU time and memory from /proc (Linux), for figures per delivery and
// per connection. Every function returns -1 when the process cannot be read.
namespace ProcessProbe {

// CPU time of all the process's threads, in nanoseconds (sum of /proc/PID/task/*/schedstat).
int64_t cpuNs(int pid);
// Resident set size now (VmRSS), in kilobytes.
int64_t rssKb(int pid);
// The largest resident set size so far (VmHWM), in kilobytes.
int64_t peakRssKb(int pid);

} // namespace ProcessProbe
