#include "DeletionReceiptText.h"

#include <QDateTime>
#include <QLocale>

namespace consult::customer {

namespace {

QString fromWire(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

ReceiptText DeletionReceiptText::describe(const wire::DeletionReceipt &receipt, const QString &advisorName)
{
    if (!isReceipt(receipt))
        return notReceived(false);
    ReceiptText text;
    text.received = true;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(receipt.deleted_at(), Qt::UTC).toLocalTime();
    const QLocale locale;
    //: The date in the deletion receipt, a QDate format ("7.12.2026").
    const QString dateFormat = tr("d.M.yyyy");
    text.deletedAt =
        tr("Gelöscht am %1 um %2 Uhr")
            .arg(locale.toString(at.date(), dateFormat), locale.toString(at.time(), QStringLiteral("HH:mm:ss")));
    for (const wire::DeletedItem &item : receipt.items()) {
        switch (item.kind()) {
        case wire::DELETED_KIND_DOCUMENT:
            text.items.append(
                tr("Datei „%1“ (%2), von %3")
                    .arg(fromWire(item.name()), fileSize(item.bytes()), sender(item.from(), advisorName)));
            break;
        case wire::DELETED_KIND_FORM:
            text.items.append(tr("Formular „%1“ mit allen Eingaben").arg(fromWire(item.name())));
            break;
        case wire::DELETED_KIND_WHITEBOARD:
            text.items.append(item.count() == 1
                                  ? tr("Die Tafel: 1 Seite mit allen Markierungen (%1)").arg(fileSize(item.bytes()))
                                  : tr("Die Tafel: %1 Seiten mit allen Markierungen (%2)")
                                        .arg(locale.toString(item.count()), fileSize(item.bytes())));
            break;
        case wire::DELETED_KIND_CHAT:
            text.items.append(
                item.count() == 1
                    ? tr("Der Chat, den der Server bereithielt: 1 Nachricht")
                    : tr("Der Chat, den der Server bereithielt: %1 Nachrichten").arg(locale.toString(item.count())));
            break;
        default:
            // A kind this app does not know yet still counts as deleted content: say so rather than hide it.
            text.items.append(tr("Weitere Inhalte der Beratung"));
            break;
        }
    }
    if (text.items.isEmpty())
        text.items.append(tr("Der Server hielt aus dieser Beratung keine Dateien, Formulare, Tafelseiten oder "
                             "Chatnachrichten."));
    text.kept = tr("Gespeichert bleibt nur eine anonyme Statistik: die Stunde des Beginns, Dauer und Wartezeit in "
                   "Minuten, wie die Beratung endete und welche Funktionen genutzt wurden – nichts, was auf Sie "
                   "schließen lässt. Zum Schutz vor Angriffen hält der Server außerdem 7 Tage lang fest, wann sich "
                   "welche Internetadresse mit welcher Programmversion verbunden hat, ohne Inhalte.");
    return text;
}

ReceiptText DeletionReceiptText::notReceived(bool connectionLost)
{
    ReceiptText text;
    text.deletedAt = connectionLost ? tr("Die Löschbestätigung konnte nicht empfangen werden, weil die Verbindung "
                                         "abgebrochen ist.")
                                    : tr("Eine Löschbestätigung des Servers ist nicht angekommen.");
    text.kept = tr("Die Bank löscht trotzdem alles aus dieser Beratung – Chat, Dateien, Formulare und Tafel –, "
                   "sobald die Beratung auf dem Server endet. Gespeichert bleibt nur die anonyme Statistik (Stunde "
                   "des Beginns, Dauer, genutzte Funktionen) und 7 Tage lang das Zugriffsprotokoll ohne Inhalte.");
    return text;
}

QString DeletionReceiptText::fileSize(quint64 bytes)
{
    const QLocale locale;
    constexpr quint64 kKilo = 1024;
    if (bytes < kKilo)
        return tr("%1 Byte").arg(locale.toString(bytes));
    if (bytes < kKilo * kKilo)
        return tr("%1 KB").arg(locale.toString(double(bytes) / kKilo, 'f', bytes < 10 * kKilo ? 1 : 0));
    return tr("%1 MB").arg(locale.toString(double(bytes) / (kKilo * kKilo), 'f', 1));
}

QString DeletionReceiptText::sender(wire::Party from, const QString &advisorName)
{
    switch (from) {
    case wire::PARTY_CUSTOMER:
        return tr("Ihnen");
    case wire::PARTY_ADVISOR:
        return advisorName.isEmpty() ? tr("Ihrer Beraterin oder Ihrem Berater") : advisorName;
    default:
        return tr("unbekannt");
    }
}

} // namespace consult::customer
