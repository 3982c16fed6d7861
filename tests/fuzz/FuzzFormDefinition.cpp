// Fuzz target: the form library's definition parser (docs/FORMS.md, I2) and, for what it accepts, the
// value rules. Oracles: a refusal has a message; an accepted definition keeps every rule of the
// proto's FormField / FormDefinition comments (1..50 fields, unique keys of [a-z0-9_]{1,40}, texts
// NFC within their lengths and without control or bidi characters, choices only on choice fields,
// max_length only on text fields), and the value rules never crash on it and return normalised
// values that pass the same rule again.
#include "FuzzText.h"
#include "forms/FormDefinitionParser.h"
#include "forms/FormRules.h"
#include "forms/FormValueSyntax.h"

#include <QSet>

using namespace consult;
using namespace consult::fuzz;

namespace {

void requirePlainText(const std::string &utf8, int minimum, int maximum, bool multiline)
{
    const QString text = QString::fromStdString(utf8);
    require(isNfc(text));
    const QList<char32_t> points = codePointsOf(text);
    require(points.size() >= minimum && points.size() <= maximum);
    for (const char32_t codePoint : points) {
        require(!isBidiControl(codePoint) && !QChar::isSurrogate(codePoint));
        const bool lineBreak = codePoint == u'\n' || codePoint == u'\t';
        require(!(QChar::category(codePoint) == QChar::Other_Control && !(multiline && lineBreak)));
    }
}

bool isKey(const std::string &key)
{
    if (key.empty() || key.size() > 40)
        return false;
    for (const char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

void checkDefinition(const wire::FormDefinition &form, const QString &raw)
{
    requirePlainText(form.title(), 1, 200, false);
    requirePlainText(form.description(), 0, 2000, true);
    requirePlainText(form.notice(), 0, 500, true);
    require(form.fields_size() >= 1 && form.fields_size() <= 50);
    QSet<std::string> keys;
    for (const wire::FormField &field : form.fields()) {
        require(isKey(field.key()) && !keys.contains(field.key()));
        keys.insert(field.key());
        requirePlainText(field.label(), 1, 200, false);
        requirePlainText(field.help(), 0, 500, true);
        require(field.type() >= wire::FORM_FIELD_TYPE_TEXT && field.type() <= wire::FORM_FIELD_TYPE_CHECKBOX);
        const bool text = field.type() == wire::FORM_FIELD_TYPE_TEXT || field.type() == wire::FORM_FIELD_TYPE_MULTILINE;
        require(text ? field.max_length() >= 1 && field.max_length() <= 2000 : field.max_length() == 0);
        if (field.type() == wire::FORM_FIELD_TYPE_CHOICE) {
            require(field.choices_size() >= 2 && field.choices_size() <= 50);
            for (const std::string &choice : field.choices())
                requirePlainText(choice, 1, 200, false);
        } else {
            require(field.choices_size() == 0);
        }
        // The rules of the accepted field: no crash, and what they accept is a fixed point.
        const forms::CheckedValue checked = forms::checkValue(field, raw);
        if (checked.problem == forms::ValueProblem::None && field.type() == wire::FORM_FIELD_TYPE_NUMBER) {
            // A number's wire form is the canonical notation ("100.000" typed is "100000").
            require(checked.normalised.isEmpty() ||
                    forms::parseCanonicalDecimal(checked.normalised) == checked.normalised);
        } else if (checked.problem == forms::ValueProblem::None) {
            const forms::CheckedValue again = forms::checkValue(field, checked.normalised);
            require(again.problem == forms::ValueProblem::None || (checked.normalised.isEmpty() && field.required()));
            require(again.normalised == checked.normalised || field.type() == wire::FORM_FIELD_TYPE_CHECKBOX);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = forms::parseFormDefinition(json, QStringLiteral("fuzz"));
    if (!parsed) {
        require(!parsed.problem().message.isEmpty());
    } else {
        for (const QString &raw : textsFrom(data, std::min<size_t>(size, 200)))
            checkDefinition(parsed.value(), raw);
    }
    return 0;
}
