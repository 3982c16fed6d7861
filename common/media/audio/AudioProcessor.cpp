#include "media/audio/AudioProcessor.h"

#include <webrtc/modules/audio_processing/include/audio_processing.h>
#include <webrtc/modules/interface/module_common_types.h>

#include <QLoggingCategory>

#include <algorithm>

namespace consult::media {

namespace {

Q_LOGGING_CATEGORY(lcAudioProcessor, "consult.media.audio.processor")

void prepare(webrtc::AudioFrame &frame)
{
    frame.sample_rate_hz_ = kSampleRate;
    frame.samples_per_channel_ = kFrameSamples;
    frame.num_channels_ = 1;
}

} // namespace

AudioProcessor::AudioProcessor(const AudioProcessingSettings &settings)
    : m_settings(settings)
    , m_capture(std::make_unique<webrtc::AudioFrame>())
    , m_render(std::make_unique<webrtc::AudioFrame>())
{
    webrtc::Config config;
    // The extended filter covers longer room echo tails; delay-agnostic mode estimates the echo
    // path delay from the signals, because the device buffer figures are only approximate.
    config.Set<webrtc::ExtendedFilter>(new webrtc::ExtendedFilter(true));
    config.Set<webrtc::DelayAgnostic>(new webrtc::DelayAgnostic(true));
    // The experimental AGC drives the operating system's microphone volume; we only have the
    // digital gain stage and leave the microphone volume to the user.
    config.Set<webrtc::ExperimentalAgc>(new webrtc::ExperimentalAgc(false));
    m_apm.reset(webrtc::AudioProcessing::Create(config));
    if (!m_apm)
        qFatal("webrtc::AudioProcessing::Create failed");
    using Layout = webrtc::AudioProcessing::ChannelLayout;
    const int error =
        m_apm->Initialize(kSampleRate, kSampleRate, kSampleRate, Layout::kMono, Layout::kMono, Layout::kMono);
    if (error != webrtc::AudioProcessing::kNoError)
        qFatal("webrtc::AudioProcessing::Initialize failed: %d", error);

    prepare(*m_capture);
    prepare(*m_render);
    m_apm->high_pass_filter()->Enable(true); // removes DC and rumble the echo canceller cannot model
    m_apm->noise_suppression()->set_level(webrtc::NoiseSuppression::kModerate);
    m_apm->gain_control()->set_mode(webrtc::GainControl::kAdaptiveDigital);
    m_apm->gain_control()->enable_limiter(true);
    applySettings();
}

AudioProcessor::~AudioProcessor() = default;

void AudioProcessor::applySettings()
{
    m_apm->echo_cancellation()->Enable(m_settings.echoCancellation);
    m_apm->noise_suppression()->Enable(m_settings.noiseSuppression);
    m_apm->gain_control()->set_target_level_dbfs(std::clamp(m_settings.targetLevelDbfs, 0, 31));
    m_apm->gain_control()->set_compression_gain_db(std::clamp(m_settings.compressionGainDb, 0, 90));
    m_apm->gain_control()->Enable(m_settings.gainControl);
}

void AudioProcessor::processCapture(AudioFrame &frame)
{
    // Required before every capture frame while echo cancellation is on.
    m_apm->set_stream_delay_ms(m_streamDelayMs);
    std::copy(frame.samples.begin(), frame.samples.end(), m_capture->data_);
    const int error = m_apm->ProcessStream(m_capture.get());
    if (error != webrtc::AudioProcessing::kNoError) {
        // Pass the frame through unprocessed rather than dropping speech; say so once per cause.
        if (error != m_lastError)
            qCWarning(lcAudioProcessor) << "ProcessStream failed:" << error;
        m_lastError = error;
        return;
    }
    std::copy_n(m_capture->data_, kFrameSamples, frame.samples.begin());
}

void AudioProcessor::processRender(const AudioFrame &frame)
{
    std::copy(frame.samples.begin(), frame.samples.end(), m_render->data_);
    const int error = m_apm->ProcessReverseStream(m_render.get());
    if (error != webrtc::AudioProcessing::kNoError && error != m_lastError) {
        qCWarning(lcAudioProcessor) << "ProcessReverseStream failed:" << error;
        m_lastError = error;
    }
}

void AudioProcessor::setStreamDelayMs(int delayMs)
{
    m_streamDelayMs = std::clamp(delayMs, 0, 500);
}

void AudioProcessor::setEchoCancellationEnabled(bool enabled)
{
    m_settings.echoCancellation = enabled;
    applySettings();
}

void AudioProcessor::setNoiseSuppressionEnabled(bool enabled)
{
    m_settings.noiseSuppression = enabled;
    applySettings();
}

void AudioProcessor::setGainControlEnabled(bool enabled)
{
    m_settings.gainControl = enabled;
    applySettings();
}

} // namespace consult::media
