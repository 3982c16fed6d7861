#include "NoticeCatalog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace consult {

namespace {

const QList<QPair<wire::NoticeKind, QString>> &kinds()
{
    static const QList<QPair<wire::NoticeKind, QString>> list = {
        {wire::NOTICE_KIND_SECURITY, QStringLiteral("security")},
        {wire::NOTICE_KIND_LEGAL, QStringLiteral("legal")},
        {wire::NOTICE_KIND_PRIVACY, QStringLiteral("privacy")},
    };
    return list;
}

const QStringList &languages()
{
    static const QStringList list = {QStringLiteral("de"), QStringLiteral("en")};
    return list;
}

} // namespace

Result<NoticeCatalog> NoticeCatalog::load(const QString &directory)
{
    const QString base = directory.isEmpty() ? QStringLiteral(":/notices") : directory;
    NoticeCatalog catalog;
    for (const auto &[kind, name] : kinds()) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString &language : languages()) {
            QFile file(QDir(base).filePath(name + u'.' + language + QStringLiteral(".txt")));
            if (!file.open(QIODevice::ReadOnly))
                return Result<NoticeCatalog>::failure(QStringLiteral("missing_notice"),
                                                      QStringLiteral("cannot read %1").arg(file.fileName()));
            const QByteArray bytes = file.readAll();
            // Length-prefixed, so that no text can move from one language to the next without a new version.
            hash.addData(language.toUtf8());
            hash.addData(QByteArray(QByteArray::number(bytes.size()) + ':'));
            hash.addData(bytes);
            const QString content = QString::fromUtf8(bytes).trimmed();
            const qsizetype newline = content.indexOf(u'\n');
            if (newline < 0)
                return Result<NoticeCatalog>::failure(QStringLiteral("bad_notice"),
                                                      QStringLiteral("%1 has no body").arg(file.fileName()));
            catalog.m_texts.insert({kind, language},
                                   Text{content.left(newline).trimmed(), content.mid(newline + 1).trimmed()});
        }
        catalog.m_versions.insert(kind, QString::fromLatin1(hash.result().toHex().left(16)));
    }
    return catalog;
}

QList<wire::Notice> NoticeCatalog::notices(const QString &language) const
{
    const QString lang = languages().contains(language) ? language : QStringLiteral("de");
    QList<wire::Notice> list;
    for (const auto &[kind, name] : kinds()) {
        const Text text = m_texts.value({kind, lang});
        wire::Notice notice;
        notice.set_kind(kind);
        notice.set_version(m_versions.value(kind).toStdString());
        notice.set_title(text.title.toStdString());
        notice.set_text(text.body.toStdString());
        list.append(notice);
    }
    return list;
}

bool NoticeCatalog::acceptsAll(const google::protobuf::RepeatedPtrField<wire::NoticeAcceptance> &acceptances) const
{
    for (const auto &[kind, name] : kinds()) {
        const std::string current = m_versions.value(kind).toStdString();
        // The init-capture names the structured binding explicitly: clang before 16 refuses a lambda
        // that captures a structured binding directly (C++20 allows it, Debian 12 ships clang 14).
        const bool accepted = std::any_of(acceptances.begin(), acceptances.end(),
                                          [&current, &wanted = kind](const wire::NoticeAcceptance &a) {
                                              return a.kind() == wanted && a.version() == current;
                                          });
        if (!accepted)
            return false;
    }
    return true;
}

} // namespace consult
