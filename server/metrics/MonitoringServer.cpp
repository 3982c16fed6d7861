#include "MonitoringServer.h"

#include <QHttpServer>
#include <QHttpServerResponse>

namespace consult {

MonitoringServer::MonitoringServer(HealthCheck health, MetricsText metrics, QObject *parent)
    : QObject(parent)
    , m_health(std::move(health))
    , m_metrics(std::move(metrics))
    , m_http(std::make_unique<QHttpServer>())
{
    m_http->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [this] {
        const std::optional<QString> problem = m_health();
        QHttpServerResponse response(QByteArrayLiteral("text/plain; charset=utf-8"),
                                     problem ? QByteArray(problem->toUtf8() + '\n') : QByteArrayLiteral("ok\n"),
                                     problem ? QHttpServerResponder::StatusCode::ServiceUnavailable
                                             : QHttpServerResponder::StatusCode::Ok);
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return response;
    });
    m_http->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get, [this] {
        QHttpServerResponse response(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"), m_metrics());
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return response;
    });
}

MonitoringServer::~MonitoringServer() = default;

Status MonitoringServer::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_http->listen(address, port);
    if (m_port == 0)
        return Status::failure(
            QStringLiteral("monitoring_listen"),
            QStringLiteral("cannot listen for monitoring on %1:%2").arg(address.toString()).arg(port));
    return success();
}

} // namespace consult
