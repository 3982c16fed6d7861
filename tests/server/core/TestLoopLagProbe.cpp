// LoopLagProbe: measures how long the event loop keeps things waiting (the relay's added
// latency under load).
#include "diagnostics/LoopLagProbe.h"

#include <QTest>
#include <QThread>

using namespace consult;

class TestLoopLagProbe final : public QObject
{
    Q_OBJECT
private slots:
    void aBlockedLoopShowsAsLateness()
    {
        LoopLagProbe probe(5, SystemClock::instance());
        QTest::qWait(100);
        const quint64 idleSamples = probe.lateness().count();
        QVERIFY(idleSamples >= 5); // it keeps sampling
        // The loop is busy for 60 ms: the probe due meanwhile runs that much late.
        QThread::msleep(60);
        QTest::qWait(30);
        QVERIFY(probe.lateness().count() > idleSamples);
        QVERIFY2(probe.lateness().maxUs() >= 50'000, qPrintable(QString::number(probe.lateness().maxUs())));
    }
};

QTEST_GUILESS_MAIN(TestLoopLagProbe)
#include "TestLoopLagProbe.moc"
