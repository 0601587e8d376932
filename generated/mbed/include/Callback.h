/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * mbed::Callback: a function, a lambda or an object's member function, called later with the
 * arguments its signature names.  Two words, no heap: a thunk and one word of data.  The thunk takes
 * the data word first, so Callback<void()> is exactly a C callback and its argument (what a socket's
 * sigio keeps, inside the C object).  What fits in the data word:
 *   - a function pointer;
 *   - a functor or lambda at most a pointer in size and trivially copyable ([this], [&flag], []);
 *   - an object and one of its member functions, callback(obj, &T::method): the pair is kept in a
 *     table of NSAPI_MBED_BOUND_MEMBERS places per member-function type (the data word points at
 *     it), found again when the same pair is bound again; binding more distinct pairs than that
 *     fails MBED_ASSERT.
 * A bigger functor does not compile (a static_assert says so).
 */
#ifndef NSAPI_MBED_CALLBACK_H
#define NSAPI_MBED_CALLBACK_H

#include <cstddef>
#include <cstring>
#include <mutex>
#include <type_traits>
#include <utility>

#include "mbed_assert.h"

#ifndef NSAPI_MBED_BOUND_MEMBERS
#define NSAPI_MBED_BOUND_MEMBERS 32
#endif

/** Mbed's names: the callback type and its helpers. */
namespace mbed {

template <typename F>
class Callback;

namespace nsapi_detail {

/* One object and member function, bound. */
template <typename T, typename M>
struct Bound {
    T *obj;
    M method;
};

/* The places for Bound<T, M> pairs: the same pair always gets the same place; nullptr when full. */
template <typename T, typename M>
Bound<T, M> *bind_member(T *obj, M method)
{
    static Bound<T, M> table[NSAPI_MBED_BOUND_MEMBERS];
    static std::mutex lock;
    std::lock_guard<std::mutex> hold(lock);
    Bound<T, M> *free_place = nullptr;
    for (Bound<T, M> &b : table) {
        if (b.obj == obj && b.method == method) {
            return &b;
        }
        if (b.obj == nullptr && free_place == nullptr) {
            free_place = &b;
        }
    }
    if (free_place != nullptr) {
        free_place->obj = obj;
        free_place->method = method;
    }
    return free_place;
}

template <typename M>
struct signature_of;
template <typename R, typename C, typename... A>
struct signature_of<R (C::*)(A...)> { typedef R type(A...); };
template <typename R, typename C, typename... A>
struct signature_of<R (C::*)(A...) const> { typedef R type(A...); };

} // namespace nsapi_detail

/**
 * A function, a lambda or an object's member function, called later: a thunk and one data word, no heap.
 * @tparam R    The result type.
 * @tparam Args The argument types.
 */
template <typename R, typename... Args>
class Callback<R(Args...)> {
public:
    /** The C form: a function taking the data word first. */
    typedef R (*Thunk)(void *data, Args... args);

    /** An empty callback: operator bool is false, calling it is an error. */
    Callback() : _thunk(nullptr), _data(nullptr) {}
    /** An empty callback, from nullptr. */
    Callback(std::nullptr_t) : _thunk(nullptr), _data(nullptr) {}

    /**
     * A function.
     * @param func The function; nullptr gives an empty callback.
     */
    Callback(R (*func)(Args...)) : _thunk(func ? &call_function : nullptr), _data(nullptr)
    {
        static_assert(sizeof func == sizeof _data, "a function pointer fits in a data word");
        std::memcpy(&_data, &func, sizeof func);
    }

    /**
     * A functor or lambda no bigger than a pointer and trivially copyable.
     * @param f The functor, copied.
     */
    template <typename F, typename = typename std::enable_if<
        !std::is_convertible<F, R (*)(Args...)>::value && !std::is_same<typename std::decay<F>::type, Callback>::value>::type>
    Callback(F f) : _thunk(&call_functor<F>), _data(nullptr)
    {
        static_assert(sizeof(F) <= sizeof(void *), "a functor kept by mbed::Callback is at most a pointer in size "
                                                   "(capture one pointer or reference)");
        static_assert(std::is_trivially_copyable<F>::value, "a functor kept by mbed::Callback is trivially copyable");
        std::memcpy(&_data, &f, sizeof f);
    }

    /**
     * An object's member function.
     * @param obj The object.
     * @param method Its member function.
     */
    template <typename T, typename U>
    Callback(U *obj, R (T::*method)(Args...)) : Callback()
    {
        bind(static_cast<T *>(obj), method);
    }

    /**
     * An object's const member function.
     * @param obj The object.
     * @param method Its member function.
     */
    template <typename T, typename U>
    Callback(const U *obj, R (T::*method)(Args...) const) : Callback()
    {
        bind(static_cast<const T *>(obj), method);
    }

    /** @return Whether the callback holds something to call. */
    explicit operator bool() const { return _thunk != nullptr; }

    /**
     * Call it; it must not be empty (MBED_ASSERT).
     * @param args Its arguments.
     * @return Its result.
     */
    R call(Args... args) const
    {
        MBED_ASSERT(_thunk != nullptr);
        return _thunk(_data, std::forward<Args>(args)...);
    }

    /**
     * Call it; it must not be empty (MBED_ASSERT).
     * @param args Its arguments.
     * @return Its result.
     */
    R operator()(Args... args) const { return call(std::forward<Args>(args)...); }

    /**
     * Whether two callbacks call the same thing.
     * @param l One callback.
     * @param r The other.
     * @return true when they do.
     */
    friend bool operator==(const Callback &l, const Callback &r) { return l._thunk == r._thunk && l._data == r._data; }
    /**
     * Whether two callbacks call different things.
     * @param l One callback.
     * @param r The other.
     * @return true when they do.
     */
    friend bool operator!=(const Callback &l, const Callback &r) { return !(l == r); }

    /**
     * A callback that calls thunk(data): a C callback and its argument (nsapi's own).
     * @param thunk The C function.
     * @param data Its argument.
     * @return The callback.
     */
    static Callback nsapi_from(Thunk thunk, void *data)
    {
        Callback c;
        c._thunk = thunk;
        c._data = data;
        return c;
    }

    /** @return The C function that calls this callback with nsapi_data(), for nsapi's C API; nullptr when empty. */
    Thunk nsapi_thunk() const { return _thunk; }
    /** @return The argument to pass nsapi_thunk(). */
    void *nsapi_data() const { return _data; }

private:
    template <typename T, typename M>
    void bind(T *obj, M method)
    {
        nsapi_detail::Bound<T, M> *b = nsapi_detail::bind_member(obj, method);
        MBED_ASSERT(b != nullptr && "more distinct object and member pairs than NSAPI_MBED_BOUND_MEMBERS");
        _thunk = &call_member<T, M>;
        _data = b;
    }

    static R call_function(void *data, Args... args)
    {
        R (*func)(Args...);
        std::memcpy(&func, &data, sizeof func);
        return func(std::forward<Args>(args)...);
    }

    template <typename F>
    static R call_functor(void *data, Args... args)
    {
        typename std::aligned_storage<sizeof(F), alignof(F)>::type place;
        std::memcpy(&place, &data, sizeof(F));
        return (*reinterpret_cast<F *>(&place))(std::forward<Args>(args)...);
    }

    template <typename T, typename M>
    static R call_member(void *data, Args... args)
    {
        nsapi_detail::Bound<T, M> *b = static_cast<nsapi_detail::Bound<T, M> *>(data);
        return (b->obj->*(b->method))(std::forward<Args>(args)...);
    }

    Thunk _thunk;
    void *_data;
};

/**
 * A Callback of a function.
 * @param func The function.
 * @return The callback.
 */
template <typename R, typename... Args>
Callback<R(Args...)> callback(R (*func)(Args...)) { return Callback<R(Args...)>(func); }

/**
 * A copy of a Callback.
 * @param func The callback.
 * @return The copy.
 */
template <typename R, typename... Args>
Callback<R(Args...)> callback(const Callback<R(Args...)> &func) { return func; }

/**
 * A Callback of an object's member function.
 * @param obj The object.
 * @param method Its member function.
 * @return The callback.
 */
template <typename T, typename U, typename R, typename... Args>
Callback<R(Args...)> callback(U *obj, R (T::*method)(Args...)) { return Callback<R(Args...)>(obj, method); }

/**
 * A Callback of an object's const member function.
 * @param obj The object.
 * @param method Its member function.
 * @return The callback.
 */
template <typename T, typename U, typename R, typename... Args>
Callback<R(Args...)> callback(const U *obj, R (T::*method)(Args...) const) { return Callback<R(Args...)>(obj, method); }

/**
 * A Callback of a functor or lambda, its signature that of its operator().
 * @param f The functor, copied.
 * @return The callback.
 */
template <typename F, typename Sig = typename nsapi_detail::signature_of<decltype(&F::operator())>::type>
Callback<Sig> callback(F f) { return Callback<Sig>(f); }

} // namespace mbed

#endif /* NSAPI_MBED_CALLBACK_H */
