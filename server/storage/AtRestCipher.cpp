#include "storage/AtRestCipher.h"

#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace consult {

static_assert(AtRestCipher::kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(AtRestCipher::kNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(AtRestCipher::kTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);

// The key in guarded, mlock'ed memory; sodium_free() wipes it.
struct AtRestCipher::SecureKey
{
    SecureKey()
        : bytes(static_cast<unsigned char *>(sodium_malloc(kKeyBytes)))
    {}
    ~SecureKey()
    {
        if (bytes)
            sodium_free(bytes);
    }
    SecureKey(const SecureKey &) = delete;
    SecureKey &operator=(const SecureKey &) = delete;

    unsigned char *bytes;
};

namespace {

Problem ioProblem(const QString &what, const QString &path)
{
    return {QStringLiteral("key_file_io"),
            QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno)))};
}

// Closes a POSIX descriptor on scope exit.
class FileDescriptor final
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;

    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }

private:
    int m_fd;
};

bool readExactly(int fd, unsigned char *into, size_t size)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, into + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool writeExactly(int fd, const unsigned char *from, size_t size)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, from + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// Reads an existing key file after checking it the way T6 checks the TLS key. The checks use
// fstat() on the open descriptor, so they apply to the file actually read.
Status loadKey(const QByteArray &path, const QString &displayPath, unsigned char *key)
{
    const FileDescriptor fd(::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd.isValid())
        return ioProblem(QStringLiteral("cannot open the key file"), displayPath);
    struct stat status = {};
    if (::fstat(fd.get(), &status) != 0)
        return ioProblem(QStringLiteral("cannot inspect the key file"), displayPath);
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return Status::failure(QStringLiteral("key_file_permissions"),
                               QStringLiteral("the key file %1 is accessible to group or others (mode %2); "
                                              "it must be 0600")
                                   .arg(displayPath)
                                   .arg(status.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    if (status.st_uid != ::geteuid()) {
        return Status::failure(QStringLiteral("key_file_owner"),
                               QStringLiteral("the key file %1 belongs to another user").arg(displayPath));
    }
    if (!S_ISREG(status.st_mode) || status.st_size != AtRestCipher::kKeyBytes) {
        return Status::failure(QStringLiteral("key_file_size"),
                               QStringLiteral("the key file %1 is not a regular file of exactly %2 bytes")
                                   .arg(displayPath)
                                   .arg(AtRestCipher::kKeyBytes));
    }
    if (!readExactly(fd.get(), key, AtRestCipher::kKeyBytes))
        return ioProblem(QStringLiteral("cannot read the key file"), displayPath);
    return success();
}

// Writes a fresh key to a private temporary file in the same directory and links it into place,
// so the key file either does not exist or is complete, and is never readable by others: the
// descriptor is created with mode 0600 (the umask can only remove bits) before any byte is written.
// link() refuses to replace a file that another process created meanwhile; then that one is used.
enum class Created
{
    Yes,
    AlreadyExists,
};

Result<Created> createKey(const QByteArray &path, const QString &displayPath, unsigned char *key)
{
    randombytes_buf(key, AtRestCipher::kKeyBytes);
    QByteArray temporary = path + ".tmp-";
    temporary += QByteArray::number(randombytes_random(), 16);

    {
        const FileDescriptor fd(
            ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR));
        if (!fd.isValid())
            return ioProblem(QStringLiteral("cannot create a key file next to"), displayPath);
        const bool written = ::fchmod(fd.get(), S_IRUSR | S_IWUSR) == 0 &&
                             writeExactly(fd.get(), key, AtRestCipher::kKeyBytes) && ::fsync(fd.get()) == 0;
        if (!written) {
            const Problem problem = ioProblem(QStringLiteral("cannot write the key file"), displayPath);
            ::unlink(temporary.constData());
            return problem;
        }
    }
    const int linked = ::link(temporary.constData(), path.constData());
    const int linkError = errno;
    ::unlink(temporary.constData());
    if (linked != 0) {
        if (linkError == EEXIST)
            return Created::AlreadyExists;
        errno = linkError;
        return ioProblem(QStringLiteral("cannot install the key file"), displayPath);
    }
    // Make the new directory entry durable too.
    const QByteArray directory = QFile::encodeName(QFileInfo(displayPath).absolutePath());
    const FileDescriptor directoryFd(::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directoryFd.isValid())
        ::fsync(directoryFd.get());
    return Created::Yes;
}

void initialiseSodium()
{
    static const int status = sodium_init();
    if (status < 0)
        qFatal("libsodium failed to initialise");
}

} // namespace

Result<AtRestCipher> AtRestCipher::openOrCreateKeyFile(const QString &path)
{
    initialiseSodium();
    auto key = std::make_unique<SecureKey>();
    if (!key->bytes)
        return Result<AtRestCipher>::failure(QStringLiteral("key_file_io"),
                                             QStringLiteral("cannot allocate secure memory"));

    const QByteArray nativePath = QFile::encodeName(path);
    struct stat existing = {};
    if (::lstat(nativePath.constData(), &existing) != 0) {
        if (errno != ENOENT)
            return ioProblem(QStringLiteral("cannot inspect the key file"), path);
        Result<Created> created = createKey(nativePath, path, key->bytes);
        if (!created)
            return created.problem();
        if (*created == Created::Yes) {
            sodium_mprotect_readonly(key->bytes);
            return AtRestCipher(std::move(key));
        }
        // Another process won the race; fall through and load its key.
    }
    const Status loaded = loadKey(nativePath, path, key->bytes);
    if (!loaded)
        return loaded.problem();
    sodium_mprotect_readonly(key->bytes);
    return AtRestCipher(std::move(key));
}

AtRestCipher::AtRestCipher(std::unique_ptr<SecureKey> key)
    : m_key(std::move(key))
{}

AtRestCipher::AtRestCipher(AtRestCipher &&) noexcept = default;
AtRestCipher &AtRestCipher::operator=(AtRestCipher &&) noexcept = default;
AtRestCipher::~AtRestCipher() = default;

QByteArray AtRestCipher::seal(const QByteArray &plaintext, const QByteArray &associatedData) const
{
    QByteArray sealed(kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(sealed.data());
    unsigned char *ciphertext = nonce + kNonceBytes; // followed by the tag
    randombytes_buf(nonce, kNonceBytes);
    unsigned long long cipherLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        ciphertext, &cipherLength, reinterpret_cast<const unsigned char *>(plaintext.constData()),
        static_cast<unsigned long long>(plaintext.size()),
        reinterpret_cast<const unsigned char *>(associatedData.constData()),
        static_cast<unsigned long long>(associatedData.size()), nullptr, nonce, m_key->bytes);
    return sealed;
}

Result<QByteArray> AtRestCipher::open(const QByteArray &sealed, const QByteArray &associatedData) const
{
    const auto tampered = [] {
        return Result<QByteArray>::failure(QStringLiteral("tampered"),
                                           QStringLiteral("the record was altered or belongs to another context"));
    };
    if (sealed.size() < kNonceBytes + kTagBytes)
        return tampered();
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    QByteArray plaintext(sealed.size() - kNonceBytes - kTagBytes, Qt::Uninitialized);
    unsigned long long plainLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plaintext.data()), &plainLength, nullptr, nonce + kNonceBytes,
            static_cast<unsigned long long>(sealed.size() - kNonceBytes),
            reinterpret_cast<const unsigned char *>(associatedData.constData()),
            static_cast<unsigned long long>(associatedData.size()), nonce, m_key->bytes) != 0) {
        return tampered();
    }
    return plaintext;
}

} // namespace consult
