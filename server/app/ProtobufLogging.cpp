#include "ProtobufLogging.h"

#include "LogBudget.h"

#include "core/Clock.h"

#include <QLoggingCategory>

#include <google/protobuf/stubs/logging.h>

#include <string>

namespace consult {

namespace {

Q_LOGGING_CATEGORY(lcProtobuf, "consult.protobuf")

LogBudget &budget()
{
    static LogBudget instance(protobuflogging::kLinesPerMinute);
    return instance;
}

void handle(google::protobuf::LogLevel level, const char *filename, int line, const std::string &message)
{
    const std::optional<qint64> allowed = budget().take(SystemClock::instance().monotonicUs() / 1000);
    if (!allowed)
        return;
    const qint64 heldBack = *allowed;
    const char *kind = level >= google::protobuf::LOGLEVEL_ERROR ? "error" : "warning";
    if (heldBack > 0)
        qCWarning(lcProtobuf).noquote() << "libprotobuf" << kind << QString::fromUtf8(message.c_str())
                                        << QStringLiteral("(%1:%2; %3 similar lines held back)")
                                               .arg(QString::fromUtf8(filename))
                                               .arg(line)
                                               .arg(heldBack);
    else
        qCWarning(lcProtobuf).noquote() << "libprotobuf" << kind << QString::fromUtf8(message.c_str())
                                        << QStringLiteral("(%1:%2)").arg(QString::fromUtf8(filename)).arg(line);
}

} // namespace

void routeProtobufLogging()
{
    google::protobuf::SetLogHandler(&handle);
}

} // namespace consult
