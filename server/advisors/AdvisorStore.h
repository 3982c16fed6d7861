#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace consult {

class Database;

struct AdvisorAccount
{
    qint64 id = 0;
    QString username; // stored lower-case; log-ins compare case-insensitively
    QString displayName;
    QString passwordHash; // Argon2id PHC string (A1)
    int capacity = 1;
    bool disabled = false;
    qint64 createdAtMs = 0;
    QByteArray totpSecret;   // A5: the second factor's shared key; empty: none enrolled
    qint64 totpLastStep = 0; // the time step of the last code accepted (each code works once)
    bool supervisor = false; // may see the supervisor overview (issue 14): aggregated figures only
    bool hasSecondFactor() const { return !totpSecret.isEmpty(); }
};

// A revocable advisor token (A6, A7). Only its SHA-256 is stored: a copy of the database grants nothing.
struct AdvisorToken
{
    QByteArray tokenHash;
    qint64 advisorId = 0;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    qint64 expiresAtMs = 0; // absolute lifetime (A7)
    bool revoked = false;
};

// Advisor accounts and their tokens in the database. Used by the advisor desk and by the
// administration commands.
class AdvisorStore
{
public:
    explicit AdvisorStore(Database &database)
        : m_database(database)
    {}

    static QString normaliseUsername(const QString &username) { return username.trimmed().toLower(); }

    Result<qint64> create(const QString &username, const QString &displayName, const QString &passwordHash,
                          int capacity, qint64 nowMs);
    std::optional<AdvisorAccount> findByUsername(const QString &username);
    std::optional<AdvisorAccount> findById(qint64 id);
    QList<AdvisorAccount> list();
    // Returns false if there is no such user.
    Result<bool> setDisabled(const QString &username, bool disabled);
    Result<bool> setPasswordHash(const QString &username, const QString &passwordHash);
    Result<bool> setCapacity(const QString &username, int capacity);
    // Gives or takes the supervisor role; false if there is no such user.
    Result<bool> setSupervisor(const QString &username, bool supervisor);
    // A5: enrols (a secret) or removes (an empty one) the second factor; false if there is no such user.
    Result<bool> setTotpSecret(const QString &username, const QByteArray &secret);
    // Records that the code of `step` was used: true only if no code of this or a later step was
    // accepted before, in one statement, so a replayed code loses even against a parallel log-in.
    Result<bool> claimTotpStep(qint64 advisorId, qint64 step);

    Status insertToken(const AdvisorToken &token);
    std::optional<AdvisorToken> findToken(const QByteArray &tokenHash);
    Status touchToken(const QByteArray &tokenHash, qint64 nowMs);
    Status revokeToken(const QByteArray &tokenHash);
    Status revokeTokensOf(qint64 advisorId);
    // Deletes tokens that are revoked or past their absolute lifetime.
    Result<int> purgeTokens(qint64 nowMs);

private:
    Database &m_database;
};

} // namespace consult
