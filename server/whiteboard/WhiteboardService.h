#pragma once

#include "AnnotationValidator.h"
#include "BoardState.h"
#include "consultation/ConsultationSubscriber.h"
#include "core/TokenBucket.h"
#include "protocol/consult.pb.h"
#include "snapshots/SnapshotPager.h"

#include <QHash>
#include <QString>

#include <memory>
#include <set>

namespace consult {

class Clock;
class ConsultationService;
class Session;
class SessionRegistry;

namespace whiteboard {
class PageAssembler;
class PageDelivery;
} // namespace whiteboard

// The whiteboard of a consultation on the server (seed 001 step 7): the advisor opens documents as
// page images, shows a page and allows the customer to draw; both annotate and point. Every message
// is checked (the sender's consultation, S5; the limits of [whiteboard]; the content: page chunks
// and image headers, annotation shapes, text, I2, I4) and refused with the Error the proto's
// Whiteboard section describes, with Error.reference "<consultation_id>:...". Accepted operations get
// the board's order and go to both; documents, the shown page and the permission to the customer;
// complete page images to the customer through a sequenced bulk stream (PageDelivery), and the
// advisor hears BoardPageDelivered once the customer's app has a page; the pointer goes to the peer
// in the video class and is never kept. A colleague who takes over by transfer gets a paged
// BoardSnapshot and then every page image. Everything lives in RAM only (P1) and goes when the
// consultation ends; nothing of the content is logged. A part of every consultation; owned by the
// ServerCore.
class WhiteboardService final : public ConsultationSubscriber
{
public:
    struct Settings
    {
        whiteboard::BoardState::Limits board;
        qint64 maxPageBytes = 2 * 1024 * 1024;
        double operationsPerSecond = 40; // per participant (I5): documents, show page, permission,
        double operationBurst = 80;      // annotations; a stroke's extends come about 30 a second
        PagingSettings snapshotPaging;
    };

    WhiteboardService(Settings settings, ConsultationService &consultations, SessionRegistry &registry,
                      const Clock &clock);
    ~WhiteboardService() override;

    void handleDocument(Session &sender, const wire::BoardDocument &document);
    void handlePageData(Session &sender, const wire::BoardPageData &chunk);
    void handleShowPage(Session &sender, const wire::BoardShowPage &show);
    void handleAnnotate(Session &sender, const wire::BoardAnnotate &annotate);
    void handlePointer(Session &sender, const wire::BoardPointer &pointer);
    void handlePermission(Session &sender, const wire::BoardPermission &permission);

    // What the server holds of boards, for tests and metrics: boards alive, and their bytes (page
    // images, pages on their way in, operations).
    int boardCount() const { return static_cast<int>(m_boards.size()); }
    // I5: board operations refused over a participant's rate since start (for the metrics).
    quint64 operationsOverRate() const { return m_operationsOverRate; }
    qint64 heldBytes() const;
    const whiteboard::BoardState *board(const QString &consultationId) const;

    // ConsultationSubscriber
    void consultationStarted(const ConsultationRecord &consultation) override;
    void advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId) override;
    void participantResumed(const ConsultationRecord &consultation, quint64 sessionId) override;
    void listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const override;
    void consultationEnded(const ConsultationRecord &consultation) override;

private:
    struct Board;

    // The sender's board, after its rate (I5) and its consultation (S5); else refused (null).
    Board *boardFor(Session &sender, const std::string &consultationId, const QString &reference);
    void refuse(Session &sender, const whiteboard::BoardRefusal &refusal, const QString &reference,
                quint32 retryAfterMs = 0);
    void pageDelivered(const QString &consultationId, whiteboard::PageKey page);
    void sendSnapshot(Session &advisor, const Board &board);
    whiteboard::PageDelivery *deliveryTo(Board &board, quint64 sessionId, bool tellAdvisor);

    Settings m_settings;
    ConsultationService &m_consultations;
    SessionRegistry &m_registry;
    const Clock &m_clock;
    SnapshotPager m_pager;
    QHash<QString, std::shared_ptr<Board>> m_boards;
    QHash<quint64, TokenBucket> m_rates; // per participant's session, while it takes part in a board
    quint64 m_operationsOverRate = 0;
    quint32 m_lastStreamId = 0; // bulk stream ids: unique per connection, so per service
};

} // namespace consult
