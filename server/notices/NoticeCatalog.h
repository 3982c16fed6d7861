#pragma once

#include "core/Result.h"
#include "protocol/consult.pb.h"

#include <QList>
#include <QMap>
#include <QString>

namespace consult {

// The security, legal and privacy notices a customer must accept before anything else (S4), in
// German and English. Each notice's version is a hash of all its language variants, so any change
// of wording is a new version and older acceptances stop counting.
class NoticeCatalog
{
public:
    // Reads <kind>.<language>.txt (kind: security, legal, privacy; language: de, en) from `directory`,
    // or from the notices built into the server when `directory` is empty. First line: the title.
    static Result<NoticeCatalog> load(const QString &directory = {});

    // The notices in `language` ("de" or "en"), in the order security, legal, privacy.
    QList<wire::Notice> notices(const QString &language) const;
    QString version(wire::NoticeKind kind) const { return m_versions.value(kind); }

    // S4: true only if every notice is accepted in its current version.
    bool acceptsAll(const google::protobuf::RepeatedPtrField<wire::NoticeAcceptance> &acceptances) const;

private:
    struct Text
    {
        QString title;
        QString body;
    };
    QMap<int, QString> m_versions;           // kind -> version
    QMap<QPair<int, QString>, Text> m_texts; // (kind, language) -> text
};

} // namespace consult
