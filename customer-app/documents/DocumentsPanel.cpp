#include "DocumentsPanel.h"

#include "DocumentTexts.h"
#include "client/consultation/Consultation.h"
#include "validation/FileName.h"
#include "widgets/Announcer.h"
#include "widgets/PlainLabel.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace consult::customer {

namespace {

using Refusal = ConsultationDocuments::Refusal;

// The list shows about four documents before it scrolls: the chat keeps its room beside it.
constexpr int kListMaximumHeight = 190;

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    return paths;
}

QString filterFor(wire::DocumentType type)
{
    switch (type) {
    case wire::DOCUMENT_TYPE_PNG:
        return DocumentTexts::tr("PNG-Bilder (*.png)");
    case wire::DOCUMENT_TYPE_JPEG:
        return DocumentTexts::tr("JPEG-Bilder (*.jpg *.jpeg)");
    default:
        return DocumentTexts::tr("PDF-Dokumente (*.pdf)");
    }
}

} // namespace

DocumentsPanel::DocumentsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "documentsHeading", "subheading");
    m_deletion = plainLabel(this, "documentsDeletion", "note");
    m_empty = plainLabel(this, "documentsEmpty", "hint");
    m_list = new QWidget;
    m_list->setObjectName(QStringLiteral("documentsList"));
    m_listLayout = new QVBoxLayout(m_list);
    m_listLayout->setContentsMargins(0, 0, 0, 0);
    m_listLayout->setSpacing(6);
    m_listLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("documentsScroll"));
    m_scroll->setWidget(m_list);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->hide();
    m_transfers = new QWidget(this);
    m_transfers->setObjectName(QStringLiteral("documentTransfers"));
    m_transfersLayout = new QVBoxLayout(m_transfers);
    m_transfersLayout->setContentsMargins(0, 0, 0, 0);
    m_transfersLayout->setSpacing(4);
    m_transfers->hide();
    m_refusal = plainLabel(this, "documentRefusal", "error");
    m_refusal->setProperty("note", true);
    m_refusal->hide();
    m_status = plainLabel(this, "documentStatus", "confirmation");
    m_status->hide();
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendDocument"));
    m_send->setEnabled(false);
    m_dropHint = plainLabel(this, "documentsDropHint", "hint");
    m_limits = plainLabel(this, "documentsLimits", "hint");

    connect(m_send, &QPushButton::clicked, this, &DocumentsPanel::chooseAndSend);

    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_dropHint, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_deletion);
    layout->addWidget(m_empty);
    layout->addWidget(m_scroll);
    layout->addWidget(m_transfers);
    layout->addWidget(m_refusal);
    layout->addWidget(m_status);
    layout->addLayout(sendRow);
    layout->addWidget(m_limits);
    // Alone beside the chat the panel gets the column's height: its rows stay together at the top.
    layout->addStretch(1);
    retranslate();
}

DocumentsPanel::~DocumentsPanel() = default;

void DocumentsPanel::setConsultation(Consultation *consultation)
{
    ConsultationDocuments *documents = consultation ? consultation->part<ConsultationDocuments>() : nullptr;
    if (consultation == m_consultation && documents == m_documents)
        return;
    if (m_documents)
        m_documents->disconnect(this);
    if (m_consultation)
        m_consultation->disconnect(this);
    m_consultation = consultation;
    m_documents = documents;
    m_transferNames.clear();
    for (const TransferRow &row : std::as_const(m_transferRows))
        delete row.row;
    m_transferRows.clear();
    m_known.clear();
    m_statusText.clear();
    m_refusalText.clear();
    if (consultation)
        connect(consultation, &Consultation::ended, this, [this] { retranslate(); });
    if (documents) {
        connect(documents, &ConsultationDocuments::documentsChanged, this, &DocumentsPanel::rebuildList);
        connect(documents, &ConsultationDocuments::transferStarted, this, &DocumentsPanel::onTransferStarted);
        connect(documents, &ConsultationDocuments::transferProgress, this, &DocumentsPanel::onTransferProgress);
        connect(documents, &ConsultationDocuments::uploadFinished, this, &DocumentsPanel::onUploadFinished);
        connect(documents, &ConsultationDocuments::downloadFinished, this, &DocumentsPanel::onDownloadFinished);
        connect(documents, &ConsultationDocuments::transferCancelled, this, [this](quint32 transferId) {
            removeTransferRow(transferId);
            m_transferNames.remove(transferId);
        });
        connect(documents, &ConsultationDocuments::refused, this, &DocumentsPanel::onRefused);
        for (const ConsultationDocument &document : documents->documents())
            m_known.insert(document.id);
        for (const DocumentTransfer &transfer : documents->transfers()) {
            m_transferNames.insert(transfer.id, transfer.name);
            onTransferStarted(transfer.id);
        }
    }
    rebuildList();
    retranslate();
}

void DocumentsPanel::acceptDropsOn(QWidget *target)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
    // Widgets inside that take drops themselves (the chat input takes text) would otherwise get the
    // file as its path in words; files go to the documents, anything else stays theirs.
    for (QWidget *child : target->findChildren<QWidget *>())
        if (child->acceptDrops())
            child->installEventFilter(this);
}

bool DocumentsPanel::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (m_documents && !localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localFiles(drop->mimeData());
        if (m_documents && !paths.isEmpty()) {
            drop->acceptProposedAction();
            sendFiles(paths);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void DocumentsPanel::chooseAndSend()
{
    FileQuestion question;
    question.kind = FileQuestion::Kind::OpenMany;
    question.objectName = QStringLiteral("sendDocumentDialog");
    question.title = tr("Datei senden");
    question.filters = {tr("PDF-Dokumente und Bilder (*.pdf *.png *.jpg *.jpeg)")};
    sendFiles(m_fileChooser.ask(this, question));
}

void DocumentsPanel::sendFiles(const QStringList &paths)
{
    if (!m_documents)
        return;
    m_refusalText.clear();
    m_statusText.clear();
    retranslate();
    for (const QString &path : paths) {
        if (path.isEmpty())
            continue;
        m_pendingName = QFileInfo(path).fileName();
        const quint32 transferId = m_documents->upload(path);
        if (transferId != 0 && !m_transferNames.contains(transferId))
            m_transferNames.insert(transferId, m_pendingName);
        m_pendingName.clear();
    }
}

void DocumentsPanel::saveDocument(const QString &documentId)
{
    if (!m_documents)
        return;
    const QList<ConsultationDocument> documents = m_documents->documents();
    const auto found = std::find_if(documents.begin(), documents.end(),
                                    [&](const ConsultationDocument &document) { return document.id == documentId; });
    if (found == documents.end() || found->removed)
        return;
    // The server sanitised the name already (U6); once more here, as it becomes a local file name.
    FileQuestion question;
    question.kind = FileQuestion::Kind::Save;
    question.objectName = QStringLiteral("saveDocumentDialog");
    question.title = tr("Datei speichern");
    question.filters = {filterFor(found->type)};
    question.suggestedName = validation::sanitiseFileName(found->name);
    const QStringList paths = m_fileChooser.ask(this, question);
    if (paths.isEmpty())
        return; // cancelled: nothing is downloaded, nothing written
    const QString &path = paths.constFirst();
    m_refusalText.clear();
    m_statusText.clear();
    const quint32 transferId = m_documents->download(documentId, path);
    if (transferId != 0)
        m_transferNames.insert(transferId, found->name);
    retranslate();
}

QPushButton *DocumentsPanel::saveButtonFor(const QString &documentId) const
{
    return m_list->findChild<QPushButton *>(QStringLiteral("saveDocument:") + documentId);
}

QLabel *DocumentsPanel::documentLabelFor(const QString &documentId) const
{
    return m_list->findChild<QLabel *>(QStringLiteral("documentName:") + documentId);
}

QLabel *DocumentsPanel::detailsLabelFor(const QString &documentId) const
{
    return m_list->findChild<QLabel *>(QStringLiteral("documentDetails:") + documentId);
}

QProgressBar *DocumentsPanel::progressBarFor(quint32 transferId) const
{
    const auto row = m_transferRows.constFind(transferId);
    return row == m_transferRows.constEnd() ? nullptr : row->bar;
}

QPushButton *DocumentsPanel::cancelButtonFor(quint32 transferId) const
{
    const auto row = m_transferRows.constFind(transferId);
    return row == m_transferRows.constEnd() ? nullptr : row->cancel;
}

void DocumentsPanel::rebuildList()
{
    // Rows are few (at most the consultation's max_files): rebuilt whole, in the order they came.
    while (m_listLayout->count() > 1) {
        QLayoutItem *item = m_listLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    const QList<ConsultationDocument> documents =
        m_documents ? m_documents->documents() : QList<ConsultationDocument>();
    const QLocale locale;
    int shown = 0;
    for (const ConsultationDocument &document : documents) {
        if (document.removed)
            continue;
        auto *row = new QWidget(m_list);
        auto *name = plainLabel(row, nullptr, "strong");
        name->setObjectName(QStringLiteral("documentName:") + document.id);
        name->setText(document.name);
        auto *details = plainLabel(row, nullptr, "hint");
        details->setObjectName(QStringLiteral("documentDetails:") + document.id);
        details->setText(tr("%1 · %2 · %3 Uhr")
                             .arg(DocumentTexts::from(document.from), DocumentTexts::size(document.size),
                                  locale.toString(document.addedAt.toLocalTime().time(), QLocale::ShortFormat)));
        auto *save = new QPushButton(tr("Speichern …"), row);
        save->setObjectName(QStringLiteral("saveDocument:") + document.id);
        save->setAccessibleName(tr("%1 speichern").arg(document.name));
        const QString id = document.id;
        connect(save, &QPushButton::clicked, this, [this, id] { saveDocument(id); });
        auto *text = new QVBoxLayout;
        text->setSpacing(0);
        text->addWidget(name);
        text->addWidget(details);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addLayout(text, 1);
        rowLayout->addWidget(save, 0, Qt::AlignVCenter);
        m_listLayout->insertWidget(m_listLayout->count() - 1, row);
        ++shown;
        if (!m_known.contains(document.id)) {
            m_known.insert(document.id);
            // A file from the advisor is news; the customer's own upload is announced when it finishes.
            if (document.from != wire::PARTY_CUSTOMER) {
                const QString advisor = m_consultation ? m_consultation->peer().name : QString();
                announce(m_list, tr("%1 hat Ihnen eine Datei geschickt: %2").arg(advisor, document.name));
            }
        }
    }
    m_scroll->setVisible(shown > 0);
    m_empty->setVisible(shown == 0);
    // As high as its rows, up to about four; then it scrolls. The rest of the column stays for forms.
    m_list->adjustSize();
    m_scroll->setFixedHeight(qMin(m_list->sizeHint().height(), kListMaximumHeight));
}

void DocumentsPanel::onTransferStarted(quint32 transferId)
{
    if (!m_documents || m_transferRows.contains(transferId))
        return;
    TransferRow row;
    row.row = new QWidget(m_transfers);
    row.label = plainLabel(row.row, nullptr);
    row.label->setObjectName(QStringLiteral("transferLabel:%1").arg(transferId));
    row.bar = new QProgressBar(row.row);
    row.bar->setObjectName(QStringLiteral("transferProgress:%1").arg(transferId));
    row.bar->setRange(0, 1000);
    row.bar->setValue(0);
    row.cancel = new QPushButton(row.row);
    row.cancel->setObjectName(QStringLiteral("cancelTransfer:%1").arg(transferId));
    connect(row.cancel, &QPushButton::clicked, this, [this, transferId] {
        if (m_documents)
            m_documents->cancel(transferId);
    });
    auto *barRow = new QHBoxLayout;
    barRow->addWidget(row.bar, 1);
    barRow->addWidget(row.cancel);
    auto *layout = new QVBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(row.label);
    layout->addLayout(barRow);
    m_transfersLayout->addWidget(row.row);
    m_transferRows.insert(transferId, row);
    m_transfers->show();
    retranslateTransfer(transferId);
}

void DocumentsPanel::onTransferProgress(quint32 transferId, qint64 done, qint64 total)
{
    if (!m_transferRows.contains(transferId))
        onTransferStarted(transferId);
    const auto row = m_transferRows.constFind(transferId);
    if (row == m_transferRows.constEnd())
        return;
    row->bar->setValue(total > 0 ? int(std::clamp<qint64>(done * 1000 / total, 0, 1000)) : 0);
    retranslateTransfer(transferId);
}

void DocumentsPanel::onUploadFinished(quint32 transferId, const QString &documentId)
{
    Q_UNUSED(documentId)
    const QString name = m_transferNames.take(transferId);
    removeTransferRow(transferId);
    m_statusText = tr("„%1“ ist angekommen. Ihr Berater kann die Datei jetzt öffnen.").arg(name);
    retranslate();
    announce(m_status, m_statusText);
}

void DocumentsPanel::onDownloadFinished(quint32 transferId, const QString &filePath)
{
    m_transferNames.remove(transferId);
    removeTransferRow(transferId);
    m_statusText = tr("Gespeichert: %1").arg(QDir::toNativeSeparators(filePath));
    retranslate();
    announce(m_status, m_statusText);
}

void DocumentsPanel::onRefused(quint32 transferId, ConsultationDocuments::Refusal refusal, const QString &detail)
{
    QString name = m_transferNames.take(transferId);
    if (name.isEmpty())
        name = m_pendingName;
    removeTransferRow(transferId);
    m_statusText.clear();
    m_refusalText = DocumentTexts::refusal(refusal, detail, name, limits());
    retranslate();
    announce(m_refusal, m_refusalText);
}

void DocumentsPanel::removeTransferRow(quint32 transferId)
{
    const TransferRow row = m_transferRows.take(transferId);
    delete row.row;
    m_transfers->setVisible(!m_transferRows.isEmpty());
}

wire::DocumentLimits DocumentsPanel::limits() const
{
    if (m_documents)
        return m_documents->limits();
    return m_consultation ? m_consultation->documentLimits() : wire::DocumentLimits();
}

void DocumentsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuildList();
        for (auto it = m_transferRows.cbegin(); it != m_transferRows.cend(); ++it)
            retranslateTransfer(it.key());
    }
    QWidget::changeEvent(event);
}

void DocumentsPanel::retranslateTransfer(quint32 transferId)
{
    const auto row = m_transferRows.constFind(transferId);
    if (row == m_transferRows.constEnd() || !m_documents)
        return;
    const QList<DocumentTransfer> transfers = m_documents->transfers();
    const auto found = std::find_if(transfers.begin(), transfers.end(),
                                    [&](const DocumentTransfer &transfer) { return transfer.id == transferId; });
    const bool upload = found == transfers.end() || found->direction == DocumentTransfer::Direction::Upload;
    QString name = m_transferNames.value(transferId);
    if (name.isEmpty() && found != transfers.end())
        name = found->name;
    const qint64 done = found != transfers.end() ? found->doneBytes : 0;
    const qint64 total = found != transfers.end() ? found->totalBytes : 0;
    row->label->setText(
        upload
            ? tr("Wird gesendet: %1 (%2 von %3)").arg(name, DocumentTexts::size(done), DocumentTexts::size(total))
            : tr("Wird gespeichert: %1 (%2 von %3)").arg(name, DocumentTexts::size(done), DocumentTexts::size(total)));
    row->bar->setAccessibleName(upload ? tr("Fortschritt beim Senden von %1").arg(name)
                                       : tr("Fortschritt beim Speichern von %1").arg(name));
    row->cancel->setText(tr("Abbrechen"));
    row->cancel->setAccessibleName(upload ? tr("Senden von %1 abbrechen").arg(name)
                                          : tr("Speichern von %1 abbrechen").arg(name));
}

void DocumentsPanel::retranslate()
{
    m_heading->setText(tr("Dokumente"));
    m_deletion->setText(DocumentTexts::deletionNotice());
    m_empty->setText(tr("Noch keine Dateien ausgetauscht."));
    m_send->setText(tr("Datei senden …"));
    m_send->setAccessibleName(tr("Datei an Ihren Berater senden"));
    m_send->setEnabled(m_documents && m_consultation && m_consultation->isRunning());
    m_dropHint->setText(tr("oder Dateien hierher ziehen"));
    m_limits->setText(DocumentTexts::limitsHint(limits()));
    m_scroll->setAccessibleName(tr("Dateien dieser Beratung"));
    m_refusal->setText(m_refusalText);
    m_refusal->setVisible(!m_refusalText.isEmpty());
    m_status->setText(m_statusText);
    m_status->setVisible(!m_statusText.isEmpty());
}

} // namespace consult::customer
