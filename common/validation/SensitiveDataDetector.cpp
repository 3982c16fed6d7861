#include "validation/SensitiveDataDetector.h"

#include "validation/GermanWords.h"
#include "validation/PaymentNumbers.h"

#include <QSet>
#include <QStringView>

#include <algorithm>
#include <array>
#include <bitset>
#include <vector>

// C2. Every rule is a linear scan over the text or over its words: a customer's message reaches the
// detector before it is sent, so a hostile or accidental input must not make the client hang (no
// regular expressions, so no backtracking).

namespace consult::validation {
namespace {

using Kind = SensitiveFinding::Kind;

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isWordChar(QChar c)
{
    if (c.unicode() < 0x80) // the common case, without a look-up in Qt's Unicode tables
        return (c.unicode() >= u'0' && c.unicode() <= u'9') || (c.unicode() >= u'A' && c.unicode() <= u'Z') ||
               (c.unicode() >= u'a' && c.unicode() <= u'z');
    return c.isLetterOrNumber() || c.isMark();
}

// Groups of digits ("030 1234567", "483 920") are separated by a space, also a no-break one.
bool isGroupSpace(QChar c)
{
    return c == u' ' || c == QChar(0x00A0) || c == QChar(0x202F);
}

// What the rules found so far. Earlier rules win: a span that overlaps an existing finding is dropped,
// so the digits of an IBAN are not reported again as a card number or a PIN. One flag per character
// keeps both checks independent of the number of findings.
class Findings
{
public:
    explicit Findings(qsizetype textSize)
        : m_claimed(static_cast<size_t>(textSize), false)
    {}

    void add(Kind kind, qsizetype start, qsizetype end)
    {
        if (end <= start)
            return;
        const auto first = m_claimed.begin() + start;
        const auto last = m_claimed.begin() + end;
        if (std::find(first, last, true) != last)
            return;
        std::fill(first, last, true);
        m_list.append(SensitiveFinding{kind, start, end - start});
    }

    bool covers(qsizetype position) const { return m_claimed[static_cast<size_t>(position)]; }

    QList<SensitiveFinding> sorted() &&
    {
        std::sort(m_list.begin(), m_list.end(),
                  [](const SensitiveFinding &a, const SensitiveFinding &b) { return a.start < b.start; });
        return std::move(m_list);
    }

private:
    std::vector<bool> m_claimed;
    QList<SensitiveFinding> m_list;
};

// ---- Words, for the keyword rules ----

struct Token
{
    qsizetype start;
    qsizetype end;
    bool allDigits;
    bool compound;  // parts joined by "-" or "/"
    QString folded; // case-folded with umlauts spelled out ("Passwörter" -> "passwoerter"); empty for numbers
};

// Characters that join two word characters into one token: "TAN-App", "030/1234567",
// "max@example.de", "1.500,00", "12.05.2025", "14:30", "z.B".
bool joinsWord(QChar c, QChar before, QChar after)
{
    const bool digits = before.isDigit() && after.isDigit();
    const bool letters = before.isLetter() && after.isLetter();
    switch (c.unicode()) {
    case u'-':
    case u'/':
    case u'_':
    case u'@':
        return true;
    case u'.':
    case u',':
        return digits || letters;
    case u':':
        return digits;
    case u'\'':
    case 0x2019: // right single quotation mark as apostrophe
        return letters;
    default:
        return false;
    }
}

// Longer words than this are never one of the keywords, so they are not folded.
constexpr qsizetype kMaxFoldedLength = 48;

std::vector<Token> tokenise(QStringView text)
{
    std::vector<Token> tokens;
    const qsizetype size = text.size();
    tokens.reserve(static_cast<size_t>(size / 4));
    qsizetype position = 0;
    while (position < size) {
        if (!isWordChar(text[position])) {
            ++position;
            continue;
        }
        const qsizetype start = position;
        bool compound = false;
        for (;;) {
            while (position < size && isWordChar(text[position]))
                ++position;
            if (position + 1 < size && isWordChar(text[position + 1]) &&
                joinsWord(text[position], text[position - 1], text[position + 1])) {
                compound = compound || text[position] == u'-' || text[position] == u'/';
                ++position;
                continue;
            }
            break;
        }
        const QStringView word = text.sliced(start, position - start);
        const bool allDigits = std::all_of(word.begin(), word.end(), isAsciiDigit);
        tokens.push_back({start, position, allDigits, compound,
                          allDigits || word.size() > kMaxFoldedLength ? QString() : foldGermanWord(word)});
    }
    return tokens;
}

// A fixed set of folded (ASCII) words. Most words of a message are in none of the sets, and hashing
// every one of them was the detector's main cost; a table of the first letters and lengths that occur
// answers most look-ups without hashing.
class WordSet
{
public:
    // The words, separated by spaces.
    explicit WordSet(const char *words)
    {
        for (const QString &word : QString::fromLatin1(words).split(u' ', Qt::SkipEmptyParts)) {
            m_words.insert(word);
            m_firstLetterAndLength[word.front().unicode()].set(static_cast<size_t>(word.size()));
        }
    }

    bool contains(const QString &word) const { return mayContain(word) && m_words.contains(word); }
    bool contains(QStringView word) const { return mayContain(word) && m_words.contains(word.toString()); }

private:
    bool mayContain(QStringView word) const
    {
        if (word.isEmpty() || word.size() >= kMaxLength || word.front().unicode() >= kAscii)
            return false;
        return m_firstLetterAndLength[word.front().unicode()].test(static_cast<size_t>(word.size()));
    }

    static constexpr qsizetype kMaxLength = 32;
    static constexpr char16_t kAscii = 0x80;
    QSet<QString> m_words;
    std::array<std::bitset<kMaxLength>, kAscii> m_firstLetterAndLength{};
};

const WordSet &secretKeywords()
{
    static const WordSet words(
        "pin pins pincode pinnummer geheimzahl geheimzahlen geheimnummer tan tans tannummer tancode passwort "
        "passworte passwortes passworts passwoerter passwoertern kennwort kennworte kennwortes kennworts kennwoerter "
        "kennwoertern zugangsdaten zugangscode zugangsnummer anmeldename anmeldenamen anmeldenamens benutzerkennung "
        "benutzerkennungen benutzername benutzernamen legitimationsid legitimationsnummer puk password passwords "
        "passcode passcodes loginname logindaten mobiletan pushtan smstan chiptan phototan apptan mtan itan");
    return words;
}

// Words of a compound that still name the secret itself: "PIN-Nummer", "TAN-Code".
const WordSet &secretKeywordTails()
{
    static const WordSet words("nummer nr code zahl");
    return words;
}

bool isSecretKeyword(const Token &token)
{
    const QString &folded = token.folded;
    if (folded.isEmpty())
        return false;
    const WordSet &keywords = secretKeywords();
    if (keywords.contains(folded))
        return true;
    // Unambiguous stems of closed compounds: "Onlinebankingpasswort", "Kartengeheimzahl".
    for (const auto stem : {QLatin1StringView("passwort"), QLatin1StringView("kennwort"),
                            QLatin1StringView("geheimzahl"), QLatin1StringView("zugangsdaten")}) {
        if (folded.endsWith(stem))
            return true;
    }
    // Hyphenated compounds: the last part names the thing ("Online-Banking-PIN", "PIN/TAN"), or the
    // first does with a tail such as "-Nummer". "TAN-App" or "PIN-Brief" only talk about a secret.
    if (!token.compound)
        return false;
    const QList<QStringView> parts = QStringView(folded).split(u'-', Qt::SkipEmptyParts);
    QList<QStringView> segments;
    for (const QStringView part : parts)
        segments.append(part.split(u'/', Qt::SkipEmptyParts));
    if (segments.size() < 2)
        return false;
    if (keywords.contains(segments.last()))
        return true;
    if (keywords.contains(segments.first())) {
        return std::all_of(segments.cbegin() + 1, segments.cend(),
                           [](QStringView tail) { return secretKeywordTails().contains(tail); });
    }
    QString joined;
    for (const QStringView segment : segments)
        joined += segment;
    return keywords.contains(joined); // "Legitimations-ID"
}

// Words that may stand between a keyword and its value: "meine TAN ist 483920", "die PIN lautet".
const WordSet &linkingWords()
{
    static const WordSet words(
        "ist lautet lauten lautete heisst hiess war sind waren waere mein meine meinen meiner meines dein deine unser "
        "unsere die der das den dem neue neuer neues neuen neu alte alter altes alten jetzt nun aktuell momentan "
        "derzeit noch immer also wohl ja doch uebrigens einfach natuerlich bestimmt is was my the alle beide");
    return words;
}

const WordSet &copulas()
{
    static const WordSet words("ist lautet lauten lautete heisst hiess war sind waren waere is was");
    return words;
}

// Verbs that announce a value, so that a plain word after them is one: "mein Kennwort lautet Sommer".
const WordSet &valueVerbs()
{
    static const WordSet words("lautet lauten lautete heisst hiess");
    return words;
}

// A conjunction starts a new clause; "PIN vergessen und mein Konto 12345678" links nothing.
const WordSet &conjunctions()
{
    static const WordSet words(
        "und oder aber weil dass sondern denn obwohl wenn falls nachdem bevor sobald and or but");
    return words;
}

// A number after one of these is no secret: "PLZ 10115", "Tel 4711", "Aktenzeichen 1234".
const WordSet &numberLabels()
{
    static const WordSet words(
        "plz postleitzahl tel telefon telefonnummer rufnummer handy handynummer mobil mobilnummer fax hausnummer "
        "aktenzeichen az seite seiten raum zimmer blz bankleitzahl filiale filialnummer rechnungsnummer rechnung "
        "vorgangsnummer vorgang ticket ticketnummer referenz bestellnummer limit tageslimit kreditlimit betrag summe "
        "euro eur chf usd postfach artikel paragraph paragraf version endziffer endziffern endnummer vertragsnummer "
        "sendungsnummer");
    return words;
}

// A number before one of these is a quantity, a time or an amount: "1000 Euro", "1500 Uhr".
const WordSet &units()
{
    static const WordSet words(
        "euro eur euros cent ct chf usd dollar franken prozent uhr stueck stk tag tage tagen woche wochen monat "
        "monate monaten jahr jahre jahren mal km kg qm minute minuten stunde stunden sekunden zeichen stellen punkte "
        "versuche");
    return words;
}

// Clause-final words after "Passwort:" that describe the secret instead of being it.
const WordSet &descriptiveWords()
{
    static const WordSet words(
        "vergessen gesperrt falsch abgelaufen ungueltig weg verloren unbekannt leer neu alt ok okay korrekt richtig "
        "geaendert zurueckgesetzt nicht ja nein fehlt fehlerhaft unklar frage problem hilfe wie was warum wieso "
        "weshalb wo wann welche welcher welches wer aendern vergeben anfordern zuruecksetzen eingeben sperren "
        "entsperren funktioniert kommt fehlen");
    return words;
}

bool contains(const WordSet &set, const Token &token)
{
    return !token.folded.isEmpty() && set.contains(token.folded);
}

bool isClauseBreak(QChar c)
{
    switch (c.unicode()) {
    case u'.':
    case u'!':
    case u'?':
    case u';':
    case u',':
    case u'\n':
    case 0x2026: // ellipsis
        return true;
    default:
        return false;
    }
}

// Digits behind "+", "#", a currency sign or before "%" belong to a phone number, a reference, an
// amount or a rate.
bool isNumberMarker(QChar c)
{
    return c == u'+' || c == u'%' || c == u'#' || c.category() == QChar::Symbol_Currency;
}

// The tokens of a message with the text between them.
class TokenText
{
public:
    TokenText(QStringView text, const std::vector<Token> &tokens)
        : m_text(text)
        , m_tokens(tokens)
    {}

    int count() const { return static_cast<int>(m_tokens.size()); }
    const Token &operator[](int index) const { return m_tokens[static_cast<size_t>(index)]; }

    QStringView gapAfter(int index) const
    {
        const qsizetype from = m_tokens[static_cast<size_t>(index)].end;
        const qsizetype to = index + 1 < count() ? m_tokens[static_cast<size_t>(index) + 1].start : m_text.size();
        return m_text.sliced(from, to - from);
    }

    QStringView gapBefore(int index) const
    {
        const qsizetype to = m_tokens[static_cast<size_t>(index)].start;
        const qsizetype from = index > 0 ? m_tokens[static_cast<size_t>(index) - 1].end : 0;
        return m_text.sliced(from, to - from);
    }

    // A clause ends between the token and the next one (punctuation, line break, conjunction).
    bool breaksAfter(int index) const
    {
        const QStringView gap = gapAfter(index);
        if (std::any_of(gap.begin(), gap.end(), isClauseBreak))
            return true;
        return index + 1 < count() && contains(conjunctions(), m_tokens[static_cast<size_t>(index) + 1]);
    }

    QStringView text() const { return m_text; }

private:
    QStringView m_text;
    const std::vector<Token> &m_tokens;
};

bool isSingleGroupSpace(QStringView gap)
{
    return gap.size() == 1 && isGroupSpace(gap.front());
}

// Digits joined to other digits by a space, a slash or brackets: "030 1234567", "(030) 1234".
bool joinsDigitGroups(QStringView gap)
{
    if (gap.isEmpty() || gap.size() > 3)
        return false;
    return std::all_of(gap.begin(), gap.end(),
                       [](QChar c) { return isGroupSpace(c) || c == u'/' || c == u'(' || c == u')' || c == u'-'; });
}

QChar lastVisible(QStringView gap)
{
    for (qsizetype i = gap.size() - 1; i >= 0; --i) {
        if (!gap[i].isSpace())
            return gap[i];
    }
    return {};
}

QChar firstVisible(QStringView gap)
{
    for (const QChar c : gap) {
        if (!c.isSpace())
            return c;
    }
    return {};
}

// The number is named by the words before it: "PLZ 10115", "Endziffern 4321", "endet auf 4321".
bool isLabelled(const TokenText &tokens, int number)
{
    const int previous = number - 1;
    if (previous < 0 || tokens.breaksAfter(previous))
        return false;
    if (contains(numberLabels(), tokens[previous]))
        return true;
    return tokens[previous].folded == QLatin1StringView("auf") && previous > 0 && !tokens.breaksAfter(previous - 1) &&
           tokens[previous - 1].folded.startsWith(QLatin1StringView("end"));
}

// How a keyword relates to a number: not at all, within a few words, or only by linking words.
enum class Link
{
    None,
    Near,
    Tight
};

Link keywordLink(const TokenText &tokens, const std::vector<bool> &isKeyword, int first, int last)
{
    constexpr int kWordsAfterKeyword = 5;
    constexpr int kWordsBeforeKeyword = 3;
    Link best = Link::None;
    bool onlyLinking = true;
    for (int t = first - 1, between = 0; t >= 0 && between <= kWordsAfterKeyword; --t) {
        if (tokens.breaksAfter(t))
            break;
        if (isKeyword[static_cast<size_t>(t)]) {
            best = onlyLinking ? Link::Tight : Link::Near;
            break;
        }
        onlyLinking = onlyLinking && contains(linkingWords(), tokens[t]);
        ++between;
    }
    if (best == Link::Tight)
        return best;
    // Before the keyword a tight link needs a verb: "483920 ist meine TAN", not "2019 meine PIN".
    onlyLinking = true;
    bool verb = false;
    for (int t = last + 1, between = 0; t < tokens.count() && between <= kWordsBeforeKeyword; ++t) {
        if (tokens.breaksAfter(t - 1))
            break;
        if (isKeyword[static_cast<size_t>(t)])
            return onlyLinking && verb ? Link::Tight : Link::Near;
        onlyLinking = onlyLinking && contains(linkingWords(), tokens[t]);
        verb = verb || contains(copulas(), tokens[t]);
        ++between;
    }
    return best;
}

bool isYearLike(QStringView digits)
{
    if (digits.size() != 4)
        return false;
    const int year = digits.toInt();
    return year >= 1900 && year <= 2099;
}

// A standalone 4-8 digit number near a keyword: "meine TAN ist 483920", "PIN: 1234", "TAN 483 920".
void findNumbersNearKeywords(const TokenText &tokens, const std::vector<bool> &isKeyword, Findings &findings)
{
    const QStringView text = tokens.text();
    for (int first = 0; first < tokens.count(); ++first) {
        if (!tokens[first].allDigits)
            continue;
        // The run of digit groups this token starts; a run joined by anything but single spaces is a
        // phone number or a reference ("030/1234567", "(030) 1234").
        int last = first;
        bool spaced = true;
        qsizetype digits = tokens[first].end - tokens[first].start;
        while (last + 1 < tokens.count() && tokens[last + 1].allDigits && joinsDigitGroups(tokens.gapAfter(last))) {
            spaced = spaced && isSingleGroupSpace(tokens.gapAfter(last));
            ++last;
            digits += tokens[last].end - tokens[last].start;
        }
        const int runFirst = first;
        first = last;
        if (!spaced || digits < 4 || digits > 8)
            continue;
        const qsizetype start = tokens[runFirst].start;
        const qsizetype end = tokens[last].end;
        if (findings.covers(start))
            continue;
        if (isNumberMarker(lastVisible(tokens.gapBefore(runFirst))) ||
            isNumberMarker(firstVisible(tokens.gapAfter(last))))
            continue;
        if (isLabelled(tokens, runFirst))
            continue;
        if (last + 1 < tokens.count() && !tokens.breaksAfter(last) && contains(units(), tokens[last + 1]))
            continue;
        const Link link = keywordLink(tokens, isKeyword, runFirst, last);
        if (link == Link::None)
            continue;
        // "Seit 2024 nutze ich die TAN-App" is ordinary; "PIN 2024" and "meine PIN ist 1999" are not.
        if (runFirst == last && isYearLike(text.sliced(start, end - start)) && link != Link::Tight)
            continue;
        findings.add(Kind::SecretNearKeyword, start, end);
    }
}

// ---- Keyword with a value ----

bool isOpeningQuote(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case 0x201E: // „
    case 0x201C: // “
    case 0x201A: // ‚
    case 0x2018: // ‘
    case 0x00BB: // »
    case 0x00AB: // «
        return true;
    default:
        return false;
    }
}

bool isClosingPunctuation(QChar c)
{
    switch (c.unicode()) {
    case u'.':
    case u',':
    case u';':
    case u':':
    case u'?':
    case u'!':
    case u')':
    case u']':
    case u'}':
        return true;
    default:
        return isOpeningQuote(c) || c == QChar(0x201D) || c == QChar(0x2019);
    }
}

bool isPasswordSymbol(QChar c)
{
    return QStringView(u"!#$%&*+=?@^~_\u00A7|<>").contains(c);
}

// The whitespace-delimited text around a token, without surrounding quotes and punctuation: what a
// customer typed as the value, including symbols the tokeniser splits at ("Ab#12cd").
struct ValueChunk
{
    qsizetype start;
    qsizetype end;
    bool quoted;
};

// The chunk stays within [lowerBound, upperBound) so that it never swallows the keyword:
// "Passwort:vergessen" yields "vergessen". It grows at most kMaxValueReach beyond the token, which
// keeps the scan linear when a message has no spaces at all.
ValueChunk valueChunkAround(QStringView text, const Token &token, qsizetype lowerBound, qsizetype upperBound)
{
    constexpr qsizetype kMaxValueReach = 64;
    lowerBound = std::max(lowerBound, token.start - kMaxValueReach);
    upperBound = std::min(upperBound, token.end + kMaxValueReach);
    qsizetype start = token.start;
    while (start > lowerBound && !text[start - 1].isSpace())
        --start;
    qsizetype end = token.end;
    while (end < upperBound && !text[end].isSpace())
        ++end;
    const bool openedWithQuote = start < end && isOpeningQuote(text[start]);
    // Leading quotes, brackets and the ":" of "Passwort:geheim"; a symbol may start a password.
    while (start < end && !isWordChar(text[start]) && !isPasswordSymbol(text[start]))
        ++start;
    qsizetype strippedEnd = end;
    while (strippedEnd > start && isClosingPunctuation(text[strippedEnd - 1]))
        --strippedEnd;
    return {start, strippedEnd, openedWithQuote};
}

// "4-stellig", "3mal", "24h", "2x": a count with a word, not a secret.
bool isCountWithWord(QStringView value)
{
    qsizetype i = 0;
    while (i < value.size() && isAsciiDigit(value[i]))
        ++i;
    if (i == 0)
        return false;
    if (i < value.size() && (value[i] == u'-' || value[i] == u'.'))
        ++i;
    return i < value.size() && std::all_of(value.begin() + i, value.end(), [](QChar c) { return c.isLetter(); });
}

// A value that nobody writes in a question: letters mixed with digits ("Sommer2024", "kunde4711"),
// letters with symbols ("P@ssw0rt", "max@example.de"), or nine or more digits (a Legitimations-ID;
// four to eight digits are the number rule's).
bool looksLikeSecretValue(QStringView value)
{
    if (value.size() < 4)
        return false;
    int letters = 0;
    int digits = 0;
    int symbols = 0;
    for (const QChar c : value) {
        if (c.isLetter())
            ++letters;
        else if (c.isDigit())
            ++digits;
        else if (isPasswordSymbol(c))
            ++symbols;
    }
    if (digits == value.size())
        return digits >= 9;
    if (letters > 0 && digits > 0)
        return !isCountWithWord(value);
    return letters > 0 && symbols > 0;
}

void findKeywordValues(const TokenText &tokens, const std::vector<bool> &isKeyword, Findings &findings)
{
    const QStringView text = tokens.text();
    constexpr int kMaxLinkingWords = 3;
    for (int keyword = 0; keyword < tokens.count(); ++keyword) {
        if (!isKeyword[static_cast<size_t>(keyword)] || findings.covers(tokens[keyword].start))
            continue;

        // Forward: "Passwort: Sommer2024", "mein Kennwort ist hallo123", "Anmeldename lautet Meier".
        bool announced = tokens.gapAfter(keyword).contains(u':') || tokens.gapAfter(keyword).contains(u'=');
        int t = keyword + 1;
        for (int skipped = 0; t < tokens.count() && !tokens.breaksAfter(t - 1); ++t, ++skipped) {
            if (skipped >= kMaxLinkingWords || !contains(linkingWords(), tokens[t]))
                break;
            announced = announced || contains(valueVerbs(), tokens[t]) || tokens.gapAfter(t).contains(u':');
        }
        if (t < tokens.count() && !tokens.breaksAfter(t - 1) && !isKeyword[static_cast<size_t>(t)] &&
            !contains(linkingWords(), tokens[t])) {
            const ValueChunk chunk = valueChunkAround(text, tokens[t], tokens[t - 1].end, text.size());
            const QStringView value = text.sliced(chunk.start, chunk.end - chunk.start);
            bool flagged = looksLikeSecretValue(value);
            const bool plainWordMayBeValue = value.size() >= 3 && !descriptiveWords().contains(foldGermanWord(value)) &&
                                             !contains(conjunctions(), tokens[t]);
            if (!flagged && chunk.quoted) {
                flagged = plainWordMayBeValue; // "Mein Passwort ist „Sommer“"
            } else if (!flagged && announced && plainWordMayBeValue) {
                // A single word that ends the clause, and not a question: "Passwort: geheim".
                int next = t + 1;
                while (next < tokens.count() && tokens[next].start < chunk.end)
                    ++next;
                const qsizetype restEnd = next < tokens.count() ? tokens[next].start : text.size();
                const QStringView rest = text.sliced(chunk.end, restEnd - chunk.end);
                const bool endsClause = next == tokens.count() || std::any_of(rest.begin(), rest.end(), isClauseBreak);
                flagged = endsClause && !rest.contains(u'?');
            }
            if (flagged && !findings.covers(chunk.start)) {
                findings.add(Kind::SecretKeyword, tokens[keyword].start, chunk.end);
                continue;
            }
        }

        // Backward: "Sommer2024 ist mein Passwort".
        bool linkedByVerb = false;
        t = keyword - 1;
        for (int skipped = 0; t >= 0 && !tokens.breaksAfter(t); --t, ++skipped) {
            if (skipped >= kMaxLinkingWords || !contains(linkingWords(), tokens[t]))
                break;
            linkedByVerb = linkedByVerb || contains(copulas(), tokens[t]);
        }
        if (t >= 0 && linkedByVerb && !tokens.breaksAfter(t)) {
            const ValueChunk chunk = valueChunkAround(text, tokens[t], 0, tokens[t + 1].start);
            const QStringView value = text.sliced(chunk.start, chunk.end - chunk.start);
            if (looksLikeSecretValue(value) && !findings.covers(chunk.start))
                findings.add(Kind::SecretKeyword, chunk.start, tokens[keyword].end);
        }
    }
}

} // namespace

QList<SensitiveFinding> findSensitiveData(const QString &text)
{
    Findings findings(text.size());
    for (const TextSpan &span : findIbans(text))
        findings.add(Kind::Iban, span.start, span.end);
    for (const TextSpan &span : findCardNumbers(text))
        findings.add(Kind::CardNumber, span.start, span.end);

    const std::vector<Token> tokenList = tokenise(text);
    const TokenText tokens(text, tokenList);
    std::vector<bool> isKeyword(tokenList.size());
    for (size_t i = 0; i < tokenList.size(); ++i)
        isKeyword[i] = isSecretKeyword(tokenList[i]);
    findNumbersNearKeywords(tokens, isKeyword, findings);
    findKeywordValues(tokens, isKeyword, findings);
    return std::move(findings).sorted();
}

} // namespace consult::validation
