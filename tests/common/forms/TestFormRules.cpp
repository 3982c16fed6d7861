#include "forms/FormRules.h"

#include <QTest>

using namespace consult;
using namespace consult::forms;

Q_DECLARE_METATYPE(consult::forms::ValueProblem)

namespace {

wire::FormField field(wire::FormFieldType type, bool required = false)
{
    wire::FormField field;
    field.set_key("f");
    field.set_label("F");
    field.set_type(type);
    field.set_required(required);
    if (type == wire::FORM_FIELD_TYPE_TEXT || type == wire::FORM_FIELD_TYPE_MULTILINE)
        field.set_max_length(10);
    return field;
}

wire::FormDefinition standingOrder()
{
    wire::FormDefinition definition;
    definition.set_form_id("dauerauftrag");
    definition.set_title("Dauerauftrag");
    wire::FormField payee = field(wire::FORM_FIELD_TYPE_TEXT, true);
    payee.set_key("payee");
    wire::FormField iban = field(wire::FORM_FIELD_TYPE_IBAN, true);
    iban.set_key("iban");
    iban.set_sensitive(true);
    wire::FormField note = field(wire::FORM_FIELD_TYPE_TEXT);
    note.set_key("note");
    *definition.add_fields() = payee;
    *definition.add_fields() = iban;
    *definition.add_fields() = note;
    return definition;
}

google::protobuf::RepeatedPtrField<wire::FormValue> values(std::initializer_list<std::pair<const char *, QString>> list)
{
    google::protobuf::RepeatedPtrField<wire::FormValue> result;
    for (const auto &[key, value] : list) {
        wire::FormValue *entry = result.Add();
        entry->set_key(key);
        entry->set_value(value.toStdString());
    }
    return result;
}

} // namespace

// The one set of value rules (seed 002): what the customer's app shows as the customer types and what
// the server enforces on SubmitForm, per field type, with the normalised form that goes on the wire.
class TestFormRules final : public QObject
{
    Q_OBJECT
private slots:
    void valuesAreCheckedAndNormalised_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("required");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<ValueProblem>("problem");
        QTest::addColumn<QString>("normalised");
        const auto add = [](const char *name, wire::FormFieldType type, bool required, const QString &raw,
                            ValueProblem problem, const QString &normalised = {}) {
            QTest::newRow(name) << int(type) << required << raw << problem << normalised;
        };
        using P = ValueProblem;
        add("text trimmed and NFC", wire::FORM_FIELD_TYPE_TEXT, false, QStringLiteral("  Mu\u0308ller "), P::None,
            QStringLiteral("Müller"));
        add("text at its length", wire::FORM_FIELD_TYPE_TEXT, false, QStringLiteral("0123456789"), P::None,
            QStringLiteral("0123456789"));
        add("text beyond max_length", wire::FORM_FIELD_TYPE_TEXT, false, QStringLiteral("0123456789a"), P::TooLong);
        add("text of one line only", wire::FORM_FIELD_TYPE_TEXT, false, QStringLiteral("a\nb"), P::NotText);
        add("I2 bidi override", wire::FORM_FIELD_TYPE_TEXT, false, QStringLiteral("a\u202Eb"), P::NotText);
        add("I2 control character", wire::FORM_FIELD_TYPE_MULTILINE, false, QStringLiteral("a\u0007b"), P::NotText);
        add("multiline keeps lines", wire::FORM_FIELD_TYPE_MULTILINE, false, QStringLiteral("a\r\nb"), P::None,
            QStringLiteral("a\nb"));
        add("required text empty", wire::FORM_FIELD_TYPE_TEXT, true, QStringLiteral("   "), P::Missing);
        add("required text only invisible", wire::FORM_FIELD_TYPE_TEXT, true, QStringLiteral("\u200B"), P::Missing);
        add("optional empty is not filled", wire::FORM_FIELD_TYPE_IBAN, false, QString(), P::None, QString());
        add("German number", wire::FORM_FIELD_TYPE_NUMBER, false, QStringLiteral("1.234,50"), P::None,
            QStringLiteral("1234.50"));
        add("English number", wire::FORM_FIELD_TYPE_NUMBER, false, QStringLiteral("1,234.5"), P::None,
            QStringLiteral("1234.5"));
        add("German thousands", wire::FORM_FIELD_TYPE_NUMBER, false, QStringLiteral("100.000"), P::None,
            QStringLiteral("100000"));
        add("decimal point", wire::FORM_FIELD_TYPE_NUMBER, false, QStringLiteral("850.00"), P::None,
            QStringLiteral("850.00"));
        add("decimal comma", wire::FORM_FIELD_TYPE_NUMBER, false, QStringLiteral("-3,5"), P::None,
            QStringLiteral("-3.5"));
        add("bad grouping", wire::FORM_FIELD_TYPE_NUMBER, false, QStringLiteral("1.23.456"), P::NotANumber);
        add("not a number", wire::FORM_FIELD_TYPE_NUMBER, false, QStringLiteral("12a"), P::NotANumber);
        add("German date", wire::FORM_FIELD_TYPE_DATE, false, QStringLiteral("1.2.2027"), P::None,
            QStringLiteral("2027-02-01"));
        add("ISO date", wire::FORM_FIELD_TYPE_DATE, false, QStringLiteral("2027-02-28"), P::None,
            QStringLiteral("2027-02-28"));
        add("no such day", wire::FORM_FIELD_TYPE_DATE, false, QStringLiteral("30.02.2027"), P::NotADate);
        add("e-mail", wire::FORM_FIELD_TYPE_EMAIL, false, QStringLiteral("Anna.M@Sparkasse.DE"), P::None,
            QStringLiteral("Anna.M@sparkasse.de"));
        add("e-mail without domain", wire::FORM_FIELD_TYPE_EMAIL, false, QStringLiteral("anna@localhost"),
            P::NotAnEmail);
        add("phone to E.164", wire::FORM_FIELD_TYPE_PHONE, false, QStringLiteral("0561 123456"), P::None,
            QStringLiteral("+49561123456"));
        add("no phone", wire::FORM_FIELD_TYPE_PHONE, false, QStringLiteral("110"), P::NotAPhone);
        add("IBAN with spaces", wire::FORM_FIELD_TYPE_IBAN, true, QStringLiteral("de89 3704 0044 0532 0130 00"),
            P::None, QStringLiteral("DE89370400440532013000"));
        add("IBAN with a typo", wire::FORM_FIELD_TYPE_IBAN, true, QStringLiteral("DE89 3704 0044 0532 0130 01"),
            P::NotAnIban);
        add("checkbox ticked", wire::FORM_FIELD_TYPE_CHECKBOX, true, QStringLiteral("true"), P::None,
            QStringLiteral("true"));
        add("required checkbox not ticked", wire::FORM_FIELD_TYPE_CHECKBOX, true, QStringLiteral("false"), P::Missing);
        add("optional checkbox empty", wire::FORM_FIELD_TYPE_CHECKBOX, false, QString(), P::None,
            QStringLiteral("false"));
        add("checkbox other text", wire::FORM_FIELD_TYPE_CHECKBOX, false, QStringLiteral("yes"), P::NotAChoice);
    }
    void valuesAreCheckedAndNormalised()
    {
        QFETCH(int, type);
        QFETCH(bool, required);
        QFETCH(QString, raw);
        QFETCH(ValueProblem, problem);
        QFETCH(QString, normalised);
        const CheckedValue checked = checkValue(field(wire::FormFieldType(type), required), raw);
        QCOMPARE(checked.problem, problem);
        if (problem == ValueProblem::None)
            QCOMPARE(checked.normalised, normalised);
    }

    void numbersAndDatesKeepTheirRange()
    {
        wire::FormField amount = field(wire::FORM_FIELD_TYPE_NUMBER);
        amount.set_minimum("0.01");
        amount.set_maximum("100000");
        QCOMPARE(checkValue(amount, QStringLiteral("0,01")).problem, ValueProblem::None);
        QCOMPARE(checkValue(amount, QStringLiteral("100.000")).problem, ValueProblem::None);
        QCOMPARE(checkValue(amount, QStringLiteral("100.000,01")).problem, ValueProblem::OutOfRange);
        QCOMPARE(checkValue(amount, QStringLiteral("0")).problem, ValueProblem::OutOfRange);
        QCOMPARE(checkValue(amount, QStringLiteral("-5")).problem, ValueProblem::OutOfRange);

        wire::FormField from = field(wire::FORM_FIELD_TYPE_DATE);
        from.set_minimum("2027-01-01");
        from.set_maximum("2027-12-31");
        QCOMPARE(checkValue(from, QStringLiteral("31.12.2026")).problem, ValueProblem::OutOfRange);
        QCOMPARE(checkValue(from, QStringLiteral("01.01.2027")).problem, ValueProblem::None);
        QCOMPARE(checkValue(from, QStringLiteral("2028-01-01")).problem, ValueProblem::OutOfRange);
    }

    void aChoiceMustBeOneOfItsOptions()
    {
        wire::FormField interval = field(wire::FORM_FIELD_TYPE_CHOICE, true);
        interval.add_choices("monatlich");
        interval.add_choices("jährlich");
        QCOMPARE(checkValue(interval, QStringLiteral("ja\u0308hrlich")).normalised, QStringLiteral("jährlich"));
        QCOMPARE(checkValue(interval, QStringLiteral("täglich")).problem, ValueProblem::NotAChoice);
        QCOMPARE(checkValue(interval, QString()).problem, ValueProblem::Missing);
    }

    void aSubmissionIsCheckedInTheDefinitionsOrder()
    {
        const CheckedSubmission checked = checkSubmission(
            standingOrder(),
            values({{"iban", QStringLiteral("DE89 3704 0044 0532 0130 00")}, {"payee", QStringLiteral(" Anna ")}}));
        QVERIFY(checked.accepted());
        QCOMPARE(checked.values.size(), 3);
        QCOMPARE(checked.values[0].key(), "payee");
        QCOMPARE(checked.values[0].value(), "Anna");
        QCOMPARE(checked.values[1].value(), "DE89370400440532013000");
        QCOMPARE(checked.values[2].key(), "note");
        QCOMPARE(checked.values[2].value(), "");
    }

    void theFirstProblemIsNamed()
    {
        CheckedSubmission checked = checkSubmission(standingOrder(), values({{"payee", QStringLiteral("Anna")}}));
        QCOMPARE(checked.firstProblemKey, QStringLiteral("iban"));
        QCOMPARE(checked.firstProblem, ValueProblem::Missing);
        QVERIFY(checked.values.isEmpty());

        checked = checkSubmission(standingOrder(), values({{"payee", QString()}, {"iban", QStringLiteral("DE00")}}));
        QCOMPARE(checked.firstProblemKey, QStringLiteral("payee"));

        checked = checkSubmission(standingOrder(), values({{"payee", QStringLiteral("Anna")},
                                                           {"iban", QStringLiteral("DE89370400440532013000")},
                                                           {"colour", QStringLiteral("blau")}}));
        QCOMPARE(checked.firstProblem, ValueProblem::UnknownField);
        QCOMPARE(checked.firstProblemKey, QStringLiteral("colour"));

        checked = checkSubmission(standingOrder(), values({{"payee", QStringLiteral("Anna")},
                                                           {"payee", QStringLiteral("Bert")},
                                                           {"iban", QStringLiteral("DE89370400440532013000")}}));
        QCOMPARE(checked.firstProblem, ValueProblem::Duplicate);
        QCOMPARE(checked.firstProblemKey, QStringLiteral("payee"));
    }
};

QTEST_GUILESS_MAIN(TestFormRules)
#include "TestFormRules.moc"
