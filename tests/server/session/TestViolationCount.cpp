// Issue 13, item 7: rate violations drain over time. A flood reaches the limit within seconds and the
// connection is closed (I5); the same number of violations spread over a two-hour call never does.
#include "session/ViolationCount.h"

#include <QTest>

using namespace consult;

namespace {

constexpr qint64 kSecondUs = 1'000'000;
constexpr qint64 kMinuteUs = 60 * kSecondUs;

} // namespace

class TestViolationCount final : public QObject
{
    Q_OBJECT
private slots:
    void aFloodReachesTheLimitWithinASecond()
    {
        // One violation a millisecond: the drain (3.3 a second) hardly matters.
        ViolationCount violations(200, kMinuteUs, 0);
        int i = 1;
        while (!violations.add(i * 1000) && i < 1000)
            ++i;
        QVERIFY2(i >= 200 && i <= 202, qPrintable(QString::number(i)));
    }

    void violationsSpreadOverALongCallNeverReachIt()
    {
        // A burst of 50 every ten minutes for two hours: 600 in all, three times the limit.
        ViolationCount violations(200, kMinuteUs, 0);
        for (int burst = 0; burst < 12; ++burst) {
            const qint64 start = burst * 10 * kMinuteUs;
            for (int i = 0; i < 50; ++i)
                QVERIFY2(!violations.add(start + i * 1000), qPrintable(QStringLiteral("burst %1").arg(burst)));
        }
        QVERIFY(violations.count(12 * 10 * kMinuteUs) < 1);
    }

    void aSteadyExcessAboveTheDrainStillCloses()
    {
        // Ten violations a second, the drain is 200 a minute (3.3 a second): closed within a minute.
        ViolationCount violations(200, kMinuteUs, 0);
        bool closed = false;
        qint64 at = 0;
        for (; at < 2 * kMinuteUs && !closed; at += kSecondUs / 10)
            closed = violations.add(at);
        QVERIFY(closed);
        QVERIFY2(at < kMinuteUs, qPrintable(QString::number(at / kSecondUs)));
    }

    void theCountDrainsEvenly()
    {
        ViolationCount violations(200, kMinuteUs, 0);
        for (int i = 0; i < 100; ++i)
            violations.add(0);
        QCOMPARE(violations.count(0), 100.0);
        QCOMPARE(violations.count(15 * kSecondUs), 50.0);
        QCOMPARE(violations.count(30 * kSecondUs), 0.0);
        QCOMPARE(violations.count(60 * kSecondUs), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestViolationCount)
#include "TestViolationCount.moc"
