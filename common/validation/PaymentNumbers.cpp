#include "validation/PaymentNumbers.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

// C2. Linear scans, no regular expressions: the client runs them on every message before it is sent.

namespace consult::validation {
namespace {

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiLetter(QChar c)
{
    const char16_t unit = c.unicode();
    return (unit >= u'A' && unit <= u'Z') || (unit >= u'a' && unit <= u'z');
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || isAsciiLetter(c);
}

bool isWordChar(QChar c)
{
    if (c.unicode() < 0x80) // the common case, without a look-up in Qt's Unicode tables
        return (c.unicode() >= u'0' && c.unicode() <= u'9') || (c.unicode() >= u'A' && c.unicode() <= u'Z') ||
               (c.unicode() >= u'a' && c.unicode() <= u'z');
    return c.isLetterOrNumber() || c.isMark();
}

// Groups of IBANs and card numbers are separated by a space, also a no-break one.
bool isGroupSpace(QChar c)
{
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F);
}

constexpr int kMinIbanLength = 15;
constexpr int kMaxIbanLength = 34;

struct IbanCountry
{
    char16_t first;
    char16_t second;
    int length;
    bool numericBban; // the national part is digits only
};

// The SEPA countries customers of a German bank write to most; others fall back to 15-34 plus mod-97.
constexpr std::array kIbanCountries{
    IbanCountry{u'A', u'D', 24, false}, IbanCountry{u'A', u'T', 20, true},  IbanCountry{u'B', u'E', 16, true},
    IbanCountry{u'B', u'G', 22, false}, IbanCountry{u'C', u'H', 21, false}, IbanCountry{u'C', u'Y', 28, false},
    IbanCountry{u'C', u'Z', 24, true},  IbanCountry{u'D', u'E', 22, true},  IbanCountry{u'D', u'K', 18, true},
    IbanCountry{u'E', u'E', 20, true},  IbanCountry{u'E', u'S', 24, true},  IbanCountry{u'F', u'I', 18, true},
    IbanCountry{u'F', u'R', 27, false}, IbanCountry{u'G', u'B', 22, false}, IbanCountry{u'G', u'R', 27, false},
    IbanCountry{u'H', u'R', 21, true},  IbanCountry{u'H', u'U', 28, true},  IbanCountry{u'I', u'E', 22, false},
    IbanCountry{u'I', u'S', 26, true},  IbanCountry{u'I', u'T', 27, false}, IbanCountry{u'L', u'I', 21, false},
    IbanCountry{u'L', u'T', 20, true},  IbanCountry{u'L', u'U', 20, false}, IbanCountry{u'L', u'V', 21, false},
    IbanCountry{u'M', u'C', 27, false}, IbanCountry{u'M', u'T', 31, false}, IbanCountry{u'N', u'L', 18, false},
    IbanCountry{u'N', u'O', 15, true},  IbanCountry{u'P', u'L', 28, true},  IbanCountry{u'P', u'T', 25, true},
    IbanCountry{u'R', u'O', 24, false}, IbanCountry{u'S', u'E', 24, true},  IbanCountry{u'S', u'I', 19, true},
    IbanCountry{u'S', u'K', 24, true},  IbanCountry{u'S', u'M', 27, false}, IbanCountry{u'T', u'R', 26, false},
};

const IbanCountry *ibanCountry(char16_t first, char16_t second)
{
    const auto found = std::find_if(kIbanCountries.cbegin(), kIbanCountries.cend(), [&](const IbanCountry &country) {
        return country.first == first && country.second == second;
    });
    return found == kIbanCountries.cend() ? nullptr : &*found;
}

// ISO 7064 mod 97-10: letters count as 10-35, i.e. as two decimal digits.
int feedMod97(int remainder, char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return (remainder * 10 + (c - u'0')) % 97;
    return (remainder * 100 + (c - u'A' + 10)) % 97;
}

// The characters of one IBAN candidate, upper-cased, with the text position behind each one.
struct IbanCandidate
{
    std::array<char16_t, kMaxIbanLength> chars{};
    std::array<qsizetype, kMaxIbanLength> endPositions{};
    std::array<int, kMaxIbanLength + 1> bbanRemainder{}; // mod 97 of chars[4, n), for every n
    int count = 0;

    // The check moves the first four characters behind the rest. They are two letters and two digits,
    // i.e. six decimal digits, so the remainder for any length follows from the running one.
    int remainderFor(int length) const
    {
        int head = 0;
        for (int i = 0; i < 4; ++i)
            head = feedMod97(head, chars[i]);
        constexpr int kMillionMod97 = 1'000'000 % 97;
        return (bbanRemainder[length] * kMillionMod97 + head) % 97;
    }
};

// Decision C2: an IBAN of a known country with the right length is flagged even when mod-97 fails.
// A typo does not make the number any less the customer's account; the shape alone (valid check digit
// range, a national part of digits where the country uses digits only) keeps ordinary codes out.
bool looksLikeMistypedIban(const IbanCandidate &candidate, const IbanCountry &country)
{
    const int checkDigits = (candidate.chars[2] - u'0') * 10 + (candidate.chars[3] - u'0');
    if (checkDigits < 2 || checkDigits > 98)
        return false;
    int digits = 0;
    for (int i = 4; i < country.length; ++i)
        digits += (candidate.chars[i] >= u'0' && candidate.chars[i] <= u'9') ? 1 : 0;
    const int bbanLength = country.length - 4;
    return country.numericBban ? digits == bbanLength : digits >= 8;
}

// The end of the IBAN starting at start, if one does.
std::optional<qsizetype> ibanEndAt(QStringView text, qsizetype start)
{
    const qsizetype size = text.size();
    if (start + 4 > size || !isAsciiLetter(text[start]) || !isAsciiLetter(text[start + 1]) ||
        !isAsciiDigit(text[start + 2]) || !isAsciiDigit(text[start + 3]))
        return std::nullopt;
    if (start > 0 && isWordChar(text[start - 1]))
        return std::nullopt;

    const auto upperAscii = [](QChar c) {
        const char16_t unit = c.unicode();
        return unit >= u'a' && unit <= u'z' ? static_cast<char16_t>(unit - u'a' + u'A') : unit;
    };
    // A known country fixes the length, so collecting stops there.
    const IbanCountry *country = ibanCountry(upperAscii(text[start]), upperAscii(text[start + 1]));
    const int maxLength = country ? country->length : kMaxIbanLength;

    IbanCandidate candidate;
    qsizetype position = start;
    int remainder = 0;
    while (position < size && candidate.count < maxLength) {
        const QChar c = text[position];
        if (isAsciiAlnum(c)) {
            const char16_t upper = upperAscii(c);
            candidate.chars[candidate.count] = upper;
            candidate.endPositions[candidate.count] = position + 1;
            if (candidate.count >= 4)
                remainder = feedMod97(remainder, upper);
            ++candidate.count;
            candidate.bbanRemainder[candidate.count] = remainder;
            ++position;
        } else if (isGroupSpace(c) && position + 1 < size && isAsciiAlnum(text[position + 1])) {
            ++position; // one space between groups, as printed on statements
        } else {
            break;
        }
    }

    // The IBAN must end where a word ends: "DE89...00" followed by a further digit is no IBAN.
    const auto endsAtBoundary = [&](int length) {
        const qsizetype end = candidate.endPositions[length - 1];
        return end == size || !isWordChar(text[end]);
    };

    if (country) {
        const int length = country->length;
        if (candidate.count < length || !endsAtBoundary(length))
            return std::nullopt;
        if (candidate.remainderFor(length) == 1 || looksLikeMistypedIban(candidate, *country))
            return candidate.endPositions[length - 1];
        return std::nullopt;
    }
    for (int length = candidate.count; length >= kMinIbanLength; --length) {
        if (endsAtBoundary(length) && candidate.remainderFor(length) == 1)
            return candidate.endPositions[length - 1];
    }
    return std::nullopt;
}

} // namespace

QList<TextSpan> findIbans(QStringView text)
{
    QList<TextSpan> spans;
    qsizetype position = 0;
    while (position < text.size()) {
        if (!isAsciiLetter(text[position])) {
            ++position;
            continue;
        }
        if (const auto end = ibanEndAt(text, position)) {
            spans.append({position, *end});
            position = *end;
        } else {
            ++position;
        }
    }
    return spans;
}

bool passesIbanChecksum(QStringView iban)
{
    QString compact;
    for (const QChar c : iban) {
        if (isAsciiAlnum(c))
            compact += c.toUpper();
        else if (!isGroupSpace(c))
            return false;
    }
    if (compact.size() < kMinIbanLength || compact.size() > kMaxIbanLength || !isAsciiLetter(compact[0]) ||
        !isAsciiLetter(compact[1]) || !isAsciiDigit(compact[2]) || !isAsciiDigit(compact[3]))
        return false;
    int remainder = 0;
    for (qsizetype i = 4; i < compact.size(); ++i)
        remainder = feedMod97(remainder, compact[i].unicode());
    for (qsizetype i = 0; i < 4; ++i)
        remainder = feedMod97(remainder, compact[i].unicode());
    return remainder == 1;
}

namespace {

constexpr int kMinCardDigits = 13;
constexpr int kMaxCardDigits = 19;

struct DigitGroup
{
    qsizetype start;
    qsizetype end;
};

bool isCardNumber(QStringView text, const DigitGroup *first, const DigitGroup *last)
{
    std::array<int, kMaxCardDigits> digits{};
    int count = 0;
    for (const DigitGroup *group = first; group != last; ++group) {
        for (qsizetype i = group->start; i < group->end; ++i)
            digits[count++] = text[i].unicode() - u'0';
    }
    // Major industry identifiers 2-6 (airlines and travel, banking, merchandising). A German phone
    // number starts with 0, so this alone keeps most long digit runs out.
    if (digits[0] < 2 || digits[0] > 6)
        return false;
    int sum = 0;
    for (int i = 0; i < count; ++i) {
        int digit = digits[count - 1 - i];
        if (i % 2 == 1) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 == 0;
}

// Tries the whole run, then runs that drop groups at the end ("4111 1111 1111 1111 123" with the
// security code) or at the start. Each try needs 13-19 digits, so only a few groups are tried.
std::optional<TextSpan> cardNumberIn(QStringView text, const std::vector<DigitGroup> &groups)
{
    const auto digitsOf = [](const DigitGroup &group) { return static_cast<int>(group.end - group.start); };
    const auto fits = [](int digits) { return digits >= kMinCardDigits && digits <= kMaxCardDigits; };
    const DigitGroup *begin = groups.data();
    const DigitGroup *end = groups.data() + groups.size();

    int total = 0;
    for (const DigitGroup &group : groups) {
        total += digitsOf(group);
        if (total > kMaxCardDigits)
            break;
    }
    if (fits(total) && isCardNumber(text, begin, end))
        return TextSpan{begin->start, (end - 1)->end};

    int prefix = 0;
    for (const DigitGroup *last = begin; last + 1 < end && prefix <= kMaxCardDigits; ++last) {
        prefix += digitsOf(*last);
        if (fits(prefix) && isCardNumber(text, begin, last + 1))
            return TextSpan{begin->start, last->end};
    }
    int suffix = 0;
    for (const DigitGroup *first = end - 1; first > begin && suffix <= kMaxCardDigits; --first) {
        suffix += digitsOf(*first);
        if (fits(suffix) && isCardNumber(text, first, end))
            return TextSpan{first->start, (end - 1)->end};
    }
    return std::nullopt;
}

} // namespace

QList<TextSpan> findCardNumbers(QStringView text)
{
    QList<TextSpan> spans;
    const qsizetype size = text.size();
    std::vector<DigitGroup> groups;
    qsizetype position = 0;
    while (position < size) {
        if (!isAsciiDigit(text[position]) || (position > 0 && isWordChar(text[position - 1]))) {
            ++position;
            continue;
        }
        const qsizetype runStart = position;
        groups.clear();
        for (;;) {
            const qsizetype groupStart = position;
            while (position < size && isAsciiDigit(text[position]))
                ++position;
            groups.push_back({groupStart, position});
            const bool separated = position + 1 < size && (isGroupSpace(text[position]) || text[position] == u'-');
            if (!separated || !isAsciiDigit(text[position + 1]))
                break;
            ++position;
        }
        const QChar before = runStart > 0 ? text[runStart - 1] : QChar();
        const QChar after = position < size ? text[position] : QChar();
        const bool continuesNumber = (after == u'.' || after == u',') && position + 1 < size &&
                                     isAsciiDigit(text[position + 1]); // "1234 5678 9012 3456,00"
        // "DE89 3704 0044 ...": groups behind a word that ends in digits continue that word. Without this
        // a mistyped IBAN of the wrong length could pass for a card number.
        const bool continuesWord =
            runStart > 1 && (isGroupSpace(before) || before == u'-') && isAsciiDigit(text[runStart - 2]);
        const bool standalone = before != u'+' && !continuesWord && !isWordChar(after) && !continuesNumber;
        if (standalone) {
            if (const auto card = cardNumberIn(text, groups))
                spans.append(*card);
        }
    }
    return spans;
}

} // namespace consult::validation
