// The real-time class through a real server (S2, S5; seed 002): media
// is relayed only within one's own consultation and only while the device is on; each hop keeps
// to its window; stale media is dropped, not queued; receipts carry the round trip; keyframe
// requests and quality changes reach the other side; and on a 0.5 Mbit/s uplink the sender steps
// down the ladder instead of queuing.
#include "support/EpollTestMain.h"
#include "support/RawClient.h"
#include "support/RecordingSink.h"
#include "support/Scenario.h"
#include "support/SyntheticStream.h"

#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;

namespace {

// A video consultation with a media session on each side, the advisor taking the head of the queue.
ConsultationSpec videoCall()
{
    ConsultationSpec spec;
    spec.customer.mode = wire::CONSULTATION_MODE_VIDEO;
    spec.take = Take::Next;
    spec.media = MediaSpec{};
    return spec;
}

} // namespace

class TestMediaRelay final : public QObject
{
    Q_OBJECT
private slots:
    void mediaFlowsOnlyWhileTheDeviceIsOn()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *call = scenario.consultation(videoCall());
        QVERIFY(call);
        SyntheticStream microphone(wire::MEDIA_KIND_AUDIO, 32);
        RecordingSink speaker;
        call->customerMedia->setSource(&microphone);
        call->advisorMedia->setSink(wire::MEDIA_KIND_AUDIO, &speaker);
        QSignalSpy peerState(call->advisorMedia.get(), &MediaSession::peerMediaStateChanged);

        // The source runs, but the microphone is off: nothing may reach the advisor (seed 002).
        microphone.setEnabled(true);
        QTest::qWait(300);
        QCOMPARE(speaker.packets, 0);
        microphone.setEnabled(false);

        call->customerMedia->setMicrophoneOn(true);
        CONSULT_WAIT_FOR(peerState.size() == 1, 5000);
        QCOMPARE(peerState.first().at(0).toBool(), true);
        QCOMPARE(peerState.first().at(1).toBool(), false);
        CONSULT_WAIT_FOR(speaker.packets >= 20, 5000);

        call->customerMedia->setMicrophoneOn(false);
        CONSULT_WAIT_FOR(peerState.size() == 2, 5000);
        QTest::qWait(200);
        const int afterOff = speaker.packets;
        QTest::qWait(400);
        QCOMPARE(speaker.packets, afterOff);
        QVERIFY(!microphone.producing()); // switched off at the source, not just filtered
    }

    void receiptsCarryTheRoundTripAndConfirmWhatArrived()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *call = scenario.consultation(videoCall());
        QVERIFY(call);
        SyntheticStream microphone(wire::MEDIA_KIND_AUDIO, 32);
        call->customerMedia->setSource(&microphone);
        RecordingSink speaker;
        call->advisorMedia->setSink(wire::MEDIA_KIND_AUDIO, &speaker);
        QSignalSpy receipts(&call->customerMedia->channel(), &MediaChannel::receiptReceived);
        call->customerMedia->setMicrophoneOn(true);
        CONSULT_WAIT_FOR(receipts.size() >= 10, 5000);
        const auto last = receipts.last().at(0).value<MediaChannel::Receipt>();
        QVERIFY(last.roundTripUs >= 0);
        QVERIFY(last.roundTripUs < 500'000);
        QVERIFY(last.inFlightBytes < 2000); // confirmed continuously: no standing queue
        QCOMPARE(call->customerMedia->channel().statistics().droppedAudio, 0u);
        // The advisor's acknowledgements keep the server's window open: nothing dropped on the way.
        QCOMPARE(scenario.server().core().media().droppedPackets(), 0u);
        // The metrics' tally (issue 14): audio relayed, its payload counted, no video.
        const MediaRelay::Tally &audio = scenario.server().core().media().audioTally();
        QVERIFY(audio.relayedPackets >= 10);
        QVERIFY(audio.relayedBytes >= audio.relayedPackets); // every packet has payload
        QCOMPARE(scenario.server().core().media().videoTally().relayedPackets, 0u);
    }

    void keyframeRequestsAndQualityChangesReachTheOtherSide()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *call = scenario.consultation(videoCall());
        QVERIFY(call);
        SyntheticStream camera(wire::MEDIA_KIND_VIDEO, 450);
        call->customerMedia->setSource(&camera);
        RecordingSink screen;
        call->advisorMedia->setSink(wire::MEDIA_KIND_VIDEO, &screen);
        call->customerMedia->setCameraOn(true);
        CONSULT_WAIT_FOR(screen.packets > 10, 5000);
        QVERIFY(screen.keyframeFragments > 0); // the first frame after switching on is a keyframe
        const int requestsBefore = camera.keyframeRequests();
        screen.keyframeNeeded();
        CONSULT_WAIT_FOR(camera.keyframeRequests() > requestsBefore, 5000);
        // Rate-limited: a second request right away is not sent.
        const int afterFirst = camera.keyframeRequests();
        screen.keyframeNeeded();
        QTest::qWait(300);
        QCOMPARE(camera.keyframeRequests(), afterFirst);
    }

    void mediaForAnotherConsultationReachesNobody()
    {
        // S5: a packet naming someone else's consultation is dropped; its participants receive nothing.
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *a = scenario.consultation(videoCall());
        QVERIFY(a);
        RecordingSink aSpeaker;
        a->advisorMedia->setSink(wire::MEDIA_KIND_AUDIO, &aSpeaker);
        // A second customer in another consultation with the same advisor, speaking raw.
        RawClient intruder;
        QVERIFY(intruder.open(scenario.endpoint()));
        QVERIFY(intruder.hello(wire::CLIENT_KIND_CUSTOMER));
        const int beforeLogin = intruder.mark();
        QVERIFY(intruder.customerLogin(QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        a->advisor->takeNext();
        QVERIFY(intruder.waitForBody(wire::Envelope::kConsultationStarted, beforeLogin));
        wire::Envelope state;
        state.mutable_media_state()->set_consultation_id(a->id.toStdString()); // not theirs
        state.mutable_media_state()->set_microphone_on(true);
        const int from = intruder.mark();
        intruder.sendReliable(state);
        const auto refused = intruder.waitForError(from);
        QVERIFY(refused);
        QCOMPARE(refused->code(), wire::ERROR_NOT_FOUND);
        for (int i = 0; i < 20; ++i) {
            wire::Envelope envelope;
            auto *packet = envelope.mutable_media_packet();
            packet->set_consultation_id(a->id.toStdString());
            packet->set_kind(wire::MEDIA_KIND_AUDIO);
            packet->set_sequence(static_cast<quint32>(i));
            packet->set_payload(std::string(80, 'x'));
            intruder.sendUnsequenced(envelope);
        }
        QTest::qWait(300);
        QCOMPARE(aSpeaker.packets, 0);
    }

    void aWaitingCustomerCannotSendMedia()
    {
        // S2: before an advisor has taken the customer, no media.
        TestServer server;
        QVERIFY(server.start());
        RawClient customer;
        QVERIFY(customer.open(server.endpoint()));
        QVERIFY(customer.hello(wire::CLIENT_KIND_CUSTOMER));
        QVERIFY(customer.customerLogin(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        const int from = customer.mark();
        wire::Envelope envelope;
        envelope.mutable_media_packet()->set_consultation_id("x");
        envelope.mutable_media_packet()->set_kind(wire::MEDIA_KIND_AUDIO);
        customer.sendUnsequenced(envelope);
        const auto refused = customer.waitForError(from);
        QVERIFY(refused);
        QCOMPARE(refused->code(), wire::ERROR_NOT_ALLOWED);
    }

    void aReceiverThatFallsBehindGetsAWindowAndStaleMediaIsDropped()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *call = scenario.consultation(videoCall());
        QVERIFY(call);
        // The advisor's end stops acknowledging: the server may keep only its window in flight.
        SyntheticStream camera(wire::MEDIA_KIND_VIDEO, 700);
        call->customerMedia->setSource(&camera);
        call->advisorMedia.reset(); // nobody acknowledges on the advisor's side now
        call->customerMedia->setCameraOn(true);
        QSignalSpy qualities(call->customerMedia.get(), &MediaSession::qualityChanged);
        QTest::qWait(3000);
        // Video older than its deadline was dropped rather than queued, and the sender heard of it.
        QVERIFY(scenario.server().core().media().droppedPackets() > 0);
        // The metrics say why (issue 14): video, past its deadline.
        const MediaRelay::Tally &video = scenario.server().core().media().videoTally();
        QVERIFY(video.droppedStale > 0);
        QCOMPARE(video.droppedStale + video.droppedQueueFull + video.droppedNoReceiver,
                 scenario.server().core().media().droppedPackets());
        QVERIFY(!qualities.isEmpty());
        QVERIFY(call->customerMedia->quality().videoKbps < 450);
    }

    void onAHalfMegabitUplinkTheSenderStepsDownInsteadOfQueuing()
    {
        // The seeds' minimum line: 0.5 Mbit/s up. Audio 32 kbit/s plus video asking for 700 kbit/s
        // do not fit; the ladder must bring the offered load under the line instead of filling it.
        Scenario scenario;
        QVERIFY(scenario.start());
        LinkEmulator &link =
            scenario.emulateLink(LinkEmulator::Direction{500'000, 20, 5}, LinkEmulator::Direction{1'000'000, 20, 5});
        ConsultationSpec spec = videoCall();
        spec.customer.route = Route::EmulatedLink;
        spec.media->customer.rate.startVideoKbps = 700;
        TestConsultation *call = scenario.consultation(spec);
        QVERIFY(call);
        SyntheticStream microphone(wire::MEDIA_KIND_AUDIO, 32);
        SyntheticStream camera(wire::MEDIA_KIND_VIDEO, 700);
        call->customerMedia->setSource(&microphone);
        call->customerMedia->setSource(&camera);
        RecordingSink speaker;
        RecordingSink screen;
        call->advisorMedia->setSink(wire::MEDIA_KIND_AUDIO, &speaker);
        call->advisorMedia->setSink(wire::MEDIA_KIND_VIDEO, &screen);
        QSignalSpy peerQualities(call->advisorMedia.get(), &MediaSession::peerQualityChanged);
        call->customerMedia->setMicrophoneOn(true);
        call->customerMedia->setCameraOn(true);

        QTest::qWait(10'000); // converge
        link.resetStatistics();
        const int audioBefore = speaker.packets;
        QElapsedTimer window;
        window.start();
        int maxQueued = 0;
        while (window.elapsed() < 10'000) {
            QTest::qWait(100);
            maxQueued = std::max(maxQueued, link.queuedBytes(true));
        }
        const double seconds = double(window.elapsed()) / 1000;
        const double uplinkKbps = double(link.forwardedBytes(true)) * 8 / seconds / 1000;
        const auto quality = call->customerMedia->quality();
        qInfo("uplink %.0f kbit/s incl. TLS and framing; video %d kbit/s at level %d; link queue max %d bytes; "
              "audio %d packets in %.1f s; %d quality changes told to the advisor",
              uplinkKbps, quality.videoKbps, int(quality.level), maxQueued, speaker.packets - audioBefore, seconds,
              int(peerQualities.size()));
        QVERIFY(quality.videoKbps < 700 || !quality.sendsVideo()); // it stepped down
        QVERIFY(!peerQualities.isEmpty());                         // and told the other side
        // No standing queue on the line: at most a quarter of a second's worth waits.
        QVERIFY2(maxQueued < 500'000 / 8 / 4, qPrintable(QString::number(maxQueued)));
        // Audio keeps flowing (about 50 packets a second).
        QVERIFY((speaker.packets - audioBefore) > int(seconds * 40));
        QVERIFY(uplinkKbps <= 500);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestMediaRelay)
#include "TestMediaRelay.moc"
