#pragma once

#include <QByteArray>
#include <QHash>
#include <QtGlobal>

#include <array>
#include <memory>

struct JitterBuffer_; // speexdsp's state

namespace consult::media {

// What the jitter buffer hands out for one 20 ms playout slot.
struct JitterSlot
{
    enum class Kind
    {
        Packet,  // play this packet
        Lost,    // its packet is missing or came too late: conceal (or recover from `following`)
        Stretch, // the buffer is growing: play 20 ms of filler, nothing was lost
        Idle,    // nothing to play: no stream yet, or the sender paused (microphone off)
    };
    Kind kind = Kind::Idle;
    QByteArray packet;    // Packet: the packet
    QByteArray following; // Lost: the next packet, when it is already here (its FEC data)
    quint16 sequence = 0; // Packet: its sequence number
};

// Reorders arriving 20 ms Opus packets and smooths their jitter with speexdsp's adaptive jitter
// buffer, as Mumble does: the target delay follows the measured arrival spread, and it is changed
// only while the decoded output is silent (tick(true)), so speech is
// never sped up or stretched by a delay change. The one exception is speexdsp's own: when a packet
// is missing and the buffer is clearly too short it grows there and then (a Stretch slot), which
// costs nothing audible because that slot is concealed anyway.
//
// The delay moves in whole packets (20 ms), so the spread is rounded up to the next 20 ms and that
// rounding is the cushion on a clean path: a fixed margin on top would cost a whole extra packet
// of delay whenever the packets happen to arrive less than the margin before their slot (half of
// all calls for a 10 ms margin; the loopback benchmark measured 40 ms against 20 ms without). The
// margin (marginMs) is added from the first packet that comes too late to be played, so a jittery
// path gets it and a clean one never pays for it. It is taken off again after kMarginHoldSlots
// without a late packet: one CPU hiccup of the sender or the receiver (glass_to_glass_bench --pulse
// on a loaded machine: one late packet) would otherwise cost a packet of delay for the rest of the
// call. speexdsp then shrinks the delay in silence once its own history allows.
//
// Catching up. speexdsp shrinks its delay only in silence, one step at a time, and judges by a
// history of some twenty seconds of arrivals (its timings are taken against the playout position
// at arrival), so a backlog that did not come from the network stays: playout that starts pulling
// seconds after the packets began to arrive (a device starting up), or a speaker that took less
// than real time under CPU starvation, left seconds of delay for the rest of the call
// (glass_to_glass_bench --pulse: 3.6 s). So the buffer watches its own excess: the smallest depth
// (bufferedMs()) of the last second of slots (kExcessWindowSlots), minus a cushion of one packet
// (plus the margin once it applies). That is the depth no slot of the window needed: a jittery path
// runs nearly dry now and then (and a lost or stretched slot counts as depth 0: the buffer was
// too short), so its excess is small and nothing is dropped; a stale backlog keeps the minimum high.
// - An excess above kSoftExcessMs is removed by dropping one packet in each slot whose output was
//   silent (tick(true)) until it is gone: playing faster through silence, unheard.
// - An excess above kHardExcessMs, or a backlog above it at the first get() (playout started
//   late), is dropped down to the cushion at once, even in speech: one glitch is better than
//   seconds of delay. (Below the hard cap a backlog at the first get() is left to the rule in
//   silence: a caller that puts a few packets before its first get() gets them all.)
// A drop is a get() + tick() on speexdsp whose packet is not played: speexdsp's pointer and
// next_stop move as for a played packet, so its state stays consistent, and the copy is forgotten.
//
// Time inside is the sender's 48 kHz sample clock (the packet timestamps); the playout clock is
// the caller's rhythm of get() + tick() once per 20 ms, so tests drive it as fast as they like.
// One owner (the playout pipeline), one thread.
class JitterBuffer
{
public:
    static constexpr int kPacketSamples = 960; // 20 ms at 48 kHz

    struct Statistics
    {
        qint64 received = 0;         // packets put, duplicates excluded
        qint64 duplicates = 0;       // packets put twice
        qint64 played = 0;           // Packet slots
        qint64 lost = 0;             // Lost slots
        qint64 stretched = 0;        // Stretch slots (delay grew)
        qint64 delayIncreases = 0;   // decisions to grow, in silence or forced by a loss
        qint64 delayDecreases = 0;   // decisions to shrink, in silence only
        qint64 late = 0;             // packets that arrived after their slot was played (concealed)
        qint64 droppedInSilence = 0; // packets skipped in silent slots to catch up on an excess
        qint64 droppedForced = 0;    // packets skipped at once, even in speech: a backlog above the hard cap
    };

    // The catch-up rule (see above).
    static constexpr int kExcessWindowSlots = 50; // 1 s of slots
    static constexpr int kSoftExcessMs = 60;
    static constexpr int kHardExcessMs = 200;
    static constexpr int kMarginHoldSlots = 1000; // 20 s: the margin stays that long after a late packet

    explicit JitterBuffer(int marginMs = 10);
    ~JitterBuffer();
    JitterBuffer(const JitterBuffer &) = delete;
    JitterBuffer &operator=(const JitterBuffer &) = delete;

    // A packet from the network, in any order. Packets far too late are dropped inside.
    void put(quint16 sequence, quint32 timestamp, const QByteArray &packet);
    // The next 20 ms slot; call once per 20 ms of playout, then tick().
    JitterSlot get();
    // Ends the slot. outputWasSilent: the audio just played was silence, so this is a moment where
    // the delay may change unheard.
    void tick(bool outputWasSilent);

    // How far playout runs behind the newest packet received, in ms: the current buffering.
    int bufferedMs() const;
    const Statistics &statistics() const { return m_statistics; }

private:
    struct Destroy
    {
        void operator()(JitterBuffer_ *buffer) const;
    };
    void forgetPlayedCopies(quint32 pointer);
    void restart();
    int cushionMs() const;
    // The depth no slot of the last second needed beyond the cushion, in ms; -1 until a second
    // has been played.
    int excessMs() const;
    void recordDepth(int depthMs);
    // The depths recorded are `ms` shallower now (packets dropped, speexdsp's delay decreased).
    void shiftDepths(int ms);
    // Skips up to `count` packets from the playout position without playing them; returns how
    // many it skipped (it stops at a missing packet or an insertion speexdsp has pending).
    int drop(int count);
    void dropBacklogAtFirstGet();

    std::unique_ptr<JitterBuffer_, Destroy> m_buffer;
    // Copies of the packets inside speexdsp by timestamp, to find the packet after a lost one
    // (speexdsp cannot peek).
    QHash<quint32, QByteArray> m_copies;
    // bufferedMs() at the end of each of the last kExcessWindowSlots slots (0 for a lost or
    // stretched slot: the buffer was too short there), a ring.
    std::array<int, kExcessWindowSlots> m_depths{};
    int m_depthCount = 0; // entries filled since the start or the last pause
    int m_nextDepth = 0;
    bool m_depthNeeded = false; // this slot was lost or stretched
    bool m_catchingUp = false;  // dropping in silence until the excess is gone
    bool m_played = false;      // the first get() since the start or the last pause has happened
    Statistics m_statistics;
    int m_marginMs;
    bool m_marginApplied = false; // a packet came too late: the margin is on
    int m_slotsSinceLate = 0;     // ticks since the last packet that came too late
    bool m_receiving = false;     // a packet arrived since the start or the last pause
    int m_consecutiveLost = 0;
    int m_stretchSlotsLeft = 0;     // a Stretch longer than one slot continues over the next get()s
    bool m_deferredStretch = false; // tick() decided to grow; speexdsp delivers it with the next get()
    quint32 m_newestEnd = 0;        // timestamp + span of the newest packet received
};

} // namespace consult::media
