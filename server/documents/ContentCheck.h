#pragma once

#include "documents/DocumentContent.h"

namespace consult::documents {

// The server's look at a complete upload's content, run on a worker thread: the one check both apps
// and the server share (documents::checkDocumentContent, common/documents, branch docscheck12). Until
// that library is merged this runs the part of it that needs no parser: the type by its magic bytes
// (U1, U2), so a file is never accepted for a type its bytes are not. Thread-safe, no side effects.
ContentVerdict checkUploadedContent(const QByteArray &content, wire::DocumentType declared,
                                    const ContentLimits &limits);

// The Error.field of a refusal ("type" or "content").
const char *refusalField(ContentRefusal refusal);

} // namespace consult::documents
