#include "MetricsRegistry.h"

#include <QLocale>
#include <QString>

#include <cmath>

namespace consult {

namespace {

QByteArray typeName(MetricFamily::Type type)
{
    switch (type) {
    case MetricFamily::Type::Counter:
        return QByteArrayLiteral("counter");
    case MetricFamily::Type::Gauge:
        return QByteArrayLiteral("gauge");
    case MetricFamily::Type::Histogram:
        return QByteArrayLiteral("histogram");
    }
    return QByteArrayLiteral("untyped");
}

// HELP text: backslash and line feed escaped.
QByteArray escapeHelp(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

// Label values: backslash, double quote and line feed escaped.
QByteArray escapeLabelValue(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

// Whole numbers without a fraction or exponent (counts stay exact up to 2^53); others in the
// shortest form that reads back the same; the format's spellings of the infinities and NaN.
QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

QByteArray labelText(const QList<QPair<QByteArray, QByteArray>> &labels)
{
    if (labels.isEmpty())
        return {};
    QByteArray out = "{";
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i > 0)
            out += ',';
        out += labels[i].first + "=\"" + escapeLabelValue(labels[i].second) + '"';
    }
    return out + '}';
}

} // namespace

QByteArray renderPrometheusText(const std::vector<MetricFamily> &families)
{
    QByteArray out;
    out.reserve(4096);
    for (const MetricFamily &family : families) {
        out += "# HELP " + family.name + ' ' + escapeHelp(family.help) + '\n';
        out += "# TYPE " + family.name + ' ' + typeName(family.type) + '\n';
        if (family.type == MetricFamily::Type::Histogram) {
            if (!family.histogram)
                continue;
            const Histogram &histogram = *family.histogram;
            quint64 cumulative = 0;
            for (std::size_t i = 0; i < histogram.upperBounds().size(); ++i) {
                cumulative += histogram.counts()[i];
                out += family.name + "_bucket{le=\"" + formatValue(histogram.upperBounds()[i]) + "\"} " +
                       QByteArray::number(cumulative) + '\n';
            }
            cumulative += histogram.counts().back();
            out += family.name + "_bucket{le=\"+Inf\"} " + QByteArray::number(cumulative) + '\n';
            out += family.name + "_sum " + formatValue(histogram.sum()) + '\n';
            out += family.name + "_count " + QByteArray::number(cumulative) + '\n';
            continue;
        }
        for (const MetricSample &sample : family.samples)
            out += family.name + labelText(sample.labels) + ' ' + formatValue(sample.value) + '\n';
    }
    return out;
}

MetricsRegistry::ReadSamples MetricsRegistry::single(Read read)
{
    return [read = std::move(read)] { return std::vector<MetricSample>{MetricSample{{}, read()}}; };
}

void MetricsRegistry::addCounter(QByteArray name, QByteArray help, Read read)
{
    addCounter(std::move(name), std::move(help), single(std::move(read)));
}

void MetricsRegistry::addCounter(QByteArray name, QByteArray help, ReadSamples read)
{
    m_entries.push_back(Entry{std::move(name), std::move(help), MetricFamily::Type::Counter, std::move(read)});
}

void MetricsRegistry::addGauge(QByteArray name, QByteArray help, Read read)
{
    addGauge(std::move(name), std::move(help), single(std::move(read)));
}

void MetricsRegistry::addGauge(QByteArray name, QByteArray help, ReadSamples read)
{
    m_entries.push_back(Entry{std::move(name), std::move(help), MetricFamily::Type::Gauge, std::move(read)});
}

void MetricsRegistry::addHistogram(QByteArray name, QByteArray help, const Histogram &histogram)
{
    m_entries.push_back(Entry{std::move(name), std::move(help), MetricFamily::Type::Histogram, {}, &histogram});
}

std::vector<MetricFamily> MetricsRegistry::collect() const
{
    std::vector<MetricFamily> families;
    families.reserve(m_entries.size());
    for (const Entry &entry : m_entries) {
        MetricFamily family;
        family.name = entry.name;
        family.help = entry.help;
        family.type = entry.type;
        family.histogram = entry.histogram;
        if (entry.read)
            family.samples = entry.read();
        families.push_back(std::move(family));
    }
    return families;
}

} // namespace consult
