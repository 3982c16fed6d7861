#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace consult {
class AdvisorClient;
}

namespace consult::advisor {

// Choose the colleague who takes over a consultation. Lists the colleagues the server says could
// receive it right now (available, a free place) and follows that list live while open.
class TransferDialog final : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(AdvisorClient &client, const QString &customerName, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *transferButton() const { return m_transfer; }
    // The chosen colleague: user name and display name.
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }

private:
    void fill();

    AdvisorClient &m_client;
    QLabel *m_intro;
    QLabel *m_none;
    QListWidget *m_list;
    QDialogButtonBox *m_buttons;
    QPushButton *m_transfer;
    QString m_username;
    QString m_displayName;
};

} // namespace consult::advisor
