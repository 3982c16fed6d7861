// consult-customer: the bank's customer client for the service chat and the video consultation
// (seeds 000 and 001).
#include "ClientConfig.h"
#include "CustomerWindow.h"
#include "widgets/LanguageSwitcher.h"

#include <QApplication>
#include <QMessageBox>
#include <QSysInfo>

#include <cstdio>

using namespace consult;
using namespace consult::customer;

namespace {

int refuse(const QString &message)
{
    std::fprintf(stderr, "consult-customer: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("consult-customer"));
    // QSettings (the remembered device choice) under this name, not "Unknown Organization".
    QApplication::setOrganizationName(QStringLiteral("consult"));
    QApplication::setApplicationVersion(QStringLiteral(CONSULT_VERSION));
    QApplication::setStyle(QStringLiteral("Fusion"));

    const auto options = parseStartOptions(QApplication::arguments());
    if (!options)
        return refuse(options.problem().message +
                      (isDevelopmentBuild()
                           ? QStringLiteral("\nusage: consult-customer [--language de|en] [--server wss://host:port "
                                            "--pin <base64> [--ca <ca.pem>]]")
                           : QStringLiteral("\nusage: consult-customer [--language de|en]")));
    const auto config = ClientConfig::loadShipped();
    if (!config)
        return refuse(QStringLiteral("the shipped configuration is broken: ") + config.problem().message);
    LanguageSwitcher language{QStringLiteral(":/i18n/customer_en.qm")};
    language.setLanguage(options->language);
    const auto endpoint = resolveEndpointForThisBuild(config.value(), options.value());
    if (!endpoint) {
        // P6: only the bank's servers. Say so in a window too: the app is usually started from a menu.
        const int status = refuse(endpoint.problem().message);
        QMessageBox::critical(nullptr, QStringLiteral("consult-customer"),
                              QCoreApplication::translate("consult::customer::main",
                                                          "Diese Anwendung verbindet sich nur mit den Servern Ihrer "
                                                          "Bank. Die angegebene Serveradresse wird nicht verwendet."));
        return status;
    }

    CustomerWindow::Options windowOptions;
    windowOptions.bankName = config->bankName;
    windowOptions.endpoint = endpoint.value();
    windowOptions.dialInNumber = config->dialInNumber;
    windowOptions.connection.clientVersion =
        QStringLiteral("consult-customer %1 %2").arg(QStringLiteral(CONSULT_VERSION), QSysInfo::productType());
    CustomerWindow window(windowOptions, language);
    window.show();
    return QApplication::exec();
}
