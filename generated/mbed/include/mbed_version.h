/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/* The Mbed OS version whose network API these headers give (6.17; the 5.x forms are kept too). */
#ifndef NSAPI_MBED_VERSION_H
#define NSAPI_MBED_VERSION_H

#define MBED_MAJOR_VERSION 6
#define MBED_MINOR_VERSION 17
#define MBED_PATCH_VERSION 0

/** One number from a version's three parts, comparable with MBED_VERSION. */
#define MBED_ENCODE_VERSION(major, minor, patch) ((major) * 10000 + (minor) * 100 + (patch))
#define MBED_VERSION MBED_ENCODE_VERSION(MBED_MAJOR_VERSION, MBED_MINOR_VERSION, MBED_PATCH_VERSION)

#endif /* NSAPI_MBED_VERSION_H */
