// The second factor's enrolment with the real administration command (A5, issue 13):
// `consult-server -c <ini> advisor totp-enrol <user>` prints the secret in base32, the otpauth URI
// with the bank as issuer and a terminal QR code; a code computed (by liboath) from the printed secret
// logs in to the real server, the password alone no longer does, and `advisor totp-remove` undoes it.
#include "support/EpollTestMain.h"
#include "support/RawClient.h"
#include "support/ServerProcess.h"
#include "support/TestAccounts.h"
#include "support/TestClients.h"
#include "support/TestServer.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <liboath/oath.h>

using namespace consult;
using namespace consult::testing;

namespace {

QString binary()
{
    return QStringLiteral(CONSULT_SERVER_BINARY);
}

struct CommandResult
{
    int exitCode = -1;
    QString output;
};

CommandResult runAdmin(const ServerProcess &server, const QStringList &arguments)
{
    QProcess admin;
    admin.start(binary(), QStringList{QStringLiteral("-c"), server.iniPath()} + arguments);
    admin.closeWriteChannel();
    if (!admin.waitForFinished(60'000) || admin.exitStatus() != QProcess::NormalExit)
        return {};
    return {admin.exitCode(), QString::fromUtf8(admin.readAllStandardOutput())};
}

// The current code of a base32 secret, computed by liboath, independently of the server's own code.
QString codeNow(const QString &base32Secret)
{
    char *secret = nullptr;
    size_t length = 0;
    const QByteArray text = base32Secret.toLatin1();
    if (oath_init() != OATH_OK ||
        oath_base32_decode(text.constData(), static_cast<size_t>(text.size()), &secret, &length) != OATH_OK)
        return {};
    char otp[7] = {};
    const int result = oath_totp_generate(secret, length, QDateTime::currentSecsSinceEpoch(), 30, 0, 6, otp);
    ::free(secret); // NOLINT: liboath allocates with malloc
    return result == OATH_OK ? QString::fromLatin1(otp) : QString();
}

// Logs "anna" in to the real server; the error, or ERROR_UNSPECIFIED when accepted.
wire::ErrorCode logIn(const ServerProcess &server, const QString &code = {})
{
    // The client pins the server's key, as the workstation does.
    ServerEndpoint endpoint = server.endpoint();
    QFile pin(testPkiPath(QStringLiteral("server.pin")));
    if (pin.open(QIODevice::ReadOnly))
        endpoint.pins = {pin.readAll().trimmed()};
    auto advisor = makeAdvisor();
    QSignalSpy refused(advisor.get(), &AdvisorClient::loginRefused);
    advisor->loginWithPassword(endpoint, QStringLiteral("anna"), kTestPassword, code);
    if (!spinUntil([&] { return advisor->phase() == AdvisorClient::Phase::Ready || !refused.isEmpty(); }, 20'000))
        return static_cast<wire::ErrorCode>(-1); // no answer: no code any comparison expects
    return refused.isEmpty() ? wire::ERROR_UNSPECIFIED : refused.first().at(0).value<wire::ErrorCode>();
}

} // namespace

class TestAdvisorEnrolment final : public QObject
{
    Q_OBJECT
private slots:
    void theEnrolledSecretLogsInWithItsCodeAndRemovalRestoresThePasswordAlone()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        ServerProcess server(root.path(), binary(), QStringLiteral("[service]\nbank_name = \"Kreissparkasse Ost\"\n"));
        QVERIFY(server.addAdvisor(QStringLiteral("anna"), 2));

        const CommandResult enrolled =
            runAdmin(server, {QStringLiteral("advisor"), QStringLiteral("totp-enrol"), QStringLiteral("anna")});
        QCOMPARE(enrolled.exitCode, 0);
        const QRegularExpressionMatch secret =
            QRegularExpression(QStringLiteral("Secret \\(base32\\): ([A-Z2-7]+)\\n")).match(enrolled.output);
        QVERIFY2(secret.hasMatch(), qPrintable(enrolled.output));
        QCOMPARE(secret.captured(1).size(), 32); // 160 bits
        // The URI an authenticator app reads from the QR code: the bank as issuer, the advisor's name.
        QVERIFY2(enrolled.output.contains(QStringLiteral("URI: otpauth://totp/Kreissparkasse%20Ost:anna?secret=") +
                                          secret.captured(1) + QStringLiteral("&issuer=Kreissparkasse%20Ost")),
                 qPrintable(enrolled.output));
        // The terminal QR code: a square of half-block lines, framed by the light quiet zone.
        const QStringList qrLines =
            enrolled.output.split(u'\n').filter(QRegularExpression(QStringLiteral("^[█▀▄ ]+$")));
        QVERIFY2(qrLines.size() >= 15, qPrintable(enrolled.output));
        QCOMPARE(qrLines.first(), QString(qrLines.first().size(), QChar(0x2588)));
        for (const QString &line : qrLines)
            QCOMPARE(line.size(), qrLines.first().size());
        QVERIFY(qAbs(qrLines.size() * 2 - qrLines.first().size()) <= 1);

        QVERIFY(server.start());
        QCOMPARE(logIn(server), wire::ERROR_SECOND_FACTOR_REQUIRED);
        // A code between two steps could pass its step before the server checks it; the window of
        // one step either way covers that.
        const QString code = codeNow(secret.captured(1));
        QCOMPARE(code.size(), 6);
        QCOMPARE(logIn(server, code), wire::ERROR_UNSPECIFIED);

        const CommandResult removed =
            runAdmin(server, {QStringLiteral("advisor"), QStringLiteral("totp-remove"), QStringLiteral("anna")});
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(logIn(server), wire::ERROR_UNSPECIFIED);
        QCOMPARE(runAdmin(server, {QStringLiteral("advisor"), QStringLiteral("totp-enrol"), QStringLiteral("nobody")})
                     .exitCode,
                 1);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestAdvisorEnrolment)
#include "TestAdvisorEnrolment.moc"
