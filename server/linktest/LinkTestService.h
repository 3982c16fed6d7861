#pragma once

#include "consultation/ConsultationSubscriber.h"
#include "net/AddressRateTable.h"
#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>

namespace consult {

class Clock;
class Connection;
class Session;
class SessionRegistry;

// The server's half of the connection check in the customer's system check (seed 002: at least
// 1 Mbit/s down, 0.5 Mbit/s up, measured through the bank's relay): on a LinkTestRequest it sends
// the asked-for bytes of random data in LinkTestData chunks, in the bulk class of the connection's
// send scheduler (behind every audio, chat and video frame of that connection), then measures the
// client's upload from its first to its last chunk and answers with a LinkTestResult.
//
// S11, no amplifier: a test is bounded in bytes both ways and in time; a few tests per address and
// window (IPv6 by /64), a global cap on concurrent tests, and none while the server is overloaded.
// The data is random, unsequenced (never kept for replay, never replayed after a resume) and
// neither stored nor logged (P1). A test belongs to one connection: it is abandoned when the
// connection goes. Owned by the ServerCore; main thread only.
class LinkTestService final : public QObject, public ConsultationSubscriber
{
    Q_OBJECT
public:
    struct Settings
    {
        quint32 maxDownloadBytes = 512 * 1024; // [linktest] max_download_bytes
        quint32 maxUploadBytes = 256 * 1024;   // [linktest] max_upload_bytes
        int chunkBytes = 16 * 1024;            // per LinkTestData
        int timeLimitMs = 10'000;              // [linktest] time_limit_ms: the whole test
        int testsPerAddress = 6;               // [linktest] tests_per_address, per window (S11)
        int windowMinutes = 60;                // [linktest] window_minutes
        int maxConcurrent = 32;                // [linktest] max_concurrent, all addresses together
    };

    // The bulk stream the download uses on its connection.
    static constexpr quint32 kBulkStream = 0x4c54; // "LT"

    LinkTestService(Settings settings, SessionRegistry &registry, const Clock &clock, QObject *parent = nullptr);
    ~LinkTestService() override;

    // Whether the server is too busy for a test right now (e.g. the event loop lags); none by default.
    void setOverloadCheck(std::function<bool()> overloaded) { m_overloaded = std::move(overloaded); }

    // Handlers (the authorisation table lets only a customer before its consultation through).
    void handleRequest(Session &session, const wire::LinkTestRequest &request);
    void handleData(Session &session, const wire::LinkTestData &data);
    // The session's connection is gone (suspended or ending): its test is abandoned.
    void sessionGone(const Session &session);
    // The customer was taken: the consultation comes first, a test still running is abandoned (its
    // download stops; upload chunks still on their way are dropped, ServerCore::handleEnvelope).
    void consultationStarted(const ConsultationRecord &consultation) override;

    int running() const { return static_cast<int>(m_tests.size()); }
    // S11: connection checks refused over the per-address limit since start (for the metrics).
    quint64 overAddressLimit() const { return m_overAddressLimit; }
    const Settings &settings() const { return m_settings; }

private:
    struct Test
    {
        quint32 requestId = 0;
        quint32 downloadBytes = 0;
        quint32 uploadBytes = 0;
        quint32 sentBytes = 0;
        bool downloadDone = false; // the chunk marked last is queued
        bool resultDue = false;    // no upload asked for: the result is on its way
        quint64 uploadReceived = 0;
        quint64 firstChunkBytes = 0;
        qint64 firstUploadUs = -1;
        qint64 lastUploadUs = -1;
        QPointer<Connection> connection;
        std::unique_ptr<QTimer> deadline;
    };

    bool admit(Session &session, quint32 requestId);
    void sendDownload(quint64 sessionId);
    void sendResultOnceSent(quint64 sessionId, quint32 requestId);
    void finish(quint64 sessionId, bool timedOut);
    void abandon(quint64 sessionId);
    // Stops what a test still has going: its download and its deadline.
    void retire(Test &test);

    Settings m_settings;
    SessionRegistry &m_registry;
    const Clock &m_clock;
    std::function<bool()> m_overloaded;
    std::unordered_map<quint64, Test> m_tests; // by session id: one test per session at a time
    AddressRateTable m_perAddress;             // by address group (IPv4 address, IPv6 /64)
    quint64 m_overAddressLimit = 0;
    QByteArray m_randomChunk;
};

} // namespace consult
