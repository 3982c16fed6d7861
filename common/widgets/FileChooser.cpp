#include "FileChooser.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

namespace consult {

std::unique_ptr<QFileDialog> FileChooser::dialogFor(QWidget *parent, const FileQuestion &question,
                                                    const QString &directory)
{
    auto dialog = std::make_unique<QFileDialog>(parent, question.title);
    dialog->setObjectName(question.objectName);
    switch (question.kind) {
    case FileQuestion::Kind::OpenOne:
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        break;
    case FileQuestion::Kind::OpenMany:
        dialog->setFileMode(QFileDialog::ExistingFiles);
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        break;
    case FileQuestion::Kind::Save:
        dialog->setFileMode(QFileDialog::AnyFile);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        break;
    }
    if (!question.filters.isEmpty())
        dialog->setNameFilters(question.filters);
    if (!question.defaultSuffix.isEmpty())
        dialog->setDefaultSuffix(question.defaultSuffix);
    dialog->setDirectory(directory);
    if (!question.suggestedName.isEmpty())
        dialog->selectFile(question.suggestedName);
    return dialog;
}

QStringList FileChooser::askWithDialog(QWidget *parent, const FileQuestion &question, const QString &directory)
{
    const std::unique_ptr<QFileDialog> dialog = dialogFor(parent, question, directory);
    if (dialog->exec() != QDialog::Accepted)
        return {};
    return dialog->selectedFiles();
}

QStringList FileChooser::ask(QWidget *parent, const FileQuestion &question)
{
    QStringList paths = m_answer(parent, question, startDirectory());
    paths.removeAll(QString()); // a dialog answers "" for nothing chosen; callers check isEmpty() only
    if (!paths.isEmpty())
        m_lastDirectory = QFileInfo(paths.constFirst()).absolutePath();
    return paths;
}

QString FileChooser::startDirectory() const
{
    return m_lastDirectory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                     : m_lastDirectory;
}

} // namespace consult
