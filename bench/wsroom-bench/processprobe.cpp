#include "processprobe.h"

#include <dirent.h>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

int64_t statusField(int pid, const char *field)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    FILE *file = std::fopen(path.c_str(), "r");
    if (!file)
        return -1;
    char line[256];
    int64_t value = -1;
    const size_t length = std::strlen(field);
    while (std::fgets(line, sizeof line, file)) {
        if (std::strncmp(line, field, length) == 0 && line[length] == ':') {
            value = std::strtoll(line + length + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(file);
    return value;
}

} // namespace

namespace ProcessProbe {

int64_t cpuNs(int pid)
{
    // schedstat counts in nanoseconds, where /proc/PID/stat counts in clock ticks (10 ms).
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR *tasks = opendir(dir.c_str());
    if (!tasks)
        return -1;
    int64_t total = 0;
    while (dirent *entry = readdir(tasks)) {
        if (entry->d_name[0] == '.')
            continue;
        const std::string path = dir + '/' + entry->d_name + "/schedstat";
        if (FILE *file = std::fopen(path.c_str(), "r")) {
            long long ns = 0;
            if (std::fscanf(file, "%lld", &ns) == 1)
                total += ns;
            std::fclose(file);
        }
    }
    closedir(tasks);
    return total;
}

int64_t rssKb(int pid)
{
    return statusField(pid, "VmRSS");
}

int64_t peakRssKb(int pid)
{
    return statusField(pid, "VmHWM");
}

} // namespace ProcessProbe
