#pragma once

#include "whiteboard/BoardModel.h"
#include "whiteboard/PageImage.h"

#include <QObject>

#include <map>
#include <memory>
#include <string>

namespace consult {

class ClientConnection;
class SequencedUpload;

// Sends the advisor's page images to the server as BoardPageData chunks (PageLimits::kChunkBytes)
// through one credited bulk stream of the client's connection: behind audio, chat and video, and
// sequenced, so each chunk arrives exactly once and in order. Pages go whole and one after the
// other; the shown page goes first (prioritise()), then the others in document and page order. A
// shown page's preview (PageImage::preview) goes ahead of it, so a slow line shows the page in a
// fraction of the time; the preview of a page no longer shown is dropped unless it is under way.
//
// The chunks go through a SequencedUpload (the one sequenced bulk sender, shared with the documents):
// a chunk counts as sent when the connection numbered it, and after a resume the upload continues
// exactly after the last numbered chunk. This class decides the order of the pages. Owned by the
// consultation's whiteboard part; lives in the client's thread.
class PageUploader final : public QObject
{
    Q_OBJECT
public:
    PageUploader(ClientConnection &connection, std::string consultationId, quint32 streamId, QObject *parent = nullptr);
    ~PageUploader() override;

    // Queues a page: first if `first` (the shown page), else after the others, in page order. A
    // preview only if `first`, and ahead of its page image.
    void add(board::PageKey key, const board::PageImage &page, bool first);
    // Moves a queued page to the front (it is shown now). A page already started finishes first;
    // previews of other pages not yet started are dropped.
    void prioritise(board::PageKey key);
    // Stops: nothing more is queued or sent; what is queued is forgotten (the consultation ended).
    void stop();

    qint64 sentBytes() const { return m_sentBytes; }
    qint64 totalBytes() const { return m_totalBytes; }
    int pagesWaiting() const;

Q_SIGNALS:
    // Bytes numbered of all pages queued since the queue was last empty.
    void progress(qint64 sentBytes, qint64 totalBytes);
    // The last chunk of this page image (not of a preview) was numbered: it is on its way to the server.
    void pageSent(consult::board::PageKey key);

private:
    // A page image queued in the SequencedUpload, by its tag there.
    struct Waiting
    {
        board::PageKey key;
        board::PageImage page;
    };

    void onNumbered(quint64 tag, qint64 length, bool complete);
    // The queued page of the SequencedUpload's item at `index`.
    const Waiting &waitingAt(std::size_t index) const;
    static bool before(board::PageKey a, board::PageKey b);

    std::string m_consultationId;
    std::map<quint64, Waiting> m_waiting;
    quint64 m_nextTag = 1;
    std::unique_ptr<SequencedUpload> m_upload;
    qint64 m_sentBytes = 0;
    qint64 m_totalBytes = 0;
    bool m_stopped = false;
};

} // namespace consult
