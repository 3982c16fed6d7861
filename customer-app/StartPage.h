#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace consult::customer {

// The first screen (seed 000 step 1, seed 001 step 1): choose the service chat or the video
// consultation ("Videoberatung starten" leads to the system check), read how both work, the promise
// that nothing is recorded, and the notices.
class StartPage final : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    QPushButton *chatButton() const { return m_chat; }
    QPushButton *videoButton() const { return m_video; }

Q_SIGNALS:
    void chatRequested();
    void videoRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showNotice(const QString &kind);

    QLabel *m_heading = nullptr;
    QLabel *m_intro = nullptr;
    QPushButton *m_chat = nullptr;
    QPushButton *m_video = nullptr;
    QLabel *m_stepsHeading = nullptr;
    QList<QLabel *> m_stepNumbers;
    QList<QLabel *> m_steps;
    QLabel *m_notRecorded = nullptr;
    QPushButton *m_security = nullptr;
    QPushButton *m_legal = nullptr;
    QPushButton *m_privacy = nullptr;
};

} // namespace consult::customer
