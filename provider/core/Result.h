// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/OAuthError.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace lanyard {

/// A value or an error, never both: the return type of everything in
/// provider/ that can fail. Errors are values; nothing in provider/ throws.
/// Accessing value() on an error (or error() on a value) is a programming
/// error and asserts in debug builds.
template<typename T, typename E = OAuthError> class [[nodiscard]] Result
{
    static_assert(!std::is_same_v<T, E>, "Result<T, E> needs distinct types");

public:
    Result(const T &value) : m_state(std::in_place_index<0>, value) {}
    Result(T &&value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(const E &error) : m_state(std::in_place_index<1>, error) {}
    Result(E &&error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    const T &value() const & { return *std::get_if<0>(&m_state); }
    T &value() & { return *std::get_if<0>(&m_state); }
    /// By value, so `for (auto &x : f().value())` cannot dangle.
    T value() && { return std::move(*std::get_if<0>(&m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    /// The error; a default-constructed one when the result holds a value,
    /// so diagnostics such as QVERIFY2(r.ok(), ...r.error()...) stay safe.
    const E &error() const &
    {
        static const E none{};
        const E *e = std::get_if<1>(&m_state);
        return e ? *e : none;
    }
    E error() &&
    {
        E *e = std::get_if<1>(&m_state);
        return e ? std::move(*e) : E{};
    }

    T valueOr(T fallback) const & { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, E> m_state;
};

/// Result of an operation that yields nothing but may fail.
template<typename E> class [[nodiscard]] Result<void, E>
{
public:
    Result() = default;
    Result(const E &error) : m_error(error), m_failed(true) {}
    Result(E &&error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    const E &error() const & { return m_error; }
    E &&error() && { return std::move(m_error); }

private:
    E m_error{};
    bool m_failed = false;
};

} // namespace lanyard
