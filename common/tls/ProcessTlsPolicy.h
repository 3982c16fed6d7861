#pragma once

namespace consult::tls {

// What applyProcessTlsPolicy() did.
enum class TlsPolicyOutcome
{
    Applied,
    OperatorConfiguration, // OPENSSL_CONF was already set: the policy is not in place
    Failed,                // the configuration could not be written
};

// T8: the server must not issue TLS session tickets. Qt 6.4 has no per-socket switch that works
// (SslOptionDisableSessionTickets still lets OpenSSL send two TLS 1.3 tickets, and passing "Options"
// or "NumTickets" through QSslConfiguration::setBackendConfigurationOption fails: Qt's SSL_CONF
// context is neither client nor server). OpenSSL's own configuration can: this writes a private
// configuration with NumTickets = 0 for the server role into an anonymous in-memory file (memfd,
// never in TMPDIR) and points OPENSSL_CONF at it. It must run before OpenSSL initialises, i.e. before
// the first certificate or socket is touched; it runs once per process (later calls return the first
// outcome). If OPENSSL_CONF is already set by the operator it changes nothing and says so: the server
// then refuses to start, since it cannot know that configuration keeps T8. A /proc/self/fd path
// inherited from a parent that ran this policy (a test starting the server) is replaced.
TlsPolicyOutcome applyProcessTlsPolicy();

} // namespace consult::tls
