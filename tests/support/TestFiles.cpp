#include "TestFiles.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QtEndian>

#include <zlib.h>

#include <array>

namespace consult::testing {

namespace {

// The password padding of the PDF standard security handler (ISO 32000-1, 7.6.3.3).
const QByteArray kPadding = QByteArray::fromHex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

QByteArray rc4(const QByteArray &key, const QByteArray &data)
{
    std::array<quint8, 256> state;
    for (int i = 0; i < 256; ++i)
        state[size_t(i)] = quint8(i);
    for (int i = 0, j = 0; i < 256; ++i) {
        j = (j + state[size_t(i)] + quint8(key[i % key.size()])) % 256;
        std::swap(state[size_t(i)], state[size_t(j)]);
    }
    QByteArray out(data.size(), '\0');
    for (int n = 0, i = 0, j = 0; n < data.size(); ++n) {
        i = (i + 1) % 256;
        j = (j + state[size_t(i)]) % 256;
        std::swap(state[size_t(i)], state[size_t(j)]);
        out[n] = char(quint8(data[n]) ^ state[size_t((state[size_t(i)] + state[size_t(j)]) % 256)]);
    }
    return out;
}

QByteArray padded(const QByteArray &password)
{
    return QByteArray(password + kPadding).left(32);
}

QByteArray md5(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5);
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray chunk(4, '\0');
    qToBigEndian(quint32(data.size()), chunk.data());
    const QByteArray typed = QByteArray(type) + data;
    chunk += typed;
    QByteArray crc(4, '\0');
    qToBigEndian(quint32(crc32(0, reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()))), crc.data());
    return chunk + crc;
}

} // namespace

QByteArray pdfWithPages(const QList<QColor> &colors)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72);
    QPainter painter(&writer);
    for (qsizetype i = 0; i < colors.size(); ++i) {
        if (i > 0)
            writer.newPage();
        painter.fillRect(QRect(0, 0, writer.width(), writer.height()), colors[i]);
    }
    painter.end();
    return bytes;
}

QByteArray encryptedPdf(const QByteArray &password)
{
    const QByteArray id = QByteArray::fromHex("0123456789abcdef0123456789abcdef");
    constexpr qint32 kPermissions = -44;
    // Algorithm 3 and 4 of ISO 32000-1 7.6.3.4, revision 2 (40-bit RC4); the owner password is the
    // user password's reverse, so nobody opens it without a password.
    QByteArray ownerPassword = password;
    std::reverse(ownerPassword.begin(), ownerPassword.end());
    const QByteArray owner = rc4(md5(padded(ownerPassword)).left(5), padded(password));
    QByteArray permissions(4, '\0');
    qToLittleEndian(kPermissions, permissions.data());
    const QByteArray key = md5(padded(password) + owner + permissions + id).left(5);
    const QByteArray user = rc4(key, kPadding);

    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    const auto object = [&](const QByteArray &body) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
    object("<< /Filter /Standard /V 1 /R 2 /O <" + owner.toHex() + "> /U <" + user.toHex() + "> /P " +
           QByteArray::number(kPermissions) + " >>");
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R /Encrypt 4 0 R /ID [<" +
           id.toHex() + "> <" + id.toHex() + ">] >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QByteArray pngWithHeader(quint32 width, quint32 height, const QByteArray &idat)
{
    QByteArray header(13, '\0');
    qToBigEndian(width, header.data());
    qToBigEndian(height, header.data() + 4);
    header[8] = 8; // bit depth
    header[9] = 0; // greyscale
    QByteArray png = "\x89PNG\r\n\x1a\n";
    png += pngChunk("IHDR", header);
    png += pngChunk("IDAT", idat);
    png += pngChunk("IEND", {});
    return png;
}

QByteArray pngBomb(quint32 width, quint32 height)
{
    // Every scanline is a filter byte 0 and `width` zero bytes. Compressing 400 MB of zeros takes
    // seconds, so one block is compressed and its output repeated: after Z_FULL_FLUSH deflate starts
    // afresh, so every further block of zeros compresses to the same bytes. The Adler-32 trailer
    // is then set for the whole stream, which keeps the PNG valid.
    constexpr quint64 kBlock = 1 << 20;
    const QByteArray zeros(qsizetype(kBlock), '\0');
    z_stream stream{};
    deflateInit(&stream, Z_BEST_COMPRESSION);
    const auto compress = [&](quint64 length, int flush) {
        QByteArray compressed;
        std::array<char, 1 << 16> out;
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
        stream.avail_in = uInt(length);
        do {
            stream.next_out = reinterpret_cast<Bytef *>(out.data());
            stream.avail_out = uInt(out.size());
            deflate(&stream, flush);
            compressed.append(out.data(), qsizetype(out.size() - stream.avail_out));
        } while (stream.avail_out == 0);
        return compressed;
    };
    const quint64 total = quint64(height) * (width + 1);
    const quint64 blocks = total / kBlock;
    QByteArray compressed;
    const uLong blockAdler =
        adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef *>(zeros.constData()), uInt(kBlock));
    uLong adler = adler32(0, nullptr, 0);
    QByteArray repeated;
    for (quint64 i = 0; i < blocks; ++i) {
        if (i < 2)
            repeated = compress(kBlock, Z_FULL_FLUSH);
        compressed += repeated;
        adler = adler32_combine(adler, blockAdler, z_off_t(kBlock));
    }
    const quint64 rest = total % kBlock;
    compressed += compress(rest, Z_FINISH);
    deflateEnd(&stream);
    adler = adler32_combine(
        adler, adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef *>(zeros.constData()), uInt(rest)),
        z_off_t(rest));
    qToBigEndian(quint32(adler), compressed.data() + compressed.size() - 4);
    return pngWithHeader(width, height, compressed);
}

QByteArray jpegWithMetadata(QSize size, const QByteArray &canary)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(x * 255 / size.width(), y * 255 / size.height(), (x * y) % 256));
    }
    image.setText(QStringLiteral("Description"), QString::fromLatin1(canary)); // Qt writes it as a comment
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.write(image);

    // An EXIF APP1 segment right after SOI: a little-endian TIFF header and one IFD with one
    // ImageDescription (ASCII) entry pointing behind the IFD.
    const QByteArray description = canary + '\0';
    QByteArray tiff = QByteArray("II*\0", 4) + QByteArray::fromHex("08000000") + QByteArray::fromHex("0100");
    QByteArray entry(12, '\0');
    qToLittleEndian(quint16(0x010E), entry.data());
    qToLittleEndian(quint16(2), entry.data() + 2);
    qToLittleEndian(quint32(description.size()), entry.data() + 4);
    qToLittleEndian(quint32(8 + 2 + 12 + 4), entry.data() + 8);
    tiff += entry + QByteArray(4, '\0') + description;
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment = QByteArray::fromHex("FFE1") + QByteArray(2, '\0') + payload;
    qToBigEndian(quint16(payload.size() + 2), segment.data() + 2);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QByteArray handMadePdf(const QByteArray &catalogEntries, const QByteArray &pageEntries,
                       const QList<QByteArray> &extraObjects)
{
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    const auto object = [&](const QByteArray &body) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R " + catalogEntries + " >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] " + pageEntries + " >>");
    for (const QByteArray &extra : extraObjects)
        object(extra);
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QByteArray streamObject(const QByteArray &dictionary, const QByteArray &data)
{
    return "<< " + dictionary + " /Length " + QByteArray::number(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

QByteArray objectStreamPdf(const QList<QByteArray> &objects)
{
    // An object stream begins with pairs "number offset", then the objects at those offsets.
    QByteArray index;
    QByteArray bodies;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        index += QByteArray::number(i + 1) + ' ' + QByteArray::number(bodies.size()) + ' ';
        bodies += objects[i] + '\n';
    }
    const QByteArray plain = index + bodies;
    // qCompress is zlib's format behind a 4-byte length: FlateDecode is the zlib format alone.
    const QByteArray compressed = qCompress(plain, 9).mid(4);
    const QByteArray number = QByteArray::number(objects.size() + 1);
    QByteArray pdf = "%PDF-1.5\n" + number + " 0 obj\n<< /Type /ObjStm /N " + QByteArray::number(objects.size()) +
                     " /First " + QByteArray::number(index.size()) + " /Filter /FlateDecode /Length " +
                     QByteArray::number(compressed.size()) + " >>\nstream\n" + compressed + "\nendstream\nendobj\n";
    pdf += "trailer\n<< /Size " + number + " /Root 1 0 R >>\n%%EOF\n";
    return pdf;
}

QByteArray zipArchive(const QByteArray &fileName, const QByteArray &content)
{
    const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(content.constData()), uInt(content.size())));
    const auto le16 = [](quint16 value) {
        QByteArray bytes(2, '\0');
        qToLittleEndian(value, bytes.data());
        return bytes;
    };
    const auto le32 = [](quint32 value) {
        QByteArray bytes(4, '\0');
        qToLittleEndian(value, bytes.data());
        return bytes;
    };
    // version, flags, method 0 (stored), time, date, crc, sizes, name length, extra length
    const QByteArray common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) +
                              le32(quint32(content.size())) + le32(quint32(content.size())) +
                              le16(quint16(fileName.size())) + le16(0);
    const QByteArray local = QByteArray("PK\x03\x04", 4) + common + fileName + content;
    const QByteArray central =
        QByteArray("PK\x01\x02", 4) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + fileName;
    const QByteArray end = QByteArray("PK\x05\x06", 4) + le16(0) + le16(0) + le16(1) + le16(1) +
                           le32(quint32(central.size())) + le32(quint32(local.size())) + le16(0);
    return local + central + end;
}

QByteArray encodedImage(QSize size, const char *format)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, format).write(image);
    return bytes;
}

QByteArray jpegClaiming(QSize claimed)
{
    QByteArray jpeg = encodedImage(QSize(16, 16), "jpeg");
    // The baseline start-of-frame segment: FF C0, length, precision, then height and width.
    const qsizetype frame = jpeg.indexOf(QByteArray::fromHex("FFC0"));
    if (frame < 0)
        return {};
    qToBigEndian(quint16(claimed.height()), jpeg.data() + frame + 5);
    qToBigEndian(quint16(claimed.width()), jpeg.data() + frame + 7);
    return jpeg;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace consult::testing
