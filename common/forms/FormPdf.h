#pragma once

#include "core/Result.h"
#include "protocol/consult.pb.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QTextDocument;

namespace consult::forms {

// The printable form: title, notice, description, every field's label and value (a masked value
// as "nicht freigegeben"), who sent it and when, submitted when. Built only on the client, only
// when the user asks (C4); values go in through QTextCursor::insertText only, never as markup (I3).
// Used by both apps' "Als PDF speichern" and by the customer's summary at the end. Labels follow
// the application's language (tr()).
class FormPdf final
{
    Q_DECLARE_TR_FUNCTIONS(consult::forms::FormPdf)
public:
    // A value as a person reads it: a date in the local format, an IBAN in groups of four, a checkbox
    // as "Ja"/"Nein", a masked one as "nicht freigegeben", an empty one as "(nicht ausgefüllt)".
    // `value` nullptr: not filled. The apps' read-only views of a form use the same words.
    static QString displayValue(const wire::FormField &field, const wire::FormValue *value);
    // Appends the form to `document` (the summary puts several in one document).
    static void appendTo(QTextDocument &document, const wire::FormInstance &form);
    static std::unique_ptr<QTextDocument> buildDocument(const wire::FormInstance &form);
    // Writes an A4 PDF to `filePath` (a file the user chose); text stays text (searchable).
    static Status writePdf(const wire::FormInstance &form, const QString &filePath);
};

} // namespace consult::forms
