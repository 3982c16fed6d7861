#pragma once

#include "client/documents/ConsultationDocuments.h"
#include "protocol/consult.pb.h"

#include <QCoreApplication>
#include <QString>

namespace consult::advisor {

// What the documents panel says, in one place (as StatusTexts does for the rest of the workstation):
// a refusal's reason in plain words an advisor can act on (which limit, in MB, and how many files),
// the consultation's limits as a hint, a document's type, size and sender. The refusal's detail
// (for logs) is never shown.
class DocumentTexts
{
    Q_DECLARE_TR_FUNCTIONS(consult::advisor::DocumentTexts)
public:
    // "„Vertrag.exe“ wurde nicht gesendet: nur PDF, PNG und JPEG sind erlaubt." — `name`: the file or
    // document it concerns (may be empty).
    static QString refusal(ConsultationDocuments::Refusal refusal, const wire::DocumentLimits &limits,
                           const QString &name);
    // "PDF, PNG, JPEG · bis 10 MB · höchstens 20 Dateien".
    static QString limitsHint(const wire::DocumentLimits &limits);
    static QString typeName(wire::DocumentType type);
    // The allowed types, "PDF, PNG, JPEG".
    static QString typeNames(const wire::DocumentLimits &limits);
    // "830 Byte", "12 KB", "1,4 MB" (1 MB = 1024 × 1024 bytes, as the server counts).
    static QString size(qint64 bytes);
    // "Kunde" or "Sie".
    static QString sender(wire::Party from);
};

} // namespace consult::advisor
