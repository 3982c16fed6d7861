#include "WhiteboardPanel.h"

#include "BoardPdfSaving.h"
#include "client/consultation/Consultation.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "widgets/Announcer.h"
#include "widgets/PlainLabel.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

using Tool = BoardCanvas::Tool;

// The tools a customer may draw with, in the order of the tool box.
constexpr Tool kTools[] = {Tool::Pointer,   Tool::Pen,  Tool::Highlighter, Tool::Arrow,
                           Tool::Rectangle, Tool::Text, Tool::Eraser};

constexpr int kToolColumns = 3;

// The customer's marks are blue, the advisor's app draws in its own colours: both see who marked what.
constexpr QRgb kCustomerColor = 0x1a5fb4;

QPushButton *button(QWidget *parent, const char *objectName)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(QString::fromLatin1(objectName));
    return button;
}

} // namespace

WhiteboardPanel::WhiteboardPanel(QWidget *parent)
    : QWidget(parent)
{
    m_title = plainLabel(this, "boardTitle", "subheading");
    m_page = plainLabel(this, "boardPage", "hint", false);
    m_permission = plainLabel(this, "boardPermission", "confirmation");
    m_permission->hide();
    m_canvas = new BoardCanvas(this);
    m_canvas->setObjectName(QStringLiteral("boardCanvas"));
    m_canvas->setMinimumSize(240, 140);
    m_canvas->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_canvas->setColor(QColor(kCustomerColor));
    m_canvas->setTool(Tool::Pointer);
    m_zoomFit = button(this, "boardZoomFit");
    m_zoomIn = button(this, "boardZoomIn");
    m_zoomOut = button(this, "boardZoomOut");
    m_save = button(this, "boardSavePdf");
    m_saveStatus = plainLabel(this, "boardSaveStatus");
    m_saveStatus->hide();

    m_tools = new QWidget(this);
    m_tools->setObjectName(QStringLiteral("boardTools"));
    m_toolGroup = new QButtonGroup(m_tools);
    m_toolGroup->setExclusive(true);
    auto *toolGrid = new QGridLayout(m_tools);
    toolGrid->setContentsMargins(0, 0, 0, 0);
    toolGrid->setSpacing(4);
    int index = 0;
    for (const Tool tool : kTools) {
        auto *toolButton = new QToolButton(m_tools);
        toolButton->setObjectName(QStringLiteral("boardTool%1").arg(index));
        toolButton->setCheckable(true);
        toolButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        m_toolGroup->addButton(toolButton, static_cast<int>(tool));
        // Three to a row, so the tools keep their words beside the chat at the smallest window.
        toolGrid->addWidget(toolButton, index / kToolColumns, index % kToolColumns);
        ++index;
    }
    m_undo = button(m_tools, "boardUndo");
    toolGrid->addWidget(m_undo, index / kToolColumns, index % kToolColumns);
    m_toolGroup->button(static_cast<int>(Tool::Pointer))->setChecked(true);
    m_undo->setEnabled(false);
    m_tools->hide();

    connect(m_toolGroup, &QButtonGroup::idClicked, this, [this](int id) { m_canvas->setTool(static_cast<Tool>(id)); });
    connect(m_undo, &QPushButton::clicked, m_canvas, &BoardCanvas::undo);
    connect(m_canvas, &BoardCanvas::undoRedoChanged, m_undo, [this](bool canUndo) { m_undo->setEnabled(canUndo); });
    connect(m_zoomFit, &QPushButton::clicked, m_canvas, &BoardCanvas::zoomToFit);
    connect(m_zoomIn, &QPushButton::clicked, m_canvas, &BoardCanvas::zoomIn);
    connect(m_zoomOut, &QPushButton::clicked, m_canvas, &BoardCanvas::zoomOut);
    connect(m_canvas, &BoardCanvas::zoomChanged, this, [this] { retranslate(); });
    connect(m_canvas, &BoardCanvas::pageChanged, this, [this] { retranslate(); });
    connect(m_save, &QPushButton::clicked, this, &WhiteboardPanel::save);

    // The page and the export under the title; zoom under the page: short rows that fit beside the
    // chat at the smallest window (the zoom buttons show - and +, their names say it in words).
    auto *pageRow = new QHBoxLayout;
    pageRow->addWidget(m_page);
    pageRow->addStretch(1);
    pageRow->addWidget(m_save);
    auto *zoomRow = new QHBoxLayout;
    zoomRow->setSpacing(4);
    zoomRow->addWidget(m_zoomFit);
    zoomRow->addWidget(m_zoomOut);
    zoomRow->addWidget(m_zoomIn);
    zoomRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addLayout(pageRow);
    layout->addWidget(m_permission);
    layout->addWidget(m_tools);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(zoomRow);
    layout->addWidget(m_saveStatus);
    setTabOrder(m_canvas, m_zoomFit);
    setTabOrder(m_zoomFit, m_zoomOut);
    setTabOrder(m_zoomOut, m_zoomIn);
    setTabOrder(m_zoomIn, m_save);
    retranslate();
}

WhiteboardPanel::~WhiteboardPanel() = default;

void WhiteboardPanel::setConsultation(Consultation *consultation)
{
    ConsultationWhiteboard *whiteboard = consultation ? consultation->part<ConsultationWhiteboard>() : nullptr;
    if (consultation == m_consultation && whiteboard == m_whiteboard)
        return;
    if (m_whiteboard)
        m_whiteboard->model().disconnect(this);
    m_consultation = consultation;
    m_whiteboard = whiteboard;
    m_canvas->setWhiteboard(whiteboard);
    m_canvas->followShownPage();
    m_canvas->zoomToFit();
    m_saveStatusText.clear();
    bindModel();
}

bool WhiteboardPanel::available() const
{
    return m_available;
}

QToolButton *WhiteboardPanel::toolButton(BoardCanvas::Tool tool) const
{
    return qobject_cast<QToolButton *>(m_toolGroup->button(static_cast<int>(tool)));
}

void WhiteboardPanel::bindModel()
{
    m_mayDraw = false;
    if (!m_whiteboard) {
        setAvailable(false);
        onPermissionChanged(false);
        return;
    }
    board::BoardModel &model = m_whiteboard->model();
    connect(&model, &board::BoardModel::documentAdded, this, &WhiteboardPanel::onDocumentAdded);
    connect(&model, &board::BoardModel::shownPageChanged, this, [this] { retranslate(); });
    connect(&model, &board::BoardModel::permissionChanged, this, &WhiteboardPanel::onPermissionChanged);
    connect(&model, &board::BoardModel::reset, this, [this] {
        // A snapshot after a resume: the same board again, so nothing to announce.
        setAvailable(!m_whiteboard->model().documents().isEmpty());
        m_mayDraw = m_whiteboard->model().customerMayDraw();
        m_tools->setVisible(m_mayDraw);
        m_permission->setVisible(m_mayDraw);
        retranslate();
    });
    setAvailable(!model.documents().isEmpty());
    m_mayDraw = model.customerMayDraw();
    m_tools->setVisible(m_mayDraw);
    m_permission->setVisible(m_mayDraw);
    retranslate();
}

void WhiteboardPanel::onDocumentAdded(quint32 documentId)
{
    setAvailable(true);
    retranslate();
    const board::Document *document = m_whiteboard ? m_whiteboard->model().document(documentId) : nullptr;
    const QString advisor = m_consultation ? m_consultation->peer().name : QString();
    if (document)
        announce(m_title, tr("%1 zeigt Ihnen ein Dokument: %2").arg(advisor, document->title));
}

void WhiteboardPanel::onPermissionChanged(bool allowed)
{
    if (allowed == m_mayDraw)
        return;
    m_mayDraw = allowed;
    m_tools->setVisible(allowed);
    m_permission->setVisible(allowed);
    if (!allowed) {
        // Back to looking: the pointer tool draws nothing the server would refuse.
        m_toolGroup->button(static_cast<int>(Tool::Pointer))->setChecked(true);
        m_canvas->setTool(Tool::Pointer);
    }
    retranslate();
    announce(m_permission, allowed ? m_permission->text() : tr("Sie dürfen nicht mehr mitzeichnen."));
}

void WhiteboardPanel::setAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availabilityChanged(available);
}

void WhiteboardPanel::save()
{
    if (!m_whiteboard)
        return;
    const std::optional<BoardPdfSaved> saved = BoardPdfSaving::askAndSave(
        this, m_fileChooser, m_whiteboard->model(), m_consultation ? m_consultation->startedAt() : QDateTime());
    if (!saved)
        return;
    m_saveStatusText = saved->statusText();
    m_saveFailed = !saved->ok();
    retranslate();
    announce(m_saveStatus, m_saveStatusText);
}

void WhiteboardPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WhiteboardPanel::retranslate()
{
    const board::BoardModel *model = m_whiteboard ? &m_whiteboard->model() : nullptr;
    const board::PageKey shown = model ? model->shownPage() : board::PageKey{};
    const board::Document *document = model && shown.isValid() ? model->document(shown.document) : nullptr;
    m_title->setText(document ? document->title : tr("Tafel"));
    m_title->setAccessibleName(tr("Dokument: %1").arg(m_title->text()));
    m_page->setText(document ? tr("Seite %1 von %2").arg(shown.page + 1).arg(document->pageSizes.size()) : QString());
    m_page->setAccessibleName(m_page->text());
    m_permission->setText(tr("Sie dürfen jetzt mitzeichnen."));
    m_permission->setAccessibleName(m_permission->text());
    m_zoomFit->setText(tr("Ganze Seite"));
    m_zoomFit->setAccessibleName(tr("Ganze Seite zeigen"));
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomIn->setAccessibleName(tr("Seite vergrößern"));
    m_zoomIn->setToolTip(m_zoomIn->accessibleName());
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomOut->setAccessibleName(tr("Seite verkleinern"));
    m_zoomOut->setToolTip(m_zoomOut->accessibleName());
    const qreal zoom = m_canvas->zoom();
    m_zoomOut->setEnabled(zoom > 1.0);
    m_zoomIn->setEnabled(zoom < 4.0);
    m_save->setText(tr("Als PDF speichern …"));
    m_save->setAccessibleName(tr("Gezeigte Seiten mit Markierungen als PDF speichern"));
    m_save->setEnabled(model && !model->markedUpPages().isEmpty());
    const auto name = [](Tool tool) {
        switch (tool) {
        case Tool::Pointer:
            return tr("Zeigen");
        case Tool::Pen:
            return tr("Stift");
        case Tool::Highlighter:
            return tr("Textmarker");
        case Tool::Arrow:
            return tr("Pfeil");
        case Tool::Rectangle:
            return tr("Rechteck");
        case Tool::Text:
            return tr("Text");
        case Tool::Eraser:
            return tr("Radierer");
        }
        return QString();
    };
    for (const Tool tool : kTools) {
        QAbstractButton *toolButton = m_toolGroup->button(static_cast<int>(tool));
        toolButton->setText(name(tool));
        toolButton->setAccessibleName(tr("Werkzeug: %1").arg(name(tool)));
    }
    m_undo->setText(tr("Rückgängig"));
    m_undo->setAccessibleName(tr("Eigene letzte Markierung zurücknehmen"));
    m_tools->setAccessibleName(tr("Zeichenwerkzeuge"));
    m_saveStatus->setText(m_saveStatusText);
    m_saveStatus->setProperty("error", m_saveFailed);
    m_saveStatus->setProperty("confirmation", !m_saveFailed && !m_saveStatusText.isEmpty());
    m_saveStatus->setStyleSheet(QString());
    m_saveStatus->setVisible(!m_saveStatusText.isEmpty());
}

} // namespace consult::customer
