#include "SecureRandom.h"

#include <QRandomGenerator>

namespace consult::SecureRandom {

QByteArray bytes(int byteCount)
{
    QByteArray out(byteCount, Qt::Uninitialized);
    // QRandomGenerator::system() reads the kernel CSPRNG (getrandom) and never falls back to a PRNG.
    QRandomGenerator *generator = QRandomGenerator::system();
    for (int i = 0; i < byteCount; ++i)
        out[i] = static_cast<char>(generator->generate() & 0xFF);
    return out;
}

QByteArray token()
{
    return bytes(32);
}

QString identifier()
{
    return QString::fromLatin1(bytes(16).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

quint32 bounded(quint32 bound)
{
    return QRandomGenerator::system()->bounded(bound);
}

} // namespace consult::SecureRandom
