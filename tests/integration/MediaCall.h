#pragma once

// A video consultation through a real server, with a MediaSession on each side: the fixture of the
// media tests (test_media_relay, test_media_end_to_end).
#include "client/MediaSession.h"
#include "core/Clock.h"
#include "support/LinkEmulator.h"
#include "support/TestClients.h"
#include "support/TestServer.h"

#include <QTest>

#include <functional>
#include <memory>

namespace consult::testing {

inline const QString kMediaCallPassword = QStringLiteral("correct horse battery staple");

struct MediaCall
{
    std::unique_ptr<TestServer> server;
    std::unique_ptr<AdvisorClient> advisor;
    std::unique_ptr<CustomerClient> customer;
    std::unique_ptr<MediaSession> customerMedia;
    std::unique_ptr<MediaSession> advisorMedia;
    QString id;
    MediaSession::Settings sessionSettings; // for both sides; set before start()

    // A video consultation; the customer connects through `customerPort` (a link emulator) if given.
    bool start(const std::function<void(ServerConfig &)> &configure = {}, LinkEmulator::Direction up = {},
               LinkEmulator::Direction down = {}, std::unique_ptr<LinkEmulator> *link = nullptr)
    {
        server = std::make_unique<TestServer>(configure);
        if (!server->start())
            return false;
        server->addAdvisor(QStringLiteral("anna"), QStringLiteral("Anna Berger"), kMediaCallPassword, 2);
        advisor = makeAdvisor();
        advisor->loginWithPassword(server->endpoint(), QStringLiteral("anna"), kMediaCallPassword);
        if (!QTest::qWaitFor([&] { return advisor->phase() == AdvisorClient::Phase::Ready; }, 10000))
            return false;
        ServerEndpoint endpoint = server->endpoint();
        if (link) {
            *link = std::make_unique<LinkEmulator>(server->port(), up, down);
            endpoint = server->endpointAt((*link)->port());
        }
        customer = makeCustomer();
        customer->start(endpoint);
        if (!QTest::qWaitFor([&] { return customer->phase() == CustomerClient::Phase::ReadingNotices; }, 10000))
            return false;
        customer->login(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"),
                        wire::CONSULTATION_MODE_VIDEO);
        if (!QTest::qWaitFor([&] { return customer->phase() == CustomerClient::Phase::Waiting; }, 10000))
            return false;
        advisor->takeNext();
        if (!QTest::qWaitFor([&] { return customer->phase() == CustomerClient::Phase::Consulting; }, 10000))
            return false;
        id = customer->consultationId();
        customerMedia =
            std::make_unique<MediaSession>(customer->connection(), SystemClock::instance(), id, sessionSettings);
        advisorMedia =
            std::make_unique<MediaSession>(advisor->connection(), SystemClock::instance(), id, sessionSettings);
        return true;
    }
};

} // namespace consult::testing
