#pragma once

// The video consultation's steps through the customer window (seed 001), on synthetic devices: the
// system check, the log-in form, the choice of connection and the permission; and what a test needs
// to watch a call on either side: the pictures with their stamped frame counters (FrameStamp, read
// from the decoded pixels) and the tones each speaker played.
#include "ConsentPage.h"
#include "CustomerAppFixture.h"
#include "ModePage.h"
#include "SignalAnalysis.h"
#include "SystemCheckPage.h"
#include "VideoPanel.h"
#include "client/call/VideoCall.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "media/video/FrameStamp.h"

#include <QMutex>
#include <QRadioButton>
#include <QSignalSpy>

#include <vector>

namespace consult::testing {

using DeviceKind = media::SyntheticMediaDevices::Kind;

// What one side's speaker played (the consumer runs on the audio thread).
class Recorder
{
public:
    void attach(media::SyntheticMediaDevices &devices)
    {
        devices.setSpeakerConsumer([this](const media::AudioFrame &frame, qint64) {
            QMutexLocker lock(&m_mutex);
            m_samples.insert(m_samples.end(), frame.samples.begin(), frame.samples.end());
        });
    }
    // The tone is heard: its frequency dominates the last second played.
    bool hears(double frequencyHz) const
    {
        QMutexLocker lock(&m_mutex);
        if (m_samples.size() < std::size_t(media::kSampleRate))
            return false;
        const std::vector<std::int16_t> last(m_samples.end() - media::kSampleRate, m_samples.end());
        return media::testing::toneDominanceDb(last, frequencyHz) > 20.0;
    }
    // Forgets what was played: hears() then needs a new second of it.
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_samples.clear();
    }

private:
    mutable QMutex m_mutex;
    std::vector<std::int16_t> m_samples;
};

// The peer's pictures one side got: how many, how many carried a readable stamp, the newest counter.
struct Screen
{
    int frames = 0;
    int stamped = 0;
    quint32 newestCounter = 0;

    void watch(VideoCall &call)
    {
        QObject::connect(&call, &VideoCall::remoteFrame, &call, [this](const media::I420Frame &frame) {
            ++frames;
            if (const std::optional<media::FrameStamp> stamp = media::FrameStamp::readFrom(frame)) {
                ++stamped;
                newestCounter = stamp->counter;
            }
        });
    }
};

inline constexpr double kCustomerTone = 440.0;
inline constexpr double kAdvisorTone = 1000.0;

// The advisor's side of a video consultation: the scripted AdvisorClient with its own VideoCall on
// its own synthetic devices, playing kAdvisorTone.
struct AdvisorCall
{
    media::SyntheticMediaDevices devices;
    Recorder hears;
    Screen sees;
    std::unique_ptr<VideoCall> call;

    AdvisorCall()
    {
        devices.setTone(kAdvisorTone, -12.0f);
        hears.attach(devices);
    }
    void start(Consultation &consultation)
    {
        VideoCall::Options options;
        // A tone that never stops would be faded as stationary noise.
        options.audio.noiseSuppression = false;
        options.audio.gainControl = false;
        call = std::make_unique<VideoCall>(consultation, devices, options);
        sees.watch(*call);
        call->start();
    }
};

inline customer::SystemCheckPage *checkPage(CustomerApp &app)
{
    return app->systemCheckPage();
}

inline bool decided(wire::CheckOutcome outcome)
{
    return outcome != wire::CHECK_OUTCOME_UNSPECIFIED;
}

// Start page -> system check; the camera and microphone lines decide by themselves, the test tone is
// played and answered (`heard`), the connection is measured. Returns with every line decided.
inline void runSystemCheck(CustomerApp &app, bool heard = true)
{
    QTest::mouseClick(app->startPage()->videoButton(), Qt::LeftButton);
    customer::SystemCheckPage *check = checkPage(app);
    QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(check));
    QVERIFY(check->deviceCheck());
    if (check->playToneButton()->isVisible()) {
        QSignalSpy toneDone(check->deviceCheck(), &DeviceCheck::testToneFinished);
        QTest::mouseClick(check->playToneButton(), Qt::LeftButton);
        QVERIFY(toneDone.wait(10000));
        QTest::mouseClick(heard ? check->heardButton() : check->notHeardButton(), Qt::LeftButton);
    }
    QTRY_VERIFY_WITH_TIMEOUT(decided(check->result().camera()) && decided(check->result().microphone()) &&
                                 decided(check->result().speaker()) && decided(check->result().connection()),
                             20000);
}

// System check passed -> "Weiter" -> the log-in form (video) -> "Weiter" -> the choice of connection.
inline void videoLogIn(CustomerApp &app, const QString &name, const QString &phone)
{
    customer::SystemCheckPage *check = checkPage(app);
    QTRY_VERIFY(check->continueButton()->isEnabled());
    QTest::mouseClick(check->continueButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(app.phase(), CustomerClient::Phase::ReadingNotices, 10000);
    QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->loginPage()));
    QVERIFY(app->loginPage()->isVideo());
    QTRY_COMPARE(app->loginPage()->noticeChecks().size(), 3);
    typeText(app->loginPage()->nameEdit(), name);
    typeText(app->loginPage()->phoneEdit(), phone);
    acceptNotices(app);
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(app->loginPage()->loginButton(), Qt::LeftButton);
    QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->modePage()));
    QCOMPARE(app.phase(), CustomerClient::Phase::ReadingNotices); // nothing sent yet
}

// The choice of connection: picture and sound, then "Zulassen"; the log-in goes out and the
// customer waits.
inline void chooseVideoAndAllow(CustomerApp &app)
{
    QVERIFY(app->modePage()->videoOption()->isChecked());
    QTest::mouseClick(app->modePage()->connectButton(), Qt::LeftButton);
    QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->consentPage()));
    QTest::mouseClick(app->consentPage()->allowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(app.phase(), CustomerClient::Phase::Waiting, 10000);
}

// The whole way from the start page to waiting in a video consultation.
inline void videoConsultationUpToWaiting(CustomerApp &app, const QString &name = QStringLiteral("Max Müller"),
                                         const QString &phone = QStringLiteral("0171 1234567"))
{
    runSystemCheck(app);
    if (QTest::currentTestFailed())
        return;
    videoLogIn(app, name, phone);
    if (QTest::currentTestFailed())
        return;
    chooseVideoAndAllow(app);
}

} // namespace consult::testing
