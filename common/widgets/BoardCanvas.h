#pragma once

#include "client/whiteboard/ConsultationWhiteboard.h"

#include <QWidget>

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
    // Which page this canvas shows: the shown one (follows the advisor; the customer's canvas) or a
    // fixed one (the advisor browsing before showing). Default: follows.
    void setPage(board::PageKey page);
    void followShownPage();
    board::PageKey page() const;

    void setTool(Tool tool);
    Tool tool() const;
    void setColor(QColor color);
    void setLineWidth(int thousandthsOfPageWidth);

    // Zoom: 1.0 = the page fits; up to 4.0.
    void zoomToFit();
    void zoomIn();
    void zoomOut();
    qreal zoom() const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void pageChanged(consult::board::PageKey page);
    void zoomChanged(qreal zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
