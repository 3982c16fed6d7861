#include "ServerMetrics.h"

#include "app/ServerCore.h"
#include "core/Clock.h"
#include "net/Listener.h"

namespace consult {

namespace {

using Labels = QList<QPair<QByteArray, QByteArray>>;

MetricSample sample(Labels labels, double value)
{
    return MetricSample{std::move(labels), value};
}

Labels label(const char *name, const char *value)
{
    return Labels{{QByteArray(name), QByteArray(value)}};
}

double number(quint64 value)
{
    return static_cast<double>(value);
}

} // namespace

ServerMetrics::ServerMetrics(ServerCore &core, const Listener &listener, const Clock &clock)
{
    // Every reader below only reads (the core's accessors are not const).
    MetricsRegistry &r = m_registry;

    r.addGauge("consult_connections", "Open client connections by role (none: before Hello, or closing).", [&core] {
        const SessionRegistry::OpenConnections open = core.registry().openConnections();
        return std::vector<MetricSample>{sample(label("role", "customer"), open.customers),
                                         sample(label("role", "advisor"), open.advisors),
                                         sample(label("role", "none"), open.beforeHello)};
    });
    r.addGauge("consult_sessions", "Sessions, connected or waiting for a resume.",
               [&core] { return double(core.registry().sessionCount()); });
    r.addGauge("consult_customers_waiting", "Customers waiting in the queue, by the mode they asked for.", [&core] {
        const QueueService::Waiting waiting = core.queue().waiting();
        return std::vector<MetricSample>{sample(label("mode", "chat"), waiting.chat),
                                         sample(label("mode", "video"), waiting.video)};
    });
    r.addGauge("consult_queue_longest_wait_seconds", "How long the customer at the head of the queue has waited.",
               [&core, &clock] {
                   const qint64 since = core.queue().oldestEnqueuedAtMs();
                   return since > 0 ? double(qMax<qint64>(0, clock.nowMs() - since)) / 1000.0 : 0.0;
               });
    r.addHistogram("consult_queue_wait_seconds", "How long customers waited before an advisor took them.",
                   core.consultationTally().waits());
    r.addGauge("consult_consultations", "Consultations running now, by mode.", [&core] {
        const ConsultationTally::ByMode &running = core.consultationTally().running();
        return std::vector<MetricSample>{sample(label("mode", "chat"), number(running.chat)),
                                         sample(label("mode", "video"), number(running.video))};
    });
    r.addCounter("consult_consultations_started_total", "Consultations started, by mode.", [&core] {
        const ConsultationTally::ByMode &started = core.consultationTally().started();
        return std::vector<MetricSample>{sample(label("mode", "chat"), number(started.chat)),
                                         sample(label("mode", "video"), number(started.video))};
    });
    r.addCounter("consult_relayed_packets_total", "Chat lines and media packets relayed to the other participant.",
                 [&core] {
                     return std::vector<MetricSample>{
                         sample(label("kind", "chat"), number(core.chat().relayedLines())),
                         sample(label("kind", "audio"), number(core.media().audioTally().relayedPackets)),
                         sample(label("kind", "video"), number(core.media().videoTally().relayedPackets))};
                 });
    r.addCounter("consult_relayed_bytes_total", "Payload bytes relayed: chat text (UTF-8) and media.", [&core] {
        return std::vector<MetricSample>{
            sample(label("kind", "chat"), number(core.chat().relayedBytes())),
            sample(label("kind", "audio"), number(core.media().audioTally().relayedBytes)),
            sample(label("kind", "video"), number(core.media().videoTally().relayedBytes))};
    });
    r.addCounter("consult_media_dropped_packets_total",
                 "Media packets the relay dropped: stale (past the deadline), queue_full (over the receiver's "
                 "bound) or no_receiver (the peer away).",
                 [&core] {
                     std::vector<MetricSample> samples;
                     const std::pair<const char *, const MediaRelay::Tally *> kinds[] = {
                         {"audio", &core.media().audioTally()}, {"video", &core.media().videoTally()}};
                     for (const auto &[kind, tally] : kinds) {
                         const std::pair<const char *, quint64> reasons[] = {{"stale", tally->droppedStale},
                                                                             {"queue_full", tally->droppedQueueFull},
                                                                             {"no_receiver", tally->droppedNoReceiver}};
                         for (const auto &[reason, count] : reasons)
                             samples.push_back(sample(Labels{{"kind", kind}, {"reason", reason}}, number(count)));
                     }
                     return samples;
                 });
    r.addCounter("consult_connections_closed_slow_reader_total",
                 "Connections closed because the peer did not read what was sent (I1).",
                 [&core] { return double(core.registry().closedForNotReading()); });
    r.addCounter("consult_advisor_login_refusals_total",
                 "Refused advisor log-ins: failed (wrong credentials), throttled (A2), outside_networks.", [&core] {
                     const AdvisorDesk::LoginRefusals &refused = core.advisorDesk().loginRefusals();
                     return std::vector<MetricSample>{
                         sample(label("reason", "failed"), number(refused.failed)),
                         sample(label("reason", "throttled"), number(refused.throttled)),
                         sample(label("reason", "outside_networks"), number(refused.outsideNetworks))};
                 });
    r.addCounter(
        "consult_rate_limit_hits_total", "Requests refused or dropped by a rate limit, by the limit.", [&core] {
            return std::vector<MetricSample>{
                sample(label("limit", "chat"), number(core.chatOverRate())),
                sample(label("limit", "control"), number(core.controlOverRate())),
                sample(label("limit", "envelopes"), number(core.registry().envelopesOverRate())),
                sample(label("limit", "queue_entries_per_address"), number(core.customerDesk().entriesOverLimit())),
                sample(label("limit", "messages_per_address"), number(core.customerDesk().messagesOverLimit())),
                sample(label("limit", "link_tests_per_address"), number(core.linkTests().overAddressLimit())),
                sample(label("limit", "whiteboard_operations"), number(core.whiteboard().operationsOverRate())),
                sample(label("limit", "media_uplink"),
                       number(core.media().audioTally().overUplinkRate + core.media().videoTally().overUplinkRate))};
        });
    r.addCounter("consult_handshake_refusals_total",
                 "Connections refused before a session: over_rate (R4), address_full, server_full (I6), "
                 "no_client_hello, handshake_failed (TLS, Origin or upgrade).",
                 [&listener] {
                     const Listener::Refusals &refused = listener.refusals();
                     return std::vector<MetricSample>{
                         sample(label("reason", "over_rate"), number(refused.overRate)),
                         sample(label("reason", "address_full"), number(refused.addressFull)),
                         sample(label("reason", "server_full"), number(refused.serverFull)),
                         sample(label("reason", "no_client_hello"), number(refused.noClientHello)),
                         sample(label("reason", "handshake_failed"), number(refused.handshakeFailed))};
                 });
    r.addHistogram("consult_event_loop_lag_seconds",
                   "How late the event loop ran the lag probe's timer: time a readable socket waits too.", m_loopLag);
}

} // namespace consult
