#include "queue/ExpectedWait.h"

#include <QTest>

#include <optional>

using namespace consult;
using namespace std::chrono_literals;

namespace QTest {
template <>
char *toString(const std::optional<std::chrono::seconds> &wait)
{
    return qstrdup(wait ? qPrintable(QStringLiteral("%1 s").arg(wait->count())) : "nullopt");
}
template <>
char *toString(const std::chrono::seconds &duration)
{
    return qstrdup(qPrintable(QStringLiteral("%1 s").arg(duration.count())));
}
} // namespace QTest

namespace {

std::optional<std::chrono::seconds> minutes(int count)
{
    return std::chrono::minutes(count);
}

ExpectedWait withHistory(const QList<int> &handlingMinutes)
{
    ExpectedWait wait;
    for (const int minutesTaken : handlingMinutes)
        wait.recordHandlingTime(std::chrono::minutes(minutesTaken));
    return wait;
}

} // namespace

class TestExpectedWait final : public QObject
{
    Q_OBJECT
private slots:
    void withoutHistoryTheDefaultHandlingTimeIsUsed()
    {
        ExpectedWaitSettings settings;
        settings.defaultHandlingTime = 7min;
        const ExpectedWait wait(settings);
        QCOMPARE(wait.sampleCount(), 0);
        QCOMPARE(wait.handlingTime(), std::chrono::seconds(7min));
        QCOMPARE(wait.estimate(2, 1, 0), minutes(14));
    }

    void expectedWaitFollowsRecentHandlingTimes_data()
    {
        QTest::addColumn<QList<int>>("handlingMinutes");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("staffedPlaces");
        QTest::addColumn<int>("freePlaces");
        QTest::addColumn<int>("expectedMinutes");

        QTest::newRow("one advisor, first in line") << QList<int>{10} << 1 << 1 << 0 << 10;
        QTest::newRow("one advisor, third in line") << QList<int>{10} << 3 << 1 << 0 << 30;
        QTest::newRow("places share the line") << QList<int>{10} << 4 << 2 << 0 << 20;
        QTest::newRow("free places serve the first") << QList<int>{10} << 4 << 3 << 2 << 7; // 2 * 10 / 3
        QTest::newRow("median of an odd history") << QList<int>{4, 20, 6} << 1 << 1 << 0 << 6;
        QTest::newRow("median of an even history") << QList<int>{4, 6, 8, 30} << 1 << 1 << 0 << 7;
        QTest::newRow("partial minutes round up") << QList<int>{10} << 1 << 3 << 0 << 4; // 3:20
    }

    void expectedWaitFollowsRecentHandlingTimes()
    {
        QFETCH(QList<int>, handlingMinutes);
        QFETCH(int, position);
        QFETCH(int, staffedPlaces);
        QFETCH(int, freePlaces);
        QFETCH(int, expectedMinutes);
        QCOMPARE(withHistory(handlingMinutes).estimate(position, staffedPlaces, freePlaces), minutes(expectedMinutes));
    }

    void withNoAdvisorOnDutyTheWaitIsUnknown()
    {
        const ExpectedWait wait = withHistory({10});
        QCOMPARE(wait.estimate(1, 0, 0), std::nullopt);
        QCOMPARE(wait.estimate(1, -1, 0), std::nullopt);
    }

    void onlyQueuePositionsHaveAnEstimate()
    {
        const ExpectedWait wait = withHistory({10});
        QCOMPARE(wait.estimate(0, 2, 1), std::nullopt);
        QCOMPARE(wait.estimate(-3, 2, 1), std::nullopt);
    }

    void aFreePlaceMeansAShortPickUp()
    {
        ExpectedWaitSettings settings;
        settings.pickUpTime = 90s;
        ExpectedWait wait(settings);
        wait.recordHandlingTime(40min);
        QCOMPARE(wait.estimate(1, 3, 2), minutes(2)); // 90 s shown as whole minutes
        QCOMPARE(wait.estimate(2, 3, 2), minutes(2));
        QCOMPARE(wait.estimate(3, 3, 2), minutes(14)); // 40 / 3 = 13:20
    }

    void onlyTheMostRecentHandlingTimesCount()
    {
        ExpectedWaitSettings settings;
        settings.historySize = 5;
        ExpectedWait wait(settings);
        for (int i = 0; i < 5; ++i)
            wait.recordHandlingTime(30min);
        for (int i = 0; i < 5; ++i)
            wait.recordHandlingTime(8min);
        QCOMPARE(wait.sampleCount(), 5);
        QCOMPARE(wait.handlingTime(), std::chrono::seconds(8min));
        QCOMPARE(wait.estimate(1, 1, 0), minutes(8));
    }

    void oneExtremeConsultationDoesNotMoveEveryonesWait()
    {
        ExpectedWait wait = withHistory({10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
        const auto before = wait.estimate(5, 2, 0);
        wait.recordHandlingTime(3h);
        QCOMPARE(wait.estimate(5, 2, 0), before);
        QCOMPARE(before, minutes(25));
    }

    void negativeDurationsAreIgnored()
    {
        ExpectedWait wait = withHistory({10});
        wait.recordHandlingTime(-5min);
        QCOMPARE(wait.sampleCount(), 1);
        QCOMPARE(wait.handlingTime(), std::chrono::seconds(10min));
    }

    void theWaitNeverShrinksFurtherBackInTheLine()
    {
        const ExpectedWait wait = withHistory({1});
        std::chrono::seconds previous{0};
        for (int position = 1; position <= 200; ++position) {
            const std::optional<std::chrono::seconds> estimate = wait.estimate(position, 25, 3);
            QVERIFY(estimate.has_value());
            QVERIFY2(*estimate >= previous, qPrintable(QStringLiteral("position %1").arg(position)));
            QCOMPARE(estimate->count() % 60, 0);
            previous = *estimate;
        }
        QVERIFY(previous > std::chrono::seconds(1min));
    }

    void aVeryLongQueueDoesNotOverflow()
    {
        const ExpectedWait wait = withHistory({3 * 24 * 60}); // three days each
        QCOMPARE(wait.estimate(10'000, 1, 0), minutes(10'000 * 3 * 24 * 60));
    }
};

QTEST_GUILESS_MAIN(TestExpectedWait)
#include "TestExpectedWait.moc"
