#include "WhiteboardPanel.h"

#include "DocumentUpload.h"
#include "PageList.h"
#include "client/consultation/Consultation.h"
#include "widgets/Announcer.h"
#include "widgets/BoardCanvas.h"
#include "widgets/BoardToolBar.h"
#include "widgets/FlowLayout.h"
#include "widgets/PlainLabel.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace consult::advisor {

WhiteboardPanel::WhiteboardPanel(Consultation &consultation, QWidget *parent)
    : QWidget(parent)
    , m_consultation(&consultation)
    , m_whiteboard(consultation.part<ConsultationWhiteboard>())
{
    setObjectName(QStringLiteral("whiteboardPanel"));
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("openDocument"));
    m_previous = new QToolButton(this);
    m_previous->setObjectName(QStringLiteral("previousPage"));
    m_previous->setArrowType(Qt::LeftArrow);
    m_next = new QToolButton(this);
    m_next->setObjectName(QStringLiteral("nextPage"));
    m_next->setArrowType(Qt::RightArrow);
    m_pageLabel = plainLabel(this, "boardPageLabel", nullptr, false);
    m_pageLabel->setTextInteractionFlags(Qt::NoTextInteraction);
    m_customerMayDraw = new QCheckBox(this);
    m_customerMayDraw->setObjectName(QStringLiteral("customerMayDraw"));
    m_toolBar = new BoardToolBar(this);
    m_toolBar->setClearPageVisible(true);
    m_pages = new PageList(this);
    m_canvas = new BoardCanvas(this);
    m_canvas->setObjectName(QStringLiteral("boardCanvas"));
    m_message = plainLabel(this, "boardMessage");
    m_message->hide();
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("boardProgress"));
    m_progress->setMaximumHeight(m_progress->fontMetrics().height());
    m_progress->setTextVisible(false);
    m_progress->hide();

    auto *top = new FlowLayout(nullptr, 6); // wraps in a narrow column
    top->addWidget(m_open);
    auto *pager = new QWidget(this);
    auto *pagerLayout = new QHBoxLayout(pager);
    pagerLayout->setContentsMargins(0, 0, 0, 0);
    pagerLayout->addWidget(m_previous);
    pagerLayout->addWidget(m_pageLabel);
    pagerLayout->addWidget(m_next);
    top->addWidget(pager);
    top->addWidget(m_customerMayDraw);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_pages);
    middle->addWidget(m_canvas, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_toolBar);
    layout->addLayout(middle, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    // Tab order is the order of creation above, as the eye reads: open, pages, permission, tools,
    // thumbnails, the board.

    m_toolBar->setCanvas(m_canvas);
    m_toolBar->installShortcuts(this);
    const auto shortcut = [this](const QKeySequence &keys, void (WhiteboardPanel::*act)()) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, act);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), &WhiteboardPanel::chooseFile);
    shortcut(QKeySequence(Qt::Key_PageUp), &WhiteboardPanel::showPreviousPage);
    shortcut(QKeySequence(Qt::Key_PageDown), &WhiteboardPanel::showNextPage);

    connect(m_open, &QPushButton::clicked, this, &WhiteboardPanel::chooseFile);
    connect(m_previous, &QToolButton::clicked, this, &WhiteboardPanel::showPreviousPage);
    connect(m_next, &QToolButton::clicked, this, &WhiteboardPanel::showNextPage);
    connect(m_pages, &PageList::pageChosen, this, &WhiteboardPanel::showPage);
    connect(m_toolBar, &BoardToolBar::clearPageRequested, this, &WhiteboardPanel::clearShownPage);
    connect(m_customerMayDraw, &QCheckBox::toggled, this, [this](bool allowed) {
        if (m_whiteboard && m_whiteboard->model().customerMayDraw() != allowed)
            m_whiteboard->setCustomerMayDraw(allowed);
    });
    connect(&consultation, &Consultation::ended, this, &WhiteboardPanel::updateControls);

    if (m_whiteboard) {
        board::BoardModel *model = &m_whiteboard->model();
        m_canvas->setWhiteboard(m_whiteboard);
        m_pages->setModel(model);
        connect(model, &board::BoardModel::shownPageChanged, this, &WhiteboardPanel::updateControls);
        connect(model, &board::BoardModel::documentAdded, this, &WhiteboardPanel::updateControls);
        connect(model, &board::BoardModel::reset, this, &WhiteboardPanel::updateControls);
        connect(model, &board::BoardModel::permissionChanged, this, &WhiteboardPanel::updateControls);
        connect(m_whiteboard, &ConsultationWhiteboard::pageDelivered, m_pages, &PageList::markDelivered);
        connect(m_whiteboard, &ConsultationWhiteboard::refused, this, &WhiteboardPanel::showRefusal);
        connect(m_whiteboard, &ConsultationWhiteboard::uploadProgress, this, [this](qint64 sent, qint64 total) {
            m_uploadSent = sent;
            m_uploadTotal = total;
            updateProgress();
        });
    }
    retranslate();
}

WhiteboardPanel::~WhiteboardPanel() = default;

void WhiteboardPanel::chooseFile()
{
    if (!m_open->isEnabled())
        return;
    FileQuestion question;
    question.kind = FileQuestion::Kind::OpenOne;
    question.objectName = QStringLiteral("openDocumentDialog");
    question.title = tr("Dokument öffnen");
    question.filters = {tr("PDF und Bilder (*.pdf *.png *.jpg *.jpeg)"), tr("Alle Dateien (*)")};
    const QStringList paths = m_fileChooser.ask(this, question);
    if (!paths.isEmpty())
        openFile(paths.constFirst());
}

void WhiteboardPanel::openFile(const QString &path)
{
    if (!m_whiteboard || !m_consultation || m_consultation->isEnded())
        return;
    auto *upload = new DocumentUpload(*m_whiteboard, path, m_importSettings, this);
    m_uploads.append(upload);
    connect(upload, &DocumentUpload::refused, this,
            [this, title = upload->title()](board::DocumentImport::Refusal reason) {
                showMessage([title, reason] { return importRefusalText(title, reason); }, true);
            });
    connect(upload, &DocumentUpload::opened, this, [this] { updateControls(); });
    connect(upload, &DocumentUpload::progressed, this, &WhiteboardPanel::updateProgress);
    connect(upload, &DocumentUpload::finished, this, [this, upload] {
        m_uploads.removeOne(upload);
        upload->deleteLater();
        updateProgress();
    });
    showMessage([title = upload->title()] { return tr("„%1“ wird geöffnet …").arg(title); }, false);
    upload->start();
}

void WhiteboardPanel::showPage(board::PageKey page)
{
    if (!m_whiteboard || !page.isValid() || (m_consultation && m_consultation->isEnded()))
        return;
    if (m_whiteboard->model().shownPage() == page)
        return;
    m_whiteboard->showPage(page);
    for (DocumentUpload *upload : std::as_const(m_uploads)) {
        if (upload->documentId() == page.document)
            upload->prioritise(int(page.page));
    }
}

void WhiteboardPanel::showPreviousPage()
{
    if (m_whiteboard)
        showPage(m_pages->neighbour(m_whiteboard->model().shownPage(), -1));
}

void WhiteboardPanel::showNextPage()
{
    if (m_whiteboard)
        showPage(m_pages->neighbour(m_whiteboard->model().shownPage(), +1));
}

void WhiteboardPanel::clearShownPage()
{
    if (!m_whiteboard || !m_whiteboard->model().shownPage().isValid() || !m_whiteboard->mayDraw())
        return;
    QMessageBox confirm(QMessageBox::Question, tr("Seite leeren?"),
                        tr("Alle Markierungen dieser Seite entfernen, auch die des Kunden? Mit „Rückgängig“ "
                           "lässt sich das zurücknehmen."),
                        QMessageBox::Yes | QMessageBox::No, this);
    confirm.setObjectName(QStringLiteral("confirmClearPage"));
    confirm.setTextFormat(Qt::PlainText);
    confirm.setDefaultButton(QMessageBox::No);
    confirm.button(QMessageBox::Yes)->setText(tr("Seite leeren"));
    confirm.button(QMessageBox::No)->setText(tr("Abbrechen"));
    if (confirm.exec() == QMessageBox::Yes && m_whiteboard)
        m_whiteboard->clearPage(m_whiteboard->model().shownPage());
}

void WhiteboardPanel::showRefusal(ConsultationWhiteboard::Refusal refusal, const QString &detail)
{
    showMessage([refusal, detail] { return serverRefusalText(refusal, detail); }, true);
}

QString WhiteboardPanel::importRefusalText(const QString &title, board::DocumentImport::Refusal refusal)
{
    return tr("„%1“ wird nicht gezeigt: %2").arg(title, board::DocumentImport::describe(refusal));
}

QString WhiteboardPanel::serverRefusalText(ConsultationWhiteboard::Refusal refusal, const QString &detail)
{
    QString text;
    switch (refusal) {
    case ConsultationWhiteboard::Refusal::NotAllowed:
        text = tr("Der Server hat das nicht erlaubt.");
        break;
    case ConsultationWhiteboard::Refusal::LimitReached:
        if (detail == QLatin1String("documents"))
            text = tr("Grenze erreicht: Diese Beratung hat schon so viele Dokumente, wie erlaubt sind.");
        else if (detail == QLatin1String("pages"))
            text = tr("Grenze erreicht: Das Dokument hat mehr Seiten, als erlaubt sind.");
        else if (detail == QLatin1String("page_bytes"))
            text = tr("Grenze erreicht: Eine Seite ist als Bild zu groß.");
        else if (detail == QLatin1String("board_bytes"))
            text = tr("Grenze erreicht: Die Tafel dieser Beratung ist voll (Datenmenge).");
        else if (detail == QLatin1String("annotations"))
            text = tr("Grenze erreicht: Auf der Tafel sind so viele Markierungen, wie erlaubt sind.");
        else if (detail == QLatin1String("points"))
            text = tr("Grenze erreicht: Der Strich ist zu lang; er endet hier.");
        else
            text = tr("Grenze der Tafel erreicht (%1).").arg(detail);
        break;
    case ConsultationWhiteboard::Refusal::RateLimited:
        text = tr("Zu viele Schritte in kurzer Zeit; bitte einen Moment warten.");
        break;
    case ConsultationWhiteboard::Refusal::InvalidInput:
        text = detail.isEmpty() ? tr("Der Server hat die Eingabe abgelehnt.")
                                : tr("Der Server hat die Eingabe abgelehnt (%1).").arg(detail);
        break;
    case ConsultationWhiteboard::Refusal::NotFound:
        text = tr("Diese Seite oder dieses Dokument gibt es auf der Tafel nicht mehr.");
        break;
    case ConsultationWhiteboard::Refusal::PageUnreadable:
        text = tr("Eine Seite ließ sich nicht lesen und wird nicht gezeigt.");
        break;
    }
    return text;
}

void WhiteboardPanel::showMessage(MessageText text, bool problem)
{
    m_messageText = std::move(text);
    m_messageIsProblem = problem;
    const QString shown = m_messageText ? m_messageText() : QString();
    m_message->setText(shown);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
    m_message->setVisible(!shown.isEmpty());
    if (problem)
        announce(m_message, shown); // lesson 14: a refusal is heard, not only seen
}

void WhiteboardPanel::updateProgress()
{
    int rendered = 0;
    int pages = 0;
    QString opening;
    for (const DocumentUpload *upload : std::as_const(m_uploads)) {
        rendered += upload->pagesRendered();
        pages += upload->pageCount();
        if (upload->pageCount() > 0)
            opening = upload->title();
    }
    const int inFlight = m_whiteboard ? m_whiteboard->pagesInFlight() : 0;
    const bool uploading = m_uploadTotal > 0 && m_uploadSent < m_uploadTotal;
    if (pages > 0 && rendered < pages) {
        m_progress->setRange(0, pages);
        m_progress->setValue(rendered);
        m_progress->show();
        showMessage([opening, rendered,
                     pages] { return tr("„%1“: %2 von %3 Seiten vorbereitet").arg(opening).arg(rendered).arg(pages); },
                    false);
    } else if (uploading) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(m_uploadSent * 1000 / m_uploadTotal));
        m_progress->show();
        showMessage([inFlight] { return tr("%n Seite(n) unterwegs zum Kunden", nullptr, std::max(inFlight, 1)); },
                    false);
    } else {
        m_progress->hide();
        if (!m_messageIsProblem) {
            m_messageText = nullptr;
            m_message->hide();
        }
    }
    m_progress->setAccessibleName(tr("Fortschritt des Dokuments"));
}

void WhiteboardPanel::updateControls()
{
    const bool running = m_whiteboard && m_consultation && !m_consultation->isEnded();
    m_open->setEnabled(running);
    m_customerMayDraw->setEnabled(running);
    if (m_whiteboard) {
        const QSignalBlocker quiet(m_customerMayDraw);
        m_customerMayDraw->setChecked(m_whiteboard->model().customerMayDraw());
    }
    const board::PageKey shown = m_whiteboard ? m_whiteboard->model().shownPage() : board::PageKey{};
    m_previous->setEnabled(running && m_pages->neighbour(shown, -1).isValid());
    m_next->setEnabled(running && m_pages->neighbour(shown, +1).isValid());
    const board::Document *document = m_whiteboard ? m_whiteboard->model().document(shown.document) : nullptr;
    if (!m_whiteboard)
        m_pageLabel->setText(tr("Die Tafel ist in dieser Beratung nicht verfügbar."));
    else if (!document)
        m_pageLabel->setText(tr("Kein Dokument gezeigt"));
    else
        m_pageLabel->setText(tr("Seite %1 von %2").arg(shown.page + 1).arg(document->pageSizes.size()));
    m_pageLabel->setToolTip(document ? document->title : QString());
    m_pageLabel->setAccessibleName(m_pageLabel->text());
}

void WhiteboardPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WhiteboardPanel::retranslate()
{
    m_open->setText(tr("Dokument ö&ffnen …"));
    m_open->setToolTip(tr("Ein PDF oder Bild auf der Tafel zeigen (Strg+O)"));
    m_open->setAccessibleName(tr("Dokument öffnen"));
    m_previous->setToolTip(tr("Vorige Seite zeigen (Bild auf)"));
    m_previous->setAccessibleName(tr("Vorige Seite"));
    m_next->setToolTip(tr("Nächste Seite zeigen (Bild ab)"));
    m_next->setAccessibleName(tr("Nächste Seite"));
    m_customerMayDraw->setText(tr("&Kunde darf zeichnen"));
    m_customerMayDraw->setToolTip(tr("Erlaubt dem Kunden, auf der Tafel zu zeichnen"));
    m_customerMayDraw->setAccessibleName(tr("Kunde darf zeichnen"));
    setAccessibleName(tr("Tafel"));
    // A message on screen (a refusal above all) is said again in the new language; not announced again.
    if (m_messageText)
        m_message->setText(m_messageText());
    updateControls();
    updateProgress();
}

} // namespace consult::advisor
