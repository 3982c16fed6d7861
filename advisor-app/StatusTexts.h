#pragma once

#include "client/ClientConnection.h"
#include "protocol/consult.pb.h"

#include <QCoreApplication>
#include <QString>

namespace consult::advisor {

// What the workstation says about refusals, failures and ends, in one place: the server's codes
// become sentences an advisor can act on (the server's own message is only for logs).
class StatusTexts
{
    Q_DECLARE_TR_FUNCTIONS(StatusTexts)
public:
    static QString loginRefusal(wire::ErrorCode code, int retryAfterMs);
    static QString connectionFailure(ClientConnection::Failure failure);
    static QString requestRefusal(wire::ErrorCode code);
    static QString transferRefusal(wire::ErrorCode code, const QString &colleague);
    static QString endReason(wire::EndReason reason, const QString &customer, const QString &transferredTo);
    static QString mode(wire::ConsultationMode mode);
    // "0:45", "12:03", "1:02:03".
    static QString duration(qint64 milliseconds);
};

} // namespace consult::advisor
