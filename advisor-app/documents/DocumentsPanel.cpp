#include "DocumentsPanel.h"

#include "DocumentTexts.h"
#include "MarkOfTheWeb.h"
#include "client/consultation/Consultation.h"
#include "widgets/Announcer.h"
#include "widgets/PlainLabel.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

enum Column
{
    NameColumn,
    TypeColumn,
    SizeColumn,
    FromColumn,
    TimeColumn,
    ColumnCount,
};

constexpr int kIdRole = Qt::UserRole;

} // namespace

DocumentsPanel::DocumentsPanel(Consultation &consultation, QWidget *parent)
    : QWidget(parent)
    , m_consultation(&consultation)
    , m_documents(consultation.part<ConsultationDocuments>())
{
    setObjectName(QStringLiteral("documentsPanel"));
    setAcceptDrops(true);
    m_title = plainLabel(this, "documentsTitle", nullptr, false);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_hint = plainLabel(this, "documentsHint");
    m_hint->setStyleSheet(QStringLiteral("color: #555555;"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("documentsList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setTextElideMode(Qt::ElideMiddle); // a long name keeps its start and its extension
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = TypeColumn; column < ColumnCount; ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendDocument"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveDocument"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeDocument"));
    auto *transfers = new QWidget(this);
    transfers->setObjectName(QStringLiteral("documentTransfers"));
    m_transfersLayout = new QVBoxLayout(transfers);
    m_transfersLayout->setContentsMargins(0, 0, 0, 0);
    m_message = plainLabel(this, "documentsMessage");
    m_message->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addStretch();
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    layout->addWidget(transfers);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_send, &QPushButton::clicked, this, &DocumentsPanel::chooseAndSend);
    connect(m_save, &QPushButton::clicked, this, [this] { chooseAndSave(selectedDocumentId()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeDocument(selectedDocumentId()); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &DocumentsPanel::updateControls);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { chooseAndSave(selectedDocumentId()); });
    connect(&consultation, &Consultation::ended, this, [this] {
        rebuildList();
        updateControls();
    });
    if (m_documents) {
        connect(m_documents, &ConsultationDocuments::documentsChanged, this, &DocumentsPanel::rebuildList);
        connect(m_documents, &ConsultationDocuments::transferStarted, this, &DocumentsPanel::addTransferRow);
        connect(m_documents, &ConsultationDocuments::transferProgress, this,
                [this](quint32 id, qint64, qint64) { updateTransferRow(id); });
        connect(m_documents, &ConsultationDocuments::uploadFinished, this, [this](quint32 id, const QString &) {
            const QString name = m_transferNames.value(id);
            dropTransferRow(id);
            showMessage([name] { return tr("„%1“ wurde gesendet.").arg(name); }, false);
        });
        connect(m_documents, &ConsultationDocuments::downloadFinished, this, [this](quint32 id, const QString &path) {
            dropTransferRow(id);
            // U7: the saved file is marked as coming from outside before anyone opens it.
            MarkOfTheWeb::write(path);
            const QString shown = QDir::toNativeSeparators(path);
            showMessage([shown] { return tr("Gespeichert: %1").arg(shown); }, false);
        });
        connect(m_documents, &ConsultationDocuments::transferCancelled, this, [this](quint32 id) {
            const QString name = m_transferNames.value(id);
            dropTransferRow(id);
            showMessage([name] { return tr("„%1“: Übertragung abgebrochen.").arg(name); }, false);
        });
        connect(
            m_documents, &ConsultationDocuments::refused, this,
            [this](quint32 id, ConsultationDocuments::Refusal refusal, const QString &) { onRefused(id, refusal); });
        rebuildList();
    }
    retranslate();
}

DocumentsPanel::~DocumentsPanel() = default;

void DocumentsPanel::retranslate()
{
    m_title->setText(tr("Dokumente"));
    m_hint->setText(m_documents ? DocumentTexts::limitsHint(m_documents->limits()) : QString());
    m_list->setHeaderLabels({tr("Name"), tr("Typ"), tr("Größe"), tr("Von"), tr("Zeit")});
    m_list->setAccessibleName(tr("Dokumente dieser Beratung"));
    m_send->setText(tr("Datei senden …"));
    m_send->setToolTip(tr("Eine Datei an den Kunden senden (PDF, PNG, JPEG); Dateien lassen sich auch hierher ziehen"));
    m_save->setText(tr("Speichern …"));
    m_save->setToolTip(tr("Das gewählte Dokument in einer Datei speichern (es wird nicht geöffnet)"));
    m_remove->setText(tr("Löschen"));
    m_remove->setToolTip(tr("Das gewählte Dokument jetzt auf dem Server löschen"));
    for (TransferRow &row : m_transfers)
        row.cancel->setText(tr("Abbrechen"));
    for (auto it = m_transfers.cbegin(); it != m_transfers.cend(); ++it)
        updateTransferRow(it.key());
    rebuildList();
    if (m_messageText)
        m_message->setText(m_messageText());
}

void DocumentsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DocumentsPanel::rebuildList()
{
    const QString selected = selectedDocumentId();
    m_list->clear();
    if (!m_documents) {
        updateControls();
        return;
    }
    bool arrived = false;
    for (const ConsultationDocument &document : m_documents->documents()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(NameColumn, kIdRole, document.id);
        item->setText(NameColumn, document.removed ? tr("%1 (gelöscht)").arg(document.name) : document.name);
        item->setToolTip(NameColumn, document.name);
        item->setText(TypeColumn, DocumentTexts::typeName(document.type));
        item->setText(SizeColumn, DocumentTexts::size(document.size));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(FromColumn, DocumentTexts::sender(document.from));
        item->setText(TimeColumn, document.addedAt.toLocalTime().toString(QStringLiteral("HH:mm")));
        if (document.removed) {
            for (int column = 0; column < ColumnCount; ++column)
                item->setForeground(column, palette().brush(QPalette::Disabled, QPalette::Text));
        }
        if (document.id == selected)
            item->setSelected(true);
        if (!m_known.contains(document.id)) {
            m_known.insert(document.id);
            arrived = arrived || document.from == wire::PARTY_CUSTOMER;
        }
    }
    updateControls();
    if (arrived)
        Q_EMIT documentArrived();
}

void DocumentsPanel::updateControls()
{
    const bool running = m_documents && m_consultation && !m_consultation->isEnded();
    m_send->setEnabled(running);
    const QString id = selectedDocumentId();
    bool available = false;
    if (running && !id.isEmpty()) {
        for (const ConsultationDocument &document : m_documents->documents())
            available = available || (document.id == id && !document.removed);
    }
    m_save->setEnabled(available);
    m_remove->setEnabled(available);
}

QString DocumentsPanel::selectedDocumentId() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(NameColumn, kIdRole).toString();
}

QString DocumentsPanel::documentIdAt(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? item->data(NameColumn, kIdRole).toString() : QString();
}

int DocumentsPanel::rowOf(const QString &documentId) const
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        if (documentIdAt(row) == documentId)
            return row;
    }
    return -1;
}

QString DocumentsPanel::nameOf(const QString &documentId) const
{
    if (m_documents) {
        for (const ConsultationDocument &document : m_documents->documents()) {
            if (document.id == documentId)
                return document.name;
        }
    }
    return {};
}

void DocumentsPanel::showMessage(MessageText text, bool problem)
{
    m_messageText = std::move(text);
    m_messageIsProblem = problem;
    const QString said = m_messageText();
    m_message->setText(said);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #555555;"));
    m_message->setVisible(!said.isEmpty());
    if (problem)
        announce(m_message, said); // a refusal is read out, as the chat's are
}

void DocumentsPanel::sendFile(const QString &path)
{
    if (!m_documents || !m_consultation || m_consultation->isEnded())
        return;
    const quint32 id = m_documents->upload(path);
    if (id != 0)
        m_transferNames.insert(id, QFileInfo(path).fileName());
}

void DocumentsPanel::chooseAndSend()
{
    if (!m_send->isEnabled())
        return;
    FileQuestion question;
    question.kind = FileQuestion::Kind::OpenMany;
    question.objectName = QStringLiteral("sendDocumentDialog");
    question.title = tr("Datei senden");
    question.filters = {tr("PDF und Bilder (*.pdf *.png *.jpg *.jpeg)"), tr("Alle Dateien (*)")};
    for (const QString &path : m_fileChooser.ask(this, question))
        sendFile(path);
}

void DocumentsPanel::chooseAndSave(const QString &documentId)
{
    const QString name = nameOf(documentId);
    if (name.isEmpty() || !m_save->isEnabled())
        return;
    FileQuestion question;
    question.kind = FileQuestion::Kind::Save;
    question.objectName = QStringLiteral("saveDocumentDialog");
    question.title = tr("Dokument speichern");
    question.suggestedName = name; // the server's sanitised name (U6)
    const QStringList paths = m_fileChooser.ask(this, question);
    if (!paths.isEmpty())
        saveDocumentTo(documentId, paths.constFirst());
}

void DocumentsPanel::saveDocumentTo(const QString &documentId, const QString &path)
{
    if (!m_documents || path.isEmpty())
        return;
    // U7: saved, never opened; the advisor opens it from the file system, marked as from outside.
    const quint32 id = m_documents->download(documentId, path);
    if (id != 0)
        m_transferNames.insert(id, nameOf(documentId));
}

void DocumentsPanel::removeDocument(const QString &documentId)
{
    const QString name = nameOf(documentId);
    if (name.isEmpty() || !m_documents || !m_remove->isEnabled())
        return;
    QMessageBox confirm(QMessageBox::Question, tr("Dokument löschen?"),
                        tr("„%1“ jetzt auf dem Server löschen? Der Kunde kann es danach nicht mehr laden.").arg(name),
                        QMessageBox::Yes | QMessageBox::No, this);
    confirm.setObjectName(QStringLiteral("confirmRemoveDocument"));
    confirm.setTextFormat(Qt::PlainText);
    confirm.setDefaultButton(QMessageBox::No);
    confirm.button(QMessageBox::Yes)->setText(tr("Löschen"));
    confirm.button(QMessageBox::No)->setText(tr("Behalten"));
    if (confirm.exec() == QMessageBox::Yes && m_documents && m_consultation && !m_consultation->isEnded())
        m_documents->remove(documentId);
}

void DocumentsPanel::cancelTransfer(quint32 transferId)
{
    if (m_documents)
        m_documents->cancel(transferId);
}

bool DocumentsPanel::holdsFiles(const QMimeData *mimeData)
{
    if (!mimeData || !mimeData->hasUrls())
        return false;
    for (const QUrl &url : mimeData->urls()) {
        if (!url.isLocalFile())
            return false;
    }
    return !mimeData->urls().isEmpty();
}

void DocumentsPanel::sendDropped(const QMimeData *mimeData)
{
    if (!holdsFiles(mimeData))
        return;
    for (const QUrl &url : mimeData->urls())
        sendFile(url.toLocalFile());
}

void DocumentsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_send->isEnabled() && holdsFiles(event->mimeData()))
        event->acceptProposedAction();
}

void DocumentsPanel::dropEvent(QDropEvent *event)
{
    if (!m_send->isEnabled() || !holdsFiles(event->mimeData()))
        return;
    event->acceptProposedAction();
    sendDropped(event->mimeData());
}

QProgressBar *DocumentsPanel::progressOf(quint32 transferId) const
{
    const auto it = m_transfers.constFind(transferId);
    return it == m_transfers.cend() ? nullptr : it->bar;
}

QPushButton *DocumentsPanel::cancelButtonOf(quint32 transferId) const
{
    const auto it = m_transfers.constFind(transferId);
    return it == m_transfers.cend() ? nullptr : it->cancel;
}

void DocumentsPanel::addTransferRow(quint32 transferId)
{
    if (!m_documents || m_transfers.contains(transferId))
        return;
    TransferRow row;
    for (const DocumentTransfer &transfer : m_documents->transfers()) {
        if (transfer.id == transferId)
            row.name = transfer.name;
    }
    if (row.name.isEmpty())
        row.name = m_transferNames.value(transferId);
    m_transferNames.insert(transferId, row.name);
    row.row = new QWidget(this);
    row.row->setObjectName(QStringLiteral("transfer-%1").arg(transferId));
    row.label = plainLabel(row.row); // wraps: the file's whole name stays readable in a narrow column
    row.label->setTextInteractionFlags(Qt::NoTextInteraction);
    row.bar = new QProgressBar(row.row);
    row.bar->setObjectName(QStringLiteral("transferProgress"));
    row.bar->setMaximumHeight(row.bar->fontMetrics().height() + 4);
    row.bar->setTextVisible(false);
    row.cancel = new QPushButton(tr("Abbrechen"), row.row);
    row.cancel->setObjectName(QStringLiteral("cancelTransfer"));
    auto *layout = new QVBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(row.label);
    auto *barLine = new QHBoxLayout;
    barLine->addWidget(row.bar, 1);
    barLine->addWidget(row.cancel);
    layout->addLayout(barLine);
    connect(row.cancel, &QPushButton::clicked, this, [this, transferId] { cancelTransfer(transferId); });
    m_transfersLayout->addWidget(row.row);
    row.row->show(); // now, not on the layout's queued show: the progress may be over before that
    m_transfers.insert(transferId, row);
    updateTransferRow(transferId);
}

void DocumentsPanel::updateTransferRow(quint32 transferId)
{
    const auto it = m_transfers.find(transferId);
    if (it == m_transfers.end() || !m_documents)
        return;
    for (const DocumentTransfer &transfer : m_documents->transfers()) {
        if (transfer.id != transferId)
            continue;
        const bool upload = transfer.direction == DocumentTransfer::Direction::Upload;
        const QString name = it->name;
        it->label->setText(upload ? tr("Sendet „%1“").arg(name) : tr("Lädt „%1“").arg(name));
        it->label->setToolTip(name);
        // Percent, so that a file of more than 2 GiB cannot overflow the bar's int.
        const int percent =
            transfer.totalBytes > 0 ? static_cast<int>(transfer.doneBytes * 100 / transfer.totalBytes) : 0;
        it->bar->setRange(0, 100);
        it->bar->setValue(percent);
        it->bar->setAccessibleName(
            tr("%1 von %2").arg(DocumentTexts::size(transfer.doneBytes), DocumentTexts::size(transfer.totalBytes)));
    }
}

void DocumentsPanel::dropTransferRow(quint32 transferId)
{
    const auto it = m_transfers.find(transferId);
    if (it == m_transfers.end())
        return;
    it->row->hide();
    it->row->deleteLater();
    m_transfers.erase(it);
}

void DocumentsPanel::onRefused(quint32 transferId, ConsultationDocuments::Refusal refusal)
{
    const QString name = m_transferNames.value(transferId);
    dropTransferRow(transferId);
    QPointer<ConsultationDocuments> documents = m_documents;
    showMessage(
        [documents, refusal, name] {
            return DocumentTexts::refusal(refusal, documents ? documents->limits() : wire::DocumentLimits(), name);
        },
        true);
}

} // namespace consult::advisor
