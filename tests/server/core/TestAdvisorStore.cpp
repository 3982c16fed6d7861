#include "advisors/AdvisorStore.h"
#include "storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace consult;

namespace {

constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01 00:00 UTC
constexpr qint64 kHourMs = 3'600'000;
const QString kHash = QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA");

AdvisorToken tokenFor(qint64 advisorId, char fill, qint64 createdMs, qint64 lifetimeMs)
{
    return AdvisorToken{QByteArray(32, fill), advisorId, createdMs, createdMs, createdMs + lifetimeMs, false};
}

} // namespace

// Advisor accounts and their revocable tokens in the database (A1, A6, A7).
class TestAdvisorStore final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        auto database = Database::openSqlite(m_directory->filePath(QStringLiteral("consult.sqlite")));
        QVERIFY(database.ok());
        m_database = std::move(database).value();
        m_store = std::make_unique<AdvisorStore>(*m_database);
    }

    void cleanup()
    {
        m_store.reset();
        m_database.reset();
        m_directory.reset();
    }

    void aCreatedAdvisorIsFoundByIdAndName()
    {
        const auto id =
            m_store->create(QStringLiteral("anna.schmidt"), QStringLiteral("Anna Schmidt"), kHash, 3, kStartMs);
        QVERIFY(id.ok());
        const auto byName = m_store->findByUsername(QStringLiteral("anna.schmidt"));
        QVERIFY(byName);
        QCOMPARE(byName->id, id.value());
        QCOMPARE(byName->displayName, QStringLiteral("Anna Schmidt"));
        QCOMPARE(byName->passwordHash, kHash);
        QCOMPARE(byName->capacity, 3);
        QCOMPARE(byName->disabled, false);
        QCOMPARE(byName->createdAtMs, kStartMs);
        const auto byId = m_store->findById(id.value());
        QVERIFY(byId);
        QCOMPARE(byId->username, QStringLiteral("anna.schmidt"));
        QVERIFY(!m_store->findById(id.value() + 1));
        QVERIFY(!m_store->findByUsername(QStringLiteral("anna")));
    }

    void userNamesAreFoundWhateverTheirCase_data()
    {
        QTest::addColumn<QString>("created");
        QTest::addColumn<QString>("looked");
        QTest::newRow("upper when looking") << QStringLiteral("anna") << QStringLiteral("ANNA");
        QTest::newRow("upper when created") << QStringLiteral("Anna") << QStringLiteral("anna");
        QTest::newRow("surrounding spaces") << QStringLiteral("anna") << QStringLiteral("  Anna ");
        QTest::newRow("umlaut") << QStringLiteral("jörg") << QStringLiteral("JÖRG");
    }

    void userNamesAreFoundWhateverTheirCase()
    {
        QFETCH(QString, created);
        QFETCH(QString, looked);
        QVERIFY(m_store->create(created, QStringLiteral("Someone"), kHash, 1, kStartMs).ok());
        const auto account = m_store->findByUsername(looked);
        QVERIFY(account);
        QCOMPARE(account->username, AdvisorStore::normaliseUsername(created));
        QCOMPARE(account->username, account->username.toLower());
    }

    void aSecondAdvisorWithTheSameNameIsRefused_data()
    {
        QTest::addColumn<QString>("second");
        QTest::newRow("same") << QStringLiteral("anna");
        QTest::newRow("other case") << QStringLiteral("ANNA");
        QTest::newRow("padded") << QStringLiteral(" anna ");
    }

    void aSecondAdvisorWithTheSameNameIsRefused()
    {
        QFETCH(QString, second);
        QVERIFY(m_store->create(QStringLiteral("anna"), QStringLiteral("Anna"), kHash, 1, kStartMs).ok());
        const auto duplicate = m_store->create(second, QStringLiteral("Impostor"), kHash, 1, kStartMs);
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.problem().code, QStringLiteral("exists"));
        QCOMPARE(m_store->list().size(), 1);
        QCOMPARE(m_store->findByUsername(QStringLiteral("anna"))->displayName, QStringLiteral("Anna"));
    }

    void theListIsSortedByUserName()
    {
        for (const char *name : {"zoe", "anna", "max"})
            QVERIFY(m_store->create(QString::fromLatin1(name), QStringLiteral("X"), kHash, 1, kStartMs).ok());
        QStringList names;
        for (const AdvisorAccount &account : m_store->list())
            names.append(account.username);
        QCOMPARE(names, (QStringList{QStringLiteral("anna"), QStringLiteral("max"), QStringLiteral("zoe")}));
    }

    void disablingAndEnablingChangesOnlyThatAdvisor()
    {
        QVERIFY(m_store->create(QStringLiteral("anna"), QStringLiteral("Anna"), kHash, 1, kStartMs).ok());
        QVERIFY(m_store->create(QStringLiteral("max"), QStringLiteral("Max"), kHash, 1, kStartMs).ok());

        const auto disabled = m_store->setDisabled(QStringLiteral("ANNA"), true);
        QVERIFY(disabled.ok());
        QVERIFY(disabled.value());
        QVERIFY(m_store->findByUsername(QStringLiteral("anna"))->disabled);
        QVERIFY(!m_store->findByUsername(QStringLiteral("max"))->disabled);

        const auto enabled = m_store->setDisabled(QStringLiteral("anna"), false);
        QVERIFY(enabled.ok());
        QVERIFY(enabled.value());
        QVERIFY(!m_store->findByUsername(QStringLiteral("anna"))->disabled);
    }

    void changesToAnUnknownAdvisorReportNoSuchUser()
    {
        QVERIFY(m_store->create(QStringLiteral("anna"), QStringLiteral("Anna"), kHash, 1, kStartMs).ok());
        const auto disabled = m_store->setDisabled(QStringLiteral("nobody"), true);
        QVERIFY(disabled.ok());
        QVERIFY(!disabled.value());
        const auto reset = m_store->setPasswordHash(QStringLiteral("nobody"), QStringLiteral("x"));
        QVERIFY(reset.ok());
        QVERIFY(!reset.value());
        const auto capacity = m_store->setCapacity(QStringLiteral("nobody"), 2);
        QVERIFY(capacity.ok());
        QVERIFY(!capacity.value());
        QCOMPARE(m_store->findByUsername(QStringLiteral("anna"))->capacity, 1);
    }

    void resettingThePasswordReplacesTheHash()
    {
        QVERIFY(m_store->create(QStringLiteral("anna"), QStringLiteral("Anna"), kHash, 1, kStartMs).ok());
        const QString newHash = QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3");
        const auto reset = m_store->setPasswordHash(QStringLiteral("Anna"), newHash);
        QVERIFY(reset.ok());
        QVERIFY(reset.value());
        QCOMPARE(m_store->findByUsername(QStringLiteral("anna"))->passwordHash, newHash);
    }

    void theCapacityCanBeChanged()
    {
        QVERIFY(m_store->create(QStringLiteral("anna"), QStringLiteral("Anna"), kHash, 3, kStartMs).ok());
        const auto changed = m_store->setCapacity(QStringLiteral("anna"), 5);
        QVERIFY(changed.ok());
        QVERIFY(changed.value());
        QCOMPARE(m_store->findByUsername(QStringLiteral("anna"))->capacity, 5);
    }

    void aStoredTokenIsFoundByItsHash()
    {
        const qint64 id = createAnna();
        const AdvisorToken token = tokenFor(id, 'a', kStartMs, 10 * kHourMs);
        QVERIFY(m_store->insertToken(token).ok());
        const auto found = m_store->findToken(token.tokenHash);
        QVERIFY(found);
        QCOMPARE(found->tokenHash, token.tokenHash);
        QCOMPARE(found->advisorId, id);
        QCOMPARE(found->createdAtMs, kStartMs);
        QCOMPARE(found->lastUsedAtMs, kStartMs);
        QCOMPARE(found->expiresAtMs, kStartMs + 10 * kHourMs);
        QCOMPARE(found->revoked, false);
        QVERIFY(!m_store->findToken(QByteArray(32, 'b')));
    }

    void aTokenCannotBeStoredTwice()
    {
        const AdvisorToken token = tokenFor(createAnna(), 'a', kStartMs, kHourMs);
        QVERIFY(m_store->insertToken(token).ok());
        QVERIFY(!m_store->insertToken(token).ok());
    }

    void aTokenForAnUnknownAdvisorIsRefused()
    {
        // foreign_keys=ON: a token must belong to an account.
        QVERIFY(!m_store->insertToken(tokenFor(4711, 'a', kStartMs, kHourMs)).ok());
    }

    void touchingATokenRecordsItsLastUseOnly()
    {
        const AdvisorToken token = tokenFor(createAnna(), 'a', kStartMs, 10 * kHourMs);
        QVERIFY(m_store->insertToken(token).ok());
        QVERIFY(m_store->touchToken(token.tokenHash, kStartMs + kHourMs).ok());
        const auto found = m_store->findToken(token.tokenHash);
        QVERIFY(found);
        QCOMPARE(found->lastUsedAtMs, kStartMs + kHourMs);
        QCOMPARE(found->createdAtMs, kStartMs);
        QCOMPARE(found->expiresAtMs, kStartMs + 10 * kHourMs); // A7: use never extends the absolute lifetime
    }

    void aRevokedTokenStaysRevoked()
    {
        // A6: the server can revoke a token; the desk refuses revoked tokens.
        const qint64 id = createAnna();
        const AdvisorToken revoked = tokenFor(id, 'a', kStartMs, kHourMs);
        const AdvisorToken other = tokenFor(id, 'b', kStartMs, kHourMs);
        QVERIFY(m_store->insertToken(revoked).ok());
        QVERIFY(m_store->insertToken(other).ok());
        QVERIFY(m_store->revokeToken(revoked.tokenHash).ok());
        QVERIFY(m_store->touchToken(revoked.tokenHash, kStartMs + 1).ok());
        QCOMPARE(m_store->findToken(revoked.tokenHash)->revoked, true);
        QCOMPARE(m_store->findToken(other.tokenHash)->revoked, false);
    }

    void revokingAnAdvisorsTokensLeavesOtherAdvisorsAlone()
    {
        const qint64 anna = createAnna();
        const auto max = m_store->create(QStringLiteral("max"), QStringLiteral("Max"), kHash, 1, kStartMs);
        QVERIFY(max.ok());
        QVERIFY(m_store->insertToken(tokenFor(anna, 'a', kStartMs, kHourMs)).ok());
        QVERIFY(m_store->insertToken(tokenFor(anna, 'b', kStartMs, kHourMs)).ok());
        QVERIFY(m_store->insertToken(tokenFor(max.value(), 'c', kStartMs, kHourMs)).ok());

        QVERIFY(m_store->revokeTokensOf(anna).ok());

        QCOMPARE(m_store->findToken(QByteArray(32, 'a'))->revoked, true);
        QCOMPARE(m_store->findToken(QByteArray(32, 'b'))->revoked, true);
        QCOMPARE(m_store->findToken(QByteArray(32, 'c'))->revoked, false);
    }

    void purgingDeletesRevokedAndExpiredTokensOnly()
    {
        const qint64 id = createAnna();
        const qint64 now = kStartMs + 10 * kHourMs;
        const AdvisorToken expired = tokenFor(id, 'e', kStartMs, 10 * kHourMs - 1); // expired 1 ms ago
        const AdvisorToken expiresNow = tokenFor(id, 'n', kStartMs, 10 * kHourMs);  // expires at `now`
        const AdvisorToken revoked = tokenFor(id, 'r', now - kHourMs, 10 * kHourMs);
        const AdvisorToken valid = tokenFor(id, 'v', now - kHourMs, 10 * kHourMs);
        for (const AdvisorToken &token : {expired, expiresNow, revoked, valid})
            QVERIFY(m_store->insertToken(token).ok());
        QVERIFY(m_store->revokeToken(revoked.tokenHash).ok());

        const auto purged = m_store->purgeTokens(now);
        QVERIFY(purged.ok());
        QCOMPARE(purged.value(), 2);
        QVERIFY(!m_store->findToken(expired.tokenHash));
        QVERIFY(!m_store->findToken(revoked.tokenHash));
        QVERIFY(m_store->findToken(expiresNow.tokenHash));
        QVERIFY(m_store->findToken(valid.tokenHash));

        const auto again = m_store->purgeTokens(now);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), 0);
    }

private:
    qint64 createAnna()
    {
        const auto id = m_store->create(QStringLiteral("anna"), QStringLiteral("Anna"), kHash, 1, kStartMs);
        return id.ok() ? id.value() : -1;
    }

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AdvisorStore> m_store;
};

QTEST_GUILESS_MAIN(TestAdvisorStore)
#include "TestAdvisorStore.moc"
