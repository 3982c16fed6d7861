// LatencyHistogram: the relay's hold-time quantiles (the added latency p99).
#include "diagnostics/LatencyHistogram.h"

#include <QTest>

using namespace consult;

class TestLatencyHistogram final : public QObject
{
    Q_OBJECT
private slots:
    void emptyHasNoQuantiles()
    {
        LatencyHistogram histogram;
        QCOMPARE(histogram.count(), 0u);
        QCOMPARE(histogram.quantileUs(0.99), 0);
    }

    void quantilesLandInTheirTenMicrosecondBucket()
    {
        LatencyHistogram histogram;
        for (int i = 1; i <= 100; ++i)
            histogram.add(i * 100); // 100 us .. 10 ms
        QCOMPARE(histogram.count(), 100u);
        QCOMPARE(histogram.quantileUs(0.5), 5010);  // the 50th value, 5,000 us, in [5,000, 5,010)
        QCOMPARE(histogram.quantileUs(0.99), 9910); // the 99th, 9,900 us
        QCOMPARE(histogram.quantileUs(1.0), 10000); // the bucket edge would be 10,010: capped at the maximum
        QCOMPARE(histogram.maxUs(), 10000);
    }

    void quantilesNeverExceedTheMaximum()
    {
        // A relay that never had to hold a packet reports 0, not the first bucket's edge.
        LatencyHistogram histogram;
        for (int i = 0; i < 10; ++i)
            histogram.add(0);
        QCOMPARE(histogram.quantileUs(0.99), 0);
        histogram.add(4);
        QCOMPARE(histogram.quantileUs(1.0), 4);
    }

    void beyondTheRangeTheMaximumIsReported()
    {
        LatencyHistogram histogram;
        histogram.add(5);
        histogram.add(250'000);
        histogram.add(-3); // a clock that stepped back counts as zero
        QCOMPARE(histogram.quantileUs(1.0), 250'000);
        QCOMPARE(histogram.quantileUs(0.0), 10);
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "TestLatencyHistogram.moc"
