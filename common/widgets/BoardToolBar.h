#pragma once

#include "BoardCanvas.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QActionGroup;
class QToolButton;

namespace consult {

// The row of whiteboard tools both apps show above their BoardCanvas: the tools (pointer, pen,
// highlighter, arrow, rectangle, text, eraser) as one exclusive choice, a few colours and line
// widths, undo and redo, zoom out / fit / in, and, for the advisor only, "Seite leeren"
// (setClearPageVisible; the confirmation is the caller's, clearPageRequested()). Every button has
// a pictogram, a tooltip naming its shortcut and an accessible name; the shortcuts work while the
// keyboard is anywhere inside the scope given to installShortcuts() (the app's whiteboard area), so
// two consultations' boards never share one. Drawing tools are disabled while the canvas may not
// draw (the customer without permission). Binds to one canvas; owned by its parent widget.
class BoardToolBar final : public QWidget
{
    Q_OBJECT
public:
    explicit BoardToolBar(QWidget *parent = nullptr);

    void setCanvas(BoardCanvas *canvas);
    // "Seite leeren": the advisor's, hidden by default.
    void setClearPageVisible(bool visible);
    // Makes the shortcuts work while the focus is inside `scope` (and nowhere else).
    void installShortcuts(QWidget *scope);

    // By name, for the apps and tests: "tool-pen", "color-red", "width-thin", "undo", "redo",
    // "zoomIn", "zoomOut", "zoomFit", "clearPage" (see the .cpp for the full list).
    QAction *action(const QString &name) const;
    QToolButton *button(const QString &name) const;
    QAction *toolAction(BoardCanvas::Tool tool) const;

Q_SIGNALS:
    void clearPageRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    QAction *addButton(const QString &name, QActionGroup *group, bool checkable);
    void addSeparator();
    void retranslate();
    void updateEnabled();

    QPointer<BoardCanvas> m_canvas;
    QList<QMetaObject::Connection> m_connections;
    QActionGroup *m_tools;
    QActionGroup *m_colors;
    QActionGroup *m_widths;
    QHash<QString, QAction *> m_actions;
    QHash<QString, QToolButton *> m_buttons;
    bool m_clearPageVisible = false;
};

} // namespace consult
