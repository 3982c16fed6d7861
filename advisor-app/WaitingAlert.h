#pragma once

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>
#include <memory>

class QSoundEffect;
class QSystemTrayIcon;
class QWidget;

namespace consult {
class AdvisorClient;
class Clock;
} // namespace consult

namespace consult::advisor {

// Makes sure no waiting customer is missed (lesson 15): while someone waits and the advisor is
// available with a free place, it alerts at once and then again at a set interval until the queue
// is empty, the advisor pauses or is full. An alert is a tray notification (where the desktop has
// a tray), a short tone (a generated WAV through QSoundEffect, or the system beep when there is no
// audio output) and the taskbar entry flashing. Owned by the main window.
class WaitingAlert final : public QObject
{
    Q_OBJECT
public:
    enum class Sound
    {
        None,
        Effect, // the generated tone through QSoundEffect
        Beep,   // QApplication::beep(): no audio output device
    };

    WaitingAlert(AdvisorClient &client, const Clock &clock, QWidget *window, QObject *parent = nullptr);
    ~WaitingAlert() override;

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return std::chrono::milliseconds(m_repeat.interval()); }
    void setSoundEnabled(bool enabled) { m_soundEnabled = enabled; }

    bool isRepeating() const { return m_repeat.isActive(); }
    int alertCount() const { return m_alerts; }
    Sound lastSound() const { return m_lastSound; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    // The WAV played for an alert: 16-bit mono PCM, two short tones with soft edges.
    static QByteArray toneWav();

Q_SIGNALS:
    // An alert went out; the text is what the notification said.
    void alerted(int waiting, const QString &text);

private:
    bool shouldAlert() const;
    void reconsider(bool newArrival);
    void alert();
    void playSound();
    QString alertText(int waiting) const;

    AdvisorClient &m_client;
    const Clock &m_clock;
    QPointer<QWidget> m_window;
    QTimer m_repeat;
    QSystemTrayIcon *m_tray = nullptr;
    QSoundEffect *m_sound = nullptr;
    std::unique_ptr<QTemporaryDir> m_soundDirectory;
    bool m_soundEnabled = true;
    int m_alerts = 0;
    Sound m_lastSound = Sound::None;
};

} // namespace consult::advisor
