#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace consult::customer {

// The customer's permission for camera and microphone (seed 001 step 5), asked once after choosing
// "Bild und Ton übertragen": "Zulassen" starts the video consultation, "Nicht zulassen" continues
// with the text chat. The permission is kept by the CustomerWindow for this consultation only (no
// second question when the customer moves between screens) and ends with it; the end page says so.
class ConsentPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ConsentPage(QWidget *parent = nullptr);

    // The devices the permission covers, as the system check found them (names as plain text).
    void setDevices(const QString &camera, const QString &microphone);

    QPushButton *allowButton() const { return m_allow; }
    QPushButton *denyButton() const { return m_deny; }

Q_SIGNALS:
    void allowed();
    void denied();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QString m_camera;
    QString m_microphone;
    QLabel *m_heading = nullptr;
    QLabel *m_question = nullptr;
    QLabel *m_devices = nullptr;
    QLabel *m_scope = nullptr;
    QLabel *m_control = nullptr;
    QPushButton *m_allow = nullptr;
    QPushButton *m_deny = nullptr;
};

} // namespace consult::customer
