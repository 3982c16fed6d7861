#include "AddressGroup.h"

#include <algorithm>
#include <iterator>

namespace consult {

QString addressGroup(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 v4 = address.toIPv4Address(&isIpv4);
    if (isIpv4)
        return QHostAddress(v4).toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        Q_IPV6ADDR bytes = address.toIPv6Address();
        std::fill(std::begin(bytes.c) + 8, std::end(bytes.c), quint8(0));
        return QHostAddress(bytes).toString() + QStringLiteral("/64");
    }
    return address.toString();
}

} // namespace consult
