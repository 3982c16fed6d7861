#include "core/Clock.h"
#include "inbox/InboxService.h"
#include "inbox/InboxStore.h"
#include "presence/AdvisorRoster.h"
#include "protocol/EnvelopeCodec.h"
#include "retention/RetentionPolicy.h"
#include "session/Session.h"
#include "session/SessionRegistry.h"
#include "storage/AtRestCipher.h"
#include "storage/Database.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace consult;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr int kRetentionDays = 14;

// The session layer is not under test: no sessions are ever started.
class NoSessions final : public SessionHost
{
public:
    void prepareWelcome(Session &, wire::Welcome &) override {}
    void handleEnvelope(Session &, const wire::Envelope &) override {}
    void sessionSuspended(Session &) override {}
    void sessionResumed(Session &) override {}
    void sessionEnding(Session &) override {}
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Random per run, so a hit can only come from this run's data.
QString canary(const char *what)
{
    return QStringLiteral("CANARY-%1-%2").arg(QLatin1StringView(what)).arg(QRandomGenerator::global()->generate64());
}

} // namespace

// Messages left for the advisors are encrypted at rest (P1/P7 canary test), bound to
// their row, deleted when done without a readable residue (P2: secure_delete) and purged after the
// retention period.
class TestInboxAtRest final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        m_clock = std::make_unique<ManualClock>();
        auto database = Database::openSqlite(databasePath());
        QVERIFY(database.ok());
        m_database = std::move(database).value();
        auto cipher = AtRestCipher::openOrCreateKeyFile(m_directory->filePath(QStringLiteral("inbox.key")));
        QVERIFY2(cipher.ok(), qPrintable(cipher.ok() ? QString() : cipher.problem().message));
        m_cipher = std::make_unique<AtRestCipher>(std::move(cipher).value());
        m_registry = std::make_unique<SessionRegistry>(SessionRegistry::Settings{}, *m_clock, m_host);
        m_roster = std::make_unique<AdvisorRoster>(*m_registry);
        m_store = std::make_unique<InboxStore>(*m_database);
        m_service = std::make_unique<InboxService>(*m_store, *m_cipher, *m_roster, *m_clock, kRetentionDays);
    }

    void cleanup()
    {
        m_service.reset();
        m_store.reset();
        m_roster.reset();
        m_registry.reset();
        m_cipher.reset();
        m_database.reset();
        m_directory.reset();
    }

    void nameNumberAndTextNeverReachTheDatabaseFilesInPlain()
    {
        const QString name = canary("name");
        const QString phone = QStringLiteral("+4915112345678");
        const QString text = canary("text") + QStringLiteral(" Bitte rufen Sie mich zurück, äöü.");
        QVERIFY(m_service->store(name, phone, text).ok());
        const auto rows = m_store->list();
        QVERIFY(rows.ok());
        QCOMPARE(rows.value().size(), 1);

        const QByteArray files = databaseFiles();
        // The scan sees the row: its id and its sealed bytes are there in the clear.
        QVERIFY(files.contains(rows.value().first().id.toUtf8()));
        QVERIFY(files.contains(rows.value().first().sealed));
        for (const QString &secret : {name, phone, text}) {
            QVERIFY2(!files.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!files.contains(secret.toUtf8().toBase64()), qPrintable(secret));
        }
    }

    void theSnapshotDecryptsEveryMessageOldestFirst()
    {
        const QString firstText = canary("first");
        const QString secondText = canary("second");
        const auto first =
            m_service->store(QStringLiteral("Erika Mustermann"), QStringLiteral("+4930123456"), firstText);
        QVERIFY(first.ok());
        m_clock->advance(1min);
        QVERIFY(m_service->store(QStringLiteral("Max Müller"), QStringLiteral("+4989765432"), secondText).ok());

        const wire::InboxSnapshot snapshot = m_service->snapshot();
        QCOMPARE(snapshot.items_size(), 2);
        QCOMPARE(QString::fromStdString(snapshot.items(0).name()), QStringLiteral("Erika Mustermann"));
        QCOMPARE(QString::fromStdString(snapshot.items(0).phone_e164()), QStringLiteral("+4930123456"));
        QCOMPARE(QString::fromStdString(snapshot.items(0).text()), firstText);
        QCOMPARE(snapshot.items(0).received_at(), first.value());
        QCOMPARE(QString::fromStdString(snapshot.items(1).name()), QStringLiteral("Max Müller"));
        QCOMPARE(QString::fromStdString(snapshot.items(1).text()), secondText);
        QCOMPARE(snapshot.items(1).received_at(), first.value() + 60'000);
        QVERIFY(snapshot.items(0).item_id() != snapshot.items(1).item_id());
    }

    void aTamperedRowIsSkipped_data()
    {
        QTest::addColumn<QString>("tampering");
        QTest::newRow("flipped ciphertext byte") << QStringLiteral("flip");
        QTest::newRow("truncated") << QStringLiteral("truncate");
        QTest::newRow("another row's sealed bytes") << QStringLiteral("swap");
        QTest::newRow("sealed with another key") << QStringLiteral("foreign key");
    }

    void aTamperedRowIsSkipped()
    {
        QFETCH(QString, tampering);
        for (const char *label : {"a", "b", "c"}) {
            QVERIFY(m_service
                        ->store(QString::fromLatin1(label), QStringLiteral("+4930123456"),
                                QStringLiteral("text %1").arg(QLatin1StringView(label)))
                        .ok());
            m_clock->advance(1s);
        }
        const auto rows = m_store->list();
        QVERIFY(rows.ok());
        QCOMPARE(rows.value().size(), 3);
        const InboxStore::Row &victim = rows.value().at(1);

        QByteArray sealed = victim.sealed;
        if (tampering == u"flip") {
            sealed[AtRestCipher::kNonceBytes + 1] = static_cast<char>(sealed.at(AtRestCipher::kNonceBytes + 1) ^ 0x01);
        } else if (tampering == u"truncate") {
            sealed.chop(1);
        } else if (tampering == u"swap") {
            sealed = rows.value().at(0).sealed;
        } else {
            QTemporaryDir otherDirectory;
            auto other = AtRestCipher::openOrCreateKeyFile(otherDirectory.filePath(QStringLiteral("other.key")));
            QVERIFY(other.ok());
            sealed = other->seal(m_cipher->open(victim.sealed, victim.id.toUtf8()).value(), victim.id.toUtf8());
        }
        QVERIFY(m_database->exec(QStringLiteral("UPDATE inbox SET sealed = ? WHERE id = ?"), {sealed, victim.id}).ok());
        QTest::ignoreMessage(QtWarningMsg, "an inbox row cannot be decrypted and is skipped");

        const wire::InboxSnapshot snapshot = m_service->snapshot();
        QCOMPARE(snapshot.items_size(), 2);
        QCOMPARE(QString::fromStdString(snapshot.items(0).name()), QStringLiteral("a"));
        QCOMPARE(QString::fromStdString(snapshot.items(1).name()), QStringLiteral("c"));
    }

    void markingAMessageDoneDeletesItWithoutResidue()
    {
        const QString text = canary("done");
        QVERIFY(m_service->store(QStringLiteral("Erika"), QStringLiteral("+4930123456"), text).ok());
        QVERIFY(m_service->store(QStringLiteral("Max"), QStringLiteral("+4989765432"), canary("kept")).ok());
        const auto rows = m_store->list();
        QVERIFY(rows.ok());
        const InboxStore::Row done = rows.value().at(0);
        const InboxStore::Row kept = rows.value().at(1);
        QVERIFY(checkpoint());
        QVERIFY(databaseFiles().contains(done.sealed)); // the scan below can fail

        Session advisor(1, wire::CLIENT_KIND_ADVISOR, QStringLiteral("de"), QStringLiteral("test"),
                        QHostAddress(QHostAddress::LocalHost), {}, {}, 0);
        wire::MarkInboxItemDone request;
        request.set_request_id(7);
        request.set_item_id(done.id.toStdString());
        m_service->handleDone(advisor, request);

        QCOMPARE(advisor.channel().lastSent(), quint64(0)); // no error
        const wire::InboxSnapshot snapshot = m_service->snapshot();
        QCOMPARE(snapshot.items_size(), 1);
        QCOMPARE(QString::fromStdString(snapshot.items(0).item_id()), kept.id);

        // P2: secure_delete overwrites the row, and the store truncates the WAL itself (issue 13): no
        // copy is left in either file without the test forcing a checkpoint.
        const QByteArray files = databaseFiles();
        QVERIFY(files.contains(kept.sealed));
        for (qsizetype offset = 0; offset + 16 <= done.sealed.size(); offset += 16)
            QVERIFY2(!files.contains(done.sealed.mid(offset, 16)), qPrintable(QString::number(offset)));
        QVERIFY(!files.contains(done.id.toUtf8()));
    }

    void markingAnUnknownMessageDoneIsNotFound()
    {
        QVERIFY(m_service->store(QStringLiteral("Erika"), QStringLiteral("+4930123456"), QStringLiteral("x")).ok());
        Session advisor(1, wire::CLIENT_KIND_ADVISOR, QStringLiteral("de"), QStringLiteral("test"),
                        QHostAddress(QHostAddress::LocalHost), {}, {}, 0);
        wire::MarkInboxItemDone request;
        request.set_request_id(9);
        request.set_item_id("no-such-message");
        m_service->handleDone(advisor, request);

        const auto sent = advisor.channel().replayAfter(0);
        QVERIFY(sent);
        QCOMPARE(sent->size(), 1);
        const auto decoded = protocol::decode(sent->first());
        QVERIFY(std::holds_alternative<wire::Envelope>(decoded));
        const wire::Envelope &envelope = std::get<wire::Envelope>(decoded);
        QVERIFY(envelope.has_error());
        QCOMPARE(envelope.error().code(), wire::ERROR_NOT_FOUND);
        QCOMPARE(envelope.error().request_id(), 9u);
        QCOMPARE(m_service->snapshot().items_size(), 1);
    }

    void messagesPastTheRetentionPeriodArePurged_data()
    {
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<bool>("kept");
        QTest::newRow("just received") << qint64(0) << true;
        QTest::newRow("13 days") << 13 * kDayMs << true;
        QTest::newRow("exactly 14 days") << kRetentionDays * kDayMs << true;
        QTest::newRow("14 days and 1 ms") << kRetentionDays * kDayMs + 1 << false;
        QTest::newRow("15 days") << 15 * kDayMs << false;
        QTest::newRow("a year") << 365 * kDayMs << false;
    }

    void messagesPastTheRetentionPeriodArePurged()
    {
        QFETCH(qint64, ageMs);
        QFETCH(bool, kept);
        // One message of the age under test and one received now, which always stays.
        QVERIFY(m_service->store(QStringLiteral("old"), QStringLiteral("+4930123456"), QStringLiteral("old")).ok());
        m_clock->advance(std::chrono::milliseconds(ageMs));
        QVERIFY(m_service->store(QStringLiteral("new"), QStringLiteral("+4930123456"), QStringLiteral("new")).ok());

        // Through the one retention policy the server and "consult-server purge" apply.
        RetentionPeriods periods;
        periods.inboxDays = kRetentionDays;
        const auto purged = RetentionPolicy(*m_database, *m_clock, periods).apply();
        QVERIFY(purged.ok());
        QCOMPARE(purged->inboxMessageIds.size(), qsizetype(kept ? 0 : 1));
        m_service->announcePurged(purged->inboxMessageIds);
        QStringList names;
        const wire::InboxSnapshot snapshot = m_service->snapshot();
        for (const wire::InboxItem &item : snapshot.items())
            names.append(QString::fromStdString(item.name()));
        names.sort(); // rows received in the same millisecond have no defined order
        const QStringList expected =
            kept ? QStringList{QStringLiteral("new"), QStringLiteral("old")} : QStringList{QStringLiteral("new")};
        QCOMPARE(names, expected);
    }

    void theInboxRefusesMessagesBeyondItsCapUntilOneIsDone()
    {
        // I9, S3: a global cap, counted in the database, so no number of addresses fills the disk or
        // makes the advisors' log-in snapshot unbounded.
        InboxLimits limits;
        limits.maxItems = 3;
        InboxService capped(*m_store, *m_cipher, *m_roster, *m_clock, kRetentionDays, limits);
        for (int i = 0; i < 3; ++i)
            QVERIFY(capped.store(QStringLiteral("Erika"), QStringLiteral("+4930123456"), QString::number(i)).ok());
        QTest::ignoreMessage(QtWarningMsg, "the inbox is full at 3 messages; a message was refused");
        const auto refused = capped.store(QStringLiteral("Max"), QStringLiteral("+4989765432"), canary("refused"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.problem().code, QString::fromLatin1(InboxService::kFullCode));
        QCOMPARE(m_store->count().value(), 3);
        QCOMPARE(capped.snapshot().items_size(), 3);

        // Another service on the same database counts the same rows: the count is the database's.
        QTest::ignoreMessage(QtWarningMsg, "the inbox is full at 3 messages; a message was refused");
        InboxService second(*m_store, *m_cipher, *m_roster, *m_clock, kRetentionDays, limits);
        QVERIFY(!second.store(QStringLiteral("Max"), QStringLiteral("+4989765432"), QStringLiteral("x")).ok());

        Session advisor(1, wire::CLIENT_KIND_ADVISOR, QStringLiteral("de"), QStringLiteral("test"),
                        QHostAddress(QHostAddress::LocalHost), {}, {}, 0);
        wire::MarkInboxItemDone done;
        done.set_item_id(capped.snapshot().items(0).item_id());
        capped.handleDone(advisor, done);
        QVERIFY(capped.store(QStringLiteral("Max"), QStringLiteral("+4989765432"), QStringLiteral("y")).ok());
        QCOMPARE(m_store->count().value(), 3);
    }

private:
    QString databasePath() const { return m_directory->filePath(QStringLiteral("consult.sqlite")); }

    // The raw bytes of the database and its write-ahead log.
    QByteArray databaseFiles() const
    {
        return readAll(databasePath()) + readAll(databasePath() + QStringLiteral("-wal")) +
               readAll(databasePath() + QStringLiteral("-journal"));
    }

    // Moves everything from the WAL into the database file and empties the WAL; false when busy.
    bool checkpoint()
    {
        auto result = m_database->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        return result.ok() && result.value().next() && result.value().value(0).toInt() == 0;
    }

    NoSessions m_host;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AtRestCipher> m_cipher;
    std::unique_ptr<SessionRegistry> m_registry;
    std::unique_ptr<AdvisorRoster> m_roster;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<InboxService> m_service;
};

QTEST_GUILESS_MAIN(TestInboxAtRest)
#include "TestInboxAtRest.moc"
