// Fuzz target: the PNG / JPEG header reader the server checks page images with (U2, U3). Oracles:
// no crash and no read outside the input (the sanitizers); a header it accepts has positive sides
// within the format's bounds; the answer depends only on the header, so bytes appended after an
// accepted image change nothing, and every shorter prefix is read without harm.
#include "validation/ImageHeader.h"

#include <QByteArray>

#include <cstdlib>

using consult::validation::ImageFormat;
using consult::validation::readImageHeader;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto header = readImageHeader(bytes);
    if (!header) {
        require(!header.problem().code.isEmpty());
    } else {
        require(header->width > 0 && header->height > 0);
        if (header->format == ImageFormat::Jpeg)
            require(header->width <= 0xffff && header->height <= 0xffff);
        else
            require(header->width <= 0x7fffffff && header->height <= 0x7fffffff);
        const auto longer = readImageHeader(QByteArray(bytes).append(QByteArray(64, '\xff')));
        require(longer && longer->format == header->format && longer->width == header->width &&
                longer->height == header->height);
    }
    for (qsizetype prefix = 0; prefix < bytes.size() && prefix < 64; ++prefix)
        (void)readImageHeader(bytes.first(prefix));
    return 0;
}
