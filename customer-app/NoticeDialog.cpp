#include "NoticeDialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

NoticeDialog::NoticeDialog(const QString &title, const QString &text, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_title(title)
    , m_mode(mode)
{
    setModal(true);
    resize(620, 520);
    m_heading = new QLabel(title, this);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setWordWrap(true);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setReadOnly(true);
    m_text->setPlainText(text);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(title);

    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("closeNotice"));
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    if (mode == Mode::Accept) {
        m_accept = new QPushButton(this);
        m_accept->setObjectName(QStringLiteral("acceptNotice"));
        m_accept->setDefault(true);
        m_accept->setProperty("primary", true);
        connect(m_accept, &QPushButton::clicked, this, &QDialog::accept);
        buttons->addWidget(m_accept);
    } else {
        m_close->setDefault(true);
    }
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(12);
    layout->addWidget(m_heading);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    m_text->setFocus();
    retranslate();
}

void NoticeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void NoticeDialog::retranslate()
{
    setWindowTitle(m_title);
    m_close->setText(m_mode == Mode::Accept ? tr("Schließen, ohne zu akzeptieren") : tr("Schließen"));
    m_close->setAccessibleName(m_close->text());
    if (m_accept) {
        m_accept->setText(tr("Gelesen und akzeptiert"));
        m_accept->setAccessibleName(m_accept->text());
        m_accept->setAccessibleDescription(tr("Bestätigt, dass Sie diesen Hinweis gelesen haben und akzeptieren."));
    }
}

} // namespace consult::customer
