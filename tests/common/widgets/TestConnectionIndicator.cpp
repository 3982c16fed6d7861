// The connection indicator both apps show: state, RTT, and loss and bitrate while media runs, in
// the text and in the accessible name (lesson 14).
#include "core/Clock.h"
#include "widgets/ConnectionIndicator.h"

#include <QLabel>
#include <QLocale>
#include <QTest>

using namespace consult;

class TestConnectionIndicator final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    void showsRoundTripLossAndBitrate()
    {
        ConnectionIndicator indicator;
        indicator.setQuality({ClientConnection::State::Connected, 42, 1.5, 480});
        QCOMPARE(indicator.text(), QStringLiteral("● Verbunden (42 ms) · Verlust 1,5 % · 480 kbit/s"));
        QCOMPARE(indicator.findChild<QLabel *>(QStringLiteral("connectionState"))->text(), indicator.text());
    }

    void withoutMediaOnlyTheRoundTrip()
    {
        ConnectionIndicator indicator;
        indicator.setQuality({ClientConnection::State::Connected, 17, -1.0, -1});
        QCOMPARE(indicator.text(), QStringLiteral("● Verbunden (17 ms)"));
        indicator.setQuality({ClientConnection::State::Connected, -1, -1.0, -1});
        QCOMPARE(indicator.text(), QStringLiteral("● Verbunden"));
    }

    void aLostConnectionSaysSoAndHidesStaleFigures()
    {
        ConnectionIndicator indicator;
        indicator.setQuality({ClientConnection::State::Reconnecting, 42, 1.5, 480});
        QCOMPARE(indicator.text(), QStringLiteral("● Verbindung unterbrochen – wird wiederhergestellt …"));
    }

    void theAccessibleNameSaysWhatTheDotShows()
    {
        ConnectionIndicator indicator;
        indicator.setQuality({ClientConnection::State::Connected, 42, 0.0, 96});
        QCOMPARE(indicator.accessibleName(),
                 QStringLiteral("Verbindung: Verbunden (42 ms) · Verlust 0,0 % · 96 kbit/s"));
        QCOMPARE(indicator.findChild<QLabel *>(QStringLiteral("connectionState"))->accessibleName(),
                 QStringLiteral("Verbunden (42 ms) · Verlust 0,0 % · 96 kbit/s"));
    }

    void followsABoundConnection()
    {
        ClientConnection connection({}, SystemClock::instance());
        ConnectionIndicator indicator;
        indicator.bind(&connection);
        QCOMPARE(indicator.quality().state, ClientConnection::State::Disconnected);
        QCOMPARE(indicator.text(), QStringLiteral("● Nicht verbunden"));
    }
};

QTEST_MAIN(TestConnectionIndicator)
#include "TestConnectionIndicator.moc"
