#pragma once

#include "whiteboard/BoardModel.h"
#include "whiteboard/PageImage.h"

#include <QImage>
#include <QObject>
#include <QThreadPool>

namespace consult {

// Decodes arriving page images off the GUI thread, one at a time, in the order they came. A page
// decodes only as the format it was announced as, only with its announced pixel size (read from the
// header before any pixel is decoded) and within an allocation limit fitted to that size, so a
// crafted image cannot make this side allocate more than the page it claims to be. Results come back
// in the decoder's thread (the client's) as decoded() or failed(), in the order they came, so a page's
// preview is decoded before its page image; drop() forgets everything still
// running (the consultation ended, P1): its results never arrive. Owned by the consultation's
// whiteboard part; its destructor waits for the one decode that may be running.
class PageDecoder final : public QObject
{
    Q_OBJECT
public:
    explicit PageDecoder(QObject *parent = nullptr);
    ~PageDecoder() override;

    void decode(board::PageKey key, const board::PageImage &page);
    void drop();
    // Decodes now, in the caller's thread: a null image if the bytes are not the page they claim.
    static QImage decodeNow(const board::PageImage &page);

Q_SIGNALS:
    // `preview`: the image is the page's preview (board::previewSize), not its page image.
    void decoded(consult::board::PageKey key, const QImage &image, bool preview);
    void failed(consult::board::PageKey key);

private:
    QThreadPool m_pool;
    quint64 m_generation = 0;
};

} // namespace consult
