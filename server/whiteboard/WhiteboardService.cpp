#include "WhiteboardService.h"

#include "PageAssembler.h"
#include "PageDelivery.h"
#include "consultation/ConsultationService.h"
#include "core/Clock.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"
#include "validation/FileName.h"
#include "whiteboard/PageImage.h"

#include <QLoggingCategory>

#include <map>

namespace consult {

Q_LOGGING_CATEGORY(lcWhiteboard, "consult.whiteboard")

using namespace whiteboard;

namespace {

constexpr std::size_t kMaxReferencedId = 64;   // of a consultation id echoed in Error.reference
constexpr std::size_t kMaxTitleBytes = 1024;   // before sanitising; the result is at most 200 bytes
constexpr quint32 kFirstStreamId = 0x57420000; // "WB": the bulk streams of page deliveries

QString referenced(const std::string &consultationId)
{
    return QString::fromStdString(consultationId.substr(0, kMaxReferencedId));
}

QString documentReference(const std::string &consultationId, quint32 documentId)
{
    return QStringLiteral("%1:d%2").arg(referenced(consultationId)).arg(documentId);
}

QString pageReference(const std::string &consultationId, quint32 documentId, quint32 pageIndex)
{
    return QStringLiteral("%1:p%2.%3").arg(referenced(consultationId)).arg(documentId).arg(pageIndex);
}

// A snapshot of one board, fixed when the transfer happens: the first page carries the documents,
// the shown page and the permission, every page as many operations as fit.
class BoardSnapshotSource final : public SnapshotSource
{
public:
    BoardSnapshotSource(wire::BoardSnapshot header, std::vector<wire::BoardOperation> operations)
        : m_header(std::move(header))
        , m_operations(std::move(operations))
    {}

    wire::SnapshotPage &fillPage(wire::Envelope &envelope, const PageLimits &limits) override
    {
        wire::BoardSnapshot *page = envelope.mutable_board_snapshot();
        page->set_consultation_id(m_header.consultation_id());
        qsizetype bytes = 0;
        if (m_first) {
            *page = m_header;
            bytes = static_cast<qsizetype>(page->ByteSizeLong());
            m_first = false;
        }
        while (page->operations_size() < limits.maxItems && m_next < m_operations.size()) {
            const auto size = static_cast<qsizetype>(m_operations[m_next].ByteSizeLong()) + 5;
            if ((page->operations_size() > 0 || bytes > 0) && bytes + size > limits.maxBytes)
                break;
            bytes += size;
            *page->add_operations() = std::move(m_operations[m_next++]);
        }
        return *page->mutable_page();
    }

    bool exhausted() override { return !m_first && m_next >= m_operations.size(); }

private:
    wire::BoardSnapshot m_header;
    std::vector<wire::BoardOperation> m_operations;
    std::size_t m_next = 0;
    bool m_first = true;
};

} // namespace

struct WhiteboardService::Board
{
    Board(std::string consultationId, BoardState::Limits limits)
        : state(std::move(consultationId), limits)
    {}

    BoardState state;
    std::map<PageKey, PageAssembler> incoming; // pages on their way in, their bytes reserved
    std::set<PageKey> refusedIncoming;         // the rest of a refused page is dropped quietly
    std::unique_ptr<PageDelivery> toCustomer;
    std::unique_ptr<PageDelivery> toAdvisor; // a colleague after a transfer
};

WhiteboardService::WhiteboardService(Settings settings, ConsultationService &consultations, SessionRegistry &registry,
                                     const Clock &clock)
    : m_settings(settings)
    , m_consultations(consultations)
    , m_registry(registry)
    , m_clock(clock)
    , m_pager([&registry](quint64 sessionId) { return registry.find(sessionId); }, settings.snapshotPaging)
    , m_lastStreamId(kFirstStreamId)
{}

WhiteboardService::~WhiteboardService() = default;

qint64 WhiteboardService::heldBytes() const
{
    qint64 bytes = 0;
    for (const auto &board : m_boards)
        bytes += board->state.bytes();
    return bytes;
}

const BoardState *WhiteboardService::board(const QString &consultationId) const
{
    const auto it = m_boards.constFind(consultationId);
    return it == m_boards.cend() ? nullptr : &it.value()->state;
}

// --- Lifecycle -------------------------------------------------------------------------------------

void WhiteboardService::consultationStarted(const ConsultationRecord &consultation)
{
    BoardState::Limits limits = m_settings.board;
    auto board = std::make_shared<Board>(consultation.id.toStdString(), limits);
    board->toCustomer = std::unique_ptr<PageDelivery>(deliveryTo(*board, consultation.customerSessionId, true));
    m_boards.insert(consultation.id, std::move(board));
}

PageDelivery *WhiteboardService::deliveryTo(Board &board, quint64 sessionId, bool tellAdvisor)
{
    const QString consultationId = QString::fromStdString(board.state.consultationId());
    PageDelivery::Delivered delivered;
    if (tellAdvisor)
        delivered = [this, consultationId](PageKey page) { pageDelivered(consultationId, page); };
    Board *owner = &board;
    return new PageDelivery(
        m_registry, sessionId, ++m_lastStreamId, board.state.consultationId(),
        [owner](PageKey page, bool preview) {
            return preview ? owner->state.storedPreview(page) : owner->state.storedPage(page);
        },
        std::move(delivered));
}

void WhiteboardService::advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId)
{
    const auto it = m_boards.find(consultation.id);
    if (it == m_boards.end())
        return;
    Board &board = *it.value();
    bool previousHoldsAnother = false;
    for (const auto &other : std::as_const(m_boards)) {
        if (other.get() != &board) {
            const ConsultationRecord *record =
                m_consultations.find(QString::fromStdString(other->state.consultationId()));
            previousHoldsAnother = previousHoldsAnother || (record && record->advisorSessionId == previousSessionId);
        }
    }
    if (!previousHoldsAnother)
        m_rates.remove(previousSessionId);
    // Pages still on their way in came from the previous advisor's app: the colleague sends anew.
    for (const auto &[page, assembler] : board.incoming)
        board.state.release(assembler.totalBytes());
    board.incoming.clear();
    board.refusedIncoming.clear();

    Session *colleague = m_registry.find(consultation.advisorSessionId);
    board.toAdvisor.reset(deliveryTo(board, consultation.advisorSessionId, false));
    if (!colleague)
        return;
    sendSnapshot(*colleague, board);
    for (const auto &[page, image] : board.state.storedPages())
        board.toAdvisor->enqueue(page);
}

void WhiteboardService::sendSnapshot(Session &advisor, const Board &board)
{
    const BoardState &state = board.state;
    wire::BoardSnapshot header;
    header.set_consultation_id(state.consultationId());
    for (const wire::BoardDocument &document : state.documents())
        *header.add_documents() = document;
    if (const auto shown = state.shown()) {
        header.set_shown_document_id(shown->documentId);
        header.set_shown_page_index(shown->pageIndex);
    }
    header.set_customer_may_draw(state.customerMayDraw());
    m_pager.send(advisor, std::make_unique<BoardSnapshotSource>(std::move(header), state.mergedOperations()));
}

void WhiteboardService::participantResumed(const ConsultationRecord &consultation, quint64 sessionId)
{
    const auto it = m_boards.find(consultation.id);
    if (it == m_boards.end())
        return;
    // The reliable channel replayed what the old connection numbered; the deliveries open their
    // streams on the new one and go on right after it.
    for (PageDelivery *delivery : {it.value()->toCustomer.get(), it.value()->toAdvisor.get()}) {
        if (delivery && delivery->sessionId() == sessionId)
            delivery->pump();
    }
}

void WhiteboardService::listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const
{
    const auto it = m_boards.constFind(consultation.id);
    if (it == m_boards.cend() || it.value()->state.documents().empty())
        return;
    // One item for the board: its page images (count and bytes); the annotations go with it.
    qint64 pageBytes = 0;
    for (const auto &[page, image] : it.value()->state.storedPages())
        pageBytes += image.bytes.size();
    wire::DeletedItem *item = receipt.add_items();
    item->set_kind(wire::DELETED_KIND_WHITEBOARD);
    item->set_count(static_cast<quint32>(it.value()->state.storedPages().size()));
    item->set_bytes(static_cast<quint64>(pageBytes));
}

void WhiteboardService::consultationEnded(const ConsultationRecord &consultation)
{
    // P1: the documents, page images and annotations go with the consultation.
    m_boards.remove(consultation.id);
    m_rates.remove(consultation.customerSessionId);
    for (const auto &other : std::as_const(m_boards)) {
        const ConsultationRecord *record = m_consultations.find(QString::fromStdString(other->state.consultationId()));
        if (record && record->advisorSessionId == consultation.advisorSessionId)
            return;
    }
    m_rates.remove(consultation.advisorSessionId);
}

// --- Messages --------------------------------------------------------------------------------------

void WhiteboardService::refuse(Session &sender, const BoardRefusal &refusal, const QString &reference,
                               quint32 retryAfterMs)
{
    wire::Envelope envelope;
    auto *error = envelope.mutable_error();
    error->set_code(refusal.code);
    error->set_message(refusal.message.toStdString());
    error->set_field(refusal.field.toStdString());
    error->set_reference(reference.toStdString());
    error->set_retry_after_ms(retryAfterMs);
    sender.send(std::move(envelope));
}

WhiteboardService::Board *WhiteboardService::boardFor(Session &sender, const std::string &consultationId,
                                                      const QString &reference)
{
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, consultationId);
    const auto it = consultation ? m_boards.find(consultation->id) : m_boards.end();
    if (it == m_boards.end()) {
        refuse(sender, BoardRefusal::notFound("no such consultation"), reference); // S5: no oracle
        return nullptr;
    }
    // I5: the board's own budget, apart from the session's control messages, so a stroke's extends
    // (about 30 a second) never starve them nor they it.
    const qint64 nowUs = m_clock.monotonicUs();
    auto rate = m_rates.find(sender.id());
    if (rate == m_rates.end())
        rate =
            m_rates.insert(sender.id(), TokenBucket(m_settings.operationsPerSecond, m_settings.operationBurst, nowUs));
    if (!rate->tryTake(nowUs)) {
        ++m_operationsOverRate;
        const auto waitMs = static_cast<quint32>((rate->waitUs(nowUs) + 999) / 1000);
        refuse(sender, {wire::ERROR_RATE_LIMITED, {}, QStringLiteral("too many board operations")}, reference,
               qMax<quint32>(1, waitMs));
        return nullptr;
    }
    return it.value().get();
}

void WhiteboardService::handleDocument(Session &sender, const wire::BoardDocument &document)
{
    const QString reference = documentReference(document.consultation_id(), document.document_id());
    Board *board = boardFor(sender, document.consultation_id(), reference);
    if (!board)
        return;
    // I2, U6: the title as any file name is shown.
    const QString raw = QString::fromStdString(document.title());
    if (document.title().empty() || document.title().size() > kMaxTitleBytes || !raw.isValidUtf16()) {
        refuse(sender, BoardRefusal::invalid("title", "a title has 1..1024 bytes"), reference);
        return;
    }
    wire::BoardDocument kept = document;
    kept.set_consultation_id(board->state.consultationId());
    kept.set_title(validation::sanitiseFileName(raw).toStdString());
    if (auto refusal = board->state.addDocument(kept)) {
        refuse(sender, *refusal, reference);
        return;
    }
    // P3: the anonymous statistics note that the board was used, nothing of what was on it.
    m_consultations.noteFeature(QString::fromStdString(kept.consultation_id()), StatisticsStore::Whiteboard);
    qCDebug(lcWhiteboard) << "document" << kept.document_id() << "with" << kept.pages_size() << "pages";
    const ConsultationRecord *consultation =
        m_consultations.find(QString::fromStdString(board->state.consultationId()));
    if (Session *customer = consultation ? m_registry.find(consultation->customerSessionId) : nullptr) {
        wire::Envelope envelope;
        *envelope.mutable_board_document() = std::move(kept);
        customer->send(std::move(envelope));
    }
}

void WhiteboardService::handlePageData(Session &sender, const wire::BoardPageData &chunk)
{
    const QString reference = pageReference(chunk.consultation_id(), chunk.document_id(), chunk.page_index());
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, chunk.consultation_id());
    const auto it = consultation ? m_boards.find(consultation->id) : m_boards.end();
    if (it == m_boards.end()) {
        refuse(sender, BoardRefusal::notFound("no such consultation"), reference); // S5
        return;
    }
    Board &board = *it.value();
    const PageKey key{chunk.document_id(), chunk.page_index()};
    const auto size = board.state.pageSize(key);
    if (!size) {
        refuse(sender, BoardRefusal::notFound("no such page"), reference);
        return;
    }
    auto incoming = board.incoming.find(key);
    if (incoming == board.incoming.end()) {
        if (chunk.offset() != 0 && board.refusedIncoming.count(key))
            return; // the rest of a page already refused: one answer is enough
        board.refusedIncoming.erase(key);
        if (board.state.storedPage(key)) {
            refuse(sender, BoardRefusal::invalid("page_image", "the page is complete already"), reference);
            return;
        }
        if (chunk.preview() && board.state.storedPreview(key)) {
            refuse(sender, BoardRefusal::invalid("page_image", "the page's preview came already"), reference);
            return;
        }
        if (auto refusal = PageAssembler::checkStart(chunk, *size, m_settings.maxPageBytes)) {
            board.refusedIncoming.insert(key);
            refuse(sender, *refusal, reference);
            return;
        }
        if (!board.state.reserve(chunk.total_bytes())) {
            board.refusedIncoming.insert(key);
            refuse(sender, BoardRefusal::limit("board_bytes", "the board holds as many bytes as it may"), reference);
            return;
        }
        incoming = board.incoming.emplace(key, PageAssembler(*size, m_settings.maxPageBytes)).first;
    }
    const auto step = incoming->second.add(chunk);
    if (const auto *refusal = std::get_if<BoardRefusal>(&step)) {
        board.state.release(incoming->second.totalBytes());
        board.incoming.erase(incoming);
        board.refusedIncoming.insert(key);
        refuse(sender, *refusal, reference);
        return;
    }
    if (std::get<PageAssembler::Step>(step) == PageAssembler::Step::More)
        return;
    const bool preview = incoming->second.isPreview();
    StoredPage page{incoming->second.format(), incoming->second.take()};
    board.incoming.erase(incoming);
    qCDebug(lcWhiteboard) << (preview ? "preview" : "page") << key.documentId << key.pageIndex << "complete,"
                          << page.bytes.size() << "bytes";
    // Its bytes stay reserved. The customer gets the preview first: the deliveries keep the order.
    if (preview)
        board.state.storePreview(key, std::move(page));
    else
        board.state.storePage(key, std::move(page));
    board.toCustomer->enqueue(key, preview);
}

void WhiteboardService::pageDelivered(const QString &consultationId, PageKey page)
{
    const ConsultationRecord *consultation = m_consultations.find(consultationId);
    if (!consultation || !m_boards.contains(consultationId))
        return;
    Session *advisor = m_registry.find(consultation->advisorSessionId);
    if (!advisor || advisor->stage() == Session::Stage::Closing)
        return;
    wire::Envelope envelope;
    auto *delivered = envelope.mutable_board_page_delivered();
    delivered->set_consultation_id(consultationId.toStdString());
    delivered->set_document_id(page.documentId);
    delivered->set_page_index(page.pageIndex);
    advisor->send(std::move(envelope));
}

void WhiteboardService::handleShowPage(Session &sender, const wire::BoardShowPage &show)
{
    const QString reference = documentReference(show.consultation_id(), show.document_id());
    Board *board = boardFor(sender, show.consultation_id(), reference);
    if (!board)
        return;
    const PageKey key{show.document_id(), show.page_index()};
    if (!board->state.hasPage(key)) {
        refuse(sender, BoardRefusal::notFound("no such page"), reference);
        return;
    }
    board->state.show(key);
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, show.consultation_id());
    if (Session *customer = m_registry.find(consultation->customerSessionId)) {
        wire::Envelope envelope;
        *envelope.mutable_board_show_page() = show;
        envelope.mutable_board_show_page()->set_consultation_id(board->state.consultationId());
        customer->send(std::move(envelope));
    }
}

void WhiteboardService::handlePermission(Session &sender, const wire::BoardPermission &permission)
{
    const QString reference = referenced(permission.consultation_id()) + QStringLiteral(":b");
    Board *board = boardFor(sender, permission.consultation_id(), reference);
    if (!board)
        return;
    board->state.setCustomerMayDraw(permission.customer_may_draw());
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, permission.consultation_id());
    if (Session *customer = m_registry.find(consultation->customerSessionId)) {
        wire::Envelope envelope;
        *envelope.mutable_board_permission() = permission;
        envelope.mutable_board_permission()->set_consultation_id(board->state.consultationId());
        customer->send(std::move(envelope));
    }
}

void WhiteboardService::handleAnnotate(Session &sender, const wire::BoardAnnotate &annotate)
{
    const QString reference =
        QStringLiteral("%1:a%2").arg(referenced(annotate.consultation_id())).arg(annotate.client_op_id());
    Board *board = boardFor(sender, annotate.consultation_id(), reference);
    if (!board)
        return;
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, annotate.consultation_id());
    const wire::Party author = consultation->partyOf(sender.id());
    if (author == wire::PARTY_CUSTOMER && !board->state.customerMayDraw()) {
        refuse(sender, BoardRefusal::notAllowed("the advisor has not allowed drawing"), reference);
        return;
    }
    const auto checked = validateAnnotation(annotate, author, AnnotationLimits{m_settings.board.maxPoints});
    if (const auto *refusal = std::get_if<BoardRefusal>(&checked)) {
        refuse(sender, *refusal, reference);
        return;
    }
    auto applied = board->state.apply(author, std::get<wire::BoardAnnotate>(checked), m_clock.nowMs());
    if (const auto *refusal = std::get_if<BoardRefusal>(&applied)) {
        refuse(sender, *refusal, reference);
        return;
    }
    // Both in the board's order: the author's copy confirms its drawing.
    wire::Envelope envelope;
    *envelope.mutable_board_operation() = std::move(std::get<wire::BoardOperation>(applied));
    if (Session *peer = m_registry.find(consultation->peerOf(sender.id())))
        peer->send(wire::Envelope(envelope));
    sender.send(std::move(envelope));
}

void WhiteboardService::handlePointer(Session &sender, const wire::BoardPointer &pointer)
{
    // Live only (P1): relayed to the peer if it makes sense, never kept, never answered; a pointer
    // that does not is dropped as a late one would be.
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, pointer.consultation_id());
    const auto it = consultation ? m_boards.constFind(consultation->id) : m_boards.cend();
    if (it == m_boards.cend())
        return;
    if (pointer.visible() &&
        (!it.value()->state.hasPage(PageKey{pointer.document_id(), pointer.page_index()}) ||
         pointer.x() > quint32(board::PageLimits::kPageUnits) || pointer.y() > quint32(board::PageLimits::kPageUnits)))
        return;
    Session *peer = m_registry.find(consultation->peerOf(sender.id()));
    Connection *connection = peer ? peer->connection() : nullptr;
    if (!connection || !connection->isOpen())
        return;
    wire::Envelope envelope;
    auto *relayed = envelope.mutable_board_pointer();
    *relayed = pointer;
    relayed->set_consultation_id(consultation->id.toStdString());
    relayed->set_party(consultation->partyOf(sender.id()));
    // The video class: behind audio and chat, dropped rather than late.
    connection->sendFrame(peer->channel().stampUnsequenced(envelope), SendClass::Video);
}

} // namespace consult
