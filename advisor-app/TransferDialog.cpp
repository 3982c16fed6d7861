#include "TransferDialog.h"

#include "client/AdvisorClient.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::advisor {

TransferDialog::TransferDialog(AdvisorClient &client, const QString &customerName, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Beratung übergeben"));
    m_intro = new QLabel(tr("An wen soll die Beratung mit %1 übergeben werden? Der bisherige Chatverlauf wird "
                            "mit übergeben; der Kunde wird informiert.")
                             .arg(customerName),
                         this);
    m_intro->setTextFormat(Qt::PlainText);
    m_intro->setWordWrap(true);
    m_none = new QLabel(tr("Zurzeit ist niemand aus dem Team frei."), this);
    m_none->setTextFormat(Qt::PlainText);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("colleagues"));
    m_list->setAccessibleName(tr("Freie Kolleginnen und Kollegen"));
    m_intro->setBuddy(m_list);
    m_buttons = new QDialogButtonBox(this);
    m_transfer = m_buttons->addButton(tr("Ü&bergeben"), QDialogButtonBox::AcceptRole);
    m_transfer->setObjectName(QStringLiteral("transferButton"));
    m_buttons->addButton(tr("Abbrechen"), QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_none);
    layout->addWidget(m_buttons);
    setMinimumSize(420, 300);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const QListWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        m_username = item->data(Qt::UserRole).toString();
        m_displayName = item->text();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, m_transfer, &QPushButton::click);
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this] { m_transfer->setEnabled(m_list->currentItem() != nullptr); });
    connect(&client, &AdvisorClient::statusChanged, this, &TransferDialog::fill);
    fill();
}

void TransferDialog::fill()
{
    const QString selected = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list->clear();
    for (const wire::Colleague &colleague : m_client.colleagues()) {
        auto *item = new QListWidgetItem(QString::fromStdString(colleague.display_name()), m_list);
        item->setData(Qt::UserRole, QString::fromStdString(colleague.username()));
        if (item->data(Qt::UserRole).toString() == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_none->setVisible(m_list->count() == 0);
    m_transfer->setEnabled(m_list->currentItem() != nullptr);
}

} // namespace consult::advisor
