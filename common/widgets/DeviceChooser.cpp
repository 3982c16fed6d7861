#include "widgets/DeviceChooser.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace consult {

DeviceChooser::DeviceChooser(media::MediaDevices &devices, QWidget *parent)
    : QWidget(parent)
    , m_devices(&devices)
    , m_cameraLabel(new QLabel(this))
    , m_microphoneLabel(new QLabel(this))
    , m_speakerLabel(new QLabel(this))
    , m_camera(new QComboBox(this))
    , m_microphone(new QComboBox(this))
    , m_speaker(new QComboBox(this))
{
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(m_cameraLabel, m_camera);
    layout->addRow(m_microphoneLabel, m_microphone);
    layout->addRow(m_speakerLabel, m_speaker);
    for (QLabel *label : {m_cameraLabel, m_microphoneLabel, m_speakerLabel})
        label->setTextFormat(Qt::PlainText);
    m_cameraLabel->setBuddy(m_camera);
    m_microphoneLabel->setBuddy(m_microphone);
    m_speakerLabel->setBuddy(m_speaker);
    for (QComboBox *box : {m_camera, m_microphone, m_speaker}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(20);
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                Q_EMIT choiceChanged(choice());
        });
    }
    setTabOrder(m_camera, m_microphone);
    setTabOrder(m_microphone, m_speaker);
    connect(&devices, &media::MediaDevices::devicesChanged, this, &DeviceChooser::refresh);
    retranslate();
}

media::DeviceChoice DeviceChooser::choice() const
{
    return {m_camera->currentData().toByteArray(), m_microphone->currentData().toByteArray(),
            m_speaker->currentData().toByteArray()};
}

void DeviceChooser::setChoice(const media::DeviceChoice &choice)
{
    m_filling = true;
    const auto select = [](QComboBox *box, const QByteArray &id) {
        const int index = box->findData(id);
        box->setCurrentIndex(index >= 0 ? index : 0);
    };
    select(m_camera, choice.camera);
    select(m_microphone, choice.microphone);
    select(m_speaker, choice.speaker);
    m_filling = false;
}

void DeviceChooser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DeviceChooser::retranslate()
{
    m_cameraLabel->setText(tr("&Kamera:"));
    m_microphoneLabel->setText(tr("&Mikrofon:"));
    m_speakerLabel->setText(tr("&Lautsprecher:"));
    m_camera->setAccessibleName(tr("Kamera"));
    m_microphone->setAccessibleName(tr("Mikrofon"));
    m_speaker->setAccessibleName(tr("Lautsprecher"));
    refresh();
}

void DeviceChooser::refresh()
{
    if (!m_devices)
        return;
    const media::DeviceChoice before = choice();
    m_filling = true;
    fill(m_camera, m_devices->cameras(), before.camera, tr("Keine Kamera gefunden"));
    fill(m_microphone, m_devices->microphones(), before.microphone, tr("Kein Mikrofon gefunden"));
    fill(m_speaker, m_devices->speakers(), before.speaker, tr("Kein Lautsprecher gefunden"));
    m_filling = false;
    // The chosen device went: the choice falls back to the default, and the owner hears of it.
    if (choice() != before)
        Q_EMIT choiceChanged(choice());
}

void DeviceChooser::fill(QComboBox *box, const QList<media::DeviceInfo> &devices, const QByteArray &selected,
                         const QString &none)
{
    box->clear();
    if (devices.isEmpty()) {
        box->addItem(none, QByteArray());
        box->setEnabled(false);
        return;
    }
    box->setEnabled(true);
    box->addItem(tr("Standardgerät des Systems"), QByteArray());
    for (const media::DeviceInfo &device : devices)
        box->addItem(device.description, device.id);
    const int index = box->findData(selected);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace consult
