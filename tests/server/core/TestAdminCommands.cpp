#include "accounts/PasswordHasher.h"
#include "advisors/AdvisorStore.h"
#include "app/AdminCommands.h"
#include "config/ServerConfig.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

using namespace consult;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 24 * kHourMs;
const QString kStrongPassword = u"Kaffeetasse-Wolkenkratzer-Hafen"_s;
const QString kOtherStrongPassword = u"Leuchtturm Ostsee Brandung 7"_s;
// A syntactically valid PHC string for accounts the test creates without the cost of hashing.
const QString kDummyHash = u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNo"_s;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// The operators' command line: advisor accounts with the password policy (A4) and
// Argon2id hashes (A1), token revocation on disable and password reset (A6), the purge (P5,
// retention) and the statistics export (P3). Exit codes: 0 done, 1 refused or failed, 2 usage.
class TestAdminCommands final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The commands switch terminal echo off when standard input is a terminal and then ask
        // twice; run them as in a script, whoever starts the test.
        m_savedStdin = ::dup(STDIN_FILENO);
        const int devNull = ::open("/dev/null", O_RDONLY);
        QVERIFY(devNull >= 0);
        QVERIFY(::dup2(devNull, STDIN_FILENO) == STDIN_FILENO);
        ::close(devNull);
    }

    void cleanupTestCase()
    {
        if (m_savedStdin >= 0) {
            ::dup2(m_savedStdin, STDIN_FILENO);
            ::close(m_savedStdin);
        }
    }

    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        const QString iniPath = m_directory->filePath(u"consult-server.ini"_s);
        QFile ini(iniPath);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[network]\ncertificate_chain = tls/chain.pem\nprivate_key = tls/key.pem\n"
                  "[storage]\ndata_directory = data\n"
                  "[advisors]\ndefault_capacity = 2\n"
                  "[service]\nbank_name = \"Kreissparkasse Musterstadt\"\n");
        ini.close();
        auto config = ServerConfig::load(iniPath);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.problem().message));
        m_config = std::make_unique<ServerConfig>(std::move(config).value());
        QCOMPARE(m_config->dataDirectory, m_directory->filePath(u"data"_s));
    }

    void cleanup() { m_directory.reset(); }

    void addingAnAdvisorStoresOnlyAnArgon2idHashOfThePassword()
    {
        QCOMPARE(run({u"advisor"_s, u"add"_s, u"anna.schmidt"_s}, kStrongPassword, u"Anna Schmidt"_s), 0);
        QVERIFY2(m_out.contains(u"Advisor anna.schmidt (Anna Schmidt) created, 2 parallel consultations."_s),
                 qPrintable(m_out));
        QVERIFY(!m_out.contains(kStrongPassword));
        QVERIFY(!m_err.contains(kStrongPassword));

        const auto account = find(u"anna.schmidt"_s);
        QVERIFY(account);
        QCOMPARE(account->displayName, u"Anna Schmidt"_s);
        QVERIFY(account->passwordHash.startsWith(u"$argon2id$v=19$"_s)); // A1
        QVERIFY(PasswordHasher().verify(kStrongPassword, account->passwordHash));
        QVERIFY(!PasswordHasher().verify(kOtherStrongPassword, account->passwordHash));

        // A1: no copy of the password anywhere in the database files.
        const QString db = m_config->databasePath();
        const QByteArray files = readAll(db) + readAll(db + u"-wal"_s) + readAll(db + u"-journal"_s);
        QVERIFY(!files.isEmpty());
        QVERIFY(files.contains(account->passwordHash.toUtf8())); // the scan can fail
        QVERIFY(!files.contains(kStrongPassword.toUtf8()));
    }

    void weakPasswordsAreRefusedByThePolicy_data()
    {
        QTest::addColumn<QString>("password");
        // A4 with ASVS 6.2.11 context words: the product's bank, the configured bank, the user.
        QTest::newRow("Sparkasse2024") << u"Sparkasse2024"_s;
        QTest::newRow("configured bank name") << u"Musterstadt2024!"_s;
        QTest::newRow("user name") << u"anna.schmidt2024!"_s;
        QTest::newRow("display name") << u"Schmidt-Anna-2024"_s;
        QTest::newRow("common password") << u"Passwort1234!"_s;
        QTest::newRow("too short") << u"kurz"_s;
        QTest::newRow("empty input") << QString();
    }

    void weakPasswordsAreRefusedByThePolicy()
    {
        QFETCH(QString, password);
        QCOMPARE(run({u"advisor"_s, u"add"_s, u"anna.schmidt"_s}, password, u"Anna Schmidt"_s), 1);
        QVERIFY2(m_err.contains(u"not accepted"_s), qPrintable(m_err));
        QVERIFY(!find(u"anna.schmidt"_s));
    }

    void userNamesMustHaveTheAllowedForm_data()
    {
        QTest::addColumn<QString>("username");
        QTest::newRow("one character") << u"a"_s;
        QTest::newRow("space") << u"anna schmidt"_s;
        QTest::newRow("slash") << u"anna/schmidt"_s;
        QTest::newRow("at sign") << u"anna@bank.example"_s;
        QTest::newRow("umlaut") << u"jörg"_s;
        QTest::newRow("65 characters") << QString(65, u'a');
        QTest::newRow("control character") << u"anna\nschmidt"_s;
    }

    void userNamesMustHaveTheAllowedForm()
    {
        QFETCH(QString, username);
        QCOMPARE(run({u"advisor"_s, u"add"_s, username}, kStrongPassword, u"Anna"_s), 2);
        QVERIFY2(m_err.contains(u"User names are 2-64 characters"_s), qPrintable(m_err));
        QCOMPARE(accounts().size(), 0);
    }

    void userNamesAreStoredInLowerCase_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("stored");
        QTest::newRow("mixed case") << u"Anna.Schmidt"_s << u"anna.schmidt"_s;
        QTest::newRow("two characters") << u"ab"_s << u"ab"_s;
        QTest::newRow("64 characters") << QString(64, u'x') << QString(64, u'x');
        QTest::newRow("digits, dash, underscore") << u"max_muster-2"_s << u"max_muster-2"_s;
    }

    void userNamesAreStoredInLowerCase()
    {
        QFETCH(QString, username);
        QFETCH(QString, stored);
        QCOMPARE(run({u"advisor"_s, u"add"_s, username}, kStrongPassword, u"Erika Beispiel"_s), 0);
        QCOMPARE(accounts().size(), 1);
        QCOMPARE(accounts().first().username, stored);
    }

    void aDisplayNameIsRequired_data()
    {
        QTest::addColumn<QString>("displayName");
        QTest::newRow("none") << QString();
        QTest::newRow("blank") << u"   "_s;
        QTest::newRow("101 characters") << QString(101, u'n');
    }

    void aDisplayNameIsRequired()
    {
        QFETCH(QString, displayName);
        QCOMPARE(run({u"advisor"_s, u"add"_s, u"anna"_s}, kStrongPassword, displayName), 2);
        QVERIFY(m_err.contains(u"--display-name"_s));
        QVERIFY(!find(u"anna"_s));
    }

    void anExistingUserIsNotAddedAgain()
    {
        createDirectly(u"anna"_s, u"Anna"_s);
        QCOMPARE(run({u"advisor"_s, u"add"_s, u"ANNA"_s}, kStrongPassword, u"Other Anna"_s), 1);
        QVERIFY2(m_err.contains(u"exists already"_s), qPrintable(m_err));
        QCOMPARE(find(u"anna"_s)->displayName, u"Anna"_s);
        QCOMPARE(find(u"anna"_s)->passwordHash, kDummyHash);
    }

    void theCapacityComesFromTheOptionOrTheConfiguredDefault_data()
    {
        QTest::addColumn<int>("option");
        QTest::addColumn<int>("expected");
        QTest::newRow("option") << 4 << 4;
        QTest::newRow("no option: default_capacity") << 0 << 2;
    }

    void theCapacityComesFromTheOptionOrTheConfiguredDefault()
    {
        QFETCH(int, option);
        QFETCH(int, expected);
        QCOMPARE(run({u"advisor"_s, u"add"_s, u"anna"_s}, kStrongPassword, u"Anna"_s, option), 0);
        QCOMPARE(find(u"anna"_s)->capacity, expected);
    }

    void theListShowsEveryAdvisorWithCapacityAndState()
    {
        createDirectly(u"max"_s, u"Max Mustermann"_s, 1);
        createDirectly(u"anna.schmidt"_s, u"Anna Schmidt"_s, 3);
        QVERIFY(withStore([](AdvisorStore &store) { return store.setDisabled(u"max"_s, true).ok(); }));

        QCOMPARE(run({u"advisor"_s, u"list"_s}), 0);
        const QStringList lines = m_out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(QRegularExpression(u"^user\\s+display name\\s+capacity\\s+state$"_s).match(lines.at(0)).hasMatch(),
                 qPrintable(lines.at(0)));
        QVERIFY2(QRegularExpression(u"^anna\\.schmidt\\s+Anna Schmidt\\s+3\\s+active$"_s).match(lines.at(1)).hasMatch(),
                 qPrintable(lines.at(1)));
        QVERIFY2(QRegularExpression(u"^max\\s+Max Mustermann\\s+1\\s+disabled$"_s).match(lines.at(2)).hasMatch(),
                 qPrintable(lines.at(2)));
        QCOMPARE(lines.at(3), u"2 advisors"_s);
        QVERIFY(!m_out.contains(u"argon2"_s)); // hashes are not shown
    }

    void anEmptyListSaysSo()
    {
        QCOMPARE(run({u"advisor"_s, u"list"_s}), 0);
        QVERIFY(m_out.endsWith(u"0 advisors\n"_s));
    }

    void disablingAnAdvisorRevokesEveryTokenOfThatAdvisor()
    {
        // A6: "stay logged in" tokens die with the account.
        const qint64 anna = createDirectly(u"anna"_s, u"Anna"_s);
        const qint64 max = createDirectly(u"max"_s, u"Max"_s);
        insertToken(anna, 'a');
        insertToken(anna, 'b');
        insertToken(max, 'm');

        QCOMPARE(run({u"advisor"_s, u"disable"_s, u"Anna"_s}), 0);
        QCOMPARE(m_out, u"Advisor anna disabled.\n"_s);
        QVERIFY(find(u"anna"_s)->disabled);
        QCOMPARE(tokenRevoked('a'), true);
        QCOMPARE(tokenRevoked('b'), true);
        QCOMPARE(tokenRevoked('m'), false);
        QVERIFY(!find(u"max"_s)->disabled);
    }

    void enablingAnAdvisorRevivesNoToken()
    {
        const qint64 anna = createDirectly(u"anna"_s, u"Anna"_s);
        insertToken(anna, 'a');
        QCOMPARE(run({u"advisor"_s, u"disable"_s, u"anna"_s}), 0);

        QCOMPARE(run({u"advisor"_s, u"enable"_s, u"anna"_s}), 0);
        QCOMPARE(m_out, u"Advisor anna enabled.\n"_s);
        QVERIFY(!find(u"anna"_s)->disabled);
        QCOMPARE(tokenRevoked('a'), true);
    }

    void changingAnUnknownAdvisorFails_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("disable") << QStringList{u"advisor"_s, u"disable"_s, u"nobody"_s};
        QTest::newRow("enable") << QStringList{u"advisor"_s, u"enable"_s, u"nobody"_s};
        QTest::newRow("reset-password") << QStringList{u"advisor"_s, u"reset-password"_s, u"nobody"_s};
        QTest::newRow("set-capacity") << QStringList{u"advisor"_s, u"set-capacity"_s, u"nobody"_s, u"3"_s};
        QTest::newRow("supervisor") << QStringList{u"advisor"_s, u"supervisor"_s, u"nobody"_s, u"on"_s};
    }

    void changingAnUnknownAdvisorFails()
    {
        QFETCH(QStringList, arguments);
        createDirectly(u"anna"_s, u"Anna"_s);
        QCOMPARE(run(arguments, kStrongPassword), 1);
        QVERIFY2(m_err.contains(u"No such user: nobody"_s), qPrintable(m_err));
        QCOMPARE(accounts().size(), 1);
    }

    void resettingThePasswordReplacesTheHashAndRevokesTokens()
    {
        const qint64 anna = createDirectly(u"anna"_s, u"Anna"_s);
        insertToken(anna, 'a');
        QCOMPARE(run({u"advisor"_s, u"reset-password"_s, u"anna"_s}, kOtherStrongPassword), 0);
        QVERIFY(m_out.contains(u"Password of anna changed"_s));
        const auto account = find(u"anna"_s);
        QVERIFY(account->passwordHash != kDummyHash);
        QVERIFY(PasswordHasher().verify(kOtherStrongPassword, account->passwordHash));
        QCOMPARE(tokenRevoked('a'), true);
    }

    void aWeakNewPasswordChangesNothing()
    {
        const qint64 anna = createDirectly(u"anna"_s, u"Anna"_s);
        insertToken(anna, 'a');
        QCOMPARE(run({u"advisor"_s, u"reset-password"_s, u"anna"_s}, u"Sparkasse2024"_s), 1);
        QVERIFY(m_err.contains(u"not accepted"_s));
        QCOMPARE(find(u"anna"_s)->passwordHash, kDummyHash);
        QCOMPARE(tokenRevoked('a'), false);
    }

    void setCapacityChangesTheCapacity()
    {
        createDirectly(u"anna"_s, u"Anna"_s, 1);
        QCOMPARE(run({u"advisor"_s, u"set-capacity"_s, u"ANNA"_s, u"5"_s}), 0);
        QCOMPARE(m_out, u"Capacity of anna is now 5 (from the next log-in).\n"_s);
        QCOMPARE(find(u"anna"_s)->capacity, 5);
    }

    void theSupervisorRoleIsGivenAndTakenAndListed()
    {
        // Issue 14: only an account with the role may see the supervisor overview.
        createDirectly(u"anna"_s, u"Anna"_s);
        QCOMPARE(find(u"anna"_s)->supervisor, false);
        QCOMPARE(run({u"advisor"_s, u"supervisor"_s, u"Anna"_s, u"on"_s}), 0);
        QCOMPARE(m_out, u"anna is now a supervisor.\n"_s);
        QCOMPARE(find(u"anna"_s)->supervisor, true);
        m_out.clear();
        QCOMPARE(run({u"advisor"_s, u"list"_s}), 0);
        QVERIFY2(m_out.contains(u"active, supervisor"_s), qPrintable(m_out));
        m_out.clear();
        QCOMPARE(run({u"advisor"_s, u"supervisor"_s, u"anna"_s, u"off"_s}), 0);
        QCOMPARE(m_out, u"anna is no longer a supervisor.\n"_s);
        QCOMPARE(find(u"anna"_s)->supervisor, false);
    }

    void theSupervisorRoleNeedsOnOrOff()
    {
        createDirectly(u"anna"_s, u"Anna"_s);
        QCOMPARE(run({u"advisor"_s, u"supervisor"_s, u"anna"_s, u"yes"_s}), 2);
        QVERIFY(m_err.contains(u"on or off"_s));
        QCOMPARE(find(u"anna"_s)->supervisor, false);
    }

    void setCapacityNeedsANumberFromOneToTwenty_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("zero") << u"0"_s;
        QTest::newRow("21") << u"21"_s;
        QTest::newRow("negative") << u"-3"_s;
        QTest::newRow("word") << u"drei"_s;
        QTest::newRow("missing") << QString();
    }

    void setCapacityNeedsANumberFromOneToTwenty()
    {
        QFETCH(QString, value);
        createDirectly(u"anna"_s, u"Anna"_s, 1);
        QStringList arguments{u"advisor"_s, u"set-capacity"_s, u"anna"_s};
        if (!value.isNull())
            arguments.append(value);
        QCOMPARE(run(arguments), 2);
        QVERIFY(m_err.contains(u"a number from 1 to 20"_s));
        QCOMPARE(find(u"anna"_s)->capacity, 1);
    }

    void purgeDeletesWhatIsPastItsRetentionAndSaysHowMuch()
    {
        // The command takes the system clock; ages are days away from any boundary.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 anna = createDirectly(u"anna"_s, u"Anna"_s);
        QVERIFY(withDatabase([&](Database &db) {
            bool ok = true;
            // Access log, 7 days (P5): -8 d goes, -6 d stays.
            for (const qint64 age : {8 * kDayMs, 6 * kDayMs})
                ok &= db.exec(u"INSERT INTO access_log VALUES (?, '192.0.2.1', 'c', '/', 101)"_s, {now - age}).ok();
            // Inbox, 14 days by default: -15 d goes, -1 d stays.
            ok &= db.exec(u"INSERT INTO inbox VALUES ('old', ?, x'00')"_s, {now - 15 * kDayMs}).ok();
            ok &= db.exec(u"INSERT INTO inbox VALUES ('new', ?, x'00')"_s, {now - kDayMs}).ok();
            // Statistics, 730 days by default: -731 d goes, -1 d stays.
            for (const qint64 age : {731 * kDayMs, kDayMs})
                ok &= db.exec(u"INSERT INTO statistics VALUES (?, 10, 'completed', 1, 1)"_s, {now - age}).ok();
            return ok;
        }));
        insertToken(anna, 'x', now - kHourMs);      // expired an hour ago: goes
        insertToken(anna, 'r', now + 10 * kHourMs); // revoked: goes
        insertToken(anna, 'v', now + 10 * kHourMs); // valid: stays
        QVERIFY(withStore([](AdvisorStore &store) { return store.revokeToken(QByteArray(32, 'r')).ok(); }));

        QCOMPARE(run({u"purge"_s}), 0);
        QCOMPARE(m_out, u"Deleted 1 access log entries, 1 messages, 1 statistics records, 2 expired tokens.\n"_s);
        QCOMPARE(count(u"access_log"_s), 1);
        QCOMPARE(count(u"inbox"_s), 1);
        QCOMPARE(count(u"statistics"_s), 1);
        QCOMPARE(count(u"advisor_tokens"_s), 1);
        QVERIFY(withStore([](AdvisorStore &store) { return store.findToken(QByteArray(32, 'v')).has_value(); }));

        QCOMPARE(run({u"purge"_s}), 0);
        QCOMPARE(m_out, u"Deleted 0 access log entries, 0 messages, 0 statistics records, 0 expired tokens.\n"_s);
    }

    void statsExportPrintsTheAnonymousStatisticsAsCsv()
    {
        const qint64 hour = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
        QVERIFY(withDatabase([&](Database &db) {
            return db.exec(u"INSERT INTO statistics VALUES (?, 12, 'completed', 3, 2)"_s, {hour}).ok() &&
                   db.exec(u"INSERT INTO statistics VALUES (?, 0, 'message_left', 0, 3)"_s, {hour + kHourMs}).ok();
        }));
        QCOMPARE(run({u"stats"_s, u"export"_s}), 0);
        QCOMPARE(m_out,
                 u"start_hour_utc,duration_minutes,wait_band,outcome,chat,audio,video,whiteboard,documents,forms\n"
                 "2026-03-02T09:00:00Z,12,2,completed,1,1,0,0,0,0\n"
                 "2026-03-02T10:00:00Z,0,3,message_left,0,0,0,0,0,0\n"_s);
        QVERIFY(m_err.isEmpty());
    }

    void unknownCommandsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
        QTest::newRow("unknown advisor command") << QStringList{u"advisor"_s, u"rename"_s, u"anna"_s};
        QTest::newRow("advisor without command") << QStringList{u"advisor"_s};
        QTest::newRow("stats without export") << QStringList{u"stats"_s};
        QTest::newRow("stats import") << QStringList{u"stats"_s, u"import"_s};
        QTest::newRow("add without user") << QStringList{u"advisor"_s, u"add"_s};
        QTest::newRow("case matters") << QStringList{u"PURGE"_s};
    }

    void unknownCommandsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QCOMPARE(run(arguments, kStrongPassword, u"Anna"_s), 2);
        QVERIFY2(m_err.contains(u"Commands:"_s), qPrintable(m_err)); // the usage follows
        QVERIFY(m_out.isEmpty());
        QCOMPARE(accounts().size(), 0);
    }

private:
    int run(const QStringList &arguments, const QString &input = {}, const QString &displayName = {}, int capacity = 0)
    {
        // The password twice: read once when not interactive, twice (new, repeat) on a terminal.
        QString in = input + u'\n' + input + u'\n';
        QTextStream inStream(&in, QIODevice::ReadOnly);
        m_out.clear();
        m_err.clear();
        QTextStream outStream(&m_out);
        QTextStream errStream(&m_err);
        const int code = AdminCommands(*m_config, inStream, outStream, errStream).run(arguments, displayName, capacity);
        outStream.flush();
        errStream.flush();
        return code;
    }

    template <typename Function>
    bool withDatabase(Function function)
    {
        QDir().mkpath(m_config->dataDirectory);
        auto database = Database::openSqlite(m_config->databasePath());
        return database.ok() && function(*database.value());
    }

    template <typename Function>
    auto withStore(Function function) -> decltype(function(std::declval<AdvisorStore &>()))
    {
        QDir().mkpath(m_config->dataDirectory);
        auto database = Database::openSqlite(m_config->databasePath());
        if (!database)
            qFatal("cannot open the test database");
        AdvisorStore store(*database.value());
        return function(store);
    }

    std::optional<AdvisorAccount> find(const QString &username)
    {
        return withStore([&](AdvisorStore &store) { return store.findByUsername(username); });
    }

    QList<AdvisorAccount> accounts()
    {
        return withStore([](AdvisorStore &store) { return store.list(); });
    }

    qint64 createDirectly(const QString &username, const QString &displayName, int capacity = 1)
    {
        return withStore([&](AdvisorStore &store) {
            const auto id = store.create(username, displayName, kDummyHash, capacity, 0);
            return id.ok() ? id.value() : -1;
        });
    }

    void insertToken(qint64 advisorId, char fill, qint64 expiresAtMs = QDateTime::currentMSecsSinceEpoch() + kDayMs)
    {
        QVERIFY(withStore([&](AdvisorStore &store) {
            return store.insertToken(AdvisorToken{QByteArray(32, fill), advisorId, 0, 0, expiresAtMs, false}).ok();
        }));
    }

    bool tokenRevoked(char fill)
    {
        return withStore([&](AdvisorStore &store) {
            const auto token = store.findToken(QByteArray(32, fill));
            return token && token->revoked;
        });
    }

    int count(const QString &table)
    {
        int rows = -1;
        withDatabase([&](Database &db) {
            auto query = db.exec(u"SELECT COUNT(*) FROM "_s + table);
            if (query && query.value().next())
                rows = query.value().value(0).toInt();
            return true;
        });
        return rows;
    }

    int m_savedStdin = -1;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<ServerConfig> m_config;
    QString m_out;
    QString m_err;
};

QTEST_GUILESS_MAIN(TestAdminCommands)
#include "TestAdminCommands.moc"
