#pragma once

#include "protocol/consult.pb.h"

#include <QObject>

#include <memory>

namespace consult {

class ClientConnection;
class Clock;

// The connection line of the customer's system check (seed 002: at least 1 Mbit/s down and
// 0.5 Mbit/s up, through the bank's relay): a short, bounded test transfer each way on the customer's
// own connection before log-in (LinkTestRequest, LinkTestData, LinkTestResult), plus the round trip.
// The server may refuse it (rate limit per address, overload): then the result says so and the app
// offers to try again or go on with the text chat.
//
// Owned by CustomerClient (connectionCheck()), whose dispatch table routes the link-test messages to
// dispatch(); lives in the client's thread.
class ConnectionCheck final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        quint32 downloadBytes = 256 * 1024; // 2 Mbit: two seconds at the minimum line
        quint32 uploadBytes = 128 * 1024;   // 1 Mbit: two seconds at the minimum line
        int timeoutMs = 8000;               // the whole check stays under 10 s
        int minimumDownloadKbps = 1000;
        int minimumUploadKbps = 500;
    };

    struct Result
    {
        enum class Problem
        {
            None,
            TooSlow,     // measured, below a minimum
            TimedOut,    // the transfer did not finish in time (also a line that is too slow)
            RateLimited, // the server refused: too many checks from here; retryAfterMs says when
            ServerBusy,  // the server refused: overloaded
            NotConnected,
        };
        wire::CheckOutcome outcome = wire::CHECK_OUTCOME_UNSPECIFIED;
        Problem problem = Problem::None;
        int downloadKbps = 0;
        int uploadKbps = 0;
        int roundTripMs = -1;
        int retryAfterMs = 0;
    };

    ConnectionCheck(ClientConnection &connection, const Clock &clock, Settings settings, QObject *parent = nullptr);
    ConnectionCheck(ClientConnection &connection, const Clock &clock, QObject *parent = nullptr)
        : ConnectionCheck(connection, clock, Settings{}, parent)
    {}
    ~ConnectionCheck() override;

    // Starts one measurement; a running one is abandoned.
    void start();
    // Abandons a running measurement without a result (the customer left the check, or an advisor
    // took them: the consultation comes first). Nothing more is sent for it.
    void stop();
    bool isRunning() const;
    const Result &result() const;
    // A link-test message (data, result, or the Error answering our request); returns whether taken.
    bool dispatch(const wire::Envelope &envelope);

Q_SIGNALS:
    void progress(int percent);
    void finished(const consult::ConnectionCheck::Result &result);

private:
    void sendRequest();
    void onDownloadChunk(const wire::LinkTestData &data);
    void sendUpload();
    void reportProgress();
    void finish(Result::Problem problem);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
