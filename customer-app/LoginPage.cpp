#include "LoginPage.h"
#include "widgets/PlainLabel.h"

#include "CustomerTexts.h"
#include "InputCheck.h"
#include "NoticeDialog.h"
#include "client/CustomerClient.h"
#include "widgets/Announcer.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

void setFeedback(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setProperty("error", error);
    label->setProperty("confirmation", !error && !text.isEmpty() && !label->property("note").toBool());
    label->setVisible(!text.isEmpty());
    label->setStyleSheet(QString()); // re-evaluate the dynamic properties in the style sheet
}

} // namespace

LoginPage::LoginPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_status = plainLabel(this, "loginStatus", "note");
    m_hours = plainLabel(this, "hoursNote", "note");
    m_hours->hide();
    m_nameLabel = plainLabel(this, "nameLabel");
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setMaxLength(200);
    m_nameLabel->setBuddy(m_name);
    m_nameFeedback = plainLabel(this, "nameFeedback");
    m_phoneLabel = plainLabel(this, "phoneLabel");
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_phone->setMaxLength(60);
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_phoneLabel->setBuddy(m_phone);
    m_phoneFeedback = plainLabel(this, "phoneFeedback");
    m_noticesHeading = plainLabel(this, "noticesHeading", "subheading");
    m_noticeBox = new QWidget(this);
    new QGridLayout(m_noticeBox);
    m_noticeBox->layout()->setContentsMargins(0, 0, 0, 0);
    m_missing = plainLabel(this, "missing", "hint");
    m_login = new QPushButton(this);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setProperty("primary", true);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setProperty("primary", true);
    m_retry->hide();
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelLogin"));

    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_serverNameError.clear();
        updateName();
    });
    connect(m_phone, &QLineEdit::textChanged, this, [this] {
        m_serverPhoneError.clear();
        updatePhone();
    });
    connect(m_name, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_phone, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(m_login, &QPushButton::clicked, this, &LoginPage::submit);
    connect(m_retry, &QPushButton::clicked, this, &LoginPage::retryRequested);
    connect(m_cancel, &QPushButton::clicked, this, &LoginPage::cancelRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_login);
    buttons->addWidget(m_retry);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_status);
    layout->addWidget(m_hours);
    layout->addSpacing(8);
    layout->addWidget(m_nameLabel);
    layout->addWidget(m_name);
    layout->addWidget(m_nameFeedback);
    layout->addSpacing(6);
    layout->addWidget(m_phoneLabel);
    layout->addWidget(m_phone);
    layout->addWidget(m_phoneFeedback);
    layout->addSpacing(12);
    layout->addWidget(m_noticesHeading);
    layout->addWidget(m_noticeBox);
    layout->addStretch();
    layout->addWidget(m_missing);
    layout->addLayout(buttons);
    retranslate();
}

void LoginPage::setClient(CustomerClient *client)
{
    m_client = client;
    m_notices.clear();
    rebuildNotices();
    if (!client)
        return;
    connect(client, &CustomerClient::noticesReceived, this, &LoginPage::rebuildNotices);
    connect(client, &CustomerClient::loginRefused, this, &LoginPage::onLoginRefused);
}

void LoginPage::setState(State state, const QString &failure)
{
    m_state = state;
    m_failure = failure;
    retranslate();
    if (state == State::Ready && m_name->text().isEmpty())
        m_name->setFocus();
    if (state == State::Failed) {
        m_retry->setFocus();
        announce(m_status, failure);
    }
}

void LoginPage::reset()
{
    m_readVersions.clear();
    m_acceptedVersions.clear();
    m_refusal.reset();
    m_serverNameError.clear();
    m_serverPhoneError.clear();
    m_name->clear();
    m_phone->clear();
    rebuildNotices();
}

void LoginPage::setVideo(bool video)
{
    m_video = video;
    retranslate();
}

QList<QCheckBox *> LoginPage::noticeChecks() const
{
    QList<QCheckBox *> checks;
    for (const NoticeRow &row : m_notices)
        checks.append(row.check);
    return checks;
}

void LoginPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LoginPage::retranslate()
{
    m_heading->setText(m_video ? tr("Anmeldung zur Videoberatung") : tr("Anmeldung zum Service-Chat"));
    switch (m_state) {
    case State::Connecting:
        setFeedback(m_status, tr("Die sichere Verbindung wird aufgebaut …"), false);
        break;
    case State::Ready:
        // A refusal stays in view until the next attempt.
        setFeedback(m_status,
                    m_refusal ? CustomerTexts::loginRefusal(m_refusal->code, m_refusal->field, m_refusal->retryAfterMs)
                              : QString(),
                    true);
        break;
    case State::LoggingIn:
        setFeedback(m_status, tr("Sie werden angemeldet …"), false);
        break;
    case State::Failed:
        setFeedback(m_status, m_failure, true);
        break;
    }
    m_status->setAccessibleName(m_status->text());
    const bool closed = m_client && m_client->phase() != CustomerClient::Phase::Connecting &&
                        !m_client->serviceHours().open_now() && m_state != State::Failed;
    m_hours->setVisible(closed);
    if (closed)
        m_hours->setText(tr("Der Service-Chat ist gerade nicht besetzt. Nach der Anmeldung können Sie uns eine "
                            "Mitteilung schreiben; wir rufen Sie zurück.") +
                         u'\n' + CustomerTexts::serviceHours(m_client->serviceHours()));
    m_nameLabel->setText(tr("Ihr &Name"));
    m_name->setAccessibleName(tr("Ihr Name"));
    m_name->setPlaceholderText(tr("z. B. Erika Mustermann"));
    m_phoneLabel->setText(tr("&Telefonnummer für Rückfragen"));
    m_phone->setAccessibleName(tr("Telefonnummer für Rückfragen"));
    m_phone->setPlaceholderText(tr("z. B. 0561 123456 oder +49 171 1234567"));
    m_noticesHeading->setText(tr("Bitte lesen und bestätigen Sie unsere Hinweise"));
    m_noticesHeading->setVisible(!m_notices.isEmpty());
    m_login->setText(m_video ? tr("Weiter") : tr("Anmelden"));
    m_login->setAccessibleName(m_video ? tr("Weiter zur Wahl der Verbindung") : m_login->text());
    m_retry->setText(tr("Erneut verbinden"));
    m_retry->setAccessibleName(m_retry->text());
    m_cancel->setText(tr("Abbrechen"));
    m_cancel->setAccessibleName(tr("Abbrechen und zur Startseite"));
    for (NoticeRow &row : m_notices) {
        const QString kind = CustomerTexts::noticeKind(row.notice.kind());
        row.check->setText(CustomerTexts::noticeAcceptance(row.notice.kind()));
        row.check->setAccessibleName(row.check->text());
        row.read->setText(tr("%1 lesen").arg(kind));
        row.read->setAccessibleName(row.read->text());
    }
    updateName();
    updatePhone();
}

void LoginPage::rebuildNotices()
{
    for (NoticeRow &row : m_notices) {
        delete row.check;
        delete row.read;
    }
    m_notices.clear();
    if (!m_client)
        return;
    auto *grid = static_cast<QGridLayout *>(m_noticeBox->layout());
    QWidget *previous = m_phone;
    for (const wire::Notice &notice : m_client->notices()) {
        NoticeRow row{notice, new QCheckBox(m_noticeBox), new QPushButton(m_noticeBox)};
        const QString version = QString::fromStdString(notice.version());
        row.check->setObjectName(QStringLiteral("accept_%1").arg(int(notice.kind())));
        row.check->setChecked(m_acceptedVersions.contains(version));
        row.read->setObjectName(QStringLiteral("read_%1").arg(int(notice.kind())));
        row.read->setProperty("link", true);
        row.read->setFlat(true);
        const int index = static_cast<int>(m_notices.size());
        grid->addWidget(row.check, index, 0);
        grid->addWidget(row.read, index, 1, Qt::AlignRight);
        // Shown now, not on the layout's next turn, so that Tab reaches them at once.
        row.check->show();
        row.read->show();
        // Ticking opens the notice first: each is read before it is accepted.
        connect(row.check, &QCheckBox::clicked, this, [this, index](bool checked) {
            NoticeRow &clicked = m_notices[index];
            const QString v = QString::fromStdString(clicked.notice.version());
            if (checked && !m_readVersions.contains(v)) {
                clicked.check->setChecked(false);
                openNotice(clicked);
            } else if (checked) {
                m_acceptedVersions.insert(v);
            } else {
                m_acceptedVersions.remove(v);
            }
            updateLoginButton();
        });
        connect(row.read, &QPushButton::clicked, this, [this, index] { openNotice(m_notices[index]); });
        setTabOrder(previous, row.check);
        setTabOrder(row.check, row.read);
        previous = row.read;
        m_notices.append(row);
    }
    grid->setColumnStretch(0, 1);
    setTabOrder(previous, m_login);
    setTabOrder(m_login, m_retry);
    setTabOrder(m_retry, m_cancel);
    retranslate();
}

void LoginPage::openNotice(NoticeRow &row)
{
    NoticeDialog dialog(QString::fromStdString(row.notice.title()), QString::fromStdString(row.notice.text()),
                        NoticeDialog::Mode::Accept, this);
    const QString version = QString::fromStdString(row.notice.version());
    if (dialog.exec() == QDialog::Accepted) {
        m_readVersions.insert(version);
        m_acceptedVersions.insert(version);
    }
    row.check->setChecked(m_acceptedVersions.contains(version));
    row.check->setFocus();
    updateLoginButton();
}

void LoginPage::onLoginRefused(wire::ErrorCode code, const QString &field, int retryAfterMs)
{
    const QString text = CustomerTexts::loginRefusal(code, field, retryAfterMs);
    m_refusal.reset();
    if (code == wire::ERROR_INVALID_INPUT && field == u"name") {
        m_serverNameError = text;
        updateName();
        m_name->setFocus();
    } else if (code == wire::ERROR_INVALID_INPUT && field == u"phone") {
        m_serverPhoneError = text;
        updatePhone();
        m_phone->setFocus();
    } else {
        m_refusal = Refusal{code, field, retryAfterMs};
    }
    m_state = State::Ready;
    retranslate();
    announce(m_status, text);
    if (code == wire::ERROR_NOTICES_NOT_ACCEPTED) {
        // The notices changed since this session began: fetch the current ones to be read again.
        m_acceptedVersions.clear();
        m_readVersions.clear();
        Q_EMIT retryRequested();
    }
}

void LoginPage::updateName()
{
    const FieldCheck check = checkName(m_name->text());
    const QString problem = m_serverNameError.isEmpty() ? check.problem : m_serverNameError;
    setFeedback(m_nameFeedback, problem, true);
    m_name->setAccessibleDescription(problem);
    updateLoginButton();
}

void LoginPage::updatePhone()
{
    const FieldCheck check = checkPhone(m_phone->text());
    const QString problem = m_serverPhoneError.isEmpty() ? check.problem : m_serverPhoneError;
    if (!problem.isEmpty())
        setFeedback(m_phoneFeedback, problem, true);
    else if (check.ok)
        setFeedback(m_phoneFeedback, tr("Wir rufen Sie gegebenenfalls unter %1 zurück.").arg(check.display), false);
    else
        setFeedback(m_phoneFeedback, QString(), false);
    m_phone->setAccessibleDescription(m_phoneFeedback->text());
    updateLoginButton();
}

void LoginPage::updateLoginButton()
{
    QStringList missing;
    if (!checkName(m_name->text()).ok || !m_serverNameError.isEmpty())
        missing.append(tr("Ihr Name"));
    if (!checkPhone(m_phone->text()).ok || !m_serverPhoneError.isEmpty())
        missing.append(tr("eine gültige Telefonnummer"));
    const bool noticesAccepted =
        !m_notices.isEmpty() &&
        std::all_of(m_notices.cbegin(), m_notices.cend(), [](const NoticeRow &row) { return row.check->isChecked(); });
    if (!noticesAccepted)
        missing.append(tr("die Bestätigung der Hinweise"));
    const bool ready = m_state == State::Ready;
    m_login->setEnabled(ready && missing.isEmpty());
    m_login->setVisible(m_state != State::Failed);
    m_retry->setVisible(m_state == State::Failed);
    m_name->setEnabled(m_state != State::LoggingIn);
    m_phone->setEnabled(m_state != State::LoggingIn);
    m_missing->setText(ready && !missing.isEmpty() ? tr("Zum Anmelden fehlt noch: %1").arg(missing.join(u", "))
                                                   : QString());
    m_missing->setVisible(!m_missing->text().isEmpty());
    m_login->setAccessibleDescription(m_missing->text());
}

void LoginPage::submit()
{
    updateLoginButton();
    if (!m_login->isEnabled())
        return;
    m_serverNameError.clear();
    m_serverPhoneError.clear();
    m_refusal.reset();
    Q_EMIT loginRequested(checkName(m_name->text()).normalised, checkPhone(m_phone->text()).normalised);
}

} // namespace consult::customer
