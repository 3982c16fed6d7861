#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace consult {

// Holds a freshly accepted TCP connection until its first TLS record (the ClientHello) is complete,
// so that a connection that sends nothing, or dribbles, is closed after a short time instead of
// holding a handshake slot for the whole handshake timeout (R4, issue 13 weakness 3). Reads nothing:
// it peeks at the record header and lets the kernel wake it only when the whole record is there
// (SO_RCVLOWAT), so a byte-a-second client costs no work per byte and TLS later reads every byte.
// From a trusted proxy it first reads, and consumes, the PROXY protocol v2 header (ProxyHeader),
// within the same time. Created by the Listener for one descriptor; emits exactly one of passed() or
// failed() and is then done (the Listener deletes it).
class HelloGate final : public QObject
{
    Q_OBJECT
public:
    // `expectProxyHeader`: the peer is a trusted proxy, whose connections must begin with a header.
    HelloGate(qintptr descriptor, int timeoutMs, bool expectProxyHeader, QObject *parent = nullptr);
    ~HelloGate() override;

    void start();

Q_SIGNALS:
    // The first record is complete (or is no TLS at all, which TLS will refuse): the descriptor is
    // the receiver's now. `client` is the address from a PROXY header; null without one, or for the
    // proxy's own LOCAL health check.
    void passed(qintptr descriptor, const QHostAddress &client);
    // Timed out, closed by the peer, a socket error, or a missing or invalid PROXY header from a
    // trusted proxy: the descriptor is closed.
    void failed();

private:
    void onReadable();
    // False when the gate has decided or must wait for more bytes.
    bool readProxyHeader();
    void finish(bool passed);

    qintptr m_descriptor;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_timeout;
    bool m_expectProxyHeader;
    QHostAddress m_client;
    bool m_done = false;          // decided; what is left is to hand over or close
    bool m_ownsDescriptor = true; // until passed() or the close
};

} // namespace consult
