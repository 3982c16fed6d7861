#include "SnapshotPager.h"

#include "session/Session.h"

namespace consult {

// A snapshot on its way to one session. Shared by the acknowledgement callbacks that carry it on;
// when the session ends they are dropped, and the transfer with them.
struct SnapshotPager::Transfer
{
    quint64 sessionId = 0;
    std::unique_ptr<SnapshotSource> source;
    quint64 snapshotId = 0;
    quint32 nextIndex = 0;
    int inFlight = 0; // pages sent and not yet acknowledged
    bool finished = false;
};

SnapshotPager::SnapshotPager(SessionLookup findSession, PagingSettings settings, QObject *parent)
    : QObject(parent)
    , m_findSession(std::move(findSession))
    , m_settings(settings)
{}

quint64 SnapshotPager::send(Session &session, std::unique_ptr<SnapshotSource> source)
{
    auto transfer = std::make_shared<Transfer>();
    transfer->sessionId = session.id();
    transfer->source = std::move(source);
    transfer->snapshotId = ++m_lastSnapshotId;
    pump(session, transfer);
    return transfer->snapshotId;
}

void SnapshotPager::pump(Session &session, const std::shared_ptr<Transfer> &transfer)
{
    while (!transfer->finished && transfer->inFlight < m_settings.pagesInFlight) {
        if (session.stage() == Session::Stage::Closing)
            return;
        wire::Envelope envelope;
        wire::SnapshotPage &page = transfer->source->fillPage(envelope, m_settings.page);
        const bool last = transfer->source->exhausted();
        page.set_snapshot_id(transfer->snapshotId);
        page.set_index(transfer->nextIndex++);
        page.set_last(last);
        const quint64 seq = session.send(std::move(envelope));
        if (seq == 0)
            return; // the session is broken; the registry ends it
        transfer->finished = last;
        if (last)
            return;
        ++transfer->inFlight;
        session.whenAcknowledged(seq, [this, transfer] {
            // Not from inside the acknowledgement: a resume applies the peer's acknowledgement before
            // it replays what the peer missed, and a page sent now would overtake that replay. On
            // the next turn the session is looked up again: it may have ended (docs/THREADING.md).
            QMetaObject::invokeMethod(
                this,
                [this, transfer] {
                    --transfer->inFlight;
                    if (Session *found = m_findSession(transfer->sessionId))
                        pump(*found, transfer);
                },
                Qt::QueuedConnection);
        });
    }
}

} // namespace consult
