#include "SupervisorWindow.h"

#include "StatisticsSeries.h"
#include "client/AdvisorClient.h"
#include "core/Clock.h"
#include "widgets/PlainLabel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QVBoxLayout>
#include <QValueAxis>

namespace consult::advisor {

namespace {

const QStringList &figureNames()
{
    static const QStringList names = {QStringLiteral("waitingChat"),    QStringLiteral("waitingVideo"),
                                      QStringLiteral("longestWait"),    QStringLiteral("consultations"),
                                      QStringLiteral("advisorsFree"),   QStringLiteral("advisorsBusy"),
                                      QStringLiteral("advisorsPaused"), QStringLiteral("advisorsReconnecting")};
    return names;
}

const QStringList &chartNames()
{
    static const QStringList names = {QStringLiteral("perHour"), QStringLiteral("perDay"), QStringLiteral("waits"),
                                      QStringLiteral("features"), QStringLiteral("outcomes")};
    return names;
}

const QColor kBarColour(0x2f, 0x6f, 0x9f);

void clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A bar chart of whole numbers, its value axis in whole steps.
void showBars(QChart *chart, const QString &title, const QStringList &categories, const QList<int> &values,
              int labelAngle = 0, const QString &categoryTitle = {})
{
    clear(chart);
    chart->setTitle(title);
    auto *set = new QBarSet(title);
    set->setColor(kBarColour);
    set->setBorderColor(kBarColour);
    int highest = 0;
    for (int value : values) {
        *set << value;
        highest = qMax(highest, value);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.75);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsAngle(labelAngle);
    x->setTitleText(categoryTitle);
    x->setGridLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    const int step = qMax(1, (highest + 3) / 4);
    y->setRange(0, step * 4);
    y->setTickCount(5);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
}

QString minutesAndSeconds(quint32 seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

SupervisorWindow::SupervisorWindow(AdvisorClient &client, const Clock &clock, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_client(client)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("supervisorWindow"));
    auto *layout = new QVBoxLayout(this);

    m_live = new QGroupBox(this);
    auto *grid = new QGridLayout(m_live);
    for (int i = 0; i < figureNames().size(); ++i) {
        QLabel *caption = plainLabel(m_live, nullptr, nullptr, false);
        QLabel *value = plainLabel(m_live, nullptr, nullptr, false);
        value->setObjectName(figureNames().at(i));
        QFont bold = value->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.3);
        value->setFont(bold);
        value->setText(QStringLiteral("–"));
        // Four figures a row: the queue's, then the advisors'.
        const int row = i / 4;
        const int column = (i % 4) * 2;
        grid->addWidget(caption, row, column);
        grid->addWidget(value, row, column + 1);
        grid->setColumnStretch(column + 1, 1);
        m_figures.append(qMakePair(caption, value));
    }
    m_asOf = plainLabel(m_live, "asOf", nullptr, false);
    grid->addWidget(m_asOf, 2, 0, 1, 8);
    layout->addWidget(m_live);

    m_notice = plainLabel(this, "supervisorNotice");
    m_notice->hide();
    layout->addWidget(m_notice);

    auto *charts = new QGridLayout;
    for (int i = 0; i < chartNames().size(); ++i) {
        auto *plot = new QChart;
        plot->setAnimationOptions(QChart::NoAnimation);
        plot->setBackgroundRoundness(0);
        plot->setMargins(QMargins(4, 4, 4, 4));
        auto *view = new QChartView(plot, this);
        view->setObjectName(chartNames().at(i));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(420, 230);
        m_charts.append(view);
        // Rows: per hour, per day, waits beside outcomes, features; the features' names need the
        // whole width ("Whiteboard", "Dokumente" are cut at half of it).
        static const int rows[] = {0, 1, 2, 3, 2};
        static const int columns[] = {0, 0, 0, 0, 1};
        static const int spans[] = {2, 2, 1, 2, 1};
        charts->addWidget(view, rows[i], columns[i], 1, spans[i]);
    }
    layout->addLayout(charts, 1);

    m_overviewTimer.setInterval(kOverviewIntervalMs);
    m_statisticsTimer.setInterval(kStatisticsIntervalMs);
    connect(&m_overviewTimer, &QTimer::timeout, &m_client, &AdvisorClient::requestOverview);
    connect(&m_statisticsTimer, &QTimer::timeout, this,
            [this] { m_client.requestStatistics(QDateTime(today().addDays(-(kDays - 1)), QTime(0, 0))); });
    connect(&m_client, &AdvisorClient::overviewReceived, this, &SupervisorWindow::showOverview);
    connect(&m_client, &AdvisorClient::statisticsReceived, this, &SupervisorWindow::showStatistics);
    connect(&m_client, &AdvisorClient::overviewRefused, this, &SupervisorWindow::showRefusal);

    retranslate();
    resize(1100, 980);
}

SupervisorWindow::~SupervisorWindow() = default;

void SupervisorWindow::refresh()
{
    m_client.requestOverview();
    m_client.requestStatistics(QDateTime(today().addDays(-(kDays - 1)), QTime(0, 0)));
}

QString SupervisorWindow::figure(const QString &name) const
{
    const qsizetype index = figureNames().indexOf(name);
    return index < 0 ? QString() : m_figures.at(index).second->text();
}

QChart *SupervisorWindow::chart(const QString &name) const
{
    const qsizetype index = chartNames().indexOf(name);
    return index < 0 ? nullptr : m_charts.at(index)->chart();
}

QDate SupervisorWindow::today() const
{
    return QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).date(); // local time
}

void SupervisorWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_overviewTimer.start();
    m_statisticsTimer.start();
}

void SupervisorWindow::hideEvent(QHideEvent *event)
{
    m_overviewTimer.stop();
    m_statisticsTimer.stop();
    QWidget::hideEvent(event);
}

void SupervisorWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SupervisorWindow::showOverview(const wire::SupervisorOverview &overview)
{
    m_overview = overview;
    m_notice->hide();
    const QList<QString> values = {
        QString::number(overview.waiting_chat()),           QString::number(overview.waiting_video()),
        minutesAndSeconds(overview.longest_wait_seconds()), QString::number(overview.active_consultations()),
        QString::number(overview.advisors_free()),          QString::number(overview.advisors_busy()),
        QString::number(overview.advisors_paused()),        QString::number(overview.advisors_reconnecting())};
    for (int i = 0; i < values.size(); ++i) {
        m_figures.at(i).second->setText(values.at(i));
        m_figures.at(i).second->setAccessibleName(m_figures.at(i).first->text() + QLatin1Char(' ') + values.at(i));
    }
    updateAsOf();
}

void SupervisorWindow::showStatistics(const wire::SupervisorStatistics &statistics)
{
    m_statistics = statistics;
    redrawCharts();
}

void SupervisorWindow::showRefusal(wire::ErrorCode code)
{
    // Asked too often (another window, a quick reopen): the next tick brings the figures.
    if (code == wire::ERROR_RATE_LIMITED)
        return;
    m_overviewTimer.stop();
    m_statisticsTimer.stop();
    m_notice->setText(code == wire::ERROR_NOT_ALLOWED
                          ? tr("Die Übersicht ist nur für Teamleitungen. Ihre Rolle wurde geändert; bitte melden Sie "
                               "sich neu an.")
                          : tr("Die Übersicht kann gerade nicht geladen werden."));
    m_notice->show();
}

void SupervisorWindow::retranslate()
{
    setWindowTitle(tr("Übersicht"));
    m_live->setTitle(tr("Jetzt"));
    const QStringList captions = {tr("Warten auf Chat:"),     tr("Warten auf Video:"),     tr("Längste Wartezeit:"),
                                  tr("Laufende Beratungen:"), tr("Berater frei:"),         tr("Berater ausgelastet:"),
                                  tr("Berater in Pause:"),    tr("Berater verbinden neu:")};
    for (int i = 0; i < captions.size(); ++i)
        m_figures.at(i).first->setText(captions.at(i));
    updateAsOf();
    redrawCharts();
}

void SupervisorWindow::updateAsOf()
{
    m_asOf->setText(
        m_overview
            ? tr("Stand: %1 Uhr; Wartezeit in Minuten:Sekunden. Alle Zahlen sind Summen, ohne "
                 "Namen.")
                  .arg(QDateTime::fromMSecsSinceEpoch(m_overview->as_of()).time().toString(QStringLiteral("HH:mm:ss")))
            : tr("Die Zahlen werden geladen …"));
}

void SupervisorWindow::redrawCharts()
{
    const wire::SupervisorStatistics empty;
    const wire::SupervisorStatistics &statistics = m_statistics ? *m_statistics : empty;
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDate last = today();
    const QDate first = last.addDays(-(kDays - 1));

    QStringList hours;
    for (int hour = 0; hour < 24; ++hour)
        hours.append(QString::number(hour));
    showBars(chart(QStringLiteral("perHour")), tr("Beratungen je Stunde, heute"), hours,
             StatisticsSeries::perHourOf(statistics, last, zone), 0, tr("Uhr"));

    QStringList days;
    for (QDate day = first; day <= last; day = day.addDays(1))
        days.append(day.toString(QStringLiteral("dd.MM.")));
    showBars(chart(QStringLiteral("perDay")), tr("Beratungen je Tag, letzte 4 Wochen"), days,
             StatisticsSeries::perDay(statistics, first, last, zone), -90);

    QList<int> bands;
    for (int i = 0; i < 6; ++i)
        bands.append(i < statistics.wait_bands_size() ? static_cast<int>(statistics.wait_bands(i)) : 0);
    showBars(chart(QStringLiteral("waits")), tr("Wartezeiten, letzte 4 Wochen"),
             {tr("unter 1"), QStringLiteral("1–2"), QStringLiteral("2–5"), QStringLiteral("5–10"),
              QStringLiteral("10–20"), tr("ab 20")},
             bands, 0, tr("Minuten"));

    showBars(chart(QStringLiteral("features")), tr("Genutzte Funktionen, letzte 4 Wochen"),
             {tr("Chat"), tr("Ton"), tr("Bild"), tr("Whiteboard"), tr("Dokumente")},
             {static_cast<int>(statistics.with_chat()), static_cast<int>(statistics.with_audio()),
              static_cast<int>(statistics.with_video()), static_cast<int>(statistics.with_whiteboard()),
              static_cast<int>(statistics.with_documents())},
             0, tr("Beratungen, die sie genutzt haben"));

    QChart *outcomes = chart(QStringLiteral("outcomes"));
    clear(outcomes);
    outcomes->setTitle(tr("Ausgang, letzte 4 Wochen"));
    auto *pie = new QPieSeries;
    const QList<std::pair<QString, quint32>> slices = {{tr("Beraten"), statistics.completed()},
                                                       {tr("Verbindung verloren"), statistics.connection_lost()},
                                                       {tr("Nachricht hinterlassen"), statistics.message_left()},
                                                       {tr("Warteschlange verlassen"), statistics.left_queue()}};
    const QList<QColor> colours = {QColor(0x1e, 0x7e, 0x34), QColor(0xb3, 0x5c, 0x00), kBarColour,
                                   QColor(0x8a, 0x8a, 0x8a)};
    for (int i = 0; i < slices.size(); ++i) {
        QPieSlice *slice = pie->append(QStringLiteral("%1: %2").arg(slices.at(i).first).arg(slices.at(i).second),
                                       qMax<qreal>(slices.at(i).second, 0));
        slice->setColor(colours.at(i));
        slice->setBorderColor(Qt::white);
    }
    pie->setPieSize(0.8);
    pie->setHorizontalPosition(0.3);
    outcomes->addSeries(pie);
    outcomes->legend()->setVisible(true);
    outcomes->legend()->setAlignment(Qt::AlignRight);
}

} // namespace consult::advisor
