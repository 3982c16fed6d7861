#include "AdvisorStore.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace consult {

namespace {

constexpr auto kAccountColumns = "id, username, display_name, password_hash, capacity, disabled, created_at, "
                                 "totp_secret, totp_last_step, supervisor";

AdvisorAccount accountFrom(const QSqlQuery &query)
{
    AdvisorAccount account;
    account.id = query.value(0).toLongLong();
    account.username = query.value(1).toString();
    account.displayName = query.value(2).toString();
    account.passwordHash = query.value(3).toString();
    account.capacity = query.value(4).toInt();
    account.disabled = query.value(5).toInt() != 0;
    account.createdAtMs = query.value(6).toLongLong();
    account.totpSecret = query.value(7).toByteArray();
    account.totpLastStep = query.value(8).toLongLong();
    account.supervisor = query.value(9).toInt() != 0;
    return account;
}

} // namespace

Result<qint64> AdvisorStore::create(const QString &username, const QString &displayName, const QString &passwordHash,
                                    int capacity, qint64 nowMs)
{
    const QString name = normaliseUsername(username);
    if (findByUsername(name))
        return Result<qint64>::failure(QStringLiteral("exists"),
                                       QStringLiteral("the user %1 exists already").arg(name));
    auto inserted = m_database.exec(QStringLiteral("INSERT INTO advisors (username, display_name, password_hash, "
                                                   "capacity, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)"),
                                    {name, displayName, passwordHash, capacity, nowMs});
    if (!inserted)
        return inserted.problem();
    const auto account = findByUsername(name);
    return account ? Result<qint64>(account->id)
                   : Result<qint64>::failure(QStringLiteral("sql_exec"), QStringLiteral("the new user is missing"));
}

std::optional<AdvisorAccount> AdvisorStore::findByUsername(const QString &username)
{
    auto query = m_database.exec(
        QStringLiteral("SELECT %1 FROM advisors WHERE username = ?").arg(QLatin1StringView(kAccountColumns)),
        {normaliseUsername(username)});
    if (!query || !query.value().next())
        return std::nullopt;
    return accountFrom(query.value());
}

std::optional<AdvisorAccount> AdvisorStore::findById(qint64 id)
{
    auto query = m_database.exec(
        QStringLiteral("SELECT %1 FROM advisors WHERE id = ?").arg(QLatin1StringView(kAccountColumns)), {id});
    if (!query || !query.value().next())
        return std::nullopt;
    return accountFrom(query.value());
}

QList<AdvisorAccount> AdvisorStore::list()
{
    QList<AdvisorAccount> accounts;
    auto query = m_database.exec(
        QStringLiteral("SELECT %1 FROM advisors ORDER BY username").arg(QLatin1StringView(kAccountColumns)));
    if (!query)
        return accounts;
    QSqlQuery rows = std::move(query).value();
    while (rows.next())
        accounts.append(accountFrom(rows));
    return accounts;
}

Result<bool> AdvisorStore::setDisabled(const QString &username, bool disabled)
{
    auto query = m_database.exec(QStringLiteral("UPDATE advisors SET disabled = ? WHERE username = ?"),
                                 {disabled ? 1 : 0, normaliseUsername(username)});
    if (!query)
        return query.problem();
    return query.value().numRowsAffected() > 0;
}

Result<bool> AdvisorStore::setPasswordHash(const QString &username, const QString &passwordHash)
{
    auto query = m_database.exec(QStringLiteral("UPDATE advisors SET password_hash = ? WHERE username = ?"),
                                 {passwordHash, normaliseUsername(username)});
    if (!query)
        return query.problem();
    return query.value().numRowsAffected() > 0;
}

Result<bool> AdvisorStore::setCapacity(const QString &username, int capacity)
{
    auto query = m_database.exec(QStringLiteral("UPDATE advisors SET capacity = ? WHERE username = ?"),
                                 {capacity, normaliseUsername(username)});
    if (!query)
        return query.problem();
    return query.value().numRowsAffected() > 0;
}

Result<bool> AdvisorStore::setSupervisor(const QString &username, bool supervisor)
{
    auto query = m_database.exec(QStringLiteral("UPDATE advisors SET supervisor = ? WHERE username = ?"),
                                 {supervisor ? 1 : 0, normaliseUsername(username)});
    if (!query)
        return query.problem();
    return query.value().numRowsAffected() > 0;
}

Result<bool> AdvisorStore::setTotpSecret(const QString &username, const QByteArray &secret)
{
    // A new secret starts with no step used; removing it leaves nothing of the old one behind.
    const QVariant stored = secret.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(secret);
    auto query =
        m_database.exec(QStringLiteral("UPDATE advisors SET totp_secret = ?, totp_last_step = 0 WHERE username = ?"),
                        {stored, normaliseUsername(username)});
    if (!query)
        return query.problem();
    const bool changed = query.value().numRowsAffected() > 0;
    if (changed && secret.isEmpty())
        (void)m_database.forgetDeleted();
    return changed;
}

Result<bool> AdvisorStore::claimTotpStep(qint64 advisorId, qint64 step)
{
    auto query =
        m_database.exec(QStringLiteral("UPDATE advisors SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?"),
                        {step, advisorId, step});
    if (!query)
        return query.problem();
    return query.value().numRowsAffected() > 0;
}

Status AdvisorStore::insertToken(const AdvisorToken &token)
{
    auto query =
        m_database.exec(QStringLiteral("INSERT INTO advisor_tokens (token_hash, advisor_id, created_at, "
                                       "last_used_at, expires_at, revoked) VALUES (?, ?, ?, ?, ?, 0)"),
                        {token.tokenHash, token.advisorId, token.createdAtMs, token.lastUsedAtMs, token.expiresAtMs});
    return query ? success() : Status(query.problem());
}

std::optional<AdvisorToken> AdvisorStore::findToken(const QByteArray &tokenHash)
{
    auto query = m_database.exec(QStringLiteral("SELECT token_hash, advisor_id, created_at, last_used_at, expires_at, "
                                                "revoked FROM advisor_tokens WHERE token_hash = ?"),
                                 {tokenHash});
    if (!query || !query.value().next())
        return std::nullopt;
    QSqlQuery &row = query.value();
    return AdvisorToken{row.value(0).toByteArray(), row.value(1).toLongLong(), row.value(2).toLongLong(),
                        row.value(3).toLongLong(),  row.value(4).toLongLong(), row.value(5).toInt() != 0};
}

Status AdvisorStore::touchToken(const QByteArray &tokenHash, qint64 nowMs)
{
    auto query = m_database.exec(QStringLiteral("UPDATE advisor_tokens SET last_used_at = ? WHERE token_hash = ?"),
                                 {nowMs, tokenHash});
    return query ? success() : Status(query.problem());
}

Status AdvisorStore::revokeToken(const QByteArray &tokenHash)
{
    auto query =
        m_database.exec(QStringLiteral("UPDATE advisor_tokens SET revoked = 1 WHERE token_hash = ?"), {tokenHash});
    return query ? success() : Status(query.problem());
}

Status AdvisorStore::revokeTokensOf(qint64 advisorId)
{
    auto query =
        m_database.exec(QStringLiteral("UPDATE advisor_tokens SET revoked = 1 WHERE advisor_id = ?"), {advisorId});
    return query ? success() : Status(query.problem());
}

Result<int> AdvisorStore::purgeTokens(qint64 nowMs)
{
    auto query =
        m_database.exec(QStringLiteral("DELETE FROM advisor_tokens WHERE revoked = 1 OR expires_at < ?"), {nowMs});
    if (!query)
        return query.problem();
    const int purged = query.value().numRowsAffected();
    if (purged > 0)
        (void)m_database.forgetDeleted();
    return purged;
}

} // namespace consult
