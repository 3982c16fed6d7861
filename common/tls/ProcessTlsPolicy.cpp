#include "ProcessTlsPolicy.h"

#include <QByteArray>

#include <optional>

#include <sys/mman.h>
#include <unistd.h>

namespace consult::tls {

namespace {

constexpr char kConfiguration[] = "# Written by the consultation server (T8): no TLS session tickets.\n"
                                  "openssl_conf = openssl_init\n"
                                  "[openssl_init]\n"
                                  "ssl_conf = ssl_section\n"
                                  "[ssl_section]\n"
                                  "system_default = system_default_section\n"
                                  "[system_default_section]\n"
                                  "NumTickets = 0\n";

TlsPolicyOutcome writePolicy()
{
    // An anonymous file in RAM, named through /proc/self/fd: nothing in TMPDIR or anywhere on disk.
    // It stays open for the life of the process (OpenSSL reads it when it initialises).
    const int descriptor = ::memfd_create("consult-openssl.cnf", MFD_CLOEXEC);
    if (descriptor < 0)
        return TlsPolicyOutcome::Failed;
    const auto length = static_cast<ssize_t>(sizeof(kConfiguration) - 1);
    if (::write(descriptor, kConfiguration, static_cast<size_t>(length)) != length) {
        ::close(descriptor);
        return TlsPolicyOutcome::Failed;
    }
    QByteArray path("/proc/self/fd/");
    path.append(QByteArray::number(descriptor));
    if (!qputenv("OPENSSL_CONF", path)) {
        ::close(descriptor);
        return TlsPolicyOutcome::Failed;
    }
    return TlsPolicyOutcome::Applied;
}

} // namespace

TlsPolicyOutcome applyProcessTlsPolicy()
{
    // Once per process: OpenSSL reads its configuration once (a test makes many servers).
    static std::optional<TlsPolicyOutcome> outcome;
    if (outcome)
        return *outcome;
    // A path into /proc/self/fd was this policy's in a parent process (a test, or a server that
    // starts a program): the descriptor is not inherited, so the path means nothing here and is
    // replaced. Any other value is the operator's.
    const QByteArray existing = qgetenv("OPENSSL_CONF");
    if (!existing.isEmpty() && !existing.startsWith("/proc/self/fd/"))
        return *(outcome = TlsPolicyOutcome::OperatorConfiguration);
    outcome = writePolicy();
    return *outcome;
}

} // namespace consult::tls
