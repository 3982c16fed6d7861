#include "ProtobufLogging.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>

#include <google/protobuf/stubs/logging.h>

#include <string>

namespace consult {

namespace {

Q_LOGGING_CATEGORY(lcProtobuf, "consult.protobuf")

struct Budget
{
    QMutex mutex;
    QElapsedTimer window; // the current minute
    int lines = 0;        // written in it
    qint64 heldBack = 0;  // not written since the last line that was
};

Budget &budget()
{
    static Budget instance;
    return instance;
}

void handle(google::protobuf::LogLevel level, const char *filename, int line, const std::string &message)
{
    Budget &state = budget();
    qint64 heldBack = 0;
    {
        QMutexLocker lock(&state.mutex);
        if (!state.window.isValid() || state.window.elapsed() >= 60'000) {
            state.window.start();
            state.lines = 0;
        }
        if (state.lines >= protobuflogging::kLinesPerMinute) {
            ++state.heldBack;
            return;
        }
        ++state.lines;
        heldBack = state.heldBack;
        state.heldBack = 0;
    }
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
