#pragma once

#include "validation/OrderIntentDetector.h"
#include "validation/SensitiveDataDetector.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace consult {

// What the send guard found in a text before it leaves the app: data that must never be sent (C2)
// and orders the chat does not take (C3).
struct SendCheck
{
    QList<validation::SensitiveFinding> findings;
    validation::OrderIntent order = validation::OrderIntent::None;

    bool isClean() const { return findings.isEmpty() && order == validation::OrderIntent::None; }
};

// The checks before a chat line or a left message leaves the customer's app, and the texts that
// explain them. Lives in the client library so that every view that sends gets it: the chat part
// (ConsultationChat::submit) runs it and asks the app's Confirmation; the app only draws the
// question (common/widgets/SendGuardDialog). C2: "Bearbeiten" is the default answer. C3: the hint
// names the official channel for the kind of order (card blocking: Sperr-Notruf 116 116; transfers
// and securities orders: Online-Banking or the branch).
class SendGuard final
{
    Q_DECLARE_TR_FUNCTIONS(consult::SendGuard)
public:
    enum class Decision
    {
        Send,
        Edit,
    };
    // Asks the user about what `check` found (never called for a clean text). Send only if the user
    // confirmed every warning.
    using Confirmation = std::function<Decision(const SendCheck &check)>;

    static SendCheck check(const QString &text);

    // The warning's headline and details (C2) and the order hint's (C3), in the app's language.
    static QString sensitiveTitle();
    static QString sensitiveHeadline();
    static QString sensitiveText(const QList<validation::SensitiveFinding> &findings);
    static QString orderTitle();
    static QString orderHeadline();
    static QString orderText(validation::OrderIntent order);
};

} // namespace consult
