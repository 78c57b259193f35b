#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <vector>

// Clocks and small parsers of the load generator.

// The monotonic clock, in nanoseconds.
inline int64_t nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The generator's own CPU time (user and system), in nanoseconds.
inline int64_t ownCpuNs()
{
    rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (int64_t(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000000000
        + (int64_t(usage.ru_utime.tv_usec) + usage.ru_stime.tv_usec) * 1000;
}

// Parses a decimal number at p, up to the '.' that ends it; moves p past the '.'.
inline bool parseNumber(const char *&p, const char *end, int64_t *value)
{
    int64_t v = 0;
    const char *start = p;
    while (p < end && *p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    if (p == start || p == end || *p != '.')
        return false;
    ++p;
    *value = v;
    return true;
}

// The q quantile of sorted nanoseconds, in milliseconds (0 when there are none).
inline double percentileMs(const std::vector<int64_t> &sortedNs, double q)
{
    if (sortedNs.empty())
        return 0;
    const size_t i = std::min(sortedNs.size() - 1, size_t(q * double(sortedNs.size())));
    return double(sortedNs[i]) / 1e6;
}
