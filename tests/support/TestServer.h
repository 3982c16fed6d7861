#pragma once

#include "app/ServerCore.h"
#include "client/ServerEndpoint.h"
#include "config/ServerConfig.h"
#include "net/Listener.h"
#include "storage/AtRestCipher.h"
#include "storage/Database.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace consult::testing {

// The test PKI made by tests/support/make-test-pki.sh ($CONSULT_TEST_PKI).
QString testPkiPath(const QString &file);

// A real relay server in the test's process: real TLS with the test PKI on an ephemeral loopback
// port, real SQLite in a temporary directory, real Argon2id. Configuration starts from the defaults
// with limits opened up for tests; `configure` adjusts it before the server is built.
class TestServer
{
public:
    explicit TestServer(const std::function<void(ServerConfig &)> &configure = {},
                        std::optional<OpeningHours> hours = std::nullopt, const Clock *clock = nullptr);
    ~TestServer();

    // Builds everything and listens. Fails the calling test (QVERIFY) on error.
    bool start();

    quint16 port() const;
    ServerEndpoint endpoint() const;
    // The endpoint with another port (e.g. a proxy in front of the server).
    ServerEndpoint endpointAt(quint16 port) const;

    ServerCore &core() { return *m_core; }
    Database &database() { return *m_database; }
    Listener &listener() { return *m_listener; }
    const ServerConfig &config() const { return m_config; }
    QString dataDirectory() const { return m_directory.path(); }
    QList<AccessEvent> accessEvents() const { return m_accessEvents; }

    // Creates an advisor account directly in the database.
    void addAdvisor(const QString &username, const QString &displayName, const QString &password, int capacity = 3);

private:
    QTemporaryDir m_directory;
    ServerConfig m_config;
    std::optional<OpeningHours> m_hours;
    const Clock *m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AtRestCipher> m_cipher;
    std::unique_ptr<ServerCore> m_core;
    std::unique_ptr<Listener> m_listener;
    QList<AccessEvent> m_accessEvents;
};

} // namespace consult::testing
