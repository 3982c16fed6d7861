#include "AdvisorRoster.h"

#include "session/SessionRegistry.h"

#include <utility>

namespace consult {

AdvisorPresence &AdvisorRoster::add(AdvisorPresence presence)
{
    const quint64 id = presence.sessionId;
    auto [it, inserted] = m_presences.insert_or_assign(id, std::move(presence));
    return it->second;
}

void AdvisorRoster::remove(quint64 sessionId)
{
    m_presences.erase(sessionId);
}

AdvisorPresence *AdvisorRoster::find(quint64 sessionId)
{
    const auto it = m_presences.find(sessionId);
    return it == m_presences.end() ? nullptr : &it->second;
}

const AdvisorPresence *AdvisorRoster::find(quint64 sessionId) const
{
    const auto it = m_presences.find(sessionId);
    return it == m_presences.end() ? nullptr : &it->second;
}

int AdvisorRoster::staffedPlaces() const
{
    int places = 0;
    for (const auto &[id, presence] : m_presences)
        places += presence.onDuty() ? presence.capacity : 0;
    return places;
}

int AdvisorRoster::freePlaces() const
{
    int places = 0;
    for (const auto &[id, presence] : m_presences)
        places += presence.freePlaces();
    return places;
}

int AdvisorRoster::advisorsOnDuty() const
{
    return static_cast<int>(
        std::count_if(m_presences.begin(), m_presences.end(), [](const auto &entry) { return entry.second.onDuty(); }));
}

void AdvisorRoster::broadcast(const wire::Envelope &envelope)
{
    for (const auto &[id, presence] : m_presences) {
        if (Session *session = m_registry.find(id))
            session->send(wire::Envelope(envelope));
    }
}

AdvisorPresence *AdvisorRoster::bestPresenceOf(const QString &username)
{
    AdvisorPresence *best = nullptr;
    for (auto &[id, presence] : m_presences) {
        if (presence.username == username && (!best || presence.freePlaces() > best->freePlaces()))
            best = &presence;
    }
    return best;
}

wire::AdvisorStatus AdvisorRoster::statusOf(const AdvisorPresence &presence) const
{
    wire::AdvisorStatus status;
    status.set_available(presence.available);
    status.set_capacity(static_cast<quint32>(presence.capacity));
    status.set_active_consultations(static_cast<quint32>(presence.consultations.size()));
    status.set_advisors_available(static_cast<quint32>(advisorsOnDuty()));
    // Colleagues able to receive a consultation now, each account once, in a stable order so that an
    // unchanged list compares equal. The same account on another desk is not a colleague.
    std::map<QString, const AdvisorPresence *> colleagues;
    for (const auto &[id, other] : m_presences) {
        if (other.username != presence.username && other.freePlaces() > 0)
            colleagues.try_emplace(other.displayName + QChar(u'\n') + other.username, &other);
    }
    for (const auto &[key, other] : colleagues) {
        wire::Colleague *colleague = status.add_colleagues();
        colleague->set_username(other->username.toStdString());
        colleague->set_display_name(other->displayName.toStdString());
    }
    return status;
}

void AdvisorRoster::sendStatus(AdvisorPresence &presence)
{
    Session *session = m_registry.find(presence.sessionId);
    if (!session)
        return;
    // Each status carries the whole colleague list, and every log-in, take or disconnection changes it
    // for everyone: sent on every change, a burst would queue O(advisors) superseded lists of
    // O(advisors) bytes per advisor in the replay buffer and the socket (or for good, while the advisor
    // is away). The advisor only needs the newest, so it waits for the acknowledgement of the last.
    if (presence.statusInFlight) {
        presence.statusDeferred = true;
        return;
    }
    wire::Envelope envelope;
    *envelope.mutable_advisor_status() = statusOf(presence);
    std::string serialised = envelope.advisor_status().SerializeAsString();
    if (serialised == presence.lastStatusSent && !presence.lastStatusSent.empty())
        return;
    presence.lastStatusSent = std::move(serialised);
    const quint64 seq = session->send(std::move(envelope));
    if (seq == 0)
        return;
    presence.statusInFlight = true;
    session->whenAcknowledged(seq, [this, sessionId = presence.sessionId] {
        AdvisorPresence *acknowledged = find(sessionId);
        if (!acknowledged)
            return;
        acknowledged->statusInFlight = false;
        if (std::exchange(acknowledged->statusDeferred, false))
            sendStatus(*acknowledged);
    });
}

void AdvisorRoster::staffingChanged()
{
    Q_EMIT staffingChangedSignal();
    // O(advisors²) work per change, which for the few dozen advisors of a service desk is nothing;
    // only advisors whose status really changed receive a message.
    for (auto &[id, presence] : m_presences)
        sendStatus(presence);
}

} // namespace consult
