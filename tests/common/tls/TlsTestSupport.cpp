#include "TlsTestSupport.h"

#include "tls/TlsProfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace consult::tls::testing {

namespace {

QByteArray readPkiFile(const QString &fileName)
{
    QFile file(pkiFile(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

QString pkiFile(const QString &fileName)
{
    const QString directory = qEnvironmentVariable("CONSULT_TEST_PKI");
    if (directory.isEmpty())
        return {};
    return QDir(directory).filePath(fileName);
}

QString pkiProblem()
{
    if (qEnvironmentVariable("CONSULT_TEST_PKI").isEmpty())
        return QStringLiteral("CONSULT_TEST_PKI is not set; run the test through ctest");
    if (!QFileInfo::exists(pkiFile(QStringLiteral("server.pin"))))
        return QStringLiteral("no test PKI in %1; reconfigure or build the consult_test_pki target")
            .arg(qEnvironmentVariable("CONSULT_TEST_PKI"));
    return {};
}

QList<QSslCertificate> pkiChain(const QString &name)
{
    return QSslCertificate::fromData(readPkiFile(name + QStringLiteral(".pem")), QSsl::Pem);
}

QSslKey pkiKey(const QString &name)
{
    const QList<QSslCertificate> chain = pkiChain(name);
    if (chain.isEmpty())
        return {};
    return QSslKey(readPkiFile(name + QStringLiteral(".key")), chain.first().publicKey().algorithm(), QSsl::Pem,
                   QSsl::PrivateKey);
}

QSslCertificate pkiCa()
{
    const QList<QSslCertificate> ca = pkiChain(QStringLiteral("ca"));
    return ca.isEmpty() ? QSslCertificate() : ca.first();
}

QSslConfiguration pkiServerConfiguration(const QString &name)
{
    return serverConfiguration(pkiChain(name), pkiKey(name));
}

QSslConfiguration pkiClientConfiguration()
{
    return clientConfiguration({pkiCa()});
}

QDeadlineTimer handshakeDeadline()
{
    return QDeadlineTimer(std::chrono::seconds(10));
}

} // namespace consult::tls::testing
