#pragma once

#include "client/documents/ConsultationDocuments.h"

#include <QCoreApplication>
#include <QString>

namespace consult::customer {

// The customer's words for the documents of a consultation: sizes, who sent a file, the limits as a
// hint, the promise that everything is deleted at the end (seed 002), and every refusal naming its
// reason and what to do. Plain German source strings (English in translations/customer_en.ts).
class DocumentTexts final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::DocumentTexts)
public:
    // "850 Byte", "12 KB", "1,5 MB", "10 MB" in the current language.
    static QString size(qint64 bytes);
    // "von Ihnen" / "vom Berater".
    static QString from(wire::Party party);
    // "PDF, PNG oder JPEG, höchstens 10 MB pro Datei, bis zu 20 Dateien."
    static QString limitsHint(const wire::DocumentLimits &limits);
    // Seed 002's promise in the product's words.
    static QString deletionNotice();
    // Why `name` was not sent or saved, and what the customer can do. `detail`: the refusal's detail
    // (for ContentRefused the reason ConsultationDocuments names).
    static QString refusal(ConsultationDocuments::Refusal refusal, const QString &detail, const QString &name,
                           const wire::DocumentLimits &limits);
    static QString contentRefusal(const QString &detail);
};

} // namespace consult::customer
