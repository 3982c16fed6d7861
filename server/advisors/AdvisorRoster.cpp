#include "AdvisorRoster.h"

#include "session/SessionRegistry.h"

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

void AdvisorRoster::sendStatus(const AdvisorPresence &presence)
{
    Session *session = m_registry.find(presence.sessionId);
    if (!session)
        return;
    wire::Envelope envelope;
    auto *status = envelope.mutable_advisor_status();
    status->set_available(presence.available);
    status->set_capacity(static_cast<quint32>(presence.capacity));
    status->set_active_consultations(static_cast<quint32>(presence.consultations.size()));
    status->set_advisors_available(static_cast<quint32>(advisorsOnDuty()));
    session->send(std::move(envelope));
}

void AdvisorRoster::staffingChanged()
{
    Q_EMIT staffingChangedSignal();
}

} // namespace consult
