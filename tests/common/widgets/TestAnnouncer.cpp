// The screen-reader announcer both apps use (lesson 14): the text becomes the widget's accessible
// description and is reported through the announced() seam.
#include "widgets/Announcer.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace consult;

class TestAnnouncer final : public QObject
{
    Q_OBJECT
private slots:
    void anAnnouncementReachesTheWidgetsDescription()
    {
        QLabel label;
        QSignalSpy announced(&Announcer::instance(), &Announcer::announced);
        announce(&label, QStringLiteral("Neue Nachricht von Anna Berger"));
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().at(1).toString(), QStringLiteral("Neue Nachricht von Anna Berger"));
        QCOMPARE(label.accessibleDescription(), QStringLiteral("Neue Nachricht von Anna Berger"));
    }

    void nothingToSayIsNotAnnounced()
    {
        QLabel label;
        QSignalSpy announced(&Announcer::instance(), &Announcer::announced);
        announce(&label, QString());
        announce(nullptr, QStringLiteral("niemandem"));
        QCOMPARE(announced.size(), 0);
    }
};

QTEST_MAIN(TestAnnouncer)
#include "TestAnnouncer.moc"
