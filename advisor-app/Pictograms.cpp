#include "Pictograms.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace consult::advisor::pictograms {

void draw(QPainter &painter, const QRectF &box, Kind kind, const QColor &colour)
{
    // Drawn on a 16x16 grid, scaled into the box.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(box.topLeft());
    painter.scale(box.width() / 16.0, box.height() / 16.0);
    QPen pen(colour, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (kind) {
    case Kind::Camera: {
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(1, 4.5, 9.5, 7.5), 1.5, 1.5);
        painter.drawPolygon(QPolygonF({QPointF(11, 8.25), QPointF(15, 5), QPointF(15, 11.5)}));
        break;
    }
    case Kind::Microphone: {
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(5.5, 1, 5, 9), 2.5, 2.5);
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(3, 3.5, 10, 9), 180 * 16, 180 * 16);
        painter.drawLine(QPointF(8, 12.5), QPointF(8, 15));
        painter.drawLine(QPointF(5, 15), QPointF(11, 15));
        break;
    }
    case Kind::Speaker: {
        painter.setBrush(colour);
        painter.drawPolygon(QPolygonF({QPointF(1.5, 6), QPointF(4.5, 6), QPointF(8.5, 2.5), QPointF(8.5, 13.5),
                                       QPointF(4.5, 10), QPointF(1.5, 10)}));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(7, 5, 5, 6), -60 * 16, 120 * 16);
        painter.drawArc(QRectF(6.5, 2.5, 8.5, 11), -60 * 16, 120 * 16);
        break;
    }
    case Kind::Connection: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const qreal heights[] = {4, 7, 10, 13};
        for (int i = 0; i < 4; ++i)
            painter.drawRoundedRect(QRectF(1 + i * 3.75, 15 - heights[i], 2.75, heights[i]), 0.6, 0.6);
        break;
    }
    case Kind::Chat: {
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(1, 2, 14, 9.5), 2.5, 2.5);
        QPainterPath tail;
        tail.addPolygon(QPolygonF({QPointF(4, 10), QPointF(4, 14.5), QPointF(8.5, 10)}));
        painter.drawPath(bubble.united(tail).simplified());
        painter.setPen(QPen(colour, 1.2, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(4, 5.5), QPointF(12, 5.5));
        painter.drawLine(QPointF(4, 8), QPointF(10, 8));
        break;
    }
    }
    painter.restore();
}

QIcon icon(Kind kind, const QColor &colour, const QColor &selected)
{
    QIcon result;
    for (const int size : {16, 32}) {
        for (const auto &[mode, paint] : {std::pair{QIcon::Normal, colour}, std::pair{QIcon::Selected, selected}}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            draw(painter, QRectF(0, 0, size, size), kind, paint);
            painter.end();
            result.addPixmap(pixmap, mode);
        }
    }
    return result;
}

} // namespace consult::advisor::pictograms
