#pragma once

#include "protocol/consult.pb.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace consult {
class Consultation;
class ConsultationDocuments;
class ConsultationForms;
} // namespace consult

namespace consult::customer {

// One exchanged file as the summary lists it: metadata only, never its bytes.
struct ExchangedFile
{
    QString name; // as the server sanitised it
    quint64 size = 0;
    wire::Party from = wire::PARTY_UNSPECIFIED;
    QDateTime addedAt;    // local time
    bool removed = false; // the advisor deleted it during the consultation
};

// What the consultation's documents and forms parts showed, kept for the end page.
struct Exchanged
{
    QList<ExchangedFile> files;      // in the order they became available
    QList<wire::FormInstance> forms; // as last seen, in the order they were sent

    bool isEmpty() const { return files.isEmpty() && forms.isEmpty(); }
};

// The documents and forms of a consultation for the end screen (issue 12: "one summary", lesson 3),
// as BoardKeepsake is for the whiteboard: the parts forget everything the moment the consultation
// ends (P1, ConsultationDocuments/ConsultationForms::consultationEnded), before any view hears of
// it, so this follows them while the consultation runs and keeps the list of files (name, size,
// from whom, when, removed) and each form as the server last sent it (the customer's own values in
// clear). Changes after the end (the parts clearing themselves) are ignored. take() hands the
// content to the end page, which owns it in RAM until the customer leaves that page (C4).
// Owned by the customer window, one consultation at a time; lives in the GUI thread.
class ExchangeKeepsake final : public QObject
{
    Q_OBJECT
public:
    explicit ExchangeKeepsake(QObject *parent = nullptr);
    ~ExchangeKeepsake() override;

    // Follows the documents and forms parts of `consultation` from now on (nullptr: forgets and
    // stops). A part the consultation does not have is simply not followed.
    void follow(Consultation *consultation);
    // What was seen so far; forgets and stops following.
    Exchanged take();

private:
    bool frozen() const;
    void refreshFiles();
    void refreshForm(const QString &instanceId);
    void stop();

    QPointer<Consultation> m_consultation;
    QPointer<ConsultationDocuments> m_documents;
    QPointer<ConsultationForms> m_forms;
    Exchanged m_kept;
};

} // namespace consult::customer
