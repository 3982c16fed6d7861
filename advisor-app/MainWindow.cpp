#include "MainWindow.h"
#include "widgets/PlainLabel.h"

#include "CannedResponses.h"
#include "ConsultationPanel.h"
#include "ConsultationTabs.h"
#include "InboxPanel.h"
#include "QueuePanel.h"
#include "StatusTexts.h"
#include "WaitingAlert.h"
#include "client/AdvisorClient.h"
#include "supervisor/SupervisorWindow.h"
#include "widgets/Announcer.h"
#include "widgets/ConnectionIndicator.h"

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace consult::advisor {

namespace {

QAction *namedAction(QObject *parent, const char *name, const QList<QKeySequence> &keys = {})
{
    auto *action = new QAction(parent);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcuts(keys);
    return action;
}

} // namespace

MainWindow::MainWindow(AdvisorClient &client, const Clock &clock, const CannedResponses &canned,
                       media::MediaDevices &devices, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_queue = new QueuePanel(client, clock, this);
    m_inbox = new InboxPanel(client, this);
    m_consultations = new ConsultationTabs(client, canned, devices, this);
    connect(m_consultations, &ConsultationTabs::deviceChoiceChanged, this, &MainWindow::deviceChoiceChanged);
    m_alert = new WaitingAlert(client, clock, this, this);

    m_side = new QTabWidget(this);
    m_side->setObjectName(QStringLiteral("sideTabs"));
    m_side->addTab(m_queue, QString());
    m_side->addTab(m_inbox, QString());
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_side);
    splitter->addWidget(m_consultations);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    // Availability stays in view: a tool bar that cannot be moved or hidden.
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("statusToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->toggleViewAction()->setEnabled(false);
    m_advisorName = plainLabel(bar);
    QFont bold = m_advisorName->font();
    bold.setBold(true);
    m_advisorName->setFont(bold);
    m_availableButton = new QToolButton(bar);
    m_availableButton->setObjectName(QStringLiteral("availableButton"));
    m_pauseButton = new QToolButton(bar);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_places = plainLabel(bar);
    m_places->setWordWrap(false); // "Beratungen: 2 von 3" on one line in the tool bar
    m_places->setObjectName(QStringLiteral("places"));
    m_logoutButton = new QToolButton(bar);
    m_logoutButton->setObjectName(QStringLiteral("logoutButton"));
    m_overviewButton = new QToolButton(bar);
    m_overviewButton->setObjectName(QStringLiteral("overviewButton"));
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(m_advisorName);
    bar->addSeparator();
    bar->addWidget(m_availableButton);
    bar->addWidget(m_pauseButton);
    bar->addSeparator();
    bar->addWidget(m_places);
    bar->addWidget(spacer);
    // Issue 14: only a supervisor has the overview (the server refuses anyone else anyway, S6).
    bar->addWidget(m_overviewButton)->setVisible(client.isSupervisor());
    bar->addWidget(m_logoutButton);
    addToolBar(Qt::TopToolBarArea, bar);
    // Availability as a two-part switch: the state in force is filled, green or orange.
    m_availableButton->setStyleSheet(QStringLiteral(
        "QToolButton { border: 1px solid #8a8a8a; border-radius: 4px; padding: 3px 12px; }"
        "QToolButton:checked { background: #1e7e34; border-color: #1e7e34; color: white; font-weight: bold; }"));
    m_pauseButton->setStyleSheet(QStringLiteral(
        "QToolButton { border: 1px solid #8a8a8a; border-radius: 4px; padding: 3px 12px; }"
        "QToolButton:checked { background: #b35c00; border-color: #b35c00; color: white; font-weight: bold; }"));

    buildActions();
    buildMenus();
    buildStatusBar();

    connect(&client, &AdvisorClient::statusChanged, this, &MainWindow::updateStatus);
    connect(&client, &AdvisorClient::requestRefused, this,
            [this](wire::ErrorCode code) { announce(StatusTexts::requestRefusal(code)); });
    connect(m_alert, &WaitingAlert::alerted, this, [this](int, const QString &text) {
        m_lastAlert = text;
        announce(text);
    });
    // An alert about someone who is no longer waiting must not stay on screen.
    connect(m_queue->model(), &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_lastAlert.isEmpty() && statusBar()->currentMessage() == m_lastAlert)
            statusBar()->clearMessage();
    });
    connect(m_inbox, &InboxPanel::countChanged, this, &MainWindow::updateSideTabs);
    connect(m_queue->model(), &QAbstractItemModel::rowsInserted, this, &MainWindow::updateSideTabs);
    connect(m_queue->model(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateSideTabs);
    connect(m_queue->model(), &QAbstractItemModel::modelReset, this, &MainWindow::updateSideTabs);
    retranslate();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void MainWindow::buildActions()
{
    m_availability = new QActionGroup(this);
    QAction *available = namedAction(this, "available", {QKeySequence(Qt::Key_F9)});
    QAction *pause = namedAction(this, "pause", {QKeySequence(Qt::Key_F10)});
    for (QAction *a : {available, pause}) {
        a->setCheckable(true);
        m_availability->addAction(a);
    }
    m_availableButton->setDefaultAction(available);
    m_pauseButton->setDefaultAction(pause);
    connect(available, &QAction::triggered, this, [this] { m_client.setAvailable(true); });
    connect(pause, &QAction::triggered, this, [this] { m_client.setAvailable(false); });

    QAction *logout = namedAction(this, "logout");
    m_logoutButton->setDefaultAction(logout);
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    connect(namedAction(this, "quit", {QKeySequence(Qt::CTRL | Qt::Key_Q)}), &QAction::triggered, this,
            &QMainWindow::close);

    connect(namedAction(this, "takeNext", {QKeySequence(Qt::CTRL | Qt::Key_N)}), &QAction::triggered, m_queue,
            &QueuePanel::takeNext);
    connect(namedAction(this, "takeSelected", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)}), &QAction::triggered,
            m_queue, &QueuePanel::takeSelected);
    connect(namedAction(this, "nextConsultation",
                        {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)}),
            &QAction::triggered, m_consultations, &ConsultationTabs::next);
    connect(
        namedAction(this, "previousConsultation",
                    {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), QKeySequence(Qt::CTRL | Qt::Key_PageUp)}),
        &QAction::triggered, m_consultations, &ConsultationTabs::previous);
    connect(namedAction(this, "send", {QKeySequence(Qt::CTRL | Qt::Key_Return)}), &QAction::triggered, this,
            [this] { withCurrent([](ConsultationPanel *p) { p->send(); }); });
    connect(namedAction(this, "canned", {QKeySequence(Qt::CTRL | Qt::Key_B)}), &QAction::triggered, this,
            [this] { withCurrent([](ConsultationPanel *p) { p->showCannedMenu(); }); });
    connect(namedAction(this, "transfer", {QKeySequence(Qt::CTRL | Qt::Key_U)}), &QAction::triggered, this,
            [this] { withCurrent([](ConsultationPanel *p) { p->requestTransfer(); }); });
    connect(namedAction(this, "end", {QKeySequence(Qt::CTRL | Qt::Key_W)}), &QAction::triggered, this,
            [this] { withCurrent([](ConsultationPanel *p) { p->endOrClose(); }); });

    QAction *sideBySide = namedAction(this, "sideBySide", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    sideBySide->setCheckable(true);
    connect(sideBySide, &QAction::toggled, this, [this](bool on) {
        m_consultations->setSideBySide(on);
        Q_EMIT sideBySideChanged(on);
    });
    connect(namedAction(this, "showQueue", {QKeySequence(Qt::Key_F5)}), &QAction::triggered, this, [this] {
        m_side->setCurrentWidget(m_queue);
        m_queue->view()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(namedAction(this, "showInbox", {QKeySequence(Qt::Key_F6)}), &QAction::triggered, this, [this] {
        m_side->setCurrentWidget(m_inbox);
        m_inbox->view()->setFocus(Qt::ShortcutFocusReason);
    });
    m_languages = new QActionGroup(this);
    for (const char *name : {"languageDe", "languageEn"}) {
        QAction *language = namedAction(this, name);
        language->setCheckable(true);
        m_languages->addAction(language);
        const QString code = QString::fromLatin1(name).right(2).toLower();
        connect(language, &QAction::triggered, this, [this, code] { Q_EMIT languageRequested(code); });
    }
    connect(namedAction(this, "alertInterval"), &QAction::triggered, this, &MainWindow::alertIntervalRequested);
    QAction *overview = namedAction(this, "overview", {QKeySequence(Qt::Key_F7)});
    overview->setVisible(m_client.isSupervisor());
    overview->setEnabled(m_client.isSupervisor());
    m_overviewButton->setDefaultAction(overview);
    connect(overview, &QAction::triggered, this, &MainWindow::showOverview);
    // Shortcuts of actions that live only in menus work everywhere in the window.
    for (QAction *a : findChildren<QAction *>(Qt::FindDirectChildrenOnly))
        addAction(a);
}

void MainWindow::buildMenus()
{
    m_sessionMenu = menuBar()->addMenu(QString());
    m_sessionMenu->addActions({action(QStringLiteral("available")), action(QStringLiteral("pause"))});
    m_sessionMenu->addSeparator();
    m_sessionMenu->addActions({action(QStringLiteral("logout")), action(QStringLiteral("quit"))});
    m_consultationMenu = menuBar()->addMenu(QString());
    m_consultationMenu->addActions({action(QStringLiteral("takeNext")), action(QStringLiteral("takeSelected"))});
    m_consultationMenu->addSeparator();
    m_consultationMenu->addActions(
        {action(QStringLiteral("nextConsultation")), action(QStringLiteral("previousConsultation"))});
    m_consultationMenu->addSeparator();
    m_consultationMenu->addActions({action(QStringLiteral("send")), action(QStringLiteral("canned")),
                                    action(QStringLiteral("transfer")), action(QStringLiteral("end"))});
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addActions({action(QStringLiteral("showQueue")), action(QStringLiteral("showInbox"))});
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("sideBySide")));
    m_viewMenu->addAction(action(QStringLiteral("overview")));
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions(m_languages->actions());
    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->addAction(action(QStringLiteral("alertInterval")));
}

void MainWindow::buildStatusBar()
{
    m_connection = new ConnectionIndicator(statusBar());
    m_connection->bind(&m_client.connection());
    statusBar()->addPermanentWidget(m_connection);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Beratungsplatz – %1").arg(m_client.displayName()));
    m_advisorName->setText(m_client.displayName());
    m_advisorName->setAccessibleName(tr("Angemeldet als %1").arg(m_client.displayName()));
    const auto set = [this](const char *name, const QString &text, const QString &tip = {}) {
        QAction *a = action(QString::fromLatin1(name));
        a->setText(text);
        a->setToolTip(tip.isEmpty() ? QString(text).remove(u'&') : tip);
    };
    set("available", tr("&Verfügbar"), tr("Neue Kunden annehmen (F9)"));
    set("pause", tr("&Pause"), tr("Keine neuen Kunden (F10)"));
    set("logout", tr("&Abmelden"), tr("Abmelden; die gespeicherte Anmeldung wird gelöscht"));
    set("quit", tr("Be&enden"));
    set("takeNext", tr("&Nächsten annehmen"));
    set("takeSelected", tr("&Ausgewählten annehmen"));
    set("nextConsultation", tr("Nä&chste Beratung"));
    set("previousConsultation", tr("&Vorherige Beratung"));
    set("send", tr("Nachricht &senden"));
    set("canned", tr("&Textbaustein einfügen …"));
    set("transfer", tr("Ü&bergeben …"));
    set("end", tr("Beratung b&eenden / schließen"));
    set("showQueue", tr("&Warteschlange"));
    set("showInbox", tr("&Nachrichten"));
    set("sideBySide", tr("Beratungen &nebeneinander"));
    set("languageDe", QStringLiteral("&Deutsch"));
    set("languageEn", QStringLiteral("&English"));
    set("alertInterval", tr("&Erinnerung an Wartende …"));
    set("overview", tr("Ü&bersicht"), tr("Warteschlange, Berater und Statistik im Überblick (F7)"));
    m_sessionMenu->setTitle(tr("&Sitzung"));
    m_consultationMenu->setTitle(tr("&Beratung"));
    m_viewMenu->setTitle(tr("&Ansicht"));
    m_languageMenu->setTitle(tr("&Sprache / Language"));
    m_settingsMenu->setTitle(tr("&Einstellungen"));
    m_availableButton->setAccessibleName(tr("Verfügbar"));
    m_pauseButton->setAccessibleName(tr("Pause"));
    m_logoutButton->setAccessibleName(tr("Abmelden"));
    m_side->setAccessibleName(tr("Warteschlange und Nachrichten"));
    updateSideTabs();
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateStatus()
{
    const wire::AdvisorStatus &status = m_client.status();
    action(QStringLiteral("available"))->setChecked(status.available());
    action(QStringLiteral("pause"))->setChecked(!status.available());
    m_places->setText(tr("Beratungen: %1 von %2").arg(status.active_consultations()).arg(status.capacity()));
    m_places->setAccessibleName(m_places->text());
}

void MainWindow::updateSideTabs()
{
    const int waiting = m_queue->model()->rowCount();
    const int messages = m_inbox->count();
    m_side->setTabText(0, waiting > 0 ? tr("&Warteschlange (%1)").arg(waiting) : tr("&Warteschlange"));
    m_side->setTabText(1, messages > 0 ? tr("Nach&richten (%1)").arg(messages) : tr("Nach&richten"));
    m_side->setTabToolTip(1, tr("%1 Nachrichten von Kunden").arg(messages));
}

void MainWindow::showOverview()
{
    if (!m_client.isSupervisor())
        return;
    if (!m_supervisorWindow)
        m_supervisorWindow = new SupervisorWindow(m_client, m_clock, this);
    m_supervisorWindow->show();
    m_supervisorWindow->raise();
    m_supervisorWindow->activateWindow();
}

void MainWindow::setSideBySide(bool sideBySide)
{
    action(QStringLiteral("sideBySide"))->setChecked(sideBySide);
}

void MainWindow::setDeviceChoice(const media::DeviceChoice &choice)
{
    m_consultations->setDeviceChoice(choice);
}

void MainWindow::setLanguageChecked(const QString &language)
{
    action(language == u"en" ? QStringLiteral("languageEn") : QStringLiteral("languageDe"))->setChecked(true);
}

void MainWindow::announce(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
    consult::announce(statusBar(), text); // lesson 14
}

void MainWindow::withCurrent(const std::function<void(ConsultationPanel *)> &action)
{
    if (ConsultationPanel *panel = m_consultations->current())
        action(panel);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int running = m_consultations->runningCount();
    if (running > 0) {
        QMessageBox confirm(QMessageBox::Warning, tr("Beratungsplatz beenden?"),
                            tr("Es laufen noch %1 Beratungen. Wenn Sie den Beratungsplatz jetzt beenden, werden sie "
                               "für die Kunden beendet.")
                                .arg(running),
                            QMessageBox::Yes | QMessageBox::No, this);
        confirm.setObjectName(QStringLiteral("confirmQuit"));
        confirm.setDefaultButton(QMessageBox::No);
        confirm.button(QMessageBox::Yes)->setText(tr("Beenden"));
        confirm.button(QMessageBox::No)->setText(tr("Abbrechen"));
        if (confirm.exec() != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    event->accept();
    Q_EMIT quitRequested();
}

} // namespace consult::advisor
