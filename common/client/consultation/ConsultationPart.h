#pragma once

#include "protocol/consult.pb.h"

namespace consult {

// One part of a consultation on the client: chat, media, and later the whiteboard and
// the documents. A part is owned by its Consultation, receives only the messages addressed to that
// consultation (the client's dispatch routes them there), keeps its own state and ends with it.
class ConsultationPart
{
public:
    virtual ~ConsultationPart() = default;

    // A message addressed to this part's consultation; returns whether it was this part's to handle.
    virtual bool dispatch(const wire::Envelope &envelope) = 0;
    // The consultation ended (the end is already recorded): stop what runs, send nothing more.
    virtual void consultationEnded() {}
};

} // namespace consult
