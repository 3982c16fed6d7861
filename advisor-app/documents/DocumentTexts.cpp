#include "DocumentTexts.h"

#include <QLocale>
#include <QStringList>

namespace consult::advisor {

namespace {

constexpr qint64 kMegabyte = 1024 * 1024;

// "10", "2,5": a limit in MB without needless decimals.
QString megabytes(quint64 bytes)
{
    const double value = static_cast<double>(bytes) / kMegabyte;
    const bool whole = bytes % kMegabyte == 0;
    return QLocale().toString(value, 'f', whole ? 0 : 1);
}

} // namespace

QString DocumentTexts::refusal(ConsultationDocuments::Refusal refusal, const wire::DocumentLimits &limits,
                               const QString &name)
{
    using Refusal = ConsultationDocuments::Refusal;
    const QString what = name.isEmpty() ? tr("Die Datei") : tr("„%1“").arg(name);
    switch (refusal) {
    case Refusal::NotAllowedType:
        return tr("%1 wurde nicht gesendet: erlaubt sind nur %2 (nach dem Inhalt geprüft).")
            .arg(what, typeNames(limits));
    case Refusal::ContentRefused:
        return tr("%1 wurde nicht gesendet: die Datei ist beschädigt, verschlüsselt, enthält aktive Inhalte oder "
                  "ist nicht das, was ihr Name sagt.")
            .arg(what);
    case Refusal::TooBig:
        return tr("%1 wurde nicht gesendet: die Datei ist zu groß (höchstens %2 MB).")
            .arg(what, megabytes(limits.max_file_bytes()));
    case Refusal::TooMany:
        return tr("%1 wurde nicht gesendet: in dieser Beratung sind höchstens %2 Dateien möglich.")
            .arg(what)
            .arg(limits.max_files());
    case Refusal::ConsultationFull:
        return tr("%1 wurde nicht gesendet: die Dateien dieser Beratung dürfen zusammen höchstens %2 MB groß sein.")
            .arg(what, megabytes(limits.max_consultation_bytes()));
    case Refusal::ServerFull:
        return tr("%1 wurde nicht gesendet: der Server hat gerade keinen Platz für weitere Dateien. Bitte später "
                  "erneut versuchen.")
            .arg(what);
    case Refusal::NameRefused:
        return tr("%1 wurde nicht gesendet: der Dateiname ist nicht verwendbar. Bitte die Datei umbenennen.").arg(what);
    case Refusal::ChecksumMismatch:
        return tr("%1 wurde nicht gespeichert: die Prüfsumme stimmt nicht, die Datei kam beschädigt an.").arg(what);
    case Refusal::NotFound:
        return tr("%1 ist nicht mehr vorhanden (gelöscht oder die Beratung ist beendet).").arg(what);
    case Refusal::StorageFailed:
        return tr("%1 konnte auf dem Server nicht gespeichert werden. Bitte erneut versuchen.").arg(what);
    case Refusal::FileUnreadable:
        return tr("%1 ist nicht lesbar und wurde nicht gesendet.").arg(what);
    case Refusal::NotAllowed:
        return tr("%1: das ist in dieser Beratung nicht (mehr) möglich.").arg(what);
    case Refusal::FileNotWritten:
        return tr("%1 konnte nicht gespeichert werden: der gewählte Speicherort ist nicht beschreibbar.").arg(what);
    }
    return tr("%1: die Übertragung wurde abgelehnt.").arg(what);
}

QString DocumentTexts::limitsHint(const wire::DocumentLimits &limits)
{
    QStringList parts;
    parts << typeNames(limits);
    if (limits.max_file_bytes() > 0)
        parts << tr("bis %1 MB").arg(megabytes(limits.max_file_bytes()));
    if (limits.max_files() > 0)
        parts << tr("höchstens %1 Dateien").arg(limits.max_files());
    return parts.join(QStringLiteral(" · "));
}

QString DocumentTexts::typeName(wire::DocumentType type)
{
    switch (type) {
    case wire::DOCUMENT_TYPE_PDF:
        return QStringLiteral("PDF");
    case wire::DOCUMENT_TYPE_PNG:
        return QStringLiteral("PNG");
    case wire::DOCUMENT_TYPE_JPEG:
        return QStringLiteral("JPEG");
    default:
        return tr("unbekannt");
    }
}

QString DocumentTexts::typeNames(const wire::DocumentLimits &limits)
{
    QStringList names;
    for (const int type : limits.types())
        names << typeName(static_cast<wire::DocumentType>(type));
    if (names.isEmpty()) // the server names none: its default, all three
        names = {typeName(wire::DOCUMENT_TYPE_PDF), typeName(wire::DOCUMENT_TYPE_PNG),
                 typeName(wire::DOCUMENT_TYPE_JPEG)};
    return names.join(QStringLiteral(", "));
}

QString DocumentTexts::size(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 Byte").arg(bytes);
    if (bytes < kMegabyte)
        return tr("%1 KB").arg((bytes + 512) / 1024);
    return tr("%1 MB").arg(QLocale().toString(static_cast<double>(bytes) / kMegabyte, 'f', 1));
}

QString DocumentTexts::sender(wire::Party from)
{
    return from == wire::PARTY_ADVISOR ? tr("Sie") : tr("Kunde");
}

} // namespace consult::advisor
