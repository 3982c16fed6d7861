#pragma once

#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace consult {

// Holds a freshly accepted TCP connection until its first TLS record (the ClientHello) is complete,
// so that a connection that sends nothing, or dribbles, is closed after a short time instead of
// holding a handshake slot for the whole handshake timeout (R4, issue 13 weakness 3). Reads nothing:
// it peeks at the record header and lets the kernel wake it only when the whole record is there
// (SO_RCVLOWAT), so a byte-a-second client costs no work per byte and TLS later reads every byte.
// Created by the Listener for one descriptor; emits exactly one of passed() or failed() and is then
// done (the Listener deletes it).
class HelloGate final : public QObject
{
    Q_OBJECT
public:
    HelloGate(qintptr descriptor, int timeoutMs, QObject *parent = nullptr);
    ~HelloGate() override;

    void start();

Q_SIGNALS:
    // The first record is complete (or is no TLS at all, which TLS will refuse): the descriptor is
    // the receiver's now.
    void passed(qintptr descriptor);
    // Timed out, closed by the peer, or a socket error: the descriptor is closed.
    void failed();

private:
    void onReadable();
    void finish(bool passed);

    qintptr m_descriptor;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_timeout;
    bool m_done = false;          // decided; what is left is to hand over or close
    bool m_ownsDescriptor = true; // until passed() or the close
};

} // namespace consult
