#include "media/video/Vp8Decoder.h"

#include <vpx/vp8dx.h>
#include <vpx/vpx_decoder.h>

#include <cstring>

namespace consult::media {

namespace {

void copyPlane(QByteArray &to, const unsigned char *from, int stride, int width, int height)
{
    char *out = to.data();
    for (int row = 0; row < height; ++row)
        std::memcpy(out + qsizetype(row) * width, from + qsizetype(row) * stride, std::size_t(width));
}

Result<I420Frame> failure(const char *code, vpx_codec_ctx_t &context)
{
    return Result<I420Frame>::failure(QString::fromLatin1(code), QString::fromUtf8(vpx_codec_error(&context)));
}

} // namespace

struct Vp8Decoder::Codec
{
    vpx_codec_ctx_t context{};
    bool initialised = false;

    ~Codec()
    {
        if (initialised)
            vpx_codec_destroy(&context);
    }
};

Result<std::unique_ptr<Vp8Decoder>> Vp8Decoder::create(int threads)
{
    auto codec = std::make_unique<Codec>();
    vpx_codec_dec_cfg_t config{};
    config.threads = unsigned(threads);
    if (vpx_codec_dec_init(&codec->context, vpx_codec_vp8_dx(), &config, 0) != VPX_CODEC_OK)
        return Result<std::unique_ptr<Vp8Decoder>>::failure(QStringLiteral("vp8_init_failed"),
                                                            QString::fromUtf8(vpx_codec_error(&codec->context)));
    codec->initialised = true;
    return std::unique_ptr<Vp8Decoder>(new Vp8Decoder(std::move(codec)));
}

Vp8Decoder::Vp8Decoder(std::unique_ptr<Codec> codec)
    : m_codec(std::move(codec))
{}

Vp8Decoder::~Vp8Decoder() = default;

Result<I420Frame> Vp8Decoder::decode(const EncodedVideoFrame &frame)
{
    vpx_codec_ctx_t &context = m_codec->context;
    const auto *data = reinterpret_cast<const unsigned char *>(frame.data.constData());
    if (frame.data.isEmpty() ||
        vpx_codec_decode(&context, data, unsigned(frame.data.size()), nullptr, 0) != VPX_CODEC_OK)
        return failure("vp8_corrupt", context);
    // libvpx decodes some damaged frames without an error and only flags them.
    int corrupted = 0;
    if (vpx_codec_control(&context, VP8D_GET_FRAME_CORRUPTED, &corrupted) == VPX_CODEC_OK && corrupted)
        return Result<I420Frame>::failure(QStringLiteral("vp8_corrupt"), QStringLiteral("frame decoded with damage"));

    vpx_codec_iter_t iterator = nullptr;
    const vpx_image_t *image = vpx_codec_get_frame(&context, &iterator);
    if (!image || image->fmt != VPX_IMG_FMT_I420)
        return failure("vp8_no_picture", context);

    I420Frame picture = I420Frame::blank(int(image->d_w), int(image->d_h));
    const int chromaWidth = (picture.width + 1) / 2;
    const int chromaHeight = (picture.height + 1) / 2;
    copyPlane(picture.y, image->planes[VPX_PLANE_Y], image->stride[VPX_PLANE_Y], picture.width, picture.height);
    copyPlane(picture.u, image->planes[VPX_PLANE_U], image->stride[VPX_PLANE_U], chromaWidth, chromaHeight);
    copyPlane(picture.v, image->planes[VPX_PLANE_V], image->stride[VPX_PLANE_V], chromaWidth, chromaHeight);
    picture.captureUs = frame.captureUs;
    picture.frameNumber = frame.frameId;
    return picture;
}

} // namespace consult::media
