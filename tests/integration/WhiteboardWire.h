#pragma once

// The whiteboard on the wire for the raw-client suites (TestWhiteboard, TestWhiteboardRefusals):
// page images, the board's envelopes as the advisor's and customer's apps send them, what a client
// received, and the shared server's limits with a consultation whose board is open.
#include "support/RawConsultation.h"

#include <QBuffer>
#include <QImage>
#include <QMetaType>
#include <QRandomGenerator>
#include <QSet>

#include <functional>
#include <initializer_list>
#include <optional>

namespace consult::testing {

inline constexpr int kChunk = 32 * 1024;

inline QByteArray png(QSize size, const QString &comment = {}, bool noisy = false)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    if (noisy) {
        QRandomGenerator random(11);
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < size.width(); ++x)
                line[x] = random.generate() | 0xff000000u;
        }
    }
    if (!comment.isEmpty())
        image.setText(QStringLiteral("Comment"), comment); // a PNG tEXt chunk
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

inline QByteArray jpeg(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG");
    return bytes;
}

inline wire::Envelope documentEnvelope(const QString &consultationId, quint32 id, const std::string &title,
                                       const QList<QSize> &pages)
{
    wire::Envelope envelope;
    auto *document = envelope.mutable_board_document();
    document->set_consultation_id(consultationId.toStdString());
    document->set_document_id(id);
    document->set_title(title);
    for (const QSize &size : pages) {
        auto *page = document->add_pages();
        page->set_width(static_cast<quint32>(size.width()));
        page->set_height(static_cast<quint32>(size.height()));
    }
    return envelope;
}

inline QList<wire::Envelope> pageEnvelopes(const QString &consultationId, quint32 documentId, quint32 pageIndex,
                                           const QByteArray &bytes,
                                           wire::BoardImageFormat format = wire::BOARD_IMAGE_FORMAT_PNG)
{
    QList<wire::Envelope> chunks;
    for (qsizetype offset = 0; offset < bytes.size(); offset += kChunk) {
        wire::Envelope envelope;
        auto *chunk = envelope.mutable_board_page_data();
        chunk->set_consultation_id(consultationId.toStdString());
        chunk->set_document_id(documentId);
        chunk->set_page_index(pageIndex);
        chunk->set_format(format);
        chunk->set_total_bytes(static_cast<quint32>(bytes.size()));
        chunk->set_offset(static_cast<quint32>(offset));
        chunk->set_data(bytes.mid(offset, kChunk).toStdString());
        chunks.append(envelope);
    }
    return chunks;
}

inline wire::BoardShape shape(wire::BoardTool tool, std::initializer_list<quint32> points, const std::string &text = {})
{
    wire::BoardShape shape;
    shape.set_tool(tool);
    shape.set_color(0x1E64C8);
    shape.set_width(5);
    for (const quint32 value : points)
        shape.add_points(value);
    shape.set_text(text);
    return shape;
}

inline wire::Envelope drawEnvelope(const QString &consultationId, quint32 clientOpId, const wire::BoardShape &drawn,
                                   quint32 pageIndex = 0)
{
    wire::Envelope envelope;
    auto *annotate = envelope.mutable_board_annotate();
    annotate->set_consultation_id(consultationId.toStdString());
    annotate->set_document_id(1);
    annotate->set_page_index(pageIndex);
    annotate->set_client_op_id(clientOpId);
    *annotate->mutable_draw() = drawn;
    return envelope;
}

inline wire::Envelope annotateEnvelope(const QString &consultationId, quint32 clientOpId,
                                       const std::function<void(wire::BoardAnnotate &)> &action)
{
    wire::Envelope envelope;
    auto *annotate = envelope.mutable_board_annotate();
    annotate->set_consultation_id(consultationId.toStdString());
    annotate->set_document_id(1);
    annotate->set_client_op_id(clientOpId);
    action(*annotate);
    return envelope;
}

inline wire::Envelope permissionEnvelope(const QString &consultationId, bool allowed)
{
    wire::Envelope envelope;
    envelope.mutable_board_permission()->set_consultation_id(consultationId.toStdString());
    envelope.mutable_board_permission()->set_customer_may_draw(allowed);
    return envelope;
}

inline wire::Envelope showEnvelope(const QString &consultationId, quint32 documentId, quint32 pageIndex)
{
    wire::Envelope envelope;
    envelope.mutable_board_show_page()->set_consultation_id(consultationId.toStdString());
    envelope.mutable_board_show_page()->set_document_id(documentId);
    envelope.mutable_board_show_page()->set_page_index(pageIndex);
    return envelope;
}

inline wire::Envelope pointerEnvelope(const QString &consultationId, quint32 x, quint32 y)
{
    wire::Envelope envelope;
    auto *pointer = envelope.mutable_board_pointer();
    pointer->set_consultation_id(consultationId.toStdString());
    pointer->set_document_id(1);
    pointer->set_x(x);
    pointer->set_y(y);
    pointer->set_visible(true);
    return envelope;
}

inline QList<wire::Envelope> ofBody(const QList<wire::Envelope> &envelopes, wire::Envelope::BodyCase body)
{
    QList<wire::Envelope> found;
    for (const wire::Envelope &envelope : envelopes) {
        if (envelope.body_case() == body)
            found.append(envelope);
    }
    return found;
}

// The first Error after `from` whose reference is `reference`.
inline std::optional<wire::Error> errorFor(RawClient &client, const QString &reference, int from)
{
    const std::string wanted = reference.toStdString();
    const auto found = client.waitFor(
        [&](const wire::Envelope &envelope) { return envelope.has_error() && envelope.error().reference() == wanted; },
        from);
    if (!found)
        return std::nullopt;
    return found->error();
}

// The page's bytes as the chunks among `envelopes` carry them, each distinct sequence number once.
inline QByteArray reassembled(const QList<wire::Envelope> &envelopes, quint32 documentId, quint32 pageIndex,
                              int *chunkCount = nullptr)
{
    QByteArray bytes;
    QSet<quint64> seen;
    int count = 0;
    for (const wire::Envelope &envelope : envelopes) {
        if (!envelope.has_board_page_data() || seen.contains(envelope.seq()))
            continue;
        const wire::BoardPageData &chunk = envelope.board_page_data();
        if (chunk.document_id() != documentId || chunk.page_index() != pageIndex)
            continue;
        seen.insert(envelope.seq());
        if (qsizetype(chunk.offset()) != bytes.size())
            return QByteArrayLiteral("out of order");
        bytes += QByteArray::fromStdString(chunk.data());
        ++count;
    }
    if (chunkCount)
        *chunkCount = count;
    return bytes;
}

using EnvelopeBuilder = std::function<wire::Envelope(const QString &consultationId)>;

// The [whiteboard] limits of the suites' shared server: 3 documents of at most 4 pages, 512 KiB a
// page, 2 MiB a board, 30 operations, 50 point pairs a stroke.
inline void configureBoardLimits(ServerConfig &config)
{
    config.maxProtocolErrors = 1000;
    config.whiteboardMaxDocuments = 3;
    config.whiteboardMaxPages = 4;
    config.whiteboardMaxPageBytes = 512 * 1024;
    config.whiteboardMaxBoardBytes = 2 * 1024 * 1024;
    config.whiteboardMaxOperations = 30;
    config.whiteboardMaxPoints = 50;
}

// The `n`th consultation on `server` (0 to 11, each with its own advisor) with document 1 (two
// pages of 40x30) open and its first page delivered to the customer.
inline bool openBoardOn(TestServer &server, int n, RawConsultation &out)
{
    static const QStringList advisors = {QStringLiteral("anna"),   QStringLiteral("bernd"), QStringLiteral("carla"),
                                         QStringLiteral("dora"),   QStringLiteral("emil"),  QStringLiteral("frieda"),
                                         QStringLiteral("gustav"), QStringLiteral("hanna"), QStringLiteral("ida"),
                                         QStringLiteral("jonas"),  QStringLiteral("karl"),  QStringLiteral("lena")};
    const QString customer = QStringLiteral("Kundin %1").arg(QChar(char16_t(u'A' + n)));
    if (!startRawConsultation(server, advisors.at(n), customer, out))
        return false;
    if (!out.customer->waitForBody(wire::Envelope::kChatMessage, 0)) // the greeting
        return false;
    const int from = out.customer->mark();
    out.advisor->sendReliable(documentEnvelope(out.id, 1, "Angebot.pdf", {QSize(40, 30), QSize(40, 30)}));
    for (const wire::Envelope &chunk : pageEnvelopes(out.id, 1, 0, png(QSize(40, 30))))
        out.advisor->sendReliable(chunk);
    // Settled: the customer has the page and the advisor has heard so, before a test marks anything.
    return out.customer->waitForBody(wire::Envelope::kBoardPageData, from).has_value() &&
           out.advisor->waitForBody(wire::Envelope::kBoardPageDelivered, 0).has_value();
}

} // namespace consult::testing

Q_DECLARE_METATYPE(consult::testing::EnvelopeBuilder)
