#!/bin/sh
# Certificates for the TLS suites, made fresh in DIR at test time (no key is ever committed):
#   ca.pem              the authority the client trusts (self-signed, CN nsapi-test-ca)
#   other_ca.pem        an authority the client does not trust
#   server.pem/.key     tls.test (subjectAltName DNS:tls.test), signed by ca, valid 2 days
#   expired.pem         the same key and name, expired yesterday
#   untrusted.pem       the same key and name, signed by other_ca
#   client.pem/.key     a client certificate signed by ca
# EC P-256 keys: a few hundred milliseconds in all.
set -eu
cd "$1"
new="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -noenc"
sign() { openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -set_serial "$4" -days "$3" -extfile san.ext -out "$5" 2>/dev/null; }
openssl req -x509 $new -keyout ca.key -out ca.pem -days 2 -subj /CN=nsapi-test-ca 2>/dev/null
openssl req -x509 $new -keyout other_ca.key -out other_ca.pem -days 2 -subj /CN=other-test-ca 2>/dev/null
openssl req $new -keyout server.key -out server.csr -subj /CN=tls.test 2>/dev/null
openssl req $new -keyout client.key -out client.csr -subj /CN=nsapi-client 2>/dev/null
printf 'subjectAltName=DNS:tls.test\n' > san.ext
sign server ca 2 1 server.pem
sign server ca -1 2 expired.pem
sign server other_ca 2 3 untrusted.pem
sign client ca 2 4 client.pem
