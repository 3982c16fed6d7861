// Issue 13, item 1: every per-address limit counts an IPv6 client by its /64, as the log-in throttle
// already did: the address group itself, and the customer desk's queue entries through the server's
// dispatch with sessions from several addresses of one /64 (a loopback test cannot have those).
#include "app/ServerCore.h"
#include "core/Clock.h"
#include "net/AddressGroup.h"
#include "protocol/EnvelopeCodec.h"
#include "session/Session.h"
#include "storage/AtRestCipher.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace consult;

class TestAddressGroups final : public QObject
{
    Q_OBJECT
private slots:
    void anIpv6AddressCountsByItsSlash64_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("group");
        QTest::newRow("IPv4") << "192.0.2.7"
                              << "192.0.2.7";
        QTest::newRow("IPv4-mapped IPv6") << "::ffff:192.0.2.7"
                                          << "192.0.2.7";
        QTest::newRow("IPv6") << "2001:db8:1:2:aaaa:bbbb:cccc:dddd"
                              << "2001:db8:1:2::/64";
        QTest::newRow("another address of the /64") << "2001:db8:1:2::1"
                                                    << "2001:db8:1:2::/64";
        QTest::newRow("the next /64") << "2001:db8:1:3::1"
                                      << "2001:db8:1:3::/64";
        QTest::newRow("loopback") << "::1"
                                  << "::/64";
    }

    void anIpv6AddressCountsByItsSlash64()
    {
        QFETCH(QString, address);
        QFETCH(QString, group);
        QCOMPARE(addressGroup(QHostAddress(address)), group);
    }

    void queueEntriesFromOneSlash64CountTogether()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        ServerConfig config;
        config.dataDirectory = directory.path();
        config.entriesPerAddress = 2; // per window
        auto database = Database::openSqlite(config.databasePath());
        QVERIFY(database.ok());
        auto cipher = AtRestCipher::openOrCreateKeyFile(config.inboxKeyPath());
        QVERIFY(cipher.ok());
        auto notices = NoticeCatalog::load();
        QVERIFY(notices.ok());
        ServerCore core(config, ServerCore::Dependencies{*database.value(),
                                                         cipher.value(),
                                                         std::move(notices).value(),
                                                         OpeningHours::alwaysOpen(),
                                                         SystemClock::instance(),
                                                         {1, 8}});

        std::vector<std::unique_ptr<Session>> sessions;
        // The answer to a customer's log-in from `address`: accepted (queued), or the error's code.
        const auto logIn = [&](const QString &address) {
            sessions.push_back(std::make_unique<Session>(quint64(sessions.size() + 1), wire::CLIENT_KIND_CUSTOMER,
                                                         QStringLiteral("de"), QStringLiteral("test"),
                                                         QHostAddress(address), ReliableChannel::Limits{},
                                                         Session::RateLimits{}, SystemClock::instance().monotonicUs()));
            Session &session = *sessions.back();
            wire::Envelope envelope;
            wire::CustomerLogin *login = envelope.mutable_customer_login();
            login->set_request_id(1);
            login->set_name("Erika Muster");
            login->set_phone("030 1234567");
            login->set_mode(wire::CONSULTATION_MODE_CHAT);
            for (const wire::Notice &notice : core.notices().notices(QStringLiteral("de"))) {
                wire::NoticeAcceptance *accepted = login->add_accepted_notices();
                accepted->set_kind(notice.kind());
                accepted->set_version(notice.version());
            }
            core.handleEnvelope(session, envelope);
            const auto sent = session.channel().replayAfter(0);
            if (!sent || sent->isEmpty())
                return QStringLiteral("nothing");
            for (const QByteArray &bytes : *sent) {
                const auto decoded = protocol::decode(bytes);
                const auto *reply = std::get_if<wire::Envelope>(&decoded);
                if (reply && (reply->has_customer_login_accepted() || reply->has_queue_status()))
                    return QStringLiteral("queued");
                if (reply && reply->has_error())
                    return QString::fromStdString(wire::ErrorCode_Name(reply->error().code()));
            }
            return QStringLiteral("other");
        };
        QCOMPARE(logIn(QStringLiteral("2001:db8:1:2::1")), QStringLiteral("queued"));
        QCOMPARE(logIn(QStringLiteral("2001:db8:1:2::2")), QStringLiteral("queued"));
        // A third address of the same /64 is the same client to the limit.
        QCOMPARE(logIn(QStringLiteral("2001:db8:1:2:ffff::3")), QStringLiteral("ERROR_RATE_LIMITED"));
        // Another /64 and an IPv4 client have their own.
        QCOMPARE(logIn(QStringLiteral("2001:db8:1:3::1")), QStringLiteral("queued"));
        QCOMPARE(logIn(QStringLiteral("192.0.2.7")), QStringLiteral("queued"));
        for (const auto &session : sessions) {
            session->setStage(Session::Stage::Closing);
            core.sessionEnding(*session);
        }
    }
};

QTEST_GUILESS_MAIN(TestAddressGroups)
#include "TestAddressGroups.moc"
