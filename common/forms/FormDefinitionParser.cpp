#include "forms/FormDefinitionParser.h"

#include "forms/FormValueSyntax.h"
#include "validation/TextNormaliser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <optional>

namespace consult::forms {
namespace {

constexpr qsizetype kMaxJsonBytes = 64 * 1024;
constexpr int kMaxFields = 50;
constexpr int kMaxChoices = 50;
constexpr int kMaxFieldLength = 2000;
constexpr int kMaxFormIdLength = 60;
constexpr int kMaxKeyLength = 40;
// Deeper than the format's own nesting (form, fields, field, choices) is never a valid definition;
// checked before Qt's parser recurses into it.
constexpr int kMaxNesting = 8;

using Parsed = Result<wire::FormDefinition>;

// A problem at `place` ("fields[3].type") in plain words.
struct Failure
{
    QString message;
};

std::string toStd(const QString &text)
{
    return text.toStdString();
}

bool matchesKeySyntax(const QString &text, int maxLength, bool allowDash)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (const QChar c : text) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || (allowDash && c == u'-');
        if (!ok)
            return false;
    }
    return true;
}

// The deepest nesting of arrays and objects, counted over the raw bytes (strings skipped).
int nestingOf(const QByteArray &json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
    }
    return deepest;
}

// Reads a definition's keys one by one; the first problem wins and is kept with its place.
class Reader
{
public:
    std::optional<Failure> failure;

    void fail(const QString &place, const QString &what)
    {
        if (!failure)
            failure = Failure{place.isEmpty() ? what : place + QStringLiteral(": ") + what};
    }

    void refuseUnknownKeys(const QJsonObject &object, const QString &place, const QStringList &known)
    {
        for (const QString &key : object.keys())
            if (!known.contains(key))
                fail(place.isEmpty() ? key : place + u'.' + key, QStringLiteral("unknown key"));
    }

    // Plain text of `min..max` code points: NFC, trimmed, no control or bidi character (I2); a
    // single line unless `multiline`.
    QString text(const QJsonObject &object, const QString &key, const QString &place, int min, int max, bool multiline)
    {
        return textValue(object.value(key), place.isEmpty() ? key : place + u'.' + key, min, max, multiline);
    }

    QString textValue(const QJsonValue &value, const QString &where, int min, int max, bool multiline)
    {
        if (value.isUndefined()) {
            if (min > 0)
                fail(where, QStringLiteral("missing"));
            return {};
        }
        if (!value.isString()) {
            fail(where, QStringLiteral("must be a string"));
            return {};
        }
        const QString raw = value.toString();
        auto normalised = validation::normaliseChatText(raw, max);
        if (!normalised) {
            if (normalised.problem().code == QLatin1StringView("empty")) {
                if (min > 0)
                    fail(where, QStringLiteral("must not be empty"));
                return {};
            }
            if (normalised.problem().code == QLatin1StringView("too_long"))
                fail(where, QStringLiteral("longer than %1 characters").arg(max));
            else
                fail(where, QStringLiteral("not plain text (%1)").arg(normalised.problem().message));
            return {};
        }
        if (!multiline && (normalised->contains(u'\n') || normalised->contains(u'\t'))) {
            fail(where, QStringLiteral("must be a single line"));
            return {};
        }
        return normalised.value();
    }

    bool flag(const QJsonObject &object, const QString &key, const QString &place)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return false;
        if (!value.isBool())
            fail(place + u'.' + key, QStringLiteral("must be true or false"));
        return value.toBool();
    }

    wire::FormFieldType type(const QJsonObject &object, const QString &place)
    {
        static const QHash<QString, wire::FormFieldType> kTypes{
            {QStringLiteral("text"), wire::FORM_FIELD_TYPE_TEXT},
            {QStringLiteral("multiline"), wire::FORM_FIELD_TYPE_MULTILINE},
            {QStringLiteral("number"), wire::FORM_FIELD_TYPE_NUMBER},
            {QStringLiteral("date"), wire::FORM_FIELD_TYPE_DATE},
            {QStringLiteral("email"), wire::FORM_FIELD_TYPE_EMAIL},
            {QStringLiteral("phone"), wire::FORM_FIELD_TYPE_PHONE},
            {QStringLiteral("iban"), wire::FORM_FIELD_TYPE_IBAN},
            {QStringLiteral("choice"), wire::FORM_FIELD_TYPE_CHOICE},
            {QStringLiteral("checkbox"), wire::FORM_FIELD_TYPE_CHECKBOX},
        };
        const QJsonValue value = object.value(QStringLiteral("type"));
        if (value.isUndefined()) {
            fail(place + QStringLiteral(".type"), QStringLiteral("missing"));
            return wire::FORM_FIELD_TYPE_UNSPECIFIED;
        }
        const auto found = kTypes.constFind(value.toString());
        if (!value.isString() || found == kTypes.constEnd()) {
            fail(place + QStringLiteral(".type"),
                 QStringLiteral("unknown type \"%1\"").arg(value.isString() ? value.toString().left(40) : QString()));
            return wire::FORM_FIELD_TYPE_UNSPECIFIED;
        }
        return found.value();
    }

    void maxLength(const QJsonObject &object, wire::FormField &field, const QString &place)
    {
        const QJsonValue value = object.value(QStringLiteral("max_length"));
        const bool isText =
            field.type() == wire::FORM_FIELD_TYPE_TEXT || field.type() == wire::FORM_FIELD_TYPE_MULTILINE;
        if (value.isUndefined()) {
            if (isText)
                field.set_max_length(kDefaultMaxLength);
            return;
        }
        const QString where = place + QStringLiteral(".max_length");
        if (!isText) {
            fail(where, QStringLiteral("only for text and multiline fields"));
            return;
        }
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != static_cast<double>(static_cast<int>(number)) || number < 1 ||
            number > kMaxFieldLength) {
            fail(where, QStringLiteral("must be a whole number from 1 to %1").arg(kMaxFieldLength));
            return;
        }
        field.set_max_length(static_cast<quint32>(number));
    }

    void choices(const QJsonObject &object, wire::FormField &field, const QString &place)
    {
        const QJsonValue value = object.value(QStringLiteral("choices"));
        const QString where = place + QStringLiteral(".choices");
        if (field.type() != wire::FORM_FIELD_TYPE_CHOICE) {
            if (!value.isUndefined())
                fail(where, QStringLiteral("only for choice fields"));
            return;
        }
        const QJsonArray options = value.toArray();
        if (!value.isArray() || options.size() < 2 || options.size() > kMaxChoices) {
            fail(where, QStringLiteral("must be a list of 2 to %1 options").arg(kMaxChoices));
            return;
        }
        QSet<QString> seen;
        for (qsizetype i = 0; i < options.size(); ++i) {
            const QString optionPlace = where + QStringLiteral("[%1]").arg(i);
            const QString option = textValue(options[i], optionPlace, 1, 200, false);
            if (failure)
                return;
            if (seen.contains(option)) {
                fail(optionPlace, QStringLiteral("the same option twice"));
                return;
            }
            seen.insert(option);
            field.add_choices(toStd(option));
        }
    }

    void bound(const QJsonObject &object, const QString &key, wire::FormField &field, const QString &place)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return;
        const QString where = place + u'.' + key;
        if (field.type() != wire::FORM_FIELD_TYPE_NUMBER && field.type() != wire::FORM_FIELD_TYPE_DATE) {
            fail(where, QStringLiteral("only for number and date fields"));
            return;
        }
        if (!value.isString()) {
            fail(where, QStringLiteral("must be a string"));
            return;
        }
        QString normalised;
        if (field.type() == wire::FORM_FIELD_TYPE_NUMBER) {
            const auto number = parseCanonicalDecimal(value.toString());
            if (!number) {
                fail(where, QStringLiteral("not a decimal number such as \"-12.5\""));
                return;
            }
            normalised = *number;
        } else {
            const auto date = parseDate(value.toString());
            if (!date || value.toString() != date->toString(Qt::ISODate)) {
                fail(where, QStringLiteral("not a date as YYYY-MM-DD"));
                return;
            }
            normalised = date->toString(Qt::ISODate);
        }
        if (key == QLatin1StringView("minimum"))
            field.set_minimum(toStd(normalised));
        else
            field.set_maximum(toStd(normalised));
    }

    void checkRange(const wire::FormField &field, const QString &place)
    {
        if (field.minimum().empty() || field.maximum().empty())
            return;
        const QString minimum = QString::fromStdString(field.minimum());
        const QString maximum = QString::fromStdString(field.maximum());
        const bool inverted =
            field.type() == wire::FORM_FIELD_TYPE_NUMBER ? compareDecimals(minimum, maximum) > 0 : minimum > maximum;
        if (inverted)
            fail(place, QStringLiteral("minimum is above maximum"));
    }

    wire::FormField field(const QJsonValue &value, const QString &place)
    {
        wire::FormField field;
        if (!value.isObject()) {
            fail(place, QStringLiteral("must be an object"));
            return field;
        }
        const QJsonObject object = value.toObject();
        refuseUnknownKeys(object, place,
                          {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("type"),
                           QStringLiteral("required"), QStringLiteral("sensitive"), QStringLiteral("max_length"),
                           QStringLiteral("choices"), QStringLiteral("help"), QStringLiteral("minimum"),
                           QStringLiteral("maximum")});
        const QJsonValue key = object.value(QStringLiteral("key"));
        if (!key.isString() || !matchesKeySyntax(key.toString(), kMaxKeyLength, false))
            fail(place + QStringLiteral(".key"), QStringLiteral("must be 1 to 40 of a-z, 0-9 and _"));
        field.set_key(toStd(key.toString()));
        field.set_label(toStd(text(object, QStringLiteral("label"), place, 1, 200, false)));
        field.set_type(type(object, place));
        field.set_required(flag(object, QStringLiteral("required"), place));
        field.set_sensitive(flag(object, QStringLiteral("sensitive"), place));
        if (failure)
            return field;
        maxLength(object, field, place);
        choices(object, field, place);
        field.set_help(toStd(text(object, QStringLiteral("help"), place, 0, 500, true)));
        bound(object, QStringLiteral("minimum"), field, place);
        bound(object, QStringLiteral("maximum"), field, place);
        checkRange(field, place);
        return field;
    }
};

} // namespace

Result<wire::FormDefinition> parseFormDefinition(const QByteArray &json, const QString &formId)
{
    if (!matchesKeySyntax(formId, kMaxFormIdLength, true))
        return Parsed::failure(QStringLiteral("form_id"),
                               QStringLiteral("the file name must be 1 to 60 of a-z, 0-9, _ and - before .json"));
    if (json.size() > kMaxJsonBytes)
        return Parsed::failure(QStringLiteral("too_large"), QStringLiteral("larger than 64 KiB"));
    if (nestingOf(json) > kMaxNesting)
        return Parsed::failure(QStringLiteral("too_deep"), QStringLiteral("nested deeper than a form definition"));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Parsed::failure(
            QStringLiteral("json"),
            QStringLiteral("not valid JSON at byte %1: %2").arg(error.offset).arg(error.errorString()));
    if (!document.isObject())
        return Parsed::failure(QStringLiteral("json"), QStringLiteral("the definition must be a JSON object"));

    const QJsonObject object = document.object();
    Reader reader;
    wire::FormDefinition definition;
    definition.set_form_id(toStd(formId));
    reader.refuseUnknownKeys(
        object, QString(),
        {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("notice"), QStringLiteral("fields")});
    definition.set_title(toStd(reader.text(object, QStringLiteral("title"), QString(), 1, 200, false)));
    definition.set_description(toStd(reader.text(object, QStringLiteral("description"), QString(), 0, 2000, true)));
    definition.set_notice(toStd(reader.text(object, QStringLiteral("notice"), QString(), 0, 500, true)));

    const QJsonValue fields = object.value(QStringLiteral("fields"));
    if (!fields.isArray() || fields.toArray().isEmpty() || fields.toArray().size() > kMaxFields)
        reader.fail(QStringLiteral("fields"), QStringLiteral("must be a list of 1 to %1 fields").arg(kMaxFields));
    QSet<std::string> keys;
    const QJsonArray list = fields.toArray();
    for (qsizetype i = 0; i < list.size() && !reader.failure && i < kMaxFields; ++i) {
        const QString place = QStringLiteral("fields[%1]").arg(i);
        wire::FormField field = reader.field(list[i], place);
        if (!reader.failure && keys.contains(field.key()))
            reader.fail(place + QStringLiteral(".key"),
                        QStringLiteral("\"%1\" is used twice").arg(QString::fromStdString(field.key())));
        keys.insert(field.key());
        *definition.add_fields() = std::move(field);
    }
    if (reader.failure)
        return Parsed::failure(QStringLiteral("definition"), reader.failure->message);
    return definition;
}

} // namespace consult::forms
