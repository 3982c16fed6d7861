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
// every second, the wanted mode with a pictogram, the system check as ticks (SystemCheckDelegate)
// with its words and figures in the tooltip and for screen readers, an empty check as a dash. While
// the advisor holds a video consultation, video entries say that they have to wait for its end.
// Display only; the rows and their order come from the client's AdvisorQueueModel.
class LiveQueueModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    LiveQueueModel(const Clock &clock, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // Whether the advisor holds a video consultation now (one at a time).
    void setVideoBusy(bool busy);
    bool videoBusy() const { return m_videoBusy; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const Clock &m_clock;
    QTimer m_tick;
    bool m_videoBusy = false;
};

// The queue panel: the live table, "take next" and "take selected". Enter or a double click on a
// row takes that customer. A video customer cannot be taken while the advisor holds a video
// consultation (the server refuses it too): "take selected" is off for them and a line says why.
class QueuePanel final : public QWidget
{
    Q_OBJECT
public:
    QueuePanel(AdvisorClient &client, const Clock &clock, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    LiveQueueModel *model() const { return m_model; }
    QPushButton *takeNextButton() const { return m_takeNext; }
    QPushButton *takeSelectedButton() const { return m_takeSelected; }
    QLabel *hintLabel() const { return m_hint; }

    void takeNext();
    void takeSelected();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateState();
    bool holdsVideoConsultation() const;
    bool selectedWantsVideo() const;

    AdvisorClient &m_client;
    LiveQueueModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    QLabel *m_hint;
    bool m_videoRefused = false; // the server refused a video customer; said until the video consultation ends
    QPushButton *m_takeNext;
    QPushButton *m_takeSelected;
};

} // namespace consult::advisor
