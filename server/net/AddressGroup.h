#pragma once

#include <QHostAddress>
#include <QString>

namespace consult {

// The unit every per-address limit of the server counts in (connections, queue entries, left
// messages, log-ins, link tests): an IPv4 address (an IPv4-mapped IPv6 address is its IPv4 address),
// or an IPv6 address's /64 prefix, since one IPv6 client usually owns a whole /64 and could rotate
// through its addresses to pass any cap that counts single ones. Pure.
QString addressGroup(const QHostAddress &address);

} // namespace consult
