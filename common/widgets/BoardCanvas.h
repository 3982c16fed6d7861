#pragma once

#include "client/whiteboard/ConsultationWhiteboard.h"

#include <QWidget>

#include <optional>

namespace consult {

// The whiteboard as both apps show it: the shown page image scaled into the widget (zoom to fit, or
// zoomed in and scrolled), the annotations drawn over it (BoardPainter), the other side's pointer,
// and, while this side may draw, input with the current tool: pen and highlighter strokes sent as
// they grow, arrow and rectangle by dragging, text by clicking and typing, erase by clicking an
// annotation, the pointer by moving with the pointer tool. A placeholder in words while no page is
// shown or its image is still on its way. Keyboard: the arrow keys move the pointer tool's mark,
// +/- zoom, 0 fits; accessible name and description say which page is shown. Binds to one
// ConsultationWhiteboard; used by the advisor's whiteboard panel and the customer's consultation
// screen.
class BoardCanvas : public QWidget
{
    Q_OBJECT
public:
    enum class Tool
    {
        Pointer, // the laser pointer: shown live, never kept
        Pen,
        Highlighter,
        Arrow,
        Rectangle,
        Text,
        Eraser,
    };
    Q_ENUM(Tool)

    explicit BoardCanvas(QWidget *parent = nullptr);
    ~BoardCanvas() override;

    void setWhiteboard(ConsultationWhiteboard *whiteboard); // nullptr: nothing shown
    ConsultationWhiteboard *whiteboard() const;
    // Which page this canvas shows: the shown one (follows the advisor; the customer's canvas) or a
    // fixed one (the advisor browsing before showing). Default: follows.
    void setPage(board::PageKey page);
    void followShownPage();
    board::PageKey page() const;

    void setTool(Tool tool);
    Tool tool() const;
    void setColor(QColor color);
    QColor color() const;
    void setLineWidth(int thousandthsOfPageWidth);
    int lineWidth() const;
    // Whether this side may draw now (the advisor always; the customer when allowed).
    bool mayDraw() const;

    // Takes back (restores) this side's latest operation through the whiteboard; what the tool bar's
    // buttons do. canUndo/canRedo follow the model (undoRedoChanged).
    void undo();
    void redo();
    bool canUndo() const;
    bool canRedo() const;

    // Zoom: 1.0 = the page fits; up to 4.0.
    void zoomToFit();
    void zoomIn();
    void zoomOut();
    qreal zoom() const;
    // Where the shown page lies in the widget now (empty while no page is known); tests map page
    // units to pixels with it.
    QRectF pageRect() const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void pageChanged(consult::board::PageKey page);
    void zoomChanged(qreal zoom);
    void toolChanged(consult::BoardCanvas::Tool tool);
    void mayDrawChanged(bool mayDraw);
    void undoRedoChanged(bool canUndo, bool canRedo);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setZoom(qreal zoom);
    QString placeholderText() const;
    void paintPageImage(QPainter &painter, const QRectF &target, board::PageKey key, const QImage &image);
    void paintPreview(QPainter &painter, const QRectF &target);
    wire::BoardShape shapeFor(Tool tool, const QList<QPoint> &points) const;
    std::optional<QPoint> pagePoint(const QPointF &position) const;
    void finishDrag();
    void eraseAt(QPoint point);
    void movePointerTo(QPoint point);
    void hidePointer();
    void openTextInput(board::PageKey key, QPoint point);
    void commitText();
    void cancelInput();
    void pageMayHaveChanged();
    void updateUndoRedo();
    void updateAccessibleText();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
