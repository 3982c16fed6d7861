#pragma once

#include "TokenStore.h"

namespace consult::advisor {

// The advisor's token in the system keychain through QtKeychain: the Windows Credential Manager on
// the advisors' desktops, the Secret Service (libsecret) on Linux. No insecure fallback (A6): when
// no keychain answers, the store says Unavailable and the workstation asks for the password each
// time. Entries are named by the server and the user name, under one service name.
class TokenVault final : public TokenStore
{
    Q_OBJECT
public:
    static constexpr auto kService = "de.sparkasse.consult.advisor";

    explicit TokenVault(QString service = QString::fromLatin1(kService), QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QByteArray &token, Callback done) override;
    void remove(const QString &key, Callback done) override;

private:
    QString m_service;
};

} // namespace consult::advisor
