/*
 * A TLSSocket with a root CA, as Mbed programs write it: the authority's PEM text, open on the
 * interface, Mbed 5's connect(host, port) (name checked against the certificate), an HTTP GET to
 * the server's status page; then Mbed 6's form (gethostbyname, set_hostname, connect(address)).
 * The PEM is read from the file ROOT_CA names, where a device has it compiled in.
 */
#include "mbed.h"
#include "TLSSocket.h"

#ifndef MBED_CONF_APP_TLS_HOST
#error "build with -DMBED_CONF_APP_TLS_HOST=\"name\""
#endif
#ifndef MBED_CONF_APP_TLS_PORT
#define MBED_CONF_APP_TLS_PORT 4433
#endif

static char root_ca_pem[8192];

static bool get(TLSSocket &tls, const char *form)
{
    const char request[] = "GET / HTTP/1.0\r\n\r\n";
    bool ok = tls.send(request, sizeof request - 1) == (nsapi_size_or_error_t)(sizeof request - 1);
    char buf[64] = {0};
    ok = ok && tls.recv(buf, sizeof buf - 1) > 0;
    printf("%s: %s\n", form, ok && strncmp(buf, "HTTP/1.0 200 ok", 15) == 0 ? "HTTP/1.0 200 ok" : "no answer");
    return ok;
}

int main()
{
    FILE *f = fopen(getenv("ROOT_CA") ? getenv("ROOT_CA") : "", "r");
    size_t len = f ? fread(root_ca_pem, 1, sizeof root_ca_pem - 1, f) : 0;
    if (f) {
        fclose(f);
    }
    NetworkInterface *net = NetworkInterface::get_default_instance();
    if (len == 0 || !net || net->connect() != NSAPI_ERROR_OK) {
        printf("no root CA or no network\n");
        return 1;
    }
    TLSSocket tls;
    bool ok = tls.open(net) == NSAPI_ERROR_OK && tls.set_root_ca_cert(root_ca_pem) == NSAPI_ERROR_OK;
    nsapi_error_t err = tls.connect(MBED_CONF_APP_TLS_HOST, MBED_CONF_APP_TLS_PORT);
    printf("Mbed 5 connect: %d\n", err);
    ok = ok && err == NSAPI_ERROR_OK && get(tls, "Mbed 5 form");
    tls.close();

    TLSSocket tls6;
    SocketAddress address;
    ok = ok && net->gethostbyname(MBED_CONF_APP_TLS_HOST, &address) == NSAPI_ERROR_OK;
    address.set_port(MBED_CONF_APP_TLS_PORT);
    ok = ok && tls6.open(net) == NSAPI_ERROR_OK && tls6.set_root_ca_cert(root_ca_pem) == NSAPI_ERROR_OK
         && tls6.set_hostname(MBED_CONF_APP_TLS_HOST) == NSAPI_ERROR_OK;
    err = tls6.connect(address);
    printf("Mbed 6 connect: %d\n", err);
    ok = ok && err == NSAPI_ERROR_OK && get(tls6, "Mbed 6 form");
    tls6.close();

    TLSSocket wrong_name;  // the certificate names MBED_CONF_APP_TLS_HOST only
    wrong_name.open(net);
    wrong_name.set_root_ca_cert(root_ca_pem);
    wrong_name.set_hostname("not-the-name.test");
    err = wrong_name.connect(address);
    printf("wrong name: %s\n", err == NSAPI_ERROR_AUTH_FAILURE ? "NSAPI_ERROR_AUTH_FAILURE" : "accepted");
    ok = ok && err == NSAPI_ERROR_AUTH_FAILURE;
    wrong_name.close();
    net->disconnect();
    printf("%s\n", ok ? "Done" : "FAILED");
    return ok ? 0 : 1;
}
