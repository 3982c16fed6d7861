#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace consult::customer {

// One notice (security, legal or privacy) to read, and in Accept mode to accept. The text is shown
// as plain text, as the server delivered it (I3).
class NoticeDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Read,   // from the start page: read only
        Accept, // at log-in: "read and accepted" or close
    };

    NoticeDialog(const QString &title, const QString &text, Mode mode, QWidget *parent = nullptr);

    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *closeButton() const { return m_close; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QString m_title;
    Mode m_mode;
    QLabel *m_heading = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace consult::customer
