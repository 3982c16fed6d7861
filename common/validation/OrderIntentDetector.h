#pragma once

#include <QString>

namespace consult::validation {

// C3: the legally binding instructions the service chat does not take (seed 000: "keine
// rechtsgeschäftlichen Aufträge ..., z.B. Überweisungen, Wertpapierorder oder Kartensperren"). Each
// kind has its official channel, which the client names in its hint: card blocking the Sperr-Notruf
// 116 116, transfers and securities orders the Online-Banking or a branch.
enum class OrderIntent
{
    None,
    Transfer,        // Überweisung, Dauerauftrag, Umbuchung, returning a direct debit
    SecuritiesOrder, // an order, or buying or selling shares, funds, ETFs, bonds
    CardBlocking     // blocking a card, or a card lost or stolen
};

// Which binding order a chat message is about, if any. Questions count as well ("Wie lange dauert
// eine Überweisung ins Ausland?"): the hint only informs, and the message is still sent once the
// customer confirms. A message touching several kinds gets the most urgent one: CardBlocking, then
// SecuritiesOrder, then Transfer. Words are matched whole or as parts of compounds, in any case, with
// umlauts or their spelled-out forms ("überweisen", "ueberweisen", "Uberweisung"). Linear in the
// length of the text. Thread-safe.
OrderIntent detectOrderIntent(const QString &text);

inline bool looksLikeBindingOrder(const QString &text)
{
    return detectOrderIntent(text) != OrderIntent::None;
}

} // namespace consult::validation
