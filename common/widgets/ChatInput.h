#pragma once

#include <QPlainTextEdit>

namespace consult {

// The field where a chat line is written, in both apps: Enter sends, Shift+Enter starts a new line,
// Tab leaves the field (keyboard operation, lesson 14). Plain text only. The view that owns it
// decides what "submitted" sends (through its consultation's chat, with the send guard).
class ChatInput final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ChatInput(QWidget *parent = nullptr);

Q_SIGNALS:
    // Enter was pressed: the view decides whether and what to send.
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    QSize sizeHint() const override;
};

} // namespace consult
