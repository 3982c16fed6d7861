#include "PdfStructureScan.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace consult::documents {

namespace {

using namespace std::string_view_literals;

constexpr QByteArrayView kZipLocalFile("PK\x03\x04", 4);
constexpr QByteArrayView kZipEndOfDirectory("PK\x05\x06", 4);
// A ZIP reader looks for its end record in the last 64 KiB of comment plus the record's 22 bytes.
constexpr qsizetype kZipTail = 65'535 + 22;
// The longest an /OpenAction's GoTo dictionary may be; the most objects /OpenAction may refer to
// (each is looked up in the whole file, so they are few).
constexpr qsizetype kMaxActionBytes = 4096;
constexpr qsizetype kMaxOpenActionTargets = 8;
// The longest name the scan compares; longer names are never one of ours.
constexpr qsizetype kMaxComparedName = 32;

bool isWhite(char c)
{
    return c == '\0' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

bool isDelimiter(char c)
{
    return c != '\0' && std::strchr("()<>[]{}/%", c) != nullptr;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// One name token: its decoded bytes (up to kMaxComparedName, else `tooLong`) and where it ends.
struct NameToken
{
    std::array<char, kMaxComparedName> bytes{};
    qsizetype length = 0;
    bool tooLong = false;
    qsizetype end = 0;

    std::string_view view() const
    {
        return tooLong ? std::string_view() : std::string_view(bytes.data(), size_t(length));
    }
};

// Reads the name whose '/' is at `slash`, decoding #xx escapes as every PDF reader does.
NameToken readName(QByteArrayView bytes, qsizetype slash)
{
    NameToken token;
    qsizetype i = slash + 1;
    while (i < bytes.size() && !isWhite(bytes[i]) && !isDelimiter(bytes[i])) {
        char c = bytes[i];
        if (c == '#' && i + 2 < bytes.size() && hexValue(bytes[i + 1]) >= 0 && hexValue(bytes[i + 2]) >= 0) {
            c = char(hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]));
            i += 3;
        } else {
            ++i;
        }
        if (token.length < kMaxComparedName)
            token.bytes[size_t(token.length++)] = c;
        else
            token.tooLong = true;
    }
    token.end = i;
    return token;
}

qsizetype skipWhite(QByteArrayView bytes, qsizetype i)
{
    while (i < bytes.size() && isWhite(bytes[i]))
        ++i;
    return i;
}

// Reads an unsigned number after optional whitespace at `i`, moving `i` past it; -1 if none.
qint64 readNumber(QByteArrayView bytes, qsizetype &i)
{
    i = skipWhite(bytes, i);
    const qsizetype start = i;
    qint64 value = 0;
    while (i < bytes.size() && isDigit(bytes[i]) && i - start < 12)
        value = value * 10 + (bytes[i++] - '0');
    return i > start ? value : -1;
}

// The object number whose header ("12 0 obj") ends with the "obj" at `at`, or -1 when none does.
qint64 objectNumberBefore(QByteArrayView bytes, qsizetype at)
{
    qsizetype i = at - 1;
    const auto digitsBefore = [&] {
        const qsizetype end = i;
        while (i >= 0 && isDigit(bytes[i]))
            --i;
        return i < end;
    };
    const auto whiteBefore = [&] {
        const qsizetype end = i;
        while (i >= 0 && isWhite(bytes[i]))
            --i;
        return i < end;
    };
    if (!whiteBefore() || !digitsBefore() || !whiteBefore() || !digitsBefore())
        return -1;
    qsizetype digits = i + 1;
    return readNumber(bytes, digits);
}

// True for a dictionary (at the start of `bytes`) that is a GoTo action: exactly one /S, and it is
// /GoTo, with no /Next (a chained second action). pdfTeX's hyperref opens documents with one.
bool isGoToAction(QByteArrayView bytes)
{
    if (!bytes.startsWith("<<"))
        return false;
    int depth = 0;
    qsizetype end = 0;
    // A real action dictionary is short; an unclosed one must not make the scan quadratic.
    const qsizetype window = std::min<qsizetype>(bytes.size(), kMaxActionBytes);
    for (qsizetype i = 0; i + 1 < window; ++i) {
        if (bytes[i] == '<' && bytes[i + 1] == '<') {
            ++depth;
            ++i;
        } else if (bytes[i] == '>' && bytes[i + 1] == '>') {
            ++i;
            if (--depth == 0) {
                end = i + 1;
                break;
            }
        }
    }
    if (end == 0)
        return false;
    const QByteArrayView dictionary = bytes.first(end);
    int actionTypes = 0;
    bool goTo = false;
    for (qsizetype at = dictionary.indexOf('/'); at >= 0; at = dictionary.indexOf('/', at + 1)) {
        const NameToken token = readName(dictionary, at);
        const std::string_view name = token.view();
        if (name == "Next"sv)
            return false;
        if (name != "S"sv)
            continue;
        ++actionTypes;
        const qsizetype value = skipWhite(dictionary, token.end);
        if (value < dictionary.size() && dictionary[value] == '/') {
            const NameToken type = readName(dictionary, value);
            goTo = type.view() == "GoTo"sv;
        }
    }
    return actionTypes == 1 && goTo;
}

// What an /OpenAction may be: a destination array, or a GoTo action (both only show a page).
bool isHarmlessOpenAction(QByteArrayView bytes)
{
    return bytes.startsWith("[") || isGoToAction(bytes);
}

// True when `bytes` holds an object header ("12 0 obj"): an object hidden in what looks like data.
bool containsObjectHeader(QByteArrayView bytes)
{
    for (qsizetype at = bytes.indexOf("obj"); at >= 0; at = bytes.indexOf("obj", at + 3)) {
        if (objectNumberBefore(bytes, at) >= 0)
            return true;
    }
    return false;
}

// Inflates a zlib stream into `out`, at most `budget` bytes; false when it would be more. Whatever a
// damaged stream yields before its error is kept: a PDF reader would use that much too.
bool inflateBounded(QByteArrayView in, QByteArray &out, qsizetype budget)
{
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK)
        return false;
    std::array<char, 1 << 16> buffer;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    stream.avail_in = uInt(std::min<qsizetype>(in.size(), std::numeric_limits<uInt>::max()));
    bool withinBudget = true;
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
        stream.avail_out = uInt(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        const qsizetype produced = qsizetype(buffer.size() - stream.avail_out);
        if (out.size() + produced > budget) {
            withinBudget = false;
            break;
        }
        out.append(buffer.data(), produced);
        if (produced == 0 && stream.avail_in == 0)
            break;
    }
    inflateEnd(&stream);
    return withinBudget;
}

// One pass over one PDF's bytes, as scanPdfStructure's rule says; keeps what the pass learnt (the
// inflated object streams, the /OpenAction references to resolve at the end). Lives for one call.
class Scanner
{
public:
    explicit Scanner(QByteArrayView pdf)
        : m_pdf(pdf)
    {}

    PdfScanFinding run()
    {
        if (!checkPrefix() || !checkZipTail())
            return m_finding;
        qsizetype pos = 0;
        while (pos < m_pdf.size()) {
            const qsizetype keyword = nextStreamKeyword(pos);
            if (keyword < 0)
                break;
            const qsizetype dataStart = keyword + (m_pdf[keyword + 6] == '\r' ? 8 : 7);
            const qsizetype dataEnd = m_pdf.indexOf("endstream", dataStart);
            if (dataEnd < 0) {
                // Cut off or forged. Qt PDF (PDFium) would rebuild the file around it, and where the
                // cross-reference table is missing too, leaks about 2 KB on every such load
                // (found by fuzz_document_content): refused before Qt PDF sees it.
                m_finding = {PdfScanFinding::Kind::Unreadable, QStringLiteral("a stream without endstream")};
                return m_finding;
            }
            const QByteArrayView structure = m_pdf.sliced(pos, keyword - pos);
            if (!scanStructure(structure))
                return m_finding;
            const qsizetype objectStart = structure.lastIndexOf("obj");
            const QByteArrayView dictionary = structure.sliced(std::max<qsizetype>(objectStart, 0));
            if (!scanStreamData(dictionary, m_pdf.sliced(dataStart, dataEnd - dataStart)))
                return m_finding;
            pos = std::min(m_pdf.size(), dataEnd + 9);
        }
        if (scanStructure(m_pdf.sliced(pos)))
            resolveOpenActions();
        return m_finding;
    }

private:
    enum class Region
    {
        Structure,
        StreamData,
    };

    QByteArrayView m_pdf;
    PdfScanFinding m_finding;
    qsizetype m_inflated = 0;
    QList<qint64> m_openActionTargets;                         // /OpenAction n 0 R: what n must be
    QHash<qint64, QList<QByteArrayView>> m_objectStreamBodies; // per object in an object stream: its text on
    QList<QByteArray> m_inflatedStreams;                       // what those views point into

    // An /OpenAction by reference (pdfTeX writes `/OpenAction 98 0 R`, 98 being `<< /S /GoTo /D [99 0
    // R /Fit] >>`) is allowed when every definition of that object is harmless.
    void resolveOpenActions()
    {
        for (const qint64 target : std::as_const(m_openActionTargets)) {
            QList<QByteArrayView> bodies = m_objectStreamBodies.value(target);
            for (qsizetype at = m_pdf.indexOf("obj"); at >= 0; at = m_pdf.indexOf("obj", at + 3)) {
                if (objectNumberBefore(m_pdf, at) == target)
                    bodies.append(m_pdf.sliced(skipWhite(m_pdf, at + 3)));
            }
            if (bodies.isEmpty() || !std::all_of(bodies.begin(), bodies.end(), isHarmlessOpenAction)) {
                refuse(PdfScanFinding::Kind::ActiveContent, QStringLiteral("/OpenAction with an action"));
                return;
            }
        }
    }

    // Notes how each object of an inflated object stream begins (its header: pairs "number offset").
    void noteObjectStreamObjects(QByteArrayView inflated, qint64 first)
    {
        if (first < 0 || first > inflated.size())
            return;
        const QByteArrayView header = inflated.first(qsizetype(first));
        qsizetype i = 0;
        for (;;) {
            const qint64 number = readNumber(header, i);
            const qint64 offset = readNumber(header, i);
            if (number < 0 || offset < 0)
                return;
            const qsizetype body = skipWhite(inflated, qsizetype(std::min<qint64>(first + offset, inflated.size())));
            m_objectStreamBodies[number].append(inflated.sliced(body));
        }
    }

    bool refuse(PdfScanFinding::Kind kind, QString detail)
    {
        m_finding = {kind, std::move(detail)};
        return false;
    }

    // Bytes before "%PDF-" are tolerated by readers; HTML, XML, scripts or an executable there
    // make the file something else as well.
    bool checkPrefix()
    {
        const qsizetype header = m_pdf.first(std::min<qsizetype>(m_pdf.size(), 1024)).indexOf("%PDF-");
        if (header <= 0)
            return true;
        const QByteArray prefix = m_pdf.first(header).toByteArray().toLower();
        for (const char *marker : {"<html", "<script", "<!doctype", "<?xml", "<svg", "<body", "<?php", "<iframe"}) {
            if (prefix.contains(marker))
                return refuse(PdfScanFinding::Kind::Polyglot, QStringLiteral("markup before the header"));
        }
        for (const QByteArrayView magic : {QByteArrayView("MZ"),
                                           QByteArrayView("\x7f"
                                                          "ELF"),
                                           kZipLocalFile, QByteArrayView("#!")}) {
            if (m_pdf.startsWith(magic))
                return refuse(PdfScanFinding::Kind::Polyglot,
                              QStringLiteral("executable or archive before the header"));
        }
        return true;
    }

    bool checkZipTail()
    {
        if (m_pdf.last(std::min(m_pdf.size(), kZipTail)).contains(kZipEndOfDirectory))
            return refuse(PdfScanFinding::Kind::Polyglot, QStringLiteral("ZIP end of central directory"));
        return true;
    }

    // The next `stream` keyword that opens stream data: after a dictionary's ">>", followed by an
    // end of line, not the tail of "endstream".
    qsizetype nextStreamKeyword(qsizetype from) const
    {
        for (qsizetype at = m_pdf.indexOf("stream", from); at >= 0; at = m_pdf.indexOf("stream", at + 6)) {
            if (at >= 3 && m_pdf.sliced(at - 3, 3) == "end")
                continue;
            qsizetype before = at - 1;
            while (before >= 0 && isWhite(m_pdf[before]))
                --before;
            if (before < 1 || m_pdf[before] != '>' || m_pdf[before - 1] != '>')
                continue;
            const QByteArrayView after = m_pdf.sliced(at + 6);
            if (after.startsWith("\r\n") || after.startsWith("\n"))
                return at;
        }
        return -1;
    }

    bool scanStructure(QByteArrayView bytes)
    {
        if (bytes.contains(kZipLocalFile))
            return refuse(PdfScanFinding::Kind::Polyglot, QStringLiteral("ZIP local file header"));
        return scanNames(bytes, Region::Structure);
    }

    bool scanStreamData(QByteArrayView dictionary, QByteArrayView data)
    {
        bool objectStream = false;
        bool filterKey = false;
        bool parameters = false;
        int filters = 0;
        bool flate = false;
        qint64 first = -1;
        for (qsizetype at = dictionary.indexOf('/'); at >= 0; at = dictionary.indexOf('/', at + 1)) {
            const NameToken token = readName(dictionary, at); // the view below points into it
            const std::string_view name = token.view();
            if (name == "ObjStm"sv) {
                objectStream = true;
            } else if (name == "First"sv) {
                objectStream = true;
                qsizetype after = token.end;
                first = readNumber(dictionary, after);
            } else if (name == "Filter"sv)
                filterKey = true;
            else if (name == "DecodeParms"sv)
                parameters = true;
            else if (name == "FlateDecode"sv || name == "Fl"sv) {
                flate = true;
                ++filters;
            } else if (name.ends_with("Decode"sv) || name == "Crypt"sv || name == "AHx"sv || name == "A85"sv ||
                       name == "LZW"sv || name == "RL"sv || name == "CCF"sv || name == "DCT"sv)
                ++filters;
        }
        if (!objectStream) {
            // Ordinary stream data (page content, images, fonts): an object header inside means a
            // reader may find an object here that a naive scan would skip, so it counts as structure.
            return scanNames(data, containsObjectHeader(data) ? Region::Structure : Region::StreamData);
        }
        if (!filterKey) {
            noteObjectStreamObjects(data, first);
            return scanStructure(data);
        }
        if (filters != 1 || !flate || parameters)
            return refuse(PdfScanFinding::Kind::Unreadable,
                          QStringLiteral("object stream with a filter the scan cannot open"));
        QByteArray inflated;
        if (!inflateBounded(data, inflated, kMaxInflatedBytes - m_inflated))
            return refuse(PdfScanFinding::Kind::Unreadable, QStringLiteral("object streams inflate beyond the limit"));
        m_inflated += inflated.size();
        m_inflatedStreams.append(inflated);
        noteObjectStreamObjects(m_inflatedStreams.constLast(), first);
        return scanStructure(inflated);
    }

    bool scanNames(QByteArrayView bytes, Region region)
    {
        for (qsizetype at = bytes.indexOf('/'); at >= 0; at = bytes.indexOf('/', at + 1)) {
            const NameToken token = readName(bytes, at);
            const std::string_view name = token.view();
            if (name.empty())
                continue;
            if (name == "Encrypt"sv)
                return refuse(PdfScanFinding::Kind::Encrypted, QStringLiteral("/Encrypt"));
            if (name == "OpenAction"sv) {
                const qsizetype next = skipWhite(bytes, token.end);
                if (isHarmlessOpenAction(bytes.sliced(next)))
                    continue; // opens at a page, runs nothing
                qsizetype i = token.end;
                const qint64 number = readNumber(bytes, i);
                const qint64 generation = readNumber(bytes, i);
                i = skipWhite(bytes, i);
                if (number >= 0 && generation >= 0 && i < bytes.size() && bytes[i] == 'R') {
                    // Decided at the end, when every object was seen.
                    if (!m_openActionTargets.contains(number))
                        m_openActionTargets.append(number);
                    if (m_openActionTargets.size() > kMaxOpenActionTargets)
                        return refuse(PdfScanFinding::Kind::ActiveContent, QStringLiteral("/OpenAction many times"));
                    continue;
                }
                return refuse(PdfScanFinding::Kind::ActiveContent, QStringLiteral("/OpenAction with an action"));
            }
            static constexpr std::array kAnywhere = {"JavaScript"sv,    "Launch"sv,    "EmbeddedFile"sv,
                                                     "EmbeddedFiles"sv, "RichMedia"sv, "XFA"sv};
            static constexpr std::array kStructureOnly = {"JS"sv, "AA"sv};
            const bool active = std::find(kAnywhere.begin(), kAnywhere.end(), name) != kAnywhere.end() ||
                                (region == Region::Structure &&
                                 std::find(kStructureOnly.begin(), kStructureOnly.end(), name) != kStructureOnly.end());
            if (active)
                return refuse(PdfScanFinding::Kind::ActiveContent,
                              QStringLiteral("/") + QLatin1StringView(name.data(), qsizetype(name.size())));
        }
        return true;
    }
};

} // namespace

PdfScanFinding scanPdfStructure(QByteArrayView pdf)
{
    return Scanner(pdf).run();
}

} // namespace consult::documents
