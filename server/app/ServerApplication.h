#pragma once

#include "config/ServerConfig.h"
#include "core/Result.h"
#include "queue/OpeningHours.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QSocketNotifier;

namespace consult {

class AccessLog;
class AtRestCipher;
class Clock;
class Database;
class Listener;
class LoopLagProbe;
class LoopOverload;
class MonitoringServer;
class RetentionPolicy;
class ServerCore;
class ServerMetrics;

// The running server process: start-up in the order that fails closed (credentials, TLS profile,
// TLS self-test T9, storage, purges P2 and the retention policy), the listener, the monitoring port,
// and the graceful stop on SIGTERM/SIGINT (R2). main() owns one.
class ServerApplication final : public QObject
{
    Q_OBJECT
public:
    explicit ServerApplication(ServerConfig config, QObject *parent = nullptr);
    ~ServerApplication() override;

    // Everything up to listening. A Problem means the server must not run.
    Status start();
    quint16 port() const;
    // The monitoring port ([monitoring]), 0 when off.
    quint16 monitoringPort() const;

    // The opening hours the configuration describes (an empty schedule means around the clock).
    static Result<OpeningHours> openingHours(const ServerConfig &config);

    // P1: a core dump would be a recording of whatever was in memory.
    static void disableCoreDumps();

private:
    // Creates the key directory and moves a key left in the data directory by older versions.
    Status placeInboxKey() const;
    void installSignalHandlers();
    void stop();
    void logLatencies(const char *period);
    // The retention policy now; the advisors hear of the messages it deleted.
    void applyRetention();
    Status startMonitoring(const Clock &clock);
    // Why /healthz says 503, or nothing when the server is ready and its database answers.
    std::optional<QString> healthProblem() const;

    ServerConfig m_config;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AtRestCipher> m_cipher;
    std::unique_ptr<ServerCore> m_core;
    std::unique_ptr<AccessLog> m_accessLog;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<LoopLagProbe> m_loopLagProbe;
    std::unique_ptr<LoopOverload> m_loopOverload; // the link test's overload check (S11)
    std::unique_ptr<RetentionPolicy> m_retention;
    std::unique_ptr<ServerMetrics> m_metrics;
    std::unique_ptr<MonitoringServer> m_monitoring; // /healthz and /metrics ([monitoring])
    QTimer *m_retentionTimer = nullptr;
    QTimer *m_latencyReport = nullptr;
    QSocketNotifier *m_signalNotifier = nullptr;
    bool m_stopping = false;
};

} // namespace consult
