#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QFileDialog;
class QWidget;

namespace consult {

// One question about a file on this computer: which file(s) to send or open, or where to save one.
struct FileQuestion
{
    enum class Kind
    {
        OpenOne,  // an existing file
        OpenMany, // one or more existing files
        Save,     // a new or existing file to write (P1, C4: nothing is written without this answer)
    };
    Kind kind = Kind::OpenOne;
    QString objectName;    // names the dialog (accessibility, tests of the dialog itself)
    QString title;         // the dialog's title, translated
    QStringList filters;   // name filters, e.g. "PDF-Dateien (*.pdf)"; the first is selected
    QString suggestedName; // Save: the name offered (e.g. the server's sanitised name, U6)
    QString defaultSuffix; // Save: appended when the answer has none, e.g. "pdf"
};

// How a panel asks its user for files: the answer is the chosen paths, empty when cancelled. The
// default asks with a QFileDialog that starts in the folder of the previous answer (the next file is
// likely beside it), else in the documents folder. A test injects its answer instead: a modal file
// dialog run headless reads its directory on a thread and cannot be driven reliably (it once hung a
// CI run for five minutes), so the tests prove what is asked and what is done with the answer, and
// dialogFor() is tested on its own. Owned by the panel that asks.
class FileChooser final
{
public:
    // parent, the question, the folder to start in -> the chosen paths ("" = cancelled).
    using Answer = std::function<QStringList(QWidget *, const FileQuestion &, const QString &)>;

    // The configured dialog askWithDialog() runs, not yet shown.
    static std::unique_ptr<QFileDialog> dialogFor(QWidget *parent, const FileQuestion &question,
                                                  const QString &directory);
    // Runs dialogFor() modally.
    static QStringList askWithDialog(QWidget *parent, const FileQuestion &question, const QString &directory);

    void setAnswer(Answer answer) { m_answer = std::move(answer); }
    // Asks; the chosen paths without empty entries (empty: cancelled). Remembers the folder of the
    // first for the next question.
    QStringList ask(QWidget *parent, const FileQuestion &question);
    // The folder the next question starts in.
    QString startDirectory() const;

private:
    Answer m_answer = &FileChooser::askWithDialog;
    QString m_lastDirectory;
};

} // namespace consult
