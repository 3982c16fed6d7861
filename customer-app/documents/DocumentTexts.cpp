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
    //: Joins a file type to the following compound word, as in "PDF-, PNG- oder JPEG-Dokument".
    const QString joiner = DocumentTexts::tr("-");
    for (QString &name : names)
        name += joiner;
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
    return tr("Die Dateien stehen Ihnen und Ihrem Berater während der Beratung zum Herunterladen bereit. Am Ende "
              "der Beratung werden sie im System gelöscht. Speichern Sie, was Sie behalten möchten.");
}

QString DocumentTexts::refusal(ConsultationDocuments::Refusal refusal, const QString &name,
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
        reason = tr("Diese Datei lässt sich nicht sicher prüfen: Sie ist beschädigt, mit einem Kennwort geschützt, "
                    "enthält aktive Inhalte oder ist als Bild zu groß. Speichern Sie sie bitte als einfache "
                    "PDF-Datei oder als Bild und senden Sie sie noch einmal.");
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
    }
    return name.isEmpty() ? reason : tr("„%1“: %2").arg(name, reason);
}

} // namespace consult::customer
