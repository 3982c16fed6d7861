#include "ProcessTlsPolicy.h"

#include <QDir>
#include <QTemporaryFile>

namespace consult::tls {

bool applyProcessTlsPolicy()
{
    if (qEnvironmentVariableIsSet("OPENSSL_CONF"))
        return false;
    // Lives as long as the process: OpenSSL reads it once, at initialisation.
    static QTemporaryFile file(QStringLiteral("%1/consult-openssl-XXXXXX.cnf").arg(QDir::tempPath()));
    if (!file.open())
        return false;
    file.write("# Written by the consultation server (T8): no TLS session tickets.\n"
               "openssl_conf = openssl_init\n"
               "[openssl_init]\n"
               "ssl_conf = ssl_section\n"
               "[ssl_section]\n"
               "system_default = system_default_section\n"
               "[system_default_section]\n"
               "NumTickets = 0\n");
    file.flush();
    return qputenv("OPENSSL_CONF", file.fileName().toLocal8Bit());
}

} // namespace consult::tls
