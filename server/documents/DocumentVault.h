#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <array>
#include <memory>
#include <optional>

namespace consult::documents {

// The key of one vault file: 32 random bytes for XChaCha20-Poly1305, held only in RAM and wiped
// (sodium_memzero) when the last holder lets go (P2: destroying it makes any residue unreadable).
class VaultKey
{
public:
    VaultKey();
    ~VaultKey();
    VaultKey(const VaultKey &) = delete;
    VaultKey &operator=(const VaultKey &) = delete;

    const unsigned char *bytes() const { return m_key.data(); }
    // A random prefix of the file's nonces; each block's nonce ends with its index.
    const unsigned char *noncePrefix() const { return m_noncePrefix.data(); }

private:
    std::array<unsigned char, 32> m_key{};
    std::array<unsigned char, 16> m_noncePrefix{};
};

// One document's encrypted file in the vault (P2): the plain content cut into blocks of kBlockBytes,
// each sealed on its own with XChaCha20-Poly1305 under the file's key, the block's index in the
// nonce, so a download reads and opens any block without the rest (and a block moved or swapped
// does not open). Immutable once complete; shared by the DocumentService's document, a running
// content check on a worker thread and the downloads. remove() deletes the file at once; the key is
// wiped when the last holder drops its reference.
class VaultFile
{
public:
    static constexpr qint64 kBlockBytes = 32 * 1024;
    static constexpr qint64 kSealBytes = 16; // the Poly1305 tag of each block

    VaultFile(QString path, std::shared_ptr<const VaultKey> key);
    ~VaultFile();

    const QString &path() const { return m_path; }
    const VaultKey &key() const { return *m_key; }
    // Plain bytes in the file once complete.
    qint64 size() const { return m_size; }
    void setSize(qint64 size) { m_size = size; }
    qint64 blockCount() const { return (m_size + kBlockBytes - 1) / kBlockBytes; }
    // Deletes the file (idempotent).
    void remove();

private:
    QString m_path;
    std::shared_ptr<const VaultKey> m_key;
    qint64 m_size = 0;
};

// Writes a document into its vault file as its chunks arrive: never more than one block in RAM
// (I1: the vault writes through). A failed write (disk full, R3) is reported; the caller removes the
// file. Owned by the upload it belongs to.
class VaultWriter
{
public:
    VaultWriter(std::shared_ptr<VaultFile> file, std::unique_ptr<QFile> output);
    ~VaultWriter();

    // Appends plain bytes; false when the disk refused them.
    bool append(QByteArrayView bytes);
    // Seals and writes what is left, closes the file; false when the disk refused it.
    bool finish();
    qint64 written() const { return m_written; }
    const std::shared_ptr<VaultFile> &file() const { return m_file; }

private:
    bool writeBlock();

    std::shared_ptr<VaultFile> m_file;
    std::unique_ptr<QFile> m_output;
    QByteArray m_block; // the block being filled, at most kBlockBytes
    qint64 m_blockIndex = 0;
    qint64 m_written = 0;
};

// Reads blocks of a complete vault file and opens them. One per reader (a download, a content
// check); not shared between threads.
class VaultReader
{
public:
    explicit VaultReader(std::shared_ptr<VaultFile> file);

    // The plain bytes of block `index`, or nothing when the file is gone or does not open.
    std::optional<QByteArray> readBlock(qint64 index);
    // The whole content (for the content check, which needs it in one piece).
    std::optional<QByteArray> readAll();

private:
    std::shared_ptr<VaultFile> m_file;
    QFile m_input;
};

// The directory of the vault files ([documents] directory). Owned by the DocumentService.
class DocumentVault
{
public:
    explicit DocumentVault(QString directory);

    // Creates the directory (mode 0700) and deletes everything in it: what a crashed server left
    // (P2's orphans). Called before the listener opens.
    Result<int> purgeOrphans() const;
    // A new, empty vault file named by 128 random bits (S1), mode 0600, with a new key.
    Result<std::unique_ptr<VaultWriter>> create() const;
    const QString &directory() const { return m_directory; }

private:
    QString m_directory;
};

} // namespace consult::documents
