#pragma once

#include "validation/OrderIntentDetector.h"
#include "validation/SensitiveDataDetector.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QWidget;

namespace consult::customer {

// The checks before a chat line or a message leaves the app: data that must never be sent (C2)
// and orders the chat does not take (C3).
struct SendCheck
{
    QList<validation::SensitiveFinding> findings;
    validation::OrderIntent order = validation::OrderIntent::None;
};

// Runs the detectors and shows the warnings as modal dialogs. C2: "Bearbeiten" is the default (and
// the Escape) action, so a hurried Enter never sends a PIN. C3: the hint names the official channel
// for the kind of order (card blocking: Sperr-Notruf 116 116; transfers and securities orders:
// Online-Banking or the branch); the text goes out only when the customer confirms.
class SendGuard final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::SendGuard)
public:
    enum class Decision
    {
        Send,
        Edit,
    };

    static SendCheck check(const QString &text);
    // Shows what `check` found; Send when nothing was found or the customer confirmed every dialog.
    static Decision confirm(const SendCheck &check, QWidget *parent);

    static QString sensitiveText(const QList<validation::SensitiveFinding> &findings);
    static QString orderText(validation::OrderIntent order);
};

} // namespace consult::customer
