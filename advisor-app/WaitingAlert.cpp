#include "WaitingAlert.h"

#include "StatusTexts.h"
#include "client/AdvisorClient.h"
#include "core/Clock.h"

#include <QApplication>
#include <QAudioDevice>
#include <QFile>
#include <QMediaDevices>
#include <QPainter>
#include <QSoundEffect>
#include <QSystemTrayIcon>
#include <QWidget>
#include <QtEndian>

#include <cmath>
#include <numbers>

namespace consult::advisor {

namespace {

QIcon bellIcon()
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0xc0, 0x1e, 0x2e)); // the bank's red
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(4, 8, 56, 40), 10, 10);
    painter.drawPolygon(QPolygonF({QPointF(18, 46), QPointF(30, 46), QPointF(16, 60)}));
    painter.setBrush(Qt::white);
    for (int i = 0; i < 3; ++i)
        painter.drawEllipse(QPointF(18 + i * 14, 28), 4, 4);
    return QIcon(pixmap);
}

} // namespace

WaitingAlert::WaitingAlert(AdvisorClient &client, const Clock &clock, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_window(window)
{
    m_repeat.setInterval(30'000);
    connect(&m_repeat, &QTimer::timeout, this, [this] {
        if (shouldAlert())
            alert();
        else
            m_repeat.stop();
    });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(bellIcon(), this);
        m_tray->setToolTip(tr("Beratungsplatz"));
        m_tray->show();
    }
    AdvisorQueueModel *queue = m_client.queue();
    connect(queue, &QAbstractItemModel::rowsInserted, this, [this] { reconsider(true); });
    connect(queue, &QAbstractItemModel::modelReset, this, [this] { reconsider(true); });
    connect(queue, &QAbstractItemModel::rowsRemoved, this, [this] { reconsider(false); });
    connect(&m_client, &AdvisorClient::statusChanged, this, [this] { reconsider(false); });
}

WaitingAlert::~WaitingAlert() = default;

void WaitingAlert::setInterval(std::chrono::milliseconds interval)
{
    m_repeat.setInterval(static_cast<int>(interval.count()));
}

bool WaitingAlert::shouldAlert() const
{
    const wire::AdvisorStatus &status = m_client.status();
    return m_client.queue()->rowCount() > 0 && status.available() && status.active_consultations() < status.capacity();
}

void WaitingAlert::reconsider(bool newArrival)
{
    if (!shouldAlert()) {
        m_repeat.stop();
        return;
    }
    // A new customer, or the advisor just became able to take one: alert now, then repeat.
    if (newArrival || !m_repeat.isActive()) {
        alert();
        m_repeat.start();
    }
}

QString WaitingAlert::alertText(int waiting) const
{
    const wire::QueueEntry &first = m_client.queue()->entries().first();
    const qint64 waitedMs = m_clock.nowMs() - first.enqueued_at();
    const QString longest = tr("%1 wartet seit %2 (%3).")
                                .arg(QString::fromStdString(first.name()), StatusTexts::duration(waitedMs),
                                     StatusTexts::mode(first.mode()));
    if (waiting == 1)
        return longest;
    return tr("%1 Kunden warten. %2").arg(waiting).arg(longest);
}

void WaitingAlert::alert()
{
    const int waiting = m_client.queue()->rowCount();
    const QString text = alertText(waiting);
    ++m_alerts;
    if (m_tray)
        m_tray->showMessage(tr("Kunde wartet"), text, QSystemTrayIcon::Information, 8000);
    if (m_window && !m_window->isActiveWindow())
        QApplication::alert(m_window, 0);
    if (m_soundEnabled)
        playSound();
    Q_EMIT alerted(waiting, text);
}

void WaitingAlert::playSound()
{
    if (QMediaDevices::audioOutputs().isEmpty()) {
        m_lastSound = Sound::Beep;
        QApplication::beep();
        return;
    }
    if (!m_sound) {
        m_soundDirectory = std::make_unique<QTemporaryDir>();
        const QString path = m_soundDirectory->filePath(QStringLiteral("waiting.wav"));
        QFile file(path);
        if (m_soundDirectory->isValid() && file.open(QIODevice::WriteOnly) && file.write(toneWav()) > 0) {
            file.close();
            m_sound = new QSoundEffect(this);
            m_sound->setSource(QUrl::fromLocalFile(path));
            m_sound->setVolume(0.6f);
        }
    }
    if (!m_sound || m_sound->status() == QSoundEffect::Error) {
        m_lastSound = Sound::Beep;
        QApplication::beep();
        return;
    }
    m_lastSound = Sound::Effect;
    m_sound->play();
}

QByteArray WaitingAlert::toneWav()
{
    constexpr int kRate = 44'100;
    struct Tone
    {
        double hertz;
        int milliseconds;
    };
    constexpr Tone kTones[] = {{880.0, 140}, {0.0, 40}, {660.0, 220}};
    QByteArray samples;
    for (const Tone &tone : kTones) {
        const int count = kRate * tone.milliseconds / 1000;
        const int edge = qMin(count / 4, kRate / 200); // 5 ms fade in and out: no clicks
        for (int i = 0; i < count; ++i) {
            const double envelope = qMin(1.0, qMin(i, count - 1 - i) / double(qMax(1, edge)));
            const double value = tone.hertz > 0 ? std::sin(2 * std::numbers::pi * tone.hertz * i / kRate) : 0.0;
            const auto sample = static_cast<qint16>(std::lround(value * envelope * 0.5 * 32767));
            const qint16 little = qToLittleEndian(sample);
            samples.append(reinterpret_cast<const char *>(&little), sizeof little);
        }
    }
    QByteArray wav;
    const auto put32 = [&wav](quint32 value) {
        const quint32 little = qToLittleEndian(value);
        wav.append(reinterpret_cast<const char *>(&little), 4);
    };
    const auto put16 = [&wav](quint16 value) {
        const quint16 little = qToLittleEndian(value);
        wav.append(reinterpret_cast<const char *>(&little), 2);
    };
    wav.append("RIFF");
    put32(static_cast<quint32>(36 + samples.size()));
    wav.append("WAVEfmt ");
    put32(16);        // format chunk size
    put16(1);         // PCM
    put16(1);         // mono
    put32(kRate);     // sample rate
    put32(kRate * 2); // bytes per second
    put16(2);         // block align
    put16(16);        // bits per sample
    wav.append("data");
    put32(static_cast<quint32>(samples.size()));
    wav.append(samples);
    return wav;
}

} // namespace consult::advisor
