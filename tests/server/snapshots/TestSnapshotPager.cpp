#include "protocol/EnvelopeCodec.h"
#include "session/Session.h"
#include "snapshots/SnapshotCursor.h"
#include "snapshots/SnapshotPager.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QTest>

#include <map>

using namespace consult;

namespace {

// A waiting customer as large as the server lets one be: an id as long as the queue's (22 characters
// of base64url), 100 letters of four UTF-8 bytes each, the longest E.164 number, and a system check
// with every figure at the cap CustomerDesk keeps (I7). About 490 bytes: the name is most of it.
wire::QueueEntry largestEntry(int number)
{
    wire::QueueEntry entry;
    entry.set_entry_id(QStringLiteral("entry-%1").arg(number, 16, 10, QLatin1Char('0')).toStdString());
    QString name;
    for (int i = 0; i < 100; ++i)
        name.append(QString::fromUcs4(U"\U00020000", 1));
    entry.set_name(name.toStdString());
    entry.set_phone_e164("+4930123456789012345");
    entry.set_mode(wire::CONSULTATION_MODE_VIDEO);
    entry.set_enqueued_at(1'800'000'000'000 + number);
    wire::SystemCheck *check = entry.mutable_system_check();
    check->set_camera(wire::CHECK_OUTCOME_TOO_SLOW);
    check->set_microphone(wire::CHECK_OUTCOME_TOO_SLOW);
    check->set_speaker(wire::CHECK_OUTCOME_TOO_SLOW);
    check->set_connection(wire::CHECK_OUTCOME_TOO_SLOW);
    check->set_download_kbps(10'000'000);
    check->set_upload_kbps(10'000'000);
    check->set_round_trip_ms(60'000);
    return entry;
}

// The queue under test: entries by id, in waiting order.
struct Entries
{
    QStringList order;
    QHash<QString, wire::QueueEntry> byId;

    void add(const wire::QueueEntry &entry)
    {
        const QString id = QString::fromStdString(entry.entry_id());
        order.append(id);
        byId.insert(id, entry);
    }
};

// Hands out the entries as they are when it is made, as the queue service's source does.
class EntriesSource final : public SnapshotSource
{
public:
    explicit EntriesSource(const Entries &entries)
        : m_cursor(entries.order, [&entries](const QString &id) -> std::optional<wire::QueueEntry> {
            const auto it = entries.byId.constFind(id);
            return it == entries.byId.cend() ? std::nullopt : std::optional(it.value());
        })
    {}

    wire::SnapshotPage &fillPage(wire::Envelope &envelope, const PageLimits &limits) override
    {
        m_cursor.fill(*envelope.mutable_queue_snapshot()->mutable_entries(), limits);
        return *envelope.mutable_queue_snapshot()->mutable_page();
    }
    bool exhausted() override { return m_cursor.exhausted(); }

private:
    SnapshotCursor<wire::QueueEntry> m_cursor;
};

std::unique_ptr<Session> advisorSession(quint64 id = 1)
{
    return std::make_unique<Session>(id, wire::CLIENT_KIND_ADVISOR, QStringLiteral("de"), QStringLiteral("test"),
                                     QHostAddress(QHostAddress::LocalHost), ReliableChannel::Limits{},
                                     Session::RateLimits{}, 0);
}

// The sessions a pager may find, as the registry would: by id, gone once ended.
struct Sessions
{
    std::map<quint64, Session *> byId;

    SnapshotPager::SessionLookup lookup()
    {
        return [this](quint64 id) {
            const auto it = byId.find(id);
            return it == byId.end() ? nullptr : it->second;
        };
    }
    Session &add(Session &session)
    {
        byId[session.id()] = &session;
        return session;
    }
};

// The pager continues on the next event-loop turn after an acknowledgement: run that turn.
void nextTurn()
{
    QCoreApplication::sendPostedEvents();
}

// What the session has sent and the advisor has not acknowledged yet, as bytes.
QList<QByteArray> unacknowledged(Session &session)
{
    return session.channel().replayAfter(session.channel().lastAcknowledgedByPeer()).value_or(QList<QByteArray>());
}

wire::Envelope decoded(const QByteArray &bytes)
{
    auto result = protocol::decode(bytes);
    if (!std::holds_alternative<wire::Envelope>(result))
        qFatal("the pager sent an envelope that does not decode");
    return std::get<wire::Envelope>(result);
}

// Plays the advisor: acknowledges every page as it comes, until the last; returns the pages in order.
QList<QByteArray> receiveAll(Session &session, int pagesInFlight, bool *withinWindow)
{
    QList<QByteArray> pages;
    *withinWindow = true;
    for (int round = 0; round < 100'000; ++round) {
        const QList<QByteArray> pending = unacknowledged(session);
        if (pending.isEmpty())
            return pages;
        *withinWindow = *withinWindow && pending.size() <= pagesInFlight;
        pages.append(pending);
        (void)session.applyAcknowledgement(session.channel().lastSent());
        if (decoded(pending.last()).queue_snapshot().page().last())
            return pages;
        nextTurn();
    }
    return pages;
}

} // namespace

// I9: a snapshot of any size goes out as pages bounded in items and bytes, at most a few
// unacknowledged at a time, each item exactly once and in order, and a page of one snapshot names it.
class TestSnapshotPager final : public QObject
{
    Q_OBJECT
private slots:
    void tenThousandLargestEntriesArriveOnceInOrderInBoundedPages()
    {
        Entries entries;
        for (int i = 0; i < 10'000; ++i)
            entries.add(largestEntry(i));
        const std::size_t entryBytes = entries.byId.value(entries.order.first()).ByteSizeLong();
        QVERIFY(entryBytes > 450); // the sizes below mean something
        Sessions sessions;
        SnapshotPager pager(sessions.lookup());
        auto session = advisorSession();
        sessions.add(*session);
        const quint64 id = pager.send(*session, std::make_unique<EntriesSource>(entries));

        bool withinWindow = false;
        const QList<QByteArray> pages = receiveAll(*session, pager.settings().pagesInFlight, &withinWindow);
        QVERIFY(withinWindow);
        // Many pages, not one message of 5 MB: the byte bound, not the item bound, splits them.
        const qsizetype snapshotBytes = static_cast<qsizetype>(entryBytes) * entries.order.size();
        QVERIFY(snapshotBytes > 4 * 1024 * 1024);
        QVERIFY(pages.size() > 70);
        QVERIFY(pages.size() >= snapshotBytes / pager.settings().page.maxBytes);
        QVERIFY(pages.size() > entries.order.size() / pager.settings().page.maxItems);
        QStringList received;
        for (int index = 0; index < pages.size(); ++index) {
            const QByteArray &bytes = pages.at(index);
            QVERIFY2(bytes.size() <= pager.settings().page.maxBytes + PageLimits::kPageOverheadBytes,
                     qPrintable(QString::number(bytes.size())));
            const wire::Envelope envelope = decoded(bytes);
            QVERIFY(envelope.has_queue_snapshot());
            const wire::QueueSnapshot &page = envelope.queue_snapshot();
            QVERIFY(page.entries_size() > 0);
            QVERIFY(page.entries_size() <= pager.settings().page.maxItems);
            QCOMPARE(page.page().snapshot_id(), id);
            QCOMPARE(page.page().index(), quint32(index));
            QCOMPARE(page.page().last(), index == pages.size() - 1);
            for (const wire::QueueEntry &entry : page.entries())
                received.append(QString::fromStdString(entry.entry_id()));
        }
        QCOMPARE(received, entries.order);
        QCOMPARE(decoded(pages.first()).queue_snapshot().entries(0).name(),
                 entries.byId.value(entries.order.first()).name());
    }

    void atMostThePagesInFlightAreUnacknowledged()
    {
        Entries entries;
        for (int i = 0; i < 2000; ++i)
            entries.add(largestEntry(i));
        PagingSettings settings;
        settings.pagesInFlight = 3;
        Sessions sessions;
        SnapshotPager pager(sessions.lookup(), settings);
        auto session = advisorSession();
        sessions.add(*session);
        pager.send(*session, std::make_unique<EntriesSource>(entries));
        QCOMPARE(session->channel().unacknowledgedCount(), 3);
        QVERIFY(session->channel().unacknowledgedBytes() <=
                3 * (settings.page.maxBytes + PageLimits::kPageOverheadBytes));

        // Nothing more without an acknowledgement; one acknowledged page lets exactly one more go.
        nextTurn();
        QCOMPARE(session->channel().lastSent(), quint64(3));
        QVERIFY(session->applyAcknowledgement(1));
        nextTurn();
        QCOMPARE(session->channel().lastSent(), quint64(4));
        QCOMPARE(session->channel().unacknowledgedCount(), 3);
        QVERIFY(session->applyAcknowledgement(4));
        nextTurn();
        QCOMPARE(session->channel().lastSent(), quint64(7));
    }

    void theCountBoundHoldsForSmallItems()
    {
        Entries entries;
        for (int i = 0; i < 25; ++i) {
            wire::QueueEntry entry;
            entry.set_entry_id(QStringLiteral("e%1").arg(i).toStdString());
            entries.add(entry);
        }
        PagingSettings settings;
        settings.page.maxItems = 10;
        Sessions sessions;
        SnapshotPager pager(sessions.lookup(), settings);
        auto session = advisorSession();
        sessions.add(*session);
        pager.send(*session, std::make_unique<EntriesSource>(entries));
        bool withinWindow = false;
        const QList<QByteArray> pages = receiveAll(*session, settings.pagesInFlight, &withinWindow);
        QCOMPARE(pages.size(), 3);
        QCOMPARE(decoded(pages.at(0)).queue_snapshot().entries_size(), 10);
        QCOMPARE(decoded(pages.at(1)).queue_snapshot().entries_size(), 10);
        QCOMPARE(decoded(pages.at(2)).queue_snapshot().entries_size(), 5);
        QVERIFY(decoded(pages.at(2)).queue_snapshot().page().last());
    }

    void anEmptySnapshotIsOneLastPageWithoutItems()
    {
        Entries entries;
        Sessions sessions;
        SnapshotPager pager(sessions.lookup());
        auto session = advisorSession();
        sessions.add(*session);
        pager.send(*session, std::make_unique<EntriesSource>(entries));
        const QList<QByteArray> pages = unacknowledged(*session);
        QCOMPARE(pages.size(), 1);
        const wire::QueueSnapshot page = decoded(pages.first()).queue_snapshot();
        QCOMPARE(page.entries_size(), 0);
        QVERIFY(page.has_page());
        QCOMPARE(page.page().index(), 0u);
        QVERIFY(page.page().last());
    }

    void entriesGoneBeforeTheirPageAreLeftOut()
    {
        Entries entries;
        for (int i = 0; i < 100; ++i)
            entries.add(largestEntry(i));
        PagingSettings settings;
        settings.page.maxItems = 10;
        settings.pagesInFlight = 1;
        Sessions sessions;
        SnapshotPager pager(sessions.lookup(), settings);
        auto session = advisorSession();
        sessions.add(*session);
        pager.send(*session, std::make_unique<EntriesSource>(entries));
        // The first page (entries 0 to 9) is out. Entry 5 and entries 50 to 99 leave, and one more
        // arrives after the snapshot began: entry 5 stays on the page it was sent on; the others are
        // on no page (the advisor hears of them as changes).
        for (int i = 5; i < 100; i += (i == 5 ? 45 : 1))
            entries.byId.remove(entries.order.at(i));
        entries.add(largestEntry(1000));

        bool withinWindow = false;
        const QList<QByteArray> pages = receiveAll(*session, 1, &withinWindow);
        QStringList received;
        for (const QByteArray &bytes : pages) {
            const wire::Envelope envelope = decoded(bytes);
            for (const wire::QueueEntry &entry : envelope.queue_snapshot().entries())
                received.append(QString::fromStdString(entry.entry_id()));
        }
        QCOMPARE(received, entries.order.mid(0, 50)); // entry 5 was already on the first page
        QCOMPARE(pages.size(), 5);
    }

    void everySnapshotHasItsOwnId()
    {
        Entries entries;
        entries.add(largestEntry(1));
        Sessions sessions;
        SnapshotPager pager(sessions.lookup());
        auto first = advisorSession(1);
        auto second = advisorSession(2);
        sessions.add(*first);
        sessions.add(*second);
        const quint64 one = pager.send(*first, std::make_unique<EntriesSource>(entries));
        const quint64 two = pager.send(*second, std::make_unique<EntriesSource>(entries));
        QVERIFY(one != two);
        QCOMPARE(decoded(unacknowledged(*first).first()).queue_snapshot().page().snapshot_id(), one);
        QCOMPARE(decoded(unacknowledged(*second).first()).queue_snapshot().page().snapshot_id(), two);
    }

    void noPageIsSentFromInsideAnAcknowledgement()
    {
        // A resume applies the peer's acknowledgement before it replays what the peer missed; a page
        // sent from inside the acknowledgement would overtake the replay and break the sequence.
        Entries entries;
        for (int i = 0; i < 100; ++i)
            entries.add(largestEntry(i));
        PagingSettings settings;
        settings.page.maxItems = 10;
        settings.pagesInFlight = 2;
        Sessions sessions;
        SnapshotPager pager(sessions.lookup(), settings);
        auto session = advisorSession();
        sessions.add(*session);
        pager.send(*session, std::make_unique<EntriesSource>(entries));
        QVERIFY(session->applyAcknowledgement(2));
        QCOMPARE(session->channel().lastSent(), quint64(2));
        nextTurn();
        QCOMPARE(session->channel().lastSent(), quint64(4));
    }

    void aClosingOrEndedSessionGetsNoFurtherPages()
    {
        Entries entries;
        for (int i = 0; i < 100; ++i)
            entries.add(largestEntry(i));
        PagingSettings settings;
        settings.page.maxItems = 10;
        settings.pagesInFlight = 2;
        Sessions sessions;
        SnapshotPager pager(sessions.lookup(), settings);
        auto closing = advisorSession(1);
        auto ended = advisorSession(2);
        sessions.add(*closing);
        sessions.add(*ended);
        pager.send(*closing, std::make_unique<EntriesSource>(entries));
        pager.send(*ended, std::make_unique<EntriesSource>(entries));
        QCOMPARE(closing->channel().lastSent(), quint64(2));

        closing->setStage(Session::Stage::Closing);
        QVERIFY(closing->applyAcknowledgement(2));
        QVERIFY(ended->applyAcknowledgement(2));
        sessions.byId.erase(2); // the registry no longer finds it
        nextTurn();
        QCOMPARE(closing->channel().lastSent(), quint64(2));
        QCOMPARE(ended->channel().lastSent(), quint64(2));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotPager)
#include "TestSnapshotPager.moc"
