#pragma once

#include "client/documents/ConsultationDocuments.h"
#include "widgets/FileChooser.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace consult {
class Consultation;
} // namespace consult

namespace consult::customer {

// The documents of the customer's consultation (seed 002, issue 12): every file exchanged, with its
// name, size, who sent it ("von Ihnen", "vom Berater") and when, and "Speichern …" for each (the
// customer picks where; nothing is opened, nothing written before); "Datei senden …" and files
// dropped onto the consultation page; a progress bar with "Abbrechen" per running transfer; every
// refusal in words naming the reason and what to do; the limits as a hint; and the promise that the
// files are deleted at the end. Arrivals, refusals and finished transfers are announced.
//
// Binds to the documents part of the customer's Consultation (the client adds it when the
// consultation begins). Owned by the ConsultationPage, which places it beside the chat.
class DocumentsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentsPanel(QWidget *parent = nullptr);
    ~DocumentsPanel() override;

    // The consultation whose documents are shown; looks for its documents part again each time.
    void setConsultation(Consultation *consultation);
    ConsultationDocuments *documents() const { return m_documents; }

    // Files dropped onto `target` (the consultation page) or any widget in it are sent like
    // "Datei senden …"; call it once the page's widgets exist.
    void acceptDropsOn(QWidget *target);
    // Sends these local files (the file dialog's or a drop's answer).
    void sendFiles(const QStringList &paths);
    // Asks where, then saves the document there (the download is checked before it is written).
    void saveDocument(const QString &documentId);

    // Seams for tests: the file dialogs' answers.
    // How "Datei senden …" and "Speichern" ask for files (a test injects its answer).
    FileChooser &fileChooser() { return m_fileChooser; }

    QPushButton *sendButton() const { return m_send; }
    QLabel *refusalLabel() const { return m_refusal; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *limitsLabel() const { return m_limits; }
    QLabel *deletionLabel() const { return m_deletion; }
    QPushButton *saveButtonFor(const QString &documentId) const;
    QLabel *documentLabelFor(const QString &documentId) const;
    // "von Ihnen · 1,2 MB · 15:04 Uhr"
    QLabel *detailsLabelFor(const QString &documentId) const;
    QProgressBar *progressBarFor(quint32 transferId) const;
    QPushButton *cancelButtonFor(quint32 transferId) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct TransferRow
    {
        QWidget *row = nullptr;
        QLabel *label = nullptr;
        QProgressBar *bar = nullptr;
        QPushButton *cancel = nullptr;
    };

    void chooseAndSend();
    void rebuildList();
    void onTransferStarted(quint32 transferId);
    void onTransferProgress(quint32 transferId, qint64 done, qint64 total);
    void onUploadFinished(quint32 transferId, const QString &documentId);
    void onDownloadFinished(quint32 transferId, const QString &filePath);
    void onRefused(quint32 transferId, ConsultationDocuments::Refusal refusal, const QString &detail);
    void removeTransferRow(quint32 transferId);
    void retranslate();
    void retranslateTransfer(quint32 transferId);
    wire::DocumentLimits limits() const;

    QPointer<Consultation> m_consultation;
    QPointer<ConsultationDocuments> m_documents;
    FileChooser m_fileChooser;
    QHash<quint32, QString> m_transferNames; // this client's transfers: the file's name
    QString m_pendingName;                   // the file being handed to upload(), for a refusal before its id is known
    QHash<quint32, TransferRow> m_transferRows;
    QSet<QString> m_known; // documents already listed (to announce new ones only)
    QString m_statusText;  // the last save, in words
    QString m_refusalText; // the last refusal, in words

    QLabel *m_heading = nullptr;
    QLabel *m_deletion = nullptr;
    QLabel *m_empty = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_list = nullptr;
    QVBoxLayout *m_listLayout = nullptr;
    QWidget *m_transfers = nullptr;
    QVBoxLayout *m_transfersLayout = nullptr;
    QLabel *m_refusal = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_dropHint = nullptr;
    QLabel *m_limits = nullptr;
};

} // namespace consult::customer
