#include "protocol/EnvelopeCodec.h"
#include "session/Authorisation.h"

#include <QSet>
#include <QTest>

#include <array>

using namespace consult;
using Verdict = Authorisation::Verdict;
using Stage = Session::Stage;

Q_DECLARE_METATYPE(consult::protocol::BodyCase)
Q_DECLARE_METATYPE(consult::Authorisation::Verdict)

namespace {

constexpr Verdict A = Verdict::Allow;
constexpr Verdict D = Verdict::Deny;

// The columns of the matrix: a stage and the kind of app the session was opened by.
struct Column
{
    const char *name;
    Stage stage;
    wire::ClientKind kind;
};

constexpr std::array<Column, 7> kColumns = {{
    {"anonymous customer app", Stage::Anonymous, wire::CLIENT_KIND_CUSTOMER},
    {"anonymous advisor app", Stage::Anonymous, wire::CLIENT_KIND_ADVISOR},
    {"waiting customer", Stage::WaitingCustomer, wire::CLIENT_KIND_CUSTOMER},
    {"consulting customer", Stage::ConsultingCustomer, wire::CLIENT_KIND_CUSTOMER},
    {"advisor", Stage::Advisor, wire::CLIENT_KIND_ADVISOR},
    {"closing customer", Stage::Closing, wire::CLIENT_KIND_CUSTOMER},
    {"closing advisor", Stage::Closing, wire::CLIENT_KIND_ADVISOR},
}};

struct Row
{
    protocol::BodyCase body;
    std::array<Verdict, 7> verdicts; // in the order of kColumns
};

// The expected matrix (S2, S4, S6), decided by people and written out here; never computed from the
// code under test. A new message type must get a row before this test passes again.
//
// Session control (hello .. acknowledge) is handled by the session layer before the table is
// asked, and server-to-client messages are never accepted from a client: both are denied
// everywhere. S4 (notices) is part of customer_login, which carries the acceptances.
// clang-format off
//
//                                          anonymous  anonymous  waiting   consulting  advisor  closing   closing
//                                          customer   advisor    customer  customer             customer  advisor
const Row kMatrix[] = {
    // Session control
    {wire::Envelope::kHello,                 {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kWelcome,               {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kResume,                {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kResumed,               {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kPing,                  {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kPong,                  {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kAcknowledge,           {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kError,                 {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kSessionClosed,         {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kResumeTokenRenewed,    {D,         D,         D,        D,          D,       D,        D}},
    // Customer entry, queue, messages (S2: while waiting only leave a message or leave)
    {wire::Envelope::kCustomerLogin,         {A,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kCustomerLoginAccepted, {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kQueueStatus,           {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kLeaveMessage,          {D,         D,         A,        D,          D,       D,        D}},
    {wire::Envelope::kMessageStored,         {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kLeaveQueue,            {D,         D,         A,        D,          D,       D,        D}},
    {wire::Envelope::kUpdateSystemCheck,     {D,         D,         A,        D,          D,       D,        D}},
    // Advisor workstation (S6: advisor-only functions)
    {wire::Envelope::kAdvisorLogin,          {D,         A,         D,        D,          D,       D,        D}},
    {wire::Envelope::kAdvisorLoginAccepted,  {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kAdvisorLogout,         {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kSetAvailability,       {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kAdvisorStatus,         {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kQueueSnapshot,         {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kQueueEntryAdded,       {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kQueueEntryRemoved,     {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kQueueEntryUpdated,     {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kTakeCustomer,          {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kInboxSnapshot,         {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kInboxItemAdded,        {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kInboxItemRemoved,      {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kMarkInboxItemDone,     {D,         D,         D,        D,          A,       D,        D}},
    // Consultation: both participants (which consultation is the handlers' S5 check). The customer
    // may end (hang up) their own consultation: the protocol has END_REASON_CUSTOMER_ENDED.
    {wire::Envelope::kConsultationStarted,   {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kSendChat,              {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kChatMessage,           {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kChatDelivered,         {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kTyping,                {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kEndConsultation,       {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kConsultationEnded,     {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kPeerPresence,          {D,         D,         D,        D,          D,       D,        D}},
    // Transfer to a colleague: advisors only (S6); whose consultation and to whom is the handler's S5.
    {wire::Envelope::kTransferConsultation,  {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kConsultationTransferred, {D,       D,         D,        D,          D,       D,        D}},
    // The supervisor overview (issue 14): advisors only here; the role is the SupervisorDesk's check.
    {wire::Envelope::kSupervisorOverviewRequest,   {D,   D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kSupervisorOverview,          {D,   D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kSupervisorStatisticsRequest, {D,   D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kSupervisorStatistics,        {D,   D,         D,        D,          D,       D,        D}},
    // Real-time media and its control: the participants of a consultation only (S2: a waiting
    // customer sends no media); which consultation is the relay's S5 check. Receipts are server-only.
    {wire::Envelope::kMediaPacket,           {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kMediaAcknowledge,      {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kMediaReceipt,          {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kMediaState,            {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kKeyframeRequest,       {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kQualityChange,         {D,         D,         D,        A,          A,       D,        D}},
    // The connection check (S11): a customer before log-in, or waiting (to repeat it); never in a
    // consultation (it would compete with the call it measures), never an advisor (no system check).
    // The result is the server's answer only.
    {wire::Envelope::kLinkTestRequest,       {A,         D,         A,        D,          D,       D,        D}},
    {wire::Envelope::kLinkTestData,          {A,         D,         A,        D,          D,       D,        D}},
    {wire::Envelope::kLinkTestResult,        {D,         D,         D,        D,          D,       D,        D}},
    // The whiteboard: participants only (S2). Annotations and the pointer from both (the customer's
    // annotations only while drawing is allowed: the service's NOT_ALLOWED, tested through the
    // server); documents, page images, the shown page and the permission from the advisor only (S6).
    // Delivery receipts and operations in the board's order, and snapshots, are the server's.
    {wire::Envelope::kBoardDocument,         {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kBoardPageData,         {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kBoardPageDelivered,    {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kBoardShowPage,         {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kBoardAnnotate,         {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kBoardOperation,        {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kBoardPointer,          {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kBoardPermission,       {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kBoardSnapshot,         {D,         D,         D,        D,          D,       D,        D}},
    // Documents: participants only (S2); which consultation, document and transfer is the service's
    // S5 check; removing is the advisor's (S6). Availability and removal notices are the server's.
    {wire::Envelope::kDocumentOffer,         {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kDocumentChunk,         {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kDocumentCancel,        {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kDocumentAvailable,     {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kDocumentDownload,      {D,         D,         D,        A,          A,       D,        D}},
    {wire::Envelope::kDocumentRemove,        {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kDocumentRemoved,       {D,         D,         D,        D,          D,       D,        D}},
    // Forms (seed 002): the advisor sends a form (S6); only the consulting customer submits it and
    // releases its sensitive values. FormLibrary and FormInstance go from the server only.
    {wire::Envelope::kFormLibrary,           {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kSendForm,              {D,         D,         D,        D,          A,       D,        D}},
    {wire::Envelope::kFormInstance,          {D,         D,         D,        D,          D,       D,        D}},
    {wire::Envelope::kSubmitForm,            {D,         D,         D,        A,          D,       D,        D}},
    {wire::Envelope::kReleaseFormFields,     {D,         D,         D,        A,          D,       D,        D}},
};
// clang-format on

const Row *rowOf(protocol::BodyCase body)
{
    for (const Row &row : kMatrix) {
        if (row.body == body)
            return &row;
    }
    return nullptr;
}

} // namespace

// Function-level authorisation (S6) and the customer's lock-down before an advisor takes them (S2):
// every message type in every stage, against the fixture above.
class TestAuthorisationTable final : public QObject
{
    Q_OBJECT
private slots:
    void theFixtureDecidesEveryMessageTypeExactlyOnce()
    {
        // From the schema itself, so a body added to the .proto but not to the codec's list counts too.
        const google::protobuf::OneofDescriptor *body = wire::Envelope::descriptor()->FindOneofByName("body");
        QVERIFY(body);
        QSet<int> decided;
        for (const Row &row : kMatrix) {
            QVERIFY2(!decided.contains(row.body), qPrintable(protocol::bodyName(row.body)));
            decided.insert(row.body);
        }
        QSet<int> inSchema;
        for (int i = 0; i < body->field_count(); ++i)
            inSchema.insert(body->field(i)->number());
        QSet<int> known;
        for (const protocol::BodyCase bodyCase : protocol::allBodyCases()) {
            known.insert(bodyCase);
            QVERIFY2(decided.contains(bodyCase),
                     qPrintable(QStringLiteral("no row for ") + protocol::bodyName(bodyCase)));
        }
        QCOMPARE(known, inSchema);
        QCOMPARE(decided, inSchema);
    }

    void everyMessageTypeInEveryStageGetsTheFixturesVerdict_data()
    {
        QTest::addColumn<protocol::BodyCase>("body");
        QTest::addColumn<int>("stage");
        QTest::addColumn<int>("kind");
        QTest::addColumn<Verdict>("expected");
        for (const protocol::BodyCase body : protocol::allBodyCases()) {
            const Row *row = rowOf(body);
            if (!row)
                continue; // reported by theFixtureDecidesEveryMessageTypeExactlyOnce
            const QByteArray name = protocol::bodyName(body).toUtf8();
            for (std::size_t column = 0; column < kColumns.size(); ++column) {
                QTest::addRow("%s / %s", name.constData(), kColumns[column].name)
                    << body << static_cast<int>(kColumns[column].stage) << static_cast<int>(kColumns[column].kind)
                    << row->verdicts[column];
            }
        }
    }

    void everyMessageTypeInEveryStageGetsTheFixturesVerdict()
    {
        QFETCH(protocol::BodyCase, body);
        QFETCH(int, stage);
        QFETCH(int, kind);
        QFETCH(Verdict, expected);
        QCOMPARE(Authorisation::check(static_cast<Stage>(stage), static_cast<wire::ClientKind>(kind), body), expected);
    }

    void aSessionOfNoKnownKindMayDoNothing()
    {
        // Later stages are reached only through a login, which needs a kind.
        for (const protocol::BodyCase body : protocol::allBodyCases()) {
            for (const Stage stage : {Stage::Anonymous, Stage::Closing}) {
                QVERIFY2(Authorisation::check(stage, wire::CLIENT_KIND_UNSPECIFIED, body) == D,
                         qPrintable(protocol::bodyName(body)));
            }
        }
    }

    void anUnknownBodyIsDenied()
    {
        QCOMPARE(Authorisation::check(Stage::Advisor, wire::CLIENT_KIND_ADVISOR, wire::Envelope::BODY_NOT_SET), D);
        QCOMPARE(Authorisation::check(Stage::Advisor, wire::CLIENT_KIND_ADVISOR, static_cast<protocol::BodyCase>(99)),
                 D);
    }

    void onlyChatCountsAgainstTheChatRate()
    {
        // I5: chat has its own, lower rate; media is limited in bytes by the relay and in packets by the
        // connection, the connection check's data in bytes by the link-test service (S11), and the
        // board's pointer likewise (live only); the board's operations have their own rate per
        // participant, so 30 stroke extends a second never meet the control rate; page chunks are
        // bounded in bytes by the board; everything else, the link-test request included, is control.
        for (const protocol::BodyCase body : protocol::allBodyCases()) {
            const bool media = body == wire::Envelope::kMediaPacket || body == wire::Envelope::kMediaAcknowledge ||
                               body == wire::Envelope::kMediaReceipt || body == wire::Envelope::kLinkTestData ||
                               body == wire::Envelope::kBoardPointer;
            const bool board = body == wire::Envelope::kBoardDocument || body == wire::Envelope::kBoardShowPage ||
                               body == wire::Envelope::kBoardAnnotate || body == wire::Envelope::kBoardPermission;
            // Page chunks and document chunks are bounded in bytes by their services.
            const bool bulk = body == wire::Envelope::kBoardPageData || body == wire::Envelope::kDocumentChunk;
            const auto expected = body == wire::Envelope::kSendChat ? Authorisation::RateClass::Chat
                                  : media                           ? Authorisation::RateClass::Media
                                  : board                           ? Authorisation::RateClass::Board
                                  : bulk                            ? Authorisation::RateClass::Bulk
                                                                    : Authorisation::RateClass::Control;
            QVERIFY2(Authorisation::rateClassOf(body) == expected, qPrintable(protocol::bodyName(body)));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthorisationTable)
#include "TestAuthorisationTable.moc"
