// The canned responses: the shipped German set loads and fits a chat line, a bank's own file
// replaces it, a broken file falls back to the shipped set instead of leaving the advisor without,
// and the placeholders are filled per consultation.
#include "CannedResponses.h"

#include <QTemporaryDir>
#include <QTest>

using namespace consult::advisor;

class TestCannedResponses final : public QObject
{
    Q_OBJECT
private slots:
    void theShippedSetLoadsAndEveryTextFitsAChatLine()
    {
        const CannedResponses shipped = CannedResponses::builtIn();
        QCOMPARE(shipped.all().size(), 9);
        for (const CannedResponse &response : shipped.all()) {
            QVERIFY(!response.title.isEmpty());
            QVERIFY(response.text.size() <= CannedResponses::kMaxTextLength);
        }
        // The ones a bank's service desk must have at hand.
        QStringList texts;
        for (const CannedResponse &response : shipped.all())
            texts.append(response.text);
        QVERIFY(texts.join(u' ').contains(QStringLiteral("116 116")));
        QVERIFY(texts.join(u' ').contains(QStringLiteral("niemals Ihre PIN, TAN")));
    }

    void aBanksOwnFileReplacesTheShippedSet()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("canned.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"responses": [{"title": "Hallo", "text": "Moin {kunde}!"}]})");
        file.close();
        const CannedResponses own = CannedResponses::load(path);
        QCOMPARE(own.all().size(), 1);
        QCOMPARE(own.all().first().text, QStringLiteral("Moin {kunde}!"));
    }

    void brokenFilesAreRefusedAndTheShippedSetStays_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not JSON") << QByteArray("{responses: [") << QStringLiteral("not_json");
        QTest::newRow("no list") << QByteArray(R"({"texts": []})") << QStringLiteral("no_responses");
        QTest::newRow("no title") << QByteArray(R"({"responses": [{"text": "x"}]})") << QStringLiteral("bad_entry");
        QTest::newRow("empty text") << QByteArray(R"({"responses": [{"title": "x", "text": "  "}]})")
                                    << QStringLiteral("bad_entry");
        QTest::newRow("longer than a chat line")
            << (QByteArray(R"({"responses": [{"title": "x", "text": ")") + QByteArray(4001, 'a') + "\"}]}")
            << QStringLiteral("bad_entry");
    }

    void brokenFilesAreRefusedAndTheShippedSetStays()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        const auto parsed = CannedResponses::fromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.problem().code, problem);
        QTemporaryDir directory;
        QFile file(directory.filePath(QStringLiteral("broken.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("using the built-in responses")));
        QCOMPARE(CannedResponses::load(file.fileName()).all().size(), CannedResponses::builtIn().all().size());
    }

    void placeholdersAreFilledForTheConsultation()
    {
        const QString filled = CannedResponses::fill(
            QStringLiteral("{kunde}, ist {telefon} richtig? Gruß, {berater}"),
            {QStringLiteral("Erika Mustermann"), QStringLiteral("+49 561 7001234"), QStringLiteral("Anna Berger")});
        QCOMPARE(filled, QStringLiteral("Erika Mustermann, ist +49 561 7001234 richtig? Gruß, Anna Berger"));
    }
};

QTEST_GUILESS_MAIN(TestCannedResponses)
#include "TestCannedResponses.moc"
