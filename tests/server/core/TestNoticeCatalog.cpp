#include "notices/NoticeCatalog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace consult;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(consult::wire::NoticeKind)

namespace {

const QList<wire::NoticeKind> kKinds = {wire::NOTICE_KIND_SECURITY, wire::NOTICE_KIND_LEGAL, wire::NOTICE_KIND_PRIVACY};

QString fileStem(wire::NoticeKind kind)
{
    switch (kind) {
    case wire::NOTICE_KIND_SECURITY:
        return u"security"_s;
    case wire::NOTICE_KIND_LEGAL:
        return u"legal"_s;
    default:
        return u"privacy"_s;
    }
}

google::protobuf::RepeatedPtrField<wire::NoticeAcceptance>
acceptances(const QList<std::pair<wire::NoticeKind, QString>> &accepted)
{
    google::protobuf::RepeatedPtrField<wire::NoticeAcceptance> list;
    for (const auto &[kind, version] : accepted) {
        wire::NoticeAcceptance *acceptance = list.Add();
        acceptance->set_kind(kind);
        acceptance->set_version(version.toStdString());
    }
    return list;
}

QString problemText(const Problem &problem)
{
    return problem.code + u": "_s + problem.message;
}

} // namespace

// The notices a customer must accept (S4): three per language, versions that are content hashes of
// every language, and acceptance of exactly the current versions.
class TestNoticeCatalog final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        // A copy of the notices built into the server, to edit.
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        const QDir builtIn(u":/notices"_s);
        const QStringList names = builtIn.entryList(QDir::Files);
        QCOMPARE(names.size(), 6);
        for (const QString &name : names) {
            QFile source(builtIn.filePath(name));
            QVERIFY(source.open(QIODevice::ReadOnly));
            writeNotice(name, source.readAll());
        }
    }

    void thereAreThreeNoticesPerLanguageWithTitleAndText_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("German") << u"de"_s;
        QTest::newRow("English") << u"en"_s;
    }

    void thereAreThreeNoticesPerLanguageWithTitleAndText()
    {
        QFETCH(QString, language);
        const auto catalog = NoticeCatalog::load();
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : problemText(catalog.problem())));
        const QList<wire::Notice> notices = catalog->notices(language);
        QCOMPARE(notices.size(), 3);
        static const QRegularExpression hexVersion(u"^[0-9a-f]{16}$"_s);
        for (int i = 0; i < 3; ++i) {
            const wire::Notice &notice = notices.at(i);
            QCOMPARE(notice.kind(), kKinds.at(i)); // security, legal, privacy
            QVERIFY(!QString::fromStdString(notice.title()).trimmed().isEmpty());
            QVERIFY(!QString::fromStdString(notice.text()).trimmed().isEmpty());
            QVERIFY(!QString::fromStdString(notice.title()).contains(u'\n'));
            QCOMPARE(QString::fromStdString(notice.version()), catalog->version(notice.kind()));
            QVERIFY(hexVersion.match(QString::fromStdString(notice.version())).hasMatch());
        }
    }

    void eachLanguageHasItsOwnText()
    {
        const auto catalog = NoticeCatalog::load();
        QVERIFY(catalog.ok());
        const QList<wire::Notice> german = catalog->notices(u"de"_s);
        const QList<wire::Notice> english = catalog->notices(u"en"_s);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(german.at(i).title() != english.at(i).title());
            QVERIFY(german.at(i).text() != english.at(i).text());
            QCOMPARE(german.at(i).version(), english.at(i).version()); // one version covers every language
        }
        // Any other language gets German, the service's language.
        const QList<wire::Notice> other = catalog->notices(u"fr"_s);
        QCOMPARE(other.size(), 3);
        QCOMPARE(other.at(0).title(), german.at(0).title());
    }

    void versionsAreStableAcrossLoads()
    {
        const auto first = NoticeCatalog::load();
        const auto second = NoticeCatalog::load();
        const auto copy = NoticeCatalog::load(m_directory->path());
        QVERIFY(first.ok());
        QVERIFY(second.ok());
        QVERIFY2(copy.ok(), qPrintable(copy.ok() ? QString() : problemText(copy.problem())));
        QSet<QString> distinct;
        for (const wire::NoticeKind kind : kKinds) {
            QVERIFY(!first->version(kind).isEmpty());
            QCOMPARE(second->version(kind), first->version(kind));
            QCOMPARE(copy->version(kind), first->version(kind));
            distinct.insert(first->version(kind));
        }
        QCOMPARE(distinct.size(), 3);
    }

    void aChangeInAnyLanguageIsANewVersionOfThatNoticeOnly_data()
    {
        QTest::addColumn<wire::NoticeKind>("kind");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("change");
        for (const wire::NoticeKind kind : kKinds) {
            for (const QString &language : {u"de"_s, u"en"_s}) {
                const QByteArray name = (fileStem(kind) + u'.' + language).toUtf8();
                QTest::addRow("%s: one more word", name.constData()) << kind << language << u"append"_s;
                QTest::addRow("%s: title changed", name.constData()) << kind << language << u"title"_s;
                QTest::addRow("%s: one character", name.constData()) << kind << language << u"character"_s;
            }
        }
    }

    void aChangeInAnyLanguageIsANewVersionOfThatNoticeOnly()
    {
        QFETCH(wire::NoticeKind, kind);
        QFETCH(QString, language);
        QFETCH(QString, change);
        const auto before = NoticeCatalog::load(m_directory->path());
        QVERIFY(before.ok());

        const QString name = fileStem(kind) + u'.' + language + u".txt"_s;
        QByteArray text = readNotice(name);
        if (change == u"append")
            text.append(" Neu.");
        else if (change == u"title")
            text.prepend("Neu: ");
        else
            text[text.size() / 2] = static_cast<char>(text.at(text.size() / 2) == 'x' ? 'y' : 'x');
        writeNotice(name, text);

        const auto after = NoticeCatalog::load(m_directory->path());
        QVERIFY(after.ok());
        for (const wire::NoticeKind other : kKinds) {
            if (other == kind)
                QVERIFY(after->version(other) != before->version(other));
            else
                QCOMPARE(after->version(other), before->version(other));
        }
    }

    void textMovedBetweenLanguagesIsANewVersion()
    {
        // The version covers each language's text separately, not only their concatenation.
        writeNotice(u"legal.de.txt"_s, "Titel\nText");
        writeNotice(u"legal.en.txt"_s, "enTitle\nBody");
        const auto before = NoticeCatalog::load(m_directory->path());
        QVERIFY(before.ok());
        writeNotice(u"legal.de.txt"_s, "Titel\nTexten");
        writeNotice(u"legal.en.txt"_s, "Title\nBody");
        const auto after = NoticeCatalog::load(m_directory->path());
        QVERIFY(after.ok());
        QVERIFY(after->notices(u"en"_s).at(1).title() != before->notices(u"en"_s).at(1).title());
        QVERIFY(after->version(wire::NOTICE_KIND_LEGAL) != before->version(wire::NOTICE_KIND_LEGAL));
    }

    void allThreeCurrentVersionsAreAccepted_data()
    {
        QTest::addColumn<bool>("reversed");
        QTest::addColumn<bool>("withExtra");
        QTest::newRow("in order") << false << false;
        QTest::newRow("any order") << true << false;
        QTest::newRow("with an outdated extra") << false << true;
    }

    void allThreeCurrentVersionsAreAccepted()
    {
        QFETCH(bool, reversed);
        QFETCH(bool, withExtra);
        const auto catalog = NoticeCatalog::load();
        QVERIFY(catalog.ok());
        QList<std::pair<wire::NoticeKind, QString>> accepted;
        for (const wire::NoticeKind kind : kKinds)
            accepted.append({kind, catalog->version(kind)});
        if (reversed)
            std::reverse(accepted.begin(), accepted.end());
        if (withExtra)
            accepted.append({wire::NOTICE_KIND_LEGAL, u"0000000000000000"_s});
        QVERIFY(catalog->acceptsAll(acceptances(accepted)));
    }

    void anOutdatedOrMissingAcceptanceIsRefused_data()
    {
        QTest::addColumn<wire::NoticeKind>("kind");
        QTest::addColumn<QString>("how");
        for (const wire::NoticeKind kind : kKinds) {
            const QByteArray name = fileStem(kind).toUtf8();
            QTest::addRow("%s missing", name.constData()) << kind << u"missing"_s;
            QTest::addRow("%s outdated", name.constData()) << kind << u"outdated"_s;
            QTest::addRow("%s empty version", name.constData()) << kind << u"empty"_s;
            QTest::addRow("%s under another kind", name.constData()) << kind << u"other kind"_s;
        }
    }

    void anOutdatedOrMissingAcceptanceIsRefused()
    {
        QFETCH(wire::NoticeKind, kind);
        QFETCH(QString, how);
        const auto current = NoticeCatalog::load(m_directory->path());
        QVERIFY(current.ok());
        // The previous version: the same notices before one word changed in German.
        const QString name = fileStem(kind) + u".de.txt"_s;
        writeNotice(name, readNotice(name) + " Alt.");
        const auto previous = NoticeCatalog::load(m_directory->path());
        QVERIFY(previous.ok());
        QVERIFY(previous->version(kind) != current->version(kind));

        QList<std::pair<wire::NoticeKind, QString>> accepted;
        for (const wire::NoticeKind each : kKinds) {
            if (each != kind) {
                accepted.append({each, current->version(each)});
            } else if (how == u"outdated") {
                accepted.append({each, previous->version(each)});
            } else if (how == u"empty") {
                accepted.append({each, QString()});
            } else if (how == u"other kind") {
                accepted.append({wire::NOTICE_KIND_UNSPECIFIED, current->version(each)});
            }
        }
        QVERIFY(!current->acceptsAll(acceptances(accepted)));
    }

    void nothingAcceptedIsRefused()
    {
        const auto catalog = NoticeCatalog::load();
        QVERIFY(catalog.ok());
        QVERIFY(!catalog->acceptsAll(acceptances({})));
    }

    void aMissingOrBodilessNoticeStopsTheLoad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content"); // empty: the file is removed
        QTest::addColumn<QString>("code");
        QTest::newRow("English privacy missing") << u"privacy.en.txt"_s << QByteArray() << u"missing_notice"_s;
        QTest::newRow("German security missing") << u"security.de.txt"_s << QByteArray() << u"missing_notice"_s;
        QTest::newRow("title only") << u"legal.de.txt"_s << QByteArray("Rechtliche Hinweise\n") << u"bad_notice"_s;
    }

    void aMissingOrBodilessNoticeStopsTheLoad()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        if (content.isEmpty())
            QVERIFY(QFile::remove(m_directory->filePath(file)));
        else
            writeNotice(file, content);
        const auto catalog = NoticeCatalog::load(m_directory->path());
        QVERIFY(!catalog.ok());
        QCOMPARE(catalog.problem().code, code);
    }

private:
    QByteArray readNotice(const QString &name) const
    {
        QFile file(m_directory->filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void writeNotice(const QString &name, const QByteArray &content) const
    {
        QFile file(m_directory->filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
    }

    std::unique_ptr<QTemporaryDir> m_directory;
};

QTEST_GUILESS_MAIN(TestNoticeCatalog)
#include "TestNoticeCatalog.moc"
