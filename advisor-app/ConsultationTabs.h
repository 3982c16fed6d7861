#pragma once

#include "media/devices/MediaDevices.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;
class QStackedLayout;
class QTabWidget;

namespace consult {
class AdvisorClient;
}

namespace consult::advisor {

class CannedResponses;
class ConsultationPanel;

// The advisor's parallel consultations, in tabs or side by side, with unread markers on the ones
// the advisor is not looking at. A panel appears when the client starts a consultation (taken or
// transferred in) and goes when the advisor closes it after its end. A video consultation's call
// uses the workstation's media devices and the advisor's remembered device choice.
class ConsultationTabs final : public QWidget
{
    Q_OBJECT
public:
    ConsultationTabs(AdvisorClient &client, const CannedResponses &canned, media::MediaDevices &devices,
                     QWidget *parent = nullptr);

    // The devices a new video call starts with (the advisor's remembered choice).
    void setDeviceChoice(const media::DeviceChoice &choice) { m_deviceChoice = choice; }
    const media::DeviceChoice &deviceChoice() const { return m_deviceChoice; }

    void setSideBySide(bool sideBySide);
    bool sideBySide() const { return m_sideBySide; }

    QList<ConsultationPanel *> panels() const { return m_panels; }
    ConsultationPanel *panel(const QString &consultationId) const;
    ConsultationPanel *current() const { return m_current; }
    void setCurrent(ConsultationPanel *panel);
    void next();
    void previous();
    int runningCount() const;
    QTabWidget *tabWidget() const { return m_tabs; }

Q_SIGNALS:
    void currentChanged(consult::advisor::ConsultationPanel *panel);
    // The advisor chose other devices in a video consultation.
    void deviceChoiceChanged(const consult::media::DeviceChoice &choice);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void add(const QString &consultationId);
    void remove(const QString &consultationId);
    void updateTab(ConsultationPanel *panel);
    void arrange();
    void step(int direction);
    void onFocusChanged(QWidget *now);

    AdvisorClient &m_client;
    const CannedResponses &m_canned;
    media::MediaDevices &m_devices;
    media::DeviceChoice m_deviceChoice;
    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
    QList<ConsultationPanel *> m_panels; // in the order they arrived
    QPointer<ConsultationPanel> m_current;
    bool m_sideBySide = false;
};

} // namespace consult::advisor
