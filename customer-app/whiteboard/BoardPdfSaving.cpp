#include "BoardPdfSaving.h"

#include "whiteboard/BoardModel.h"
#include "whiteboard/BoardPdfExport.h"

#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace consult::customer {

QString BoardPdfSaved::statusText() const
{
    return ok() ? BoardPdfSaving::tr("Gespeichert: %1").arg(QDir::toNativeSeparators(path)) : error;
}

std::optional<BoardPdfSaved> BoardPdfSaving::askAndSave(QWidget *parent, const board::BoardModel &model,
                                                        const QDateTime &consultationStart)
{
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QDateTime stamp = consultationStart.isValid() ? consultationStart : QDateTime::currentDateTime();
    const QString suggested = QDir(directory).filePath(
        tr("Beratungsunterlagen-%1.pdf").arg(stamp.toString(QStringLiteral("yyyy-MM-dd-HHmm"))));
    const QString path = QFileDialog::getSaveFileName(parent, tr("Unterlagen als PDF speichern"), suggested,
                                                      tr("PDF-Dokumente (*.pdf)"));
    if (path.isEmpty())
        return std::nullopt;
    return save(model, path);
}

BoardPdfSaved BoardPdfSaving::save(const board::BoardModel &model, QString path)
{
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    const QString problem = board::exportBoardPdf(model, path, documentTitle());
    if (!problem.isEmpty())
        return BoardPdfSaved{QString(), tr("Die Unterlagen konnten nicht gespeichert werden: %1").arg(problem)};
    return BoardPdfSaved{path, QString()};
}

QString BoardPdfSaving::documentTitle()
{
    return tr("Unterlagen aus Ihrer Beratung");
}

} // namespace consult::customer
