#pragma once

#include "media/MediaFrames.h"

#include <memory>

namespace webrtc {
class AudioProcessing;
class AudioFrame;
} // namespace webrtc

namespace consult::media {

struct AudioProcessingSettings
{
    bool echoCancellation = true; // speakers plus microphone is the customer's normal case
    bool noiseSuppression = true;
    bool gainControl = true;
    // Adaptive digital gain control brings speech towards targetLevelDbfs below full scale: an
    // emulated microphone gain lifts quiet talkers (+22 dB for one at -45 dBFS, TestAudioProcessor),
    // a compressor with compressionGainDb and a limiter keep loud ones out of clipping. webrtc's
    // defaults (3 dB, 9 dB) suit speech.
    int targetLevelDbfs = 3;
    int compressionGainDb = 9;
};

// Echo cancellation, noise suppression and gain control through webrtc-audio-processing 0.3 (as
// Jami does). One instance per call, shared by the two pipelines of one client: the playout
// pipeline hands it every frame given to the speaker (processRender, the far-end reference) and
// the capture pipeline runs every microphone frame through it (processCapture), which subtracts
// what of that reference came back through the room.
//
// The echo delay matters: told roughly right (setStreamDelayMs: the output plus the input device
// buffer), cancellation is complete within a few seconds; told wrong by 100 ms or more, the
// delay-agnostic mode finds the true delay by itself, but only after 15-20 s of far-end speech
// (measured in TestAudioProcessor). The webrtc module locks internally, but the engine calls it
// from one audio thread only.
class AudioProcessor
{
public:
    explicit AudioProcessor(const AudioProcessingSettings &settings = {});
    ~AudioProcessor();
    AudioProcessor(const AudioProcessor &) = delete;
    AudioProcessor &operator=(const AudioProcessor &) = delete;

    // Near end, in place: the microphone frame becomes the frame to encode.
    void processCapture(AudioFrame &frame);
    // Far end: exactly what is handed to the speaker, in the same order, before it plays.
    void processRender(const AudioFrame &frame);

    // Delay between a frame passing processRender and its echo reaching processCapture, beyond
    // the frame boundaries: output buffer plus input buffer, in ms.
    void setStreamDelayMs(int delayMs);
    int streamDelayMs() const { return m_streamDelayMs; }

    void setEchoCancellationEnabled(bool enabled);
    void setNoiseSuppressionEnabled(bool enabled);
    void setGainControlEnabled(bool enabled);
    const AudioProcessingSettings &settings() const { return m_settings; }

private:
    void applySettings();

    AudioProcessingSettings m_settings;
    std::unique_ptr<webrtc::AudioProcessing> m_apm;
    std::unique_ptr<webrtc::AudioFrame> m_capture;
    std::unique_ptr<webrtc::AudioFrame> m_render;
    int m_streamDelayMs = 0;
    int m_lastError = 0;
};

} // namespace consult::media
