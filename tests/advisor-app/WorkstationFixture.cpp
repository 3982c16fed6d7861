#include "WorkstationFixture.h"

#include "widgets/ChatView.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

namespace consult::advisor::testing {

Workstation::Workstation(consult::testing::Scenario &scenario, TokenStore &vault, const QString &language,
                         const QString &settingsPath)
    : m_settingsPath(settingsPath.isEmpty() ? m_directory.filePath(QStringLiteral("advisor.ini")) : settingsPath)
{
    m_settings = std::make_unique<QSettings>(settingsFile(), QSettings::IniFormat);
    if (!language.isEmpty())
        m_settings->setValue(QStringLiteral("view/language"), language);
    AdvisorWorkstation::Options options;
    options.endpoint = scenario.endpoint();
    options.connection = consult::testing::fastRetrySettings();
    m_devices = std::make_unique<media::SyntheticMediaDevices>();
    options.devices = m_devices.get();
    m_workstation = std::make_unique<AdvisorWorkstation>(options, vault, *m_settings, SystemClock::instance());
}

Workstation::~Workstation()
{
    m_workstation.reset();
    // Windows and clients deleted later must go before the server the scenario owns.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QString Workstation::settingsFile() const
{
    return m_settingsPath;
}

bool Workstation::start()
{
    m_workstation->start();
    return QTest::qWaitFor(
        [this] {
            return m_workstation->stage() == AdvisorWorkstation::Stage::LoginForm ||
                   m_workstation->stage() == AdvisorWorkstation::Stage::Working;
        },
        10000);
}

void Workstation::submitLogin(const QString &username, const QString &password, bool stay)
{
    LoginDialog *form = dialog();
    auto *user = form->findChild<QLineEdit *>(QStringLiteral("username"));
    auto *secret = form->findChild<QLineEdit *>(QStringLiteral("password"));
    user->clear();
    QTest::keyClicks(user, username);
    secret->clear();
    QTest::keyClicks(secret, password);
    auto *remember = form->findChild<QCheckBox *>(QStringLiteral("stayLoggedIn"));
    if (remember->isEnabled() && remember->isChecked() != stay)
        QTest::mouseClick(remember, Qt::LeftButton, {}, QPoint(6, remember->height() / 2)); // the box, not the row
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("loginButton")), Qt::LeftButton);
}

bool Workstation::logIn(const QString &username, bool stay)
{
    if (!start())
        return false;
    if (m_workstation->stage() == AdvisorWorkstation::Stage::LoginForm)
        submitLogin(username, kTestPassword, stay);
    return QTest::qWaitFor(
        [this] {
            return m_workstation->stage() == AdvisorWorkstation::Stage::Working && window() &&
                   client()->status().capacity() > 0;
        },
        20000);
}

void whenModalOpens(const QString &objectName, std::function<void(QWidget *)> act)
{
    // Polls: the dialog exists only once its exec() has started.
    auto *timer = new QTimer(qApp);
    auto deadline = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, objectName, act, deadline] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->objectName() == objectName) {
            timer->stop();
            timer->deleteLater();
            act(modal);
            return;
        }
        if (++*deadline > 500) { // 10 s
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start(20);
}

void answerMessageBox(const QString &objectName, QMessageBox::StandardButton button)
{
    whenModalOpens(objectName, [button](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (box && box->button(button))
            QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
}

ConsultationPanel *panelOf(MainWindow *window, const QString &customerName)
{
    if (!window)
        return nullptr;
    for (ConsultationPanel *panel : window->consultations()->panels()) {
        if (panel->customerName() == customerName)
            return panel;
    }
    return nullptr;
}

QStringList chatTexts(ConsultationPanel *panel)
{
    QStringList texts;
    QAbstractItemModel *model = panel ? panel->chatView()->model() : nullptr;
    for (int row = 0; model && row < model->rowCount(); ++row)
        texts.append(model->index(row, 0).data(Qt::DisplayRole).toString());
    return texts;
}

} // namespace consult::advisor::testing
