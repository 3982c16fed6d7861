#include "FormLibrary.h"

#include "forms/FormDefinitionParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace consult {
namespace {

// A little above the parser's 64 KiB, so that the parser, not the read, names a too large file.
constexpr qint64 kMaxReadBytes = 64 * 1024 + 1;

} // namespace

Result<FormLibrary> FormLibrary::load(const QString &directory)
{
    FormLibrary library;
    if (directory.isEmpty() || !QFileInfo(directory).exists())
        return library;
    if (!QFileInfo(directory).isDir())
        return Result<FormLibrary>::failure(QStringLiteral("forms"),
                                            QStringLiteral("forms/directory %1 is not a directory").arg(directory));
    const QFileInfoList files = QDir(directory).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.size() > kMaxForms)
        return Result<FormLibrary>::failure(QStringLiteral("forms"),
                                            QStringLiteral("%1 holds %2 form definitions, at most %3 are allowed")
                                                .arg(directory)
                                                .arg(files.size())
                                                .arg(kMaxForms));
    for (const QFileInfo &info : files) {
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            return Result<FormLibrary>::failure(
                QStringLiteral("forms"), QStringLiteral("cannot read the form definition %1").arg(file.fileName()));
        const QByteArray json = file.read(kMaxReadBytes);
        auto definition = forms::parseFormDefinition(json, info.completeBaseName());
        if (!definition)
            return Result<FormLibrary>::failure(QStringLiteral("forms"),
                                                QStringLiteral("the form definition %1 is not valid: %2")
                                                    .arg(info.absoluteFilePath(), definition.problem().message));
        library.m_forms.push_back(std::move(definition).value());
    }
    std::stable_sort(library.m_forms.begin(), library.m_forms.end(),
                     [](const wire::FormDefinition &a, const wire::FormDefinition &b) {
                         return QString::fromStdString(a.title()).localeAwareCompare(
                                    QString::fromStdString(b.title())) < 0;
                     });
    return library;
}

const wire::FormDefinition *FormLibrary::find(const std::string &formId) const
{
    const auto it = std::find_if(m_forms.begin(), m_forms.end(),
                                 [&](const wire::FormDefinition &form) { return form.form_id() == formId; });
    return it == m_forms.end() ? nullptr : &*it;
}

wire::FormLibrary FormLibrary::summary() const
{
    wire::FormLibrary library;
    for (const wire::FormDefinition &form : m_forms) {
        wire::FormSummary *entry = library.add_forms();
        entry->set_form_id(form.form_id());
        entry->set_title(form.title());
        entry->set_description(form.description());
    }
    return library;
}

} // namespace consult
