/*
 * Interface bring-up as an Mbed OS 6 program does it: the default instance, a status callback
 * (a lambda), connect, the addresses through SocketAddress and through Mbed 5's text calls, the
 * kind of interface, disconnect.  Prints one line per fact; exits 0 when all held.
 */
#include "mbed.h"

static int status_changes;
static nsapi_connection_status_t last_status = NSAPI_STATUS_DISCONNECTED;

static void on_status(nsapi_event_t event, intptr_t value)
{
    if (event == NSAPI_EVENT_CONNECTION_STATUS_CHANGE) {
        status_changes++;
        last_status = static_cast<nsapi_connection_status_t>(value);
    }
}

int main()
{
    NetworkInterface *net = NetworkInterface::get_default_instance();
    if (!net) {
        printf("no default interface\n");
        return 1;
    }
    printf("ethInterface: %s\n", net->ethInterface() ? "yes" : "no");
    printf("wifiInterface: %s\n", net->wifiInterface() ? "yes" : "no");
    net->attach(&on_status);

    nsapi_error_t err = net->connect();
    printf("connect: %d\n", err);
    if (err != NSAPI_ERROR_OK) {
        return 1;
    }
    SocketAddress ip;
    SocketAddress netmask;
    net->get_ip_address(&ip);
    net->get_netmask(&netmask);
    printf("IP address: %s\n", ip.get_ip_address() ? ip.get_ip_address() : "None");
    printf("Netmask: %s\n", netmask.get_ip_address() ? netmask.get_ip_address() : "None");
    const char *text = net->get_ip_address();
    printf("Mbed 5 IP address: %s\n", text ? text : "None");
    printf("MAC address: %s\n", net->get_mac_address() ? net->get_mac_address() : "None");
    printf("status: %d\n", net->get_connection_status());
    MBED_ASSERT(ip);
    MBED_ASSERT(ip == SocketAddress(text));

    err = net->disconnect();
    printf("disconnect: %d\n", err);
    ThisThread::sleep_for(100);
    printf("status changes seen: %s, last: %d\n", status_changes > 0 ? "some" : "none", last_status);
    net->attach(nullptr);
    printf("Mbed OS %d.%d.%d API\n", MBED_MAJOR_VERSION, MBED_MINOR_VERSION, MBED_PATCH_VERSION);
    return err == NSAPI_ERROR_OK ? 0 : 1;
}
