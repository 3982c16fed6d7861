// Runs a libFuzzer target without libFuzzer, so every build exercises the fuzz targets: each file of
// the seed corpus, then a fixed number of pseudo-random mutations of them. Coverage-guided fuzzing
// runs with clang (-DCONSULT_BUILD_FUZZERS=ON, see tests/fuzz/README.md).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    std::vector<std::string> corpus;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        if (std::filesystem::is_directory(path)) {
            for (const auto &entry : std::filesystem::directory_iterator(path)) {
                std::ifstream in(entry.path(), std::ios::binary);
                corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            }
        }
    }
    if (corpus.empty())
        corpus.emplace_back();

    for (const std::string &input : corpus)
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());

    std::mt19937 random(20261121); // fixed seed: a failure reproduces
    constexpr int kMutations = 20000;
    for (int i = 0; i < kMutations; ++i) {
        std::string input = corpus[random() % corpus.size()];
        const int edits = 1 + static_cast<int>(random() % 8);
        for (int e = 0; e < edits; ++e) {
            const unsigned kind = random() % 4;
            if (kind == 0 || input.empty()) {
                input.insert(input.begin() + static_cast<long>(input.empty() ? 0 : random() % input.size()),
                             static_cast<char>(random()));
            } else if (kind == 1) {
                input[random() % input.size()] = static_cast<char>(random());
            } else if (kind == 2) {
                input.erase(random() % input.size(), 1);
            } else {
                const std::string &other = corpus[random() % corpus.size()];
                input += other.substr(0, other.size() / 2);
            }
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
    }
    std::printf("%zu corpus inputs and %d mutations ran without a crash\n", corpus.size(), kMutations);
    return 0;
}
