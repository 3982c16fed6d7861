#include "queue/WaitingQueue.h"

#include <QStringList>
#include <QTest>

#include <random>

using namespace consult;

// Readable failure messages for QCOMPARE.
namespace QTest {
template <>
char *toString(const PositionChange &change)
{
    return qstrdup(qPrintable(QStringLiteral("%1@%2").arg(change.id).arg(change.position)));
}
template <>
char *toString(const std::optional<QString> &id)
{
    return qstrdup(id ? qPrintable(*id) : "nullopt");
}
} // namespace QTest

namespace {

QString idOf(int n)
{
    return QStringLiteral("c%1").arg(n);
}

WaitingQueue queueOf(int count)
{
    WaitingQueue queue;
    for (int i = 1; i <= count; ++i) {
        if (queue.enqueue(idOf(i)) != i)
            qFatal("enqueue did not return the next position");
    }
    return queue;
}

QStringList idsInOrder(const WaitingQueue &queue)
{
    QStringList ids;
    for (const WaitingQueue::Entry &entry : queue)
        ids.append(entry.id);
    return ids;
}

// What a removal must report, computed the obvious way from the order before it.
QList<PositionChange> naiveChangesAfterRemoving(const QStringList &before, qsizetype index)
{
    QList<PositionChange> changes;
    for (qsizetype i = index + 1; i < before.size(); ++i)
        changes.append(PositionChange{before[i], static_cast<int>(i)});
    return changes;
}

// QCOMPARE on long lists compares element by element with full bookkeeping; compare cheaply and
// let QCOMPARE describe only a difference.
#define COMPARE_LISTS(actual, expected)                                                                                \
    do {                                                                                                               \
        const auto &actualList = (actual);                                                                             \
        const auto &expectedList = (expected);                                                                         \
        if (actualList != expectedList)                                                                                \
            QCOMPARE(actualList, expectedList);                                                                        \
    } while (false)

} // namespace

class TestWaitingQueue final : public QObject
{
    Q_OBJECT
private slots:
    void arrivalsQueueInOrderWithOneBasedPositions()
    {
        WaitingQueue queue;
        QCOMPARE(queue.enqueue(QStringLiteral("a")), 1);
        QCOMPARE(queue.enqueue(QStringLiteral("b")), 2);
        QCOMPARE(queue.enqueue(QStringLiteral("c")), 3);
        QCOMPARE(queue.size(), 3);
        QCOMPARE(queue.front(), std::optional<QString>(QStringLiteral("a")));
        QCOMPARE(queue.positionOf(QStringLiteral("c")), 3);
        QCOMPARE(idsInOrder(queue), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void aCustomerAlreadyWaitingCannotQueueTwice()
    {
        WaitingQueue queue = queueOf(2);
        QCOMPARE(queue.enqueue(idOf(1)), 0);
        QCOMPARE(queue.enqueue(QString()), 0);
        QCOMPARE(queue.size(), 2);
        QCOMPARE(queue.positionOf(idOf(1)), 1);
    }

    void positionsShrinkWhenTheHeadIsTaken()
    {
        WaitingQueue queue = queueOf(3);
        const std::optional<WaitingQueue::TakenFront> taken = queue.takeFront();
        QVERIFY(taken.has_value());
        QCOMPARE(taken->id, idOf(1));
        QCOMPARE(taken->changes, (QList<PositionChange>{{idOf(2), 1}, {idOf(3), 2}}));
        QVERIFY(!queue.contains(idOf(1)));
        QCOMPARE(queue.positionOf(idOf(1)), 0);
        QCOMPARE(queue.positionOf(idOf(3)), 2);
        QCOMPARE(queue.front(), std::optional<QString>(idOf(2)));
    }

    void leavingTheQueueKeepsTheOthersInOrder()
    {
        WaitingQueue queue = queueOf(5);
        const QList<PositionChange> changes = queue.remove(idOf(3));
        // Only those behind the leaver move; those in front are not told anything.
        QCOMPARE(changes, (QList<PositionChange>{{idOf(4), 3}, {idOf(5), 4}}));
        QCOMPARE(idsInOrder(queue), (QStringList{idOf(1), idOf(2), idOf(4), idOf(5)}));
        QCOMPARE(queue.positionOf(idOf(2)), 2);
        QCOMPARE(queue.positionOf(idOf(5)), 4);
    }

    void someoneWhoLeftAndReturnsQueuesAtTheBack()
    {
        WaitingQueue queue = queueOf(3);
        queue.remove(idOf(1));
        QCOMPARE(queue.enqueue(idOf(1)), 3);
        QCOMPARE(idsInOrder(queue), (QStringList{idOf(2), idOf(3), idOf(1)}));
    }

    void removingSomeoneNotWaitingChangesNothing()
    {
        WaitingQueue queue = queueOf(3);
        QVERIFY(queue.remove(QStringLiteral("stranger")).isEmpty());
        QCOMPARE(queue.size(), 3);
        QCOMPARE(idsInOrder(queue), (QStringList{idOf(1), idOf(2), idOf(3)}));
    }

    void anEmptyQueueHasNoFrontToTake()
    {
        WaitingQueue queue;
        QVERIFY(queue.isEmpty());
        QVERIFY(!queue.front().has_value());
        QVERIFY(!queue.takeFront().has_value());
        QCOMPARE(queue.size(), 0);
    }

    void aLongQueueReportsOnlyThoseWhoMoved()
    {
        constexpr int count = 10'000;
        WaitingQueue queue = queueOf(count);

        QCOMPARE(queue.remove(idOf(count)).size(), 0);
        QCOMPARE(queue.size(), count - 1);
        QCOMPARE(queue.positionOf(idOf(count - 1)), count - 1);

        QCOMPARE(queue.enqueue(idOf(count)), count);
        const QList<PositionChange> changes = queue.remove(idOf(1));
        QCOMPARE(changes.size(), count - 1);
        QCOMPARE(changes.first(), (PositionChange{idOf(2), 1}));
        QCOMPARE(changes.last(), (PositionChange{idOf(count), count - 1}));
        QCOMPARE(queue.positionOf(idOf(count)), count - 1);
    }

    void randomOperationsAgreeWithANaiveModel()
    {
        std::mt19937 random(20260101); // fixed seed: a failure reproduces
        WaitingQueue queue;
        QStringList model;
        int nextId = 0;

        for (int step = 0; step < 10'000; ++step) {
            const int operation = std::uniform_int_distribution<int>(0, 9)(random);
            if (operation < 5 || model.isEmpty()) {
                const QString id = idOf(nextId++);
                QCOMPARE(queue.enqueue(id), model.size() + 1);
                model.append(id);
            } else if (operation < 7) {
                const QList<PositionChange> expected = naiveChangesAfterRemoving(model, 0);
                const std::optional<WaitingQueue::TakenFront> taken = queue.takeFront();
                QVERIFY(taken.has_value());
                QCOMPARE(taken->id, model.takeFirst());
                COMPARE_LISTS(taken->changes, expected);
            } else if (operation < 9) {
                const auto index = std::uniform_int_distribution<qsizetype>(0, model.size() - 1)(random);
                const QList<PositionChange> expected = naiveChangesAfterRemoving(model, index);
                COMPARE_LISTS(queue.remove(model.takeAt(index)), expected);
            } else {
                // Duplicates and strangers are refused without disturbing anyone.
                const QString existing = model[std::uniform_int_distribution<qsizetype>(0, model.size() - 1)(random)];
                QCOMPARE(queue.enqueue(existing), 0);
                QVERIFY(queue.remove(idOf(nextId + 1)).isEmpty());
            }

            QCOMPARE(queue.size(), model.size());
            QCOMPARE(queue.front(), model.isEmpty() ? std::nullopt : std::optional<QString>(model.first()));
            if (step % 500 == 0) {
                COMPARE_LISTS(idsInOrder(queue), model);
                for (qsizetype i = 0; i < model.size(); ++i)
                    QCOMPARE(queue.positionOf(model[i]), static_cast<int>(i + 1));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWaitingQueue)
#include "TestWaitingQueue.moc"
