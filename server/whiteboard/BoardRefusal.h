#pragma once

#include "protocol/consult.pb.h"

#include <QString>

#include <variant>

namespace consult::whiteboard {

// Why the server refused a board message: the Error's code and field as consult.proto's Whiteboard
// section names them, and a sentence for logs that never quotes content (P1).
struct BoardRefusal
{
    wire::ErrorCode code = wire::ERROR_INVALID_INPUT;
    QString field;
    QString message;

    static BoardRefusal invalid(const char *field, const char *message)
    {
        return {wire::ERROR_INVALID_INPUT, QString::fromLatin1(field), QString::fromLatin1(message)};
    }
    static BoardRefusal limit(const char *field, const char *message)
    {
        return {wire::ERROR_LIMIT_REACHED, QString::fromLatin1(field), QString::fromLatin1(message)};
    }
    static BoardRefusal notAllowed(const char *message)
    {
        return {wire::ERROR_NOT_ALLOWED, {}, QString::fromLatin1(message)};
    }
    static BoardRefusal notFound(const char *message)
    {
        return {wire::ERROR_NOT_FOUND, {}, QString::fromLatin1(message)};
    }
};

// A checked value, or why it was refused.
template <typename T>
using BoardOutcome = std::variant<T, BoardRefusal>;

} // namespace consult::whiteboard
