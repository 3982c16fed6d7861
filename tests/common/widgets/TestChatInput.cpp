// The chat input both apps use: Enter sends, Shift+Enter starts a new line (lesson 14: keyboard).
#include "widgets/ChatInput.h"

#include <QSignalSpy>
#include <QTest>

using namespace consult;

class TestChatInput final : public QObject
{
    Q_OBJECT
private slots:
    void enterSubmitsAndLeavesTheTextToTheView()
    {
        ChatInput input;
        QSignalSpy submitted(&input, &ChatInput::submitted);
        QTest::keyClicks(&input, QStringLiteral("Guten Tag"));
        QTest::keyClick(&input, Qt::Key_Return);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(input.toPlainText(), QStringLiteral("Guten Tag"));
        QTest::keyClick(&input, Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(submitted.size(), 2);
    }

    void shiftEnterInsertsANewLineAndDoesNotSubmit()
    {
        ChatInput input;
        QSignalSpy submitted(&input, &ChatInput::submitted);
        QTest::keyClicks(&input, QStringLiteral("Zeile 1"));
        QTest::keyClick(&input, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(&input, QStringLiteral("Zeile 2"));
        QCOMPARE(submitted.size(), 0);
        QCOMPARE(input.toPlainText(), QStringLiteral("Zeile 1\nZeile 2"));
    }

    void tabLeavesTheField()
    {
        ChatInput input;
        QVERIFY(input.tabChangesFocus());
    }
};

QTEST_MAIN(TestChatInput)
#include "TestChatInput.moc"
