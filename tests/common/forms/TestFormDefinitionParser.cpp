#include "forms/FormDefinitionParser.h"

#include <QFile>
#include <QTest>

using namespace consult;
using namespace consult::forms;

namespace {

// A valid definition with `field` as its second field (JSON object text).
QByteArray withField(const QByteArray &field)
{
    return QByteArray(R"({"title": "T", "fields": [{"key": "a", "label": "A", "type": "text"}, )") + field + "]}";
}

} // namespace

// The form library's JSON format (docs/FORMS.md): every rule of the proto's FormField and
// FormDefinition comments is checked at start-up, and the error names the place of the problem.
class TestFormDefinitionParser final : public QObject
{
    Q_OBJECT
private slots:
    void aCompleteDefinitionIsRead()
    {
        const QByteArray json = R"({
            "title": " Dauerauftrag – Anfrage ",
            "description": "Zeile 1\nZeile 2",
            "notice": "Unverbindlich.",
            "fields": [
                {"key": "payee", "label": "Empfänger", "type": "text", "required": true, "max_length": 70,
                 "help": "Name"},
                {"key": "iban", "label": "IBAN", "type": "iban", "required": true, "sensitive": true},
                {"key": "amount", "label": "Betrag", "type": "number", "minimum": "0.01", "maximum": "100000"},
                {"key": "first", "label": "Ab", "type": "date", "minimum": "2027-01-01"},
                {"key": "interval", "label": "Turnus", "type": "choice", "choices": ["monatlich", "jährlich"]},
                {"key": "note", "label": "Notiz", "type": "multiline"},
                {"key": "ok", "label": "Einverstanden", "type": "checkbox"},
                {"key": "mail", "label": "E-Mail", "type": "email"},
                {"key": "tel", "label": "Telefon", "type": "phone"}
            ]})";
        const auto parsed = parseFormDefinition(json, QStringLiteral("dauerauftrag_anfrage"));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.problem().message));
        const wire::FormDefinition &form = parsed.value();
        QCOMPARE(form.form_id(), "dauerauftrag_anfrage");
        QCOMPARE(QString::fromStdString(form.title()), QStringLiteral("Dauerauftrag – Anfrage"));
        QCOMPARE(form.description(), "Zeile 1\nZeile 2");
        QCOMPARE(form.notice(), "Unverbindlich.");
        QCOMPARE(form.fields_size(), 9);
        QCOMPARE(form.fields(0).max_length(), 70u);
        QVERIFY(form.fields(0).required());
        QCOMPARE(form.fields(0).help(), "Name");
        QCOMPARE(form.fields(1).type(), wire::FORM_FIELD_TYPE_IBAN);
        QVERIFY(form.fields(1).sensitive());
        QCOMPARE(form.fields(2).minimum(), "0.01");
        QCOMPARE(form.fields(2).maximum(), "100000");
        QCOMPARE(form.fields(3).minimum(), "2027-01-01");
        QCOMPARE(form.fields(4).choices_size(), 2);
        QCOMPARE(form.fields(5).max_length(), 200u); // the default of text fields
        QCOMPARE(form.fields(6).max_length(), 0u);
        QCOMPARE(form.fields(8).type(), wire::FORM_FIELD_TYPE_PHONE);
    }

    void theShippedExamplesAreValid_data()
    {
        QTest::addColumn<QString>("formId");
        QTest::newRow("change of address") << QStringLiteral("adressaenderung");
        QTest::newRow("standing order request") << QStringLiteral("dauerauftrag_anfrage");
    }
    void theShippedExamplesAreValid()
    {
        QFETCH(QString, formId);
        QFile file(QStringLiteral(CONSULT_FORM_LIBRARY "/") + formId + QStringLiteral(".json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto parsed = parseFormDefinition(file.readAll(), formId);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.problem().message));
        if (formId == QLatin1StringView("dauerauftrag_anfrage")) {
            QVERIFY(!parsed->notice().empty()); // not binding, and says so
            QVERIFY(std::any_of(parsed->fields().begin(), parsed->fields().end(), [](const wire::FormField &field) {
                return field.type() == wire::FORM_FIELD_TYPE_IBAN && field.sensitive();
            }));
        }
    }

    void badDefinitionsAreRefusedWithTheirPlace_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("formId");
        QTest::addColumn<QString>("message");
        const auto add = [](const char *name, const QByteArray &json, const QString &message,
                            const QString &formId = QStringLiteral("form")) {
            QTest::newRow(name) << json << formId << message;
        };
        add("not JSON", "{", QStringLiteral("not valid JSON"));
        add("not an object", "[]", QStringLiteral("must be a JSON object"));
        add("bad file name", withField("{}"), QStringLiteral("file name"), QStringLiteral("Form"));
        add("unknown top-level key", R"({"title": "T", "colour": 1, "fields": []})",
            QStringLiteral("colour: unknown key"));
        add("title missing", R"({"fields": [{"key": "a", "label": "A", "type": "text"}]})",
            QStringLiteral("title: missing"));
        add("title of two lines", R"({"title": "a\nb", "fields": [{"key": "a", "label": "A", "type": "text"}]})",
            QStringLiteral("title: must be a single line"));
        add("I2 bidi in a label", withField(R"({"key": "b", "label": "x\u202Ey", "type": "text"})"),
            QStringLiteral("fields[1].label: not plain text"));
        add("no fields", R"({"title": "T", "fields": []})", QStringLiteral("fields: must be a list of 1 to 50"));
        add("unknown type", withField(R"({"key": "b", "label": "B", "type": "iban2"})"),
            QStringLiteral("fields[1].type: unknown type \"iban2\""));
        add("bad key", withField(R"({"key": "B-1", "label": "B", "type": "text"})"),
            QStringLiteral("fields[1].key: must be 1 to 40"));
        add("key twice", withField(R"({"key": "a", "label": "B", "type": "text"})"),
            QStringLiteral("fields[1].key: \"a\" is used twice"));
        add("unknown field key", withField(R"({"key": "b", "label": "B", "type": "text", "lenght": 3})"),
            QStringLiteral("fields[1].lenght: unknown key"));
        add("max_length of a date", withField(R"({"key": "b", "label": "B", "type": "date", "max_length": 3})"),
            QStringLiteral("fields[1].max_length: only for text"));
        add("max_length too large", withField(R"({"key": "b", "label": "B", "type": "text", "max_length": 2001})"),
            QStringLiteral("fields[1].max_length: must be a whole number"));
        add("one choice", withField(R"({"key": "b", "label": "B", "type": "choice", "choices": ["x"]})"),
            QStringLiteral("fields[1].choices: must be a list of 2"));
        add("choice twice", withField(R"({"key": "b", "label": "B", "type": "choice", "choices": ["x", "x"]})"),
            QStringLiteral("fields[1].choices[1]: the same option twice"));
        add("choices of a text", withField(R"({"key": "b", "label": "B", "type": "text", "choices": ["x", "y"]})"),
            QStringLiteral("fields[1].choices: only for choice fields"));
        add("number minimum in German notation",
            withField(R"({"key": "b", "label": "B", "type": "number", "minimum": "1,5"})"),
            QStringLiteral("fields[1].minimum: not a decimal number"));
        add("date minimum not ISO", withField(R"({"key": "b", "label": "B", "type": "date", "minimum": "1.1.2027"})"),
            QStringLiteral("fields[1].minimum: not a date"));
        add("minimum above maximum",
            withField(R"({"key": "b", "label": "B", "type": "number", "minimum": "10", "maximum": "9.5"})"),
            QStringLiteral("fields[1]: minimum is above maximum"));
        add("required not a boolean", withField(R"({"key": "b", "label": "B", "type": "text", "required": "yes"})"),
            QStringLiteral("fields[1].required: must be true or false"));
        add("too deep", QByteArray(100, '[') + QByteArray(100, ']'), QStringLiteral("nested deeper"));
        add("too large",
            withField(QByteArray(R"({"key": "b", "label": "B", "type": "text", "help": ")") + QByteArray(70'000, 'x') +
                      "\"}"),
            QStringLiteral("larger than 64 KiB"));
    }
    void badDefinitionsAreRefusedWithTheirPlace()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, formId);
        QFETCH(QString, message);
        const auto parsed = parseFormDefinition(json, formId);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.problem().message.contains(message), qPrintable(parsed.problem().message));
    }

    void fiftyFieldsAreTheMost()
    {
        QByteArray fields;
        for (int i = 0; i < 51; ++i)
            fields += QByteArray(i ? "," : "") + "{\"key\": \"f" + QByteArray::number(i) +
                      "\", \"label\": \"L\", \"type\": \"text\"}";
        QVERIFY(!parseFormDefinition(R"({"title": "T", "fields": [)" + fields + "]}", QStringLiteral("f")).ok());
        const qsizetype cut = fields.lastIndexOf(",{");
        QVERIFY(
            parseFormDefinition(R"({"title": "T", "fields": [)" + fields.left(cut) + "]}", QStringLiteral("f")).ok());
    }
};

QTEST_GUILESS_MAIN(TestFormDefinitionParser)
#include "TestFormDefinitionParser.moc"
