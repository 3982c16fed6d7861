#pragma once

// Drives the real customer window against a real in-process server (real TLS), with advisors
// scripted through the client library; the server, the scripted advisors and customers and the take
// come from the Scenario (support/Scenario.h), the window is driven here through its widgets.
// Helpers report through the Qt Test macros; callers check QTest::currentTestFailed() (or use the
// CUSTOMER_* macros that return on failure).
#include "ConsultationPage.h"
#include "CustomerWindow.h"
#include "LoginPage.h"
#include "NoticeDialog.h"
#include "StartPage.h"
#include "support/Scenario.h"
#include "support/TestClients.h"
#include "widgets/ChatInput.h"
#include "widgets/LanguageSwitcher.h"

#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace consult::testing {

inline const QString kBankName = QStringLiteral("Sparkasse Teststadt");

// The customer app as a customer sees it: the window, in German unless switched.
struct CustomerApp
{
    LanguageSwitcher language{QStringLiteral(":/i18n/customer_en.qm")};
    std::unique_ptr<customer::CustomerWindow> window;
    QTimer modalWatch;
    QPointer<QWidget> lastModal;
    QElapsedTimer modalSince;

    // `devices`: the cameras, microphones and speakers the video consultation uses (synthetic in
    // tests; they must outlive the app). Without, the window would fall back to Qt Multimedia.
    explicit CustomerApp(const ServerEndpoint &endpoint, media::MediaDevices *devices = nullptr)
    {
        customer::CustomerWindow::Options options;
        options.bankName = kBankName;
        options.endpoint = endpoint;
        options.dialInNumber = QStringLiteral("+49 561 7001 7000");
        options.devices = devices;
        // The synthetic microphones play a steady tone, which noise suppression would fade as
        // stationary noise: the tests hear the tone through the rest of the pipeline.
        options.call.audio.noiseSuppression = false;
        options.call.audio.gainControl = false;
        // The ladder climbs back within seconds rather than a minute, so recovery is seen in a test.
        options.call.media.rate.stableBeforeIncreaseUs = 500'000;
        options.call.media.rate.increaseKbps = 100;
        options.call.media.rate.probeAfterUs = 3'000'000;
        options.connection = fastRetrySettings();
        options.connection.clientVersion = QStringLiteral("consult-customer test");
        window = std::make_unique<customer::CustomerWindow>(options, language);
        window->show();
        // A dialog no test answers would hang the test until CTest kills it: close it and say so.
        QObject::connect(&modalWatch, &QTimer::timeout, &modalWatch, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (modal != lastModal) {
                lastModal = modal;
                modalSince.restart();
            } else if (modal && modalSince.hasExpired(15000)) {
                qCritical("closing a dialog no test answered: %s", qPrintable(modal->windowTitle()));
                QMetaObject::invokeMethod(modal, "reject");
            }
        });
        modalWatch.start(200);
    }
    customer::CustomerWindow *operator->() const { return window.get(); }
    CustomerClient::Phase phase() const
    {
        return window->client() ? window->client()->phase() : CustomerClient::Phase::Idle;
    }
};

// Runs `action` on the first modal widget of type T that appears within `timeoutMs`, from inside its
// event loop (exec()), as a customer would answer it.
template <typename T>
void onModal(std::function<void(T *)> action, int timeoutMs = 10000)
{
    auto *poll = new QTimer;
    const QDeadlineTimer deadline(timeoutMs);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, action, deadline] {
        if (auto *widget = qobject_cast<T *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            action(widget);
        } else if (deadline.hasExpired()) {
            poll->stop();
            poll->deleteLater();
        }
    });
    poll->start(10);
}

// Clicks the button with `objectName` in the next modal dialog of type T.
template <typename T>
void clickInModal(const QString &objectName)
{
    onModal<T>([objectName](T *dialog) {
        auto *button = dialog->template findChild<QPushButton *>(objectName);
        QVERIFY2(button, qPrintable(objectName));
        QTest::mouseClick(button, Qt::LeftButton);
    });
}

// Types `text` into `widget` key by key, as a keyboard would; also letters beyond ASCII ("Müller").
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80 && ch != u'\n')
            QTest::keyClick(widget, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

// Clicks a check box on its indicator (the middle of a wide check box is not clickable).
inline void clickCheckBox(QCheckBox *check)
{
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
}

// The advisor the customer tests meet: Anna Berger with one place.
inline AdvisorSpec annaWithOnePlace()
{
    return AdvisorSpec{QStringLiteral("anna"), QStringLiteral("Anna Berger"), 1, Route::Direct};
}

// Start page -> log-in page with the notices delivered.
inline void openLogin(CustomerApp &app)
{
    QTest::mouseClick(app->startPage()->chatButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(app.phase() == CustomerClient::Phase::ReadingNotices, 10000);
    QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->loginPage()));
    QTRY_COMPARE(app->loginPage()->noticeChecks().size(), 3);
}

// Reads and accepts each notice through its dialog, as a customer would.
inline void acceptNotices(CustomerApp &app)
{
    for (QCheckBox *check : app->loginPage()->noticeChecks()) {
        clickInModal<customer::NoticeDialog>(QStringLiteral("acceptNotice"));
        clickCheckBox(check);
        QVERIFY(check->isChecked());
    }
}

// The whole log-in through the widgets.
inline void logIn(CustomerApp &app, const QString &name, const QString &phone)
{
    openLogin(app);
    if (QTest::currentTestFailed())
        return;
    typeText(app->loginPage()->nameEdit(), name);
    typeText(app->loginPage()->phoneEdit(), phone);
    acceptNotices(app);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(app->loginPage()->loginButton()->isEnabled());
    QTest::mouseClick(app->loginPage()->loginButton(), Qt::LeftButton);
}

// The advisor takes this customer, the only one waiting; returns once the app shows the consultation.
inline void takenBy(Scenario &scenario, AdvisorClient &advisor, CustomerApp &app)
{
    QTRY_COMPARE_WITH_TIMEOUT(advisor.queue()->rowCount(), 1, 10000);
    QVERIFY(app->client());
    QVERIFY(scenario.take(advisor, *app->client(), Take::Next));
    QCOMPARE(app.phase(), CustomerClient::Phase::Consulting);
}

// The customer's side of the sequence: the log-in through the window's widgets, then taken by
// `advisor` (the only one waiting); returns once the app shows the consultation.
inline void consultingWith(Scenario &scenario, AdvisorClient &advisor, CustomerApp &app, const QString &name,
                           const QString &phone)
{
    logIn(app, name, phone);
    if (QTest::currentTestFailed())
        return;
    takenBy(scenario, advisor, app);
}

// The advisor's consultation with this customer.
inline AdvisorConsultation *consultationOf(AdvisorClient &advisor, CustomerApp &app)
{
    return app->client() ? advisor.consultation(app->client()->consultationId()) : nullptr;
}

} // namespace consult::testing

#define CUSTOMER_STEP(call)                                                                                            \
    do {                                                                                                               \
        call;                                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)
