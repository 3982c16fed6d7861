#pragma once

#include "BoardModel.h"

#include <QString>

namespace consult::board {

// "Als PDF speichern": writes the board's marked-up pages (BoardModel::markedUpPages) as a PDF, each
// page the page image with the annotations drawn over it as vectors (BoardPainter), built in the
// client only and only when the user asks. Returns an empty string on success, else the reason in
// plain words (the file could not be written; nothing to export).
QString exportBoardPdf(const BoardModel &model, const QString &filePath, const QString &title);

} // namespace consult::board
