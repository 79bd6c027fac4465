// Replay driver: runs a fuzz target's LLVMFuzzerTestOneInput over files and directories given on the
// command line, without libFuzzer. Built with the normal compiler (g++) so CTest replays the seed
// corpora and every kept crash input (tests/data/fuzz-regressions/<target>/) under ASan/UBSan.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

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
    LLVMFuzzerTestOneInput(bytes.empty() ? &empty : reinterpret_cast<const uint8_t *>(bytes.data()),
                           bytes.size());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
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
