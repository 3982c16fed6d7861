#include "Announcer.h"

#include <QAccessible>
#include <QWidget>

namespace consult {

Announcer &Announcer::instance()
{
    static Announcer announcer;
    return announcer;
}

void Announcer::announce(QWidget *where, const QString &text)
{
    if (!where || text.isEmpty())
        return;
    where->setAccessibleDescription(text); // sends DescriptionChanged itself
    QAccessibleEvent alert(where, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    Q_EMIT announced(where, text);
}

} // namespace consult
