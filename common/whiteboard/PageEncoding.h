#pragma once

#include "PageImage.h"

#include <QImage>

namespace consult::board {

// A fresh opaque page of `size`: `source` scaled into it over white. Fresh on purpose: nothing of
// the source's metadata (text chunks, EXIF comments, colour profile names) comes along, and a
// transparent PDF page or PNG does not turn black in a JPEG.
QImage flattenedPage(const QImage &source, QSize size);

// Encodes a page for the wire (advisor side). JPEG at quality 85 by default: photos and scanned
// pages are a fraction of their PNG size. A page with at most 256 colours (rendered text, line art,
// diagrams) is also tried as an 8-bit palette PNG, which is lossless, keeps text edges crisp and is
// then usually smaller; the smaller of the two is sent. No metadata is written.
PageImage encodePage(const QImage &page);

} // namespace consult::board
