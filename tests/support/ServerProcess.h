#pragma once

#include "client/ServerEndpoint.h"
#include "support/RawClient.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace consult::testing {

// The consult-server binary as operations run it: its own configuration file and data directory
// under `root`, started with `consult-server -c <ini>` and stopped as a process (SIGTERM, SIGKILL).
// For the tests of what only the real binary does: the start-up self-test and purges, signals,
// process limits, what reaches its stdout, stderr and TMPDIR, its sockets. `binary` is the path of
// consult-server (the test's CONSULT_SERVER_BINARY).
class ServerProcess
{
public:
    ServerProcess(const QString &root, const QString &binary, const QString &extraIni = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // R3: the next start() mounts a tmpfs of `bytes` on the vault directory, in a mount namespace of
    // the server's own (unshare), so the disk under the vault is full after `bytes`; the test sees
    // that directory through /proc/<pid>/root.
    void setVaultDiskBytes(qint64 bytes) { m_vaultDiskBytes = bytes; }
    // Added to the server's environment at the next start() (e.g. TMPDIR).
    void setEnvironment(const QString &name, const QString &value) { m_environment.insert(name, value); }

    QString iniPath() const;
    QString dataDirectory() const;
    QString vaultDirectory() const;
    QStringList vaultFiles() const;

    // `consult-server advisor add` with kTestPassword on standard input (the server not running).
    bool addAdvisor(const QString &username, int capacity);

    // Starts `serve` and waits until it listens; the port comes from its log line. False (and the
    // log in a warning) if it did not.
    bool start();
    // Starts it and waits until it exits by itself (a refused configuration); false if it still
    // runs after `timeoutMs`.
    bool runToExit(int timeoutMs = 30'000);
    bool isRunning() const;
    qint64 processId() const;
    qint64 millisecondsSinceStart() const { return m_started.elapsed(); }
    // What the process wrote to stderr and stdout so far.
    const QByteArray &log() const { return m_log; }
    const QByteArray &output() const { return m_output; }

    // SIGTERM, then waits for the exit; false if it did not exit within `timeoutMs`.
    bool terminate(int timeoutMs = 20'000);
    void kill();
    QProcess::ExitStatus exitStatus() const;
    int exitCode() const;

    // Resident memory in KiB (/proc/PID/status VmRSS).
    qint64 residentKiB() const;
    ServerEndpoint endpoint() const;
    quint16 port() const { return m_port; }
    // The monitoring port (/healthz, /metrics), from its log line; 0 when it has none.
    quint16 monitoringPort() const { return m_monitoringPort; }

private:
    void launch();

    QString m_root;
    QString m_binary;
    std::unique_ptr<QProcess> m_process;
    QProcessEnvironment m_environment;
    QByteArray m_log;
    QByteArray m_output;
    quint16 m_port = 0;
    quint16 m_monitoringPort = 0;
    QElapsedTimer m_started;
    qint64 m_vaultDiskBytes = 0;
};

// Whether this machine lets an unprivileged process have its own user and mount namespace (Debian 12
// does; some container runtimes forbid it).
bool mountNamespacesWork();

// An advisor logged in (kTestPassword) at the process, or nullptr.
std::unique_ptr<RawClient> advisorAt(const ServerProcess &server, const QString &username);
// A customer logged in and waiting at the process, or nullptr.
std::unique_ptr<RawClient> waitingCustomerAt(const ServerProcess &server, const QString &name);

} // namespace consult::testing
