#include "SaveLocation.h"

#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace consult::customer {

QString SaveLocation::askWithDialog(QWidget *parent, const QString &title, const QString &suggestedName,
                                    const QString &filter)
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileDialog::getSaveFileName(parent, title, QDir(directory).filePath(suggestedName), filter);
}

} // namespace consult::customer
