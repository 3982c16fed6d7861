#include "media/video/Vp8Encoder.h"

#include <vpx/vp8cx.h>
#include <vpx/vpx_encoder.h>

#include <algorithm>

namespace consult::media {

namespace {

// Capture timestamps are microseconds, so libvpx counts in them too.
constexpr int kTimebaseDenominator = 1'000'000;

// WebRTC's cap on a keyframe's size relative to an average frame: half the optimal buffer (600 ms)
// worth of frames, in percent. At 25 fps a keyframe may be 7.5 frames' worth, so it neither
// blurs badly nor stalls the uplink for long.
unsigned int maxIntraBitratePercent(int framesPerSecond)
{
    return unsigned(std::max(300, 600 / 2 * framesPerSecond / 10));
}

QString vpxError(vpx_codec_ctx_t &context)
{
    const char *detail = vpx_codec_error_detail(&context);
    return QString::fromUtf8(vpx_codec_error(&context)) +
           (detail ? QStringLiteral(": ") + QString::fromUtf8(detail) : QString());
}

} // namespace

struct Vp8Encoder::Codec
{
    vpx_codec_ctx_t context{};
    vpx_codec_enc_cfg_t config{};
    bool initialised = false;

    ~Codec()
    {
        if (initialised)
            vpx_codec_destroy(&context);
    }
};

Result<std::unique_ptr<Vp8Encoder>> Vp8Encoder::create(const Vp8EncoderSettings &settings)
{
    auto codec = std::make_unique<Codec>();
    vpx_codec_enc_cfg_t &config = codec->config;
    if (vpx_codec_enc_config_default(vpx_codec_vp8_cx(), &config, 0) != VPX_CODEC_OK)
        return Result<std::unique_ptr<Vp8Encoder>>::failure(QStringLiteral("vp8_unavailable"),
                                                            QStringLiteral("libvpx has no VP8 encoder defaults"));
    config.g_w = unsigned(settings.width);
    config.g_h = unsigned(settings.height);
    config.g_timebase = {1, kTimebaseDenominator};
    config.g_threads = unsigned(settings.threads);
    config.g_pass = VPX_RC_ONE_PASS;
    config.g_lag_in_frames = 0; // every frame leaves the encoder at once: no look-ahead latency
    config.g_error_resilient = VPX_ERROR_RESILIENT_DEFAULT;
    config.rc_end_usage = VPX_CBR;
    config.rc_target_bitrate = unsigned(std::clamp(settings.bitrateKbps, kMinVideoBitrateKbps, kMaxVideoBitrateKbps));
    // WebRTC's rate control: quantizer 2-56, a 1 s buffer, little overshoot, drop frames rather
    // than let the buffer (and so the latency) grow when the picture suddenly gets expensive.
    config.rc_min_quantizer = 2;
    config.rc_max_quantizer = 56;
    config.rc_undershoot_pct = 100;
    config.rc_overshoot_pct = 15;
    config.rc_buf_initial_sz = 500;
    config.rc_buf_optimal_sz = 600;
    config.rc_buf_sz = 1000;
    config.rc_dropframe_thresh = 30;
    config.rc_resize_allowed = 0;
    // Keyframes come on request (a new receiver, a loss); the distance is only a safety net.
    config.kf_mode = VPX_KF_AUTO;
    config.kf_min_dist = 0;
    config.kf_max_dist = 3000;

    if (vpx_codec_enc_init(&codec->context, vpx_codec_vp8_cx(), &config, 0) != VPX_CODEC_OK)
        return Result<std::unique_ptr<Vp8Encoder>>::failure(QStringLiteral("vp8_init_failed"),
                                                            vpxError(codec->context));
    codec->initialised = true;
    vpx_codec_control(&codec->context, VP8E_SET_CPUUSED, -6);
    vpx_codec_control(&codec->context, VP8E_SET_STATIC_THRESHOLD, 1u);
    vpx_codec_control(&codec->context, VP8E_SET_NOISE_SENSITIVITY, 1u); // camera noise costs bits
    vpx_codec_control(&codec->context, VP8E_SET_TOKEN_PARTITIONS, int(VP8_ONE_TOKENPARTITION));
    vpx_codec_control(&codec->context, VP8E_SET_MAX_INTRA_BITRATE_PCT,
                      maxIntraBitratePercent(settings.framesPerSecond));
    return std::unique_ptr<Vp8Encoder>(new Vp8Encoder(std::move(codec), settings));
}

Vp8Encoder::Vp8Encoder(std::unique_ptr<Codec> codec, const Vp8EncoderSettings &settings)
    : m_codec(std::move(codec))
    , m_settings(settings)
{
    m_settings.bitrateKbps = int(m_codec->config.rc_target_bitrate);
}

Vp8Encoder::~Vp8Encoder() = default;

int Vp8Encoder::setTargetBitrate(int kbps)
{
    const int clamped = std::clamp(kbps, kMinVideoBitrateKbps, kMaxVideoBitrateKbps);
    if (clamped == m_settings.bitrateKbps)
        return clamped;
    vpx_codec_enc_cfg_t config = m_codec->config;
    config.rc_target_bitrate = unsigned(clamped);
    if (vpx_codec_enc_config_set(&m_codec->context, &config) == VPX_CODEC_OK) {
        m_codec->config = config;
        m_settings.bitrateKbps = clamped;
    }
    return m_settings.bitrateKbps;
}

int Vp8Encoder::targetBitrate() const
{
    return m_settings.bitrateKbps;
}

bool Vp8Encoder::keyframeDue(qint64 captureUs) const
{
    return m_keyframeRequested &&
           (!m_lastKeyframeUs || captureUs - *m_lastKeyframeUs >= m_settings.keyframeMinIntervalUs);
}

std::optional<EncodedVideoFrame> Vp8Encoder::encode(const I420Frame &frame)
{
    ++m_stats.framesIn;
    if (!frame.isValid() || frame.width != m_settings.width || frame.height != m_settings.height) {
        ++m_stats.framesRefused;
        return std::nullopt;
    }

    // Wrap the frame's planes without copying; libvpx only reads them.
    vpx_image_t image;
    const auto *y = reinterpret_cast<const unsigned char *>(frame.y.constData());
    vpx_img_wrap(&image, VPX_IMG_FMT_I420, unsigned(frame.width), unsigned(frame.height), 1,
                 const_cast<unsigned char *>(y));
    image.planes[VPX_PLANE_U] =
        const_cast<unsigned char *>(reinterpret_cast<const unsigned char *>(frame.u.constData()));
    image.planes[VPX_PLANE_V] =
        const_cast<unsigned char *>(reinterpret_cast<const unsigned char *>(frame.v.constData()));
    image.stride[VPX_PLANE_Y] = frame.width;
    image.stride[VPX_PLANE_U] = (frame.width + 1) / 2;
    image.stride[VPX_PLANE_V] = (frame.width + 1) / 2;

    if (!m_firstCaptureUs)
        m_firstCaptureUs = frame.captureUs;
    // libvpx wants increasing timestamps; a camera that repeats one must not stop the encoder.
    const qint64 pts = std::max(m_lastPts + 1, frame.captureUs - *m_firstCaptureUs);
    m_lastPts = pts;
    const unsigned long duration = unsigned(kTimebaseDenominator / std::max(1, m_settings.framesPerSecond));
    const vpx_enc_frame_flags_t flags = keyframeDue(frame.captureUs) ? VPX_EFLAG_FORCE_KF : 0;

    if (vpx_codec_encode(&m_codec->context, &image, pts, duration, flags, VPX_DL_REALTIME) != VPX_CODEC_OK) {
        ++m_stats.framesRefused;
        return std::nullopt;
    }

    std::optional<EncodedVideoFrame> encoded;
    vpx_codec_iter_t iterator = nullptr;
    while (const vpx_codec_cx_pkt_t *packet = vpx_codec_get_cx_data(&m_codec->context, &iterator)) {
        // With no lag frames and no alt-ref, one input frame gives at most one output frame.
        if (packet->kind != VPX_CODEC_CX_FRAME_PKT || encoded)
            continue;
        encoded.emplace();
        encoded->data = QByteArray(static_cast<const char *>(packet->data.frame.buf), qsizetype(packet->data.frame.sz));
        encoded->keyframe = (packet->data.frame.flags & VPX_FRAME_IS_KEY) != 0;
        encoded->captureUs = frame.captureUs;
        encoded->frameNumber = frame.frameNumber;
    }
    if (!encoded) {
        ++m_stats.framesDropped;
        return std::nullopt;
    }
    ++m_stats.framesEncoded;
    m_stats.bytesOut += encoded->data.size();
    if (encoded->keyframe) {
        // Any keyframe (asked for or not) satisfies the pending request.
        ++m_stats.keyframes;
        m_lastKeyframeUs = frame.captureUs;
        m_keyframeRequested = false;
    }
    return encoded;
}

} // namespace consult::media
