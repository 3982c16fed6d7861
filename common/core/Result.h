#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace consult {

// Why something was refused: a stable code for programs and a sentence for people.
struct Problem
{
    QString code;    // e.g. "too_long", "forbidden_character"; stable, not translated
    QString message; // English, for logs and developers; apps show their own translated text per code
};

// A value or the problem that prevented it (std::expected arrives only in C++23).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Problem problem)
        : m_state(std::move(problem))
    {}

    static Result failure(QString code, QString message)
    {
        return Result(Problem{std::move(code), std::move(message)});
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Problem &problem() const { return std::get<Problem>(m_state); }

private:
    std::variant<T, Problem> m_state;
};

// For operations that produce nothing but can fail.
struct Done
{};
using Status = Result<Done>;
inline Status success()
{
    return Status(Done{});
}

} // namespace consult
