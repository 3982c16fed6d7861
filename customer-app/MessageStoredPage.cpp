#include "MessageStoredPage.h"

#include "client/CustomerClient.h"
#include "widgets/Announcer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

MessageStoredPage::MessageStoredPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("storedDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setFocusPolicy(Qt::TabFocus);
    m_home = new QPushButton(this);
    m_home->setObjectName(QStringLiteral("home"));
    m_home->setProperty("primary", true);
    m_quit = new QPushButton(this);
    m_quit->setObjectName(QStringLiteral("quit"));
    connect(m_home, &QPushButton::clicked, this, &MessageStoredPage::homeRequested);
    connect(m_quit, &QPushButton::clicked, this, &MessageStoredPage::quitRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_home);
    buttons->addStretch();
    buttons->addWidget(m_quit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(m_heading);
    layout->addWidget(m_details);
    layout->addStretch();
    layout->addLayout(buttons);
    retranslate();
}

void MessageStoredPage::setClient(CustomerClient *client)
{
    m_storedAt = {};
    m_retentionDays = 0;
    if (client)
        connect(client, &CustomerClient::messageStored, this, [this](const QDateTime &storedAt, int retentionDays) {
            m_storedAt = storedAt;
            m_retentionDays = retentionDays;
            retranslate();
            announce(m_details, m_heading->text() + u' ' + m_details->text());
            m_details->setFocus();
        });
    retranslate();
}

void MessageStoredPage::setCallbackPhone(const QString &display)
{
    m_phone = display;
    retranslate();
}

void MessageStoredPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MessageStoredPage::retranslate()
{
    const QLocale locale;
    if (!m_storedAt.isValid()) {
        m_heading->setText(tr("Ihre Mitteilung wird gespeichert …"));
        m_details->clear();
    } else {
        m_heading->setText(tr("Vielen Dank, Ihre Mitteilung ist bei uns angekommen."));
        QStringList lines;
        lines << tr("Eingegangen am %1 um %2 Uhr.")
                     .arg(locale.toString(m_storedAt.date(), QLocale::ShortFormat),
                          locale.toString(m_storedAt.time(), QStringLiteral("HH:mm")));
        if (!m_phone.isEmpty())
            lines << tr("Eine Beraterin oder ein Berater ruft Sie unter %1 zurück.").arg(m_phone);
        lines << (m_retentionDays == 1 ? tr("Ihre Mitteilung wird gelöscht, sobald sie bearbeitet ist, spätestens "
                                            "nach einem Tag.")
                                       : tr("Ihre Mitteilung wird gelöscht, sobald sie bearbeitet ist, spätestens "
                                            "nach %1 Tagen.")
                                             .arg(m_retentionDays));
        lines << tr("Sie können dieses Fenster jetzt schließen.");
        m_details->setText(lines.join(u"\n\n"));
    }
    m_details->setAccessibleName(m_details->text());
    m_home->setText(tr("Zur Startseite"));
    m_home->setAccessibleName(m_home->text());
    m_quit->setText(tr("Anwendung schließen"));
    m_quit->setAccessibleName(m_quit->text());
}

} // namespace consult::customer
