#pragma once

#include "client/chat/SendGuard.h"

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

namespace consult {

// The questions of the send guard (common/client/chat/SendGuard) as modal dialogs, for both apps:
// first the warning about data never to send (C2), then the hint that the chat takes no orders
// (C3). "Bearbeiten" is the default and the Escape action, so a hurried Enter never sends a PIN.
class SendGuardDialog final
{
    Q_DECLARE_TR_FUNCTIONS(consult::SendGuardDialog)
public:
    // Send only if the user confirmed every question about what `check` found.
    static SendGuard::Decision ask(const SendCheck &check, QWidget *parent);
    // The confirmation a client's chat asks (CustomerClient::setSendConfirmation), its dialogs over
    // `parent` (which may go away before the client does).
    static SendGuard::Confirmation confirmationOver(QWidget *parent);
};

} // namespace consult
