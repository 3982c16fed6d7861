#include "ConnectionCheck.h"

#include "client/ClientConnection.h"
#include "core/Clock.h"

#include <QTimer>

#include <algorithm>

namespace consult {

namespace {
// The upload's bulk stream on the client's connection.
constexpr quint32 kBulkStream = 0x4c54; // "LT"
constexpr int kChunkBytes = 16 * 1024;  // LinkTestData carries at most this much
// Request ids of the check sit in the upper half, apart from those CustomerClient counts up from 1,
// so that an Error answering one is never taken for the other's.
constexpr quint32 kFirstRequestId = 0x8000'0000u;

// Kilobits per second of `bytes` that took `elapsedUs`; 0 when nothing can be timed.
int kbpsOf(quint64 bytes, qint64 elapsedUs)
{
    if (bytes == 0 || elapsedUs <= 0)
        return 0;
    return static_cast<int>(std::min<quint64>(bytes * 8 * 1000 / static_cast<quint64>(elapsedUs), 10'000'000));
}
} // namespace

struct ConnectionCheck::Private
{
    ClientConnection &connection;
    const Clock &clock;
    Settings settings;
    Result result;
    bool running = false;
    quint32 requestId = kFirstRequestId - 1;
    bool requested = false;
    // The download, timed from its first chunk's arrival to its last's.
    quint64 downloadReceived = 0;
    quint64 firstChunkBytes = 0;
    qint64 firstChunkUs = -1;
    qint64 lastChunkUs = -1;
    bool downloadDone = false;
    // The upload.
    quint32 uploadSent = 0;
    bool uploadDone = false;
    QByteArray uploadChunk;
    QTimer deadline;
    int lastProgress = -1;

    Private(ClientConnection &theConnection, const Clock &theClock, Settings theSettings)
        : connection(theConnection)
        , clock(theClock)
        , settings(theSettings)
    {}
};

ConnectionCheck::ConnectionCheck(ClientConnection &connection, const Clock &clock, Settings settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(connection, clock, settings))
{
    d->deadline.setSingleShot(true);
    connect(&d->deadline, &QTimer::timeout, this, [this] { finish(Result::Problem::TimedOut); });
    connect(&connection, &ClientConnection::roundTripChanged, this, [this](int milliseconds) {
        // Only the answer to the ping sent at the start counts: during the transfer a pong waits
        // behind the test data and says more about the data than about the line.
        if (!d->running || d->requested)
            return;
        d->result.roundTripMs = milliseconds;
        sendRequest();
    });
    connect(&connection, &ClientConnection::stateChanged, this, [this](ClientConnection::State state) {
        // The test data went with the socket, and the server abandoned the test.
        if (d->running && state != ClientConnection::State::Connected)
            finish(Result::Problem::NotConnected);
    });
}

ConnectionCheck::~ConnectionCheck() = default;

void ConnectionCheck::start()
{
    d->connection.closeBulkStream(kBulkStream); // a running check is abandoned
    d->result = Result{};
    d->requestId = d->requestId + 1 < kFirstRequestId ? kFirstRequestId : d->requestId + 1;
    d->requested = false;
    d->downloadReceived = 0;
    d->firstChunkBytes = 0;
    d->firstChunkUs = -1;
    d->lastChunkUs = -1;
    d->downloadDone = false;
    d->uploadSent = 0;
    d->uploadDone = false;
    d->lastProgress = -1;
    d->running = true;
    if (d->connection.state() != ClientConnection::State::Connected) {
        finish(Result::Problem::NotConnected);
        return;
    }
    d->deadline.start(d->settings.timeoutMs);
    reportProgress();
    // The round trip first, while nothing else is on the line: measured during the transfer it would
    // include the data queued ahead of the pong.
    d->connection.measureRoundTrip();
}

void ConnectionCheck::stop()
{
    if (!d->running)
        return;
    d->running = false;
    d->deadline.stop();
    d->connection.closeBulkStream(kBulkStream);
}

bool ConnectionCheck::isRunning() const
{
    return d->running;
}

const ConnectionCheck::Result &ConnectionCheck::result() const
{
    return d->result;
}

void ConnectionCheck::sendRequest()
{
    d->requested = true;
    wire::Envelope envelope;
    auto *request = envelope.mutable_link_test_request();
    request->set_request_id(d->requestId);
    request->set_download_bytes(d->settings.downloadBytes);
    request->set_upload_bytes(d->settings.uploadBytes);
    if (!d->connection.send(std::move(envelope)))
        finish(Result::Problem::NotConnected);
}

bool ConnectionCheck::dispatch(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kLinkTestData: {
        const wire::LinkTestData &data = envelope.link_test_data();
        if (d->running && d->requested && !d->downloadDone && data.request_id() == d->requestId)
            onDownloadChunk(data);
        return true; // a late chunk of an abandoned check is ours too, and worth nothing now
    }
    case wire::Envelope::kLinkTestResult: {
        const wire::LinkTestResult &answer = envelope.link_test_result();
        if (d->running && answer.request_id() == d->requestId) {
            d->result.uploadKbps = static_cast<int>(std::min<quint32>(answer.upload_kbps(), 10'000'000));
            finish(answer.timed_out() ? Result::Problem::TimedOut : Result::Problem::None);
        }
        return true;
    }
    case wire::Envelope::kError: {
        const wire::Error &error = envelope.error();
        if (error.request_id() != d->requestId || error.request_id() < kFirstRequestId)
            return false;
        if (!d->running)
            return true;
        d->result.retryAfterMs = static_cast<int>(error.retry_after_ms());
        finish(error.code() == wire::ERROR_RATE_LIMITED  ? Result::Problem::RateLimited
               : error.code() == wire::ERROR_SERVER_BUSY ? Result::Problem::ServerBusy
                                                         : Result::Problem::NotConnected);
        return true;
    }
    default:
        return false;
    }
}

void ConnectionCheck::onDownloadChunk(const wire::LinkTestData &data)
{
    const qint64 nowUs = d->clock.monotonicUs();
    const auto size = static_cast<quint64>(data.payload().size());
    if (d->firstChunkUs < 0) {
        d->firstChunkUs = nowUs;
        d->firstChunkBytes = size;
    }
    d->lastChunkUs = nowUs;
    d->downloadReceived += size;
    reportProgress();
    if (!data.last())
        return;
    d->downloadDone = true;
    // First to last arrival: the bytes after the first chunk took that long.
    d->result.downloadKbps = kbpsOf(d->downloadReceived - d->firstChunkBytes, d->lastChunkUs - d->firstChunkUs);
    // Now the upload, on its own: the two directions are measured one after the other.
    d->uploadChunk = QByteArray(kChunkBytes, '\0');
    for (int i = 0; i < d->uploadChunk.size(); ++i)
        d->uploadChunk[i] = static_cast<char>((i * 151 + 7) & 0xff); // not all zeros; TLS does not compress
    d->connection.openBulkStream(kBulkStream, [this] { sendUpload(); });
    sendUpload();
}

void ConnectionCheck::sendUpload()
{
    if (!d->running || !d->downloadDone)
        return;
    while (!d->uploadDone && d->connection.bulkCredit(kBulkStream) > 0) {
        const auto size = std::min<quint32>(kChunkBytes, d->settings.uploadBytes - d->uploadSent);
        wire::Envelope envelope;
        auto *data = envelope.mutable_link_test_data();
        data->set_request_id(d->requestId);
        data->set_payload(d->uploadChunk.constData(), size);
        d->uploadSent += size;
        d->uploadDone = d->uploadSent >= d->settings.uploadBytes;
        data->set_last(d->uploadDone);
        // May write at once and call sendUpload again from inside, when credit comes back: the
        // counters are updated before, and the loop reads them afresh after.
        if (!d->connection.sendBulk(kBulkStream, std::move(envelope)))
            return;
        reportProgress();
    }
}

void ConnectionCheck::reportProgress()
{
    const quint64 total = quint64(d->settings.downloadBytes) + d->settings.uploadBytes;
    const int percent =
        total == 0 ? 0 : static_cast<int>(std::min<quint64>(99, (d->downloadReceived + d->uploadSent) * 100 / total));
    if (percent == d->lastProgress)
        return;
    d->lastProgress = percent;
    Q_EMIT progress(percent);
}

void ConnectionCheck::finish(Result::Problem problem)
{
    if (!d->running)
        return;
    d->running = false;
    d->deadline.stop();
    d->connection.closeBulkStream(kBulkStream);
    Result &result = d->result;
    if (problem == Result::Problem::TimedOut && !d->downloadDone && d->firstChunkUs >= 0) {
        // What arrived in time still says how fast the line is.
        result.downloadKbps = kbpsOf(d->downloadReceived - d->firstChunkBytes, d->lastChunkUs - d->firstChunkUs);
    }
    switch (problem) {
    case Result::Problem::None: {
        const bool fastEnough = result.downloadKbps >= d->settings.minimumDownloadKbps &&
                                result.uploadKbps >= d->settings.minimumUploadKbps;
        result.problem = fastEnough ? Result::Problem::None : Result::Problem::TooSlow;
        result.outcome = fastEnough ? wire::CHECK_OUTCOME_PASSED : wire::CHECK_OUTCOME_TOO_SLOW;
        break;
    }
    case Result::Problem::TooSlow:
    case Result::Problem::TimedOut:
        // A transfer that does not finish in time is a line too slow for a call.
        result.problem = problem;
        result.outcome = wire::CHECK_OUTCOME_TOO_SLOW;
        break;
    case Result::Problem::RateLimited:
    case Result::Problem::ServerBusy:
    case Result::Problem::NotConnected:
        // Not measured: the app offers to try again or to go on with the text chat.
        result.problem = problem;
        result.outcome = wire::CHECK_OUTCOME_UNSPECIFIED;
        break;
    }
    if (result.roundTripMs < 0)
        result.roundTripMs = d->connection.roundTripMs();
    if (problem != Result::Problem::NotConnected && problem != Result::Problem::RateLimited &&
        problem != Result::Problem::ServerBusy)
        Q_EMIT progress(100);
    Q_EMIT finished(result);
}

} // namespace consult
