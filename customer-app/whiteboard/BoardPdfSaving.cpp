#include "BoardPdfSaving.h"

#include "whiteboard/BoardModel.h"
#include "whiteboard/BoardPdfExport.h"
#include "widgets/FileChooser.h"

#include <QDir>

namespace consult::customer {

QString BoardPdfSaved::statusText() const
{
    return ok() ? BoardPdfSaving::tr("Gespeichert: %1").arg(QDir::toNativeSeparators(path)) : error;
}

std::optional<BoardPdfSaved> BoardPdfSaving::askAndSave(QWidget *parent, FileChooser &chooser,
                                                        const board::BoardModel &model,
                                                        const QDateTime &consultationStart)
{
    const QDateTime stamp = consultationStart.isValid() ? consultationStart : QDateTime::currentDateTime();
    FileQuestion question;
    question.kind = FileQuestion::Kind::Save;
    question.objectName = QStringLiteral("saveBoardPdfDialog");
    question.title = tr("Unterlagen als PDF speichern");
    question.filters = {tr("PDF-Dokumente (*.pdf)")};
    question.suggestedName = tr("Beratungsunterlagen-%1.pdf").arg(stamp.toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    question.defaultSuffix = QStringLiteral("pdf");
    const QStringList paths = chooser.ask(parent, question);
    if (paths.isEmpty())
        return std::nullopt;
    return save(model, paths.constFirst());
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
