#pragma once

#include "core/Result.h"

#include <QString>

namespace consult::validation {

// I2: the chat limit. Counted in code points, so an emoji or a CJK character costs the same as "a".
inline constexpr int kMaxChatCodePoints = 4000;

// Turns untrusted free text (chat messages, notes) into the one form the rest of the system stores,
// relays and shows (I2): line breaks are "\n", the text is NFC and trimmed, and it holds no control
// character except "\n" and "\t" and no bidi embedding, override or isolate.
//
// Zero-width characters stay, because emoji sequences (family, flags with ZWJ) and Persian or Indic
// spelling (ZWNJ) need them; a text of nothing but invisible characters counts as empty. The marks
// LRM, RLM and ALM stay as well: unlike overrides and isolates they cannot reorder other text.
//
// Problem codes: "too_long", "invalid_encoding" (lone surrogate), "control_character",
// "bidi_control", "empty". Messages never quote the text (P1).
Result<QString> normaliseChatText(const QString &raw, int maxCodePoints = kMaxChatCodePoints);

} // namespace consult::validation
