#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace consult {

// A list of source networks a role may come from ([advisors] allowed_networks): CIDR blocks such as
// 10.0.0.0/8 or 2001:db8::/32. Empty allows every address. An IPv4-mapped IPv6 address (what a
// dual-stack listener reports for an IPv4 client) is compared as the IPv4 address it is. Pure;
// owned by the server's configuration, asked by the advisor desk.
class AllowedNetworks
{
public:
    AllowedNetworks() = default;

    // "10.0.0.0/8, 192.168.1.0/24"; a bare address counts as a /32 (/128). Nothing if any part is
    // not a network.
    static std::optional<AllowedNetworks> parse(const QStringList &parts);

    bool allowsEveryone() const { return m_networks.isEmpty(); }
    bool allows(const QHostAddress &address) const;
    QStringList toStrings() const;

private:
    QList<std::pair<QHostAddress, int>> m_networks;
};

} // namespace consult
