#include "app/TerminalQrCode.h"

#include <QStringList>
#include <QTest>

using namespace consult;

// The enrolment's QR code drawn for a terminal (A5): half blocks, two modules a line, a square with
// its quiet zone, and a clear refusal for what does not fit into a QR code.
class TestTerminalQrCode final : public QObject
{
    Q_OBJECT
private slots:
    void aUriIsDrawnAsASquareInsideItsQuietZone()
    {
        const auto drawn = TerminalQrCode::render(
            QStringLiteral("otpauth://totp/Sparkasse:anna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Sparkasse"));
        QVERIFY(drawn);
        QStringList lines = drawn->split(u'\n');
        QCOMPARE(lines.takeLast(), QString()); // ends with a newline
        const qsizetype side = lines.first().size();
        QVERIFY(side >= 21 + 8); // version 1 is 21 modules, plus 4 of quiet zone each side
        QCOMPARE(lines.size(), (side + 1) / 2);
        const QString light(side, QChar(0x2588));
        // Four modules of light border: the first two lines fully light, and the first and last
        // four columns of every line but the last (whose lower half lies outside the picture).
        QCOMPARE(lines.at(0), light);
        QCOMPARE(lines.at(1), light);
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            QCOMPARE(lines.at(i).size(), side);
            QCOMPARE(lines.at(i).left(4), light.left(4));
            QCOMPARE(lines.at(i).right(4), light.left(4));
        }
        // Dark modules exist: the finder pattern in the top-left corner starts at line 2, column 4.
        QVERIFY(lines.at(2).at(4) != QChar(0x2588));
    }

    void whatDoesNotFitIsRefused() { QVERIFY(!TerminalQrCode::render(QString(8000, u'x'))); }
};

QTEST_GUILESS_MAIN(TestTerminalQrCode)
#include "TestTerminalQrCode.moc"
