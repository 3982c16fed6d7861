#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace consult {
class AdvisorClient;
}

namespace consult::advisor {

// Messages customers left for the advisors: who, which number to call back, when, and the text in
// full (plain text, I3). "Done" asks once and then removes the message on the server, for every
// advisor at once. The count is shown on the panel's tab by the main window.
class InboxPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit InboxPanel(AdvisorClient &client, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QPlainTextEdit *detail() const { return m_detail; }
    QPushButton *doneButton() const { return m_done; }
    int count() const;

    // Asks for confirmation, then marks the selected message done.
    void markSelectedDone();

Q_SIGNALS:
    void countChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSelected();

    AdvisorClient &m_client;
    QTableView *m_view;
    QLabel *m_empty;
    QLabel *m_detailLabel;
    QPlainTextEdit *m_detail;
    QPushButton *m_done;
};

} // namespace consult::advisor
