#pragma once

#include <QPlainTextEdit>

namespace consult::customer {

// The field where the customer writes: Enter sends, Shift+Enter starts a new line, Tab leaves the
// field (keyboard operation, lesson 14). Plain text only.
class ChatInput final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ChatInput(QWidget *parent = nullptr);

Q_SIGNALS:
    // Enter was pressed: the page decides whether and what to send.
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    QSize sizeHint() const override;
};

} // namespace consult::customer
