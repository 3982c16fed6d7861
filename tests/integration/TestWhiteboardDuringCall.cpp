// The whiteboard during a video consultation (issue 11): page images travel in the bulk class
// behind audio, and the receiving app decodes them off its GUI thread, so a document on its way
// never makes the call stutter. Both VideoCalls on synthetic devices through a real server on
// loopback with real TLS; what is measured is when each of the advisor's audio packets reaches the
// customer's media session, in the customer's (GUI) thread.
#include "client/call/VideoCall.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>

#include <random>

using namespace consult;
using namespace consult::media;
using namespace consult::testing;

namespace {

constexpr int kPages = 20;
constexpr qint64 kMaxGapMs = 60;

// A page with enough random pixels that its PNG is about a megabyte: twenty of them keep the bulk
// class busy for a while, and each takes its time to decode.
board::PageImage heavyPage(int index)
{
    QImage image(1000, 700, QImage::Format_RGB32);
    std::mt19937 random(4242 + quint32(index));
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = (x + y) % 2 ? qRgb(240, 240, 240 - index) : qRgb(int(random() % 256), int(random() % 256), 90);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return {buffer.data(), wire::BOARD_IMAGE_FORMAT_PNG, image.size()};
}

VideoCall::Options callOptions()
{
    VideoCall::Options options;
    options.audio.noiseSuppression = false;
    options.audio.gainControl = false;
    return options;
}

} // namespace

class TestWhiteboardDuringCall final : public QObject
{
    Q_OBJECT
private slots:
    void whileATwentyPageDocumentTravelsTheCustomersAudioHasNoGapOver60Ms()
    {
        QList<board::PageImage> pages; // made first: encoding them is the advisor app's work, not the call's
        qint64 documentBytes = 0;
        for (int i = 0; i < kPages; ++i) {
            pages.append(heavyPage(i));
            documentBytes += pages.last().bytes.size();
        }

        Scenario scenario;
        QVERIFY(scenario.start());
        ConsultationSpec spec;
        spec.customer.mode = wire::CONSULTATION_MODE_VIDEO;
        spec.take = Take::Next;
        TestConsultation *consultation = scenario.consultation(spec);
        QVERIFY(consultation);
        SyntheticMediaDevices customerDevices;
        SyntheticMediaDevices advisorDevices;
        customerDevices.setTone(440.0, -12.0f);
        advisorDevices.setTone(1000.0, -12.0f);
        VideoCall customer(*consultation->customer->consultation(), customerDevices, callOptions());
        VideoCall advisor(*consultation->atAdvisor(), advisorDevices, callOptions());
        customer.start();
        advisor.start();

        QElapsedTimer clock;
        clock.start();
        std::vector<qint64> arrivals;
        connect(&customer.session().channel(), &MediaChannel::packetReceived, this,
                [&](const wire::MediaPacket &packet) {
                    if (packet.kind() == wire::MEDIA_KIND_AUDIO)
                        arrivals.push_back(clock.elapsed());
                });
        // The call settles: audio flows steadily before the document starts.
        CONSULT_WAIT_FOR(arrivals.size() >= 100, 15000);
        QTest::qWait(500);

        ConsultationWhiteboard *board = consultation->atAdvisor()->part<ConsultationWhiteboard>();
        ConsultationWhiteboard *customerBoard = consultation->customer->consultation()->part<ConsultationWhiteboard>();
        QVERIFY(board && customerBoard);
        const qint64 startMs = clock.elapsed();
        const quint32 document =
            board->openDocument(QStringLiteral("Konditionen.pdf"), QList<QSize>(kPages, pages.first().size));
        QVERIFY(document != 0);
        board->showPage({document, 0});
        for (int i = 0; i < kPages; ++i)
            board->addPageImage(document, i, pages[i]);
        const auto allArrived = [&] {
            for (int i = 0; i < kPages; ++i)
                if (!customerBoard->model().hasPageImage({document, quint32(i)}))
                    return false;
            return true;
        };
        CONSULT_WAIT_FOR(allArrived(), 60000);
        const qint64 endMs = clock.elapsed();
        QTest::qWait(200);

        qint64 worstGap = 0;
        qint64 worstAt = 0;
        int during = 0;
        for (std::size_t i = 1; i < arrivals.size(); ++i) {
            if (arrivals[i] < startMs || arrivals[i - 1] > endMs)
                continue;
            ++during;
            if (arrivals[i] - arrivals[i - 1] > worstGap) {
                worstGap = arrivals[i] - arrivals[i - 1];
                worstAt = arrivals[i] - startMs;
            }
        }
        qInfo("%d pages, %lld KiB, arrived in %lld ms; %d audio packets meanwhile, the longest gap %lld ms (%lld ms "
              "in)",
              kPages, documentBytes / 1024, endMs - startMs, during, worstGap, worstAt);
        // The document travelled for a while (not a test of nothing), with audio all along.
        QVERIFY(endMs - startMs >= 200);
        QVERIFY(during >= (endMs - startMs) / 20 / 2);
        QVERIFY2(worstGap <= kMaxGapMs, qPrintable(QStringLiteral("a gap of %1 ms").arg(worstGap)));
        QVERIFY(customer.session().channel().statistics().receivedPackets > 0);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestWhiteboardDuringCall)
#include "TestWhiteboardDuringCall.moc"
