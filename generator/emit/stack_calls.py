"""src/stack_api_calls.h: how the runtime calls a backend's operations, NSAPI_ERROR_UNSUPPORTED where it has none."""

from .jinja import Output


def outputs(model):
    sources = sorted(f.source for f in model.files if f.vtables)
    return [Output("src/stack_api_calls.h", "stack_api_calls.h.j2", sources)]
