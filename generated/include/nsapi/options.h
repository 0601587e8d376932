/* Generated from idl/options.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file nsapi/options.h
 *
 * The runtime's build options. Each is a default that a build overrides with
 * -DNAME=value, or in a header of its own named by NSAPI_OPTIONS_FILE (for
 * example -DNSAPI_OPTIONS_FILE='"my_nsapi_options.h"'), which this header
 * includes first. Every file of a program, the runtime's and the application's,
 * must be built with the same values.
 */
#ifndef NSAPI_OPTIONS_H
#define NSAPI_OPTIONS_H

/* A build's own values come first, from the header NSAPI_OPTIONS_FILE names. */
#ifdef NSAPI_OPTIONS_FILE
#include NSAPI_OPTIONS_FILE
#endif

/** 1 builds the runtime's DNS resolver; 0 leaves it and its stack state out. */
#ifndef NSAPI_CONFIG_DNS
#define NSAPI_CONFIG_DNS 1
#endif
#if NSAPI_CONFIG_DNS < 0 || NSAPI_CONFIG_DNS > 1
#error "NSAPI_CONFIG_DNS must be 0 or 1"
#endif

/**
 * 1 keeps every error code's meaning for nsapi_strerror(); 0 leaves the texts
 * out and it gives the code's name.
 */
#ifndef NSAPI_CONFIG_ERROR_TEXT
#define NSAPI_CONFIG_ERROR_TEXT 1
#endif
#if NSAPI_CONFIG_ERROR_TEXT < 0 || NSAPI_CONFIG_ERROR_TEXT > 1
#error "NSAPI_CONFIG_ERROR_TEXT must be 0 or 1"
#endif

/** Sockets open at once per stack, until nsapi_stack_set_socket_limit(). */
#ifndef NSAPI_SOCKET_LIMIT
#define NSAPI_SOCKET_LIMIT 16
#endif
#if NSAPI_SOCKET_LIMIT < 1 || NSAPI_SOCKET_LIMIT > 65535
#error "NSAPI_SOCKET_LIMIT must be from 1 to 65535"
#endif

/** DNS servers the runtime's resolver keeps per stack. */
#ifndef NSAPI_DNS_SERVERS
#define NSAPI_DNS_SERVERS 5
#endif
#if NSAPI_DNS_SERVERS < 1
#error "NSAPI_DNS_SERVERS must be at least 1"
#endif

/** Answers the runtime's resolver keeps per stack, each for its TTL. */
#ifndef NSAPI_DNS_CACHE_SIZE
#define NSAPI_DNS_CACHE_SIZE 3
#endif
#if NSAPI_DNS_CACHE_SIZE < 1
#error "NSAPI_DNS_CACHE_SIZE must be at least 1"
#endif

/** Asynchronous lookups in flight at once on one stack. */
#ifndef NSAPI_DNS_QUERIES
#define NSAPI_DNS_QUERIES 5
#endif
#if NSAPI_DNS_QUERIES < 1
#error "NSAPI_DNS_QUERIES must be at least 1"
#endif

/**
 * Times the runtime's resolver asks each server (the same query) before it asks
 * the next.
 */
#ifndef NSAPI_DNS_TRIES
#define NSAPI_DNS_TRIES 4
#endif
#if NSAPI_DNS_TRIES < 1 || NSAPI_DNS_TRIES > 16
#error "NSAPI_DNS_TRIES must be from 1 to 16"
#endif

/**
 * Milliseconds the runtime's resolver waits after its first query to a server;
 * each try after it waits twice as long.
 */
#ifndef NSAPI_DNS_TRY_MS
#define NSAPI_DNS_TRY_MS 200
#endif
#if NSAPI_DNS_TRY_MS < 1
#error "NSAPI_DNS_TRY_MS must be at least 1"
#endif

/** How often, in ms, an asynchronous lookup checks whether it was cancelled. */
#ifndef NSAPI_DNS_CANCEL_CHECK_MS
#define NSAPI_DNS_CANCEL_CHECK_MS 100
#endif
#if NSAPI_DNS_CANCEL_CHECK_MS < 1
#error "NSAPI_DNS_CANCEL_CHECK_MS must be at least 1"
#endif

/** CNAME records the runtime's resolver follows from the name asked for. */
#ifndef NSAPI_DNS_CNAME_CHAIN_MAX
#define NSAPI_DNS_CNAME_CHAIN_MAX 8
#endif
#if NSAPI_DNS_CNAME_CHAIN_MAX < 0
#error "NSAPI_DNS_CNAME_CHAIN_MAX must be at least 0"
#endif

/** Event callbacks per interface, nsapi_interface_attach()'s included. */
#ifndef NSAPI_INTERFACE_LISTENERS
#define NSAPI_INTERFACE_LISTENERS 4
#endif
#if NSAPI_INTERFACE_LISTENERS < 1 || NSAPI_INTERFACE_LISTENERS > 255
#error "NSAPI_INTERFACE_LISTENERS must be from 1 to 255"
#endif

/**
 * Status changes an interface holds while its callbacks run; beyond it the
 * oldest not yet told are merged.
 */
#ifndef NSAPI_INTERFACE_EVENT_QUEUE
#define NSAPI_INTERFACE_EVENT_QUEUE 8
#endif
#if NSAPI_INTERFACE_EVENT_QUEUE < 2 || NSAPI_INTERFACE_EVENT_QUEUE > 255
#error "NSAPI_INTERFACE_EVENT_QUEUE must be from 2 to 255"
#endif

/**
 * Milliseconds a blocking nsapi_interface_connect() waits, until
 * nsapi_interface_set_timeout() (Mbed's DHCP timeout).
 */
#ifndef NSAPI_INTERFACE_CONNECT_TIMEOUT_MS
#define NSAPI_INTERFACE_CONNECT_TIMEOUT_MS 60000
#endif
#if NSAPI_INTERFACE_CONNECT_TIMEOUT_MS < 1
#error "NSAPI_INTERFACE_CONNECT_TIMEOUT_MS must be at least 1"
#endif

#endif /* NSAPI_OPTIONS_H */
