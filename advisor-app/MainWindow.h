#pragma once

#include "media/devices/MediaDevices.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;
class QToolButton;

namespace consult {
class AdvisorClient;
class Clock;
class ConnectionIndicator;
} // namespace consult

namespace consult::advisor {

class CannedResponses;
class ConsultationPanel;
class ConsultationTabs;
class InboxPanel;
class QueuePanel;
class SupervisorWindow;
class WaitingAlert;

// The workstation's window after log-in: availability always in view at the top, the queue and the
// inbox on the left, the consultations on the right, every command in a menu with a shortcut.
// Session-level decisions (log-out, language, quitting) go to the AdvisorWorkstation by signal.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // `devices`: where video consultations take camera, microphone and speakers from.
    MainWindow(AdvisorClient &client, const Clock &clock, const CannedResponses &canned, media::MediaDevices &devices,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    QueuePanel *queuePanel() const { return m_queue; }
    InboxPanel *inboxPanel() const { return m_inbox; }
    ConsultationTabs *consultations() const { return m_consultations; }
    WaitingAlert *waitingAlert() const { return m_alert; }
    QTabWidget *sideTabs() const { return m_side; }
    QToolButton *availableButton() const { return m_availableButton; }
    QToolButton *pauseButton() const { return m_pauseButton; }
    QAction *action(const QString &name) const;
    ConnectionIndicator *connectionIndicator() const { return m_connection; }
    // Supervisors only (issue 14): the overview's button, and its window once opened (else null).
    QToolButton *overviewButton() const { return m_overviewButton; }
    SupervisorWindow *supervisorWindow() const { return m_supervisorWindow; }
    // Opens (or raises) the overview; nothing for an advisor without the role.
    void showOverview();

    void setSideBySide(bool sideBySide);
    void setLanguageChecked(const QString &language);
    // The devices the next video call starts with.
    void setDeviceChoice(const media::DeviceChoice &choice);
    // Shows a message in the status bar and to screen readers.
    void announce(const QString &text, int timeoutMs = 8000);

Q_SIGNALS:
    void logoutRequested();
    void quitRequested();
    void languageRequested(const QString &language);
    void sideBySideChanged(bool sideBySide);
    void alertIntervalRequested();
    void deviceChoiceChanged(const consult::media::DeviceChoice &choice);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildStatusBar();
    void retranslate();
    void updateStatus();
    void updateSideTabs();
    void withCurrent(const std::function<void(ConsultationPanel *)> &action);

    AdvisorClient &m_client;
    const Clock &m_clock;
    QueuePanel *m_queue;
    InboxPanel *m_inbox;
    ConsultationTabs *m_consultations;
    WaitingAlert *m_alert;
    QTabWidget *m_side;
    QLabel *m_advisorName;
    QLabel *m_places;
    ConnectionIndicator *m_connection;
    QToolButton *m_availableButton;
    QToolButton *m_pauseButton;
    QToolButton *m_logoutButton;
    QToolButton *m_overviewButton;
    SupervisorWindow *m_supervisorWindow = nullptr;
    QMenu *m_sessionMenu = nullptr;
    QMenu *m_consultationMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QActionGroup *m_availability = nullptr;
    QActionGroup *m_languages = nullptr;
    QString m_lastAlert;
};

} // namespace consult::advisor
