#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace consult::bench {

// A private PulseAudio daemon for a benchmark that puts the real audio device path in (Qt
// Multimedia -> PulseAudio -> back), started as tests/common/media/audio/run-with-pulseaudio.sh
// starts the tests' one: a temporary runtime and home directory, no default configuration, only the
// null devices the benchmark names, and the user's own sound server never touched. start() points
// this process's environment at the daemon (call it before Qt Multimedia first looks for devices).
// The daemon stops with this object and dies with the benchmark when that is killed
// (PR_SET_PDEATHSIG). Owned by the benchmark's main().
class PrivatePulseAudio
{
public:
    PrivatePulseAudio() = default;
    PrivatePulseAudio(const PrivatePulseAudio &) = delete;
    PrivatePulseAudio &operator=(const PrivatePulseAudio &) = delete;
    ~PrivatePulseAudio();

    // `modules`: default.pa lines after the native protocol (null sinks, remapped monitors);
    // `devices`: the sink and source names that must then exist. False with the reason in why().
    bool start(const QStringList &modules, const QStringList &devices);
    void stop();
    const QString &why() const { return m_why; }
    // "pulseaudio 16.1", as the daemon says.
    QString version() const;

private:
    bool fail(const QString &why);
    QString logText() const;

    QTemporaryDir m_directory;
    QProcess m_daemon;
    QString m_why;
};

} // namespace consult::bench
