#pragma once

#include "widgets/FileChooser.h"

#include <QStringList>

#include <memory>

namespace consult {

// Answers every file question `chooser` asks with `paths` (empty: the user cancelled), as the user
// would in the dialog; a modal file dialog is not driven headless (FileChooser). Returns the last
// question asked, to check what was offered (its kind, the suggested name).
inline std::shared_ptr<FileQuestion> answerFilesWith(FileChooser &chooser, QStringList paths)
{
    auto asked = std::make_shared<FileQuestion>();
    chooser.setAnswer([asked, paths = std::move(paths)](QWidget *, const FileQuestion &question, const QString &) {
        *asked = question;
        return paths;
    });
    return asked;
}

} // namespace consult
