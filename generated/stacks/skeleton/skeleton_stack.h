/* Generated from idl/stack_api.yaml by the nsapi generator (python3 -m generator). Do not edit: change the IDL and run scons. */
/**
 * @file skeleton_stack.h
 *
 * The skeleton stack backend: every operation present, none implemented yet.
 */
#ifndef NSAPI_SKELETON_STACK_H
#define NSAPI_SKELETON_STACK_H

#include "nsapi/nsapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The skeleton backend's operations. */
extern const nsapi_stack_api_t nsapi_skeleton_stack_api;

/**
 * Make stack a skeleton stack.
 *
 * @param stack The stack object to initialise.
 * @retval NSAPI_ERROR_OK        the stack is ready.
 * @retval NSAPI_ERROR_PARAMETER stack is NULL.
 */
nsapi_error_t nsapi_skeleton_stack_init(nsapi_stack_t *stack);

#ifdef __cplusplus
}
#endif

#endif /* NSAPI_SKELETON_STACK_H */
