// The supervisor overview in the real advisor workstation against a real in-process server (issue
// 14): a supervisor opens "Übersicht" from the main window and sees the queue, the advisors' states
// and the charts of what happened; an advisor without the role has no such button or command. Also
// writes the overview's pictures in German and English (screenshots/advisor-overview*.png).
#include "MemoryTokenStore.h"
#include "WorkstationFixture.h"
#include "supervisor/StatisticsSeries.h"
#include "supervisor/SupervisorWindow.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QLabel>
#include <QPieSeries>
#include <QSet>
#include <QTest>
#include <QToolButton>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::ConsultationSpec;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;
using consult::testing::TestConsultation;

namespace {

// The values of the first bar set of `chart`.
QList<int> bars(QChart *chart)
{
    QList<int> values;
    const auto series = chart ? chart->series() : QList<QAbstractSeries *>();
    if (series.isEmpty())
        return values;
    auto *barSeries = qobject_cast<QBarSeries *>(series.first());
    if (!barSeries || barSeries->barSets().isEmpty())
        return values;
    QBarSet *set = barSeries->barSets().first();
    for (int i = 0; i < set->count(); ++i)
        values.append(static_cast<int>(set->at(i)));
    return values;
}

int total(const QList<int> &values)
{
    int sum = 0;
    for (int value : values)
        sum += value;
    return sum;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    QTest::qWait(150); // layouts and repaints
    const QImage image = widget->grab().toImage();
    QVERIFY2(!image.isNull() && image.width() >= 600 && image.height() >= 400, qPrintable(name));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(name + QStringLiteral(" looks blank")));
    QDir().mkpath(QStringLiteral(CONSULT_SCREENSHOT_DIR));
    QVERIFY(image.save(QDir(QStringLiteral(CONSULT_SCREENSHOT_DIR)).filePath(name + QStringLiteral(".png"))));
}

} // namespace

class TestAdvisorSupervisor final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_scenario = std::make_unique<Scenario>();
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("sabine"), QStringLiteral("Sabine Leitner"), 2));
        QVERIFY(m_scenario->server().core().advisorStore().setSupervisor(QStringLiteral("sabine"), true).value());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
    }

    void cleanupTestCase() { m_scenario.reset(); }

    void perDayAndPerHourAreCountedInLocalTime()
    {
        // The server counts per UTC hour; 22:00 UTC on 2 March is 23:00 in Berlin, the same day.
        const QTimeZone berlin("Europe/Berlin");
        wire::SupervisorStatistics statistics;
        const QDateTime since(QDate(2026, 3, 1), QTime(23, 0), Qt::UTC); // 2 March 00:00 in Berlin
        statistics.set_since(since.toMSecsSinceEpoch());
        for (int hour = 0; hour < 48; ++hour)
            statistics.add_consultations_per_hour(0);
        statistics.set_consultations_per_hour(0, 2);  // 2 March 00:00 Berlin
        statistics.set_consultations_per_hour(23, 3); // 2 March 23:00 Berlin
        statistics.set_consultations_per_hour(24, 4); // 3 March 00:00 Berlin
        QList<int> expectedHours(24, 0);
        expectedHours[0] = 2;
        expectedHours[23] = 3;
        QCOMPARE(StatisticsSeries::perHourOf(statistics, QDate(2026, 3, 2), berlin), expectedHours);
        QCOMPARE(StatisticsSeries::perDay(statistics, QDate(2026, 3, 1), QDate(2026, 3, 3), berlin),
                 (QList<int>{0, 5, 4}));
    }

    void anAdvisorWithoutTheRoleHasNoOverview()
    {
        Workstation anna(*m_scenario, m_vault);
        QVERIFY(anna.logIn(QStringLiteral("anna")));
        MainWindow *window = anna.window();
        window->waitingAlert()->setSoundEnabled(false);
        QVERIFY(!anna.client()->isSupervisor());
        QVERIFY(!window->overviewButton()->isVisible());
        QVERIFY(!window->action(QStringLiteral("overview"))->isVisible());
        window->action(QStringLiteral("overview"))->trigger();
        window->showOverview();
        QVERIFY(!window->supervisorWindow());
    }

    void aSupervisorSeesTheQueueTheAdvisorsAndTheDay()
    {
        // What happened today: one chat consultation served and ended, one customer who left the
        // queue; waiting now two for the chat and one for a video consultation.
        TestConsultation *served = m_scenario->consultation(
            ConsultationSpec::between(QStringLiteral("bernd"), QStringLiteral("Erika Mustermann")));
        QVERIFY(served);
        served->advisor->sendChat(served->id, QStringLiteral("Guten Tag, wie kann ich helfen?"));
        QTRY_VERIFY_WITH_TIMEOUT(served->customerChat().rowCount() >= 1, 5000);
        served->advisor->endConsultation(served->id);
        QTRY_VERIFY_WITH_TIMEOUT(served->atAdvisor()->ended, 5000);
        CustomerClient *leaving = m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Max Müller")));
        QVERIFY(leaving);
        leaving->leaveQueue();
        for (const QString &name : {QStringLiteral("Jana Nowak"), QStringLiteral("Otto Normal")})
            QVERIFY(m_scenario->waitingCustomer(CustomerSpec::named(name)));
        CustomerSpec video = CustomerSpec::named(QStringLiteral("Vera Video"));
        video.mode = wire::CONSULTATION_MODE_VIDEO;
        QVERIFY(m_scenario->waitingCustomer(video));

        Workstation sabine(*m_scenario, m_vault);
        QVERIFY(sabine.logIn(QStringLiteral("sabine")));
        MainWindow *window = sabine.window();
        window->waitingAlert()->setSoundEnabled(false);
        QVERIFY(sabine.client()->isSupervisor());
        QVERIFY(window->overviewButton()->isVisible());
        QCOMPARE(window->overviewButton()->text(), QStringLiteral("Übersicht"));
        saveScreenshot(window, QStringLiteral("advisor-supervisor-main")); // the button beside "Abmelden"
        QTest::mouseClick(window->overviewButton(), Qt::LeftButton);
        SupervisorWindow *overview = window->supervisorWindow();
        QVERIFY(overview);
        QVERIFY(QTest::qWaitForWindowExposed(overview));

        QTRY_COMPARE_WITH_TIMEOUT(overview->figure(QStringLiteral("waitingChat")), QStringLiteral("2"), 5000);
        QCOMPARE(overview->figure(QStringLiteral("waitingVideo")), QStringLiteral("1"));
        QVERIFY(overview->figure(QStringLiteral("longestWait")).contains(u':'));
        // sabine and bernd are free (bernd's consultation has ended), nobody on pause.
        QCOMPARE(overview->figure(QStringLiteral("advisorsFree")), QStringLiteral("2"));
        QCOMPARE(overview->figure(QStringLiteral("advisorsBusy")), QStringLiteral("0"));
        QCOMPARE(overview->figure(QStringLiteral("advisorsPaused")), QStringLiteral("0"));
        QCOMPARE(overview->figure(QStringLiteral("consultations")), QStringLiteral("0"));

        QTRY_COMPARE_WITH_TIMEOUT(total(bars(overview->chart(QStringLiteral("perDay")))), 1, 5000);
        QCOMPARE(bars(overview->chart(QStringLiteral("perDay"))).size(), SupervisorWindow::kDays);
        QCOMPARE(bars(overview->chart(QStringLiteral("perDay"))).last(), 1); // today
        QCOMPARE(total(bars(overview->chart(QStringLiteral("perHour")))), 1);
        QCOMPARE(total(bars(overview->chart(QStringLiteral("waits")))), 2); // served and left
        QCOMPARE(bars(overview->chart(QStringLiteral("features"))), (QList<int>{1, 0, 0, 0, 0}));
        auto *outcomes = qobject_cast<QPieSeries *>(overview->chart(QStringLiteral("outcomes"))->series().value(0));
        QVERIFY(outcomes);
        QCOMPARE(outcomes->slices().size(), 4);
        QCOMPARE(outcomes->slices().at(0)->value(), 1.0); // served
        QCOMPARE(outcomes->slices().at(3)->value(), 1.0); // left the queue

        // Nothing on screen names a customer or an advisor (issue 14: aggregated figures only).
        for (QLabel *label : overview->findChildren<QLabel *>()) {
            for (const QString &name : {QStringLiteral("Jana"), QStringLiteral("Otto"), QStringLiteral("Vera"),
                                        QStringLiteral("Erika"), QStringLiteral("Bernd"), QStringLiteral("bernd")})
                QVERIFY2(!label->text().contains(name), qPrintable(label->text()));
        }

        saveScreenshot(overview, QStringLiteral("advisor-overview"));
        sabine->setLanguage(QStringLiteral("en"));
        QTRY_COMPARE_WITH_TIMEOUT(overview->windowTitle(), QStringLiteral("Overview"), 3000);
        QCOMPARE(overview->chart(QStringLiteral("features"))->title(), QStringLiteral("Features used, last 4 weeks"));
        saveScreenshot(overview, QStringLiteral("advisor-overview-en"));
        sabine->setLanguage(QStringLiteral("de"));
    }

private:
    std::unique_ptr<Scenario> m_scenario;
    MemoryTokenStore m_vault;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorSupervisor)
#include "TestAdvisorSupervisor.moc"
