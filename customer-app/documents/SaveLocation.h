#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace consult::customer {

// Where a file the customer asked for is written: the one question before a document or a form
// becomes a file on this computer (P1, C4: nothing is written without it). The default asks with
// QFileDialog in the documents folder, the suggested name already there; a test injects its answer
// instead (the seam: a file dialog cannot be driven headless). Owned by the panel that saves.
class SaveLocation final
{
public:
    // parent, dialog title, suggested file name, filter -> chosen path ("" = cancelled).
    using Chooser = std::function<QString(QWidget *, const QString &, const QString &, const QString &)>;

    // Asks the customer (QFileDialog::getSaveFileName in the documents folder).
    static QString askWithDialog(QWidget *parent, const QString &title, const QString &suggestedName,
                                 const QString &filter);

    void setChooser(Chooser chooser) { m_chooser = std::move(chooser); }
    QString choose(QWidget *parent, const QString &title, const QString &suggestedName, const QString &filter) const
    {
        return m_chooser(parent, title, suggestedName, filter);
    }

private:
    Chooser m_chooser = &SaveLocation::askWithDialog;
};

} // namespace consult::customer
