/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* wait_us: Mbed's busy wait, here a sleep of the calling thread (a host has no cycle budget to keep). */
#ifndef NSAPI_MBED_WAIT_API_H
#define NSAPI_MBED_WAIT_API_H

#include <chrono>
#include <thread>

/** Wait us microseconds (nothing for us <= 0). */
inline void wait_us(int us)
{
    if (us > 0) {
        std::this_thread::sleep_for(std::chrono::microseconds(us));
    }
}

#endif /* NSAPI_MBED_WAIT_API_H */
