// Fuzz target: the PROXY protocol v2 header read from trusted proxies (server/net/ProxyHeader).
// Oracles: a verdict on every prefix is consistent with the verdict on the whole input (a complete
// header stays complete with the same length and address however many bytes follow; NeedMore never
// asks for fewer bytes than it has or more than kMaxBytes); a complete header is at most kMaxBytes
// long, begins with the signature, and a PROXY one carries an IPv4 or IPv6 address.
#include "FuzzText.h"
#include "net/ProxyHeader.h"

#include <QByteArray>

using consult::ProxyHeader;
using namespace consult::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ProxyHeader::Result whole = ProxyHeader::parse(bytes);
    if (whole.status == ProxyHeader::Status::Complete) {
        require(whole.headerBytes >= ProxyHeader::kFixedBytes && whole.headerBytes <= ProxyHeader::kMaxBytes);
        require(whole.headerBytes <= bytes.size());
        require(bytes.startsWith(QByteArray("\r\n\r\n\0\r\nQUIT\n", 12)));
        if (!whole.local) {
            const auto protocol = whole.source.protocol();
            require(protocol == QAbstractSocket::IPv4Protocol || protocol == QAbstractSocket::IPv6Protocol);
        }
        // The header alone gives the same verdict; with less it needs more.
        const ProxyHeader::Result exact = ProxyHeader::parse(bytes.first(whole.headerBytes));
        require(exact.status == ProxyHeader::Status::Complete && exact.headerBytes == whole.headerBytes &&
                exact.source == whole.source && exact.sourcePort == whole.sourcePort && exact.local == whole.local);
        const ProxyHeader::Result shorter = ProxyHeader::parse(bytes.first(whole.headerBytes - 1));
        require(shorter.status == ProxyHeader::Status::NeedMore);
    } else if (whole.status == ProxyHeader::Status::NeedMore) {
        require(bytes.size() < ProxyHeader::kMaxBytes);
        require(whole.neededBytes > bytes.size() && whole.neededBytes <= ProxyHeader::kMaxBytes);
    }
    // Every prefix: never Complete before the whole verdict is, never Invalid if the whole is not.
    for (qsizetype length = 0; length < qMin<qsizetype>(bytes.size(), 64); ++length) {
        const ProxyHeader::Result prefix = ProxyHeader::parse(bytes.first(length));
        if (whole.status != ProxyHeader::Status::Invalid)
            require(prefix.status != ProxyHeader::Status::Invalid);
        if (whole.status == ProxyHeader::Status::NeedMore)
            require(prefix.status == ProxyHeader::Status::NeedMore);
    }
    return 0;
}
