#pragma once

// Files the whiteboard tests open, made in the test rather than checked in: PDFs written with
// QPdfWriter, an encrypted PDF built by hand (QPdfWriter cannot encrypt, qpdf is not installed),
// PNGs whose header promises what their data does not, and a decompression bomb.
#include <QByteArray>
#include <QColor>
#include <QList>
#include <QSize>
#include <QString>

namespace consult::board::test {

// A PDF of A4 pages, each filled with its colour (so the page order can be read from the pixels).
QByteArray pdfWithPages(const QList<QColor> &colors);

// A one-page PDF encrypted with the standard security handler (RC4 40 bit, revision 2) and the
// user password `password`: it opens only with that password.
QByteArray encryptedPdf(const QByteArray &password);

// The PNG signature and an IHDR chunk claiming width x height (8-bit greyscale), then an IDAT of
// `idat` (already zlib-compressed scanlines, or nothing) and IEND.
QByteArray pngWithHeader(quint32 width, quint32 height, const QByteArray &idat = {});

// A valid greyscale PNG of width x height black pixels: tiny on disk, width * height bytes once
// decoded (a decompression bomb).
QByteArray pngBomb(quint32 width, quint32 height);

// A JPEG of `size` with an EXIF APP1 segment (ImageDescription) and a comment, both holding `canary`.
QByteArray jpegWithMetadata(QSize size, const QByteArray &canary);

bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace consult::board::test
