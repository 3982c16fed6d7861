// consult-server: the relay server of the consultation system, and its administration commands.
#include "app/AdminCommands.h"
#include "app/ServerApplication.h"
#include "config/ServerConfig.h"
#include "eventloop/EpollEventDispatcher.h"
#include "tls/ProcessTlsPolicy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    // P1: no core dump may ever hold a consultation, not even from start-up.
    consult::ServerApplication::disableCoreDumps();
    // T8: before OpenSSL initialises; checked before serving (the administration commands use no TLS).
    const consult::tls::TlsPolicyOutcome ticketPolicy = consult::tls::applyProcessTlsPolicy();
    // The relay's event loop scales with ready sockets, not with all of them (see EpollEventDispatcher).
    QCoreApplication::setEventDispatcher(new consult::EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("consult-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONSULT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Relay server of the consultation system.\n\n") +
                                     consult::AdminCommands::usage());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption({QStringLiteral("c"), QStringLiteral("config")},
                                          QStringLiteral("The configuration file (INI)."), QStringLiteral("file"),
                                          QStringLiteral("/etc/consult/consult-server.ini"));
    const QCommandLineOption displayNameOption(
        QStringLiteral("display-name"), QStringLiteral("advisor add: the name customers see."), QStringLiteral("name"));
    const QCommandLineOption capacityOption(QStringLiteral("capacity"),
                                            QStringLiteral("advisor add: parallel consultations."), QStringLiteral("n"),
                                            QStringLiteral("0"));
    parser.addOptions({configOption, displayNameOption, capacityOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("serve (default) or an administration command."));
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    auto config = consult::ServerConfig::load(parser.value(configOption));
    if (!config) {
        err << config.problem().message << Qt::endl;
        return 2;
    }
    const QStringList arguments = parser.positionalArguments();
    if (!arguments.isEmpty() && arguments.first() != u"serve") {
        consult::AdminCommands commands(config.value(), in, out, err);
        return commands.run(arguments, parser.value(displayNameOption), parser.value(capacityOption).toInt());
    }

    if (ticketPolicy == consult::tls::TlsPolicyOutcome::OperatorConfiguration) {
        err << "consult-server: OPENSSL_CONF is set; the server needs its own OpenSSL configuration to issue no "
               "TLS session tickets (T8). Start it without OPENSSL_CONF."
            << Qt::endl;
        return 1;
    }
    if (ticketPolicy != consult::tls::TlsPolicyOutcome::Applied) {
        err << "consult-server: the OpenSSL configuration without TLS session tickets (T8) could not be set up"
            << Qt::endl;
        return 1;
    }
    consult::ServerApplication server(config.value());
    if (auto started = server.start(); !started) {
        err << "consult-server: " << started.problem().message << Qt::endl;
        return 1;
    }
    out << "consult-server ready on port " << server.port() << Qt::endl;
    return app.exec();
}
