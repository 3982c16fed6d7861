#include "LinkTestService.h"

#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "session/Connection.h"
#include "session/SessionRegistry.h"

#include <algorithm>

namespace consult {

namespace {
constexpr quint32 kBusyRetryMs = 5000;
constexpr int kResultPollMs = 20;
} // namespace

LinkTestService::LinkTestService(Settings settings, SessionRegistry &registry, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_registry(registry)
    , m_clock(clock)
    , m_perAddress(settings.testsPerAddress, std::chrono::minutes(settings.windowMinutes), clock)
{
    m_settings.chunkBytes = std::max(1, m_settings.chunkBytes);
}

LinkTestService::~LinkTestService() = default;

void LinkTestService::handleRequest(Session &session, const wire::LinkTestRequest &request)
{
    abandon(session.id()); // a new request replaces the session's running test
    Connection *connection = session.connection();
    if (!connection || !admit(session, request.request_id()))
        return;

    Test test;
    test.requestId = request.request_id();
    // S11: bounded in bytes whatever was asked for.
    test.downloadBytes = std::min(request.download_bytes(), m_settings.maxDownloadBytes);
    test.uploadBytes = std::min(request.upload_bytes(), m_settings.maxUploadBytes);
    test.connection = connection;
    // And in time: whatever has not arrived by then is not waited for.
    test.deadline = std::make_unique<QTimer>();
    test.deadline->setSingleShot(true);
    const quint64 sessionId = session.id();
    connect(test.deadline.get(), &QTimer::timeout, this, [this, sessionId] { finish(sessionId, true); });
    test.deadline->start(m_settings.timeLimitMs);
    m_tests.insert_or_assign(sessionId, std::move(test));

    // Random, so that nothing on the way can compress it; one chunk's worth per test is enough for
    // that (TLS does not compress) and costs one read of the system's generator, not one per chunk.
    m_randomChunk = SecureRandom::bytes(m_settings.chunkBytes);
    connection->openBulkStream(kBulkStream, [this, sessionId] { sendDownload(sessionId); });
    sendDownload(sessionId);
}

bool LinkTestService::admit(Session &session, quint32 requestId)
{
    // Refused while busy: the check is a convenience, the consultations come first.
    if ((m_overloaded && m_overloaded()) || running() >= m_settings.maxConcurrent) {
        session.sendError(wire::ERROR_SERVER_BUSY, requestId, QStringLiteral("the server is busy; try again shortly"),
                          {}, kBusyRetryMs);
        return false;
    }
    // S11: a few tests per address and window; one IPv6 client usually owns a whole /64.
    qint64 retryAfterUs = 0;
    if (!m_perAddress.tryTake(session.address(), &retryAfterUs)) {
        ++m_overAddressLimit;
        const auto retryAfterMs = static_cast<quint32>(std::min<qint64>(retryAfterUs / 1000, 3'600'000));
        session.sendError(wire::ERROR_RATE_LIMITED, requestId,
                          QStringLiteral("too many connection checks from this address"), {}, retryAfterMs);
        return false;
    }
    return true;
}

void LinkTestService::sendDownload(quint64 sessionId)
{
    const auto it = m_tests.find(sessionId);
    if (it == m_tests.end())
        return;
    Test &test = it->second;
    Connection *connection = test.connection.data();
    if (!connection || !connection->isOpen())
        return; // the session layer tells us when it is gone
    // At least one chunk, the last one marked: an empty download still tells the client to go on.
    while (!test.downloadDone && connection->bulkCredit(kBulkStream) > 0) {
        const auto size = static_cast<int>(
            std::min<quint32>(static_cast<quint32>(m_settings.chunkBytes), test.downloadBytes - test.sentBytes));
        wire::Envelope envelope;
        auto *data = envelope.mutable_link_test_data();
        data->set_request_id(test.requestId);
        data->set_payload(m_randomChunk.constData(), static_cast<std::size_t>(size));
        test.sentBytes += static_cast<quint32>(size);
        test.downloadDone = test.sentBytes >= test.downloadBytes;
        data->set_last(test.downloadDone);
        // sendBulk may write at once and, when credit comes back, call sendDownload again from inside:
        // the counters are updated before, and the loop reads them afresh after. Nothing ends a test
        // from inside a write, so `test` stays valid.
        if (!connection->sendBulk(kBulkStream, std::move(envelope)))
            return;
    }
    if (test.downloadDone && test.uploadBytes == 0 && !test.resultDue) {
        test.resultDue = true;
        sendResultOnceSent(sessionId, test.requestId);
    }
}

void LinkTestService::sendResultOnceSent(quint64 sessionId, quint32 requestId)
{
    // No upload asked for: the result follows the download. Not at once: it is reliable and would
    // overtake the bulk chunks still waiting for the socket; and not from here, which may run inside
    // a write of the same stream. So on a later loop pass, once the stream has nothing left queued.
    QTimer::singleShot(kResultPollMs, this, [this, sessionId, requestId] {
        const auto it = m_tests.find(sessionId);
        if (it == m_tests.end() || it->second.requestId != requestId)
            return;
        const Connection *connection = it->second.connection.data();
        if (connection && connection->isOpen() && connection->bulkQueued(kBulkStream) > 0) {
            sendResultOnceSent(sessionId, requestId); // the deadline still bounds the wait
            return;
        }
        finish(sessionId, false);
    });
}

void LinkTestService::handleData(Session &session, const wire::LinkTestData &data)
{
    const auto it = m_tests.find(session.id());
    // Late chunks of a test that is over, or of an earlier one, are normal: dropped without an answer.
    if (it == m_tests.end() || data.request_id() != it->second.requestId)
        return;
    Test &test = it->second;
    if (data.payload().size() > static_cast<std::size_t>(m_settings.chunkBytes)) {
        if (Connection *connection = session.connection())
            connection->countProtocolError(); // I4: larger than the protocol allows
        return;
    }
    const qint64 nowUs = m_clock.monotonicUs();
    // Counted only up to what the test is bounded to (S11); the rest does not make a line faster.
    const quint64 room = test.uploadBytes - std::min<quint64>(test.uploadBytes, test.uploadReceived);
    const quint64 size = std::min<quint64>(data.payload().size(), room);
    if (test.firstUploadUs < 0) {
        test.firstUploadUs = nowUs;
        test.firstChunkBytes = size;
    }
    test.lastUploadUs = nowUs;
    test.uploadReceived += size;
    if (data.last() || test.uploadReceived >= test.uploadBytes)
        finish(session.id(), false);
}

void LinkTestService::finish(quint64 sessionId, bool timedOut)
{
    const auto it = m_tests.find(sessionId);
    if (it == m_tests.end())
        return;
    Test test = std::move(it->second);
    m_tests.erase(it);
    retire(test); // a download still queued is not sent

    wire::Envelope envelope;
    auto *result = envelope.mutable_link_test_result();
    result->set_request_id(test.requestId);
    result->set_upload_bytes_received(test.uploadReceived);
    result->set_timed_out(timedOut);
    if (test.firstUploadUs >= 0) {
        const qint64 elapsedUs = test.lastUploadUs - test.firstUploadUs;
        result->set_upload_ms(static_cast<quint32>(elapsedUs / 1000));
        // First to last arrival: the bytes after the first chunk took that long. One chunk alone
        // cannot be timed, and says 0.
        const quint64 timedBytes = test.uploadReceived - test.firstChunkBytes;
        if (elapsedUs > 0 && timedBytes > 0) {
            const quint64 kbps = timedBytes * 8 * 1000 / static_cast<quint64>(elapsedUs);
            result->set_upload_kbps(static_cast<quint32>(std::min<quint64>(kbps, 10'000'000)));
        }
    }
    if (Session *session = m_registry.find(sessionId))
        session->send(std::move(envelope));
}

void LinkTestService::sessionGone(const Session &session)
{
    abandon(session.id());
}

void LinkTestService::consultationStarted(const ConsultationRecord &consultation)
{
    abandon(consultation.customerSessionId);
}

void LinkTestService::abandon(quint64 sessionId)
{
    const auto it = m_tests.find(sessionId);
    if (it == m_tests.end())
        return;
    retire(it->second);
    m_tests.erase(it);
}

void LinkTestService::retire(Test &test)
{
    if (Connection *connection = test.connection.data())
        connection->closeBulkStream(kBulkStream);
    // The deadline may be what is ending the test: it goes once its signal has returned.
    if (test.deadline) {
        test.deadline->stop();
        test.deadline.release()->deleteLater();
    }
}

} // namespace consult
