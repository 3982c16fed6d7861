#pragma once

#include "media/MediaFrames.h"

#include <QImage>
#include <QString>
#include <QWidget>

namespace consult {

// Shows a video picture (the peer's, or the own camera's small self-view): the latest I420 frame,
// scaled to fit with its aspect ratio kept, black bars around it. setFrame() only keeps the frame
// (its planes are shared, not copied); the conversion to RGB happens when the picture is painted or
// asked for, once per new frame. So a view that is not shown (a video consultation's tab behind a
// chat, a minimised window) costs nothing per frame, and frames that arrive faster than the screen
// paints are skipped, not converted. Without a picture it shows a placeholder text ("Kamera
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
    const QImage &picture() const;
    bool hasPicture() const { return m_frame.isValid(); }
    // The picture's size without converting it; empty while there is none.
    QSize pictureSize() const { return hasPicture() ? QSize(m_frame.width, m_frame.height) : QSize(); }

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
    media::I420Frame m_frame;     // the latest, as it came
    mutable QImage m_picture;     // m_frame converted (and mirrored), once it is needed
    mutable bool m_stale = false; // m_picture is older than m_frame
    QString m_placeholder;
    bool m_mirrored = false;
};

} // namespace consult
