// Forms on the wire (seed 002), through a real server with real TLS and raw clients: the library is
// loaded at start-up and sent to the advisor after the log-in; a bad definition stops the real binary
// with the file and the parser's words; a form is sent, filled and submitted, its IBAN masked in the
// advisor's copy until the customer releases it; bad submissions are refused with the field named; a
// form is submitted once; the wrong side is refused (S6); another consultation's instance answers like
// one that never existed (S5); the limit per consultation holds; a colleague who takes over gets every
// form, masking kept; the end's receipt lists the forms, and afterwards no canary of a form value is
// in RAM, on disk, in the database or in the log (P1).
#include "support/CanarySearch.h"
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"

#include "consultation/ConsultationService.h"
#include "core/SecureRandom.h"
#include "stats/StatisticsStore.h"

#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr const char *kIban = "DE89370400440532013000";

using Values = QList<std::pair<std::string, QString>>;

QList<wire::Envelope> ofBody(const QList<wire::Envelope> &envelopes, wire::Envelope::BodyCase body)
{
    QList<wire::Envelope> result;
    for (const wire::Envelope &envelope : envelopes)
        if (envelope.body_case() == body)
            result.append(envelope);
    return result;
}

wire::Envelope sendFormEnvelope(const QString &consultationId, const std::string &formId)
{
    wire::Envelope envelope;
    envelope.mutable_send_form()->set_consultation_id(consultationId.toStdString());
    envelope.mutable_send_form()->set_form_id(formId);
    return envelope;
}

wire::Envelope submitEnvelope(const QString &consultationId, const std::string &instanceId, const Values &values)
{
    wire::Envelope envelope;
    auto *submit = envelope.mutable_submit_form();
    submit->set_consultation_id(consultationId.toStdString());
    submit->set_instance_id(instanceId);
    for (const auto &[key, value] : values) {
        wire::FormValue *entry = submit->add_values();
        entry->set_key(key);
        entry->set_value(value.toStdString());
    }
    return envelope;
}

wire::Envelope releaseEnvelope(const QString &consultationId, const std::string &instanceId,
                               const std::vector<std::string> &keys)
{
    wire::Envelope envelope;
    auto *release = envelope.mutable_release_form_fields();
    release->set_consultation_id(consultationId.toStdString());
    release->set_instance_id(instanceId);
    for (const std::string &key : keys)
        release->add_keys(key);
    return envelope;
}

// A filled standing order request of the shipped library.
Values standingOrder(const QString &iban = QString::fromLatin1(kIban),
                     const QString &reference = QStringLiteral("Miete"))
{
    return {{"payee", QStringLiteral("Hausverwaltung Müller")},
            {"iban", iban},
            {"amount", QStringLiteral("850,00")},
            {"first_execution", QStringLiteral("01.03.2027")},
            {"interval", QStringLiteral("monatlich")},
            {"reference", reference}};
}

const wire::FormValue *valueOf(const wire::FormInstance &form, const std::string &key)
{
    for (const wire::FormValue &value : form.values())
        if (value.key() == key)
            return &value;
    return nullptr;
}

// The next FormInstance `client` receives from `from` on.
std::optional<wire::FormInstance> nextForm(RawClient &client, int from)
{
    const auto envelope = client.waitForBody(wire::Envelope::kFormInstance, from);
    if (!envelope)
        return std::nullopt;
    return envelope->form_instance();
}

} // namespace

Q_DECLARE_METATYPE(Values)

class TestForms final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void theLibraryIsLoadedAndSentToTheAdvisorAfterTheLogIn();
    void aBadDefinitionStopsTheServerWithItsFileAndProblem();
    void aFormIsFilledSubmittedAndTheIbanShownOnlyWhenReleased();
    void badSubmissionsAreRefusedWithTheFieldNamed_data();
    void badSubmissionsAreRefusedWithTheFieldNamed();
    void aFormIsSubmittedOnlyOnce();
    void onlyTheAdvisorSendsAndOnlyTheCustomerSubmits();
    void anotherConsultationsFormAnswersLikeOneThatNeverExisted();
    void theLimitPerConsultationHolds();
    void aColleagueWhoTakesOverGetsEveryFormStillMasked();
    void nothingOfAFormRemainsAfterTheEndNotOnDiskNorInTheLog();

private:
    // A consultation on the shared server with the standing order request sent; its instance.
    bool sendStandingOrder(RawConsultation &out, wire::FormInstance &form);
    static void expectRefusal(RawClient &client, int from, wire::ErrorCode code, const QString &reference,
                              const QString &field = {});

    std::unique_ptr<TestServer> m_server;
    int m_consultations = 0;
};

void TestForms::initTestCase()
{
    m_server = std::make_unique<TestServer>([](ServerConfig &config) {
        config.formsDirectory = QStringLiteral(CONSULT_FORM_LIBRARY);
        config.formsMaxPerConsultation = 3;
    });
    QVERIFY(m_server->start());
    QCOMPARE(m_server->core().forms().library().size(), 2);
}

void TestForms::cleanupTestCase()
{
    m_server.reset();
}

bool TestForms::sendStandingOrder(RawConsultation &out, wire::FormInstance &form)
{
    ++m_consultations;
    if (!startRawConsultation(*m_server, QStringLiteral("berater%1").arg(m_consultations),
                              QStringLiteral("Kundin %1").arg(QChar(char16_t(u'A' + m_consultations))), out))
        return false;
    const int customerMark = out.customer->mark();
    const int advisorMark = out.advisor->mark();
    out.advisor->sendReliable(sendFormEnvelope(out.id, "dauerauftrag_anfrage"));
    const auto customerCopy = nextForm(*out.customer, customerMark);
    const auto advisorCopy = nextForm(*out.advisor, advisorMark);
    if (!customerCopy || !advisorCopy)
        return false;
    form = *customerCopy;
    return true;
}

void TestForms::expectRefusal(RawClient &client, int from, wire::ErrorCode code, const QString &reference,
                              const QString &field)
{
    const auto error = client.waitForError(from);
    QVERIFY(error);
    QCOMPARE(error->code(), code);
    QCOMPARE(QString::fromStdString(error->reference()), reference);
    QCOMPARE(QString::fromStdString(error->field()), field);
}

// The two shipped forms, by title, follow the advisor's log-in; the customer gets no library.
void TestForms::theLibraryIsLoadedAndSentToTheAdvisorAfterTheLogIn()
{
    auto advisor = rawAdvisor(*m_server, QStringLiteral("bibliothek"));
    QVERIFY(advisor);
    const auto library = advisor->waitForBody(wire::Envelope::kFormLibrary, 0);
    QVERIFY(library);
    const wire::FormLibrary &forms = library->form_library();
    QCOMPARE(forms.forms_size(), 2);
    QCOMPARE(forms.forms(0).form_id(), std::string("adressaenderung"));
    QCOMPARE(QString::fromStdString(forms.forms(0).title()), QStringLiteral("Adressänderung"));
    QCOMPARE(forms.forms(1).form_id(), std::string("dauerauftrag_anfrage"));
    QVERIFY(!forms.forms(1).description().empty());

    auto customer = rawWaitingCustomer(*m_server, QStringLiteral("Ohne Bibliothek"));
    QVERIFY(customer);
    QVERIFY(customer->sync());
    QVERIFY(ofBody(customer->received(), wire::Envelope::kFormLibrary).isEmpty());
}

// The real binary: a definition with an unknown field type stops the start, the output names the
// file and the parser's problem, and the exit code says it failed.
void TestForms::aBadDefinitionStopsTheServerWithItsFileAndProblem()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QVERIFY(QDir(directory.path()).mkpath(QStringLiteral("forms")));
    QFile bad(directory.filePath(QStringLiteral("forms/kaputt.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"title": "Kaputt", "fields": [{"key": "iban", "label": "IBAN", "type": "iban2"}]})");
    bad.close();
    QFile ini(directory.filePath(QStringLiteral("consult-server.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(QStringLiteral("[network]\nlisten_address = 127.0.0.1\nport = 0\ncertificate_chain = %1\n"
                             "private_key = %2\n[storage]\ndata_directory = data\n")
                  .arg(testPkiPath(QStringLiteral("server.pem")), testPkiPath(QStringLiteral("server.key")))
                  .toUtf8());
    ini.close();

    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(QStringLiteral(CONSULT_SERVER_BINARY),
                 {QStringLiteral("--config"), ini.fileName(), QStringLiteral("serve")});
    QVERIFY(server.waitForFinished(60'000));
    const QString output = QString::fromLocal8Bit(server.readAll());
    QVERIFY2(server.exitCode() != 0, qPrintable(output));
    QVERIFY2(output.contains(bad.fileName()), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("fields[0].type: unknown type \"iban2\"")), qPrintable(output));
    QVERIFY2(!output.contains(QStringLiteral("ready on port")), qPrintable(output));
}

// Seed 002: sent to both; submitted with normalised values; the advisor's IBAN masked (value empty)
// until the customer releases it, then visible; the customer's copy always complete.
void TestForms::aFormIsFilledSubmittedAndTheIbanShownOnlyWhenReleased()
{
    RawConsultation consultation;
    wire::FormInstance sent;
    QVERIFY(sendStandingOrder(consultation, sent));
    QCOMPARE(sent.state(), wire::FORM_STATE_SENT);
    QCOMPARE(sent.definition().form_id(), std::string("dauerauftrag_anfrage"));
    QVERIFY(!sent.definition().notice().empty());
    QVERIFY(!sent.instance_id().empty());
    QVERIFY(sent.sent_at() > 0);
    // The anonymous statistics learn that forms were used, nothing of which (issue 12).
    const ConsultationRecord *record = m_server->core().consultations().find(consultation.id);
    QVERIFY(record);
    QVERIFY(record->features & StatisticsStore::Forms);

    const int customerMark = consultation.customer->mark();
    const int advisorMark = consultation.advisor->mark();
    consultation.customer->sendReliable(submitEnvelope(consultation.id, sent.instance_id(),
                                                       standingOrder(QStringLiteral("de89 3704 0044 0532 0130 00"))));
    const auto customerCopy = nextForm(*consultation.customer, customerMark);
    const auto advisorCopy = nextForm(*consultation.advisor, advisorMark);
    QVERIFY(customerCopy && advisorCopy);
    QCOMPARE(customerCopy->state(), wire::FORM_STATE_SUBMITTED);
    QVERIFY(customerCopy->submitted_at() > 0);
    QCOMPARE(customerCopy->values_size(), 6);
    QCOMPARE(valueOf(*customerCopy, "iban")->value(), std::string(kIban));
    QCOMPARE(valueOf(*customerCopy, "amount")->value(), std::string("850.00"));
    QCOMPARE(valueOf(*customerCopy, "first_execution")->value(), std::string("2027-03-01"));
    QCOMPARE(advisorCopy->state(), wire::FORM_STATE_SUBMITTED);
    QVERIFY(valueOf(*advisorCopy, "iban")->masked());
    QCOMPARE(valueOf(*advisorCopy, "iban")->value(), std::string());
    QVERIFY(!valueOf(*advisorCopy, "payee")->masked());
    QCOMPARE(QString::fromStdString(valueOf(*advisorCopy, "payee")->value()), QStringLiteral("Hausverwaltung Müller"));
    // The IBAN appears nowhere in the advisor's bytes until it is released.
    for (const wire::Envelope &envelope : consultation.advisor->received())
        QVERIFY(envelope.SerializeAsString().find(kIban) == std::string::npos);

    const int releaseCustomer = consultation.customer->mark();
    const int releaseAdvisor = consultation.advisor->mark();
    consultation.customer->sendReliable(releaseEnvelope(consultation.id, sent.instance_id(), {"iban"}));
    const auto released = nextForm(*consultation.advisor, releaseAdvisor);
    QVERIFY(released);
    QVERIFY(!valueOf(*released, "iban")->masked());
    QCOMPARE(valueOf(*released, "iban")->value(), std::string(kIban));
    QVERIFY(nextForm(*consultation.customer, releaseCustomer));

    // Only sensitive fields are released, and only with a submitted form.
    const int mark = consultation.customer->mark();
    consultation.customer->sendReliable(releaseEnvelope(consultation.id, sent.instance_id(), {"payee"}));
    expectRefusal(*consultation.customer, mark, wire::ERROR_INVALID_INPUT,
                  consultation.id + QStringLiteral(":i") + QString::fromStdString(sent.instance_id()),
                  QStringLiteral("value:payee"));
}

void TestForms::badSubmissionsAreRefusedWithTheFieldNamed_data()
{
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("field");
    auto unknown = standingOrder();
    unknown.append({"colour", QStringLiteral("blau")});
    QTest::newRow("unknown key") << unknown << QStringLiteral("value:colour");
    QTest::newRow("oversized value") << standingOrder(QString::fromLatin1(kIban), QString(141, u'x'))
                                     << QStringLiteral("value:reference");
    auto missing = standingOrder();
    missing.removeFirst();
    QTest::newRow("missing required field") << missing << QStringLiteral("value:payee");
    QTest::newRow("wrong IBAN") << standingOrder(QStringLiteral("DE89370400440532013001"))
                                << QStringLiteral("value:iban");
    auto notAChoice = standingOrder();
    notAChoice[4].second = QStringLiteral("täglich");
    QTest::newRow("not a choice") << notAChoice << QStringLiteral("value:interval");
    auto bidi = standingOrder();
    bidi[0].second = QStringLiteral("Anna \u202Eredlom");
    QTest::newRow("I2 bidi override") << bidi << QStringLiteral("value:payee");
}

// The server is the authority: every rule is checked again; nothing is kept of a refused submission
// and the form can still be submitted afterwards.
void TestForms::badSubmissionsAreRefusedWithTheFieldNamed()
{
    QFETCH(Values, values);
    QFETCH(QString, field);
    RawConsultation consultation;
    wire::FormInstance sent;
    QVERIFY(sendStandingOrder(consultation, sent));
    const QString reference = consultation.id + QStringLiteral(":i") + QString::fromStdString(sent.instance_id());
    const int mark = consultation.customer->mark();
    const int advisorMark = consultation.advisor->mark();
    consultation.customer->sendReliable(submitEnvelope(consultation.id, sent.instance_id(), values));
    expectRefusal(*consultation.customer, mark, wire::ERROR_INVALID_INPUT, reference, field);
    QVERIFY(ofBody(consultation.customer->receivedSince(mark), wire::Envelope::kFormInstance).isEmpty());
    QVERIFY(consultation.advisor->sync());
    QVERIFY(ofBody(consultation.advisor->receivedSince(advisorMark), wire::Envelope::kFormInstance).isEmpty());

    const int again = consultation.customer->mark();
    consultation.customer->sendReliable(submitEnvelope(consultation.id, sent.instance_id(), standingOrder()));
    const auto accepted = nextForm(*consultation.customer, again);
    QVERIFY(accepted);
    QCOMPARE(accepted->state(), wire::FORM_STATE_SUBMITTED);
}

void TestForms::aFormIsSubmittedOnlyOnce()
{
    RawConsultation consultation;
    wire::FormInstance sent;
    QVERIFY(sendStandingOrder(consultation, sent));
    int mark = consultation.customer->mark();
    consultation.customer->sendReliable(submitEnvelope(consultation.id, sent.instance_id(), standingOrder()));
    QVERIFY(nextForm(*consultation.customer, mark));
    mark = consultation.customer->mark();
    consultation.customer->sendReliable(submitEnvelope(
        consultation.id, sent.instance_id(), standingOrder(QString::fromLatin1(kIban), QStringLiteral("Anders"))));
    expectRefusal(*consultation.customer, mark, wire::ERROR_NOT_ALLOWED,
                  consultation.id + QStringLiteral(":i") + QString::fromStdString(sent.instance_id()));
    QVERIFY(ofBody(consultation.customer->receivedSince(mark), wire::Envelope::kFormInstance).isEmpty());
}

// S6: the customer cannot send a form, the advisor can neither submit nor release one (the
// authorisation table answers before the service).
void TestForms::onlyTheAdvisorSendsAndOnlyTheCustomerSubmits()
{
    RawConsultation consultation;
    wire::FormInstance sent;
    QVERIFY(sendStandingOrder(consultation, sent));
    int mark = consultation.customer->mark();
    consultation.customer->sendReliable(sendFormEnvelope(consultation.id, "adressaenderung"));
    auto error = consultation.customer->waitForError(mark);
    QVERIFY(error);
    QCOMPARE(error->code(), wire::ERROR_NOT_ALLOWED);

    for (const wire::Envelope &envelope : {submitEnvelope(consultation.id, sent.instance_id(), standingOrder()),
                                           releaseEnvelope(consultation.id, sent.instance_id(), {"iban"})}) {
        mark = consultation.advisor->mark();
        consultation.advisor->sendReliable(envelope);
        error = consultation.advisor->waitForError(mark);
        QVERIFY(error);
        QCOMPARE(error->code(), wire::ERROR_NOT_ALLOWED);
    }
    QCOMPARE(m_server->core().forms().instanceCount() >= 1, true);
    mark = consultation.customer->mark();
    QVERIFY(consultation.customer->sync());
    QVERIFY(ofBody(consultation.customer->receivedSince(mark), wire::Envelope::kFormInstance).isEmpty());
}

// S5: another consultation's instance id, an unknown id, and another consultation's id all get the
// same NOT_FOUND; the other consultation's form is untouched.
void TestForms::anotherConsultationsFormAnswersLikeOneThatNeverExisted()
{
    RawConsultation mine;
    RawConsultation theirs;
    wire::FormInstance myForm;
    wire::FormInstance theirForm;
    QVERIFY(sendStandingOrder(mine, myForm));
    QVERIFY(sendStandingOrder(theirs, theirForm));

    int mark = mine.customer->mark();
    mine.customer->sendReliable(submitEnvelope(mine.id, theirForm.instance_id(), standingOrder()));
    expectRefusal(*mine.customer, mark, wire::ERROR_NOT_FOUND,
                  mine.id + QStringLiteral(":i") + QString::fromStdString(theirForm.instance_id()));
    mark = mine.customer->mark();
    mine.customer->sendReliable(submitEnvelope(theirs.id, theirForm.instance_id(), standingOrder()));
    expectRefusal(*mine.customer, mark, wire::ERROR_NOT_FOUND,
                  theirs.id + QStringLiteral(":i") + QString::fromStdString(theirForm.instance_id()));
    mark = mine.customer->mark();
    mine.customer->sendReliable(submitEnvelope(mine.id, "niemals", standingOrder()));
    expectRefusal(*mine.customer, mark, wire::ERROR_NOT_FOUND, mine.id + QStringLiteral(":iniemals"));
    mark = mine.advisor->mark();
    mine.advisor->sendReliable(sendFormEnvelope(theirs.id, "adressaenderung"));
    expectRefusal(*mine.advisor, mark, wire::ERROR_NOT_FOUND, theirs.id + QStringLiteral(":sadressaenderung"));
    mark = mine.advisor->mark();
    mine.advisor->sendReliable(sendFormEnvelope(mine.id, "kein_formular"));
    expectRefusal(*mine.advisor, mark, wire::ERROR_NOT_FOUND, mine.id + QStringLiteral(":skein_formular"));

    // Theirs can still be submitted: nothing of the probes touched it.
    mark = theirs.customer->mark();
    theirs.customer->sendReliable(submitEnvelope(theirs.id, theirForm.instance_id(), standingOrder()));
    const auto submitted = nextForm(*theirs.customer, mark);
    QVERIFY(submitted);
    QCOMPARE(submitted->state(), wire::FORM_STATE_SUBMITTED);
}

void TestForms::theLimitPerConsultationHolds()
{
    RawConsultation consultation;
    wire::FormInstance first;
    QVERIFY(sendStandingOrder(consultation, first));
    for (int i = 1; i < 3; ++i) {
        const int mark = consultation.customer->mark();
        consultation.advisor->sendReliable(sendFormEnvelope(consultation.id, "adressaenderung"));
        QVERIFY(nextForm(*consultation.customer, mark));
    }
    const int mark = consultation.advisor->mark();
    consultation.advisor->sendReliable(sendFormEnvelope(consultation.id, "adressaenderung"));
    expectRefusal(*consultation.advisor, mark, wire::ERROR_LIMIT_REACHED,
                  consultation.id + QStringLiteral(":sadressaenderung"), QStringLiteral("forms"));
}

// A transfer: the colleague gets every form as the previous advisor saw it (the IBAN still masked).
void TestForms::aColleagueWhoTakesOverGetsEveryFormStillMasked()
{
    RawConsultation consultation;
    wire::FormInstance sent;
    QVERIFY(sendStandingOrder(consultation, sent));
    int mark = consultation.customer->mark();
    consultation.customer->sendReliable(submitEnvelope(consultation.id, sent.instance_id(), standingOrder()));
    QVERIFY(nextForm(*consultation.customer, mark));
    mark = consultation.customer->mark();
    consultation.advisor->sendReliable(sendFormEnvelope(consultation.id, "adressaenderung"));
    QVERIFY(nextForm(*consultation.customer, mark));

    auto colleague = rawAdvisor(*m_server, QStringLiteral("kollegin%1").arg(m_consultations));
    QVERIFY(colleague);
    wire::Envelope transfer;
    transfer.mutable_transfer_consultation()->set_request_id(1);
    transfer.mutable_transfer_consultation()->set_consultation_id(consultation.id.toStdString());
    transfer.mutable_transfer_consultation()->set_to_advisor(
        QStringLiteral("kollegin%1").arg(m_consultations).toStdString());
    consultation.advisor->sendReliable(transfer);
    QVERIFY(colleague->waitForBody(wire::Envelope::kConsultationStarted, 0));
    QVERIFY(
        spinUntil([&] { return ofBody(colleague->received(), wire::Envelope::kFormInstance).size() == 2; }, 10'000));
    const QList<wire::Envelope> forms = ofBody(colleague->received(), wire::Envelope::kFormInstance);
    const wire::FormInstance &standing = forms[0].form_instance();
    QCOMPARE(standing.instance_id(), sent.instance_id());
    QCOMPARE(standing.state(), wire::FORM_STATE_SUBMITTED);
    QVERIFY(valueOf(standing, "iban")->masked());
    QCOMPARE(valueOf(standing, "iban")->value(), std::string());
    QCOMPARE(forms[1].form_instance().definition().form_id(), std::string("adressaenderung"));
    QCOMPARE(forms[1].form_instance().state(), wire::FORM_STATE_SENT);
}

// P1: a canary in a form value reaches both apps, and after the end the forms are gone from RAM,
// the receipt lists them by title, and no canary is in any file of the data directory, in the
// statistics or in anything the server logged, debug lines included.
void TestForms::nothingOfAFormRemainsAfterTheEndNotOnDiskNorInTheLog()
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

    QTemporaryDir data;
    QVERIFY(data.isValid());
    {
        TestServer server([&](ServerConfig &config) {
            config.dataDirectory = data.path();
            config.formsDirectory = QStringLiteral(CONSULT_FORM_LIBRARY);
        });
        QVERIFY(server.start());
        RawConsultation consultation;
        QVERIFY(startRawConsultation(server, QStringLiteral("paula"), QStringLiteral("Kanarie Kunde"), consultation));
        int mark = consultation.customer->mark();
        consultation.advisor->sendReliable(sendFormEnvelope(consultation.id, "dauerauftrag_anfrage"));
        const auto sent = nextForm(*consultation.customer, mark);
        QVERIFY(sent);
        mark = consultation.advisor->mark();
        consultation.customer->sendReliable(
            submitEnvelope(consultation.id, sent->instance_id(), standingOrder(QString::fromLatin1(kIban), canary)));
        const auto submitted = nextForm(*consultation.advisor, mark);
        QVERIFY(submitted);
        QCOMPARE(QString::fromStdString(valueOf(*submitted, "reference")->value()), canary);
        QCOMPARE(server.core().forms().instanceCount(), 1);

        wire::Envelope end;
        end.mutable_end_consultation()->set_consultation_id(consultation.id.toStdString());
        consultation.customer->sendReliable(end);
        const auto ended = consultation.customer->waitForBody(wire::Envelope::kConsultationEnded, 0);
        QVERIFY(ended);
        QCOMPARE(server.core().forms().instanceCount(), 0);
        const wire::DeletionReceipt &receipt = ended->consultation_ended().receipt();
        QVERIFY(receipt.deleted_at() > 0);
        const auto item = std::find_if(receipt.items().begin(), receipt.items().end(),
                                       [](const wire::DeletedItem &i) { return i.kind() == wire::DELETED_KIND_FORM; });
        QVERIFY(item != receipt.items().end());
        QCOMPARE(QString::fromStdString(item->name()), QStringLiteral("Dauerauftrag – Anfrage"));

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
    const QStringList hits = filesContaining(data.path(), canary);
    QVERIFY2(hits.isEmpty(), qPrintable(canary + QStringLiteral(" found in ") + hits.join(u' ')));
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestForms)
#include "TestForms.moc"
