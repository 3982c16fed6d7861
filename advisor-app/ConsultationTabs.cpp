#include "ConsultationTabs.h"

#include "ConsultationPanel.h"
#include "Pictograms.h"
#include "client/AdvisorClient.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QSplitter>
#include <QStackedLayout>
#include <QTabBar>
#include <QTabWidget>

namespace consult::advisor {

namespace {

// A round badge with the number of unread lines, for the tab.
QIcon unreadIcon(int unread)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(0xc0, 0x39, 0x2b));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRectF(1, 1, 30, 30));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(unread > 9 ? 15 : 19);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, 32, 32), Qt::AlignCenter,
                     unread > 99 ? QStringLiteral("99") : QString::number(unread));
    return QIcon(pixmap);
}

} // namespace

ConsultationTabs::ConsultationTabs(AdvisorClient &client, const CannedResponses &canned, media::MediaDevices &devices,
                                   QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_canned(canned)
    , m_devices(devices)
{
    setObjectName(QStringLiteral("consultations"));
    m_placeholder = new QLabel(this);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("consultationTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);
    m_tabs->setIconSize(QSize(16, 16));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("consultationsSideBySide"));
    m_splitter->setChildrenCollapsible(false);
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_splitter);

    connect(&client, &AdvisorClient::consultationStarted, this, &ConsultationTabs::add);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (!m_sideBySide && index >= 0)
            setCurrent(qobject_cast<ConsultationPanel *>(m_tabs->widget(index)));
    });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { onFocusChanged(now); });
    for (const QString &id : client.consultationIds())
        add(id);
    retranslate();
    arrange();
}

void ConsultationTabs::retranslate()
{
    m_placeholder->setText(tr("Keine laufende Beratung.\nMit Strg+N nehmen Sie den Kunden an, der am längsten "
                              "wartet."));
    m_tabs->setAccessibleName(tr("Beratungen"));
    for (ConsultationPanel *panel : std::as_const(m_panels))
        updateTab(panel);
}

void ConsultationTabs::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

ConsultationPanel *ConsultationTabs::panel(const QString &consultationId) const
{
    for (ConsultationPanel *panel : m_panels) {
        if (panel->consultationId() == consultationId)
            return panel;
    }
    return nullptr;
}

int ConsultationTabs::runningCount() const
{
    return static_cast<int>(
        std::count_if(m_panels.begin(), m_panels.end(), [](const ConsultationPanel *p) { return !p->isEnded(); }));
}

void ConsultationTabs::add(const QString &consultationId)
{
    // A consultation handed back to us arrives again under its id: the old panel goes first.
    if (ConsultationPanel *old = panel(consultationId)) {
        m_panels.removeOne(old);
        delete old;
    }
    auto *added = new ConsultationPanel(m_client, consultationId, m_canned, m_devices, m_deviceChoice, this);
    m_panels.append(added);
    connect(added, &ConsultationPanel::deviceChoiceChanged, this, [this](const media::DeviceChoice &choice) {
        m_deviceChoice = choice;
        Q_EMIT deviceChoiceChanged(choice);
    });
    connect(added, &ConsultationPanel::unreadChanged, this, [this, added] { updateTab(added); });
    connect(added, &ConsultationPanel::stateChanged, this, [this, added] { updateTab(added); });
    connect(added, &ConsultationPanel::closeRequested, this, &ConsultationTabs::remove);
    arrange();
    updateTab(added);
    // A new consultation comes to the front only when the advisor is not in the middle of another.
    if (!m_current || m_current->isEnded())
        setCurrent(added);
}

void ConsultationTabs::remove(const QString &consultationId)
{
    ConsultationPanel *closing = panel(consultationId);
    if (!closing)
        return;
    const qsizetype at = m_panels.indexOf(closing);
    m_panels.removeOne(closing);
    closing->deleteLater();
    closing->hide();
    closing->setParent(nullptr);
    m_client.dismiss(consultationId);
    arrange();
    if (!m_panels.isEmpty())
        setCurrent(m_panels.at(qMin(at, m_panels.size() - 1)));
    else
        setCurrent(nullptr);
}

void ConsultationTabs::setSideBySide(bool sideBySide)
{
    if (m_sideBySide == sideBySide)
        return;
    m_sideBySide = sideBySide;
    arrange();
}

void ConsultationTabs::arrange()
{
    // Panels move between the tab widget and the splitter; each keeps its state.
    const QPointer<ConsultationPanel> keep = m_current;
    const QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    for (ConsultationPanel *panel : std::as_const(m_panels)) {
        if (m_sideBySide) {
            m_splitter->addWidget(panel);
            panel->show(); // the tab widget shows only its current page; the splitter shows all
        } else {
            m_tabs->addTab(panel, QString());
            updateTab(panel);
        }
    }
    if (m_panels.isEmpty())
        m_stack->setCurrentWidget(m_placeholder);
    else
        m_stack->setCurrentWidget(m_sideBySide ? static_cast<QWidget *>(m_splitter) : m_tabs);
    if (keep && !m_sideBySide)
        m_tabs->setCurrentWidget(keep);
}

void ConsultationTabs::updateTab(ConsultationPanel *panel)
{
    const int index = m_tabs->indexOf(panel);
    if (index < 0)
        return;
    QString title = panel->customerName();
    if (panel->isTransferred())
        title = tr("%1 (übergeben)").arg(title);
    else if (panel->isEnded())
        title = tr("%1 (beendet)").arg(title);
    m_tabs->setTabText(index, title);
    // Unread lines first; otherwise a video consultation carries the camera, so it is found at a glance.
    const QIcon video = panel->videoPanel()
                            ? pictograms::icon(pictograms::Kind::Camera, palette().color(QPalette::Text),
                                               palette().color(QPalette::Text))
                            : QIcon();
    m_tabs->setTabIcon(index, panel->unread() > 0 ? unreadIcon(panel->unread()) : video);
    const QString spoken =
        panel->unread() > 0 ? tr("%1, %2 ungelesene Nachrichten").arg(title).arg(panel->unread()) : title;
    m_tabs->setTabToolTip(index, spoken);
#if QT_CONFIG(accessibility)
    m_tabs->tabBar()->setAccessibleTabName(index, spoken);
#endif
}

void ConsultationTabs::setCurrent(ConsultationPanel *panel)
{
    if (m_current == panel && (!panel || panel->isActive()))
        return;
    for (ConsultationPanel *each : std::as_const(m_panels))
        each->setActive(each == panel);
    m_current = panel;
    if (panel && !m_sideBySide && m_tabs->currentWidget() != panel)
        m_tabs->setCurrentWidget(panel);
    Q_EMIT currentChanged(panel);
}

void ConsultationTabs::next()
{
    step(+1);
}

void ConsultationTabs::previous()
{
    step(-1);
}

void ConsultationTabs::step(int direction)
{
    if (m_panels.isEmpty())
        return;
    // The order on screen: the tab bar's (tabs can be moved), or the splitter's.
    QList<ConsultationPanel *> order;
    if (m_sideBySide) {
        for (int i = 0; i < m_splitter->count(); ++i)
            order.append(qobject_cast<ConsultationPanel *>(m_splitter->widget(i)));
    } else {
        for (int i = 0; i < m_tabs->count(); ++i)
            order.append(qobject_cast<ConsultationPanel *>(m_tabs->widget(i)));
    }
    const qsizetype at = m_current ? order.indexOf(m_current.data()) : -1;
    const qsizetype count = order.size();
    ConsultationPanel *target = order.at(((at < 0 ? 0 : at + direction) % count + count) % count);
    setCurrent(target);
    target->focusInput();
}

void ConsultationTabs::onFocusChanged(QWidget *now)
{
    // Side by side, the consultation the advisor works in is the one that has the focus.
    if (!m_sideBySide || !now)
        return;
    for (ConsultationPanel *panel : std::as_const(m_panels)) {
        if (panel->isAncestorOf(now)) {
            setCurrent(panel);
            return;
        }
    }
}

} // namespace consult::advisor
