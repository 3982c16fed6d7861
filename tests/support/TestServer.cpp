#include "TestServer.h"

#include "accounts/PasswordHasher.h"
#include "core/Clock.h"
#include "tls/ProcessTlsPolicy.h"
#include "tls/ServerCredentials.h"
#include "tls/TlsProfile.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace consult::testing {

QString testPkiPath(const QString &file)
{
    return QDir(qEnvironmentVariable("CONSULT_TEST_PKI")).filePath(file);
}

TestServer::TestServer(const std::function<void(ServerConfig &)> &configure, std::optional<OpeningHours> hours,
                       const Clock *clock)
    : m_hours(std::move(hours))
    , m_clock(clock ? clock : &SystemClock::instance())
{
    // T8 as in the real server; effective when this is the process's first use of OpenSSL.
    tls::applyProcessTlsPolicy();
    m_config.port = 0;
    m_config.certificateChainPath = testPkiPath(QStringLiteral("server.pem"));
    m_config.privateKeyPath = testPkiPath(QStringLiteral("server.key"));
    m_config.dataDirectory = m_directory.path();
    // Tests come from one address and in numbers; the per-address limits have their own tests.
    m_config.maxConnectionsPerAddress = 10'000;
    m_config.handshakesPerAddress = 1'000'000;
    m_config.entriesPerAddress = 10'000;
    m_config.messagesPerAddress = 10'000;
    if (configure)
        configure(m_config);
}

TestServer::~TestServer()
{
    m_listener.reset();
    m_core.reset();
}

bool TestServer::start()
{
    auto credentials = tls::loadServerCredentials(m_config.certificateChainPath, m_config.privateKeyPath);
    if (!credentials) {
        qWarning() << credentials.problem().message;
        return false;
    }
    auto database = Database::openSqlite(m_config.databasePath());
    if (!database) {
        qWarning() << database.problem().message;
        return false;
    }
    m_database = std::move(database).value();
    auto cipher = AtRestCipher::openOrCreateKeyFile(m_config.inboxKeyPath());
    if (!cipher) {
        qWarning() << cipher.problem().message;
        return false;
    }
    m_cipher = std::make_unique<AtRestCipher>(std::move(cipher).value());
    auto notices = NoticeCatalog::load();
    if (!notices) {
        qWarning() << notices.problem().message;
        return false;
    }
    auto forms = FormLibrary::load(m_config.formsDirectory);
    if (!forms) {
        qWarning() << forms.problem().message;
        return false;
    }
    m_core =
        std::make_unique<ServerCore>(m_config, ServerCore::Dependencies{*m_database,
                                                                        *m_cipher,
                                                                        std::move(notices).value(),
                                                                        m_hours ? *m_hours : OpeningHours::alwaysOpen(),
                                                                        *m_clock,
                                                                        {},
                                                                        std::move(forms).value()});
    Listener::Settings settings;
    settings.maxConnectionsPerAddress = m_config.maxConnectionsPerAddress;
    settings.maxConnections = m_config.maxConnections;
    settings.maxPendingHandshakes = m_config.maxPendingHandshakes;
    settings.handshakeTimeoutMs = m_config.handshakeTimeoutMs;
    settings.clientHelloTimeoutMs = m_config.clientHelloTimeoutMs;
    settings.handshakesPerAddress = m_config.handshakesPerAddress;
    settings.handshakeWindowMs = m_config.handshakeWindowSeconds * 1000;
    settings.maxFrameBytes = m_config.maxMessageBytes;
    settings.maxMessageBytes = m_config.maxMessageBytes;
    settings.allowedOrigins = m_config.allowedOrigins;
    settings.trustedProxies = m_config.trustedProxies;
    m_listener = std::make_unique<Listener>(
        settings, tls::serverConfiguration(credentials.value().chain, credentials.value().privateKey),
        m_core->registry());
    QObject::connect(m_listener.get(), &Listener::accessRecorded,
                     [this](const AccessEvent &event) { m_accessEvents.append(event); });
    QObject::connect(&m_core->registry(), &SessionRegistry::accessRecorded,
                     [this](const AccessEvent &event) { m_accessEvents.append(event); });
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

quint16 TestServer::port() const
{
    return m_listener->serverPort();
}

ServerEndpoint TestServer::endpoint() const
{
    return endpointAt(port());
}

ServerEndpoint TestServer::endpointAt(quint16 port) const
{
    ServerEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("wss://localhost:%1/consult").arg(port));
    QFile pin(testPkiPath(QStringLiteral("server.pin")));
    if (pin.open(QIODevice::ReadOnly))
        endpoint.pins = {pin.readAll().trimmed()};
    endpoint.extraCaCertificates = QSslCertificate::fromPath(testPkiPath(QStringLiteral("ca.pem")));
    return endpoint;
}

void TestServer::addAdvisor(const QString &username, const QString &displayName, const QString &password, int capacity)
{
    const auto hash = PasswordHasher().hash(password);
    QVERIFY(hash.ok());
    const auto created = m_core->advisorStore().create(username, displayName, hash.value(), capacity,
                                                       QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.problem().message));
}

} // namespace consult::testing
