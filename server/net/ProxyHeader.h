#pragma once

#include <QByteArrayView>
#include <QHostAddress>

namespace consult {

// The PROXY protocol version 2 header (haproxy's proxy-protocol.txt, section 2.2) that a TLS
// passthrough load balancer puts in front of a connection to say whose it is. Only read from the
// configured trusted proxies (Listener). Pure: bytes in, a verdict out. Accepts the PROXY command
// over TCP/IPv4 and TCP/IPv6 and the LOCAL command (the proxy's own health check, which keeps the
// proxy's address); skips TLVs; refuses version 1 (text), other families, and any header longer
// than kMaxBytes.
class ProxyHeader final
{
public:
    static constexpr int kMaxBytes = 536;
    static constexpr int kFixedBytes = 16; // signature, version and command, family, length

    enum class Status
    {
        NeedMore,
        Complete,
        Invalid
    };

    struct Result
    {
        Status status = Status::NeedMore;
        int neededBytes = kFixedBytes; // NeedMore: the header is at least this long
        int headerBytes = 0;           // Complete: bytes to consume before TLS
        bool local = false;            // Complete: LOCAL, no client address
        QHostAddress source;           // Complete, PROXY: the client's address
        quint16 sourcePort = 0;
    };

    static Result parse(QByteArrayView bytes);
};

} // namespace consult
