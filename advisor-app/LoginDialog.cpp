#include "LoginDialog.h"
#include "widgets/PlainLabel.h"

#include "StatusTexts.h"
#include "protocol/consult.pb.h"

#include <QAccessible>
#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace consult::advisor {

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("loginDialog"));
    m_title = plainLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("server"));
    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("username"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    // A5: six digits, nothing else can be typed; hidden until the server asks for it.
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("oneTimeCode"));
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_code));
    m_code->setMaxLength(6);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_code->setMaximumWidth(m_code->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) + 16);
    m_stay = new QCheckBox(this);
    m_stay->setObjectName(QStringLiteral("stayLoggedIn"));
    m_serverLabel = plainLabel(this);
    m_usernameLabel = plainLabel(this);
    m_passwordLabel = plainLabel(this);
    m_serverLabel->setBuddy(m_server);
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);
    m_codeLabel = plainLabel(this);
    m_codeLabel->setBuddy(m_code);
    m_codeHint = plainLabel(this);
    m_codeHint->setObjectName(QStringLiteral("codeHint"));
    m_codeHint->setWordWrap(true);

    m_keychainNote = plainLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->hide();
    m_status = plainLabel(this);
    m_status->setObjectName(QStringLiteral("loginStatus"));
    m_error = plainLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_buttons = new QDialogButtonBox(this);
    m_login = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setDefault(true);
    m_quit = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_quit->setObjectName(QStringLiteral("quitButton"));

    auto *form = new QFormLayout;
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_codeLabel, m_code);
    form->addRow(QString(), m_stay);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addSpacing(8);
    layout->addWidget(m_codeHint);
    layout->addLayout(form);
    layout->addWidget(m_keychainNote);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    m_codeLabel->hide();
    m_code->hide();
    m_codeHint->hide();

    connect(m_login, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_username, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_server, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_code, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    // Another account or server may have no second factor: its password is asked for alone again.
    connect(m_username, &QLineEdit::textEdited, this, &LoginDialog::forgetCode);
    connect(m_server, &QLineEdit::textEdited, this, &LoginDialog::forgetCode);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &LoginDialog::updateCountdown);
    retranslate();
    updateButton();
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("Anmeldung – Beratungsplatz"));
    m_title->setText(tr("Anmeldung am Beratungsplatz"));
    m_serverLabel->setText(tr("&Server:"));
    m_usernameLabel->setText(tr("&Benutzername:"));
    m_passwordLabel->setText(tr("&Passwort:"));
    m_codeLabel->setText(tr("&Code:"));
    m_codeHint->setText(tr("Ihr Konto ist mit einem zweiten Faktor geschützt. Bitte geben Sie den sechsstelligen "
                           "Code aus Ihrer Authenticator-App ein."));
    m_stay->setText(tr("&Angemeldet bleiben"));
    m_stay->setToolTip(tr("Speichert eine widerrufbare Anmeldung im Schlüsselbund des Systems, nie das Passwort."));
    m_keychainNote->setText(tr("Kein Schlüsselbund erreichbar: „Angemeldet bleiben“ ist nicht möglich. "
                               "Bitte geben Sie Ihr Passwort bei jeder Anmeldung ein."));
    m_login->setText(tr("A&nmelden"));
    m_quit->setText(tr("B&eenden"));
    m_server->setAccessibleName(tr("Server"));
    m_username->setAccessibleName(tr("Benutzername"));
    m_password->setAccessibleName(tr("Passwort"));
    m_code->setAccessibleName(tr("Sechsstelliger Code"));
    m_codeHint->setAccessibleName(tr("Hinweis zum zweiten Faktor"));
    m_stay->setAccessibleName(tr("Angemeldet bleiben"));
    m_error->setAccessibleName(tr("Fehlermeldung"));
    m_status->setAccessibleName(tr("Status"));
    m_keychainNote->setAccessibleName(tr("Hinweis zum Schlüsselbund"));
    updateCountdown();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::setServer(const QUrl &server)
{
    m_server->setText(server.toString());
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    (username.isEmpty() ? m_username : m_password)->setFocus();
}

void LoginDialog::setStayLoggedIn(bool stay)
{
    m_stay->setChecked(stay && m_keychainAvailable);
}

void LoginDialog::setKeychainAvailable(bool available)
{
    m_keychainAvailable = available;
    m_keychainNote->setVisible(!available);
    m_stay->setEnabled(available);
    if (!available)
        m_stay->setChecked(false);
}

void LoginDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_status->setText(status);
    m_server->setEnabled(!busy);
    m_username->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_code->setEnabled(!busy);
    updateButton();
}

void LoginDialog::showError(const QString &message)
{
    m_throttledUntilMs = 0;
    m_countdown.stop();
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        announceError();
    updateButton();
}

void LoginDialog::announceError()
{
    // Lesson 14: a screen reader hears the refusal, not only sees it.
    QAccessibleEvent event(m_error, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void LoginDialog::askForCode()
{
    m_codeAsked = true;
    m_codeLabel->show();
    m_code->show();
    m_codeHint->show();
    m_code->clear();
    showError({});
    m_code->setFocus();
    QAccessibleEvent event(m_codeHint, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void LoginDialog::showWrongCode()
{
    showError(tr("Der Code ist falsch oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus Ihrer "
                 "Authenticator-App ein."));
    m_code->clear();
    m_code->setFocus();
}

void LoginDialog::forgetCode()
{
    if (!m_codeAsked)
        return;
    m_codeAsked = false;
    m_code->clear();
    m_codeLabel->hide();
    m_code->hide();
    m_codeHint->hide();
    updateButton();
}

void LoginDialog::showThrottled(int retryAfterMs)
{
    m_throttledUntilMs = QDateTime::currentMSecsSinceEpoch() + qMax(1000, retryAfterMs);
    m_countdown.start();
    m_error->setVisible(true);
    updateCountdown();
    QAccessibleEvent event(m_error, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void LoginDialog::updateCountdown()
{
    if (m_throttledUntilMs == 0)
        return;
    const qint64 left = m_throttledUntilMs - QDateTime::currentMSecsSinceEpoch();
    if (left <= 0) {
        m_throttledUntilMs = 0;
        m_countdown.stop();
        m_error->setText(tr("Sie können es jetzt erneut versuchen."));
    } else {
        m_error->setText(StatusTexts::loginRefusal(wire::ERROR_LOGIN_THROTTLED, static_cast<int>(left)));
    }
    updateButton();
}

void LoginDialog::clearPassword()
{
    m_password->clear();
    m_password->setFocus();
}

void LoginDialog::updateButton()
{
    m_login->setEnabled(!m_busy && m_throttledUntilMs == 0 && !m_username->text().trimmed().isEmpty() &&
                        !m_password->text().isEmpty() && server().isValid() &&
                        (!m_codeAsked || m_code->text().size() == 6));
}

void LoginDialog::submit()
{
    if (!m_login->isEnabled())
        return;
    m_error->hide();
    Q_EMIT loginRequested(server(), username(), m_password->text(), stayLoggedIn(),
                          m_codeAsked ? m_code->text() : QString());
}

QUrl LoginDialog::server() const
{
    const QUrl url(m_server->text().trimmed());
    return url.scheme() == u"wss" && !url.host().isEmpty() ? url : QUrl();
}

QString LoginDialog::username() const
{
    return m_username->text().trimmed();
}

bool LoginDialog::stayLoggedIn() const
{
    return m_stay->isChecked() && m_keychainAvailable;
}

QString LoginDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

} // namespace consult::advisor
