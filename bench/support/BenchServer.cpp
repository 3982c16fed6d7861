#include "BenchServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSslCertificate>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sched.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace consult::bench {

QString BenchServer::defaultBinary()
{
    return QStringLiteral(CONSULT_SERVER_BINARY);
}

QString BenchServer::defaultPki()
{
    return QStringLiteral(CONSULT_BENCH_PKI);
}

BenchServer::~BenchServer()
{
    stop();
}

bool BenchServer::start(const Settings &settings)
{
    m_settings = settings;
    const QString ini = m_directory.filePath(QStringLiteral("bench.ini"));
    {
        QFile file(ini);
        if (!file.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(ini));
            return false;
        }
        file.write(QStringLiteral("[network]\nport = 0\ncertificate_chain = %1\nprivate_key = %2\n"
                                  "max_connections_per_address = 100000\nmax_pending_handshakes = 2000\n"
                                  "handshakes_per_address = 1000000\n"
                                  "[limits]\nentries_per_address = 1000000\nchat_burst = 100\n"
                                  "envelopes_per_second = 10000\nenvelope_burst = 100000\n"
                                  "[session]\nclient_ping_interval_seconds = 60\nping_interval_seconds = "
                                  "300\nping_timeout_seconds = 600\n"
                                  "[queue]\nmax_length = 100000\n"
                                  "[advisors]\ndefault_capacity = %3\n"
                                  "[diagnostics]\nloop_lag_probe_ms = 5\n"
                                  "[monitoring]\nport = 0\n"
                                  "[storage]\ndata_directory = %4\n")
                       .arg(settings.pki.filePath(QStringLiteral("server.pem")),
                            settings.pki.filePath(QStringLiteral("server.key")))
                       .arg(settings.capacity)
                       .arg(m_directory.filePath(QStringLiteral("data")))
                       .toUtf8());
        file.write(settings.extraConfig.toUtf8());
    }

    std::fprintf(stderr, "creating %d advisors ...\n", settings.advisors);
    for (int i = 0; i < settings.advisors; ++i) {
        QProcess add;
        add.start(settings.binary,
                  {QStringLiteral("--config"), ini, QStringLiteral("advisor"), QStringLiteral("add"), advisorName(i),
                   QStringLiteral("--display-name"), QStringLiteral("Bench Advisor %1").arg(i)});
        add.write((kAdvisorPassword + u'\n').toUtf8());
        add.closeWriteChannel();
        if (!add.waitForFinished(30000) || add.exitCode() != 0) {
            std::fprintf(stderr, "advisor add failed: %s\n", add.readAllStandardError().constData());
            return false;
        }
    }

    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_clock.start();
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process, [this] {
        m_partialLine += m_process.readAllStandardError();
        qsizetype end;
        while ((end = m_partialLine.indexOf('\n')) >= 0) {
            m_log.push_back({m_clock.elapsed(), m_partialLine.left(end)});
            m_partialLine.remove(0, end + 1);
        }
    });
    const int cpu = settings.cpu;
    m_process.setChildProcessModifier([cpu] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (cpu >= 0)
            pinCurrentThread(cpu); // before exec: every server thread inherits it
    });
    m_process.start(settings.binary, {QStringLiteral("--config"), ini});
    if (!waitFor(
            [&] {
                const QByteArray line = m_process.readLine();
                if (line.contains("ready on port"))
                    m_port = static_cast<quint16>(line.trimmed().split(' ').last().toUInt());
                return m_port != 0;
            },
            20000)) {
        std::fprintf(stderr, "the server did not start: %s\n", m_partialLine.constData());
        return false;
    }
    return true;
}

bool pinCurrentThread(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return ::sched_setaffinity(0, sizeof set, &set) == 0;
}

void BenchServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    m_process.waitForFinished(10000);
}

QList<QByteArray> BenchServer::log(const QByteArray &marker, qint64 fromMs, qint64 toMs) const
{
    QList<QByteArray> found;
    for (const LogLine &line : m_log) {
        const qsizetype at = line.text.indexOf(marker);
        if (at >= 0 && line.atMs >= fromMs && line.atMs <= toMs)
            found.append(line.text.mid(at));
    }
    return found;
}

ServerEndpoint BenchServer::endpoint() const
{
    return benchEndpoint(QUrl(QStringLiteral("wss://localhost:%1/consult").arg(m_port)), m_settings.pki.path());
}

ServerEndpoint benchEndpoint(const QUrl &url, const QString &pki)
{
    ServerEndpoint endpoint;
    endpoint.url = url;
    QFile pin(QDir(pki).filePath(QStringLiteral("server.pin")));
    if (pin.open(QIODevice::ReadOnly))
        endpoint.pins = {pin.readAll().trimmed()};
    endpoint.extraCaCertificates = QSslCertificate::fromPath(QDir(pki).filePath(QStringLiteral("ca.pem")));
    return endpoint;
}

ProcessSample sampleProcess(qint64 pid)
{
    ProcessSample sample;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        const double ticks = double(sysconf(_SC_CLK_TCK));
        sample.cpuSeconds = (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
    }
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                sample.rssMiB = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return sample;
}

double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    const std::size_t index = std::min(values.size() - 1, static_cast<std::size_t>(p * double(values.size())));
    std::nth_element(values.begin(), values.begin() + static_cast<long>(index), values.end());
    return values[index];
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    // A real event loop, never a sleep: clients in this thread must see their events at once, or
    // the sleep shows up in every latency measured.
    QEventLoop loop;
    QTimer poll;
    QElapsedTimer timer;
    timer.start();
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition() || timer.elapsed() > timeoutMs)
            loop.quit();
    });
    poll.start(10);
    loop.exec();
    return condition();
}

} // namespace consult::bench
