#pragma once

#include "media/devices/MediaDevices.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;

namespace consult {

// The three device choices (camera, microphone, speaker) as combo boxes with labels, filled from a
// MediaDevices and refilled when devices come and go; emits the whole DeviceChoice whenever the
// user changes one. The first entry of each is the system's default (an empty id); a kind with no
// device shows "none found" and is disabled. Keyboard operable (labels with mnemonics as buddies),
// each box named for screen readers. Used by the customer's system check and both apps' settings;
// lives in the GUI thread; does not own the devices.
class DeviceChooser final : public QWidget
{
    Q_OBJECT
public:
    explicit DeviceChooser(media::MediaDevices &devices, QWidget *parent = nullptr);

    media::DeviceChoice choice() const;
    // Selects these devices where present (a gone one falls back to the default entry); no signal.
    void setChoice(const media::DeviceChoice &choice);

    QComboBox *cameraBox() const { return m_camera; }
    QComboBox *microphoneBox() const { return m_microphone; }
    QComboBox *speakerBox() const { return m_speaker; }

Q_SIGNALS:
    void choiceChanged(const consult::media::DeviceChoice &choice);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();
    void fill(QComboBox *box, const QList<media::DeviceInfo> &devices, const QByteArray &selected, const QString &none);

    QPointer<media::MediaDevices> m_devices;
    QLabel *m_cameraLabel;
    QLabel *m_microphoneLabel;
    QLabel *m_speakerLabel;
    QComboBox *m_camera;
    QComboBox *m_microphone;
    QComboBox *m_speaker;
    bool m_filling = false;
};

} // namespace consult
