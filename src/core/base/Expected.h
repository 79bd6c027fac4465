#pragma once

// Errors as values. libstdc++ 12 only enables std::expected for compilers with C++20 concepts
// (g++ 12 yes, clang 14 no), so clang builds (fuzzers, clang-tidy) get this small equivalent.
#if __has_include(<expected>)
#include <expected>
#endif

#if defined(__cpp_lib_expected)
namespace cockpit {
template<class T, class E> using Expected = std::expected<T, E>;
using std::unexpected;
} // namespace cockpit
#else
#include <utility>
#include <variant>

namespace cockpit {

template<class E> class unexpected
{
public:
    explicit unexpected(E e)
        : m_error(std::move(e))
    {
    }
    const E &error() const & { return m_error; }
    E &error() & { return m_error; }
    E &&error() && { return std::move(m_error); }

private:
    E m_error;
};
template<class E> unexpected(E) -> unexpected<E>;

template<class T, class E> class Expected
{
public:
    using value_type = T;
    using error_type = E;
    Expected() requires std::is_default_constructible_v<T> : m_v(std::in_place_index<0>) { }
    // The requires-clause excludes Expected itself, so copy/move are not hidden (clang-tidy 14 only
    // understands enable_if there).
    template<class U = T>
    requires std::is_constructible_v<T, U &&> &&(!std::is_same_v<std::remove_cvref_t<U>, Expected>)
        // NOLINTNEXTLINE(bugprone-forwarding-reference-overload)
        Expected(U &&v)
        : m_v(std::in_place_index<0>, std::forward<U>(v))
    {
    }
    template<class G>
    Expected(const unexpected<G> &u)
        : m_v(std::in_place_index<1>, u.error())
    {
    }
    template<class G>
    Expected(unexpected<G> &&u)
        : m_v(std::in_place_index<1>, std::move(u).error())
    {
    }

    bool has_value() const { return m_v.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    E &error() & { return std::get<1>(m_v); }
    const E &error() const & { return std::get<1>(m_v); }
    E &&error() && { return std::get<1>(std::move(m_v)); }
    template<class U> T value_or(U &&d) const & { return has_value() ? value() : T(std::forward<U>(d)); }

private:
    std::variant<T, E> m_v;
};

template<class E> class Expected<void, E>
{
public:
    Expected() = default;
    template<class G>
    Expected(const unexpected<G> &u)
        : m_error(u.error())
        , m_failed(true)
    {
    }
    template<class G>
    Expected(unexpected<G> &&u)
        : m_error(std::move(u).error())
        , m_failed(true)
    {
    }
    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return !m_failed; }
    void value() const { }
    const E &error() const & { return m_error; }
    E &error() & { return m_error; }

private:
    E m_error {};
    bool m_failed = false;
};

} // namespace cockpit
#endif
