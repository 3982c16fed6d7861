#include "accounts/PasswordPolicy.h"

#include "accounts/PasswordText.h"

#include <QFile>
#include <QList>
#include <QRegularExpression>

#include <algorithm>

namespace consult {

namespace {

QString fold(const QString &text)
{
    return PasswordText::normalised(text).toCaseFolded();
}

const QSet<QString> &commonPasswords()
{
    // Loaded once, thread-safely (function-local static); shared by every PasswordPolicy.
    static const QSet<QString> list = [] {
        QFile file(QStringLiteral(":/accounts/common-passwords.txt"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            qFatal("the common password list is missing from the resources (A4)");
        QSet<QString> entries;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                entries.insert(fold(line));
        }
        return entries;
    }();
    return list;
}

// The usual character substitutions, undone ("p@ssw0rt" -> "passwort"). Length-preserving.
QString deleet(QString text)
{
    for (QChar &c : text) {
        switch (c.unicode()) {
        case u'@':
        case u'4':
            c = u'a';
            break;
        case u'3':
            c = u'e';
            break;
        case u'1':
        case u'!':
            c = u'i';
            break;
        case u'0':
            c = u'o';
            break;
        case u'$':
        case u'5':
            c = u's';
            break;
        case u'7':
            c = u't';
            break;
        default:
            break;
        }
    }
    return text;
}

// The text without the non-letters at either end ("passwort1234!" -> "passwort").
QString withoutAffixes(const QString &text)
{
    const QList<uint> codePoints = text.toUcs4();
    qsizetype first = 0;
    qsizetype last = codePoints.size();
    while (first < last && !QChar::isLetter(codePoints.at(first)))
        ++first;
    while (last > first && !QChar::isLetter(codePoints.at(last - 1)))
        --last;
    const QList<uint> core = codePoints.mid(first, last - first);
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(core.constData()), core.size());
}

// The shortest unit whose repetition is the whole text, or the text itself.
QList<uint> repeatedUnit(const QList<uint> &codePoints)
{
    const qsizetype n = codePoints.size();
    for (qsizetype period = 1; period <= n / 2; ++period) {
        if (n % period != 0)
            continue;
        bool repeats = true;
        for (qsizetype i = period; i < n && repeats; ++i)
            repeats = codePoints.at(i) == codePoints.at(i - period);
        if (repeats)
            return codePoints.mid(0, period);
    }
    return codePoints;
}

bool isConstantStepRun(const QList<uint> &codePoints)
{
    if (codePoints.size() < 2)
        return true;
    const qint64 step = qint64(codePoints.at(1)) - qint64(codePoints.at(0));
    if (step < -1 || step > 1)
        return false;
    for (qsizetype i = 2; i < codePoints.size(); ++i) {
        if (qint64(codePoints.at(i)) - qint64(codePoints.at(i - 1)) != step)
            return false;
    }
    return true;
}

// Wipes the working copies of the password when the check returns ("where practical", A1/A4).
class WipeOnExit final
{
public:
    explicit WipeOnExit(std::initializer_list<QString *> texts)
        : m_texts(texts)
    {}
    ~WipeOnExit()
    {
        for (QString *text : m_texts)
            PasswordText::wipe(*text);
    }
    WipeOnExit(const WipeOnExit &) = delete;
    WipeOnExit &operator=(const WipeOnExit &) = delete;

private:
    QList<QString *> m_texts;
};

} // namespace

PasswordPolicy::PasswordPolicy(PasswordPolicyConfig config)
    : m_config(std::move(config))
    , m_commonPasswords(commonPasswords())
{}

Status PasswordPolicy::check(const QString &password, const QStringList &contextWords) const
{
    // Length counts the normalised text: case folding may expand a character ("ß" -> "ss").
    QString normalised = PasswordText::normalised(password);
    QString folded = normalised.toCaseFolded();
    WipeOnExit wipe({&normalised, &folded});

    const qsizetype length = PasswordText::codePointCount(normalised);
    if (length < m_config.minLength) {
        return Status::failure(QStringLiteral("too_short"),
                               QStringLiteral("The password needs at least %1 characters.").arg(m_config.minLength));
    }
    if (length > m_config.maxLength) {
        return Status::failure(QStringLiteral("too_long"),
                               QStringLiteral("The password may have at most %1 characters.").arg(m_config.maxLength));
    }
    if (isMadeOfContext(folded, contextFragments(contextWords))) {
        return Status::failure(QStringLiteral("context"),
                               QStringLiteral("The password consists mostly of the user name, the display name or "
                                              "the name of the bank or product."));
    }
    if (isCommon(folded)) {
        return Status::failure(QStringLiteral("common"),
                               QStringLiteral("The password is too common or too predictable."));
    }
    return success();
}

QStringList PasswordPolicy::contextFragments(const QStringList &contextWords) const
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QStringList fragments;
    const auto addFragment = [&fragments](const QString &fragment) {
        if (PasswordText::codePointCount(fragment) >= 3 && !fragments.contains(fragment))
            fragments.append(fragment);
    };
    for (const QString &word : contextWords + m_config.productWords) {
        const QString whole = fold(word).trimmed();
        addFragment(whole);
        addFragment(deleet(whole));
        for (const QString &part : whole.split(separators, Qt::SkipEmptyParts))
            addFragment(part);
    }
    // Longest first, so a whole user name goes before its parts and leaves no stray letters.
    std::sort(fragments.begin(), fragments.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return fragments;
}

bool PasswordPolicy::isMadeOfContext(const QString &folded, const QStringList &fragments) const
{
    if (fragments.isEmpty())
        return false;
    QString plain = folded;
    QString unleeted = deleet(folded);
    WipeOnExit wipe({&plain, &unleeted});
    for (QString *candidate : {&plain, &unleeted}) {
        for (const QString &fragment : fragments)
            candidate->remove(fragment);
        if (PasswordText::codePointCount(*candidate) < m_config.minLength)
            return true;
    }
    return false;
}

bool PasswordPolicy::isListed(const QString &folded) const
{
    return !folded.isEmpty() && m_commonPasswords.contains(folded);
}

bool PasswordPolicy::isCommon(const QString &folded) const
{
    QString core = withoutAffixes(folded);
    QString unleeted = deleet(folded);
    QString unleetedCore = deleet(core);
    WipeOnExit wipe({&core, &unleeted, &unleetedCore});
    if (isListed(folded) || isListed(core) || isListed(unleeted) || isListed(unleetedCore))
        return true;

    const QList<uint> codePoints = folded.toUcs4();
    if (isConstantStepRun(codePoints))
        return true;
    const QList<uint> unit = repeatedUnit(codePoints);
    if (unit.size() < codePoints.size()) {
        const QString unitText = QString::fromUcs4(reinterpret_cast<const char32_t *>(unit.constData()), unit.size());
        if (unit.size() <= 4 || isListed(unitText) || isListed(withoutAffixes(unitText)))
            return true;
    }
    return false;
}

} // namespace consult
