#include "media/audio/JitterBuffer.h"

#include <speex/speex_jitter.h>

#include <algorithm>
#include <array>

namespace consult::media {

namespace {

constexpr int kSamplesPerMs = 48;
constexpr int kPacketMs = JitterBuffer::kPacketSamples / kSamplesPerMs;
// Larger than any Opus packet (1275 bytes); anything bigger is not ours and is refused.
constexpr int kMaxPacketBytes = 1500;
// 200 ms without a single packet: the sender has stopped (microphone off, link down). The buffer
// starts afresh with the next packet instead of concealing or waiting for what will not come.
constexpr int kPauseAfterLostSlots = 10;

bool isBefore(quint32 a, quint32 b)
{
    return qint32(a - b) < 0;
}

} // namespace

void JitterBuffer::Destroy::operator()(JitterBuffer_ *buffer) const
{
    jitter_buffer_destroy(buffer);
}

JitterBuffer::JitterBuffer(int marginMs)
    : m_buffer(jitter_buffer_init(kPacketSamples))
    , m_marginMs(marginMs)
{
    spx_int32_t margin = 0; // until a packet comes too late
    jitter_buffer_ctl(m_buffer.get(), JITTER_BUFFER_SET_MARGIN, &margin);
    // Calling update_delay ourselves switches off speexdsp's automatic adjustment on every tick,
    // which would also shrink the delay in the middle of speech. From here on only tick(true) does.
    jitter_buffer_update_delay(m_buffer.get(), nullptr, nullptr);
}

JitterBuffer::~JitterBuffer() = default;

void JitterBuffer::put(quint16 sequence, quint32 timestamp, const QByteArray &packet)
{
    if (packet.isEmpty() || packet.size() > kMaxPacketBytes)
        return;
    if (m_copies.contains(timestamp)) {
        ++m_statistics.duplicates;
        return;
    }
    ++m_statistics.received;
    if (m_receiving && isBefore(timestamp, quint32(jitter_buffer_get_pointer_timestamp(m_buffer.get())))) {
        // Its slot has been played (concealed): speexdsp counts it late and drops it.
        ++m_statistics.late;
        m_slotsSinceLate = 0;
        if (!m_marginApplied) {
            m_marginApplied = true;
            spx_int32_t margin = m_marginMs * kSamplesPerMs;
            jitter_buffer_ctl(m_buffer.get(), JITTER_BUFFER_SET_MARGIN, &margin);
        }
    }

    JitterBufferPacket incoming{};
    incoming.data = const_cast<char *>(packet.constData()); // speexdsp copies it and does not write to it
    incoming.len = spx_uint32_t(packet.size());
    incoming.timestamp = timestamp;
    incoming.span = kPacketSamples;
    incoming.sequence = sequence;
    jitter_buffer_put(m_buffer.get(), &incoming);
    m_copies.insert(timestamp, packet);

    const quint32 end = timestamp + kPacketSamples;
    if (!m_receiving || isBefore(m_newestEnd, end))
        m_newestEnd = end;
    m_receiving = true;
}

JitterSlot JitterBuffer::get()
{
    JitterSlot slot;
    if (m_stretchSlotsLeft > 0) {
        --m_stretchSlotsLeft;
        ++m_statistics.stretched;
        m_depthNeeded = true;
        slot.kind = JitterSlot::Kind::Stretch;
        return slot;
    }
    if (m_receiving && !m_played)
        dropBacklogAtFirstGet();
    m_played = m_receiving;

    std::array<char, kMaxPacketBytes> data;
    JitterBufferPacket out{};
    out.data = data.data();
    out.len = spx_uint32_t(data.size());
    spx_int32_t offset = 0;
    const bool deferredStretch = m_deferredStretch;
    m_deferredStretch = false;
    const int result = jitter_buffer_get(m_buffer.get(), &out, kPacketSamples, &offset);

    switch (result) {
    case JITTER_BUFFER_OK:
        slot.kind = JitterSlot::Kind::Packet;
        slot.packet = QByteArray(data.data(), qsizetype(out.len));
        slot.sequence = out.sequence;
        m_consecutiveLost = 0;
        ++m_statistics.played;
        break;
    case JITTER_BUFFER_INSERTION:
        // speexdsp wants span samples of filler before the next packet; we play them as 20 ms slots.
        slot.kind = JitterSlot::Kind::Stretch;
        m_stretchSlotsLeft = std::max(1, int(out.span) / kPacketSamples) - 1;
        ++m_statistics.stretched;
        if (!deferredStretch)
            ++m_statistics.delayIncreases; // forced by a loss: the buffer was clearly too short
        m_depthNeeded = true;
        break;
    default:
        if (!m_receiving)
            break; // Idle: nothing has arrived yet
        if (++m_consecutiveLost >= kPauseAfterLostSlots) {
            restart();
            break;
        }
        slot.kind = JitterSlot::Kind::Lost;
        slot.following = m_copies.value(out.timestamp + kPacketSamples);
        ++m_statistics.lost;
        m_depthNeeded = true;
        break;
    }
    forgetPlayedCopies(quint32(jitter_buffer_get_pointer_timestamp(m_buffer.get())));
    return slot;
}

void JitterBuffer::tick(bool outputWasSilent)
{
    if (m_marginApplied && ++m_slotsSinceLate >= kMarginHoldSlots) {
        m_marginApplied = false; // a clean path again: speexdsp may shrink the delay in silence
        spx_int32_t margin = 0;
        jitter_buffer_ctl(m_buffer.get(), JITTER_BUFFER_SET_MARGIN, &margin);
    }
    // Not in the middle of a multi-slot stretch: speexdsp accounts for it across the ticks.
    if (outputWasSilent && m_receiving && m_stretchSlotsLeft == 0) {
        const int change = jitter_buffer_update_delay(m_buffer.get(), nullptr, nullptr);
        if (change < 0) {
            ++m_statistics.delayIncreases;
            m_deferredStretch = true; // the next get() returns the filler for it
        } else if (change > 0) {
            ++m_statistics.delayDecreases;
            shiftDepths(change / kSamplesPerMs); // the depths recorded before were that much deeper
        }
    }
    jitter_buffer_tick(m_buffer.get());

    if (!m_receiving)
        return;
    recordDepth(m_depthNeeded ? 0 : bufferedMs());
    m_depthNeeded = false;
    const int excess = excessMs();
    if (excess > kHardExcessMs) {
        m_statistics.droppedForced += drop(excess / kPacketMs);
        m_catchingUp = false;
        return;
    }
    if (excess > kSoftExcessMs)
        m_catchingUp = true;
    else if (excess <= 0)
        m_catchingUp = false;
    if (m_catchingUp && outputWasSilent)
        m_statistics.droppedInSilence += drop(1);
}

int JitterBuffer::cushionMs() const
{
    return kPacketMs + (m_marginApplied ? m_marginMs : 0);
}

int JitterBuffer::excessMs() const
{
    if (m_depthCount < kExcessWindowSlots)
        return -1;
    return *std::min_element(m_depths.begin(), m_depths.end()) - cushionMs();
}

void JitterBuffer::recordDepth(int depthMs)
{
    m_depths[std::size_t(m_nextDepth)] = depthMs;
    m_nextDepth = (m_nextDepth + 1) % kExcessWindowSlots;
    m_depthCount = std::min(m_depthCount + 1, kExcessWindowSlots);
}

void JitterBuffer::shiftDepths(int ms)
{
    for (int &depth : m_depths)
        depth = std::max(0, depth - ms);
}

int JitterBuffer::drop(int count)
{
    std::array<char, kMaxPacketBytes> data;
    int dropped = 0;
    // Not while speexdsp has filler pending (a deferred or multi-slot stretch): its next get()
    // delivers that, not a packet.
    while (dropped < count && !m_deferredStretch && m_stretchSlotsLeft == 0) {
        // Before the first get() speexdsp has no pointer yet; it syncs to its oldest packet.
        if (m_played && !m_copies.contains(quint32(jitter_buffer_get_pointer_timestamp(m_buffer.get()))))
            break; // a hole: played (concealed) in its slot, the catch-up goes on after it
        JitterBufferPacket out{};
        out.data = data.data();
        out.len = spx_uint32_t(data.size());
        spx_int32_t offset = 0;
        const int result = jitter_buffer_get(m_buffer.get(), &out, kPacketSamples, &offset);
        jitter_buffer_tick(m_buffer.get());
        m_played = true;
        if (result != JITTER_BUFFER_OK)
            break;
        ++dropped;
    }
    shiftDepths(dropped * kPacketMs);
    if (m_played)
        forgetPlayedCopies(quint32(jitter_buffer_get_pointer_timestamp(m_buffer.get())));
    return dropped;
}

void JitterBuffer::dropBacklogAtFirstGet()
{
    // Everything here has been waiting for the playout to start; its first slot plays the oldest.
    quint32 oldest = m_newestEnd;
    for (auto it = m_copies.cbegin(); it != m_copies.cend(); ++it) {
        if (isBefore(it.key(), oldest))
            oldest = it.key();
    }
    const int backlogMs = int(qint32(m_newestEnd - oldest)) / kSamplesPerMs;
    const int excess = backlogMs - kPacketMs - cushionMs();
    if (excess > kHardExcessMs)
        m_statistics.droppedForced += drop(excess / kPacketMs);
}

int JitterBuffer::bufferedMs() const
{
    if (!m_receiving)
        return 0;
    const auto pointer = quint32(jitter_buffer_get_pointer_timestamp(m_buffer.get()));
    return std::max(0, int(qint32(m_newestEnd - pointer))) / kSamplesPerMs;
}

void JitterBuffer::restart()
{
    jitter_buffer_reset(m_buffer.get());
    m_copies.clear();
    m_receiving = false;
    m_consecutiveLost = 0;
    m_stretchSlotsLeft = 0;
    m_deferredStretch = false;
    m_depthCount = 0;
    m_nextDepth = 0;
    m_depthNeeded = false;
    m_catchingUp = false;
    m_played = false;
}

void JitterBuffer::forgetPlayedCopies(quint32 pointer)
{
    // Keep one slot behind the playout position: a lost packet's follower may be exactly there.
    for (auto it = m_copies.begin(); it != m_copies.end();) {
        if (isBefore(it.key() + 2 * kPacketSamples, pointer + 1))
            it = m_copies.erase(it);
        else
            ++it;
    }
}

} // namespace consult::media
