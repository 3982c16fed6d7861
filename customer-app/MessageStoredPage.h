#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;

namespace consult {
class CustomerClient;
}

namespace consult::customer {

// The confirmation once the server has stored a message (lesson 2): when it arrived, the number we
// call back, and how long it is kept at most.
class MessageStoredPage final : public QWidget
{
    Q_OBJECT
public:
    explicit MessageStoredPage(QWidget *parent = nullptr);

    void setClient(CustomerClient *client);
    void setCallbackPhone(const QString &display);

    QLabel *detailsLabel() const { return m_details; }
    QPushButton *homeButton() const { return m_home; }

Q_SIGNALS:
    void homeRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QDateTime m_storedAt;
    int m_retentionDays = 0;
    QString m_phone;
    QLabel *m_heading = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_home = nullptr;
    QPushButton *m_quit = nullptr;
};

} // namespace consult::customer
