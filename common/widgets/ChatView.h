#pragma once

#include <QListView>

namespace consult {

class ChatModel;

// The chat of one consultation as both apps show it: own lines on the right in the accent colour,
// the other side's on the left, each with author, time and, for own lines, the delivery state.
// Everything is drawn as plain text: names and messages are never interpreted as markup (I3).
// Follows the newest line unless the user has scrolled up to read.
class ChatView final : public QListView
{
    Q_OBJECT
public:
    explicit ChatView(QWidget *parent = nullptr);

    void setChatModel(ChatModel *model);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onRowsInserted();
    bool m_followNewest = true;
};

} // namespace consult
