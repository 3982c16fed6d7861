#pragma once

#include "protocol/consult.pb.h"

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace consult {
class CustomerClient;
}

namespace consult::customer {

// Waiting for the next free advisor (seed 000 note, lessons 1 and 2): says when all advisors are
// busy and offers the choice to keep waiting or write a message instead; shows the position and the
// expected wait, updated live and announced; the way to a message and out of the queue stay open
// at every moment.
class WaitingPage final : public QWidget
{
    Q_OBJECT
public:
    explicit WaitingPage(QWidget *parent = nullptr);

    void setClient(CustomerClient *client);

    QPushButton *keepWaitingButton() const { return m_keepWaiting; }
    QPushButton *writeMessageButton() const { return m_writeMessage; }
    QPushButton *busyWriteMessageButton() const { return m_busyWriteMessage; }
    QPushButton *leaveButton() const { return m_leave; }
    QLabel *positionLabel() const { return m_position; }
    QFrame *busyBox() const { return m_busyBox; }

Q_SIGNALS:
    void writeMessageRequested();
    void leaveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showStatus(const wire::QueueStatus &status, bool announceChange);

    CustomerClient *m_client = nullptr;
    wire::QueueStatus m_status;
    bool m_busyAnswered = false; // "keep waiting" chosen: the question is not asked again

    QLabel *m_heading = nullptr;
    QFrame *m_busyBox = nullptr;
    QLabel *m_busyText = nullptr;
    QLabel *m_busyQuestion = nullptr;
    QPushButton *m_keepWaiting = nullptr;
    QPushButton *m_busyWriteMessage = nullptr;
    QLabel *m_position = nullptr;
    QLabel *m_wait = nullptr;
    QLabel *m_keepOpen = nullptr;
    QLabel *m_messageHint = nullptr;
    QPushButton *m_writeMessage = nullptr;
    QPushButton *m_leave = nullptr;
};

} // namespace consult::customer
