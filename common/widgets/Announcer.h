#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace consult {

// Tells assistive technology about a change the user did not cause (lesson 14), in both apps: a new
// queue position, a new message, a lost connection, a refused request. Qt 6.4 has no announcement event (that arrived
// in 6.8), so the text becomes the widget's accessible description (DescriptionChanged) and the widget raises
// QAccessible::Alert, which platform bridges pass on as an alert or live-region change. The signal is the seam for
// tests: offscreen there is no accessibility bridge, and Qt drops every accessibility event when none is active.
class Announcer final : public QObject
{
    Q_OBJECT
public:
    static Announcer &instance();
    void announce(QWidget *where, const QString &text);

Q_SIGNALS:
    void announced(QWidget *where, const QString &text);
};

inline void announce(QWidget *where, const QString &text)
{
    Announcer::instance().announce(where, text);
}

} // namespace consult
