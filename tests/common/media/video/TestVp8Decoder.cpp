#include "media/video/PictureQuality.h"
#include "media/video/TestPattern.h"
#include "media/video/Vp8Decoder.h"
#include "media/video/Vp8Encoder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace consult;
using namespace consult::media;

class TestVp8Decoder final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        auto encoder = std::move(Vp8Encoder::create()).value();
        const TestPattern pattern;
        m_source = pattern.render(0, 123'456);
        m_keyframe = *encoder->encode(m_source);
        m_keyframe.frameId = 9;
        m_delta = *encoder->encode(pattern.render(1, 163'456));
    }

    void aKeyframeDecodesToThePicture()
    {
        auto decoder = std::move(Vp8Decoder::create()).value();
        const Result<I420Frame> picture = decoder->decode(m_keyframe);
        QVERIFY(picture.ok());
        QVERIFY(picture->isValid());
        QCOMPARE(picture->width, kVideoWidth);
        QCOMPARE(picture->height, kVideoHeight);
        QCOMPARE(picture->captureUs, 123'456);
        QCOMPARE(picture->frameNumber, 9u);
        QVERIFY(lumaPsnr(m_source, *picture) > 30.0);
        QVERIFY(decoder->decode(m_delta).ok());
    }

    void aDeltaFrameWithoutItsKeyframeFails()
    {
        auto decoder = std::move(Vp8Decoder::create()).value();
        QVERIFY(!decoder->decode(m_delta).ok());
    }

    void damagedInputFailsCleanly_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QByteArray noise(2000, Qt::Uninitialized);
        QRandomGenerator random(3);
        for (char &byte : noise)
            byte = char(random.bounded(256));
        QTest::newRow("noise") << noise;
        QTest::newRow("truncated keyframe") << m_keyframe.data.left(m_keyframe.data.size() / 3);
    }
    void damagedInputFailsCleanly()
    {
        QFETCH(QByteArray, data);
        auto decoder = std::move(Vp8Decoder::create()).value();
        EncodedVideoFrame frame = m_keyframe;
        frame.data = data;
        const Result<I420Frame> picture = decoder->decode(frame);
        QVERIFY(!picture.ok());
        QVERIFY(!picture.problem().code.isEmpty());
        // The decoder is still usable: a good keyframe decodes after the damage.
        QVERIFY(decoder->decode(m_keyframe).ok());
    }

private:
    I420Frame m_source;
    EncodedVideoFrame m_keyframe;
    EncodedVideoFrame m_delta;
};

QTEST_GUILESS_MAIN(TestVp8Decoder)
#include "TestVp8Decoder.moc"
