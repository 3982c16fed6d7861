#pragma once

#include "client/documents/ConsultationDocuments.h"
#include "widgets/FileChooser.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QMimeData;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace consult {
class Consultation;
}

namespace consult::advisor {

// The documents of one consultation in the advisor workstation (seed 002, issue 12): the list of
// what both sides sent (name, type, size, "Kunde"/"Sie", time), "Datei senden …" and files dropped
// onto the panel, a progress bar and "Abbrechen" per running transfer, "Speichern …" (a file the
// advisor chooses, with the sanitised name suggested; the file is never opened, and on Windows it
// gets the Mark-of-the-Web, U7), "Löschen" after a confirmation (only the advisor may, S6), the
// consultation's limits as a hint and every refusal's reason in words under the list. Binds to its
// Consultation's ConsultationDocuments; owned by the ConsultationPanel.
class DocumentsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentsPanel(Consultation &consultation, QWidget *parent = nullptr);
    ~DocumentsPanel() override;

    // Sends this file (what "Datei senden …" does after the dialog, and a drop).
    void sendFile(const QString &path);
    // Asks for files (a modal dialog named "sendDocumentDialog"), then sendFile() for each.
    void chooseAndSend();
    // Asks where (a modal dialog named "saveDocumentDialog", the document's name suggested), then
    // saveDocumentTo().
    void chooseAndSave(const QString &documentId);
    // Downloads the document into `path` (what the save dialog's answer starts).
    void saveDocumentTo(const QString &documentId, const QString &path);
    // Asks (a message box named "confirmRemoveDocument"), then deletes the document on the server.
    void removeDocument(const QString &documentId);
    void cancelTransfer(quint32 transferId);
    // Whether `mimeData` holds local files to send: the chat area takes drops through this too.
    static bool holdsFiles(const QMimeData *mimeData);
    void sendDropped(const QMimeData *mimeData);

    ConsultationDocuments *documents() const { return m_documents.data(); }
    QTreeWidget *list() const { return m_list; }
    // The document id shown in `row` of the list.
    QString documentIdAt(int row) const;
    int rowOf(const QString &documentId) const;
    QPushButton *sendButton() const { return m_send; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *hintLabel() const { return m_hint; }
    QLabel *messageLabel() const { return m_message; }
    // How "Datei senden …" and "Speichern …" ask for files (a test injects its answer).
    FileChooser &fileChooser() { return m_fileChooser; }
    // The progress bar and "Abbrechen" of a running transfer; null when it is not running.
    QProgressBar *progressOf(quint32 transferId) const;
    QPushButton *cancelButtonOf(quint32 transferId) const;

Q_SIGNALS:
    // A document of the customer arrived (for the badge on the area's button).
    void documentArrived();

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct TransferRow
    {
        QWidget *row = nullptr;
        QLabel *label = nullptr;
        QProgressBar *bar = nullptr;
        QPushButton *cancel = nullptr;
        QString name;
    };
    // Kept as a function of the codes it says, so a language switch says it again (as the board does).
    using MessageText = std::function<QString()>;

    void retranslate();
    void rebuildList();
    void updateControls();
    QString selectedDocumentId() const;
    QString nameOf(const QString &documentId) const;
    void showMessage(MessageText text, bool problem);
    void addTransferRow(quint32 transferId);
    void updateTransferRow(quint32 transferId);
    void dropTransferRow(quint32 transferId);
    void onRefused(quint32 transferId, ConsultationDocuments::Refusal refusal);

    QPointer<Consultation> m_consultation;
    QPointer<ConsultationDocuments> m_documents;
    QLabel *m_title;
    QLabel *m_hint;
    QTreeWidget *m_list;
    QPushButton *m_send;
    QPushButton *m_save;
    QPushButton *m_remove;
    QVBoxLayout *m_transfersLayout;
    QLabel *m_message;
    QHash<quint32, TransferRow> m_transfers;
    QHash<quint32, QString> m_transferNames; // kept past the row, for a refusal that follows it
    QSet<QString> m_known;                   // documents already listed (to tell new arrivals)
    FileChooser m_fileChooser;
    MessageText m_messageText;
    bool m_messageIsProblem = false;
};

} // namespace consult::advisor
