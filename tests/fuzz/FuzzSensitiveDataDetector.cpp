// Fuzz target: the sensitive-data detector (C2) and the order-intent detector
// (C3), which the client runs on every message before it is sent. Oracles: no crash; every finding
// lies within the text, is not empty, and the findings are ordered and do not overlap; one call
// returns within 100 ms, so a regular expression or a quadratic scan that blows up is caught even
// without libFuzzer's -timeout.
#include "FuzzText.h"
#include "validation/OrderIntentDetector.h"
#include "validation/SensitiveDataDetector.h"

#include <QElapsedTimer>

using namespace consult::fuzz;
using consult::validation::SensitiveFinding;

namespace {

constexpr qint64 kMaxNanosecondsPerCall = 100'000'000;

void checkFindings(const QString &text)
{
    QElapsedTimer timer;
    timer.start();
    const QList<SensitiveFinding> findings = consult::validation::findSensitiveData(text);
    require(timer.nsecsElapsed() <= kMaxNanosecondsPerCall);

    qsizetype previousEnd = 0;
    for (const SensitiveFinding &finding : findings) {
        require(finding.start >= previousEnd);
        require(finding.length > 0);
        require(finding.start + finding.length <= text.size());
        previousEnd = finding.start + finding.length;
    }

    timer.restart();
    const auto intent = consult::validation::detectOrderIntent(text);
    require(timer.nsecsElapsed() <= kMaxNanosecondsPerCall);
    require(consult::validation::looksLikeBindingOrder(text) == (intent != consult::validation::OrderIntent::None));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const QString &text : textsFrom(data, size))
        checkFindings(text);
    return 0;
}
