#include "client/AdvisorQueueModel.h"
#include "client/InboxModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace consult;

namespace {

wire::QueueEntry entry(const QString &id)
{
    wire::QueueEntry entry;
    entry.set_entry_id(id.toStdString());
    entry.set_name(QStringLiteral("Kunde %1").arg(id).toStdString());
    return entry;
}

// One page of a queue snapshot with the given entries.
wire::QueueSnapshot queuePage(quint64 snapshotId, quint32 index, bool last, const QStringList &ids)
{
    wire::QueueSnapshot page;
    for (const QString &id : ids)
        *page.add_entries() = entry(id);
    page.mutable_page()->set_snapshot_id(snapshotId);
    page.mutable_page()->set_index(index);
    page.mutable_page()->set_last(last);
    return page;
}

wire::InboxSnapshot inboxPage(quint64 snapshotId, quint32 index, bool last, const QStringList &ids)
{
    wire::InboxSnapshot page;
    for (const QString &id : ids) {
        wire::InboxItem *item = page.add_items();
        item->set_item_id(id.toStdString());
        item->set_text(QStringLiteral("Bitte um Rückruf (%1)").arg(id).toStdString());
    }
    page.mutable_page()->set_snapshot_id(snapshotId);
    page.mutable_page()->set_index(index);
    page.mutable_page()->set_last(last);
    return page;
}

QStringList ids(const AdvisorQueueModel &model)
{
    QStringList result;
    for (const wire::QueueEntry &e : model.entries())
        result.append(QString::fromStdString(e.entry_id()));
    return result;
}

QStringList ids(const InboxModel &model)
{
    QStringList result;
    for (const wire::InboxItem &item : model.items())
        result.append(QString::fromStdString(item.item_id()));
    return result;
}

} // namespace

// The advisor's queue and inbox models put paged snapshots back together (I9): the rows
// are replaced once, when the last page is in, never with half a snapshot or a mix of two, and the
// changes that arrive between the pages are applied after the snapshot, in order.
class TestSnapshotAssembly final : public QObject
{
    Q_OBJECT
private slots:
    void theRowsChangeOnlyWhenTheLastPageArrives()
    {
        AdvisorQueueModel model;
        model.applySnapshotPage(queuePage(1, 0, true, {QStringLiteral("old")}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

        model.applySnapshotPage(queuePage(2, 0, false, {QStringLiteral("a"), QStringLiteral("b")}));
        model.applySnapshotPage(queuePage(2, 1, false, {QStringLiteral("c")}));
        QCOMPARE(ids(model), QStringList{QStringLiteral("old")});
        QCOMPARE(resets.size(), 0);

        model.applySnapshotPage(queuePage(2, 2, true, {QStringLiteral("d")}));
        QCOMPARE(ids(model),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
        QCOMPARE(resets.size(), 1); // one atomic replacement
        QCOMPARE(inserts.size(), 0);
        QCOMPARE(model.rowCount(), 4);
    }

    void aSnapshotWithoutPageHeaderIsWhole()
    {
        AdvisorQueueModel model;
        wire::QueueSnapshot whole;
        *whole.add_entries() = entry(QStringLiteral("a"));
        *whole.add_entries() = entry(QStringLiteral("b"));
        model.applySnapshotPage(whole);
        QCOMPARE(ids(model), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void anEmptySnapshotEmptiesTheList()
    {
        AdvisorQueueModel model;
        model.applySnapshotPage(queuePage(1, 0, true, {QStringLiteral("a")}));
        model.applySnapshotPage(queuePage(2, 0, true, {}));
        QCOMPARE(model.rowCount(), 0);
    }

    void changesBetweenThePagesApplyAfterTheSnapshotInOrder()
    {
        AdvisorQueueModel model;
        model.applySnapshotPage(queuePage(7, 0, false, {QStringLiteral("a"), QStringLiteral("b")}));
        // Arrived after the snapshot began: a new customer, then one from the first page leaves, then
        // one who had arrived meanwhile leaves as well, and one that is on no page.
        model.add(entry(QStringLiteral("x")));
        model.remove(QStringLiteral("a"));
        model.add(entry(QStringLiteral("y")));
        model.remove(QStringLiteral("x"));
        model.remove(QStringLiteral("unknown"));
        QCOMPARE(model.rowCount(), 0); // nothing shown before the snapshot is complete

        model.applySnapshotPage(queuePage(7, 1, true, {QStringLiteral("c")}));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("y")}));

        // Once complete, changes apply at once again.
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        model.add(entry(QStringLiteral("z")));
        QCOMPARE(inserts.size(), 1);
        model.remove(QStringLiteral("b"));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("c"), QStringLiteral("y"), QStringLiteral("z")}));
    }

    void aNewSnapshotDiscardsAnUnfinishedOneAndItsChanges()
    {
        AdvisorQueueModel model;
        model.applySnapshotPage(queuePage(1, 0, false, {QStringLiteral("a")}));
        model.add(entry(QStringLiteral("x")));
        // A fresh log-in (a new session) starts over before the first snapshot was complete.
        model.applySnapshotPage(queuePage(2, 0, false, {QStringLiteral("p")}));
        QTest::ignoreMessage(QtWarningMsg, "a snapshot page out of sequence was dropped");
        model.applySnapshotPage(queuePage(1, 1, true, {QStringLiteral("b")})); // the old one's: dropped
        QCOMPARE(model.rowCount(), 0);
        model.applySnapshotPage(queuePage(2, 1, true, {QStringLiteral("q")}));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("p"), QStringLiteral("q")}));
    }

    void aPageOutOfSequenceIsDropped_data()
    {
        QTest::addColumn<quint64>("snapshotId");
        QTest::addColumn<quint32>("index");
        QTest::newRow("a page skipped") << quint64(3) << quint32(3);
        QTest::newRow("a page repeated") << quint64(3) << quint32(1);
        QTest::newRow("another snapshot's page") << quint64(4) << quint32(2);
    }

    void aPageOutOfSequenceIsDropped()
    {
        QFETCH(quint64, snapshotId);
        QFETCH(quint32, index);
        AdvisorQueueModel model;
        model.applySnapshotPage(queuePage(3, 0, false, {QStringLiteral("a")}));
        model.applySnapshotPage(queuePage(3, 1, false, {QStringLiteral("b")}));
        QTest::ignoreMessage(QtWarningMsg, "a snapshot page out of sequence was dropped");
        model.applySnapshotPage(queuePage(snapshotId, index, true, {QStringLiteral("stray")}));
        QCOMPARE(model.rowCount(), 0);
        model.applySnapshotPage(queuePage(3, 2, true, {QStringLiteral("c")}));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void aPageWithoutASnapshotInProgressIsDropped()
    {
        AdvisorQueueModel model;
        model.applySnapshotPage(queuePage(1, 0, true, {QStringLiteral("a")}));
        QTest::ignoreMessage(QtWarningMsg, "a snapshot page out of sequence was dropped");
        model.applySnapshotPage(queuePage(1, 1, true, {QStringLiteral("b")}));
        QCOMPARE(ids(model), QStringList{QStringLiteral("a")});
        model.add(entry(QStringLiteral("c"))); // not waiting for anything
        QCOMPARE(ids(model), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    }

    void theInboxAssemblesItsPagesTheSameWay()
    {
        InboxModel model;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.applySnapshotPage(inboxPage(5, 0, false, {QStringLiteral("m1"), QStringLiteral("m2")}));
        model.remove(QStringLiteral("m1")); // done by a colleague meanwhile
        model.add([] {
            wire::InboxItem item;
            item.set_item_id("m9");
            return item;
        }());
        QCOMPARE(model.rowCount(), 0);
        model.applySnapshotPage(inboxPage(5, 1, false, {QStringLiteral("m3")}));
        QCOMPARE(resets.size(), 0);
        model.applySnapshotPage(inboxPage(5, 2, true, {QStringLiteral("m4")}));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(ids(model),
                 (QStringList{QStringLiteral("m2"), QStringLiteral("m3"), QStringLiteral("m4"), QStringLiteral("m9")}));
        QCOMPARE(model.data(model.index(0, InboxModel::TextColumn), Qt::DisplayRole).toString(),
                 QStringLiteral("Bitte um Rückruf (m2)"));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotAssembly)
#include "TestSnapshotAssembly.moc"
