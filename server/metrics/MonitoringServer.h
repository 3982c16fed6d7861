#pragma once

#include "core/Result.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QHttpServer;

namespace consult {

// The operators' monitoring port (issue 14): plain HTTP, loopback by default, apart from the
// clients' TLS listener (T10 holds for that one; this port carries no client and no content).
//   GET /healthz  200 "ok", or 503 and one line saying why (not ready, database not answering)
//   GET /metrics  the Prometheus text format 0.0.4
// Anything else is 404. Both run on the relay's event loop, so each must stay cheap: the health
// check is one trivial query, the metrics one pass over counters the units keep anyway.
class MonitoringServer final : public QObject
{
    Q_OBJECT
public:
    // The reason the server is not healthy, or nothing when it is.
    using HealthCheck = std::function<std::optional<QString>()>;
    using MetricsText = std::function<QByteArray()>;

    MonitoringServer(HealthCheck health, MetricsText metrics, QObject *parent = nullptr);
    ~MonitoringServer() override;

    Status listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_port; }

private:
    HealthCheck m_health;
    MetricsText m_metrics;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
};

} // namespace consult
