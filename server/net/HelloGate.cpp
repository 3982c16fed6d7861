#include "HelloGate.h"

#include "ProxyHeader.h"

#include <QSocketNotifier>

#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace consult {

namespace {

constexpr int kRecordHeaderBytes = 5;
constexpr unsigned char kHandshakeRecord = 0x16;

void setLowWatermark(qintptr descriptor, int bytes)
{
    // Linux caps the mark at half the receive buffer, still far above a 16 KiB record.
    (void)::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_RCVLOWAT, &bytes, sizeof bytes);
}

} // namespace

HelloGate::HelloGate(qintptr descriptor, int timeoutMs, bool expectProxyHeader, QObject *parent)
    : QObject(parent)
    , m_descriptor(descriptor)
    , m_expectProxyHeader(expectProxyHeader)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish(false); });
}

HelloGate::~HelloGate()
{
    // Destroyed before it handed over (the Listener going away): the descriptor is still ours.
    if (m_ownsDescriptor)
        ::close(static_cast<int>(m_descriptor));
}

void HelloGate::start()
{
    m_notifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &HelloGate::onReadable);
    m_timeout.start();
}

void HelloGate::onReadable()
{
    if (m_done)
        return;
    if (m_expectProxyHeader && !readProxyHeader())
        return;
    const int fd = static_cast<int>(m_descriptor);
    unsigned char header[kRecordHeaderBytes];
    const ssize_t peeked = ::recv(fd, header, sizeof header, MSG_PEEK | MSG_DONTWAIT);
    if (peeked == 0) {
        finish(false); // the peer closed
        return;
    }
    if (peeked < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            finish(false);
        return;
    }
    if (peeked < kRecordHeaderBytes) {
        setLowWatermark(m_descriptor, kRecordHeaderBytes);
        return;
    }
    if (header[0] != kHandshakeRecord) {
        finish(true); // not TLS: the TLS handshake refuses it as it always has
        return;
    }
    const int needed = kRecordHeaderBytes + ((header[3] << 8) | header[4]);
    int available = 0;
    if (::ioctl(fd, FIONREAD, &available) != 0) {
        finish(false);
        return;
    }
    if (available >= needed) {
        finish(true);
        return;
    }
    // Woken again only when the whole record is in (or the peer closes).
    setLowWatermark(m_descriptor, needed);
}

bool HelloGate::readProxyHeader()
{
    const int fd = static_cast<int>(m_descriptor);
    char bytes[ProxyHeader::kMaxBytes];
    const ssize_t peeked = ::recv(fd, bytes, sizeof bytes, MSG_PEEK | MSG_DONTWAIT);
    if (peeked == 0 || (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        finish(false);
        return false;
    }
    if (peeked < 0)
        return false;
    const ProxyHeader::Result header = ProxyHeader::parse(QByteArrayView(bytes, peeked));
    switch (header.status) {
    case ProxyHeader::Status::Invalid:
        finish(false); // a trusted proxy always sends one; anything else is not from it
        return false;
    case ProxyHeader::Status::NeedMore:
        setLowWatermark(m_descriptor, header.neededBytes);
        return false;
    case ProxyHeader::Status::Complete:
        break;
    }
    // The header is the proxy's, not the client's TLS: consume exactly it (it is all there).
    if (::recv(fd, bytes, static_cast<size_t>(header.headerBytes), MSG_DONTWAIT) != header.headerBytes) {
        finish(false);
        return false;
    }
    m_expectProxyHeader = false;
    m_client = header.local ? QHostAddress() : header.source;
    setLowWatermark(m_descriptor, 1);
    return true;
}

void HelloGate::finish(bool passed)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_notifier)
        m_notifier->setEnabled(false);
    // Not from inside the notifier's own signal: it is deleted before the descriptor moves on, so
    // the TLS socket's notifier is the only one left on it.
    QMetaObject::invokeMethod(
        this,
        [this, passed] {
            delete m_notifier;
            m_notifier = nullptr;
            m_ownsDescriptor = false;
            if (passed) {
                setLowWatermark(m_descriptor, 1);
                Q_EMIT this->passed(m_descriptor, m_client);
            } else {
                ::close(static_cast<int>(m_descriptor));
                Q_EMIT failed();
            }
        },
        Qt::QueuedConnection);
}

} // namespace consult
