#include "BoardPdfExport.h"

#include "BoardPainter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

namespace consult::board {

namespace {

constexpr int kResolution = 300;        // dots per inch of the PDF's device space
constexpr qreal kLongSidePoints = 842.; // every page as long as A4 is high, in its own proportions

QPageSize pageSizeFor(QSize pixels)
{
    const qreal scale = kLongSidePoints / std::max(1, std::max(pixels.width(), pixels.height()));
    return QPageSize(QSizeF(pixels.width() * scale, pixels.height() * scale), QPageSize::Point, QString(),
                     QPageSize::ExactMatch);
}

QString notWritten(const QString &filePath, const QString &reason)
{
    return QCoreApplication::translate("consult::board::BoardPdfExport",
                                       "Die Datei „%1“ konnte nicht gespeichert werden: %2")
        .arg(QFileInfo(filePath).fileName(), reason);
}

} // namespace

QString exportBoardPdf(const BoardModel &model, const QString &filePath, const QString &title)
{
    const QList<PageKey> pages = model.markedUpPages();
    if (pages.isEmpty())
        return QCoreApplication::translate("consult::board::BoardPdfExport",
                                           "Es gibt noch keine Seiten, die sich speichern lassen.");

    // Written next to the chosen file and renamed into place at the end: a failed export never
    // leaves half a PDF under the user's name.
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return notWritten(filePath, file.errorString());
    QPdfWriter writer(&file);
    writer.setTitle(title);
    writer.setCreator(QCoreApplication::applicationName());
    writer.setResolution(kResolution);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageSize(pageSizeFor(model.pageSize(pages.first())));

    QPainter painter;
    if (!painter.begin(&writer))
        return notWritten(filePath, QCoreApplication::translate("consult::board::BoardPdfExport",
                                                                "Das PDF ließ sich nicht anlegen."));
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const PageKey page = pages[i];
        const QPageSize size = pageSizeFor(model.pageSize(page));
        if (i > 0) {
            writer.setPageSize(size);
            writer.newPage();
        }
        const QSizeF device = size.sizePoints() * (qreal(kResolution) / 72.0);
        const QRectF target(QPointF(0, 0), device);
        const QImage image = model.pageImage(page);
        if (image.isNull())
            painter.fillRect(target, Qt::white); // its image has not arrived yet: the marks still count
        else
            painter.drawImage(target, image);
        paintAnnotations(painter, target, model.annotations(page));
    }
    if (!painter.end())
        return notWritten(filePath, QCoreApplication::translate("consult::board::BoardPdfExport",
                                                                "Das PDF ließ sich nicht fertigstellen."));
    if (!file.commit())
        return notWritten(filePath, file.errorString());
    return {};
}

} // namespace consult::board
