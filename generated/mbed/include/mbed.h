/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * mbed.h for socket programs on a host: the network API (nsapi.h), printf and the C library a
 * program leans on, rtos::ThisThread::sleep_for, MBED_ASSERT, wait_us, mbed::Callback and the
 * version macros.  Nothing else of Mbed OS (no DigitalOut, no EventQueue).  As Mbed's, it brings
 * namespaces mbed, rtos and std into the global one unless MBED_NO_GLOBAL_USING_DIRECTIVE is defined.
 * MBED_CONF_APP_* values are the program's own -D flags.
 */
#ifndef NSAPI_MBED_MBED_H
#define NSAPI_MBED_MBED_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <chrono>

#include "mbed_version.h"
#include "mbed_assert.h"
#include "mbed_wait_api.h"
#include "ThisThread.h"
#include "Callback.h"
#include "nsapi.h"

#ifndef MBED_NO_GLOBAL_USING_DIRECTIVE
using namespace mbed;
using namespace rtos;
using namespace std;
#endif

#endif /* NSAPI_MBED_MBED_H */
