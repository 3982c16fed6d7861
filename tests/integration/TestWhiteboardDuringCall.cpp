// The whiteboard during a video consultation (issue 11): page images travel in the bulk class
// behind audio, and the receiving app decodes them off its GUI thread, so a document on its way
// never makes the call stutter. Both VideoCalls on synthetic devices through a real server on
// loopback with real TLS; what is measured is when each of the advisor's audio packets reaches the
// customer's media session, in the customer's (GUI) thread.
#include "client/call/VideoCall.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "core/Clock.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QBuffer>
#include <QImage>

#include <algorithm>
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

        // Each audio packet of the advisor's as it reaches the customer's media session: when, and how
        // long after its capture (both sides run on this process's clock). A packet later than the
        // call's usual transit is a gap the customer's jitter buffer has to cover.
        struct Arrival
        {
            qint64 atUs;
            qint64 transitUs;
        };
        std::vector<Arrival> arrivals;
        connect(&customer.session().channel(), &MediaChannel::packetReceived, this,
                [&](const wire::MediaPacket &packet) {
                    if (packet.kind() != wire::MEDIA_KIND_AUDIO)
                        return;
                    const qint64 nowUs = SystemClock::instance().monotonicUs();
                    arrivals.push_back({nowUs, nowUs - packet.capture_us()});
                });
        // The call settles, then its usual transit is taken over two seconds without a document.
        CONSULT_WAIT_FOR(arrivals.size() >= 100, 15000);
        QTest::qWait(500);
        const std::size_t baselineFrom = arrivals.size();
        QTest::qWait(2000);
        std::vector<qint64> baseline;
        for (std::size_t i = baselineFrom; i < arrivals.size(); ++i)
            baseline.push_back(arrivals[i].transitUs);
        QVERIFY(baseline.size() >= 50);
        std::nth_element(baseline.begin(), baseline.begin() + qsizetype(baseline.size() / 2), baseline.end());
        const qint64 usualTransitUs = baseline[baseline.size() / 2];
        const qint64 baselineWorstUs = *std::max_element(baseline.begin(), baseline.end());
        if (baselineWorstUs - usualTransitUs > kMaxGapMs * 1000) {
            // The call alone already stutters: the machine is too busy for this measurement to say
            // anything about the whiteboard (seen with a load of 10 on 2 cores). Not a pass.
            QSKIP(qPrintable(QStringLiteral("without any document an audio packet came %1 ms late")
                                 .arg((baselineWorstUs - usualTransitUs) / 1000.0)));
        }

        ConsultationWhiteboard *board = consultation->atAdvisor()->part<ConsultationWhiteboard>();
        ConsultationWhiteboard *customerBoard = consultation->customer->consultation()->part<ConsultationWhiteboard>();
        QVERIFY(board && customerBoard);
        const std::size_t duringFrom = arrivals.size();
        const qint64 startUs = SystemClock::instance().monotonicUs();
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
        CONSULT_WAIT_FOR(allArrived(), 120000);
        const qint64 travelMs = (SystemClock::instance().monotonicUs() - startUs) / 1000;
        const std::size_t duringTo = arrivals.size();

        qint64 worstLateUs = 0;
        qint64 worstArrivalGapUs = 0;
        for (std::size_t i = duringFrom; i < duringTo; ++i) {
            worstLateUs = std::max(worstLateUs, arrivals[i].transitUs - usualTransitUs);
            if (i > 0)
                worstArrivalGapUs = std::max(worstArrivalGapUs, arrivals[i].atUs - arrivals[i - 1].atUs);
        }
        qInfo("%d pages, %lld KiB, on their way %lld ms; %zu audio packets meanwhile; usual transit %.1f ms (worst "
              "%.1f without the document); the latest packet %.1f ms behind it; longest pause between arrivals "
              "%.1f ms",
              kPages, documentBytes / 1024, travelMs, duringTo - duringFrom, usualTransitUs / 1000.0,
              baselineWorstUs / 1000.0, worstLateUs / 1000.0, worstArrivalGapUs / 1000.0);
        // The document travelled for a while with the call going on (not a test of nothing).
        QVERIFY(travelMs >= 200);
        QVERIFY(duringTo - duringFrom >= std::size_t(travelMs / 20 / 4));
        QVERIFY2(worstLateUs <= kMaxGapMs * 1000,
                 qPrintable(QStringLiteral("an audio packet %1 ms late").arg(worstLateUs / 1000.0)));
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestWhiteboardDuringCall)
#include "TestWhiteboardDuringCall.moc"
