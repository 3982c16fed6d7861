#include "TerminalQrCode.h"

#include <qrencode.h>

#include <memory>

namespace consult::TerminalQrCode {

namespace {

constexpr int kQuietZone = 4; // modules of light border on every side (ISO/IEC 18004)

} // namespace

std::optional<QString> render(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return std::nullopt;
    const int width = code->width;
    const int side = width + 2 * kQuietZone;
    // Bit 0 of each module byte is "dark"; outside the symbol is the light quiet zone.
    const auto dark = [&](int row, int column) {
        row -= kQuietZone;
        column -= kQuietZone;
        if (row < 0 || column < 0 || row >= width || column >= width)
            return false;
        return (code->data[row * width + column] & 1) != 0;
    };
    // Light is drawn, dark is left blank: the terminal's background stands for the dark modules,
    // its foreground (on both light and dark colour schemes a contrast) for the light ones.
    QString lines;
    for (int row = 0; row < side; row += 2) {
        for (int column = 0; column < side; ++column) {
            const bool upperLight = !dark(row, column);
            const bool lowerLight = row + 1 < side ? !dark(row + 1, column) : false;
            if (upperLight && lowerLight)
                lines += QChar(0x2588); // full block
            else if (upperLight)
                lines += QChar(0x2580); // upper half block
            else if (lowerLight)
                lines += QChar(0x2584); // lower half block
            else
                lines += u' ';
        }
        lines += u'\n';
    }
    return lines;
}

} // namespace consult::TerminalQrCode
