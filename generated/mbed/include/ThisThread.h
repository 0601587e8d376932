/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* rtos::ThisThread: sleep_for (milliseconds as a number, Mbed 5, or a chrono duration, Mbed 6), yield and get_id. */
#ifndef NSAPI_MBED_THISTHREAD_H
#define NSAPI_MBED_THISTHREAD_H

#include <chrono>
#include <cstdint>
#include <thread>

namespace rtos {
namespace ThisThread {

/** Sleep for ms milliseconds. */
inline void sleep_for(uint32_t ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

/** Sleep for a duration: 100ms, 1s. */
template <typename Rep, typename Period>
void sleep_for(std::chrono::duration<Rep, Period> rel_time) { std::this_thread::sleep_for(rel_time); }

/** Let other threads run. */
inline void yield() { std::this_thread::yield(); }

/** The calling thread's identity. */
inline std::thread::id get_id() { return std::this_thread::get_id(); }

} // namespace ThisThread
} // namespace rtos

#endif /* NSAPI_MBED_THISTHREAD_H */
