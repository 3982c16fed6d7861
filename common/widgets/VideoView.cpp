#include "widgets/VideoView.h"

#include <QPainter>

#include <algorithm>

namespace consult {

VideoView::VideoView(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Videobild"));
    setMinimumSize(160, 90);
}

void VideoView::setMirrored(bool mirrored)
{
    m_mirrored = mirrored;
    m_stale = m_frame.isValid(); // converted again, the other way round
    update();
}

void VideoView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    if (!hasPicture()) {
        setAccessibleDescription(text);
        update();
    }
}

QImage VideoView::toImage(const media::I420Frame &frame)
{
    if (!frame.isValid())
        return {};
    QImage image(frame.width, frame.height, QImage::Format_RGB32);
    const int chromaWidth = (frame.width + 1) / 2;
    const auto *y = reinterpret_cast<const uchar *>(frame.y.constData());
    const auto *u = reinterpret_cast<const uchar *>(frame.u.constData());
    const auto *v = reinterpret_cast<const uchar *>(frame.v.constData());
    const auto clamp = [](int value) { return std::clamp(value >> 8, 0, 255); };
    for (int row = 0; row < frame.height; ++row) {
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(row));
        const uchar *yRow = y + row * frame.width;
        const uchar *uRow = u + (row / 2) * chromaWidth;
        const uchar *vRow = v + (row / 2) * chromaWidth;
        for (int column = 0; column < frame.width; ++column) {
            // BT.601, video range, in 8.8 fixed point.
            const int c = 298 * (yRow[column] - 16) + 128;
            const int d = uRow[column / 2] - 128;
            const int e = vRow[column / 2] - 128;
            out[column] = qRgb(clamp(c + 409 * e), clamp(c - 100 * d - 208 * e), clamp(c + 516 * d));
        }
    }
    return image;
}

void VideoView::setFrame(const media::I420Frame &frame)
{
    const bool had = hasPicture();
    m_frame = frame;
    m_stale = true;
    if (had != hasPicture())
        setAccessibleDescription(hasPicture() ? QString() : m_placeholder);
    update();
}

const QImage &VideoView::picture() const
{
    if (m_stale) {
        m_stale = false;
        m_picture = toImage(m_frame);
        if (m_mirrored && !m_picture.isNull())
            m_picture = m_picture.mirrored(true, false);
    }
    return m_picture;
}

void VideoView::clear()
{
    m_frame = {};
    m_stale = false;
    m_picture = QImage();
    setAccessibleDescription(m_placeholder);
    update();
}

void VideoView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const QImage &shown = picture();
    if (shown.isNull()) {
        painter.setPen(Qt::white);
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    QSize size = shown.size();
    size.scale(this->size(), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, shown);
}

} // namespace consult
