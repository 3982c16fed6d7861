#pragma once

#include "core/Result.h"
#include "protocol/consult.pb.h"

#include <QString>

#include <vector>

namespace consult {

// The server's form library (seed 002): every "*.json" of the [forms] directory, read and checked
// once at start-up with forms::parseFormDefinition (docs/FORMS.md). A bad definition stops the
// start with its file and the parser's words; an empty or missing directory is no forms. Immutable
// afterwards; owned by the FormService.
class FormLibrary
{
public:
    // At most this many definitions (FormLibrary's wire limit).
    static constexpr int kMaxForms = 100;

    FormLibrary() = default;
    // `directory` empty or missing: an empty library.
    static Result<FormLibrary> load(const QString &directory);

    // The definition with this form id, or null.
    const wire::FormDefinition *find(const std::string &formId) const;
    // What an advisor is sent: every form's id, title and description, ordered by title.
    wire::FormLibrary summary() const;
    int size() const { return static_cast<int>(m_forms.size()); }

private:
    std::vector<wire::FormDefinition> m_forms; // ordered by title
};

} // namespace consult
