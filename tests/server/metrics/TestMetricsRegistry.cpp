// The text /metrics serves: the Prometheus exposition format 0.0.4, exactly (issue 14).
#include "metrics/MetricsRegistry.h"

#include <QTest>

#include <limits>

using namespace consult;

class TestMetricsRegistry final : public QObject
{
    Q_OBJECT
private slots:
    void countersAndGaugesAreWrittenWithHelpTypeAndLabels()
    {
        quint64 relayed = 7;
        int waiting = 2;
        MetricsRegistry registry;
        registry.addCounter("consult_relayed_packets_total", "Packets relayed.", [&relayed] {
            return std::vector<MetricSample>{MetricSample{{{"kind", "chat"}}, double(relayed)},
                                             MetricSample{{{"kind", "audio"}}, 0}};
        });
        registry.addGauge("consult_customers_waiting", "Customers waiting.", [&waiting] { return double(waiting); });

        QCOMPARE(registry.render(), QByteArray("# HELP consult_relayed_packets_total Packets relayed.\n"
                                               "# TYPE consult_relayed_packets_total counter\n"
                                               "consult_relayed_packets_total{kind=\"chat\"} 7\n"
                                               "consult_relayed_packets_total{kind=\"audio\"} 0\n"
                                               "# HELP consult_customers_waiting Customers waiting.\n"
                                               "# TYPE consult_customers_waiting gauge\n"
                                               "consult_customers_waiting 2\n"));

        // Read at each render, not when registered.
        relayed = 9;
        waiting = 0;
        const QByteArray again = registry.render();
        QVERIFY(again.contains("consult_relayed_packets_total{kind=\"chat\"} 9\n"));
        QVERIFY(again.contains("consult_customers_waiting 0\n"));
    }

    void aHistogramHasCumulativeBucketsSumAndCount()
    {
        Histogram histogram({0.5, 0.01, 2}); // unsorted on purpose
        histogram.observe(0.0078125);
        histogram.observe(0.5); // on a bound: counts in that bucket (le: less or equal)
        histogram.observe(0.25);
        histogram.observe(3);
        MetricsRegistry registry;
        registry.addHistogram("consult_event_loop_lag_seconds", "Lag.", histogram);

        QCOMPARE(registry.render(), QByteArray("# HELP consult_event_loop_lag_seconds Lag.\n"
                                               "# TYPE consult_event_loop_lag_seconds histogram\n"
                                               "consult_event_loop_lag_seconds_bucket{le=\"0.01\"} 1\n"
                                               "consult_event_loop_lag_seconds_bucket{le=\"0.5\"} 3\n"
                                               "consult_event_loop_lag_seconds_bucket{le=\"2\"} 3\n"
                                               "consult_event_loop_lag_seconds_bucket{le=\"+Inf\"} 4\n"
                                               "consult_event_loop_lag_seconds_sum 3.7578125\n"
                                               "consult_event_loop_lag_seconds_count 4\n"));
    }

    void anEmptyHistogramIsAllZeros()
    {
        const Histogram histogram({1});
        MetricsRegistry registry;
        registry.addHistogram("h", "Empty.", histogram);
        QCOMPARE(registry.render(), QByteArray("# HELP h Empty.\n"
                                               "# TYPE h histogram\n"
                                               "h_bucket{le=\"1\"} 0\n"
                                               "h_bucket{le=\"+Inf\"} 0\n"
                                               "h_sum 0\n"
                                               "h_count 0\n"));
    }

    void helpAndLabelValuesAreEscaped()
    {
        MetricFamily family;
        family.name = "m";
        family.help = "back\\slash and\nnewline";
        family.type = MetricFamily::Type::Gauge;
        family.samples.push_back(MetricSample{{{"a", "quote\" back\\ line\n"}, {"b", "plain"}}, 1});
        QCOMPARE(renderPrometheusText({family}), QByteArray("# HELP m back\\\\slash and\\nnewline\n"
                                                            "# TYPE m gauge\n"
                                                            "m{a=\"quote\\\" back\\\\ line\\n\",b=\"plain\"} 1\n"));
    }

    void valuesAreWrittenExactlyAndInTheFormatsSpelling_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("a large count stays exact") << 9007199254740991.0 << QByteArray("9007199254740991");
        QTest::newRow("negative") << -3.0 << QByteArray("-3");
        QTest::newRow("fraction, shortest") << 0.1 << QByteArray("0.1");
        QTest::newRow("seconds") << 1.25 << QByteArray("1.25");
        QTest::newRow("tiny") << 0.00001 << QByteArray("1e-05");
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
        QTest::newRow("minus infinity") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
        QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    }

    void valuesAreWrittenExactlyAndInTheFormatsSpelling()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        MetricsRegistry registry;
        registry.addGauge("g", "G.", [value] { return value; });
        QCOMPARE(registry.render(), QByteArray("# HELP g G.\n# TYPE g gauge\ng " + text + '\n'));
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "TestMetricsRegistry.moc"
