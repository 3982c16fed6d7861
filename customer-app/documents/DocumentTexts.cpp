#include "DocumentTexts.h"

#include <QLocale>
#include <QStringList>

namespace consult::customer {

namespace {

constexpr qint64 kKiB = 1024;
constexpr qint64 kMiB = 1024 * 1024;

// "PDF-, PNG- oder JPEG" for a German compound ("…-Dokument"); the joiner is translated (English: none).
QString typeList(const wire::DocumentLimits &limits)
{
    QStringList names;
    for (const int type : limits.types()) {
        if (type == wire::DOCUMENT_TYPE_PDF)
            names.append(QStringLiteral("PDF"));
        else if (type == wire::DOCUMENT_TYPE_PNG)
            names.append(QStringLiteral("PNG"));
        else if (type == wire::DOCUMENT_TYPE_JPEG)
            names.append(QStringLiteral("JPEG"));
    }
    if (names.isEmpty()) // the server's default: all three
        names = {QStringLiteral("PDF"), QStringLiteral("PNG"), QStringLiteral("JPEG")};
    if (names.size() == 1)
        return names.first();
    const QString last = names.takeLast();
    for (QString &name : names)
        //: A file type joined to the compound word that follows, as in "PDF-, PNG- oder JPEG-Dokument".
        name = DocumentTexts::tr("%1-").arg(name);
    return DocumentTexts::tr("%1 oder %2").arg(names.join(QStringLiteral(", ")), last);
}

} // namespace

QString DocumentTexts::size(qint64 bytes)
{
    const QLocale locale;
    if (bytes < kKiB)
        return tr("%1 Byte").arg(bytes);
    if (bytes < kMiB)
        return tr("%1 KB").arg(locale.toString((bytes + kKiB / 2) / kKiB));
    const double megabytes = double(bytes) / double(kMiB);
    // "10 MB" for a whole number, "1,5 MB" otherwise: the way a customer reads sizes.
    const bool whole = bytes % kMiB == 0 || megabytes >= 100;
    return tr("%1 MB").arg(whole ? locale.toString(qRound64(megabytes)) : locale.toString(megabytes, 'f', 1));
}

QString DocumentTexts::from(wire::Party party)
{
    return party == wire::PARTY_CUSTOMER ? tr("von Ihnen") : tr("vom Berater");
}

QString DocumentTexts::limitsHint(const wire::DocumentLimits &limits)
{
    QString hint = tr("Erlaubt sind %1-Dateien").arg(typeList(limits));
    if (limits.max_file_bytes() > 0)
        hint += tr(", höchstens %1 pro Datei").arg(size(qint64(limits.max_file_bytes())));
    if (limits.max_files() > 0)
        hint += tr(", bis zu %n Dateien in dieser Beratung", nullptr, int(limits.max_files()));
    return hint + u'.';
}

QString DocumentTexts::deletionNotice()
{
    return tr("Am Ende der Beratung werden alle Dateien im System gelöscht. Speichern Sie, was Sie behalten "
              "möchten.");
}

QString DocumentTexts::contentRefusal(const QString &detail)
{
    // The reasons ConsultationDocuments names for its own check (the server's refusal says "content").
    if (detail == u"unreadable")
        return tr("Diese Datei ist beschädigt oder lässt sich nicht lesen. Bitte speichern Sie sie neu und senden "
                  "Sie sie noch einmal.");
    if (detail == u"encrypted")
        return tr("Diese PDF-Datei ist mit einem Kennwort geschützt. Bitte senden Sie sie ohne Kennwort.");
    if (detail == u"active_content")
        return tr("Diese PDF-Datei enthält aktive Inhalte, zum Beispiel Skripte oder eingebettete Dateien. Bitte "
                  "drucken Sie sie als neue PDF-Datei und senden Sie diese.");
    if (detail == u"polyglot")
        return tr("Diese Datei enthält außer dem Dokument noch etwas anderes und wird deshalb nicht angenommen.");
    if (detail == u"too_many_pixels")
        return tr("Dieses Bild ist zu groß. Bitte verkleinern Sie es und senden Sie es noch einmal.");
    if (detail == u"too_many_pages")
        return tr("Dieses PDF-Dokument hat zu viele Seiten. Bitte senden Sie nur die Seiten, um die es geht.");
    if (detail == u"type_mismatch")
        return tr("Der Inhalt dieser Datei passt nicht zu ihrer Endung. Bitte speichern Sie sie im richtigen "
                  "Format.");
    if (detail == u"empty")
        return tr("Diese Datei ist leer.");
    return tr("Diese Datei lässt sich nicht sicher prüfen: Sie ist beschädigt, mit einem Kennwort geschützt oder "
              "enthält aktive Inhalte. Speichern Sie sie bitte als einfache PDF-Datei oder als Bild und senden Sie "
              "sie noch einmal.");
}

QString DocumentTexts::refusal(ConsultationDocuments::Refusal refusal, const QString &detail, const QString &name,
                               const wire::DocumentLimits &limits)
{
    using Refusal = ConsultationDocuments::Refusal;
    QString reason;
    switch (refusal) {
    case Refusal::NotAllowedType:
        reason =
            tr("Diese Datei ist kein %1-Dokument. Bitte senden Sie nur PDF-Dateien oder Bilder.").arg(typeList(limits));
        break;
    case Refusal::ContentRefused:
        reason = contentRefusal(detail);
        break;
    case Refusal::TooBig:
        reason = tr("Die Datei ist größer als %1. Bitte senden Sie eine kleinere Datei.")
                     .arg(size(qint64(limits.max_file_bytes())));
        break;
    case Refusal::TooMany:
        reason = tr("In dieser Beratung können höchstens %n Dateien ausgetauscht werden. Es passt keine weitere "
                    "hinein.",
                    nullptr, int(limits.max_files()));
        break;
    case Refusal::ConsultationFull:
        reason = tr("Alle Dateien dieser Beratung zusammen dürfen höchstens %1 groß sein. Diese Datei passt nicht "
                    "mehr hinein.")
                     .arg(size(qint64(limits.max_consultation_bytes())));
        break;
    case Refusal::ServerFull:
        reason = tr("Der Dienst kann gerade keine Dateien annehmen. Bitte versuchen Sie es später noch einmal.");
        break;
    case Refusal::NameRefused:
        reason = tr("Der Dateiname ist nicht verwendbar. Bitte benennen Sie die Datei um und senden Sie sie noch "
                    "einmal.");
        break;
    case Refusal::ChecksumMismatch:
        reason = tr("Die Datei kam nicht vollständig an und wurde nicht gespeichert. Bitte versuchen Sie es noch "
                    "einmal.");
        break;
    case Refusal::NotFound:
        reason = tr("Diese Datei gibt es nicht mehr: Ihr Berater hat sie gelöscht, oder die Beratung ist zu Ende.");
        break;
    case Refusal::StorageFailed:
        reason = tr("Die Datei konnte nicht abgelegt werden. Bitte versuchen Sie es noch einmal.");
        break;
    case Refusal::FileUnreadable:
        reason = tr("Die Datei lässt sich auf Ihrem Computer nicht lesen. Bitte prüfen Sie, ob es sie noch gibt.");
        break;
    case Refusal::FileNotWritten:
        reason = tr("Die Datei konnte nicht gespeichert werden. Bitte wählen Sie einen anderen Ort.");
        break;
    case Refusal::NotAllowed:
        reason = tr("Das ist jetzt nicht möglich: Die Beratung läuft nicht mehr.");
        break;
    }
    return name.isEmpty() ? reason : tr("„%1“: %2").arg(name, reason);
}

} // namespace consult::customer
