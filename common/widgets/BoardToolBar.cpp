#include "BoardToolBar.h"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QToolButton>

namespace consult {

namespace {

using Tool = BoardCanvas::Tool;

struct ToolEntry
{
    const char *name;
    Tool tool;
    Qt::Key key;
};
constexpr ToolEntry kTools[] = {
    {"tool-pointer", Tool::Pointer, Qt::Key_Z},         {"tool-pen", Tool::Pen, Qt::Key_S},
    {"tool-highlighter", Tool::Highlighter, Qt::Key_M}, {"tool-arrow", Tool::Arrow, Qt::Key_P},
    {"tool-rectangle", Tool::Rectangle, Qt::Key_R},     {"tool-text", Tool::Text, Qt::Key_T},
    {"tool-eraser", Tool::Eraser, Qt::Key_E},
};

struct ColorEntry
{
    const char *name;
    QRgb rgb;
};
// Colours that stay distinct on white paper and for the common colour-vision deficiencies.
constexpr ColorEntry kColors[] = {
    {"color-red", 0xd32f2f},    {"color-blue", 0x1565c0},  {"color-green", 0x2e7d32},
    {"color-yellow", 0xf9a825}, {"color-black", 0x212121},
};

struct WidthEntry
{
    const char *name;
    int thousandths; // of the page width
};
constexpr WidthEntry kWidths[] = {{"width-thin", 3}, {"width-medium", 6}, {"width-thick", 12}};

// The pictogram of a button, on a 16x16 grid.
void drawPictogram(QPainter &painter, const QString &name, const QColor &ink)
{
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(ink, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const auto arrowHead = [&](QPointF tip, QPointF a, QPointF b) {
        painter.setBrush(ink);
        painter.drawPolygon(QPolygonF({tip, a, b}));
        painter.setBrush(Qt::NoBrush);
    };
    if (name == QLatin1String("tool-pointer")) {
        painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(8, 8), 3.5, 3.5);
        painter.setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(8, 8), 6, 6);
    } else if (name == QLatin1String("tool-pen")) {
        painter.drawLine(QPointF(3, 13), QPointF(12, 4));
        painter.drawLine(QPointF(10.5, 2.5), QPointF(13.5, 5.5));
        painter.drawLine(QPointF(2, 14), QPointF(3, 13));
    } else if (name == QLatin1String("tool-highlighter")) {
        painter.setPen(QPen(QColor(0xf9, 0xa8, 0x25, 170), 5, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(1.5, 11), QPointF(14.5, 11));
        painter.setPen(pen);
        painter.drawLine(QPointF(4, 8), QPointF(10, 2));
        painter.drawLine(QPointF(7, 11), QPointF(13, 5));
        painter.drawLine(QPointF(10, 2), QPointF(13, 5));
    } else if (name == QLatin1String("tool-arrow")) {
        painter.drawLine(QPointF(2.5, 13.5), QPointF(11, 5));
        arrowHead(QPointF(14, 2), QPointF(8, 4.5), QPointF(11.5, 8));
    } else if (name == QLatin1String("tool-rectangle")) {
        painter.drawRect(QRectF(2, 4, 12, 8));
    } else if (name == QLatin1String("tool-text")) {
        QFont font = painter.font();
        font.setPixelSize(14);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QRectF(0, 0, 16, 16), Qt::AlignCenter, QStringLiteral("A"));
    } else if (name == QLatin1String("tool-eraser")) {
        painter.save();
        painter.translate(8, 8);
        painter.rotate(-40);
        painter.setBrush(QColor(0xe5, 0x8e, 0x9a));
        painter.drawRect(QRectF(-6, -3, 12, 6));
        painter.drawLine(QPointF(-1, -3), QPointF(-1, 3));
        painter.restore();
    } else if (name.startsWith(QLatin1String("color-"))) {
        for (const ColorEntry &entry : kColors) {
            if (name == QLatin1String(entry.name)) {
                painter.setPen(QPen(ink, 1));
                painter.setBrush(QColor(entry.rgb));
                painter.drawEllipse(QPointF(8, 8), 6, 6);
            }
        }
    } else if (name.startsWith(QLatin1String("width-"))) {
        for (const WidthEntry &entry : kWidths) {
            if (name == QLatin1String(entry.name)) {
                painter.setPen(QPen(ink, entry.thousandths / 2.0, Qt::SolidLine, Qt::RoundCap));
                painter.drawLine(QPointF(3, 8), QPointF(13, 8));
            }
        }
    } else if (name == QLatin1String("undo") || name == QLatin1String("redo")) {
        painter.save();
        if (name == QLatin1String("redo")) {
            painter.translate(16, 0);
            painter.scale(-1, 1);
        }
        QPainterPath path;
        path.moveTo(13.5, 12.5);
        path.cubicTo(13.5, 6, 9, 5, 4.5, 6);
        painter.drawPath(path);
        arrowHead(QPointF(1.5, 6), QPointF(5.5, 2.5), QPointF(5.5, 9.5));
        painter.restore();
    } else if (name.startsWith(QLatin1String("zoom"))) {
        painter.drawEllipse(QPointF(6.5, 6.5), 4.5, 4.5);
        painter.drawLine(QPointF(10, 10), QPointF(14.5, 14.5));
        if (name != QLatin1String("zoomFit"))
            painter.drawLine(QPointF(4.5, 6.5), QPointF(8.5, 6.5));
        if (name == QLatin1String("zoomIn"))
            painter.drawLine(QPointF(6.5, 4.5), QPointF(6.5, 8.5));
        if (name == QLatin1String("zoomFit"))
            painter.drawRect(QRectF(4.5, 4.5, 4, 4));
    } else if (name == QLatin1String("clearPage")) {
        painter.drawRect(QRectF(3.5, 1.5, 9, 13));
        painter.setPen(QPen(QColor(0xb0, 0x00, 0x20), 1.8, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(6, 6), QPointF(10, 10));
        painter.drawLine(QPointF(10, 6), QPointF(6, 10));
    }
}

QIcon pictogram(const QString &name, const QColor &ink, const QColor &disabled)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        for (const auto &[mode, colour] : {std::pair{QIcon::Normal, ink}, std::pair{QIcon::Disabled, disabled}}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.scale(size / 16.0, size / 16.0);
            if (mode == QIcon::Disabled)
                painter.setOpacity(0.4);
            drawPictogram(painter, name, colour);
            painter.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}

} // namespace

BoardToolBar::BoardToolBar(QWidget *parent)
    : QWidget(parent)
    , m_tools(new QActionGroup(this))
    , m_colors(new QActionGroup(this))
    , m_widths(new QActionGroup(this))
{
    setObjectName(QStringLiteral("boardToolBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);

    for (const ToolEntry &entry : kTools) {
        QAction *action = addButton(QLatin1String(entry.name), m_tools, true);
        action->setShortcut(QKeySequence(entry.key));
        connect(action, &QAction::triggered, this, [this, tool = entry.tool] {
            if (m_canvas)
                m_canvas->setTool(tool);
        });
    }
    addSeparator();
    for (int i = 0; i < int(std::size(kColors)); ++i) {
        QAction *action = addButton(QLatin1String(kColors[i].name), m_colors, true);
        action->setShortcut(QKeySequence(Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, rgb = kColors[i].rgb] {
            if (m_canvas)
                m_canvas->setColor(QColor(rgb));
        });
    }
    addSeparator();
    for (int i = 0; i < int(std::size(kWidths)); ++i) {
        QAction *action = addButton(QLatin1String(kWidths[i].name), m_widths, true);
        action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, width = kWidths[i].thousandths] {
            if (m_canvas)
                m_canvas->setLineWidth(width);
        });
    }
    addSeparator();
    QAction *undo = addButton(QStringLiteral("undo"), nullptr, false);
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    connect(undo, &QAction::triggered, this, [this] {
        if (m_canvas)
            m_canvas->undo();
    });
    QAction *redo = addButton(QStringLiteral("redo"), nullptr, false);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(redo, &QAction::triggered, this, [this] {
        if (m_canvas)
            m_canvas->redo();
    });
    QAction *clear = addButton(QStringLiteral("clearPage"), nullptr, false);
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    connect(clear, &QAction::triggered, this, &BoardToolBar::clearPageRequested);
    layout->addStretch();
    QAction *zoomOut = addButton(QStringLiteral("zoomOut"), nullptr, false);
    zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QAction *zoomFit = addButton(QStringLiteral("zoomFit"), nullptr, false);
    zoomFit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *zoomIn = addButton(QStringLiteral("zoomIn"), nullptr, false);
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomOut, &QAction::triggered, this, [this] {
        if (m_canvas)
            m_canvas->zoomOut();
    });
    connect(zoomFit, &QAction::triggered, this, [this] {
        if (m_canvas)
            m_canvas->zoomToFit();
    });
    connect(zoomIn, &QAction::triggered, this, [this] {
        if (m_canvas)
            m_canvas->zoomIn();
    });

    m_buttons.value(QStringLiteral("clearPage"))->hide();
    retranslate();
    updateEnabled();
}

QAction *BoardToolBar::addButton(const QString &name, QActionGroup *group, bool checkable)
{
    auto *action = new QAction(this);
    action->setObjectName(name);
    action->setCheckable(checkable);
    // Never window-wide: each consultation's board has its own tool bar (installShortcuts widens it).
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setIcon(pictogram(name, palette().color(QPalette::ButtonText), palette().color(QPalette::Mid)));
    if (group)
        group->addAction(action);
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setIconSize(QSize(20, 20));
    button->setFocusPolicy(Qt::TabFocus); // reachable with Tab, not stolen by a click from the canvas
    layout()->addWidget(button);
    m_actions.insert(name, action);
    m_buttons.insert(name, button);
    return action;
}

void BoardToolBar::addSeparator()
{
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout()->addWidget(line);
}

void BoardToolBar::setCanvas(BoardCanvas *canvas)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_canvas = canvas;
    if (canvas) {
        m_connections << connect(canvas, &BoardCanvas::toolChanged, this, [this](Tool tool) {
            if (QAction *action = toolAction(tool))
                action->setChecked(true);
        });
        m_connections << connect(canvas, &BoardCanvas::mayDrawChanged, this, [this](bool mayDraw) {
            // Without permission only the pointer is left; a drawing tool in hand is put down.
            if (!mayDraw && m_canvas && m_canvas->tool() != Tool::Pointer)
                m_canvas->setTool(Tool::Pointer);
            updateEnabled();
        });
        m_connections << connect(canvas, &BoardCanvas::undoRedoChanged, this, &BoardToolBar::updateEnabled);
        m_connections << connect(canvas, &BoardCanvas::pageChanged, this, &BoardToolBar::updateEnabled);
        m_connections << connect(canvas, &BoardCanvas::zoomChanged, this, &BoardToolBar::updateEnabled);
        if (QAction *action = toolAction(canvas->tool()))
            action->setChecked(true);
        for (const ColorEntry &entry : kColors) {
            if (QColor(entry.rgb) == canvas->color())
                m_actions.value(QLatin1String(entry.name))->setChecked(true);
        }
        for (const WidthEntry &entry : kWidths) {
            if (entry.thousandths == canvas->lineWidth())
                m_actions.value(QLatin1String(entry.name))->setChecked(true);
        }
        if (!canvas->mayDraw() && canvas->tool() != Tool::Pointer)
            canvas->setTool(Tool::Pointer);
    }
    updateEnabled();
}

void BoardToolBar::setClearPageVisible(bool visible)
{
    m_clearPageVisible = visible;
    m_buttons.value(QStringLiteral("clearPage"))->setVisible(visible);
    updateEnabled();
}

void BoardToolBar::installShortcuts(QWidget *scope)
{
    for (QAction *action : std::as_const(m_actions)) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        scope->addAction(action);
    }
}

QAction *BoardToolBar::action(const QString &name) const
{
    return m_actions.value(name);
}

QToolButton *BoardToolBar::button(const QString &name) const
{
    return m_buttons.value(name);
}

QAction *BoardToolBar::toolAction(BoardCanvas::Tool tool) const
{
    for (const ToolEntry &entry : kTools) {
        if (entry.tool == tool)
            return m_actions.value(QLatin1String(entry.name));
    }
    return nullptr;
}

void BoardToolBar::updateEnabled()
{
    const bool hasPage = m_canvas && m_canvas->page().isValid();
    const bool mayDraw = hasPage && m_canvas->mayDraw();
    for (const ToolEntry &entry : kTools)
        m_actions.value(QLatin1String(entry.name))->setEnabled(entry.tool == Tool::Pointer ? hasPage : mayDraw);
    for (QAction *action : m_colors->actions())
        action->setEnabled(mayDraw);
    for (QAction *action : m_widths->actions())
        action->setEnabled(mayDraw);
    m_actions.value(QStringLiteral("undo"))->setEnabled(mayDraw && m_canvas->canUndo());
    m_actions.value(QStringLiteral("redo"))->setEnabled(mayDraw && m_canvas->canRedo());
    m_actions.value(QStringLiteral("clearPage"))->setEnabled(m_clearPageVisible && mayDraw);
    m_actions.value(QStringLiteral("zoomIn"))->setEnabled(hasPage && m_canvas->zoom() < 4.0);
    m_actions.value(QStringLiteral("zoomOut"))->setEnabled(hasPage && m_canvas->zoom() > 1.0);
    m_actions.value(QStringLiteral("zoomFit"))->setEnabled(hasPage && m_canvas->zoom() > 1.0);
}

void BoardToolBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void BoardToolBar::retranslate()
{
    const QHash<QString, QString> names = {
        {QStringLiteral("tool-pointer"), tr("Zeiger")},
        {QStringLiteral("tool-pen"), tr("Stift")},
        {QStringLiteral("tool-highlighter"), tr("Textmarker")},
        {QStringLiteral("tool-arrow"), tr("Pfeil")},
        {QStringLiteral("tool-rectangle"), tr("Rechteck")},
        {QStringLiteral("tool-text"), tr("Text")},
        {QStringLiteral("tool-eraser"), tr("Radierer")},
        {QStringLiteral("color-red"), tr("Rot")},
        {QStringLiteral("color-blue"), tr("Blau")},
        {QStringLiteral("color-green"), tr("Grün")},
        {QStringLiteral("color-yellow"), tr("Gelb")},
        {QStringLiteral("color-black"), tr("Schwarz")},
        {QStringLiteral("width-thin"), tr("Dünne Linie")},
        {QStringLiteral("width-medium"), tr("Mittlere Linie")},
        {QStringLiteral("width-thick"), tr("Dicke Linie")},
        {QStringLiteral("undo"), tr("Rückgängig")},
        {QStringLiteral("redo"), tr("Wiederholen")},
        {QStringLiteral("clearPage"), tr("Seite leeren …")},
        {QStringLiteral("zoomOut"), tr("Verkleinern")},
        {QStringLiteral("zoomFit"), tr("Ganze Seite")},
        {QStringLiteral("zoomIn"), tr("Vergrößern")},
    };
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        QAction *action = m_actions.value(it.key());
        action->setText(it.value());
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        action->setToolTip(keys.isEmpty() ? it.value() : tr("%1 (%2)").arg(it.value(), keys));
        m_buttons.value(it.key())->setAccessibleName(it.value());
    }
    setAccessibleName(tr("Werkzeuge der Tafel"));
}

} // namespace consult
