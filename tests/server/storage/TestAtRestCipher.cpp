#include "storage/AtRestCipher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <utility>

using namespace consult;

namespace {

const QByteArray kContext = QByteArrayLiteral("left_messages:42");

QFileDevice::Permissions groupOrOther()
{
    return QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
           QFileDevice::WriteOther | QFileDevice::ExeOther;
}

void writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(file.write(content), content.size());
    file.close();
    QVERIFY(file.setPermissions(permissions));
}

} // namespace

class TestAtRestCipher final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
    }

    void sealedRecordsOpenWithTheSameContext()
    {
        const Result<AtRestCipher> cipher = AtRestCipher::openOrCreateKeyFile(keyPath());
        QVERIFY2(cipher.ok(), qPrintable(cipher.ok() ? QString() : cipher.problem().message));
        for (const QByteArray &plaintext :
             {QByteArray(), QByteArrayLiteral("Bitte rufen Sie mich zurück."), QByteArray(100'000, 'x')}) {
            const QByteArray sealed = cipher->seal(plaintext, kContext);
            QCOMPARE(sealed.size(), AtRestCipher::kNonceBytes + plaintext.size() + AtRestCipher::kTagBytes);
            const Result<QByteArray> opened = cipher->open(sealed, kContext);
            QVERIFY(opened.ok());
            QCOMPARE(*opened, plaintext);
        }
    }

    void alteredRecordsAreRefusedAsTampered_data()
    {
        QTest::addColumn<int>("flippedByte"); // -1: none
        QTest::addColumn<int>("truncateTo");  // -1: keep the size
        QTest::addColumn<QByteArray>("context");

        QTest::newRow("nonce byte") << 0 << -1 << kContext;
        QTest::newRow("ciphertext byte") << AtRestCipher::kNonceBytes + 3 << -1 << kContext;
        QTest::newRow("tag byte") << -2 << -1 << kContext;
        QTest::newRow("truncated by one") << -1 << -2 << kContext;
        QTest::newRow("shorter than nonce and tag") << -1 << AtRestCipher::kNonceBytes + 15 << kContext;
        QTest::newRow("empty") << -1 << 0 << kContext;
        QTest::newRow("another row's context") << -1 << -1 << QByteArrayLiteral("left_messages:43");
        QTest::newRow("no context") << -1 << -1 << QByteArray();
    }

    void alteredRecordsAreRefusedAsTampered()
    {
        QFETCH(int, flippedByte);
        QFETCH(int, truncateTo);
        QFETCH(QByteArray, context);

        const Result<AtRestCipher> cipher = AtRestCipher::openOrCreateKeyFile(keyPath());
        QVERIFY(cipher.ok());
        QByteArray sealed = cipher->seal(QByteArrayLiteral("Kontostand bitte erklären"), kContext);
        if (flippedByte == -2)
            flippedByte = int(sealed.size()) - 1;
        if (flippedByte >= 0)
            sealed[flippedByte] = char(sealed.at(flippedByte) ^ 0x01);
        if (truncateTo == -2)
            truncateTo = int(sealed.size()) - 1;
        if (truncateTo >= 0)
            sealed.truncate(truncateTo);

        const Result<QByteArray> opened = cipher->open(sealed, context);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.problem().code, QStringLiteral("tampered"));
    }

    void twoSealsOfTheSamePlaintextDiffer()
    {
        const Result<AtRestCipher> cipher = AtRestCipher::openOrCreateKeyFile(keyPath());
        QVERIFY(cipher.ok());
        const QByteArray plaintext = QByteArrayLiteral("dieselbe Nachricht");
        const QByteArray first = cipher->seal(plaintext, kContext);
        const QByteArray second = cipher->seal(plaintext, kContext);
        QVERIFY(first != second);
        QVERIFY(first.left(AtRestCipher::kNonceBytes) != second.left(AtRestCipher::kNonceBytes));
    }

    void thePlaintextDoesNotAppearInTheSealedBytes()
    {
        const Result<AtRestCipher> cipher = AtRestCipher::openOrCreateKeyFile(keyPath());
        QVERIFY(cipher.ok());
        const QByteArray canary = QByteArrayLiteral("CANARY-7f3a9c21-at-rest");
        const QByteArray sealed = cipher->seal(QByteArrayLiteral("Nachricht: ") + canary + canary, kContext);
        QVERIFY(!sealed.contains(canary));
        QVERIFY(!sealed.contains(QByteArrayLiteral("CANARY")));
        QVERIFY(!sealed.contains(QByteArrayLiteral("Nachricht")));
    }

    void aNewKeyFileIsCreatedWithMode0600AndNoLeftovers()
    {
        const QString path = keyPath();
        QVERIFY(!QFile::exists(path));
        const Result<AtRestCipher> cipher = AtRestCipher::openOrCreateKeyFile(path);
        QVERIFY(cipher.ok());

        const QFileDevice::Permissions permissions = QFile::permissions(path);
        QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
        QVERIFY(permissions.testFlag(QFileDevice::WriteOwner));
        QVERIFY(!permissions.testFlag(QFileDevice::ExeOwner));
        QVERIFY(!(permissions & groupOrOther()));
        QCOMPARE(QFileInfo(path).size(), qint64(AtRestCipher::kKeyBytes));
        // The temporary file was linked into place and removed.
        QCOMPARE(QDir(m_directory->path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("at-rest.key")});
    }

    void theKeyFileIsReusedOnTheNextStart()
    {
        const QByteArray sealed = [this] {
            const Result<AtRestCipher> first = AtRestCipher::openOrCreateKeyFile(keyPath());
            return first.ok() ? first->seal(QByteArrayLiteral("über Nacht gespeichert"), kContext) : QByteArray();
        }();
        QVERIFY(!sealed.isEmpty());
        const Result<AtRestCipher> second = AtRestCipher::openOrCreateKeyFile(keyPath());
        QVERIFY(second.ok());
        const Result<QByteArray> opened = second->open(sealed, kContext);
        QVERIFY(opened.ok());
        QCOMPARE(*opened, QByteArrayLiteral("über Nacht gespeichert"));
    }

    void aRecordFromAnotherKeyIsRefused()
    {
        QTemporaryDir otherDirectory;
        const Result<AtRestCipher> ours = AtRestCipher::openOrCreateKeyFile(keyPath());
        const Result<AtRestCipher> theirs =
            AtRestCipher::openOrCreateKeyFile(otherDirectory.filePath(QStringLiteral("at-rest.key")));
        QVERIFY(ours.ok() && theirs.ok());
        const Result<QByteArray> opened = ours->open(theirs->seal(QByteArrayLiteral("fremd"), kContext), kContext);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.problem().code, QStringLiteral("tampered"));
    }

    void anExistingKeyFileIsCheckedBeforeUse_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expectedCode"); // empty: accepted

        QTest::newRow("0600, 32 bytes") << 32 << 0600 << QString();
        QTest::newRow("0400, 32 bytes") << 32 << 0400 << QString();
        QTest::newRow("0644") << 32 << 0644 << QStringLiteral("key_file_permissions");
        QTest::newRow("0640") << 32 << 0640 << QStringLiteral("key_file_permissions");
        QTest::newRow("0604") << 32 << 0604 << QStringLiteral("key_file_permissions");
        QTest::newRow("0620") << 32 << 0620 << QStringLiteral("key_file_permissions");
        QTest::newRow("0601") << 32 << 0601 << QStringLiteral("key_file_permissions");
        QTest::newRow("31 bytes") << 31 << 0600 << QStringLiteral("key_file_size");
        QTest::newRow("33 bytes") << 33 << 0600 << QStringLiteral("key_file_size");
        QTest::newRow("empty") << 0 << 0600 << QStringLiteral("key_file_size");
    }

    void anExistingKeyFileIsCheckedBeforeUse()
    {
        QFETCH(int, size);
        QFETCH(int, mode);
        QFETCH(QString, expectedCode);

        const QString path = keyPath();
        writeFile(path, QByteArray(size, '\x5a'), permissionsOf(mode));
        const Result<AtRestCipher> cipher = AtRestCipher::openOrCreateKeyFile(path);
        if (expectedCode.isEmpty()) {
            QVERIFY2(cipher.ok(), qPrintable(cipher.ok() ? QString() : cipher.problem().message));
        } else {
            QVERIFY(!cipher.ok());
            QCOMPARE(cipher.problem().code, expectedCode);
        }
        // A refused key file is left as it was, never silently replaced.
        QCOMPARE(QFileInfo(path).size(), qint64(size));
    }

    void aDirectoryInPlaceOfTheKeyFileIsRefused()
    {
        QVERIFY(QDir(m_directory->path()).mkdir(QStringLiteral("at-rest.key")));
        QVERIFY(
            QFile::setPermissions(keyPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const Result<AtRestCipher> cipher = AtRestCipher::openOrCreateKeyFile(keyPath());
        QVERIFY(!cipher.ok());
        QCOMPARE(cipher.problem().code, QStringLiteral("key_file_size"));
    }

private:
    QString keyPath() const { return m_directory->filePath(QStringLiteral("at-rest.key")); }

    static QFileDevice::Permissions permissionsOf(int mode)
    {
        QFileDevice::Permissions permissions;
        const std::pair<int, QFileDevice::Permission> bits[] = {
            {0400, QFileDevice::ReadOwner}, {0200, QFileDevice::WriteOwner}, {0100, QFileDevice::ExeOwner},
            {0040, QFileDevice::ReadGroup}, {0020, QFileDevice::WriteGroup}, {0010, QFileDevice::ExeGroup},
            {0004, QFileDevice::ReadOther}, {0002, QFileDevice::WriteOther}, {0001, QFileDevice::ExeOther}};
        for (const auto &[bit, permission] : bits) {
            if (mode & bit)
                permissions |= permission;
        }
        return permissions;
    }

    std::unique_ptr<QTemporaryDir> m_directory; // a fresh, empty directory per test function
};

QTEST_GUILESS_MAIN(TestAtRestCipher)
#include "TestAtRestCipher.moc"
