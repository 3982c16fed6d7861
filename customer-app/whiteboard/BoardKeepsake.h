#pragma once

#include "whiteboard/BoardModel.h"

#include <memory>

namespace consult::customer {

// The whiteboard's pages for the end screen: a copy of the marked-up pages of a consultation's board
// (their images, the annotations confirmed by the server, and which pages were shown), made when the
// consultation ends, so "Als PDF speichern" still works after the consultation's own board is gone.
// The copy is owned by the end screen and lives in RAM only until the customer leaves that screen or
// closes the app (P1, C4). Pending own operations the server never confirmed are left out, as the
// transcript leaves out lines that were never sent.
class BoardKeepsake final
{
public:
    // nullptr when there is nothing to keep (no page was shown).
    static std::unique_ptr<board::BoardModel> copyMarkedUpPages(const board::BoardModel &board);
};

} // namespace consult::customer
