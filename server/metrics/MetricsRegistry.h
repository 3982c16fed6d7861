#pragma once

#include "Histogram.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <functional>
#include <vector>

namespace consult {

// One labelled value of a metric: its labels as (name, value) pairs, in the order they are shown.
struct MetricSample
{
    QList<QPair<QByteArray, QByteArray>> labels;
    double value = 0;
};

// One metric with its samples, as it is written out: a counter or gauge has samples, a histogram
// has its buckets.
struct MetricFamily
{
    enum class Type
    {
        Counter,
        Gauge,
        Histogram,
    };
    QByteArray name;
    QByteArray help;
    Type type = Type::Counter;
    std::vector<MetricSample> samples;
    const Histogram *histogram = nullptr; // Type::Histogram only
};

// The Prometheus text exposition format 0.0.4: per family a HELP and a TYPE line, then its samples;
// help text and label values escaped as the format says. The one function that writes /metrics.
QByteArray renderPrometheusText(const std::vector<MetricFamily> &families);

// What /metrics shows: the server's units keep their own counts (as they did before there was a
// monitoring port), and each family here reads them when a scrape comes, so an unscraped server
// pays nothing and a scrape costs one pass over a few dozen numbers. Families are written in the
// order they were added. Owned by ServerMetrics; every reader must outlive the registry's use.
class MetricsRegistry
{
public:
    using Read = std::function<double()>;
    using ReadSamples = std::function<std::vector<MetricSample>()>;

    void addCounter(QByteArray name, QByteArray help, Read read);
    void addCounter(QByteArray name, QByteArray help, ReadSamples read);
    void addGauge(QByteArray name, QByteArray help, Read read);
    void addGauge(QByteArray name, QByteArray help, ReadSamples read);
    // `histogram` is read in place at each scrape.
    void addHistogram(QByteArray name, QByteArray help, const Histogram &histogram);

    std::vector<MetricFamily> collect() const;
    QByteArray render() const { return renderPrometheusText(collect()); }

private:
    struct Entry
    {
        QByteArray name;
        QByteArray help;
        MetricFamily::Type type;
        ReadSamples read;
        const Histogram *histogram = nullptr;
    };
    static ReadSamples single(Read read);

    std::vector<Entry> m_entries;
};

} // namespace consult
