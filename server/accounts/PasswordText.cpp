#include "accounts/PasswordText.h"

#include <sodium.h>

namespace consult::PasswordText {

QString normalised(const QString &password)
{
    return password.normalized(QString::NormalizationForm_KC);
}

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // A low surrogate that follows a high one completes a code point already counted.
        if (i > 0 && text.at(i).isLowSurrogate() && text.at(i - 1).isHighSurrogate())
            continue;
        ++count;
    }
    return count;
}

void wipe(QString &text)
{
    if (text.isEmpty() || !text.isDetached())
        return;
    sodium_memzero(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

void wipe(QByteArray &bytes)
{
    if (bytes.isEmpty() || !bytes.isDetached())
        return;
    sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

Utf8Secret::Utf8Secret(const QString &password)
{
    QString text = normalised(password);
    m_bytes = text.toUtf8();
    wipe(text);
}

Utf8Secret::~Utf8Secret()
{
    wipe(m_bytes);
}

} // namespace consult::PasswordText
