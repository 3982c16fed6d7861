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
    // A customer's system check in words, line by line ("Kamera: in Ordnung · Mikrofon: fehlt …").
    static QString systemCheck(const wire::SystemCheck &check);
    // What the connection check measured ("2,4 Mbit/s empfangen, 0,8 Mbit/s gesendet, 28 ms Umlaufzeit").
    static QString systemCheckFigures(const wire::SystemCheck &check);
    static QString noSystemCheck();
    // Why a video customer cannot be taken now (one video consultation at a time).
    static QString videoInProgress();
    // "0:45", "12:03", "1:02:03".
    static QString duration(qint64 milliseconds);
};

} // namespace consult::advisor
