/* Generated from idl/types.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/*
 * WiFiInterface: declared so that programs asking wifiInterface() compile; a host has none (every
 * wifiInterface() returns nullptr), and a subclass's calls answer NSAPI_ERROR_UNSUPPORTED.
 */
#ifndef NSAPI_MBED_WIFIINTERFACE_H
#define NSAPI_MBED_WIFIINTERFACE_H

#include "NetworkInterface.h"

/** Wi-Fi security, Mbed's values. */
enum nsapi_security {
    NSAPI_SECURITY_NONE = 0x0,
    NSAPI_SECURITY_WEP = 0x1,
    NSAPI_SECURITY_WPA = 0x2,
    NSAPI_SECURITY_WPA2 = 0x3,
    NSAPI_SECURITY_WPA_WPA2 = 0x4,
    NSAPI_SECURITY_PAP = 0x5,
    NSAPI_SECURITY_CHAP = 0x6,
    NSAPI_SECURITY_EAP_TLS = 0x7,
    NSAPI_SECURITY_PEAP = 0x8,
    NSAPI_SECURITY_WPA2_ENT = 0x9,
    NSAPI_SECURITY_WPA3 = 0xA,
    NSAPI_SECURITY_WPA3_WPA2 = 0xB,
    NSAPI_SECURITY_UNKNOWN = 0xFF,
};
typedef enum nsapi_security nsapi_security_t;

/** Mbed's Wi-Fi interface: a host has none, so every call fails. */
class WiFiInterface : public NetworkInterface {
public:
    /**
     * Unsupported.
     * @param ssid Ignored.
     * @param pass Ignored.
     * @param security Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    virtual nsapi_error_t set_credentials(const char *ssid, const char *pass, nsapi_security_t security = NSAPI_SECURITY_NONE)
    {
        (void)ssid, (void)pass, (void)security;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /**
     * Unsupported.
     * @param channel Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    virtual nsapi_error_t set_channel(uint8_t channel)
    {
        (void)channel;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /**
     * No signal here.
     * @return 0.
     */
    virtual int8_t get_rssi() { return 0; }
    using NetworkInterface::connect;
    /**
     * Unsupported.
     * @param ssid Ignored.
     * @param pass Ignored.
     * @param security Ignored.
     * @param channel Ignored.
     * @return NSAPI_ERROR_UNSUPPORTED.
     */
    virtual nsapi_error_t connect(const char *ssid, const char *pass, nsapi_security_t security = NSAPI_SECURITY_NONE,
                                  uint8_t channel = 0)
    {
        (void)ssid, (void)pass, (void)security, (void)channel;
        return NSAPI_ERROR_UNSUPPORTED;
    }
    /**
     * This interface as a Wi-Fi one.
     * @return this.
     */
    WiFiInterface *wifiInterface() override { return this; }
    /**
     * A host has no Wi-Fi interface.
     * @return nullptr.
     */
    static WiFiInterface *get_default_instance() { return nullptr; }
};

#endif /* NSAPI_MBED_WIFIINTERFACE_H */
