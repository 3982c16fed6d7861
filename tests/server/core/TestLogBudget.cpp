// Issue 13, log flooding: a kind of line a client can cause gets a budget a minute; beyond it lines
// are counted, and the next one written says how many were held back.
#include "app/LogBudget.h"

#include <QTest>

using namespace consult;

class TestLogBudget final : public QObject
{
    Q_OBJECT
private slots:
    void linesBeyondTheBudgetAreCountedAndSaidWithTheNext()
    {
        LogBudget budget(3);
        QCOMPARE(budget.take(0), std::optional<qint64>(0));
        QCOMPARE(budget.take(10), std::optional<qint64>(0));
        QCOMPARE(budget.take(20), std::optional<qint64>(0));
        for (int i = 0; i < 100; ++i)
            QVERIFY(!budget.take(30 + i).has_value());
        // The next minute: the first line says 100 were held back.
        QCOMPARE(budget.take(60'000), std::optional<qint64>(100));
        QCOMPARE(budget.take(60'001), std::optional<qint64>(0));
    }
};

QTEST_GUILESS_MAIN(TestLogBudget)
#include "TestLogBudget.moc"
