#include "validation/OrderIntentDetector.h"

#include "validation/GermanWords.h"

#include <QList>
#include <QStringView>

#include <algorithm>
#include <initializer_list>

// C3. A message is split into words of letters only, so "SEPA-Überweisung" and "Stop-Loss-Order" are
// seen as "sepa", "ueberweisung" and "stop", "loss", "order"; closed compounds ("Auslandsüberweisung",
// "Kartensperre") are matched by the stems they contain.

namespace consult::validation {
namespace {

using Stems = std::initializer_list<QLatin1StringView>;

QList<QString> foldedWords(const QString &text)
{
    QList<QString> words;
    qsizetype position = 0;
    while (position < text.size()) {
        if (!text[position].isLetter()) {
            ++position;
            continue;
        }
        const qsizetype start = position;
        while (position < text.size() && (text[position].isLetter() || text[position].isMark()))
            ++position;
        words.append(foldGermanWord(QStringView(text).sliced(start, position - start)));
    }
    return words;
}

bool containsAny(const QString &word, Stems stems)
{
    return std::any_of(stems.begin(), stems.end(), [&](QLatin1StringView stem) { return word.contains(stem); });
}

bool startsWithAny(const QString &word, Stems stems)
{
    return std::any_of(stems.begin(), stems.end(), [&](QLatin1StringView stem) { return word.startsWith(stem); });
}

bool isAnyOf(const QString &word, Stems stems)
{
    return std::any_of(stems.begin(), stems.end(), [&](QLatin1StringView stem) { return word == stem; });
}

class Message
{
public:
    explicit Message(const QString &text)
        : m_words(foldedWords(text))
    {}

    template <typename Predicate>
    bool has(Predicate predicate) const
    {
        return std::any_of(m_words.cbegin(), m_words.cend(), predicate);
    }

    // "Meine Karte ist weg": "weg" only means lost right after a verb of being.
    bool saysGone() const
    {
        for (qsizetype i = 1; i < m_words.size(); ++i) {
            if (m_words[i] == QLatin1StringView("weg") &&
                isAnyOf(m_words[i - 1],
                        {QLatin1StringView("ist"), QLatin1StringView("sind"), QLatin1StringView("war")}))
                return true;
        }
        return false;
    }

private:
    QList<QString> m_words;
};

// Payment cards by any name; maps, tickets and postcards are cards too, but not the bank's.
bool namesCard(const QString &word)
{
    if (containsAny(word,
                    {QLatin1StringView("landkarte"), QLatin1StringView("postkarte"), QLatin1StringView("ansichtskarte"),
                     QLatin1StringView("speisekarte"), QLatin1StringView("eintrittskarte"),
                     QLatin1StringView("fahrkarte"), QLatin1StringView("visitenkarte"), QLatin1StringView("kartei")}))
        return false;
    return word.contains(QLatin1StringView("karte")) || word.contains(QLatin1StringView("card")) ||
           isAnyOf(word, {QLatin1StringView("visa"), QLatin1StringView("maestro")});
}

bool namesWallet(const QString &word)
{
    return containsAny(word, {QLatin1StringView("geldboerse"), QLatin1StringView("portemonnaie"),
                              QLatin1StringView("portmonee"), QLatin1StringView("portemonee"),
                              QLatin1StringView("brieftasche"), QLatin1StringView("geldbeutel"),
                              QLatin1StringView("handtasche")});
}

// "sperren", "Sperre", "Kartensperrung", but not "gesperrt": a blocked card is a question about
// unblocking it, for which the Sperr-Notruf is the wrong channel.
bool asksToBlock(const QString &word)
{
    return word.contains(QLatin1StringView("sperr")) && !word.contains(QLatin1StringView("gesperrt")) &&
           !word.contains(QLatin1StringView("entsperr"));
}

bool asksToUnblock(const QString &word)
{
    return containsAny(word, {QLatin1StringView("entsperr"), QLatin1StringView("aufheb"),
                              QLatin1StringView("freischalt"), QLatin1StringView("entriegel")});
}

bool reportsLoss(const QString &word)
{
    return containsAny(word,
                       {QLatin1StringView("gestohlen"), QLatin1StringView("geklaut"), QLatin1StringView("verloren"),
                        QLatin1StringView("verlegt"), QLatin1StringView("entwendet"), QLatin1StringView("abhanden"),
                        QLatin1StringView("vermisst"), QLatin1StringView("geraubt"), QLatin1StringView("diebstahl"),
                        QLatin1StringView("verlust")});
}

bool isCardBlocking(const Message &message)
{
    const bool card = message.has(namesCard);
    const bool loss = message.has(reportsLoss) || message.saysGone();
    if ((card || message.has(namesWallet)) && loss)
        return true;
    const bool block = message.has(asksToBlock);
    // "Sperr-Notruf" names the channel itself: whoever asks for it wants to block something.
    if (block && message.has([](const QString &word) { return word.endsWith(QLatin1StringView("notruf")); }))
        return true;
    return card && block && !message.has(asksToUnblock);
}

bool isOrderWord(const QString &word)
{
    if (isAnyOf(word, {QLatin1StringView("order"), QLatin1StringView("orders"), QLatin1StringView("ordern"),
                       QLatin1StringView("ordere"), QLatin1StringView("orderst"), QLatin1StringView("ordert")}))
        return true;
    // Closed compounds: "Wertpapierorder", "Kauforder", "Limitorder"; "Border" or "Recorder" are not.
    QStringView stem(word);
    if (stem.endsWith(QLatin1StringView("orders")))
        stem.chop(1);
    if (!stem.endsWith(QLatin1StringView("order")))
        return false;
    stem.chop(5);
    return startsWithAny(stem.toString(),
                         {QLatin1StringView("wertpapier"), QLatin1StringView("kauf"), QLatin1StringView("verkauf"),
                          QLatin1StringView("limit"), QLatin1StringView("stop"), QLatin1StringView("aktien"),
                          QLatin1StringView("fonds"), QLatin1StringView("etf"), QLatin1StringView("boersen"),
                          QLatin1StringView("market"), QLatin1StringView("sparplan")});
}

bool namesTrade(const QString &word)
{
    return containsAny(word, {QLatin1StringView("kauf"), QLatin1StringView("kaeuf")}) ||
           startsWithAny(word, {QLatin1StringView("erwerb"), QLatin1StringView("erwirb"), QLatin1StringView("erwarb"),
                                QLatin1StringView("investier"), QLatin1StringView("zeichn")});
}

bool namesSecurity(const QString &word)
{
    return containsAny(word, {QLatin1StringView("aktie"), QLatin1StringView("wertpapier"), QLatin1StringView("fonds"),
                              QLatin1StringView("anleihe"), QLatin1StringView("zertifikat")}) ||
           word.startsWith(QLatin1StringView("etf")) ||
           isAnyOf(word, {QLatin1StringView("stueck"), QLatin1StringView("stk")});
}

bool changesPlan(const QString &word)
{
    return startsWithAny(word,
                         {QLatin1StringView("einricht"), QLatin1StringView("anleg"), QLatin1StringView("abschliess"),
                          QLatin1StringView("eroeffn"), QLatin1StringView("aender"), QLatin1StringView("erhoeh"),
                          QLatin1StringView("kuendig"), QLatin1StringView("stopp"), QLatin1StringView("aussetz")});
}

bool isSecuritiesOrder(const Message &message)
{
    if (message.has(isOrderWord))
        return true;
    if (!message.has(namesSecurity))
        return false;
    if (message.has(namesTrade))
        return true;
    // "ETF-Sparplan einrichten" places orders every month.
    return message.has([](const QString &word) { return word.contains(QLatin1StringView("sparplan")); }) &&
           message.has(changesPlan);
}

bool namesTransfer(const QString &word)
{
    // With umlaut or spelled out, and with the umlaut dropped ("Uberweisung"); "überwies(en)" too.
    return containsAny(word,
                       {QLatin1StringView("ueberweis"), QLatin1StringView("ueberwies"), QLatin1StringView("uberweis"),
                        QLatin1StringView("uberwies"), QLatin1StringView("dauerauftr"), QLatin1StringView("umbuch")});
}

bool returnsSomething(const QString &word)
{
    return startsWithAny(word, {QLatin1StringView("zurueck"), QLatin1StringView("zuruck"), QLatin1StringView("widersp"),
                                QLatin1StringView("widerruf")}) ||
           containsAny(word, {QLatin1StringView("rueckgab"), QLatin1StringView("rueckbuch"),
                              QLatin1StringView("rueckhol"), QLatin1StringView("zurueck")});
}

bool isTransfer(const Message &message)
{
    if (message.has(namesTransfer))
        return true;
    // Returning a direct debit moves money as well: "Lastschrift zurückgeben", "Lastschriftrückgabe".
    return message.has([](const QString &word) { return word.contains(QLatin1StringView("lastschrift")); }) &&
           message.has(returnsSomething);
}

} // namespace

OrderIntent detectOrderIntent(const QString &text)
{
    const Message message(text);
    if (isCardBlocking(message))
        return OrderIntent::CardBlocking;
    if (isSecuritiesOrder(message))
        return OrderIntent::SecuritiesOrder;
    if (isTransfer(message))
        return OrderIntent::Transfer;
    return OrderIntent::None;
}

} // namespace consult::validation
