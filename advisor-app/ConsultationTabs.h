#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;
class QStackedLayout;
class QTabWidget;

namespace consult {
class AdvisorClient;
}

namespace consult::advisor {

class CannedResponses;
class ConsultationPanel;

// The advisor's parallel consultations, in tabs or side by side, with unread markers on the ones
// the advisor is not looking at. A panel appears when the client starts a consultation (taken or
// transferred in) and goes when the advisor closes it after its end.
class ConsultationTabs final : public QWidget
{
    Q_OBJECT
public:
    ConsultationTabs(AdvisorClient &client, const CannedResponses &canned, QWidget *parent = nullptr);

    void setSideBySide(bool sideBySide);
    bool sideBySide() const { return m_sideBySide; }

    QList<ConsultationPanel *> panels() const { return m_panels; }
    ConsultationPanel *panel(const QString &consultationId) const;
    ConsultationPanel *current() const { return m_current; }
    void setCurrent(ConsultationPanel *panel);
    void next();
    void previous();
    int runningCount() const;
    QTabWidget *tabWidget() const { return m_tabs; }

Q_SIGNALS:
    void currentChanged(consult::advisor::ConsultationPanel *panel);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void add(const QString &consultationId);
    void remove(const QString &consultationId);
    void updateTab(ConsultationPanel *panel);
    void arrange();
    void step(int direction);
    void onFocusChanged(QWidget *now);

    AdvisorClient &m_client;
    const CannedResponses &m_canned;
    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
    QList<ConsultationPanel *> m_panels; // in the order they arrived
    QPointer<ConsultationPanel> m_current;
    bool m_sideBySide = false;
};

} // namespace consult::advisor
