#include "DocumentVault.h"

#include "core/SecureRandom.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace consult::documents {

namespace {

std::array<unsigned char, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonceFor(const VaultKey &key, qint64 index)
{
    static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24);
    std::array<unsigned char, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
    std::copy_n(key.noncePrefix(), 16, nonce.begin());
    auto value = static_cast<quint64>(index);
    for (int i = 0; i < 8; ++i, value >>= 8)
        nonce[16 + i] = static_cast<unsigned char>(value & 0xff);
    return nonce;
}

} // namespace

VaultKey::VaultKey()
{
    if (sodium_init() < 0)
        qFatal("libsodium cannot be initialised");
    crypto_aead_xchacha20poly1305_ietf_keygen(m_key.data());
    randombytes_buf(m_noncePrefix.data(), m_noncePrefix.size());
}

VaultKey::~VaultKey()
{
    sodium_memzero(m_key.data(), m_key.size()); // P2: crypto-shredding
}

VaultFile::VaultFile(QString path, std::shared_ptr<const VaultKey> key)
    : m_path(std::move(path))
    , m_key(std::move(key))
{}

VaultFile::~VaultFile()
{
    remove();
}

void VaultFile::remove()
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

VaultWriter::VaultWriter(std::shared_ptr<VaultFile> file, std::unique_ptr<QFile> output)
    : m_file(std::move(file))
    , m_output(std::move(output))
{
    m_block.reserve(VaultFile::kBlockBytes);
}

VaultWriter::~VaultWriter() = default;

bool VaultWriter::append(QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        const qsizetype take = qMin<qsizetype>(VaultFile::kBlockBytes - m_block.size(), bytes.size());
        m_block.append(bytes.first(take));
        bytes = bytes.sliced(take);
        m_written += take;
        if (m_block.size() == VaultFile::kBlockBytes && !writeBlock())
            return false;
    }
    return true;
}

bool VaultWriter::finish()
{
    const bool written = m_block.isEmpty() || writeBlock();
    const bool flushed = m_output->flush();
    m_output->close();
    m_file->setSize(m_written);
    return written && flushed && m_output->error() == QFileDevice::NoError;
}

bool VaultWriter::writeBlock()
{
    const auto nonce = nonceFor(m_file->key(), m_blockIndex);
    QByteArray sealed(m_block.size() + VaultFile::kSealBytes, Qt::Uninitialized);
    unsigned long long sealedBytes = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(sealed.data()), &sealedBytes,
                                               reinterpret_cast<const unsigned char *>(m_block.constData()),
                                               static_cast<unsigned long long>(m_block.size()), nullptr, 0, nullptr,
                                               nonce.data(), m_file->key().bytes());
    // The plain block is overwritten before its buffer is reused (P2: no plain copy lingers).
    sodium_memzero(m_block.data(), static_cast<std::size_t>(m_block.size()));
    m_block.clear();
    ++m_blockIndex;
    return m_output->write(sealed) == sealed.size();
}

VaultReader::VaultReader(std::shared_ptr<VaultFile> file)
    : m_file(std::move(file))
    , m_input(m_file->path())
{}

std::optional<QByteArray> VaultReader::readBlock(qint64 index)
{
    if (index < 0 || index >= m_file->blockCount())
        return std::nullopt;
    if (!m_input.isOpen() && !m_input.open(QIODevice::ReadOnly))
        return std::nullopt;
    const qint64 plain = qMin(VaultFile::kBlockBytes, m_file->size() - index * VaultFile::kBlockBytes);
    if (!m_input.seek(index * (VaultFile::kBlockBytes + VaultFile::kSealBytes)))
        return std::nullopt;
    const QByteArray sealed = m_input.read(plain + VaultFile::kSealBytes);
    if (sealed.size() != plain + VaultFile::kSealBytes)
        return std::nullopt;
    QByteArray opened(plain, Qt::Uninitialized);
    unsigned long long openedBytes = 0;
    const auto nonce = nonceFor(m_file->key(), index);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(opened.data()), &openedBytes,
                                                   nullptr, reinterpret_cast<const unsigned char *>(sealed.constData()),
                                                   static_cast<unsigned long long>(sealed.size()), nullptr, 0,
                                                   nonce.data(), m_file->key().bytes()) != 0)
        return std::nullopt;
    return opened;
}

std::optional<QByteArray> VaultReader::readAll()
{
    QByteArray content;
    content.reserve(m_file->size());
    for (qint64 index = 0; index < m_file->blockCount(); ++index) {
        auto block = readBlock(index);
        if (!block)
            return std::nullopt;
        content.append(*block);
    }
    return content;
}

DocumentVault::DocumentVault(QString directory)
    : m_directory(std::move(directory))
{}

Result<int> DocumentVault::purgeOrphans() const
{
    if (!QDir().mkpath(m_directory))
        return Result<int>::failure(QStringLiteral("documents_directory"),
                                    QStringLiteral("cannot create %1").arg(m_directory));
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // P2: nothing in here belongs to a running consultation yet; whatever is, a crash left behind.
    int removed = 0;
    QDirIterator entries(m_directory, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    while (entries.hasNext()) {
        const QFileInfo entry(entries.next());
        const bool gone = entry.isDir() && !entry.isSymLink() ? QDir(entry.filePath()).removeRecursively()
                                                              : QFile::remove(entry.filePath());
        if (!gone)
            return Result<int>::failure(QStringLiteral("documents_orphan"),
                                        QStringLiteral("cannot delete %1").arg(entry.filePath()));
        ++removed;
    }
    return removed;
}

Result<std::unique_ptr<VaultWriter>> DocumentVault::create() const
{
    using Outcome = Result<std::unique_ptr<VaultWriter>>;
    // S1: the name says nothing and cannot be guessed; O_EXCL with mode 0600 from the first moment.
    const QString path = QDir(m_directory).absoluteFilePath(SecureRandom::identifier());
    const int descriptor = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return Outcome::failure(QStringLiteral("storage"), QStringLiteral("cannot create a vault file"));
    auto output = std::make_unique<QFile>();
    if (!output->open(descriptor, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
        ::close(descriptor);
        QFile::remove(path);
        return Outcome::failure(QStringLiteral("storage"), QStringLiteral("cannot open a vault file"));
    }
    auto file = std::make_shared<VaultFile>(path, std::make_shared<const VaultKey>());
    return std::make_unique<VaultWriter>(std::move(file), std::move(output));
}

} // namespace consult::documents
