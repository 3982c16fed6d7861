#include "ServerProcess.h"

#include "support/TestAccounts.h"
#include "support/TestServer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>

#include <csignal>

namespace consult::testing {

ServerProcess::ServerProcess(const QString &root, const QString &binary, const QString &extraIni)
    : m_root(root)
    , m_binary(binary)
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    m_environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("consult.*.info=true"));
    QFile ini(iniPath());
    if (!ini.open(QIODevice::WriteOnly))
        return;
    ini.write(
        QStringLiteral("[network]\nport = 0\ncertificate_chain = %1\nprivate_key = %2\n"
                       "max_connections_per_address = 200\n"
                       "handshakes_per_address = 1000000\n"
                       "[limits]\nentries_per_address = 1000\n"
                       "[storage]\ndata_directory = %3\n"
                       "[monitoring]\nport = 0\n")
            .arg(testPkiPath(QStringLiteral("server.pem")), testPkiPath(QStringLiteral("server.key")), dataDirectory())
            .toUtf8() +
        extraIni.toUtf8());
}

ServerProcess::~ServerProcess()
{
    kill();
}

QString ServerProcess::iniPath() const
{
    return m_root + QStringLiteral("/consult-server.ini");
}

QString ServerProcess::dataDirectory() const
{
    return m_root + QStringLiteral("/data");
}

QString ServerProcess::vaultDirectory() const
{
    return dataDirectory() + QStringLiteral("/documents");
}

QStringList ServerProcess::vaultFiles() const
{
    // With its own mount namespace, the server's vault is only visible through the process's root.
    const QString directory = m_vaultDiskBytes > 0 && isRunning()
                                  ? QStringLiteral("/proc/%1/root%2").arg(processId()).arg(vaultDirectory())
                                  : vaultDirectory();
    return QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

bool ServerProcess::addAdvisor(const QString &username, int capacity)
{
    QProcess admin;
    admin.start(m_binary, {QStringLiteral("-c"), iniPath(), QStringLiteral("advisor"), QStringLiteral("add"), username,
                           QStringLiteral("--display-name"), QStringLiteral("Beraterin ") + username,
                           QStringLiteral("--capacity"), QString::number(capacity)});
    admin.write(kTestPassword.toUtf8() + '\n');
    admin.closeWriteChannel();
    return admin.waitForFinished(60'000) && admin.exitStatus() == QProcess::NormalExit && admin.exitCode() == 0;
}

void ServerProcess::launch()
{
    m_log.clear();
    m_output.clear();
    m_port = 0;
    m_monitoringPort = 0;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(m_environment);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this] { m_log += m_process->readAllStandardError(); });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                     [this] { m_output += m_process->readAllStandardOutput(); });
    m_started.start();
    if (m_vaultDiskBytes > 0) {
        // unshare execs sh, which execs the server: the process id stays the server's.
        QDir().mkpath(vaultDirectory());
        m_process->start(QStringLiteral("unshare"),
                         {QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("--mount"),
                          QStringLiteral("sh"), QStringLiteral("-c"),
                          QStringLiteral("mount -t tmpfs -o size=$1,mode=0700 tmpfs \"$2\" && exec \"$3\" -c \"$4\""),
                          QStringLiteral("sh"), QString::number(m_vaultDiskBytes), vaultDirectory(), m_binary,
                          iniPath()});
    } else {
        m_process->start(m_binary, {QStringLiteral("-c"), iniPath()});
    }
}

bool ServerProcess::start()
{
    launch();
    const QRegularExpression listening(QStringLiteral("listening on [^ ]*:(\\d+)"));
    QRegularExpressionMatch match;
    const bool up = spinUntil(
        [&] {
            match = listening.match(QString::fromUtf8(m_log));
            return match.hasMatch() || m_process->state() == QProcess::NotRunning;
        },
        30'000);
    if (!up || !match.hasMatch()) {
        qWarning().noquote() << "server did not start:" << m_log;
        return false;
    }
    m_port = match.captured(1).toUShort();
    // Logged before "listening on" when the monitoring port is on.
    static const QRegularExpression monitoring(QStringLiteral("monitoring on [^ ]*:(\\d+)"));
    m_monitoringPort = monitoring.match(QString::fromUtf8(m_log)).captured(1).toUShort();
    return m_port != 0;
}

bool ServerProcess::runToExit(int timeoutMs)
{
    launch();
    return spinUntil([&] { return m_process->state() == QProcess::NotRunning; }, timeoutMs);
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 ServerProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

bool ServerProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return true;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
    return spinUntil([&] { return m_process->state() == QProcess::NotRunning; }, timeoutMs);
}

void ServerProcess::kill()
{
    if (!isRunning())
        return;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
    spinUntil([&] { return m_process->state() == QProcess::NotRunning; }, 10'000);
}

QProcess::ExitStatus ServerProcess::exitStatus() const
{
    return m_process ? m_process->exitStatus() : QProcess::CrashExit;
}

int ServerProcess::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

qint64 ServerProcess::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression line(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    const auto match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

ServerEndpoint ServerProcess::endpoint() const
{
    ServerEndpoint endpoint;
    endpoint.url = QUrl(QStringLiteral("wss://localhost:%1/consult").arg(m_port));
    endpoint.extraCaCertificates = QSslCertificate::fromPath(testPkiPath(QStringLiteral("ca.pem")));
    return endpoint;
}

bool mountNamespacesWork()
{
    QProcess probe;
    probe.start(QStringLiteral("unshare"), {QStringLiteral("--user"), QStringLiteral("--map-root-user"),
                                            QStringLiteral("--mount"), QStringLiteral("true")});
    return probe.waitForFinished(10'000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
}

std::unique_ptr<RawClient> advisorAt(const ServerProcess &server, const QString &username)
{
    auto advisor = std::make_unique<RawClient>();
    if (!advisor->open(server.endpoint()) || !advisor->hello(wire::CLIENT_KIND_ADVISOR) ||
        !advisor->advisorLogin(username, kTestPassword))
        return nullptr;
    return advisor;
}

std::unique_ptr<RawClient> waitingCustomerAt(const ServerProcess &server, const QString &name)
{
    auto customer = std::make_unique<RawClient>();
    if (!customer->open(server.endpoint()) || !customer->hello(wire::CLIENT_KIND_CUSTOMER) ||
        !customer->customerLogin(name, QStringLiteral("030 1234567")))
        return nullptr;
    return customer;
}

} // namespace consult::testing
