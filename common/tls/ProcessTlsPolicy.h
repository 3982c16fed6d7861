#pragma once

namespace consult::tls {

// T8: the server must not issue TLS session tickets. Qt 6.4 has no per-socket switch that works
// (SslOptionDisableSessionTickets still lets OpenSSL send two TLS 1.3 tickets, and passing "Options"
// or "NumTickets" through QSslConfiguration::setBackendConfigurationOption fails: Qt's SSL_CONF
// context is neither client nor server). OpenSSL's own configuration can: this writes a private
// configuration with NumTickets = 0 for the server role and points OPENSSL_CONF at it. It must run
// before OpenSSL initialises, i.e. before the first certificate or socket is touched. Does nothing if
// OPENSSL_CONF is already set (the operator decides). Returns whether the policy is in place.
bool applyProcessTlsPolicy();

} // namespace consult::tls
