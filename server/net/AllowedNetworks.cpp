#include "AllowedNetworks.h"

namespace consult {

std::optional<AllowedNetworks> AllowedNetworks::parse(const QStringList &parts)
{
    AllowedNetworks networks;
    for (const QString &part : parts) {
        const QString text = part.trimmed();
        if (text.isEmpty())
            continue;
        std::pair<QHostAddress, int> network = QHostAddress::parseSubnet(text);
        if (network.first.isNull() || network.second < 0)
            return std::nullopt;
        networks.m_networks.append(network);
    }
    return networks;
}

bool AllowedNetworks::allows(const QHostAddress &address) const
{
    if (m_networks.isEmpty())
        return true;
    // QHostAddress::isInSubnet compares only addresses of the same protocol.
    bool isIpv4 = false;
    const quint32 v4 = address.toIPv4Address(&isIpv4);
    const QHostAddress plain = isIpv4 ? QHostAddress(v4) : address;
    for (const auto &[network, prefixLength] : m_networks) {
        if (plain.isInSubnet(network, prefixLength))
            return true;
    }
    return false;
}

QStringList AllowedNetworks::toStrings() const
{
    QStringList strings;
    for (const auto &[network, prefixLength] : m_networks)
        strings.append(QStringLiteral("%1/%2").arg(network.toString()).arg(prefixLength));
    return strings;
}

} // namespace consult
