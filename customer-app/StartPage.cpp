#include "StartPage.h"
#include "widgets/PlainLabel.h"

#include "NoticeDialog.h"

#include <QEvent>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

QPushButton *linkButton(QWidget *parent, const char *objectName)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setProperty("link", true);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    return button;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_intro = plainLabel(this, "intro");
    m_chat = new QPushButton(this);
    m_chat->setObjectName(QStringLiteral("startChat"));
    m_chat->setProperty("primary", true);
    m_chat->setMinimumHeight(48);
    m_video = new QPushButton(this);
    m_video->setObjectName(QStringLiteral("startVideo"));
    m_video->setMinimumHeight(48);
    m_stepsHeading = plainLabel(this, "stepsHeading");
    m_stepsHeading->setProperty("subheading", true);
    for (int step = 1; step <= 5; ++step) {
        m_stepNumbers.append(plainLabel(this, "stepNumber"));
        m_stepNumbers.last()->setText(QStringLiteral("%1.").arg(step));
        m_stepNumbers.last()->setWordWrap(false);
        m_stepNumbers.last()->setProperty("strong", true);
        m_steps.append(plainLabel(this, "step"));
    }
    m_notRecorded = plainLabel(this, "notRecorded");
    m_notRecorded->setProperty("assurance", true);
    m_security = linkButton(this, "securityNotice");
    m_legal = linkButton(this, "legalNotice");
    m_privacy = linkButton(this, "privacyNotice");

    connect(m_chat, &QPushButton::clicked, this, &StartPage::chatRequested);
    connect(m_video, &QPushButton::clicked, this, &StartPage::videoRequested);
    connect(m_security, &QPushButton::clicked, this, [this] { showNotice(QStringLiteral("security")); });
    connect(m_legal, &QPushButton::clicked, this, [this] { showNotice(QStringLiteral("legal")); });
    connect(m_privacy, &QPushButton::clicked, this, [this] { showNotice(QStringLiteral("privacy")); });

    auto *choices = new QHBoxLayout;
    choices->setSpacing(12);
    choices->addWidget(m_chat, 1);
    choices->addWidget(m_video, 1);
    auto *links = new QHBoxLayout;
    links->setSpacing(4);
    links->addWidget(m_security);
    links->addWidget(m_legal);
    links->addWidget(m_privacy);
    links->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(m_heading);
    layout->addWidget(m_intro);
    layout->addSpacing(8);
    layout->addLayout(choices);
    layout->addSpacing(8);
    layout->addWidget(m_stepsHeading);
    auto *steps = new QGridLayout;
    steps->setHorizontalSpacing(8);
    steps->setVerticalSpacing(6);
    for (int row = 0; row < m_steps.size(); ++row) {
        steps->addWidget(m_stepNumbers.at(row), row, 0, Qt::AlignTop | Qt::AlignRight);
        steps->addWidget(m_steps.at(row), row, 1);
    }
    steps->setColumnStretch(1, 1);
    layout->addLayout(steps);
    layout->addStretch();
    layout->addWidget(m_notRecorded);
    layout->addLayout(links);
    retranslate();
}

void StartPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StartPage::retranslate()
{
    m_heading->setText(tr("Willkommen in der Online-Beratung"));
    m_intro->setText(tr("Unsere Beraterinnen und Berater sind für Sie da: im Chat oder per Video mit Bild und "
                        "Ton. Sie brauchen nur Ihren Namen und eine Telefonnummer für Rückfragen."));
    m_chat->setText(tr("Service-Chat starten"));
    m_chat->setAccessibleName(m_chat->text());
    m_chat->setAccessibleDescription(tr("Schreiben Sie mit einer Beraterin oder einem Berater."));
    m_video->setText(tr("Videoberatung starten"));
    m_video->setAccessibleName(m_video->text());
    m_video->setAccessibleDescription(
        tr("Sprechen Sie mit einer Beraterin oder einem Berater, mit Bild oder nur mit Ton, und schreiben Sie "
           "nebenbei. Zuerst prüfen wir Ihre Technik."));
    m_stepsHeading->setText(tr("So funktioniert die Beratung"));
    m_steps.at(0)->setText(tr("Für die Videoberatung prüfen wir zuerst Kamera, Mikrofon, Lautsprecher oder Headset "
                              "und Ihre Internetverbindung. Fehlt etwas, sagen wir Ihnen, woran es liegt und was Sie "
                              "tun können. Der Service-Chat braucht nur die Tastatur."));
    m_steps.at(1)->setText(tr("Melden Sie sich mit Ihrem Namen und einer Telefonnummer für Rückfragen an und "
                              "bestätigen Sie die Sicherheits-, Rechts- und Datenschutzhinweise. In der Videoberatung "
                              "wählen Sie dann Bild und Ton oder nur Text und erlauben den Zugriff auf Kamera und "
                              "Mikrofon."));
    m_steps.at(2)->setText(tr("Sind gerade alle Beraterinnen und Berater im Gespräch, sehen Sie Ihren Platz in der "
                              "Warteschlange. Sie können warten oder uns stattdessen eine Mitteilung schreiben."));
    m_steps.at(3)->setText(tr("Eine Beraterin oder ein Berater begrüßt Sie. Sie schreiben miteinander, in der "
                              "Videoberatung sprechen Sie außerdem miteinander und können sich sehen."));
    m_steps.at(4)->setText(tr("Danach können Sie das Protokoll des schriftlichen Gesprächs drucken oder als PDF "
                              "speichern."));
    m_notRecorded->setText(tr("Ihre Beratung wird nicht aufgezeichnet. Die Verbindung ist verschlüsselt und "
                              "läuft nur über Server, die wir in Deutschland betreiben."));
    m_security->setText(tr("Sicherheitshinweise"));
    m_security->setAccessibleName(m_security->text());
    m_legal->setText(tr("Rechtliche Hinweise"));
    m_legal->setAccessibleName(m_legal->text());
    m_privacy->setText(tr("Datenschutzhinweise"));
    m_privacy->setAccessibleName(m_privacy->text());
}

void StartPage::showNotice(const QString &kind)
{
    // The notices as shipped with the app, the same files the server delivers; at log-in the
    // server's current version is shown again to be accepted.
    const QString language = QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("de");
    QFile file(QStringLiteral(":/customer/notices/%1.%2.txt").arg(kind, language));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QString content = QString::fromUtf8(file.readAll()).trimmed();
    const qsizetype newline = content.indexOf(u'\n');
    NoticeDialog dialog(content.left(newline).trimmed(), content.mid(newline + 1).trimmed(), NoticeDialog::Mode::Read,
                        this);
    dialog.exec();
}

} // namespace consult::customer
