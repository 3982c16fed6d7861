#pragma once

#include "whiteboard/BoardModel.h"
#include "whiteboard/PageImage.h"

#include <QObject>

#include <deque>
#include <string>

namespace consult {

class ClientConnection;

// Sends the advisor's page images to the server as BoardPageData chunks (PageLimits::kChunkBytes)
// through one credited bulk stream of the client's connection: behind audio, chat and video, and
// sequenced, so each chunk arrives exactly once and in order. Pages go whole and one after the
// other; the shown page goes first (prioritise()), then the others in document and page order. A
// shown page's preview (PageImage::preview) goes ahead of it, so a slow line shows the page in a
// fraction of the time; the preview of a page no longer shown is dropped unless it is under way.
//
// A chunk counts as sent when the connection numbered it (the stream's "sent" callback): from then
// on the reliable channel owns it and replays it after a resume. What was only queued in the send
// scheduler is dropped with the socket, so after a resume the upload continues exactly after the
// last numbered chunk: no chunk twice, none skipped. Owned by the consultation's whiteboard part;
// lives in the client's thread.
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
    int pagesWaiting() const { return int(m_uploads.size()); }

Q_SIGNALS:
    // Bytes numbered of all pages queued since the queue was last empty.
    void progress(qint64 sentBytes, qint64 totalBytes);
    // The last chunk of this page image (not of a preview) was numbered: it is on its way to the server.
    void pageSent(consult::board::PageKey key);

private:
    struct Upload
    {
        board::PageKey key;
        board::PageImage page;
        qint64 queued = 0;   // bytes handed to the send scheduler (numbered or not)
        qint64 numbered = 0; // bytes the connection numbered
    };

    void pump();
    void onSent(const wire::Envelope &envelope);
    void rewind();
    // Where a page that must go next is inserted: after the pages already started.
    std::deque<Upload>::iterator firstUnstarted();
    static bool before(board::PageKey a, board::PageKey b);

    ClientConnection &m_connection;
    std::string m_consultationId;
    quint32 m_streamId;
    std::deque<Upload> m_uploads;
    qint64 m_sentBytes = 0;
    qint64 m_totalBytes = 0;
    bool m_streamOpen = false;
    bool m_stopped = false;
};

} // namespace consult
