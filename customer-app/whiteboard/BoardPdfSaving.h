#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

class QWidget;

namespace consult::board {
class BoardModel;
} // namespace consult::board

namespace consult {
class FileChooser;
}

namespace consult::customer {

// What became of "Als PDF speichern": the file written, or why not, in words the customer reads.
struct BoardPdfSaved
{
    QString path;  // empty when it failed
    QString error; // empty when it was written

    bool ok() const { return error.isEmpty(); }
    // "Gespeichert: <path>" or the error, for the status line under the button.
    QString statusText() const;
};

// "Als PDF speichern" for the whiteboard's marked-up pages, during the consultation and on the end
// screen alike: asks where (the caller's FileChooser, a dated name offered) and writes the
// board with board11's exportBoardPdf. The one place the board becomes a file, and only one the
// customer named (P1, C4). Stateless; the caller keeps the result for its status line.
class BoardPdfSaving final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::BoardPdfSaving)
public:
    // nullopt: the customer cancelled the dialog, nothing was written.
    static std::optional<BoardPdfSaved> askAndSave(QWidget *parent, FileChooser &chooser,
                                                   const board::BoardModel &model, const QDateTime &consultationStart);
    // Writes without asking (the dialog's answer): for the two callers above and tests.
    static BoardPdfSaved save(const board::BoardModel &model, QString path);
    // The PDF's title, in the current language.
    static QString documentTitle();
};

} // namespace consult::customer
