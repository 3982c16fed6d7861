// The document vault (P2): files written through block by block, encrypted with a key held only in
// RAM, readable block by block in any order, unreadable when touched, mode 0600 under random names,
// and the start-up purge that deletes whatever a crash left behind.
#include "documents/DocumentVault.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace consult;
using namespace consult::documents;

namespace {

QByteArray content(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(5);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

// Writes `bytes` in pieces of `piece` bytes, as uploads arrive in chunks of any size.
std::shared_ptr<VaultFile> store(const DocumentVault &vault, const QByteArray &bytes, qsizetype piece)
{
    auto writer = vault.create();
    if (!writer)
        return nullptr;
    for (qsizetype offset = 0; offset < bytes.size(); offset += piece) {
        if (!writer.value()->append(QByteArrayView(bytes).sliced(offset, qMin(piece, bytes.size() - offset))))
            return nullptr;
    }
    if (!writer.value()->finish())
        return nullptr;
    return writer.value()->file();
}

} // namespace

class TestDocumentVault final : public QObject
{
    Q_OBJECT
private slots:
    void whatIsWrittenInAnyPiecesIsReadBackWhole_data();
    void whatIsWrittenInAnyPiecesIsReadBackWhole();
    void blocksAreReadInAnyOrder();
    void theFileHoldsNoPlainTextIsPrivateAndNamedAtRandom();
    void aTouchedBlockDoesNotOpen();
    void removingTheFileDeletesIt();
    void thePurgeDeletesEverythingACrashLeftBehind();
};

void TestDocumentVault::whatIsWrittenInAnyPiecesIsReadBackWhole_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<qsizetype>("piece");
    QTest::newRow("one byte") << qsizetype(1) << qsizetype(1);
    QTest::newRow("exactly one block") << qsizetype(VaultFile::kBlockBytes) << qsizetype(VaultFile::kBlockBytes);
    QTest::newRow("pieces across blocks") << qsizetype(3 * VaultFile::kBlockBytes + 17) << qsizetype(10'000);
    QTest::newRow("chunks of 32 KiB") << qsizetype(1024 * 1024 + 5) << qsizetype(32 * 1024);
}

void TestDocumentVault::whatIsWrittenInAnyPiecesIsReadBackWhole()
{
    QFETCH(qsizetype, size);
    QFETCH(qsizetype, piece);
    QTemporaryDir directory;
    DocumentVault vault(directory.path() + QStringLiteral("/documents"));
    QVERIFY(vault.purgeOrphans());
    const QByteArray bytes = content(size);
    const auto file = store(vault, bytes, piece);
    QVERIFY(file);
    QCOMPARE(file->size(), size);
    VaultReader reader(file);
    const auto read = reader.readAll();
    QVERIFY(read);
    QCOMPARE(*read, bytes);
    // Each block carries its seal: the file is the content plus 16 bytes per block.
    QCOMPARE(QFileInfo(file->path()).size(), size + file->blockCount() * VaultFile::kSealBytes);
}

void TestDocumentVault::blocksAreReadInAnyOrder()
{
    QTemporaryDir directory;
    DocumentVault vault(directory.path());
    QVERIFY(vault.purgeOrphans());
    const QByteArray bytes = content(5 * VaultFile::kBlockBytes + 100);
    const auto file = store(vault, bytes, 4096);
    QVERIFY(file);
    VaultReader reader(file);
    for (const qint64 index : {5, 0, 3, 1, 4, 2}) {
        const auto block = reader.readBlock(index);
        QVERIFY(block);
        QCOMPARE(*block, bytes.mid(index * VaultFile::kBlockBytes, VaultFile::kBlockBytes));
    }
    QVERIFY(!reader.readBlock(6));
}

// P2, U6, S1: on disk there is neither the content nor anything of its name.
void TestDocumentVault::theFileHoldsNoPlainTextIsPrivateAndNamedAtRandom()
{
    QTemporaryDir directory;
    DocumentVault vault(directory.path());
    QVERIFY(vault.purgeOrphans());
    const QByteArray secret = QByteArray("%PDF-1.4 KANARIE-im-Vertrag ").repeated(3000);
    const auto file = store(vault, secret, 32 * 1024);
    const auto other = store(vault, secret, 32 * 1024);
    QVERIFY(file && other);
    QFile stored(file->path());
    QVERIFY(stored.open(QIODevice::ReadOnly));
    const QByteArray raw = stored.readAll();
    QVERIFY(!raw.contains("KANARIE"));
    QVERIFY(!raw.contains("%PDF"));
    QCOMPARE(stored.permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
             QFile::Permissions());
    QVERIFY(QFileInfo(file->path()).fileName().size() >= 22); // 128 random bits, base64url
    QVERIFY(file->path() != other->path());
    // The same content under another key: nothing in common.
    QFile second(other->path());
    QVERIFY(second.open(QIODevice::ReadOnly));
    QVERIFY(second.read(64) != raw.left(64));
}

void TestDocumentVault::aTouchedBlockDoesNotOpen()
{
    QTemporaryDir directory;
    DocumentVault vault(directory.path());
    QVERIFY(vault.purgeOrphans());
    const auto file = store(vault, content(2 * VaultFile::kBlockBytes), 32 * 1024);
    QVERIFY(file);
    {
        QFile stored(file->path());
        QVERIFY(stored.open(QIODevice::ReadWrite));
        stored.seek(VaultFile::kBlockBytes + VaultFile::kSealBytes + 10); // inside the second block
        char byte = 0;
        stored.getChar(&byte);
        stored.seek(VaultFile::kBlockBytes + VaultFile::kSealBytes + 10);
        stored.putChar(char(byte ^ 1));
    }
    VaultReader reader(file);
    QVERIFY(reader.readBlock(0));
    QVERIFY(!reader.readBlock(1));
    QVERIFY(!reader.readAll());
}

void TestDocumentVault::removingTheFileDeletesIt()
{
    QTemporaryDir directory;
    DocumentVault vault(directory.path());
    QVERIFY(vault.purgeOrphans());
    auto file = store(vault, content(1000), 1000);
    QVERIFY(file);
    const QString path = file->path();
    QVERIFY(QFile::exists(path));
    file->remove();
    QVERIFY(!QFile::exists(path));
    QVERIFY(!VaultReader(file).readBlock(0));
    // An upload given up half-way: its writer and file go, and so does the file on disk.
    {
        auto writer = vault.create();
        QVERIFY(writer);
        QVERIFY(writer.value()->append(content(50'000)));
    }
    QVERIFY(QDir(directory.path()).entryList(QDir::Files).isEmpty());
}

// P2: orphans, whatever they are (files, hidden files, directories), go at start-up.
void TestDocumentVault::thePurgeDeletesEverythingACrashLeftBehind()
{
    QTemporaryDir directory;
    const QString path = directory.path() + QStringLiteral("/documents");
    DocumentVault vault(path);
    QVERIFY(vault.purgeOrphans());
    // What a crash leaves: a file of an upload, a hidden one, a directory.
    QFile leftover(path + QStringLiteral("/abcdef"));
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.write("half an upload");
    leftover.close();
    QFile hidden(path + QStringLiteral("/.part"));
    QVERIFY(hidden.open(QIODevice::WriteOnly));
    hidden.close();
    QVERIFY(QDir(path).mkpath(QStringLiteral("sub/deeper")));
    const auto purged = DocumentVault(path).purgeOrphans();
    QVERIFY(purged);
    QCOMPARE(*purged, 3);
    QVERIFY(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestDocumentVault)
#include "TestDocumentVault.moc"
