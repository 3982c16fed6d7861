#include "FormPdf.h"

#include "transcript/TextFormats.h"
#include "transcript/Transcript.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

namespace consult::forms {

namespace {

using printable::blockFormat;
using printable::kBodyPointSize;
using printable::textFormat;

QString localTime(qint64 msecsSinceEpoch)
{
    // The whole year and the month in words ("7. Dezember 2026, 16:18"): a form is a record.
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toLocalTime();
    const QLocale locale;
    return locale.toString(at.date(), QLocale::LongFormat) + QStringLiteral(", ") +
           locale.toString(at.time(), QStringLiteral("HH:mm"));
}

const wire::FormValue *valueOf(const wire::FormInstance &form, const std::string &key)
{
    for (const wire::FormValue &value : form.values())
        if (value.key() == key)
            return &value;
    return nullptr;
}

} // namespace

QString FormPdf::displayValue(const wire::FormField &field, const wire::FormValue *value)
{
    if (value && value->masked())
        return tr("nicht freigegeben");
    const QString raw = value ? QString::fromStdString(value->value()) : QString();
    if (field.type() == wire::FORM_FIELD_TYPE_CHECKBOX)
        return raw == QLatin1String("true") ? tr("Ja") : tr("Nein");
    if (raw.isEmpty())
        return tr("(nicht ausgefüllt)");
    switch (field.type()) {
    case wire::FORM_FIELD_TYPE_DATE: {
        const QDate date = QDate::fromString(raw, Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : raw;
    }
    case wire::FORM_FIELD_TYPE_IBAN: {
        // Groups of four, as printed on a bank card: easier to read back and compare.
        QString grouped;
        for (qsizetype i = 0; i < raw.size(); i += 4) {
            if (!grouped.isEmpty())
                grouped += u' ';
            grouped += raw.mid(i, 4);
        }
        return grouped;
    }
    case wire::FORM_FIELD_TYPE_NUMBER: {
        bool ok = false;
        const double number = raw.toDouble(&ok);
        if (!ok)
            return raw;
        const qsizetype point = raw.indexOf(u'.');
        return QLocale().toString(number, 'f', point < 0 ? 0 : int(raw.size() - point - 1));
    }
    default:
        return raw;
    }
}

void FormPdf::appendTo(QTextDocument &document, const wire::FormInstance &form)
{
    const wire::FormDefinition &definition = form.definition();
    QTextCursor cursor(&document);
    cursor.movePosition(QTextCursor::End);
    if (!document.isEmpty())
        cursor.insertBlock(blockFormat(18, 6));
    else
        cursor.setBlockFormat(blockFormat(0, 6));
    // Every text of the definition and every value goes in as plain characters (I3).
    cursor.insertText(QString::fromStdString(definition.title()), textFormat(kBodyPointSize + 5, true));
    if (!definition.notice().empty()) {
        cursor.insertBlock(blockFormat(4, 4));
        cursor.insertText(QString::fromStdString(definition.notice()), textFormat(kBodyPointSize + 1, true));
    }
    if (!definition.description().empty()) {
        cursor.insertBlock(blockFormat(2, 4));
        cursor.insertText(QString::fromStdString(definition.description()), textFormat());
    }
    cursor.insertBlock(blockFormat(4, 2));
    QString when = tr("Gesendet am %1").arg(localTime(form.sent_at()));
    if (form.state() == wire::FORM_STATE_SUBMITTED && form.submitted_at() > 0)
        when += QStringLiteral(" · ") + tr("ausgefüllt am %1").arg(localTime(form.submitted_at()));
    else
        when += QStringLiteral(" · ") + tr("noch nicht ausgefüllt");
    cursor.insertText(when, textFormat(kBodyPointSize - 1));

    for (const wire::FormField &field : definition.fields()) {
        cursor.insertBlock(blockFormat(8));
        QString label = QString::fromStdString(field.label());
        if (field.required())
            label += QStringLiteral(" *");
        cursor.insertText(label, textFormat(kBodyPointSize - 0.5, true));
        cursor.insertBlock(blockFormat(1, 0, 12));
        const wire::FormValue *value =
            form.state() == wire::FORM_STATE_SUBMITTED ? valueOf(form, field.key()) : nullptr;
        cursor.insertText(displayValue(field, value), textFormat());
    }
    cursor.insertBlock(blockFormat(10));
    cursor.insertText(tr("* Pflichtfeld. Dieses Formular wurde auf Ihrem Gerät erstellt; auf den Servern der "
                         "Bank wird es mit dem Ende der Beratung gelöscht."),
                      textFormat(kBodyPointSize - 1.5));
}

std::unique_ptr<QTextDocument> FormPdf::buildDocument(const wire::FormInstance &form)
{
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false);
    document->setDocumentMargin(12);
    document->setMetaInformation(QTextDocument::DocumentTitle, QString::fromStdString(form.definition().title()));
    appendTo(*document, form);
    return document;
}

Status FormPdf::writePdf(const wire::FormInstance &form, const QString &filePath)
{
    const std::unique_ptr<QTextDocument> document = buildDocument(form);
    return Transcript::writePdf(*document, filePath);
}

} // namespace consult::forms
