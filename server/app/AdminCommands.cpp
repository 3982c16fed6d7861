#include "AdminCommands.h"

#include "TerminalQrCode.h"
#include "accounts/OneTimeCode.h"
#include "accounts/PasswordHasher.h"
#include "accounts/PasswordPolicy.h"
#include "advisors/AdvisorStore.h"
#include "core/Clock.h"
#include "retention/RetentionPolicy.h"
#include "stats/StatisticsStore.h"
#include "storage/Database.h"
#include "tls/ServerCredentials.h"
#include "tls/TlsProfile.h"
#include "tls/TlsSelfTest.h"

#include <QDateTime>
#include <QDir>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

namespace consult {

namespace {

// Turns terminal echo off while a password is typed.
class EchoOff
{
public:
    EchoOff()
    {
        m_active = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios silent = m_saved;
            silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        }
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
    bool interactive() const { return m_active; }

private:
    termios m_saved{};
    bool m_active = false;
};

std::unique_ptr<Database> openDatabase(const ServerConfig &config, QTextStream &err)
{
    QDir().mkpath(config.dataDirectory);
    auto database = Database::openSqlite(config.databasePath());
    if (!database) {
        err << "cannot open the database: " << database.problem().message << Qt::endl;
        return nullptr;
    }
    return std::move(database).value();
}

// The advisor named on the command line, or nothing after saying so on `err`.
std::optional<AdvisorAccount> findAdvisor(AdvisorStore &store, const QString &username, QTextStream &err)
{
    auto account = store.findByUsername(username);
    if (!account)
        err << "No such user: " << username << "\n";
    return account;
}

} // namespace

QString AdminCommands::usage()
{
    return QStringLiteral(
        "Commands:\n"
        "  serve                                   run the server (default)\n"
        "  check                                   check configuration, certificate and the TLS self-test\n"
        "  advisor add <user> --display-name <name> [--capacity <n>]\n"
        "                                          create an advisor; the password is read from standard input\n"
        "  advisor disable <user>                  disable an advisor; running sessions end within a minute\n"
        "  advisor enable <user>                   enable a disabled advisor again\n"
        "  advisor reset-password <user>           set a new password (read from standard input)\n"
        "  advisor set-capacity <user> <n>         parallel consultations allowed\n"
        "  advisor supervisor <user> on|off        give or take the supervisor role (the overview of\n"
        "                                          queue, advisors and anonymous statistics)\n"
        "  advisor list                            list advisors\n"
        "  advisor totp-enrol <user>               give the advisor a second factor (authenticator app,\n"
        "                                          six-digit codes); prints its secret and a QR code\n"
        "  advisor totp-remove <user>              remove the second factor (password alone again)\n"
        "  purge                                   delete what is past its retention period now\n"
        "  stats export                            print the anonymous statistics as CSV\n");
}

int AdminCommands::run(const QStringList &arguments, const QString &displayName, int capacity)
{
    const QString command = arguments.value(0);
    const QString sub = arguments.value(1);
    if (command == u"check")
        return check();
    if (command == u"purge")
        return purge();
    if (command == u"stats" && sub == u"export")
        return exportStatistics();
    if (command == u"advisor") {
        const QString user = arguments.value(2);
        if (sub == u"list")
            return advisorList();
        if (user.isEmpty()) {
            m_err << "advisor " << sub << ": a user name is required\n" << usage();
            return 2;
        }
        if (sub == u"add")
            return advisorAdd(user, displayName, capacity);
        if (sub == u"disable" || sub == u"enable")
            return advisorSetDisabled(user, sub == u"disable");
        if (sub == u"reset-password")
            return advisorResetPassword(user);
        if (sub == u"totp-enrol")
            return advisorTotpEnrol(user);
        if (sub == u"totp-remove")
            return advisorTotpRemove(user);
        if (sub == u"supervisor") {
            const QString value = arguments.value(3);
            if (value != u"on" && value != u"off") {
                m_err << "supervisor: on or off is required\n";
                return 2;
            }
            return advisorSetSupervisor(user, value == u"on");
        }
        if (sub == u"set-capacity") {
            bool ok = false;
            const int n = arguments.value(3).toInt(&ok);
            if (!ok || n < 1 || n > 20) {
                m_err << "set-capacity: a number from 1 to 20 is required\n";
                return 2;
            }
            return advisorSetCapacity(user, n);
        }
    }
    m_err << "unknown command: " << arguments.join(u' ') << "\n" << usage();
    return 2;
}

std::optional<QString> AdminCommands::readNewPassword(const QStringList &contextWords)
{
    EchoOff echo;
    if (echo.interactive()) {
        m_out << "New password: " << Qt::flush;
    }
    const QString password = m_in.readLine();
    if (echo.interactive()) {
        m_out << "\nRepeat the password: " << Qt::flush;
        const QString again = m_in.readLine();
        m_out << "\n";
        if (again != password) {
            m_err << "The passwords differ.\n";
            return std::nullopt;
        }
    }
    const PasswordPolicy policy;
    if (auto checked = policy.check(password, contextWords); !checked) {
        m_err << "The password is not accepted: " << checked.problem().message << "\n";
        return std::nullopt;
    }
    return password;
}

int AdminCommands::advisorAdd(const QString &username, const QString &displayName, int capacity)
{
    const QString user = AdvisorStore::normaliseUsername(username);
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9._-]{2,64}$"));
    if (!allowed.match(user).hasMatch()) {
        m_err << "User names are 2-64 characters: letters a-z, digits, dot, dash, underscore.\n";
        return 2;
    }
    if (displayName.trimmed().isEmpty() || displayName.size() > 100) {
        m_err << "advisor add: --display-name is required (at most 100 characters)\n";
        return 2;
    }
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    if (store.findByUsername(user)) {
        m_err << "The user " << user << " exists already.\n";
        return 1;
    }
    const auto password = readNewPassword(
        {user, displayName, m_config.bankName, QStringLiteral("sparkasse"), QStringLiteral("beratung")});
    if (!password)
        return 1;
    const auto hash = PasswordHasher().hash(*password);
    if (!hash) {
        m_err << "cannot hash the password: " << hash.problem().message << "\n";
        return 1;
    }
    const int places = capacity > 0 ? capacity : m_config.defaultCapacity;
    if (auto created =
            store.create(user, displayName.trimmed(), hash.value(), places, QDateTime::currentMSecsSinceEpoch());
        !created) {
        m_err << "cannot create the user: " << created.problem().message << "\n";
        return 1;
    }
    m_out << "Advisor " << user << " (" << displayName.trimmed() << ") created, " << places
          << " parallel consultations.\n";
    return 0;
}

int AdminCommands::advisorSetDisabled(const QString &username, bool disabled)
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    const auto account = findAdvisor(store, username, m_err);
    if (!account)
        return 1;
    if (auto changed = store.setDisabled(username, disabled); !changed) {
        m_err << changed.problem().message << "\n";
        return 1;
    }
    if (disabled)
        (void)store.revokeTokensOf(account->id); // A6: every "stay logged in" token dies with the account
    m_out << "Advisor " << account->username << (disabled ? " disabled." : " enabled.") << "\n";
    return 0;
}

int AdminCommands::advisorResetPassword(const QString &username)
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    const auto account = findAdvisor(store, username, m_err);
    if (!account)
        return 1;
    const auto password = readNewPassword({account->username, account->displayName, m_config.bankName,
                                           QStringLiteral("sparkasse"), QStringLiteral("beratung")});
    if (!password)
        return 1;
    const auto hash = PasswordHasher().hash(*password);
    if (!hash || !store.setPasswordHash(username, hash.value())) {
        m_err << "cannot store the new password\n";
        return 1;
    }
    (void)store.revokeTokensOf(account->id);
    m_out << "Password of " << account->username << " changed; existing sessions must log in again.\n";
    return 0;
}

int AdminCommands::advisorSetCapacity(const QString &username, int capacity)
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    const auto changed = store.setCapacity(username, capacity);
    if (!changed || !changed.value()) {
        m_err << "No such user: " << username << "\n";
        return 1;
    }
    m_out << "Capacity of " << AdvisorStore::normaliseUsername(username) << " is now " << capacity
          << " (from the next log-in).\n";
    return 0;
}

int AdminCommands::advisorSetSupervisor(const QString &username, bool supervisor)
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    const auto changed = store.setSupervisor(username, supervisor);
    if (!changed || !changed.value()) {
        m_err << "No such user: " << username << "\n";
        return 1;
    }
    // The server asks the database at every request for the overview: taking the role away works at
    // once, also for a supervisor logged in now.
    m_out << AdvisorStore::normaliseUsername(username)
          << (supervisor ? " is now a supervisor.\n" : " is no longer a supervisor.\n");
    return 0;
}

int AdminCommands::advisorList()
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    const auto accounts = store.list();
    m_out << QStringLiteral("%1  %2  %3  %4\n")
                 .arg(QStringLiteral("user"), -20)
                 .arg(QStringLiteral("display name"), -30)
                 .arg(QStringLiteral("capacity"))
                 .arg(QStringLiteral("state"));
    for (const AdvisorAccount &account : accounts) {
        m_out << QStringLiteral("%1  %2  %3  %4\n")
                     .arg(account.username, -20)
                     .arg(account.displayName, -30)
                     .arg(account.capacity, 8)
                     .arg((account.disabled ? QStringLiteral("disabled") : QStringLiteral("active")) +
                          (account.supervisor ? QStringLiteral(", supervisor") : QString()));
    }
    m_out << accounts.size() << " advisors\n";
    return 0;
}

int AdminCommands::advisorTotpEnrol(const QString &username)
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    const auto account = findAdvisor(store, username, m_err);
    if (!account)
        return 1;
    // A new enrolment replaces an old one: a lost or replaced phone is enrolled again.
    const QByteArray secret = OneTimeCode::newSecret();
    const QString uri = OneTimeCode::provisioningUri(secret, m_config.bankName, account->username);
    const auto qrCode = TerminalQrCode::render(uri);
    if (!qrCode) {
        m_err << "cannot draw the QR code (the bank name is too long?)\n";
        return 1;
    }
    if (auto changed = store.setTotpSecret(account->username, secret); !changed || !changed.value()) {
        m_err << "cannot store the second factor\n";
        return 1;
    }
    m_out << "Second factor of " << account->username << (account->hasSecondFactor() ? " replaced" : " enrolled")
          << ". From the next log-in on, the password alone is not enough.\n"
          << "Scan the QR code with the advisor's authenticator app, or type in the secret.\n\n"
          << *qrCode << "\n"
          << "Secret (base32): " << OneTimeCode::base32(secret) << "\n"
          << "URI: " << uri << "\n"
          << "Keep neither: the secret is the second factor. Clear the terminal afterwards.\n";
    return 0;
}

int AdminCommands::advisorTotpRemove(const QString &username)
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    AdvisorStore store(*database);
    const auto account = findAdvisor(store, username, m_err);
    if (!account)
        return 1;
    if (!account->hasSecondFactor()) {
        m_out << account->username << " has no second factor.\n";
        return 0;
    }
    if (auto changed = store.setTotpSecret(account->username, {}); !changed || !changed.value()) {
        m_err << "cannot remove the second factor\n";
        return 1;
    }
    m_out << "Second factor of " << account->username << " removed; the password alone logs in again.\n";
    return 0;
}

int AdminCommands::purge()
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    // The same policy the running server applies at start-up and hourly.
    const auto report = RetentionPolicy(*database, SystemClock::instance(), RetentionPeriods::of(m_config)).apply();
    if (!report) {
        m_err << "purge failed: " << report.problem().message << "\n";
        return 1;
    }
    m_out << report->summary() << "\n";
    return 0;
}

int AdminCommands::exportStatistics()
{
    auto database = openDatabase(m_config, m_err);
    if (!database)
        return 1;
    if (auto exported = StatisticsStore(*database).exportCsv(m_out); !exported) {
        m_err << exported.problem().message << "\n";
        return 1;
    }
    return 0;
}

int AdminCommands::check()
{
    auto credentials = tls::loadServerCredentials(m_config.certificateChainPath, m_config.privateKeyPath);
    if (!credentials) {
        m_err << "certificate: " << credentials.problem().message << "\n";
        return 1;
    }
    if (auto selfTest =
            tls::runTlsSelfTest(tls::serverConfiguration(credentials.value().chain, credentials.value().privateKey));
        !selfTest) {
        m_err << "TLS self-test: " << selfTest.problem().message << "\n";
        return 1;
    }
    m_out << "Configuration, certificate and TLS self-test are fine.\n";
    return 0;
}

} // namespace consult
