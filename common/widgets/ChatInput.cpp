#include "ChatInput.h"

#include <QKeyEvent>

namespace consult {

ChatInput::ChatInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
}

void ChatInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        event->accept();
        Q_EMIT submitted();
        return;
    }
    if (enter) {
        // Shift+Enter: a line break, not the paragraph separator QPlainTextEdit would insert as U+2029.
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

QSize ChatInput::sizeHint() const
{
    // About three lines: enough to see what one writes, small enough to leave the chat in view.
    const int lines = 3;
    return {QPlainTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines + 2 * (frameWidth() + static_cast<int>(document()->documentMargin()))};
}

} // namespace consult
