// T6: the server's certificate and key are checked before the listener starts.
#include "TlsTestSupport.h"

#include "tls/ServerCredentials.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace consult;
using namespace consult::tls;
using namespace consult::tls::testing;

class TestServerCredentials final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(pkiProblem().isEmpty(), qPrintable(pkiProblem())); }

    void aMatchingPairLoads()
    {
        const Result<ServerCredentials> loaded = load(QStringLiteral("server.pem"), QStringLiteral("server.key"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.problem().message));
        QCOMPARE(loaded->chain.size(), 1);
        QCOMPARE(loaded->chain.first(), pkiChain(QStringLiteral("server")).first());
        QCOMPARE(loaded->privateKey.algorithm(), QSsl::Ec);
        QCOMPARE(loaded->privateKey.type(), QSsl::PrivateKey);
        QCOMPARE(loaded->privateKey.length(), 256);
    }

    void missingFilesAreRefused_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::newRow("no certificate") << QStringLiteral("absent.pem") << QStringLiteral("server.key");
        QTest::newRow("no key") << QStringLiteral("server.pem") << QStringLiteral("absent.key");
    }

    void missingFilesAreRefused()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        expectProblem(load(certificate, key), QStringLiteral("tls_file_missing"), QStringLiteral("absent"));
    }

    void aKeyOthersCanAccessIsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0660") << 0660;
    }

    void aKeyOthersCanAccessIsRefused()
    {
        QFETCH(int, mode);
        const QString key = copyKeyWithMode(mode);
        QVERIFY(!key.isEmpty());
        const Result<ServerCredentials> loaded = loadServerCredentials(pkiFile(QStringLiteral("server.pem")), key);
        expectProblem(loaded, QStringLiteral("tls_key_permissions"), QString::number(mode, 8));
    }

    void anOwnerOnlyKeyIsAccepted_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0600") << 0600;
        QTest::newRow("0400") << 0400;
    }

    void anOwnerOnlyKeyIsAccepted()
    {
        QFETCH(int, mode);
        const QString key = copyKeyWithMode(mode);
        QVERIFY(!key.isEmpty());
        const Result<ServerCredentials> loaded = loadServerCredentials(pkiFile(QStringLiteral("server.pem")), key);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.problem().message));
    }

    void aKeyOfAnotherCertificateIsRefused()
    {
        expectProblem(load(QStringLiteral("server.pem"), QStringLiteral("other.key")),
                      QStringLiteral("tls_key_mismatch"), QStringLiteral("does not belong"));
    }

    void rsa2048IsTooWeak()
    {
        expectProblem(load(QStringLiteral("rsa2048.pem"), QStringLiteral("rsa2048.key")),
                      QStringLiteral("tls_key_too_weak"), QStringLiteral("RSA 2048 bit"));
    }

    void anExpiredCertificateIsRefused()
    {
        expectProblem(load(QStringLiteral("expired.pem"), QStringLiteral("expired.key")),
                      QStringLiteral("tls_certificate_expired"), QStringLiteral("2021-01-01"));
    }

    // Expiry is judged by the injected clock: the good certificate too is refused eleven years on.
    void validityFollowsTheClock()
    {
        ManualClock clock;
        clock.setNow(QDateTime::currentDateTimeUtc().addYears(11));
        expectProblem(
            loadServerCredentials(pkiFile(QStringLiteral("server.pem")), pkiFile(QStringLiteral("server.key")), clock),
            QStringLiteral("tls_certificate_expired"), QStringLiteral("expired"));
        clock.setNow(QDateTime::currentDateTimeUtc().addDays(-1));
        expectProblem(
            loadServerCredentials(pkiFile(QStringLiteral("server.pem")), pkiFile(QStringLiteral("server.key")), clock),
            QStringLiteral("tls_certificate_not_yet_valid"), QStringLiteral("valid only from"));
    }

    void aFileThatIsNotPemIsRefused()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString garbage = directory.filePath(QStringLiteral("garbage"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a PEM file\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        expectProblem(loadServerCredentials(garbage, pkiFile(QStringLiteral("server.key"))),
                      QStringLiteral("tls_certificate_invalid"), QStringLiteral("no PEM certificate"));
        expectProblem(loadServerCredentials(pkiFile(QStringLiteral("server.pem")), garbage),
                      QStringLiteral("tls_key_invalid"), QStringLiteral("not an unencrypted PEM private key"));
    }

private:
    static Result<ServerCredentials> load(const QString &certificate, const QString &key)
    {
        return loadServerCredentials(pkiFile(certificate), pkiFile(key));
    }

    static void expectProblem(const Result<ServerCredentials> &loaded, const QString &code, const QString &mentions)
    {
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.problem().code, code);
        QVERIFY2(loaded.problem().message.contains(mentions), qPrintable(loaded.problem().message));
    }

    // A copy of server.key with the given Unix mode, in a directory that lives as long as the test.
    QString copyKeyWithMode(int mode)
    {
        if (!m_directory.isValid())
            return {};
        const QString copy = m_directory.filePath(QStringLiteral("server-%1.key").arg(mode, 0, 8));
        QFile::remove(copy);
        if (!QFile::copy(pkiFile(QStringLiteral("server.key")), copy))
            return {};
        if (!QFile::setPermissions(copy, permissionsOf(mode)))
            return {};
        return copy;
    }

    static QFileDevice::Permissions permissionsOf(int mode)
    {
        QFileDevice::Permissions permissions;
        const QFileDevice::Permission bits[] = {QFileDevice::ExeOther, QFileDevice::WriteOther, QFileDevice::ReadOther,
                                                QFileDevice::ExeGroup, QFileDevice::WriteGroup, QFileDevice::ReadGroup,
                                                QFileDevice::ExeOwner, QFileDevice::WriteOwner, QFileDevice::ReadOwner};
        for (int bit = 0; bit < 9; ++bit) {
            if (mode & (1 << bit))
                permissions |= bits[bit];
        }
        // Qt's "user" bits mirror the owner's for the current user.
        if (permissions & QFileDevice::ReadOwner)
            permissions |= QFileDevice::ReadUser;
        if (permissions & QFileDevice::WriteOwner)
            permissions |= QFileDevice::WriteUser;
        return permissions;
    }

    QTemporaryDir m_directory;
};

QTEST_GUILESS_MAIN(TestServerCredentials)
#include "TestServerCredentials.moc"
