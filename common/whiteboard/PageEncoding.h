#pragma once

#include "PageImage.h"

#include <QImage>

namespace consult::board {

// A fresh opaque page of `size`: `source` scaled into it over white. Fresh on purpose: nothing of
// the source's metadata (text chunks, EXIF comments, colour profile names) comes along, and a
// transparent PDF page or PNG does not turn black in a JPEG.
QImage flattenedPage(const QImage &source, QSize size);

// An 8-bit palette rendition of a line-art page (rendered text, diagrams, charts), for a lossless
// PNG: every colour when the page has at most 256; else its 256 most frequent colours, when the
// others are rare (at most one pixel in 1000: the antialiasing where two colours meet, as Qt PDF
// renders a chart beside text) and each close to one of them, which it then takes. A null image for
// anything else: photographic content (many colours), or a rare colour of its own (a small logo).
QImage lineArtRendition(const QImage &page);

// Encodes a page for the wire (advisor side), chosen by content: line art (lineArtRendition) as an
// 8-bit palette PNG, lossless, so text stays crisp however far the customer zooms in, and a third
// to a half of the JPEG; anything else (photos, scans) as a progressive JPEG at quality 85 with
// fitted Huffman tables. No metadata is written.
PageImage encodePage(const QImage &page);

} // namespace consult::board
