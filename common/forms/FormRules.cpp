#include "forms/FormRules.h"

#include "forms/FormValueSyntax.h"
#include "validation/PaymentNumbers.h"
#include "validation/PhoneNumber.h"
#include "validation/TextNormaliser.h"

#include <QDate>
#include <QSet>

namespace consult::forms {
namespace {

// A raw value longer than this is refused before any rule looks at it: the longest field allows 2000
// code points, and NFC and trimming need only a little room beyond that.
constexpr qsizetype kMaxRawUnits = 4 * 2000;

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

CheckedValue problem(ValueProblem why)
{
    return CheckedValue{why, QString()};
}

CheckedValue accepted(QString normalised)
{
    return CheckedValue{ValueProblem::None, std::move(normalised)};
}

// TEXT and MULTILINE: the chat's normaliser (NFC, trimmed, no control or bidi character, I2), the
// field's length, and one line for TEXT.
CheckedValue checkText(const wire::FormField &field, const QString &raw, bool multiline)
{
    const int maxLength = field.max_length() > 0 ? static_cast<int>(field.max_length()) : kDefaultMaxLength;
    auto text = validation::normaliseChatText(raw, maxLength);
    if (!text) {
        // Nothing but invisible characters counts as not filled, as in the chat.
        if (text.problem().code == QLatin1StringView("empty"))
            return field.required() ? problem(ValueProblem::Missing) : accepted(QString());
        if (text.problem().code == QLatin1StringView("too_long"))
            return problem(ValueProblem::TooLong);
        return problem(ValueProblem::NotText);
    }
    if (!multiline && (text->contains(u'\n') || text->contains(u'\t')))
        return problem(ValueProblem::NotText);
    return accepted(text.value());
}

CheckedValue checkNumber(const wire::FormField &field, const QString &raw)
{
    const std::optional<QString> number = parseDecimal(raw);
    if (!number)
        return problem(ValueProblem::NotANumber);
    if (!field.minimum().empty() && compareDecimals(*number, fromStd(field.minimum())) < 0)
        return problem(ValueProblem::OutOfRange);
    if (!field.maximum().empty() && compareDecimals(*number, fromStd(field.maximum())) > 0)
        return problem(ValueProblem::OutOfRange);
    return accepted(*number);
}

CheckedValue checkDate(const wire::FormField &field, const QString &raw)
{
    const std::optional<QDate> date = parseDate(raw);
    if (!date)
        return problem(ValueProblem::NotADate);
    // ISO dates of four-digit years compare as text.
    const QString iso = date->toString(Qt::ISODate);
    if (!field.minimum().empty() && iso < fromStd(field.minimum()))
        return problem(ValueProblem::OutOfRange);
    if (!field.maximum().empty() && iso > fromStd(field.maximum()))
        return problem(ValueProblem::OutOfRange);
    return accepted(iso);
}

CheckedValue checkIban(const QString &raw)
{
    QString compact;
    for (const QChar c : raw) {
        if (c == u' ')
            continue;
        if (!(c.isDigit() || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')) || c.unicode() > 0x7f)
            return problem(ValueProblem::NotAnIban);
        compact += c.toUpper();
    }
    if (!validation::passesIbanChecksum(compact))
        return problem(ValueProblem::NotAnIban);
    return accepted(compact);
}

CheckedValue checkChoice(const wire::FormField &field, const QString &raw)
{
    const QString chosen = raw.normalized(QString::NormalizationForm_C).trimmed();
    for (const std::string &choice : field.choices())
        if (fromStd(choice) == chosen)
            return accepted(chosen);
    return problem(ValueProblem::NotAChoice);
}

} // namespace

CheckedValue checkValue(const wire::FormField &field, const QString &raw)
{
    if (raw.size() > kMaxRawUnits)
        return problem(ValueProblem::TooLong);
    const QString trimmed = raw.trimmed();
    if (field.type() == wire::FORM_FIELD_TYPE_CHECKBOX) {
        if (trimmed.isEmpty() || trimmed == QLatin1StringView("false"))
            return field.required() ? problem(ValueProblem::Missing) : accepted(QStringLiteral("false"));
        if (trimmed == QLatin1StringView("true"))
            return accepted(QStringLiteral("true"));
        return problem(ValueProblem::NotAChoice);
    }
    if (trimmed.isEmpty())
        return field.required() ? problem(ValueProblem::Missing) : accepted(QString());
    switch (field.type()) {
    case wire::FORM_FIELD_TYPE_TEXT:
    case wire::FORM_FIELD_TYPE_MULTILINE:
        return checkText(field, raw, field.type() == wire::FORM_FIELD_TYPE_MULTILINE);
    case wire::FORM_FIELD_TYPE_NUMBER:
        return checkNumber(field, raw);
    case wire::FORM_FIELD_TYPE_DATE:
        return checkDate(field, raw);
    case wire::FORM_FIELD_TYPE_EMAIL: {
        const std::optional<QString> address = parseEmail(trimmed);
        return address ? accepted(*address) : problem(ValueProblem::NotAnEmail);
    }
    case wire::FORM_FIELD_TYPE_PHONE: {
        const auto phone = validation::normalisePhone(trimmed);
        return phone ? accepted(phone.value()) : problem(ValueProblem::NotAPhone);
    }
    case wire::FORM_FIELD_TYPE_IBAN:
        return checkIban(trimmed);
    case wire::FORM_FIELD_TYPE_CHOICE:
        return checkChoice(field, raw);
    default:
        // A definition the parser let through has a known type; anything else takes no value.
        return problem(ValueProblem::NotText);
    }
}

CheckedSubmission checkSubmission(const wire::FormDefinition &definition,
                                  const google::protobuf::RepeatedPtrField<wire::FormValue> &values)
{
    CheckedSubmission result;
    const auto fail = [&result](const QString &key, ValueProblem why) {
        if (result.firstProblem != ValueProblem::None)
            return;
        result.firstProblem = why;
        result.firstProblemKey = key;
    };

    QSet<QString> known;
    for (const wire::FormField &field : definition.fields())
        known.insert(fromStd(field.key()));
    // The submission's own mistakes first: a key the form does not have, or a key twice.
    QHash<QString, QString> given;
    for (const wire::FormValue &value : values) {
        const QString key = fromStd(value.key());
        if (!known.contains(key))
            fail(key, ValueProblem::UnknownField);
        else if (given.contains(key))
            fail(key, ValueProblem::Duplicate);
        else
            given.insert(key, fromStd(value.value()));
    }
    for (const wire::FormField &field : definition.fields()) {
        const QString key = fromStd(field.key());
        const CheckedValue checked = checkValue(field, given.value(key));
        if (checked.problem != ValueProblem::None)
            fail(key, checked.problem);
        wire::FormValue value;
        value.set_key(field.key());
        value.set_value(checked.normalised.toStdString());
        result.values.append(std::move(value));
    }
    if (!result.accepted())
        result.values.clear();
    return result;
}

} // namespace consult::forms
