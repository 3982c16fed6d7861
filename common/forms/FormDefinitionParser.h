#pragma once

#include "core/Result.h"
#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QString>

namespace consult::forms {

// Reads one form definition file of the server's form library (the JSON format documented in
// docs/FORMS.md) into the wire's FormDefinition, and checks every rule of the proto's FormField /
// FormDefinition comments (keys, lengths, types, choices, minimum and maximum, 1..50 fields, at most
// 64 KiB of JSON, nesting bounded). Unknown JSON keys are errors, so a typo in a definition is found
// at start-up, not by a customer. The error names the file's problem in plain words with its place
// ("fields[3].type: unknown type \"iban2\""). Pure: no I/O; `formId` is the file name without
// ".json". Has a fuzz target.
Result<wire::FormDefinition> parseFormDefinition(const QByteArray &json, const QString &formId);

} // namespace consult::forms
