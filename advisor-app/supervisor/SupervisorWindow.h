#pragma once

#include "protocol/consult.pb.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QGroupBox;
class QLabel;

namespace consult {
class AdvisorClient;
class Clock;
} // namespace consult

namespace consult::advisor {

// The supervisor's overview (issue 14), a window of its own opened from the main window by
// advisors with the role: the queue and the advisors' states now (refreshed every five seconds
// while the window is open), and charts of the anonymous statistics (refreshed every minute):
// consultations per hour today and per day over four weeks, the wait-time distribution, the
// features used and how the visits ended. It shows only the aggregated figures the server sends;
// nothing in it names a customer, an advisor or a consultation.
class SupervisorWindow final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDays = 28;
    static constexpr int kOverviewIntervalMs = 5'000;
    static constexpr int kStatisticsIntervalMs = 60'000;

    SupervisorWindow(AdvisorClient &client, const Clock &clock, QWidget *parent = nullptr);
    ~SupervisorWindow() override;

    // Asks the server for both now (also done when the window is shown).
    void refresh();
    // The live figures as shown, by name ("waitingChat", "waitingVideo", "longestWait", "advisorsFree",
    // "advisorsBusy", "advisorsPaused", "advisorsReconnecting", "consultations"); for tests.
    QString figure(const QString &name) const;
    // The chart called `name` ("perHour", "perDay", "waits", "features", "outcomes"); for tests.
    QChart *chart(const QString &name) const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showOverview(const wire::SupervisorOverview &overview);
    void showStatistics(const wire::SupervisorStatistics &statistics);
    void showRefusal(wire::ErrorCode code);
    void retranslate();
    void updateAsOf();
    void redrawCharts();
    QDate today() const;

    AdvisorClient &m_client;
    const Clock &m_clock;
    QGroupBox *m_live;
    QLabel *m_asOf;
    QLabel *m_notice;
    QList<QPair<QLabel *, QLabel *>> m_figures; // caption and value, in the order of figureNames()
    QList<QChartView *> m_charts;               // in the order of chartNames()
    QTimer m_overviewTimer;
    QTimer m_statisticsTimer;
    std::optional<wire::SupervisorOverview> m_overview;
    std::optional<wire::SupervisorStatistics> m_statistics;
};

} // namespace consult::advisor
