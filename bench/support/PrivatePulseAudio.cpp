#include "PrivatePulseAudio.h"

#include "BenchServer.h"

#include <QDir>
#include <QFile>

#include <csignal>
#include <optional>
#include <sys/prctl.h>

namespace consult::bench {

namespace {

// Runs a pactl command against the private daemon (the environment start() set); its output, or
// nothing when it failed.
std::optional<QByteArray> pactl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("pactl"), arguments);
    if (!process.waitForFinished(5000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

} // namespace

PrivatePulseAudio::~PrivatePulseAudio()
{
    stop();
}

bool PrivatePulseAudio::fail(const QString &why)
{
    m_why = why;
    stop();
    return false;
}

QString PrivatePulseAudio::logText() const
{
    QFile log(m_directory.filePath(QStringLiteral("pulseaudio.log")));
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()).trimmed() : QString();
}

bool PrivatePulseAudio::start(const QStringList &modules, const QStringList &devices)
{
    if (!m_directory.isValid())
        return fail(QStringLiteral("no temporary directory: ") + m_directory.errorString());
    const QDir base(m_directory.path());
    const QString runtime = base.filePath(QStringLiteral("runtime"));
    const QString home = base.filePath(QStringLiteral("home"));
    if (!base.mkpath(runtime) || !base.mkpath(home) ||
        !QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return fail(QStringLiteral("cannot make the runtime directory in ") + base.path());

    // Everything the daemon and its clients (Qt Multimedia, pactl) look up lives in the temporary
    // directory; a PULSE_SERVER of the caller's session must not leak in.
    qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
    qputenv("PULSE_RUNTIME_PATH", runtime.toUtf8());
    qputenv("HOME", home.toUtf8());
    qputenv("XDG_CONFIG_HOME", base.filePath(QStringLiteral("home/.config")).toUtf8());
    qputenv("PULSE_STATE_PATH", base.filePath(QStringLiteral("home/state")).toUtf8());
    for (const char *name : {"PULSE_SERVER", "PULSE_SINK", "PULSE_SOURCE"})
        qunsetenv(name);

    const QString script = base.filePath(QStringLiteral("default.pa"));
    {
        QFile file(script);
        if (!file.open(QIODevice::WriteOnly))
            return fail(QStringLiteral("cannot write ") + script);
        file.write("load-module module-native-protocol-unix auth-anonymous=1\n");
        file.write(modules.join(u'\n').toUtf8() + '\n');
    }

    m_daemon.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_daemon.setProcessChannelMode(QProcess::MergedChannels);
    // -n: no default configuration; in the foreground of this process (root is fine for a
    // per-session daemon: --system stays off).
    m_daemon.start(QStringLiteral("pulseaudio"),
                   {QStringLiteral("--daemonize=no"), QStringLiteral("--exit-idle-time=-1"),
                    QStringLiteral("--disallow-exit"), QStringLiteral("-n"), QStringLiteral("-F"), script,
                    QStringLiteral("--use-pid-file=no"),
                    QStringLiteral("--log-target=file:") + base.filePath(QStringLiteral("pulseaudio.log"))});
    if (!m_daemon.waitForStarted(10000))
        return fail(QStringLiteral("pulseaudio could not be run (%1); install pulseaudio and pulseaudio-utils "
                                   "(scripts/install-dependencies.sh)")
                        .arg(m_daemon.errorString()));

    // The daemon has no readiness signal: ask it until it answers (at most 10 s), or it exits.
    waitFor([this] { return m_daemon.state() != QProcess::Running || pactl({QStringLiteral("info")}).has_value(); },
            10000);
    if (m_daemon.state() != QProcess::Running)
        return fail(QStringLiteral("the daemon exited at once (code %1): %2 %3")
                        .arg(m_daemon.exitCode())
                        .arg(QString::fromUtf8(m_daemon.readAll()).trimmed(), logText()));
    const std::optional<QByteArray> sinks =
        pactl({QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sinks")});
    const std::optional<QByteArray> sources =
        pactl({QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sources")});
    if (!sinks || !sources)
        return fail(QStringLiteral("the daemon does not answer pactl within 10 s: ") + logText());
    for (const QString &device : devices) {
        const QByteArray needle = '\t' + device.toUtf8() + '\t';
        if (!sinks->contains(needle) && !sources->contains(needle))
            return fail(QStringLiteral("the daemon came up without %1: %2").arg(device, logText()));
    }
    return true;
}

void PrivatePulseAudio::stop()
{
    if (m_daemon.state() == QProcess::NotRunning)
        return;
    m_daemon.terminate();
    if (!m_daemon.waitForFinished(5000))
        m_daemon.kill();
    m_daemon.waitForFinished(5000);
}

QString PrivatePulseAudio::version() const
{
    QProcess process;
    process.start(QStringLiteral("pulseaudio"), {QStringLiteral("--version")});
    process.waitForFinished(5000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace consult::bench
