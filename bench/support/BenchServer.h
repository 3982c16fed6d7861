#pragma once

#include "client/ServerEndpoint.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <vector>

namespace consult::bench {

// Helpers of the benchmark programs: a consult-server process to measure against, and the
// figures they print. Benchmarks print; they assert nothing.

inline const QString kAdvisorPassword = QStringLiteral("benchmark passphrase for advisors");

// A consult-server process with a temporary configuration and data directory, advisors
// bench0..bench(n-1) with kAdvisorPassword, and limits raised for load. It dies with the
// benchmark (PR_SET_PDEATHSIG), even when the benchmark is killed.
class BenchServer
{
public:
    struct Settings
    {
        QString binary; // consult-server
        QDir pki;       // server.pem, server.key, ca.pem, server.pin
        int advisors = 1;
        int capacity = 1; // consultations per advisor
        int cpu = -1;     // pin the server to this CPU (Linux); -1 leaves it to the scheduler
        // More of the configuration, appended as written (whole sections the base does not set,
        // e.g. a "[linktest]" with a benchmark's own limits; the product's defaults stay as they are).
        QString extraConfig{};
    };

    // Where this build put them (compiled in by CMake).
    static QString defaultBinary();
    static QString defaultPki();

    ~BenchServer();

    // Writes the configuration, adds the advisors and starts the server; false (with the reason on
    // stderr) when any of it fails.
    bool start(const Settings &settings);
    // Stops the server (SIGTERM, as an operator would).
    void stop();

    // Milliseconds on the clock the log lines are stamped with (arrival here).
    qint64 nowMs() const { return m_clock.elapsed(); }
    // The server's log lines that arrived in [fromMs, toMs] and contain the marker, from it on.
    QList<QByteArray> log(const QByteArray &marker, qint64 fromMs, qint64 toMs) const;

    ServerEndpoint endpoint() const;
    qint64 processId() const { return m_process.processId(); }
    static QString advisorName(int index) { return QStringLiteral("bench%1").arg(index); }

private:
    Settings m_settings;
    QTemporaryDir m_directory;
    QProcess m_process;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    struct LogLine
    {
        qint64 atMs;
        QByteArray text;
    };
    std::vector<LogLine> m_log;
    QByteArray m_partialLine;
};

struct ProcessSample
{
    double cpuSeconds = 0;
    double rssMiB = 0;
};
// CPU time and resident memory of a process (Linux /proc).
// The endpoint of a bench server at `url` (directly or through a link emulator), pinned and trusted
// with the development PKI in `pki`.
ServerEndpoint benchEndpoint(const QUrl &url, const QString &pki);

ProcessSample sampleProcess(qint64 pid);

// The p-quantile (0..1) of the values (reorders them); 0 for none.
double percentile(std::vector<double> &values, double p);

// Pins the calling thread, and every thread it starts later, to one CPU (Linux); false when the
// machine has no such CPU.
bool pinCurrentThread(int cpu);

// Runs the event loop until the condition holds; false after the timeout.
bool waitFor(const std::function<bool()> &condition, int timeoutMs);

} // namespace consult::bench
