#pragma once

#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>

#include <map>

namespace consult {

class SessionRegistry;

// One logged-in advisor session.
struct AdvisorPresence
{
    quint64 sessionId = 0;
    qint64 accountId = 0;
    QString username;
    QString displayName;
    int capacity = 1;
    bool available = true; // false: pause, no new customers
    bool connected = true; // false while the workstation reconnects
    QSet<QString> consultations;
    QByteArray tokenHash; // the revocable token this session runs on (A6)
    qint64 tokenExpiresAtMs = 0;
    qint64 lastActivityMs = 0;
    std::string lastStatusSent;  // the AdvisorStatus this session last received, serialised
    bool statusInFlight = false; // lastStatusSent is not acknowledged yet
    bool statusDeferred = false; // a change came meanwhile; the then current status follows the acknowledgement

    int freePlaces() const
    {
        return available && connected ? qMax(0, capacity - static_cast<int>(consultations.size())) : 0;
    }
    bool onDuty() const { return available && connected; }
};

// Who is on duty: the advisors logged in, their availability and free places. The queue reads
// staffing from it; it tells every advisor session what all advisors must see (queue and inbox
// changes) and keeps each advisor's status (own state plus the colleagues who could receive a
// transfer) up to date. Changed by the advisor desk (log-in, pause) and the consultation service
// (places).
class AdvisorRoster final : public QObject
{
    Q_OBJECT
public:
    explicit AdvisorRoster(SessionRegistry &registry, QObject *parent = nullptr)
        : QObject(parent)
        , m_registry(registry)
    {}

    AdvisorPresence &add(AdvisorPresence presence);
    void remove(quint64 sessionId);
    AdvisorPresence *find(quint64 sessionId);
    const AdvisorPresence *find(quint64 sessionId) const;
    // The session of account `username` best able to receive a consultation (most free places),
    // for a transfer; null when that account is not logged in.
    AdvisorPresence *bestPresenceOf(const QString &username);
    const std::map<quint64, AdvisorPresence> &presences() const { return m_presences; }
    // The sessions the advisors are on (for the inbox's paged snapshot, which looks them up by id).
    SessionRegistry &registry() const { return m_registry; }

    // Places of advisors on duty, and how many of them are free now.
    int staffedPlaces() const;
    int freePlaces() const;
    int advisorsOnDuty() const;

    // Sends `envelope` to every logged-in advisor session.
    void broadcast(const wire::Envelope &envelope);
    // Sends the advisor's status (own state and colleagues) to that advisor, unless it is the one the
    // advisor received last. One at a time: while the last one is unacknowledged, only the status
    // current when it is acknowledged follows.
    void sendStatus(AdvisorPresence &presence);
    // What `presence` would be told now.
    wire::AdvisorStatus statusOf(const AdvisorPresence &presence) const;

    // Call after any change of availability, connection or places: the queue learns of it, and every
    // advisor whose status it changes (a colleague became able or unable to receive) is told.
    void staffingChanged();

Q_SIGNALS:
    void staffingChangedSignal();

private:
    SessionRegistry &m_registry;
    std::map<quint64, AdvisorPresence> m_presences;
};

} // namespace consult
