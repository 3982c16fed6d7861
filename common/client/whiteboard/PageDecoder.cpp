#include "PageDecoder.h"

#include <QBuffer>
#include <QImageReader>
#include <QPointer>
#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace consult {

namespace {

// Decoding is background work: on a busy machine the call's audio and video threads and the GUI
// thread go first. On Linux a thread's nice value is its own (QThread priorities do nothing under
// SCHED_OTHER); elsewhere QThread's low priority does it.
void yieldToTheCall()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace

PageDecoder::PageDecoder(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1); // in arrival order, and one page's pixels in memory at a time
    m_pool.setExpiryTimeout(5000);
}

PageDecoder::~PageDecoder()
{
    ++m_generation;
    m_pool.clear();
    m_pool.waitForDone();
}

void PageDecoder::decode(board::PageKey key, const board::PageImage &page)
{
    const quint64 generation = m_generation;
    QPointer<PageDecoder> self(this);
    m_pool.start([self, generation, key, page] {
        yieldToTheCall();
        const QImage image = decodeNow(page);
        // Queued to the decoder's thread; a call posted to an object that is gone is never made.
        const bool preview = page.preview;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, key, image, preview] {
                if (!self || self->m_generation != generation)
                    return;
                if (image.isNull())
                    Q_EMIT self->failed(key);
                else
                    Q_EMIT self->decoded(key, image, preview);
            },
            Qt::QueuedConnection);
    });
}

void PageDecoder::drop()
{
    ++m_generation;
    m_pool.clear();
}

QImage PageDecoder::decodeNow(const board::PageImage &page)
{
    const QSize expected = page.size;
    if (expected.isEmpty() || expected.width() > board::PageLimits::kMaxSide ||
        expected.height() > board::PageLimits::kMaxSide)
        return {};
    const char *format = nullptr;
    switch (page.format) {
    case wire::BOARD_IMAGE_FORMAT_PNG:
        format = "png";
        break;
    case wire::BOARD_IMAGE_FORMAT_JPEG:
        format = "jpeg";
        break;
    default:
        return {};
    }
    QBuffer buffer;
    buffer.setData(page.bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return {};
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(false);
    // The announced page as 32-bit pixels, plus one MiB: nothing larger is allocated.
    const qint64 pixelBytes = qint64(expected.width()) * expected.height() * 4;
    reader.setAllocationLimit(int(pixelBytes / (1024 * 1024)) + 1);
    if (reader.size() != expected)
        return {};
    QImage image;
    if (!reader.read(&image) || image.size() != expected)
        return {};
    return image;
}

} // namespace consult
