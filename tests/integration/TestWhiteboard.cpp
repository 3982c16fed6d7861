// The server's whiteboard on the wire, through a real server with real TLS and raw clients (the
// client part of the board is another unit's): documents, page images and the shown page reach the
// customer, another consultation's board answers like none, the customer draws only when allowed,
// both see one order, the pointer goes live to the peer only, a resume in the middle of a page or
// right after its last numbered chunk ends with the page complete exactly once, a transfer hands the
// colleague the snapshot and the pages, and at the end the board is gone (P1) with no canary left
// on disk, in the database or in the log (P1, I2, S5, S6). The refusals, limits and rates are in
// TestWhiteboardRefusals.
#include "WhiteboardWire.h"
#include "support/CanarySearch.h"
#include "support/EpollTestMain.h"

#include "consultation/ConsultationService.h"
#include "core/SecureRandom.h"
#include "session/Connection.h"
#include "session/SessionRegistry.h"

#include <QLoggingCategory>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>

using namespace consult;
using namespace consult::testing;

class TestWhiteboard final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void aDocumentItsPagesAndTheShownPageReachTheCustomer();
    void anotherConsultationsBoardAnswersLikeOneThatNeverExisted();
    void theCustomerDrawsOnlyWhileTheAdvisorAllowsIt();
    void bothParticipantsSeeTheSameOrder();
    void thePointerGoesLiveToThePeerOnlyAndIsNeverKept();
    void aResumeInTheMiddleOfAPageEndsWithThePageCompleteExactlyOnce();
    void aResumeRightAfterTheLastNumberedChunkContinuesWithTheNext();
    void aTransferGivesTheColleagueTheSnapshotAndThePages();
    void nothingOfTheBoardRemainsAfterTheEndNotOnDiskNorInTheLog();

private:
    // A new consultation on the shared server with document 1 (two pages of 40x30) open and its
    // first page delivered to the customer.
    bool openBoard(RawConsultation &out) { return openBoardOn(*m_server, m_consultations++, out); }

    std::unique_ptr<TestServer> m_server;
    int m_consultations = 0;
};

void TestWhiteboard::initTestCase()
{
    m_server = std::make_unique<TestServer>(configureBoardLimits);
    QVERIFY(m_server->start());
}

void TestWhiteboard::cleanupTestCase()
{
    m_server.reset();
}

// Seed 001 step 7: the advisor opens a document, its pages arrive complete at the customer (several
// chunks, exactly once each), the customer follows the shown page, and the advisor hears of each
// page the customer's app has. The title is sanitised like any file name (I2, U6), and the
// statistics note the board was used (P3).
void TestWhiteboard::aDocumentItsPagesAndTheShownPageReachTheCustomer()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const int customerFrom = board.customer->mark();
    const int advisorFrom = board.advisor->mark();
    const QByteArray first = png(QSize(200, 150), {}, true);
    const QByteArray second = jpeg(QSize(120, 90));
    QVERIFY(first.size() > 2 * kChunk);
    board.advisor->sendReliable(
        documentEnvelope(board.id, 2, "../Konten:Übersicht.pdf", {QSize(200, 150), QSize(120, 90)}));
    for (const wire::Envelope &chunk : pageEnvelopes(board.id, 2, 0, first))
        board.advisor->sendReliable(chunk);
    for (const wire::Envelope &chunk : pageEnvelopes(board.id, 2, 1, second, wire::BOARD_IMAGE_FORMAT_JPEG))
        board.advisor->sendReliable(chunk);
    board.advisor->sendReliable(showEnvelope(board.id, 2, 1));

    QVERIFY(board.customer->waitForBody(wire::Envelope::kBoardShowPage, customerFrom));
    QVERIFY(spinUntil(
        [&] {
            return ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).size() >= 2;
        },
        10'000));
    const QList<wire::Envelope> seen = board.customer->receivedSince(customerFrom);
    const QList<wire::Envelope> documents = ofBody(seen, wire::Envelope::kBoardDocument);
    QCOMPARE(documents.size(), 1);
    QCOMPARE(documents.first().board_document().title(), std::string("Konten_Übersicht.pdf"));
    QCOMPARE(documents.first().board_document().pages_size(), 2);
    int chunks = 0;
    QCOMPARE(reassembled(seen, 2, 0, &chunks), first);
    QCOMPARE(chunks, int((first.size() + kChunk - 1) / kChunk));
    QCOMPARE(reassembled(seen, 2, 1), second);
    QCOMPARE(ofBody(seen, wire::Envelope::kBoardPageData).size(), chunks + 1); // nothing twice
    const auto show = ofBody(seen, wire::Envelope::kBoardShowPage).first().board_show_page();
    QCOMPARE(show.document_id(), 2u);
    QCOMPARE(show.page_index(), 1u);

    const auto delivered = ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered);
    QCOMPARE(delivered.size(), 2);
    QCOMPARE(delivered.at(0).board_page_delivered().page_index(), 0u);
    QCOMPARE(delivered.at(1).board_page_delivered().page_index(), 1u);
    QCOMPARE(delivered.at(1).board_page_delivered().consultation_id(), board.id.toStdString());

    const ConsultationRecord *record = m_server->core().consultations().find(board.id);
    QVERIFY(record);
    QVERIFY(record->features & StatisticsStore::Whiteboard);
}

// S5: a board message naming another consultation gets exactly the answer an id that never existed
// gets, and that consultation's participants receive nothing.
void TestWhiteboard::anotherConsultationsBoardAnswersLikeOneThatNeverExisted()
{
    RawConsultation mine;
    RawConsultation theirs;
    QVERIFY(openBoard(mine));
    QVERIFY(openBoard(theirs));
    QString neverExisted = theirs.id;
    neverExisted.replace(0, 4, QStringLiteral("zzzz"));
    const int theirCustomer = theirs.customer->mark();
    // The answer with the named id taken out of its reference: everything else must be identical.
    const auto answer = [&](const QString &id, const wire::Envelope &envelope, const QString &suffix) {
        const int from = mine.advisor->mark();
        mine.advisor->sendReliable(envelope);
        auto error = errorFor(*mine.advisor, id + suffix, from);
        if (error)
            error->set_reference(suffix.toStdString());
        return error ? QByteArray::fromStdString(error->SerializeAsString()) : QByteArray();
    };
    const std::array<std::pair<EnvelopeBuilder, QString>, 4> attacks = {
        std::pair{EnvelopeBuilder([](const QString &id) { return documentEnvelope(id, 9, "x.pdf", {QSize(4, 4)}); }),
                  QStringLiteral(":d9")},
        std::pair{
            EnvelopeBuilder([](const QString &id) { return pageEnvelopes(id, 1, 1, png(QSize(40, 30))).first(); }),
            QStringLiteral(":p1.1")},
        std::pair{EnvelopeBuilder([](const QString &id) {
                      return drawEnvelope(id, 3, shape(wire::BOARD_TOOL_PEN, {1, 1}));
                  }),
                  QStringLiteral(":a3")},
        std::pair{EnvelopeBuilder([](const QString &id) { return permissionEnvelope(id, true); }),
                  QStringLiteral(":b")},
    };
    for (const auto &[build, suffix] : attacks) {
        const QByteArray foreign = answer(theirs.id, build(theirs.id), suffix);
        const QByteArray unknown = answer(neverExisted, build(neverExisted), suffix);
        QVERIFY(!foreign.isEmpty());
        wire::Error error;
        QVERIFY(error.ParseFromString(foreign.toStdString()));
        QCOMPARE(error.code(), wire::ERROR_NOT_FOUND);
        QCOMPARE(foreign.toHex(), unknown.toHex());
    }
    mine.advisor->sendUnsequenced(pointerEnvelope(theirs.id, 10, 10));
    QVERIFY(mine.advisor->sync());
    QVERIFY(theirs.customer->sync());
    QVERIFY(applicationEnvelopes(theirs.customer->receivedSince(theirCustomer)).isEmpty());
}

// S6 and the proto: the customer's annotations are refused (NOT_ALLOWED) until the advisor allows
// drawing, accepted while allowed, refused again once it is taken back.
void TestWhiteboard::theCustomerDrawsOnlyWhileTheAdvisorAllowsIt()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const QString id = board.id;
    int from = board.customer->mark();
    board.customer->sendReliable(drawEnvelope(id, 1, shape(wire::BOARD_TOOL_PEN, {10, 10})));
    auto refused = errorFor(*board.customer, id + QStringLiteral(":a1"), from);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_NOT_ALLOWED);

    from = board.customer->mark();
    board.advisor->sendReliable(permissionEnvelope(id, true));
    const auto permission = board.customer->waitForBody(wire::Envelope::kBoardPermission, from);
    QVERIFY(permission);
    QVERIFY(permission->board_permission().customer_may_draw());
    const int advisorFrom = board.advisor->mark();
    board.customer->sendReliable(drawEnvelope(id, 2, shape(wire::BOARD_TOOL_PEN, {10, 10, 20, 20})));
    const auto atAdvisor = board.advisor->waitForBody(wire::Envelope::kBoardOperation, advisorFrom);
    QVERIFY(atAdvisor);
    QCOMPARE(atAdvisor->board_operation().author(), wire::PARTY_CUSTOMER);
    QCOMPARE(atAdvisor->board_operation().client_op_id(), 2u);
    const auto confirmed = board.customer->waitForBody(wire::Envelope::kBoardOperation, from);
    QVERIFY(confirmed);
    QCOMPARE(confirmed->board_operation().order(), atAdvisor->board_operation().order());

    board.advisor->sendReliable(permissionEnvelope(id, false));
    QVERIFY(board.customer->waitFor(
        [](const wire::Envelope &e) { return e.has_board_permission() && !e.board_permission().customer_may_draw(); },
        from));
    from = board.customer->mark();
    board.customer->sendReliable(drawEnvelope(id, 3, shape(wire::BOARD_TOOL_PEN, {10, 10})));
    refused = errorFor(*board.customer, id + QStringLiteral(":a3"), from);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_NOT_ALLOWED);
}

// Both apps build the same picture because both receive every operation in one order, 1, 2, 3, ...
// whoever sent it and however the sends interleave.
void TestWhiteboard::bothParticipantsSeeTheSameOrder()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    board.advisor->sendReliable(permissionEnvelope(board.id, true));
    QVERIFY(board.customer->waitForBody(wire::Envelope::kBoardPermission, 0));
    const int advisorFrom = board.advisor->mark();
    const int customerFrom = board.customer->mark();
    for (quint32 i = 1; i <= 10; ++i) {
        board.advisor->sendReliable(drawEnvelope(board.id, i, shape(wire::BOARD_TOOL_RECTANGLE, {i, i, 100, 100})));
        board.customer->sendReliable(drawEnvelope(board.id, 100 + i, shape(wire::BOARD_TOOL_ARROW, {i, i, 50, 50})));
    }
    const auto operations = [](const RawClient &client, int from) {
        QList<std::tuple<quint64, int, quint32>> seen;
        for (const wire::Envelope &e : ofBody(client.receivedSince(from), wire::Envelope::kBoardOperation))
            seen.append(
                {e.board_operation().order(), int(e.board_operation().author()), e.board_operation().client_op_id()});
        return seen;
    };
    QVERIFY(spinUntil(
        [&] {
            return operations(*board.advisor, advisorFrom).size() == 20 &&
                   operations(*board.customer, customerFrom).size() == 20;
        },
        10'000));
    const auto atAdvisor = operations(*board.advisor, advisorFrom);
    QCOMPARE(atAdvisor, operations(*board.customer, customerFrom));
    for (int i = 1; i < atAdvisor.size(); ++i)
        QCOMPARE(std::get<0>(atAdvisor.at(i)), std::get<0>(atAdvisor.at(i - 1)) + 1);
}

// The laser pointer: relayed live to the peer with the sender's party, unsequenced, never to the
// sender, and never part of the board (the board's order does not move; a snapshot has no place
// for it).
void TestWhiteboard::thePointerGoesLiveToThePeerOnlyAndIsNeverKept()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const quint64 ordersBefore = m_server->core().whiteboard().board(board.id)->lastOrder();
    const int advisorFrom = board.advisor->mark();
    const int customerFrom = board.customer->mark();
    board.advisor->sendUnsequenced(pointerEnvelope(board.id, 5000, 2500));
    const auto pointer = board.customer->waitForBody(wire::Envelope::kBoardPointer, customerFrom);
    QVERIFY(pointer);
    QCOMPARE(pointer->seq(), 0u);
    QCOMPARE(pointer->board_pointer().party(), wire::PARTY_ADVISOR);
    QCOMPARE(pointer->board_pointer().x(), 5000u);
    board.customer->sendUnsequenced(pointerEnvelope(board.id, 1, 2));
    const auto back = board.advisor->waitForBody(wire::Envelope::kBoardPointer, advisorFrom);
    QVERIFY(back);
    QCOMPARE(back->board_pointer().party(), wire::PARTY_CUSTOMER);
    board.advisor->sendUnsequenced(pointerEnvelope(board.id, 20000, 1)); // off the page: dropped
    QVERIFY(board.advisor->sync());
    QVERIFY(board.customer->sync());
    QCOMPARE(ofBody(board.customer->receivedSince(customerFrom), wire::Envelope::kBoardPointer).size(), 1);
    QCOMPARE(ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPointer).size(), 1);
    QVERIFY(ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kError).isEmpty());
    QCOMPARE(m_server->core().whiteboard().board(board.id)->lastOrder(), ordersBefore);
}

// R1 with the board: the customer's connection drops while a page is on its way; after the resume
// the page is complete at the customer, every byte exactly once, and the advisor hears of it once.
void TestWhiteboard::aResumeInTheMiddleOfAPageEndsWithThePageCompleteExactlyOnce()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const QByteArray image = png(QSize(250, 250), {}, true);
    const int pageChunks = int((image.size() + kChunk - 1) / kChunk);
    QVERIFY(pageChunks >= 5);
    // The customer's app holds back its acknowledgements, so the page stops within the server's
    // window; the connection then drops with the first chunk seen and the rest sent or on its way.
    board.customer->setAutoAcknowledge(false);
    std::optional<ReliableChannel> atFirstChunk;
    int firstChunkEnd = -1;
    connect(board.customer.get(), &RawClient::envelopeReceived, this, [&](const wire::Envelope &envelope) {
        if (envelope.has_board_page_data() && !atFirstChunk) {
            atFirstChunk = board.customer->channel();
            firstChunkEnd = board.customer->mark();
        }
    });
    const int customerFrom = board.customer->mark();
    const int advisorFrom = board.advisor->mark();
    board.advisor->sendReliable(documentEnvelope(board.id, 2, "gross.png", {QSize(250, 250)}));
    for (const wire::Envelope &chunk : pageEnvelopes(board.id, 2, 0, image))
        board.advisor->sendReliable(chunk);
    QVERIFY(spinUntil([&] { return atFirstChunk.has_value(); }, 10'000));
    const QList<wire::Envelope> before = board.customer->received().mid(customerFrom, firstChunkEnd - customerFrom);
    QCOMPARE(ofBody(before, wire::Envelope::kBoardPageData).size(), 1);
    board.customer->abort();

    // The new connection has seen only the first chunk: the server replays what it numbered after
    // that and goes on with the rest.
    auto resumed = std::make_unique<RawClient>();
    resumed->channel() = *atFirstChunk;
    QVERIFY(resumed->open(m_server->endpoint()));
    QVERIFY(resumed->resume(board.customer->resumeToken()));
    QVERIFY(spinUntil(
        [&] {
            return !ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).isEmpty();
        },
        10'000));
    const QList<wire::Envelope> all = before + resumed->received();
    int chunks = 0;
    QCOMPARE(reassembled(all, 2, 0, &chunks), image);
    QCOMPARE(chunks, pageChunks);
    QCOMPARE(ofBody(all, wire::Envelope::kBoardPageData).size(), pageChunks); // nothing twice
    QVERIFY(resumed->sync());
    QVERIFY(board.advisor->sync());
    QCOMPARE(ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).size(), 1);
    board.customer = std::move(resumed);
}

// R1, the other half of a page's resume: the customer stops reading, so the server numbers the first
// chunks of a page and holds the rest unnumbered in the connection's send scheduler, and the
// connection is cut right there. After the resume the reliable channel replays the numbered chunks
// and the page's delivery goes on right after the last of them (PageDelivery, a new connection):
// every chunk exactly once, none missing, in order, and the advisor hears of the page once.
void TestWhiteboard::aResumeRightAfterTheLastNumberedChunkContinuesWithTheNext()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    ServerCore &core = m_server->core();
    const ConsultationRecord *record = core.consultations().find(board.id);
    QVERIFY(record);
    Session *session = core.registry().find(record->customerSessionId);
    QVERIFY(session && session->connection());
    Connection *connection = session->connection();

    // Small socket buffers on both ends and a customer that reads nothing more: the page cannot
    // leave at once, and what cannot leave waits in the scheduler, not yet numbered.
    QSslSocket *serverTls = connection->transport();
    auto *customerTls = board.customer->socket()->findChild<QSslSocket *>(QString(), Qt::FindDirectChildrenOnly);
    QVERIFY(serverTls && customerTls);
    serverTls->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 8192);
    customerTls->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8192);
    customerTls->setReadBufferSize(4096);
    QObject::disconnect(customerTls, &QIODevice::readyRead, nullptr, nullptr);
    const ReliableChannel atCut = board.customer->channel();

    const QByteArray image = png(QSize(350, 350), {}, true);
    const int pageChunks = int((image.size() + kChunk - 1) / kChunk);
    QVERIFY(pageChunks >= 10);
    const quint64 numberedBefore = session->channel().lastSent();
    const int advisorFrom = board.advisor->mark();
    board.advisor->sendReliable(documentEnvelope(board.id, 2, "gross.png", {QSize(350, 350)}));
    for (const wire::Envelope &chunk : pageEnvelopes(board.id, 2, 0, image))
        board.advisor->sendReliable(chunk);
    // The document and at least one chunk are numbered, and chunks wait behind the full socket.
    QVERIFY(spinUntil(
        [&] {
            return session->channel().lastSent() >= numberedBefore + 2 && connection->scheduler().queuedFrames() > 0;
        },
        10'000));
    const quint64 numberedAtCut = session->channel().lastSent();
    board.customer->abort();

    auto resumed = std::make_unique<RawClient>();
    resumed->channel() = atCut;
    QVERIFY(resumed->open(m_server->endpoint()));
    QVERIFY(resumed->resume(board.customer->resumeToken()));
    QVERIFY(spinUntil(
        [&] {
            return !ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).isEmpty();
        },
        20'000));
    const QList<wire::Envelope> all = resumed->received();
    const QList<wire::Envelope> chunks = ofBody(all, wire::Envelope::kBoardPageData);
    int distinct = 0;
    QCOMPARE(reassembled(all, 2, 0, &distinct), image); // in order, none missing
    QCOMPARE(distinct, pageChunks);
    QCOMPARE(chunks.size(), pageChunks); // nothing twice
    // The cut fell where it should: some chunks were numbered before it (replayed), the rest after.
    const auto replayed = std::count_if(chunks.begin(), chunks.end(),
                                        [&](const wire::Envelope &chunk) { return chunk.seq() <= numberedAtCut; });
    QVERIFY2(replayed >= 1 && replayed < pageChunks, qPrintable(QString::number(replayed)));
    QVERIFY(resumed->sync());
    QVERIFY(board.advisor->sync());
    QCOMPARE(ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).size(), 1);
    board.customer = std::move(resumed);
}

// A transfer hands the board over: the colleague gets a BoardSnapshot (documents, shown page,
// permission, every operation in order with a stroke's extends merged into its draw), then every
// page image; the customer's board goes on with the colleague.
void TestWhiteboard::aTransferGivesTheColleagueTheSnapshotAndThePages()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const QString id = board.id;
    const QByteArray second = png(QSize(40, 30), QStringLiteral("Seite zwei"));
    for (const wire::Envelope &chunk : pageEnvelopes(id, 1, 1, second))
        board.advisor->sendReliable(chunk);
    board.advisor->sendReliable(showEnvelope(id, 1, 1));
    board.advisor->sendReliable(permissionEnvelope(id, true));
    board.advisor->sendReliable(drawEnvelope(id, 1, shape(wire::BOARD_TOOL_PEN, {1, 1, 2, 2}), 1));
    board.advisor->sendReliable(annotateEnvelope(id, 2, [](wire::BoardAnnotate &a) {
        a.set_page_index(1);
        a.mutable_extend()->set_stroke_client_op_id(1);
        a.mutable_extend()->add_points(3);
        a.mutable_extend()->add_points(3);
        a.mutable_extend()->set_finished(true);
    }));
    board.advisor->sendReliable(drawEnvelope(id, 3, shape(wire::BOARD_TOOL_TEXT, {7, 7}, "Tilgung"), 1));
    board.advisor->sendUnsequenced(pointerEnvelope(id, 9, 9));
    QVERIFY(spinUntil([&] { return ofBody(board.advisor->received(), wire::Envelope::kBoardOperation).size() == 3; },
                      10'000));

    auto colleague = rawAdvisor(*m_server, QStringLiteral("maria"));
    QVERIFY(colleague);
    wire::Envelope transfer;
    transfer.mutable_transfer_consultation()->set_request_id(1);
    transfer.mutable_transfer_consultation()->set_consultation_id(id.toStdString());
    transfer.mutable_transfer_consultation()->set_to_advisor("maria");
    board.advisor->sendReliable(transfer);
    QVERIFY(colleague->waitForBody(wire::Envelope::kConsultationStarted, 0));
    QVERIFY(spinUntil(
        [&] {
            const auto pages = colleague->received();
            return !ofBody(pages, wire::Envelope::kBoardSnapshot).isEmpty() &&
                   ofBody(pages, wire::Envelope::kBoardSnapshot).last().board_snapshot().page().last() &&
                   reassembled(pages, 1, 1) == second;
        },
        10'000));
    const QList<wire::Envelope> seen = colleague->received();
    wire::BoardSnapshot snapshot;
    for (const wire::Envelope &page : ofBody(seen, wire::Envelope::kBoardSnapshot)) {
        if (page.board_snapshot().page().index() == 0)
            snapshot = page.board_snapshot();
        else
            snapshot.mutable_operations()->MergeFrom(page.board_snapshot().operations());
    }
    QCOMPARE(snapshot.consultation_id(), id.toStdString());
    QCOMPARE(snapshot.documents_size(), 1);
    QCOMPARE(snapshot.documents(0).title(), std::string("Angebot.pdf"));
    QCOMPARE(snapshot.shown_document_id(), 1u);
    QCOMPARE(snapshot.shown_page_index(), 1u);
    QVERIFY(snapshot.customer_may_draw());
    QCOMPARE(snapshot.operations_size(), 2); // the stroke with its extend merged, the text
    const auto &stroke = snapshot.operations(0);
    QCOMPARE(stroke.order(), 1u);
    QCOMPARE(std::vector<quint32>(stroke.draw().points().begin(), stroke.draw().points().end()),
             (std::vector<quint32>{1, 1, 2, 2, 3, 3}));
    QCOMPARE(snapshot.operations(1).order(), 3u);
    QCOMPARE(snapshot.operations(1).draw().text(), std::string("Tilgung"));
    QCOMPARE(reassembled(seen, 1, 0), png(QSize(40, 30)));
    QVERIFY(ofBody(seen, wire::Envelope::kBoardPointer).isEmpty());

    // The board goes on with the colleague: the next operation continues the order.
    const int from = board.customer->mark();
    colleague->sendReliable(drawEnvelope(id, 1, shape(wire::BOARD_TOOL_ARROW, {1, 1, 9, 9}), 1));
    const auto next = board.customer->waitForBody(wire::Envelope::kBoardOperation, from);
    QVERIFY(next);
    QCOMPARE(next->board_operation().order(), 4u);
    QCOMPARE(next->board_operation().author(), wire::PARTY_ADVISOR);
}

// P1: a page image and a text annotation, each with a canary, and a title with one. After the
// consultation ends the board is gone from the server's RAM (its object and its bytes), and after
// the server stopped no canary is in any file of its data directory (database, -wal, -shm, key),
// in the statistics, or in anything the server logged, debug lines included.
void TestWhiteboard::nothingOfTheBoardRemainsAfterTheEndNotOnDiskNorInTheLog()
{
    static QStringList logged;
    logged.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &context, const QString &message) {
            logged.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
        });
    QLoggingCategory::setFilterRules(QStringLiteral("consult.*=true"));
    QString canary = QStringLiteral("KANARIE");
    for (int i = 0; i < 16; ++i)
        canary += QChar(char16_t(u'a' + SecureRandom::bounded(26)));
    const QString pageCanary = canary + QStringLiteral("seite");
    const QString textCanary = canary + QStringLiteral("notiz");
    const QString titleCanary = canary + QStringLiteral("titel");

    QTemporaryDir data;
    QVERIFY(data.isValid());
    {
        TestServer server([&](ServerConfig &config) { config.dataDirectory = data.path(); });
        QVERIFY(server.start());
        RawConsultation board;
        QVERIFY(startRawConsultation(server, QStringLiteral("paula"), QStringLiteral("Kanarie Kunde"), board));
        const QByteArray image = png(QSize(64, 64), pageCanary);
        QVERIFY(image.contains(pageCanary.toUtf8()));
        board.advisor->sendReliable(documentEnvelope(
            board.id, 1, QString(titleCanary + QStringLiteral(".pdf")).toStdString(), {QSize(64, 64)}));
        for (const wire::Envelope &chunk : pageEnvelopes(board.id, 1, 0, image))
            board.advisor->sendReliable(chunk);
        board.advisor->sendReliable(
            drawEnvelope(board.id, 1, shape(wire::BOARD_TOOL_TEXT, {10, 10}, textCanary.toStdString())));
        QVERIFY(board.customer->waitFor(
            [&](const wire::Envelope &e) {
                return e.has_board_operation() && e.board_operation().draw().text() == textCanary.toStdString();
            },
            0));
        QVERIFY(spinUntil(
            [&] { return !ofBody(board.advisor->received(), wire::Envelope::kBoardPageDelivered).isEmpty(); }, 10'000));
        WhiteboardService &whiteboard = server.core().whiteboard();
        QCOMPARE(whiteboard.boardCount(), 1);
        QVERIFY(whiteboard.heldBytes() >= image.size());

        wire::Envelope end;
        end.mutable_end_consultation()->set_consultation_id(board.id.toStdString());
        board.advisor->sendReliable(end);
        QVERIFY(board.customer->waitForBody(wire::Envelope::kConsultationEnded, 0));
        QCOMPARE(whiteboard.boardCount(), 0);
        QCOMPARE(whiteboard.heldBytes(), 0);
        QVERIFY(!whiteboard.board(board.id));

        auto rows = server.database().exec(QStringLiteral("SELECT * FROM statistics"));
        QVERIFY(rows.ok());
        QSqlQuery query = std::move(rows).value();
        int records = 0;
        while (query.next()) {
            ++records;
            for (int column = 0; column < query.record().count(); ++column)
                QVERIFY(!query.value(column).toString().contains(canary));
        }
        QVERIFY(records >= 1); // the scan above had something to look at
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(!logged.isEmpty()); // the handler saw the server's lines
    for (const QString &line : std::as_const(logged))
        QVERIFY2(!line.contains(canary), qPrintable(line));
    for (const QString &needle : {canary, pageCanary, textCanary, titleCanary}) {
        const QStringList hits = filesContaining(data.path(), needle);
        QVERIFY2(hits.isEmpty(), qPrintable(needle + QStringLiteral(" found in ") + hits.join(u' ')));
    }
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestWhiteboard)
#include "TestWhiteboard.moc"
