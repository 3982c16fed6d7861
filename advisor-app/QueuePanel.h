#pragma once

#include <QSortFilterProxyModel>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace consult {
class AdvisorClient;
class Clock;
} // namespace consult

namespace consult::advisor {

// The waiting queue as the advisor sees it: longest waiting first, the time waited counting up
// every second, an empty system-check column shown as a dash. Display only; the rows and their
// order come from the client's AdvisorQueueModel.
class LiveQueueModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    LiveQueueModel(const Clock &clock, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const Clock &m_clock;
    QTimer m_tick;
};

// The queue panel: the live table, "take next" and "take selected". Enter or a double click on a
// row takes that customer.
class QueuePanel final : public QWidget
{
    Q_OBJECT
public:
    QueuePanel(AdvisorClient &client, const Clock &clock, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    LiveQueueModel *model() const { return m_model; }
    QPushButton *takeNextButton() const { return m_takeNext; }
    QPushButton *takeSelectedButton() const { return m_takeSelected; }

    void takeNext();
    void takeSelected();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateState();

    AdvisorClient &m_client;
    LiveQueueModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    QPushButton *m_takeNext;
    QPushButton *m_takeSelected;
};

} // namespace consult::advisor
