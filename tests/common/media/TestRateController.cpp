#include "media/RateController.h"

#include <QTest>

#include <deque>

using namespace consult;
using namespace consult::media;

namespace {

constexpr qint64 kMs = 1000;

RateController::Observation calm(qint64 rttUs = 20 * kMs)
{
    RateController::Observation observation;
    observation.roundTripUs = rttUs;
    observation.inFlightBytes = 1000;
    observation.windowBytes = 24 * 1024;
    observation.packetsSent = 50;
    return observation;
}

// Feeds one observation every 50 ms for `durationMs` and lets the controller decide after each.
void run(RateController &controller, qint64 &nowUs, qint64 durationMs, const RateController::Observation &observation)
{
    for (qint64 t = 0; t < durationMs; t += 50) {
        nowUs += 50 * kMs;
        controller.observe(observation, nowUs);
        controller.update(nowUs);
    }
}

} // namespace

class TestRateController final : public QObject
{
    Q_OBJECT
private slots:
    void aCalmPathKeepsFullVideoAndSlowlyRises()
    {
        RateController controller;
        qint64 now = 0;
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_FULL);
        QCOMPARE(controller.decision().videoKbps, 450);
        run(controller, now, 1500, calm());
        QCOMPARE(controller.decision().videoKbps, 450); // nothing before the calm has lasted
        run(controller, now, 20'000, calm());
        QVERIFY(controller.decision().videoKbps > 450);
        QVERIFY(controller.decision().videoKbps <= 700);
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_FULL);
    }

    void aFillingWindowCutsTheBitrateMultiplicatively()
    {
        RateController controller;
        qint64 now = 0;
        run(controller, now, 1000, calm());
        auto queueing = calm();
        queueing.inFlightBytes = 20 * 1024; // most of the window unconfirmed: queue growth
        now += 50 * kMs;
        controller.observe(queueing, now);
        QVERIFY(controller.update(now));
        QCOMPARE(controller.decision().videoKbps, 315); // 450 * 0.7
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_REDUCED_VIDEO);
        // At most one decrease per interval, however many signals arrive.
        now += 100 * kMs;
        controller.observe(queueing, now);
        QVERIFY(!controller.update(now));
    }

    void probingAroundTheThresholdDoesNotFlipTheStep()
    {
        // A line that takes about 340 kbit/s: the bitrate probes up, is cut, probes up again. The
        // step goes to reduced once and stays there until the start bitrate is reached again.
        RateController controller;
        qint64 now = 0;
        auto queueing = calm();
        queueing.inFlightBytes = 20 * 1024;
        QList<wire::QualityLevel> levels{controller.decision().level};
        for (int i = 0; i < 1200; ++i) { // 60 s
            now += 50 * kMs;
            controller.observe(controller.decision().videoKbps > 340 ? queueing : calm(), now);
            controller.update(now);
            if (controller.decision().level != levels.last())
                levels.append(controller.decision().level);
        }
        QCOMPARE(levels, QList<wire::QualityLevel>({wire::QUALITY_LEVEL_FULL, wire::QUALITY_LEVEL_REDUCED_VIDEO}));
        // When the line clears, full video comes back at the start bitrate.
        run(controller, now, 20'000, calm());
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_FULL);
        QVERIFY(controller.decision().videoKbps >= 450);
    }

    void risingRoundTripsAreCongestionEvenWithoutLoss()
    {
        RateController controller;
        qint64 now = 0;
        run(controller, now, 2000, calm(20 * kMs));
        run(controller, now, 2000, calm(250 * kMs)); // a standing queue somewhere on the path
        QVERIFY(controller.decision().videoKbps < 450);
    }

    void theLadderStepsDownToAudioThenTextAndNeverFurther_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("local drops") << 0;
        QTest::newRow("peer losses") << 1;
        QTest::newRow("relay drops for the peer") << 2;
    }

    void theLadderStepsDownToAudioThenTextAndNeverFurther()
    {
        QFETCH(int, signal);
        RateController controller;
        qint64 now = 0;
        auto bad = calm();
        if (signal == 0)
            bad.droppedLocally = 3;
        else if (signal == 1)
            bad.peerLost = 10; // 20 % of 50
        else
            bad.droppedForPeer = 2;
        QList<wire::QualityLevel> seen;
        for (int i = 0; i < 400; ++i) { // 20 s of sustained congestion
            now += 50 * kMs;
            controller.observe(bad, now);
            if (controller.update(now) && (seen.isEmpty() || seen.last() != controller.decision().level))
                seen.append(controller.decision().level);
        }
        QVERIFY(seen.contains(wire::QUALITY_LEVEL_REDUCED_VIDEO));
        QVERIFY(seen.contains(wire::QUALITY_LEVEL_AUDIO_ONLY));
        QCOMPARE(seen.last(), wire::QUALITY_LEVEL_TEXT_ONLY);
        // In order, and the consultation goes on: text only is the floor.
        QVERIFY(seen.indexOf(wire::QUALITY_LEVEL_AUDIO_ONLY) < seen.indexOf(wire::QUALITY_LEVEL_TEXT_ONLY));
        QVERIFY(!controller.decision().sendsAudio());
        QVERIFY(!controller.decision().sendsVideo());
    }

    void afterCalmAPausedStreamIsTriedAgainFromTheBottom()
    {
        RateController controller;
        qint64 now = 0;
        auto bad = calm();
        bad.droppedLocally = 1;
        // 450 -> 315 -> 220 -> 154 -> 150 kbit/s, then video paused: about two seconds of congestion.
        run(controller, now, 2200, bad);
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_AUDIO_ONLY);
        run(controller, now, 5000, calm());
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_AUDIO_ONLY); // not yet: probe after 10 s
        int resumedAtKbps = -1;
        for (int i = 0; i < 240 && resumedAtKbps < 0; ++i) { // up to 12 more seconds of calm
            now += 50 * kMs;
            controller.observe(calm(), now);
            if (controller.update(now) && controller.decision().sendsVideo())
                resumedAtKbps = controller.decision().videoKbps;
        }
        QCOMPARE(resumedAtKbps, 150);
    }

    void aRoundTripFromBeforeAPauseDoesNotHoldTheLadderDown()
    {
        // A line so bad that everything paused: the round trip had grown to seconds (a deep queue on
        // the way). While text only, nothing is sent, so no receipt comes. The line then clears:
        // the first probe's round trips are short again, and the ladder must climb on them, not
        // step down again because the average still remembers the seconds from before the pause.
        RateController controller;
        qint64 now = 0;
        run(controller, now, 2000, calm());
        auto bad = calm(3000 * kMs);
        bad.droppedLocally = 1;
        for (int i = 0; i < 400 && controller.decision().sendsAudio(); ++i) {
            now += 50 * kMs;
            controller.observe(bad, now);
            controller.update(now);
        }
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_TEXT_ONLY);
        // Nothing sent, nothing observed, until the probe after ten seconds of calm.
        for (int i = 0; i < 240 && !controller.decision().sendsAudio(); ++i) {
            now += 50 * kMs;
            controller.update(now);
        }
        QCOMPARE(controller.decision().level, wire::QUALITY_LEVEL_AUDIO_ONLY);
        // The clear line: audio holds and, after its own calm, video comes back.
        run(controller, now, 12'000, calm());
        QVERIFY2(controller.decision().sendsVideo(), qPrintable(QString::number(int(controller.decision().level))));
    }

    void aQueueThatDrainsAfterACutIsNotCutAgain()
    {
        // The seeds' minimum line: 0.5 Mbit/s up, 40 ms round trip, and a call that starts at
        // 700 kbit/s of video. The first second builds a queue before the relay. After the cut
        // that brings the offer under the line, the queue drains for a while, and round trips and
        // unconfirmed bytes stay high while it does: that is the old queue, not new congestion.
        // Cutting again on it would walk the ladder down to audio only on a line that carries
        // video well. A fluid model of the line: what is offered joins the queue, the line takes
        // 500 kbit/s, the encoder follows a new bitrate 150 ms later, framing adds 15 %.
        RateController::Settings settings;
        settings.startVideoKbps = 700;
        RateController controller(settings);
        const double lineKbps = 500;
        const qint64 baseRttMs = 40;
        const int windowBytes = 24 * 1024;
        double queueKbit = 0;
        std::deque<int> applied(3, controller.decision().videoKbps); // 150 ms of encoder lag
        qint64 now = 0;
        QList<wire::QualityLevel> levels{controller.decision().level};
        int lowestKbps = controller.decision().videoKbps;
        double queueAtEndKbit = 0;
        for (int i = 0; i < 320; ++i) { // 16 s
            now += 50 * kMs;
            const RateController::Decision &decision = controller.decision();
            applied.push_back(decision.sendsVideo() ? decision.videoKbps : 0);
            const double offeredKbps = (applied.front() + decision.audioKbps) * 1.15;
            applied.pop_front();
            queueKbit = std::max(0.0, queueKbit + (offeredKbps - lineKbps) * 0.05);
            RateController::Observation observation;
            observation.windowBytes = windowBytes;
            observation.packetsSent = 60;
            int inFlight = int((queueKbit + lineKbps * double(baseRttMs) / 1000) * 1000 / 8);
            if (inFlight > windowBytes) { // the sender's window is full: it drops the excess itself
                observation.droppedLocally = quint32((inFlight - windowBytes) / 1000 + 1);
                queueKbit -= double(inFlight - windowBytes) * 8 / 1000;
                inFlight = windowBytes;
            }
            observation.inFlightBytes = inFlight;
            observation.roundTripUs = (baseRttMs + qint64(queueKbit / lineKbps * 1000)) * kMs;
            controller.observe(observation, now);
            controller.update(now);
            if (controller.decision().level != levels.last())
                levels.append(controller.decision().level);
            lowestKbps = std::min(lowestKbps, controller.decision().videoKbps);
            queueAtEndKbit = queueKbit;
        }
        qInfo("levels %lld, lowest %d kbit/s, now %d kbit/s, queue %.1f kbit", qlonglong(levels.size()), lowestKbps,
              controller.decision().videoKbps, queueAtEndKbit);
        QVERIFY(!levels.contains(wire::QUALITY_LEVEL_AUDIO_ONLY));
        QVERIFY(controller.decision().sendsVideo());
        QVERIFY2(lowestKbps >= 200, qPrintable(QString::number(lowestKbps)));
        QVERIFY(controller.decision().videoKbps <= 450); // it fits the line, with audio and framing
        QVERIFY(queueAtEndKbit < lineKbps / 4);          // no standing queue
    }

    void theBitrateStaysWithinItsRange()
    {
        RateController controller;
        qint64 now = 0;
        run(controller, now, 120'000, calm());
        QCOMPARE(controller.decision().videoKbps, 700);
        auto bad = calm();
        bad.inFlightBytes = 24 * 1024;
        for (int i = 0; i < 6; ++i) {
            now += 600 * kMs;
            controller.observe(bad, now);
            controller.update(now);
            if (controller.decision().sendsVideo())
                QVERIFY(controller.decision().videoKbps >= 150);
        }
    }
};

QTEST_GUILESS_MAIN(TestRateController)
#include "TestRateController.moc"
