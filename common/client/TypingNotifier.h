#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace consult {

// Turns keystrokes into few typing messages: "typing" once when typing starts, "stopped" after a
// pause or when the line is sent. Both apps use one per consultation.
class TypingNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit TypingNotifier(std::function<void(bool)> send, int pauseMs = 4000, QObject *parent = nullptr)
        : QObject(parent)
        , m_send(std::move(send))
    {
        m_pause.setSingleShot(true);
        m_pause.setInterval(pauseMs);
        connect(&m_pause, &QTimer::timeout, this, [this] { stop(); });
    }

    // The user typed something.
    void keystroke()
    {
        if (!m_active) {
            m_active = true;
            m_send(true);
        }
        m_pause.start();
    }

    // The user sent the line or cleared the field.
    void stop()
    {
        m_pause.stop();
        if (m_active) {
            m_active = false;
            m_send(false);
        }
    }

private:
    std::function<void(bool)> m_send;
    QTimer m_pause;
    bool m_active = false;
};

} // namespace consult
