#pragma once

#include <QByteArray>
#include <QString>

namespace consult {

// How the accounts module sees a password's text, in one place so that the policy counts and
// compares exactly what the hasher hashes.
namespace PasswordText {

// NFKC, as NIST SP 800-63B §5.1.1.2 recommends, so that the same visible password typed on
// different systems (composed or decomposed umlauts, full-width digits) hashes the same.
QString normalised(const QString &password);

// Number of Unicode code points (A4 counts characters, not UTF-16 units).
qsizetype codePointCount(const QString &text);

// Overwrites the buffer if this object owns it alone. A buffer shared with the caller's string is
// left alone: it is the caller's to wipe, and detaching would only wipe a fresh copy.
void wipe(QString &text);
void wipe(QByteArray &bytes);

// The UTF-8 bytes of the normalised password, NUL-terminated for libsodium, wiped on destruction.
class Utf8Secret final
{
public:
    explicit Utf8Secret(const QString &password);
    ~Utf8Secret();
    Utf8Secret(const Utf8Secret &) = delete;
    Utf8Secret &operator=(const Utf8Secret &) = delete;

    const char *data() const { return m_bytes.constData(); }
    qsizetype size() const { return m_bytes.size(); }

private:
    QByteArray m_bytes;
};

} // namespace PasswordText
} // namespace consult
