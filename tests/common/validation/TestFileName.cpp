#include "validation/FileName.h"

#include <QTest>

using namespace consult::validation;

namespace {

QString repeated(const char *unit, int count)
{
    return QString::fromUtf8(unit).repeated(count);
}

} // namespace

// U6: an uploaded file's name is display metadata that is safe to show and to save on any platform.
class TestFileName final : public QObject
{
    Q_OBJECT
private slots:
    void namesAreSanitised_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("sanitised");

        const auto add = [](const char *name, const QString &raw, const QString &sanitised) {
            QTest::newRow(name) << raw << sanitised;
        };
        add("ordinary name", QStringLiteral("Kontoauszug 2025-03.pdf"), QStringLiteral("Kontoauszug 2025-03.pdf"));
        add("emoji are kept", QStringLiteral("Urlaub 🏖.jpg"), QStringLiteral("Urlaub 🏖.jpg"));
        // U6: the examples of the requirement.
        add("U6 path traversal", QStringLiteral("../../etc/passwd"), QStringLiteral("passwd"));
        add("U6 device name with extension", QStringLiteral("CON.pdf"), QStringLiteral("_CON.pdf"));
        add("U6 alternate data stream", QStringLiteral("a:b.pdf"), QStringLiteral("a_b.pdf"));
        add("U6 right-to-left override", QStringLiteral("x\u202Efdp.exe"), QStringLiteral("xfdp.exe"));
        // Paths, both separators.
        add("Windows path", QStringLiteral("C:\\Users\\anna\\Desktop\\Vertrag.pdf"), QStringLiteral("Vertrag.pdf"));
        add("Windows traversal", QStringLiteral("..\\..\\Windows\\system32\\cmd.exe"), QStringLiteral("cmd.exe"));
        add("Unix absolute path", QStringLiteral("/home/anna/scan.png"), QStringLiteral("scan.png"));
        add("mixed separators", QStringLiteral("a/b\\c/d.txt"), QStringLiteral("d.txt"));
        add("UNC path", QStringLiteral("\\\\server\\share\\x.docx"), QStringLiteral("x.docx"));
        add("drive-relative path", QStringLiteral("C:x.pdf"), QStringLiteral("C_x.pdf"));
        add("trailing separator leaves nothing", QStringLiteral("folder/"), QStringLiteral("document"));
        // Windows device names, any case, with or without extension.
        add("device name alone", QStringLiteral("con"), QStringLiteral("_con"));
        add("PRN", QStringLiteral("PRN.txt"), QStringLiteral("_PRN.txt"));
        add("AUX", QStringLiteral("aux.tar.gz"), QStringLiteral("_aux.tar.gz"));
        add("NUL", QStringLiteral("Nul.docx"), QStringLiteral("_Nul.docx"));
        add("COM1", QStringLiteral("COM1.txt"), QStringLiteral("_COM1.txt"));
        add("COM9", QStringLiteral("com9"), QStringLiteral("_com9"));
        add("LPT1", QStringLiteral("Lpt1.pdf"), QStringLiteral("_Lpt1.pdf"));
        add("LPT9", QStringLiteral("LPT9.png"), QStringLiteral("_LPT9.png"));
        add("superscript COM", QStringLiteral("COM\u00B9.txt"), QStringLiteral("_COM\u00B9.txt"));
        add("device name with a space before the dot", QStringLiteral("CON .pdf"), QStringLiteral("_CON .pdf"));
        add("device name behind a path", QStringLiteral("dir/NUL.pdf"), QStringLiteral("_NUL.pdf"));
        add("device name behind a trailing dot", QStringLiteral("CON."), QStringLiteral("_CON"));
        add("CONIN$", QStringLiteral("conin$"), QStringLiteral("_conin$"));
        add("longer name starting like a device", QStringLiteral("CONSOLE.pdf"), QStringLiteral("CONSOLE.pdf"));
        add("COM10 is no device", QStringLiteral("COM10.txt"), QStringLiteral("COM10.txt"));
        add("device name inside is fine", QStringLiteral("my.CON.pdf"), QStringLiteral("my.CON.pdf"));
        // Characters Windows forbids.
        add("every forbidden character", QStringLiteral("a*b?c\"d<e>f|g.txt"), QStringLiteral("a_b_c_d_e_f_g.txt"));
        add("question mark", QStringLiteral("Warum?.pdf"), QStringLiteral("Warum_.pdf"));
        // Dots and spaces.
        add("trailing dot", QStringLiteral("report.pdf."), QStringLiteral("report.pdf"));
        add("trailing spaces", QStringLiteral("report.pdf   "), QStringLiteral("report.pdf"));
        add("trailing dots and spaces", QStringLiteral("report.pdf. . ."), QStringLiteral("report.pdf"));
        add("leading spaces", QStringLiteral("   report.pdf"), QStringLiteral("report.pdf"));
        add("dot runs collapse", QStringLiteral("a..b...pdf"), QStringLiteral("a.b.pdf"));
        add("hidden file", QStringLiteral(".bashrc"), QStringLiteral("_bashrc"));
        add("only an extension behind dots", QStringLiteral("...pdf"), QStringLiteral("_pdf"));
        add("two dots", QStringLiteral(".."), QStringLiteral("document"));
        add("three dots", QStringLiteral("..."), QStringLiteral("document"));
        add("one dot", QStringLiteral("."), QStringLiteral("document"));
        // Invisible and control characters (I2).
        add("zero-width space", QStringLiteral("in\u200Bvoice.pdf"), QStringLiteral("invoice.pdf"));
        add("zero-width joiner", QStringLiteral("in\u200Dvoice.pdf"), QStringLiteral("invoice.pdf"));
        add("byte order mark", QStringLiteral("\uFEFFinvoice.pdf"), QStringLiteral("invoice.pdf"));
        add("soft hyphen", QStringLiteral("in\u00ADvoice.pdf"), QStringLiteral("invoice.pdf"));
        add("left-to-right isolate", QStringLiteral("\u2066invoice\u2069.pdf"), QStringLiteral("invoice.pdf"));
        add("NUL truncation trick", QStringLiteral("evil.exe") + QChar(u'\0') + QStringLiteral(".pdf"),
            QStringLiteral("evil.exe.pdf"));
        add("escape sequence", QStringLiteral("a\x1b[31m.txt"), QStringLiteral("a[31m.txt"));
        add("C1 control", QStringLiteral("a\u0085b.txt"), QStringLiteral("a b.txt"));
        add("DEL", QStringLiteral("a\x7f.txt"), QStringLiteral("a.txt"));
        add("line break becomes a space", QStringLiteral("line\nbreak.txt"), QStringLiteral("line break.txt"));
        add("tab becomes a space", QStringLiteral("tab\there.txt"), QStringLiteral("tab here.txt"));
        add("line separator becomes a space", QStringLiteral("a\u2028b.txt"), QStringLiteral("a b.txt"));
        add("lone surrogate is dropped", QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b.txt"),
            QStringLiteral("ab.txt"));
        add("only invisible characters", QStringLiteral("\u200B\u202E"), QStringLiteral("document"));
        // NFC, also where a removal brings a letter and its mark together.
        add("decomposed umlaut is composed", QStringLiteral("Mu\u0308ller.pdf"), QStringLiteral("Müller.pdf"));
        add("composed after removal", QStringLiteral("Cafe\u200B\u0301.txt"), QStringLiteral("Café.txt"));
        add("empty", QString(), QStringLiteral("document"));
        add("only spaces", QStringLiteral("   "), QStringLiteral("document"));
    }
    void namesAreSanitised()
    {
        QFETCH(QString, raw);
        QFETCH(QString, sanitised);
        QCOMPARE(sanitiseFileName(raw), sanitised);
        // A sanitised name is a fixed point: storing it again changes nothing.
        QCOMPARE(sanitiseFileName(sanitised), sanitised);
    }

    void longNamesAreCutKeepingTheExtension_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("sanitised");

        const auto add = [](const char *name, const QString &raw, const QString &sanitised) {
            QTest::newRow(name) << raw << sanitised;
        };
        add("exactly 200 bytes are kept", repeated("a", 196) + QStringLiteral(".pdf"),
            repeated("a", 196) + QStringLiteral(".pdf"));
        add("ASCII", repeated("a", 250) + QStringLiteral(".pdf"), repeated("a", 196) + QStringLiteral(".pdf"));
        add("two-byte characters", repeated("ü", 100) + QStringLiteral(".pdf"),
            repeated("ü", 98) + QStringLiteral(".pdf"));
        add("three-byte characters are not split", repeated("日", 70) + QStringLiteral(".pdf"),
            repeated("日", 65) + QStringLiteral(".pdf"));
        add("surrogate pairs are not split", repeated("😀", 60) + QStringLiteral(".pdf"),
            repeated("😀", 49) + QStringLiteral(".pdf"));
        add("no dot before the extension after the cut",
            repeated("a", 195) + QStringLiteral(".b") + repeated("c", 10) + QStringLiteral(".pdf"),
            repeated("a", 195) + QStringLiteral(".pdf"));
        add("no space before the extension after the cut",
            repeated("a", 195) + QStringLiteral(" ") + repeated("c", 10) + QStringLiteral(".pdf"),
            repeated("a", 195) + QStringLiteral(".pdf"));
        add("a long extension is cut as part of the name", QStringLiteral("a.") + repeated("x", 250),
            QStringLiteral("a.") + repeated("x", 198));
        add("no extension", repeated("a", 300), repeated("a", 200));
        add("a device name with a long extension stays prefixed", QStringLiteral("CON.") + repeated("x", 250),
            QStringLiteral("_CON.") + repeated("x", 195));
    }
    void longNamesAreCutKeepingTheExtension()
    {
        QFETCH(QString, raw);
        QFETCH(QString, sanitised);
        const QString result = sanitiseFileName(raw);
        QCOMPARE(result, sanitised);
        QVERIFY(result.toUtf8().size() <= kMaxFileNameBytes);
    }
};

QTEST_GUILESS_MAIN(TestFileName)
#include "TestFileName.moc"
