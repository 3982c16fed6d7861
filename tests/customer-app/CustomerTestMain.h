#pragma once

// The main() of the customer app's UI tests: a QApplication in the app's style, with HOME, the
// temporary directory and the XDG directories moved into a fresh directory of their own, so that a
// test can prove the app left nothing behind there (C4) and never touches the real home.
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace consult::testing {

inline void isolateHome(const QString &root)
{
    const QDir base(root);
    for (const char *name : {"home", "tmp", "config", "cache", "data", "runtime"})
        base.mkpath(QString::fromLatin1(name));
    QFile::setPermissions(base.filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("HOME", base.filePath(QStringLiteral("home")).toUtf8());
    qputenv("TMPDIR", base.filePath(QStringLiteral("tmp")).toUtf8());
    qputenv("XDG_CONFIG_HOME", base.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_CACHE_HOME", base.filePath(QStringLiteral("cache")).toUtf8());
    qputenv("XDG_DATA_HOME", base.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_RUNTIME_DIR", base.filePath(QStringLiteral("runtime")).toUtf8());
}

// Every file under `roots` that contains `needle`, except `allowed` (the file the user saved).
inline QStringList filesContaining(const QByteArray &needle, const QStringList &roots, const QString &allowed = {})
{
    QStringList hits;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path == allowed || it.fileInfo().size() > 64 * 1024 * 1024)
                continue;
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                hits.append(path);
        }
    }
    return hits;
}

// The text of a PDF as pdftotext (poppler-utils) extracts it; empty if that fails.
inline QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(20000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace consult::testing

#define CUSTOMER_TEST_MAIN(TestObject)                                                                                 \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QTemporaryDir isolated;                                                                                        \
        consult::testing::isolateHome(isolated.path());                                                                \
        QApplication app(argc, argv);                                                                                  \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                                       \
        QApplication::setStyle(QStringLiteral("Fusion"));                                                              \
        TestObject test;                                                                                               \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
