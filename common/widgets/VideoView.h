#pragma once

#include "media/MediaFrames.h"

#include <QImage>
#include <QString>
#include <QWidget>

namespace consult {

// Shows a video picture (the peer's, or the own camera's small self-view): the latest I420 frame,
// scaled to fit with its aspect ratio kept, black bars around it. Each new frame is converted to RGB
// once, in setFrame(), not at every paint. Without a picture it shows a placeholder text ("Kamera
// ist aus"); its accessible name says whose picture it is. Used by both apps' video panels and the
// customer's system check; lives in the GUI thread, owned by its parent widget.
class VideoView final : public QWidget
{
    Q_OBJECT
public:
    explicit VideoView(QWidget *parent = nullptr);

    // The self-view is shown mirrored, as people expect to see themselves.
    void setMirrored(bool mirrored);
    // Shown while there is no picture (plain text).
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // The picture as it is painted (tests sample its pixels); null while there is none.
    const QImage &picture() const { return m_picture; }
    bool hasPicture() const { return !m_picture.isNull(); }

    // BT.601 video range, as the VP8 pipeline produces it; an invalid frame gives a null image.
    static QImage toImage(const media::I420Frame &frame);

    QSize sizeHint() const override { return {320, 180}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width * 9 / 16; }

public Q_SLOTS:
    void setFrame(const consult::media::I420Frame &frame);
    // Back to the placeholder (the camera went off, the call ended).
    void clear();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_picture;
    QString m_placeholder;
    bool m_mirrored = false;
};

} // namespace consult
