// consult-advisor: the advisor workstation of the consultation system.
#include "AdvisorConfig.h"
#include "AdvisorWorkstation.h"
#include "TokenVault.h"
#include "core/Clock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QSslCertificate>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Sparkasse"));
    QApplication::setOrganizationDomain(QStringLiteral("sparkasse.de"));
    QApplication::setApplicationName(QStringLiteral("consult-advisor"));
    QApplication::setApplicationDisplayName(QStringLiteral("Beratungsplatz"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Advisor workstation of the consultation system."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("The packaged configuration with the relay's address and pins (default %1).")
            .arg(consult::advisor::AdvisorConfig::defaultPath()),
        QStringLiteral("file"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("The relay's address (wss://host:port), instead of the "
                                                   "configuration's (development)."),
                                    QStringLiteral("url"));
    const QCommandLineOption pin(QStringLiteral("pin"),
                                 QStringLiteral("Base64 SHA-256 of the server key's SubjectPublicKeyInfo (C1); "
                                                "repeat for the backup key."),
                                 QStringLiteral("base64"));
    const QCommandLineOption ca(QStringLiteral("ca"),
                                QStringLiteral("An extra CA certificate (PEM) to trust, for development servers."),
                                QStringLiteral("file"));
    const QCommandLineOption canned(QStringLiteral("canned-responses"),
                                    QStringLiteral("The service desk's canned responses (JSON)."),
                                    QStringLiteral("file"));
    const QCommandLineOption settings(QStringLiteral("settings"),
                                      QStringLiteral("Keep the preferences in this INI file instead of the user's "
                                                     "profile (tokens are never kept there)."),
                                      QStringLiteral("file"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("de (default) or en."),
                                      QStringLiteral("code"));
    parser.addOptions({config, server, pin, ca, canned, settings, language});
    parser.process(app);

    const auto usage = [](const QString &message) {
        std::fprintf(stderr, "consult-advisor: %s\n", qPrintable(message));
        return 2;
    };
    consult::advisor::AdvisorWorkstation::Options options;
    if (parser.isSet(server) || parser.isSet(pin) || parser.isSet(ca)) {
        // Development (scripts/run-local.sh): the relay from the command line, never unpinned (C1).
        options.endpoint.url = QUrl(parser.value(server));
        if (options.endpoint.url.scheme() != u"wss")
            return usage(QStringLiteral("--server must be a wss:// address"));
        for (const QString &value : parser.values(pin))
            options.endpoint.pins.append(value.toLatin1());
        if (options.endpoint.pins.isEmpty())
            return usage(QStringLiteral("at least one --pin is needed: the app talks only to the bank's key (C1)"));
        if (parser.isSet(ca)) {
            options.endpoint.extraCaCertificates = QSslCertificate::fromPath(parser.value(ca), QSsl::Pem);
            if (options.endpoint.extraCaCertificates.isEmpty())
                return usage(QStringLiteral("no certificate in %1").arg(parser.value(ca)));
        }
    } else {
        // As installed: the relay and its pins from the packaged configuration.
        const QString path =
            parser.isSet(config) ? parser.value(config) : consult::advisor::AdvisorConfig::defaultPath();
        const auto packaged = consult::advisor::AdvisorConfig::load(path);
        if (!packaged)
            return usage(packaged.problem().message +
                         QStringLiteral("\n(the relay's address and key pins come from this file; see README "
                                        "\"Release builds and Windows\")"));
        options.endpoint = packaged->endpoint;
    }
    options.cannedResponsesPath = parser.value(canned);
    options.connection.clientVersion =
        QStringLiteral("consult-advisor %1 %2").arg(QApplication::applicationVersion(), QSysInfo::productType());

    std::unique_ptr<QSettings> preferences =
        parser.isSet(settings) ? std::make_unique<QSettings>(parser.value(settings), QSettings::IniFormat)
                               : std::make_unique<QSettings>();
    if (parser.isSet(language))
        preferences->setValue(QStringLiteral("view/language"), parser.value(language));

    consult::advisor::TokenVault vault;
    consult::advisor::AdvisorWorkstation workstation(std::move(options), vault, *preferences,
                                                     consult::SystemClock::instance());
    QObject::connect(&workstation, &consult::advisor::AdvisorWorkstation::finished, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    app.setQuitOnLastWindowClosed(false); // the workstation decides when it is over (log-out first)
    workstation.start();
    return app.exec();
}
