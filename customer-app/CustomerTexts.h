#pragma once

#include "client/ClientConnection.h"
#include "core/Result.h"
#include "protocol/consult.pb.h"

#include <QCoreApplication>
#include <QString>

namespace consult::customer {

// The customer's words for what the client library reports as codes: connection failures, refusals,
// end reasons, waiting times, opening hours. One place, so every screen says the same thing and the
// translation has one context. The server's own error messages are for logs and are never shown.
class CustomerTexts final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::CustomerTexts)
public:
    static QString connectionFailure(ClientConnection::Failure failure);
    static QString loginRefusal(wire::ErrorCode code, const QString &field, int retryAfterMs);
    static QString messageRefusal(wire::ErrorCode code, const QString &field, int retryAfterMs);
    static QString chatRefusal(wire::ErrorCode code);
    static QString nameProblem(const Problem &problem);
    static QString phoneProblem(const Problem &problem);
    static QString endReason(wire::EndReason reason);
    // "etwa 5 Minuten", "weniger als eine Minute", or that it is not known.
    static QString expectedWait(int seconds);
    // "in etwa 3 Minuten" for a retry.
    static QString retryAfter(int milliseconds);
    // Opening hours and, when closed, the next opening.
    static QString serviceHours(const wire::ServiceHours &hours);
    static QString noticeKind(wire::NoticeKind kind);
    // "Ich habe die Sicherheitshinweise gelesen und akzeptiere sie."
    static QString noticeAcceptance(wire::NoticeKind kind);
};

} // namespace consult::customer
