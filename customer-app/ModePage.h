#pragma once

#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;
class QRadioButton;

namespace consult::customer {

// The video consultation's choice of connection (seed 001 step 4), after the log-in form and before
// anything is sent: "Bild und Ton übertragen" (the advisor may talk with the customer and see them)
// or "nur Text übertragen" (a text chat without picture and sound), then "Gewählte Verbindung
// aufbauen". Owned by the CustomerWindow, which decides what follows (the consent, or the log-in).
class ModePage final : public QWidget
{
    Q_OBJECT
public:
    explicit ModePage(QWidget *parent = nullptr);

    // What the system check allows: without it the picture-and-sound option is offered but explained.
    void setVideoPossible(bool possible, const QString &reason = {});
    bool videoChosen() const;

    QRadioButton *videoOption() const { return m_video; }
    QRadioButton *textOption() const { return m_text; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *backButton() const { return m_back; }

Q_SIGNALS:
    void connectRequested(bool video);
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QString m_reason;
    QLabel *m_heading = nullptr;
    QLabel *m_intro = nullptr;
    QRadioButton *m_video = nullptr;
    QLabel *m_videoDetail = nullptr;
    QRadioButton *m_text = nullptr;
    QLabel *m_textDetail = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QButtonGroup *m_group = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_back = nullptr;
};

} // namespace consult::customer
