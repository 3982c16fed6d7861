#pragma once

// Helpers for the advisor workstation's UI tests: a workstation over a real in-process server,
// driven through its real widgets. The server, the accounts, the scripted customers and the wait
// for a consultation come from the Scenario (support/Scenario.h).
#include "AdvisorWorkstation.h"
#include "ConsultationPanel.h"
#include "ConsultationTabs.h"
#include "InboxPanel.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "QueuePanel.h"
#include "TokenStore.h"
#include "WaitingAlert.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "support/Scenario.h"
#include "support/TestClients.h"
#include "widgets/ChatInput.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace consult::advisor::testing {

using consult::testing::kTestPassword;

// An advisor account as the workstation tests name them (`displayName`, `capacity` places).
inline consult::testing::AdvisorSpec account(const QString &username, const QString &displayName, int capacity)
{
    return consult::testing::AdvisorSpec{username, displayName, capacity, consult::testing::Route::Direct};
}

// One advisor's workstation: its own preferences file, the given token store, the server's endpoint,
// and synthetic camera, microphone and speaker (a test pattern and a tone; headless, no sound card).
class Workstation
{
public:
    // `settingsPath`: share a preferences file with an earlier workstation (a restart); default: a new one.
    Workstation(consult::testing::Scenario &scenario, TokenStore &vault, const QString &language = {},
                const QString &settingsPath = {});
    ~Workstation();

    AdvisorWorkstation &operator*() { return *m_workstation; }
    AdvisorWorkstation *operator->() { return m_workstation.get(); }
    QSettings &settings() { return *m_settings; }
    // The workstation's devices: the test turns their knobs (unplug, missing, refusing).
    media::SyntheticMediaDevices &devices() { return *m_devices; }
    QString settingsFile() const;

    LoginDialog *dialog() const { return m_workstation->loginDialog(); }
    MainWindow *window() const { return m_workstation->mainWindow(); }
    AdvisorClient *client() const { return m_workstation->client(); }

    // Starts the workstation and waits for the log-in form (or, with a remembered token, the window).
    bool start();
    // Types into the dialog and clicks "Anmelden" (does not wait).
    void submitLogin(const QString &username, const QString &password, bool stay = false);
    // start(), log-in through the dialog with kTestPassword, wait for the main window; false otherwise.
    bool logIn(const QString &username, bool stay = false);

private:
    QTemporaryDir m_directory;
    QString m_settingsPath;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<media::SyntheticMediaDevices> m_devices;
    std::unique_ptr<AdvisorWorkstation> m_workstation;
};

// When the next modal dialog called `objectName` opens, runs `act` on it (from inside its exec()).
void whenModalOpens(const QString &objectName, std::function<void(QWidget *)> act);
// Answers the next QMessageBox called `objectName` with `button`.
void answerMessageBox(const QString &objectName, QMessageBox::StandardButton button);

// The panel of the consultation with customer `name`, or null.
ConsultationPanel *panelOf(MainWindow *window, const QString &customerName);
// Texts of the chat lines a panel shows.
QStringList chatTexts(ConsultationPanel *panel);

} // namespace consult::advisor::testing

// A Qt Test main with a real QApplication (widgets), 96 DPI for stable pictures, and the default
// event dispatcher (QtKeychain's libsecret backend needs the GLib one).
#define CONSULT_WIDGET_TEST_MAIN(TestObject)                                                                           \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QApplication::setAttribute(Qt::AA_Use96Dpi, true);                                                             \
        QApplication app(argc, argv);                                                                                  \
        TestObject test;                                                                                               \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
