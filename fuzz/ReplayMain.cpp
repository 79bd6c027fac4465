// Replay driver: runs a fuzz target's LLVMFuzzerTestOneInput over files and directories given on the
// command line, without libFuzzer. Built with the normal compiler (g++) so CTest replays the seed
// corpora and every kept crash input (tests/data/fuzz-regressions/<target>/) under ASan/UBSan.
// Like libFuzzer's -timeout and -rss_limit_mb, a slow input or a memory blow-up fails the run (limits are
// generous: sanitized Debug builds on a busy CI machine are slow). Set COCKPIT_REPLAY_TIMEOUT (seconds)
// and COCKPIT_REPLAY_RSS_MB to change them.

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

unsigned envOr(const char *name, unsigned fallback)
{
    const char *v = std::getenv(name);
    return v && *v ? static_cast<unsigned>(std::strtoul(v, nullptr, 10)) : fallback;
}

unsigned g_timeoutSeconds = 25;
unsigned g_rssLimitMb = 2048;

void onAlarm(int)
{
    static const char msg[] = "replay: input took longer than the time limit (COCKPIT_REPLAY_TIMEOUT)\n";
    (void)!write(2, msg, sizeof msg - 1);
    std::_Exit(70);
}

int replay(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return 1;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "replay %s (%zu bytes)\n", file.c_str(), bytes.size());
    // An empty vector's data() may be null; libFuzzer never passes null, so neither do we.
    static const uint8_t empty = 0;
    alarm(g_timeoutSeconds);
    LLVMFuzzerTestOneInput(bytes.empty() ? &empty : reinterpret_cast<const uint8_t *>(bytes.data()),
                           bytes.size());
    alarm(0);
    struct rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    if (static_cast<unsigned long>(usage.ru_maxrss) / 1024 > g_rssLimitMb) {
        std::fprintf(stderr, "replay: %s: peak RSS %ld MB exceeds %u MB (COCKPIT_REPLAY_RSS_MB)\n",
                     file.c_str(), usage.ru_maxrss / 1024, g_rssLimitMb);
        std::_Exit(71);
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    g_timeoutSeconds = envOr("COCKPIT_REPLAY_TIMEOUT", g_timeoutSeconds);
    g_rssLimitMb = envOr("COCKPIT_REPLAY_RSS_MB", g_rssLimitMb);
    std::signal(SIGALRM, onAlarm);
    int failures = 0;
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            std::vector<std::filesystem::path> files;
            for (const auto &entry : std::filesystem::recursive_directory_iterator(arg))
                if (entry.is_regular_file() && entry.path().filename() != "README.md")
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto &f : files) {
                failures += replay(f);
                ++count;
            }
        } else if (std::filesystem::exists(arg)) {
            failures += replay(arg);
            ++count;
        } else {
            // A target without kept crash inputs has no regression directory yet.
            std::fprintf(stderr, "skipping %s (does not exist)\n", argv[i]);
        }
    }
    std::fprintf(stderr, "replayed %d inputs, %d unreadable\n", count, failures);
    return failures == 0 && count > 0 ? 0 : 1;
}
