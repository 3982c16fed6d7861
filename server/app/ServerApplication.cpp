#include "ServerApplication.h"

#include "ServerCore.h"
#include "accesslog/AccessLog.h"
#include "core/Clock.h"
#include "diagnostics/LoopLagProbe.h"
#include "diagnostics/LoopOverload.h"
#include "media/MediaRelay.h"
#include "metrics/MonitoringServer.h"
#include "metrics/ServerMetrics.h"
#include "net/Listener.h"
#include "retention/RetentionPolicy.h"
#include "storage/AtRestCipher.h"
#include "storage/Database.h"
#include "tls/ServerCredentials.h"
#include "tls/TlsProfile.h"
#include "tls/TlsSelfTest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace consult {

Q_LOGGING_CATEGORY(lcServer, "consult.server")

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: the event loop picks the byte up.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// The loop-lag probe's interval when the diagnostics do not ask for one: enough samples for the
// link test's overload window (LoopOverload), few wake-ups for an idle server.
constexpr int kOverloadProbeMs = 100;

} // namespace

ServerApplication::ServerApplication(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

ServerApplication::~ServerApplication()
{
    m_monitoring.reset(); // reads the metrics, which read the core and the listener
    m_metrics.reset();
    m_listener.reset();
    m_core.reset();
    m_accessLog.reset();
}

void ServerApplication::disableCoreDumps()
{
    const rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

Status ServerApplication::placeInboxKey() const
{
    // The key apart from the data (R-at-rest): a backup or copy of the data directory then holds
    // only ciphertext. Servers set up before key_directory kept the key inside the data directory;
    // it is moved, not replaced, since a new key would make every stored message unreadable.
    const QString keyPath = m_config.inboxKeyPath();
    const QString keyDirectory = QFileInfo(keyPath).absolutePath();
    if (!QDir().mkpath(keyDirectory))
        return Status::failure(QStringLiteral("key_directory"), QStringLiteral("cannot create %1").arg(keyDirectory));
    QFile::setPermissions(keyDirectory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString legacy = m_config.legacyInboxKeyPath();
    if (!QFileInfo::exists(keyPath) && QFileInfo::exists(legacy) &&
        QFileInfo(legacy).absoluteFilePath() != QFileInfo(keyPath).absoluteFilePath()) {
        if (!QFile::rename(legacy, keyPath))
            return Status::failure(
                QStringLiteral("inbox_key_move"),
                QStringLiteral("the inbox key is still in the data directory (%1) and cannot be moved to %2; "
                               "move it there by hand (mode 0600), or set storage/key_directory to where it is")
                    .arg(legacy, keyPath));
        qCInfo(lcServer).noquote() << "moved the inbox key out of the data directory to" << keyPath
                                   << "(a backup of the data directory no longer holds it)";
    }
    const QString data = QDir(m_config.dataDirectory).absolutePath() + u'/';
    if (QFileInfo(keyPath).absoluteFilePath().startsWith(data))
        qCWarning(lcServer).noquote() << "the inbox key" << keyPath
                                      << "lies inside the data directory: a backup of that directory holds the key "
                                         "with the messages it protects; set storage/key_directory elsewhere";
    return success();
}

Status ServerApplication::start()
{
    disableCoreDumps();

    auto credentials = tls::loadServerCredentials(m_config.certificateChainPath, m_config.privateKeyPath);
    if (!credentials)
        return credentials.problem();
    const QSslConfiguration tlsConfiguration =
        tls::serverConfiguration(credentials.value().chain, credentials.value().privateKey);
    // T9: refuse to start if the TLS stack does not do what the profile says.
    if (auto selfTest = tls::runTlsSelfTest(tlsConfiguration); !selfTest)
        return Status::failure(QStringLiteral("tls_self_test"),
                               QStringLiteral("TLS self-test failed: %1").arg(selfTest.problem().message));

    if (!QDir().mkpath(m_config.dataDirectory))
        return Status::failure(QStringLiteral("data_directory"),
                               QStringLiteral("cannot create %1").arg(m_config.dataDirectory));
    QFile::setPermissions(m_config.dataDirectory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto database = Database::openSqlite(m_config.databasePath());
    if (!database)
        return database.problem();
    m_database = std::move(database).value();
    if (auto key = placeInboxKey(); !key)
        return key;
    auto cipher = AtRestCipher::openOrCreateKeyFile(m_config.inboxKeyPath());
    if (!cipher)
        return cipher.problem();
    m_cipher = std::make_unique<AtRestCipher>(std::move(cipher).value());
    auto notices = NoticeCatalog::load(m_config.noticesDirectory);
    if (!notices)
        return notices.problem();
    auto hours = ServerApplication::openingHours(m_config);
    if (!hours)
        return hours.problem();
    auto forms = FormLibrary::load(m_config.formsDirectory);
    if (!forms)
        return forms.problem();

    const Clock &clock = SystemClock::instance();
    m_core = std::make_unique<ServerCore>(m_config, ServerCore::Dependencies{*m_database,
                                                                             *m_cipher,
                                                                             std::move(notices).value(),
                                                                             std::move(hours).value(),
                                                                             clock,
                                                                             {},
                                                                             std::move(forms).value()});
    m_accessLog = std::make_unique<AccessLog>(*m_database, clock);

    // P2: the orphans of a crash are gone before anyone can connect.
    if (!m_core->documentVaultReady())
        return m_core->documentVaultReady().problem();

    // P5, P3 and the inbox promise: the retention policy at start-up and every hour while running,
    // the same one "consult-server purge" applies.
    m_retention = std::make_unique<RetentionPolicy>(*m_database, clock, RetentionPeriods::of(m_config));
    applyRetention();
    m_retentionTimer = new QTimer(this);
    connect(m_retentionTimer, &QTimer::timeout, this, &ServerApplication::applyRetention);
    m_retentionTimer->start(std::chrono::minutes(RetentionPolicy::kIntervalMinutes));

    Listener::Settings listenerSettings;
    listenerSettings.maxConnectionsPerAddress = m_config.maxConnectionsPerAddress;
    listenerSettings.maxConnections = m_config.maxConnections;
    listenerSettings.maxPendingHandshakes = m_config.maxPendingHandshakes;
    listenerSettings.handshakeTimeoutMs = m_config.handshakeTimeoutMs;
    listenerSettings.clientHelloTimeoutMs = m_config.clientHelloTimeoutMs;
    listenerSettings.handshakesPerAddress = m_config.handshakesPerAddress;
    listenerSettings.handshakeWindowMs = m_config.handshakeWindowSeconds * 1000;
    listenerSettings.maxFrameBytes = m_config.maxMessageBytes;
    listenerSettings.maxMessageBytes = m_config.maxMessageBytes;
    listenerSettings.allowedOrigins = m_config.allowedOrigins;
    listenerSettings.trustedProxies = m_config.trustedProxies;
    m_listener = std::make_unique<Listener>(listenerSettings, tlsConfiguration, m_core->registry());
    connect(m_listener.get(), &Listener::accessRecorded, m_accessLog.get(), &AccessLog::record);
    connect(&m_core->registry(), &SessionRegistry::accessRecorded, m_accessLog.get(), &AccessLog::record);
    if (!m_listener->listen(m_config.listenAddress, m_config.port))
        return Status::failure(QStringLiteral("listen"), QStringLiteral("cannot listen on %1:%2: %3")
                                                             .arg(m_config.listenAddress.toString())
                                                             .arg(m_config.port)
                                                             .arg(m_listener->errorString()));
    // S11: no connection check while the loop keeps falling behind. The probe runs for that whatever
    // the diagnostics say (a timer every 100 ms costs an idle server little); with [diagnostics]
    // loop_lag_probe_ms on it runs at that interval and its figures are logged too.
    m_loopLagProbe =
        std::make_unique<LoopLagProbe>(m_config.loopLagProbeMs > 0 ? m_config.loopLagProbeMs : kOverloadProbeMs, clock);
    m_loopOverload = std::make_unique<LoopOverload>(qint64(m_config.linkTestBusyLoopLagMs) * 1000,
                                                    qint64(m_config.linkTestBusyWindowMs) * 1000);
    connect(m_loopLagProbe.get(), &LoopLagProbe::sampled, this,
            [overload = m_loopOverload.get()](qint64 atUs, qint64 lateUs) { overload->add(atUs, lateUs); });
    m_core->linkTests().setOverloadCheck(
        [overload = m_loopOverload.get(), clock = &clock] { return overload->overloaded(clock->monotonicUs()); });
    if (auto monitoring = startMonitoring(clock); !monitoring)
        return monitoring;
    if (m_config.loopLagProbeMs > 0) {
        // Load measurements: the relay's hold times and the loop's lag, logged every 5 s.
        m_latencyReport = new QTimer(this);
        connect(m_latencyReport, &QTimer::timeout, this, [this] { logLatencies("last 5 s"); });
        m_latencyReport->start(5000);
    }
    installSignalHandlers();
    qCInfo(lcServer).noquote() << "listening on" << m_config.listenAddress.toString() + u':' + QString::number(port());
    return success();
}

void ServerApplication::applyRetention()
{
    const auto report = m_retention->apply(); // logs what it deleted, or why it could not
    if (report)
        m_core->inbox().announcePurged(report->inboxMessageIds);
}

Status ServerApplication::startMonitoring(const Clock &clock)
{
    if (!m_config.monitoringEnabled)
        return success();
    const QHostAddress address = m_config.monitoringAddress;
    if (!address.isLoopback()) {
        // Plain HTTP without authentication: only where the operators have said it is protected.
        if (!m_config.monitoringAllowNonLoopback)
            return Status::failure(
                QStringLiteral("monitoring_address"),
                QStringLiteral("monitoring/listen_address %1 is not a loopback address; the monitoring port is "
                               "plain HTTP without authentication, so set monitoring/allow_non_loopback = true "
                               "only where a firewall or a separate network keeps everyone else away")
                    .arg(address.toString()));
        qCWarning(lcServer).noquote() << "the monitoring port on" << address.toString()
                                      << "is plain HTTP without authentication: it must be protected (a firewall, "
                                         "or a network only the monitoring reaches)";
    }
    m_metrics = std::make_unique<ServerMetrics>(*m_core, *m_listener, clock);
    connect(m_loopLagProbe.get(), &LoopLagProbe::sampled, this,
            [metrics = m_metrics.get()](qint64, qint64 lateUs) { metrics->observeLoopLag(lateUs); });
    m_monitoring = std::make_unique<MonitoringServer>([this] { return healthProblem(); },
                                                      [metrics = m_metrics.get()] { return metrics->render(); });
    if (auto listening = m_monitoring->listen(address, m_config.monitoringPort); !listening)
        return listening;
    qCInfo(lcServer).noquote() << "monitoring on" << address.toString() + u':' + QString::number(m_monitoring->port())
                               << "(/healthz, /metrics)";
    return success();
}

std::optional<QString> ServerApplication::healthProblem() const
{
    if (m_stopping)
        return QStringLiteral("stopping");
    if (!m_listener || !m_listener->isListening())
        return QStringLiteral("not listening");
    // One trivial query: the database answers (a locked, vanished or full-of-errors file does not).
    if (auto answer = m_database->exec(QStringLiteral("SELECT 1")); !answer)
        return QStringLiteral("database not answering: %1").arg(answer.problem().message);
    return std::nullopt;
}

quint16 ServerApplication::monitoringPort() const
{
    return m_monitoring ? m_monitoring->port() : 0;
}

void ServerApplication::logLatencies(const char *period)
{
    if (!m_latencyReport || !m_loopLagProbe || !m_core)
        return;
    const LatencyHistogram &held = m_core->media().holdTimes();
    const LatencyHistogram &lag = m_loopLagProbe->lateness();
    qCInfo(lcServer,
           "latency, %s: %llu media packets relayed, waiting for the receiver's window p50 %lld us, p99 %lld us, "
           "max %lld us; event loop lag "
           "(probe every %d ms) p50 %lld us, p99 %lld us, max %lld us; %llu media packets dropped in all",
           period, static_cast<unsigned long long>(held.count()), static_cast<long long>(held.quantileUs(0.5)),
           static_cast<long long>(held.quantileUs(0.99)), static_cast<long long>(held.maxUs()),
           m_loopLagProbe->intervalMs(), static_cast<long long>(lag.quantileUs(0.5)),
           static_cast<long long>(lag.quantileUs(0.99)), static_cast<long long>(lag.maxUs()),
           static_cast<unsigned long long>(m_core->media().droppedPackets()));
    m_core->media().resetHoldTimes();
    m_loopLagProbe->reset();
}

Result<OpeningHours> ServerApplication::openingHours(const ServerConfig &config)
{
    // Without a weekly schedule the service is open around the clock, except on the closed dates.
    if (config.openingHours.isEmpty() && config.closedDates.isEmpty())
        return OpeningHours::alwaysOpen();
    QMap<QString, QString> week = config.openingHours;
    if (week.isEmpty()) {
        for (const char *day : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
            week.insert(QString::fromLatin1(day), QStringLiteral("00:00-24:00"));
    }
    return OpeningHours::parse(week, config.closedDates, config.timeZone);
}

quint16 ServerApplication::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void ServerApplication::installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    m_signalNotifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
        stop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

void ServerApplication::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcServer) << "stopping: ending every consultation";
    logLatencies("since the last report");
    m_listener->close();
    // R2: every client is told (SessionClosed, close 1001); consultations end, so nothing remains.
    m_core->shutdown();
    m_accessLog->flush();
    // Give the close frames a moment to leave, then quit.
    QTimer::singleShot(500, qApp, &QCoreApplication::quit);
}

} // namespace consult
