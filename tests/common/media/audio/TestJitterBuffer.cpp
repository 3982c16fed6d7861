#include "media/audio/JitterBuffer.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <random>

using namespace consult::media;

namespace {

constexpr quint32 kSpan = JitterBuffer::kPacketSamples;

QByteArray packetFor(quint16 sequence)
{
    return QByteArray("packet ") + QByteArray::number(sequence);
}

void put(JitterBuffer &buffer, quint16 sequence)
{
    buffer.put(sequence, quint32(sequence) * kSpan, packetFor(sequence));
}

// Plays slots on a simulated clock: packet n is sent at slot n and arrives at slot n + delay(n)
// (nothing for a negative delay: lost). Returns what each slot played.
struct Playout
{
    std::vector<JitterSlot> played;
    std::vector<int> bufferedMs;
};

template <typename Delay>
Playout play(JitterBuffer &buffer, int packetCount, int slotCount, Delay delaySlots, bool silent)
{
    std::multimap<int, quint16> arrivals;
    for (int n = 0; n < packetCount; ++n) {
        const int delay = delaySlots(n);
        if (delay >= 0)
            arrivals.emplace(n + delay, quint16(n));
    }
    Playout playout;
    for (int slot = 0; slot < slotCount; ++slot) {
        const auto [first, last] = arrivals.equal_range(slot);
        for (auto it = first; it != last; ++it)
            put(buffer, it->second);
        playout.played.push_back(buffer.get());
        buffer.tick(silent);
        playout.bufferedMs.push_back(buffer.bufferedMs());
    }
    return playout;
}

double meanBufferedMs(const Playout &playout, int fromSlot, int toSlot)
{
    double sum = 0.0;
    for (int i = fromSlot; i < toSlot; ++i)
        sum += playout.bufferedMs[std::size_t(i)];
    return sum / (toSlot - fromSlot);
}

} // namespace

class TestJitterBuffer final : public QObject
{
    Q_OBJECT
private slots:
    void isIdleBeforeTheFirstPacket();
    void deliversPacketsInTimestampOrderWhateverTheArrivalOrder();
    void reportsAMissingPacketAsLostAndOffersTheOneAfterIt();
    void ignoresDuplicates();
    void refusesPacketsThatCannotBeOpus();
    void growsItsDelayWhenPacketsArriveLate();
    void addsItsMarginOnlyAfterAPacketCameTooLate();
    void shrinksItsDelayOnlyWhileTheOutputIsSilent();
    void pausesWhenTheSenderStopsAndFollowsItWhenItComesBack();
    void dropsABacklogFromBeforeTheFirstGetAtOnce();
    void cutsABacklogAboveTheHardCapAtOnceEvenInSpeech();
    void removesASmallerExcessOnlyInSilentSlots();
    void dropsNothingOnAJitteryPath();
};

void TestJitterBuffer::isIdleBeforeTheFirstPacket()
{
    JitterBuffer buffer;
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(buffer.get().kind, JitterSlot::Kind::Idle);
        buffer.tick(true);
    }
    QCOMPARE(buffer.statistics().lost, 0);
}

void TestJitterBuffer::deliversPacketsInTimestampOrderWhateverTheArrivalOrder()
{
    JitterBuffer buffer;
    std::vector<quint16> order{3, 0, 2, 1, 5, 4, 7, 6, 9, 8};
    for (const quint16 sequence : order)
        put(buffer, sequence);
    for (quint16 expected = 0; expected < 10; ++expected) {
        const JitterSlot slot = buffer.get();
        buffer.tick(false);
        QCOMPARE(slot.kind, JitterSlot::Kind::Packet);
        QCOMPARE(slot.sequence, expected);
        QCOMPARE(slot.packet, packetFor(expected));
    }
}

void TestJitterBuffer::reportsAMissingPacketAsLostAndOffersTheOneAfterIt()
{
    JitterBuffer buffer;
    for (const quint16 sequence : {0, 1, 2, 4, 5})
        put(buffer, sequence);
    std::vector<JitterSlot> played;
    for (int i = 0; i < 5; ++i) {
        played.push_back(buffer.get());
        buffer.tick(false);
    }
    QCOMPARE(played[2].sequence, quint16(2));
    QCOMPARE(played[3].kind, JitterSlot::Kind::Lost);
    QCOMPARE(played[3].following, packetFor(4)); // its FEC data can stand in for packet 3
    QCOMPARE(played[4].kind, JitterSlot::Kind::Packet);
    QCOMPARE(played[4].sequence, quint16(4));
    QCOMPARE(buffer.statistics().lost, 1);
}

void TestJitterBuffer::ignoresDuplicates()
{
    JitterBuffer buffer;
    put(buffer, 0);
    put(buffer, 1);
    put(buffer, 1);
    QCOMPARE(buffer.statistics().received, 2);
    QCOMPARE(buffer.statistics().duplicates, 1);
    QCOMPARE(buffer.get().sequence, quint16(0));
    buffer.tick(false);
    QCOMPARE(buffer.get().sequence, quint16(1));
    buffer.tick(false);
    QVERIFY(buffer.get().kind != JitterSlot::Kind::Packet);
}

void TestJitterBuffer::refusesPacketsThatCannotBeOpus()
{
    JitterBuffer buffer;
    buffer.put(0, 0, QByteArray());
    buffer.put(1, kSpan, QByteArray(4000, 'x'));
    QCOMPARE(buffer.statistics().received, 0);
    QCOMPARE(buffer.get().kind, JitterSlot::Kind::Idle);
}

void TestJitterBuffer::growsItsDelayWhenPacketsArriveLate()
{
    JitterBuffer steadyBuffer;
    const Playout steady = play(
        steadyBuffer, 600, 600, [](int) { return 0; }, true);
    // One packet in four is three slots (60 ms) late: without more buffering every one of them
    // would be lost.
    JitterBuffer lateBuffer;
    const Playout late = play(
        lateBuffer, 600, 600, [](int n) { return n % 4 == 1 ? 3 : 0; }, true);

    qInfo("buffered: %.0f ms on a steady network, %.0f ms with late packets (%lld increases, %lld lost)",
          meanBufferedMs(steady, 100, 600), meanBufferedMs(late, 100, 600), lateBuffer.statistics().delayIncreases,
          lateBuffer.statistics().lost);
    QCOMPARE(steadyBuffer.statistics().lost, 0);
    QVERIFY(meanBufferedMs(steady, 100, 600) <= 40.0);
    QVERIFY(lateBuffer.statistics().delayIncreases > 0);
    QVERIFY(meanBufferedMs(late, 100, 600) >= 60.0);
    // Late packets are lost at first, not once the delay has grown.
    int lostLater = 0;
    for (int slot = 100; slot < 600; ++slot)
        lostLater += late.played[std::size_t(slot)].kind == JitterSlot::Kind::Lost;
    QCOMPARE(lostLater, 0);
}

void TestJitterBuffer::addsItsMarginOnlyAfterAPacketCameTooLate()
{
    // A clean path: every packet just in time. No margin, so no buffering beyond the packet itself.
    JitterBuffer clean;
    const Playout cleanPlayout = play(
        clean, 600, 600, [](int) { return 0; }, true);
    // The same path with one packet, the 200th, one slot late (lost for its slot) and otherwise clean.
    JitterBuffer once;
    const Playout oncePlayout = play(
        once, 600, 600, [](int n) { return n == 200 ? 1 : 0; }, true);

    qInfo("buffered: %.0f ms clean; %.0f ms before and %.0f ms after one late packet (%lld late, %lld lost)",
          meanBufferedMs(cleanPlayout, 100, 600), meanBufferedMs(oncePlayout, 100, 200),
          meanBufferedMs(oncePlayout, 400, 600), once.statistics().late, once.statistics().lost);
    QCOMPARE(clean.statistics().late, 0);
    QCOMPARE(clean.statistics().lost, 0);
    QCOMPARE(meanBufferedMs(cleanPlayout, 100, 600), 0.0);
    QCOMPARE(once.statistics().late, 1);
    QCOMPARE(meanBufferedMs(oncePlayout, 100, 200), 0.0);
    // From then on the 10 ms margin applies, and the delay moves in 20 ms packets.
    QVERIFY(meanBufferedMs(oncePlayout, 400, 600) >= 20.0);

    // A late packet once, then a clean path in silence: the margin and its packet of delay go again
    // after the hold (kMarginHoldSlots), once speexdsp's history allows.
    JitterBuffer hiccup;
    const int slotCount = 200 + JitterBuffer::kMarginHoldSlots + 1500;
    const Playout hiccupPlayout = play(
        hiccup, slotCount, slotCount, [](int n) { return n == 200 ? 1 : 0; }, true);
    const int end = slotCount - 1;
    qInfo("one late packet: %.0f ms buffered during the hold, %.0f ms at the end (%lld decreases)",
          meanBufferedMs(hiccupPlayout, 400, 200 + JitterBuffer::kMarginHoldSlots),
          meanBufferedMs(hiccupPlayout, end - 200, end), hiccup.statistics().delayDecreases);
    QVERIFY(meanBufferedMs(hiccupPlayout, 400, 200 + JitterBuffer::kMarginHoldSlots) >= 20.0);
    QCOMPARE(meanBufferedMs(hiccupPlayout, end - 200, end), 0.0);
    QCOMPARE(hiccup.statistics().lost, 1);
}

void TestJitterBuffer::shrinksItsDelayOnlyWhileTheOutputIsSilent()
{
    // Jitter of up to three slots for ten seconds, then a steady network for twenty; the same
    // network for both buffers.
    std::mt19937 random(5);
    std::vector<int> delays(1500, 0);
    for (int n = 0; n < 500; ++n)
        delays[std::size_t(n)] = std::uniform_int_distribution<int>(0, 3)(random);
    const auto scripted = [&delays](int n) { return delays[std::size_t(n)]; };

    JitterBuffer talking;
    const Playout speech = play(talking, 1500, 1500, scripted, false);
    JitterBuffer pausing;
    const Playout silence = play(pausing, 1500, 1500, scripted, true);

    qInfo("after the jitter: %.0f ms buffered when talking throughout, %.0f ms with silence to adapt in",
          meanBufferedMs(speech, 1400, 1500), meanBufferedMs(silence, 1400, 1500));
    QCOMPARE(talking.statistics().delayDecreases, 0);
    QVERIFY(pausing.statistics().delayDecreases > 0);
    QVERIFY(meanBufferedMs(silence, 1400, 1500) < meanBufferedMs(speech, 1400, 1500) - 20.0);
    QVERIFY(meanBufferedMs(silence, 1400, 1500) <= 40.0);
}

void TestJitterBuffer::pausesWhenTheSenderStopsAndFollowsItWhenItComesBack()
{
    // Packets 0-99, then the microphone is off for two seconds (the sender's clock runs on: the
    // next packet is 200), then packets 200-299.
    JitterBuffer buffer;
    std::vector<JitterSlot> played;
    for (int slot = 0; slot < 300; ++slot) {
        if (slot < 100 || slot >= 200)
            put(buffer, quint16(slot));
        played.push_back(buffer.get());
        buffer.tick(true);
    }
    int lostInPause = 0;
    int idleInPause = 0;
    for (int slot = 100; slot < 200; ++slot) {
        lostInPause += played[std::size_t(slot)].kind == JitterSlot::Kind::Lost;
        idleInPause += played[std::size_t(slot)].kind == JitterSlot::Kind::Idle;
    }
    QVERIFY(lostInPause <= 10); // concealment only until the pause is recognised (200 ms)
    QCOMPARE(idleInPause + lostInPause,
             100 - int(std::count_if(played.begin() + 100, played.begin() + 200,
                                     [](const JitterSlot &s) { return s.kind == JitterSlot::Kind::Packet; })));
    QVERIFY(idleInPause >= 85);
    // Back at once, in order, nothing lost.
    QCOMPARE(played[200].kind, JitterSlot::Kind::Packet);
    quint16 expected = 200;
    for (int slot = 200; slot < 300; ++slot) {
        QVERIFY(played[std::size_t(slot)].kind != JitterSlot::Kind::Lost);
        if (played[std::size_t(slot)].kind == JitterSlot::Kind::Packet)
            QCOMPARE(played[std::size_t(slot)].sequence, expected++);
    }
    QVERIFY(expected >= 295);
}

// The catch-up rule (JitterBuffer.h, "Catching up"): the playout of the bench's --pulse run started
// pulling four seconds after the packets began to arrive, and that delay stayed for the call.
void TestJitterBuffer::dropsABacklogFromBeforeTheFirstGetAtOnce()
{
    JitterBuffer buffer;
    for (quint16 sequence = 0; sequence < 200; ++sequence) // 4 s, speexdsp's whole capacity
        put(buffer, sequence);
    std::vector<JitterSlot> played;
    for (int slot = 0; slot < 100; ++slot) {
        put(buffer, quint16(200 + slot)); // the sender goes on in real time
        played.push_back(buffer.get());
        buffer.tick(false); // speech: the backlog is not waited out for a pause
    }
    qInfo("first played: %d; dropped %lld at once; %d ms buffered after three slots", int(played[0].sequence),
          buffer.statistics().droppedForced, buffer.bufferedMs());
    QCOMPARE(played[0].kind, JitterSlot::Kind::Packet);
    QVERIFY(played[0].sequence >= 195); // it starts near the newest packet, not four seconds behind it
    QVERIFY(buffer.statistics().droppedForced >= 195);
    QCOMPARE(buffer.statistics().droppedInSilence, 0);
    QVERIFY(buffer.bufferedMs() <= 40);
    // From there on every packet in order, nothing lost.
    for (std::size_t i = 1; i < played.size(); ++i) {
        QCOMPARE(played[i].kind, JitterSlot::Kind::Packet);
        QCOMPARE(played[i].sequence, quint16(played[i - 1].sequence + 1));
    }
    QCOMPARE(buffer.statistics().lost, 0);
}

namespace {

// A playout that stalls mid-call (CPU starvation: the speaker did not pull for `stallSlots` slots)
// while the packets go on arriving: afterwards each packet waits stallSlots * 20 ms longer. `silent`
// says whether a slot's output is silence. Returns the depth after each slot and whether that
// slot's tick was silent.
struct Stalled
{
    Playout playout;
    std::vector<bool> silent;
    std::vector<qint64> droppedInSilence; // the statistic after each slot
    std::vector<qint64> droppedForced;
};

template <typename Silent>
Stalled playWithStall(JitterBuffer &buffer, int stallAt, int stallSlots, int slotCount, Silent silent)
{
    Stalled result;
    int sequence = 0;
    for (int slot = 0; slot < slotCount; ++slot) {
        put(buffer, quint16(sequence++));
        if (slot >= stallAt && slot < stallAt + stallSlots)
            continue; // the speaker does not pull
        result.playout.played.push_back(buffer.get());
        const bool isSilent = silent(slot);
        buffer.tick(isSilent);
        result.playout.bufferedMs.push_back(buffer.bufferedMs());
        result.silent.push_back(isSilent);
        result.droppedInSilence.push_back(buffer.statistics().droppedInSilence);
        result.droppedForced.push_back(buffer.statistics().droppedForced);
    }
    return result;
}

} // namespace

void TestJitterBuffer::cutsABacklogAboveTheHardCapAtOnceEvenInSpeech()
{
    // 300 ms of backlog built at slot 200, all in speech.
    JitterBuffer buffer;
    const Stalled stalled = playWithStall(buffer, 200, 15, 600, [](int) { return false; });
    const Playout &playout = stalled.playout;
    qInfo("buffered: %.0f ms before, %d ms after the stall, %.0f ms a second later; dropped %lld at once, "
          "%lld in silence",
          meanBufferedMs(playout, 100, 200), playout.bufferedMs[200], meanBufferedMs(playout, 300, 585),
          buffer.statistics().droppedForced, buffer.statistics().droppedInSilence);
    QVERIFY(playout.bufferedMs[200] >= 280);
    QVERIFY(buffer.statistics().droppedForced >= 12);
    QCOMPARE(buffer.statistics().droppedInSilence, 0);
    // Within about a second (the window that shows no packet needed the depth) it is gone.
    QVERIFY(meanBufferedMs(playout, 300, 585) <= 40.0);
    QCOMPARE(buffer.statistics().lost, 0);
}

void TestJitterBuffer::removesASmallerExcessOnlyInSilentSlots()
{
    // 140 ms of backlog built at slot 200: 120 ms of it is excess (one packet stays as the
    // cushion), above the soft bound and below the hard cap.
    JitterBuffer talking;
    const Stalled speech = playWithStall(talking, 200, 7, 1000, [](int) { return false; });
    qInfo("talking throughout: %.0f ms buffered at the end, dropped %lld", meanBufferedMs(speech.playout, 900, 993),
          talking.statistics().droppedInSilence + talking.statistics().droppedForced);
    QVERIFY(meanBufferedMs(speech.playout, 900, 993) >= 120.0); // never cut in speech
    QCOMPARE(talking.statistics().droppedInSilence, 0);
    QCOMPARE(talking.statistics().droppedForced, 0);

    // One second of speech, one of silence, and so on: the excess goes, and only in silent slots.
    JitterBuffer pausing;
    const Stalled mixed = playWithStall(pausing, 200, 7, 1000, [](int slot) { return (slot / 50) % 2 == 1; });
    qInfo("speech and pauses: %.0f ms buffered at the end, dropped %lld in silence",
          meanBufferedMs(mixed.playout, 900, 993), pausing.statistics().droppedInSilence);
    QVERIFY(pausing.statistics().droppedInSilence >= 5);
    QCOMPARE(pausing.statistics().droppedForced, 0);
    QVERIFY(meanBufferedMs(mixed.playout, 900, 993) <= 40.0);
    for (std::size_t i = 1; i < mixed.silent.size(); ++i) {
        if (!mixed.silent[i])
            QCOMPARE(mixed.droppedInSilence[i], mixed.droppedInSilence[i - 1]);
    }
    QCOMPARE(pausing.statistics().lost, 0);
}

void TestJitterBuffer::dropsNothingOnAJitteryPath()
{
    // The late-arrival tests' paths: one packet in four 60 ms late, and random jitter of up to
    // 60 ms for ten seconds, in silence (where dropping would be allowed). Their depth is needed.
    JitterBuffer lateBuffer;
    play(
        lateBuffer, 600, 600, [](int n) { return n % 4 == 1 ? 3 : 0; }, true);
    std::mt19937 random(5);
    std::vector<int> delays(1500, 0);
    for (int n = 0; n < 500; ++n)
        delays[std::size_t(n)] = std::uniform_int_distribution<int>(0, 3)(random);
    JitterBuffer jitteryBuffer;
    play(
        jitteryBuffer, 1500, 1500, [&delays](int n) { return delays[std::size_t(n)]; }, true);

    qInfo("lost %lld and %lld", lateBuffer.statistics().lost, jitteryBuffer.statistics().lost);
    QCOMPARE(lateBuffer.statistics().droppedInSilence + lateBuffer.statistics().droppedForced, 0);
    QCOMPARE(jitteryBuffer.statistics().droppedInSilence + jitteryBuffer.statistics().droppedForced, 0);
    // The losses without the catch-up rule (main before it): nothing more is lost.
    QCOMPARE(lateBuffer.statistics().lost, 1);
    QCOMPARE(jitteryBuffer.statistics().lost, 3);
}

QTEST_GUILESS_MAIN(TestJitterBuffer)
#include "TestJitterBuffer.moc"
