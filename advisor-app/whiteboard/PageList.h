#pragma once

#include "whiteboard/BoardModel.h"

#include <QHash>
#include <QIcon>
#include <QListWidget>
#include <QPointer>
#include <QSet>

namespace consult::advisor {

// The advisor's page thumbnails: every document on the board with its pages below its title, each
// page a small picture (once its image is there) and its state in words: "gezeigt" for the page the
// customer sees now and "beim Kunden" once the customer's app has it (pageDelivered). Choosing a
// page (click, Enter, arrow keys) asks to show it (pageChosen). Reads the BoardModel, so it also
// shows a board taken over by transfer. Owned by the WhiteboardPanel.
class PageList final : public QListWidget
{
    Q_OBJECT
public:
    explicit PageList(QWidget *parent = nullptr);

    void setModel(board::BoardModel *model);
    void markDelivered(board::PageKey page);
    bool isDelivered(board::PageKey page) const { return m_delivered.contains(page); }

    // The row of a page (-1 if none) and its texts, for tests and screen readers.
    int rowOf(board::PageKey page) const;
    QString stateText(board::PageKey page) const;

    // The page before / after `page` in list order (across documents); invalid if none.
    board::PageKey neighbour(board::PageKey page, int step) const;

Q_SIGNALS:
    void pageChosen(consult::board::PageKey page);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateItem(board::PageKey page);
    void updateAll();
    void selectShown();

    QPointer<board::BoardModel> m_model;
    QSet<board::PageKey> m_delivered;
    QHash<board::PageKey, QIcon> m_thumbnails;
    bool m_rebuilding = false;
};

} // namespace consult::advisor
