// Fuzz target: the sensitive-data detector (C2) and the order-intent detector
// (C3), which the client runs on every message before it is sent. Oracles: no crash; every finding
// lies within the text, is not empty, and the findings are ordered and do not overlap; one call
// takes at most 100 ms of CPU time, so a regular expression or a quadratic scan that blows up is
// caught even without libFuzzer's -timeout. CPU time of this thread, not wall time: on a loaded
// machine (CI's two cores shared with the build) a call preempted for a while is not slow, and a
// wall-clock bound failed the libFuzzer run on an input that takes 10-30 ms under ASan.
#include "FuzzText.h"
#include "validation/OrderIntentDetector.h"
#include "validation/SensitiveDataDetector.h"

#include <ctime>

using namespace consult::fuzz;
using consult::validation::SensitiveFinding;

namespace {

constexpr qint64 kMaxNanosecondsPerCall = 100'000'000;

// The CPU time this thread has used, in nanoseconds.
qint64 threadCpuNanoseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

void checkFindings(const QString &text)
{
    qint64 started = threadCpuNanoseconds();
    const QList<SensitiveFinding> findings = consult::validation::findSensitiveData(text);
    require(threadCpuNanoseconds() - started <= kMaxNanosecondsPerCall);

    qsizetype previousEnd = 0;
    for (const SensitiveFinding &finding : findings) {
        require(finding.start >= previousEnd);
        require(finding.length > 0);
        require(finding.start + finding.length <= text.size());
        previousEnd = finding.start + finding.length;
    }

    started = threadCpuNanoseconds();
    const auto intent = consult::validation::detectOrderIntent(text);
    require(threadCpuNanoseconds() - started <= kMaxNanosecondsPerCall);
    require(consult::validation::looksLikeBindingOrder(text) == (intent != consult::validation::OrderIntent::None));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const QString &text : textsFrom(data, size))
        checkFindings(text);
    return 0;
}
