#include "BoardCanvas.h"

#include "whiteboard/BoardPainter.h"
#include "whiteboard/PageImage.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace consult {

namespace {

constexpr qreal kMaxZoom = 4.0;
constexpr qreal kZoomStep = 1.25;
constexpr int kMargin = 6;          // around the page, so its edge stays visible
constexpr int kEraserReachPx = 8;   // how far from a mark a click still erases it
constexpr int kKeyStep = 100;       // the pointer mark's step with the arrow keys, in page units
constexpr int kMaxTextLength = 500; // BoardShape.text
constexpr int kMaxShapeWidth = 100; // BoardShape.width

wire::BoardTool wireTool(BoardCanvas::Tool tool)
{
    switch (tool) {
    case BoardCanvas::Tool::Pen:
        return wire::BOARD_TOOL_PEN;
    case BoardCanvas::Tool::Highlighter:
        return wire::BOARD_TOOL_HIGHLIGHTER;
    case BoardCanvas::Tool::Arrow:
        return wire::BOARD_TOOL_ARROW;
    case BoardCanvas::Tool::Rectangle:
        return wire::BOARD_TOOL_RECTANGLE;
    case BoardCanvas::Tool::Text:
        return wire::BOARD_TOOL_TEXT;
    case BoardCanvas::Tool::Pointer:
    case BoardCanvas::Tool::Eraser:
        break;
    }
    return wire::BOARD_TOOL_UNSPECIFIED;
}

} // namespace

struct BoardCanvas::Private
{
    QPointer<ConsultationWhiteboard> whiteboard;
    QList<QMetaObject::Connection> connections;
    bool follow = true;
    board::PageKey fixed;
    board::PageKey current; // what is shown now (for pageChanged)

    Tool tool = Tool::Pen;
    QColor color = QColor(0xd3, 0x2f, 0x2f);
    int lineWidth = 6;

    qreal zoom = 1.0;
    QPointF center{0.5, 0.5}; // the page point (as fractions) in the middle of the view when zoomed

    // The scaled page image, made once per size and image rather than on every paint.
    QPixmap scaled;
    qint64 scaledFrom = 0;
    board::PageKey scaledPage;

    // The drag in progress.
    bool dragging = false;
    quint32 strokeId = 0;
    QPoint lastPoint;      // page units, the stroke's last sent point
    QPoint dragStart;      // page units (arrow, rectangle)
    QPoint dragEnd;        // page units
    QList<quint64> erased; // during an eraser drag

    // The pointer tool's own mark (moved by mouse or arrow keys).
    QPoint ownPointer{5000, 5000};
    bool ownPointerVisible = false;

    QLineEdit *textEdit = nullptr;
    QPoint textPosition; // page units
    board::PageKey textPage;

    bool canUndo = false;
    bool canRedo = false;
};

BoardCanvas::BoardCanvas(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // the pointer follows the mouse without a button pressed
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
    d->textEdit = new QLineEdit(this);
    d->textEdit->setObjectName(QStringLiteral("boardTextInput"));
    d->textEdit->setMaxLength(kMaxTextLength);
    d->textEdit->hide();
    connect(d->textEdit, &QLineEdit::returnPressed, this, &BoardCanvas::commitText);
    d->textEdit->installEventFilter(this);
    updateAccessibleText();
}

BoardCanvas::~BoardCanvas() = default;

void BoardCanvas::setWhiteboard(ConsultationWhiteboard *whiteboard)
{
    for (const QMetaObject::Connection &c : std::as_const(d->connections))
        disconnect(c);
    d->connections.clear();
    cancelInput();
    d->whiteboard = whiteboard;
    d->scaled = QPixmap();
    d->scaledPage = {};
    if (whiteboard) {
        board::BoardModel *model = &whiteboard->model();
        d->connections << connect(model, &board::BoardModel::documentAdded, this, [this] { pageMayHaveChanged(); });
        d->connections << connect(model, &board::BoardModel::pageImageArrived, this, [this](board::PageKey page) {
            if (page == this->page())
                update();
        });
        d->connections << connect(model, &board::BoardModel::shownPageChanged, this, [this] { pageMayHaveChanged(); });
        d->connections << connect(model, &board::BoardModel::permissionChanged, this, [this] {
            if (!mayDraw())
                cancelInput();
            Q_EMIT mayDrawChanged(mayDraw());
            update();
        });
        d->connections << connect(model, &board::BoardModel::annotationsChanged, this, [this](board::PageKey page) {
            if (page == this->page())
                update();
            updateUndoRedo();
        });
        d->connections << connect(model, &board::BoardModel::pointerChanged, this, [this] { update(); });
        d->connections << connect(model, &board::BoardModel::reset, this, [this] {
            d->scaled = QPixmap();
            pageMayHaveChanged();
            updateUndoRedo();
            update();
        });
        d->connections << connect(whiteboard, &QObject::destroyed, this, [this] { setWhiteboard(nullptr); });
    }
    pageMayHaveChanged();
    updateUndoRedo();
    Q_EMIT mayDrawChanged(mayDraw());
    update();
}

ConsultationWhiteboard *BoardCanvas::whiteboard() const
{
    return d->whiteboard.data();
}

void BoardCanvas::setPage(board::PageKey page)
{
    d->follow = false;
    d->fixed = page;
    pageMayHaveChanged();
}

void BoardCanvas::followShownPage()
{
    d->follow = true;
    pageMayHaveChanged();
}

board::PageKey BoardCanvas::page() const
{
    if (!d->whiteboard)
        return {};
    return d->follow ? d->whiteboard->model().shownPage() : d->fixed;
}

bool BoardCanvas::mayDraw() const
{
    return d->whiteboard && d->whiteboard->mayDraw();
}

void BoardCanvas::setTool(Tool tool)
{
    if (tool == d->tool)
        return;
    cancelInput();
    if (d->tool == Tool::Pointer)
        hidePointer();
    d->tool = tool;
    setCursor(tool == Tool::Pointer ? Qt::PointingHandCursor : tool == Tool::Text ? Qt::IBeamCursor : Qt::CrossCursor);
    Q_EMIT toolChanged(tool);
}

BoardCanvas::Tool BoardCanvas::tool() const
{
    return d->tool;
}

void BoardCanvas::setColor(QColor color)
{
    d->color = color;
}

QColor BoardCanvas::color() const
{
    return d->color;
}

void BoardCanvas::setLineWidth(int thousandthsOfPageWidth)
{
    d->lineWidth = std::clamp(thousandthsOfPageWidth, 1, kMaxShapeWidth);
}

int BoardCanvas::lineWidth() const
{
    return d->lineWidth;
}

void BoardCanvas::undo()
{
    if (d->whiteboard && mayDraw())
        d->whiteboard->undo();
}

void BoardCanvas::redo()
{
    if (d->whiteboard && mayDraw())
        d->whiteboard->redo();
}

bool BoardCanvas::canUndo() const
{
    return d->canUndo;
}

bool BoardCanvas::canRedo() const
{
    return d->canRedo;
}

void BoardCanvas::zoomToFit()
{
    setZoom(1.0);
}

void BoardCanvas::zoomIn()
{
    setZoom(d->zoom * kZoomStep);
}

void BoardCanvas::zoomOut()
{
    setZoom(d->zoom / kZoomStep);
}

qreal BoardCanvas::zoom() const
{
    return d->zoom;
}

void BoardCanvas::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, 1.0, kMaxZoom);
    if (qFuzzyCompare(zoom, d->zoom))
        return;
    cancelInput();
    d->zoom = zoom;
    if (qFuzzyCompare(zoom, 1.0))
        d->center = {0.5, 0.5};
    update();
    Q_EMIT zoomChanged(zoom);
}

QRectF BoardCanvas::pageRect() const
{
    if (!d->whiteboard)
        return {};
    const QSize size = d->whiteboard->model().pageSize(page());
    if (!size.isValid() || size.isEmpty())
        return {};
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (area.isEmpty())
        return {};
    const QSizeF scaled = QSizeF(size).scaled(area.size(), Qt::KeepAspectRatio) * d->zoom;
    const auto place = [](qreal areaStart, qreal areaLength, qreal length, qreal centerFraction) {
        if (length <= areaLength)
            return areaStart + (areaLength - length) / 2;
        const qreal start = areaStart + areaLength / 2 - centerFraction * length;
        return std::clamp(start, areaStart + areaLength - length, areaStart);
    };
    return QRectF(place(area.left(), area.width(), scaled.width(), d->center.x()),
                  place(area.top(), area.height(), scaled.height(), d->center.y()), scaled.width(), scaled.height());
}

QSize BoardCanvas::sizeHint() const
{
    return {480, 360};
}

QString BoardCanvas::placeholderText() const
{
    if (!d->whiteboard)
        return tr("Keine Tafel.");
    const board::PageKey key = page();
    if (!key.isValid())
        return d->whiteboard->self() == wire::PARTY_ADVISOR ? tr("Noch kein Dokument geöffnet.")
                                                            : tr("Noch keine Seite gezeigt.");
    if (!d->whiteboard->model().hasPageImage(key))
        return tr("Die Seite wird übertragen …");
    return {};
}

void BoardCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Mid));
    const QRectF target = pageRect();
    const QString placeholder = placeholderText();
    if (!target.isEmpty()) {
        painter.fillRect(target, Qt::white);
        const board::PageKey key = page();
        const QImage image = d->whiteboard->model().pageImage(key);
        if (!image.isNull())
            paintPageImage(painter, target, key, image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.save();
        painter.setClipRect(target);
        board::paintAnnotations(painter, target, d->whiteboard->model().annotations(key));
        paintPreview(painter, target);
        const wire::Party other =
            d->whiteboard->self() == wire::PARTY_ADVISOR ? wire::PARTY_CUSTOMER : wire::PARTY_ADVISOR;
        const board::Pointer theirs = d->whiteboard->model().pointer(other);
        if (theirs.visible && theirs.page == key)
            board::paintPointer(painter, target, theirs, other);
        if (d->tool == Tool::Pointer && d->ownPointerVisible)
            board::paintPointer(painter, target, board::Pointer{key, d->ownPointer, true}, d->whiteboard->self());
        painter.restore();
        painter.setPen(QPen(palette().color(QPalette::Dark), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
    }
    if (!placeholder.isEmpty()) {
        painter.setPen(target.isEmpty() ? palette().color(QPalette::WindowText) : QColor(0x55, 0x55, 0x55));
        const QRectF box = target.isEmpty() ? QRectF(rect()) : target;
        painter.drawText(box.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, placeholder);
    }
    if (hasFocus()) {
        // Where the keyboard is, also on a page that fills the view.
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void BoardCanvas::paintPageImage(QPainter &painter, const QRectF &target, board::PageKey key, const QImage &image)
{
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (target.size() * ratio).toSize();
    if (pixels.width() > image.width() || pixels.height() > image.height()) {
        // Zoomed beyond the image's own resolution: let the painter interpolate what is visible.
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(target, image);
        return;
    }
    // High-DPI and smooth: scaled once to the device pixels this size needs.
    if (d->scaled.isNull() || d->scaledPage != key || d->scaledFrom != image.cacheKey() || d->scaled.size() != pixels) {
        d->scaled = QPixmap::fromImage(image.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        d->scaled.setDevicePixelRatio(ratio);
        d->scaledPage = key;
        d->scaledFrom = image.cacheKey();
    }
    painter.drawPixmap(target.topLeft(), d->scaled);
}

void BoardCanvas::paintPreview(QPainter &painter, const QRectF &target)
{
    if (!d->dragging || (d->tool != Tool::Arrow && d->tool != Tool::Rectangle))
        return;
    board::Annotation preview;
    preview.pending = true;
    preview.author = d->whiteboard->self();
    preview.shape = shapeFor(d->tool, {d->dragStart, d->dragEnd});
    board::paintAnnotations(painter, target, {preview});
}

wire::BoardShape BoardCanvas::shapeFor(Tool tool, const QList<QPoint> &points) const
{
    wire::BoardShape shape;
    shape.set_tool(wireTool(tool));
    shape.set_color(d->color.rgb() & 0xffffff);
    int width = d->lineWidth; // the highlighter's breadth comes from the painter (kHighlighterWidthFactor)
    if (tool == Tool::Text)
        width = std::max(12, width * 4); // the text's height: readable at the chosen weight
    shape.set_width(static_cast<quint32>(std::clamp(width, 1, kMaxShapeWidth)));
    for (const QPoint &point : points) {
        shape.add_points(static_cast<quint32>(point.x()));
        shape.add_points(static_cast<quint32>(point.y()));
    }
    return shape;
}

std::optional<QPoint> BoardCanvas::pagePoint(const QPointF &position) const
{
    const QRectF target = pageRect();
    if (target.isEmpty())
        return std::nullopt;
    const QPoint point = board::toPageUnits(target, position);
    return QPoint(std::clamp(point.x(), 0, board::PageLimits::kPageUnits),
                  std::clamp(point.y(), 0, board::PageLimits::kPageUnits));
}

void BoardCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !d->whiteboard) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    const board::PageKey key = page();
    const QRectF target = pageRect();
    if (!key.isValid() || !target.contains(event->position()))
        return;
    const std::optional<QPoint> point = pagePoint(event->position());
    if (!point)
        return;
    if (d->tool == Tool::Pointer) {
        movePointerTo(*point);
        return;
    }
    if (!mayDraw())
        return;
    switch (d->tool) {
    case Tool::Pen:
    case Tool::Highlighter:
        d->strokeId = d->whiteboard->beginStroke(key, shapeFor(d->tool, {*point}));
        d->dragging = d->strokeId != 0;
        d->lastPoint = *point;
        break;
    case Tool::Arrow:
    case Tool::Rectangle:
        d->dragging = true;
        d->dragStart = d->dragEnd = *point;
        update();
        break;
    case Tool::Text:
        openTextInput(key, *point);
        break;
    case Tool::Eraser:
        d->dragging = true;
        d->erased.clear();
        eraseAt(*point);
        break;
    case Tool::Pointer:
        break;
    }
}

void BoardCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (!d->whiteboard)
        return;
    const std::optional<QPoint> point = pagePoint(event->position());
    if (!point)
        return;
    if (d->tool == Tool::Pointer) {
        if (pageRect().contains(event->position()))
            movePointerTo(*point);
        else
            hidePointer();
        return;
    }
    if (!d->dragging)
        return;
    switch (d->tool) {
    case Tool::Pen:
    case Tool::Highlighter:
        if (*point != d->lastPoint) {
            // One point per move; the part batches them (about every 30 ms).
            d->whiteboard->extendStroke(d->strokeId, {*point});
            d->lastPoint = *point;
        }
        break;
    case Tool::Arrow:
    case Tool::Rectangle:
        d->dragEnd = *point;
        update();
        break;
    case Tool::Eraser:
        eraseAt(*point);
        break;
    case Tool::Text:
    case Tool::Pointer:
        break;
    }
}

void BoardCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !d->dragging || !d->whiteboard)
        return;
    if (const std::optional<QPoint> point = pagePoint(event->position()))
        d->dragEnd = *point;
    finishDrag();
}

void BoardCanvas::finishDrag()
{
    const board::PageKey key = page();
    switch (d->tool) {
    case Tool::Pen:
    case Tool::Highlighter:
        if (d->strokeId != 0)
            d->whiteboard->finishStroke(d->strokeId);
        break;
    case Tool::Arrow:
    case Tool::Rectangle:
        if (d->dragStart != d->dragEnd)
            d->whiteboard->draw(key, shapeFor(d->tool, {d->dragStart, d->dragEnd}));
        break;
    case Tool::Eraser:
    case Tool::Text:
    case Tool::Pointer:
        break;
    }
    d->dragging = false;
    d->strokeId = 0;
    d->erased.clear();
    update();
}

void BoardCanvas::eraseAt(QPoint point)
{
    const QRectF target = pageRect();
    const int tolerance = target.width() > 0 ? int(kEraserReachPx * board::PageLimits::kPageUnits / target.width()) : 0;
    const std::optional<quint64> hit = d->whiteboard->model().annotationAt(page(), point, tolerance);
    // Own marks still on their way have no order yet; they can be erased once the server numbered them.
    if (!hit || *hit == 0 || d->erased.contains(*hit))
        return;
    d->erased.append(*hit);
    d->whiteboard->erase(page(), {*hit});
}

void BoardCanvas::movePointerTo(QPoint point)
{
    d->ownPointer = point;
    d->ownPointerVisible = true;
    if (d->whiteboard)
        d->whiteboard->movePointer(page(), point, true);
    update();
}

void BoardCanvas::hidePointer()
{
    if (!d->ownPointerVisible)
        return;
    d->ownPointerVisible = false;
    if (d->whiteboard && page().isValid())
        d->whiteboard->movePointer(page(), d->ownPointer, false);
    update();
}

void BoardCanvas::leaveEvent(QEvent *event)
{
    if (d->tool == Tool::Pointer)
        hidePointer();
    QWidget::leaveEvent(event);
}

void BoardCanvas::openTextInput(board::PageKey key, QPoint point)
{
    d->textPage = key;
    d->textPosition = point;
    const QPointF at = board::toTarget(pageRect(), point.x(), point.y());
    d->textEdit->clear();
    d->textEdit->setAccessibleName(tr("Text auf der Seite"));
    d->textEdit->setPlaceholderText(tr("Text, Eingabetaste setzt ihn"));
    const int width = std::min(280, std::max(120, int(rect().right() - at.x())));
    d->textEdit->setGeometry(QRect(at.toPoint(), QSize(width, d->textEdit->sizeHint().height())));
    d->textEdit->show();
    d->textEdit->setFocus(Qt::OtherFocusReason);
}

void BoardCanvas::commitText()
{
    const QString text = d->textEdit->text().trimmed();
    d->textEdit->hide();
    setFocus(Qt::OtherFocusReason);
    if (text.isEmpty() || !d->whiteboard || !mayDraw() || d->textPage != page())
        return;
    wire::BoardShape shape = shapeFor(Tool::Text, {d->textPosition});
    shape.set_text(text.toStdString());
    d->whiteboard->draw(d->textPage, shape);
}

bool BoardCanvas::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == d->textEdit) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            d->textEdit->hide();
            setFocus(Qt::OtherFocusReason);
            return true;
        }
        if (event->type() == QEvent::FocusOut && d->textEdit->isVisible() && d->textEdit->text().isEmpty())
            d->textEdit->hide();
    }
    return QWidget::eventFilter(watched, event);
}

void BoardCanvas::cancelInput()
{
    if (d->dragging && d->strokeId != 0 && d->whiteboard)
        d->whiteboard->finishStroke(d->strokeId); // what was drawn so far stays; nothing dangles open
    d->dragging = false;
    d->strokeId = 0;
    d->erased.clear();
    if (d->textEdit)
        d->textEdit->hide();
    update();
}

void BoardCanvas::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key == Qt::Key_Plus || (key == Qt::Key_Equal && event->modifiers() & Qt::ShiftModifier)) {
        zoomIn();
        return;
    }
    if (key == Qt::Key_Minus) {
        zoomOut();
        return;
    }
    if (key == Qt::Key_0) {
        zoomToFit();
        return;
    }
    if (key == Qt::Key_Escape && d->dragging) {
        cancelInput();
        return;
    }
    if (d->tool == Tool::Pointer && page().isValid() &&
        (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down)) {
        const int step = event->modifiers() & Qt::ShiftModifier ? kKeyStep * 5 : kKeyStep;
        QPoint point = d->ownPointer;
        point += QPoint(key == Qt::Key_Left    ? -step
                        : key == Qt::Key_Right ? step
                                               : 0,
                        key == Qt::Key_Up     ? -step
                        : key == Qt::Key_Down ? step
                                              : 0);
        point.setX(std::clamp(point.x(), 0, board::PageLimits::kPageUnits));
        point.setY(std::clamp(point.y(), 0, board::PageLimits::kPageUnits));
        movePointerTo(point);
        return;
    }
    if (d->tool == Tool::Pointer && key == Qt::Key_Escape) {
        hidePointer();
        return;
    }
    QWidget::keyPressEvent(event);
}

void BoardCanvas::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() > 0)
            zoomIn();
        else if (delta.y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    const QRectF target = pageRect();
    if (d->zoom <= 1.0 || target.isEmpty()) {
        event->ignore();
        return;
    }
    // Scrolls the zoomed page: a notch moves it by a tenth of the view.
    const bool sideways = event->modifiers() & Qt::ShiftModifier;
    const qreal dx = (sideways ? delta.y() : delta.x()) / 120.0 * width() / 10.0;
    const qreal dy = (sideways ? 0 : delta.y()) / 120.0 * height() / 10.0;
    d->center.rx() = std::clamp(d->center.x() - dx / target.width(), 0.0, 1.0);
    d->center.ry() = std::clamp(d->center.y() - dy / target.height(), 0.0, 1.0);
    cancelInput();
    update();
    event->accept();
}

void BoardCanvas::resizeEvent(QResizeEvent *event)
{
    cancelInput();
    QWidget::resizeEvent(event);
}

void BoardCanvas::focusInEvent(QFocusEvent *event)
{
    update();
    QWidget::focusInEvent(event);
}

void BoardCanvas::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

void BoardCanvas::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateAccessibleText();
    QWidget::changeEvent(event);
}

void BoardCanvas::pageMayHaveChanged()
{
    const board::PageKey now = page();
    if (!(now == d->current)) {
        cancelInput();
        hidePointer();
        d->current = now;
        d->zoom = 1.0;
        d->center = {0.5, 0.5};
        Q_EMIT zoomChanged(d->zoom);
        Q_EMIT pageChanged(now);
    }
    updateAccessibleText();
    update();
}

void BoardCanvas::updateUndoRedo()
{
    bool canUndo = false;
    bool canRedo = false;
    if (d->whiteboard) {
        canUndo = d->whiteboard->model().undoTarget(d->whiteboard->self()).has_value();
        canRedo = d->whiteboard->model().redoTarget(d->whiteboard->self()).has_value();
    }
    if (canUndo == d->canUndo && canRedo == d->canRedo)
        return;
    d->canUndo = canUndo;
    d->canRedo = canRedo;
    Q_EMIT undoRedoChanged(canUndo, canRedo);
}

void BoardCanvas::updateAccessibleText()
{
    setAccessibleName(tr("Tafel"));
    const board::PageKey key = page();
    const board::Document *document = d->whiteboard ? d->whiteboard->model().document(key.document) : nullptr;
    if (!document) {
        setAccessibleDescription(placeholderText());
        return;
    }
    setAccessibleDescription(
        tr("%1, Seite %2 von %3").arg(document->title).arg(key.page + 1).arg(document->pageSizes.size()));
}

} // namespace consult
