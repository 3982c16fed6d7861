#pragma once

// Files the document tests open (the whiteboard's import, the check of exchanged documents), made in
// the test rather than checked in: PDFs written with QPdfWriter, PDFs built by hand (encrypted, with
// actions, with an object stream: QPdfWriter cannot, qpdf is not installed), PNGs whose header
// promises what their data does not, a decompression bomb, JPEGs, and ZIP archives.
#include <QByteArray>
#include <QColor>
#include <QList>
#include <QSize>
#include <QString>

namespace consult::testing {

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

// A one-page PDF built by hand: object 1 is the catalog (with `catalogEntries`, e.g. "/OpenAction
// [3 0 R /Fit]"), 2 the page tree, 3 the page (200 x 200 points, no content, with `pageEntries`, e.g.
// "/AA << ... >>"), then `extraObjects` in order from 4. A correct cross-reference table and trailer
// follow, so Qt PDF opens it.
QByteArray handMadePdf(const QByteArray &catalogEntries = {}, const QByteArray &pageEntries = {},
                       const QList<QByteArray> &extraObjects = {});

// A stream object's text for HandMadePdf::extraObjects: `dictionary` entries, the right /Length,
// and `data` between stream and endstream.
QByteArray streamObject(const QByteArray &dictionary, const QByteArray &data);

// A PDF 1.5 whose objects after the header live in one FlateDecode object stream (/Type /ObjStm):
// `objects` (numbered from 1) compressed, so their names are not in the file's bytes. Only its
// bytes matter: the cross-reference is not a stream, so readers may not open it.
QByteArray objectStreamPdf(const QList<QByteArray> &objects);

// A ZIP archive holding one stored (uncompressed) file.
QByteArray zipArchive(const QByteArray &fileName, const QByteArray &content);

// A small real JPEG whose start-of-frame header is then made to claim `claimed` pixels.
QByteArray jpegClaiming(QSize claimed);

// An image of `size` encoded as `format` ("png", "jpeg").
QByteArray encodedImage(QSize size, const char *format);

bool writeFile(const QString &path, const QByteArray &bytes);

} // namespace consult::testing
