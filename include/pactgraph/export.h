// pactgraph/export.h — which declarations libpactgraph.so exports.
//
// The project is compiled with -fvisibility=hidden: a symbol is visible from the shared library
// only when its declaration carries PACTGRAPH_EXPORT. The public headers mark their classes
// and free functions with it and nothing else does, so the shared library's interface is
// exactly the public API (internal classes cannot be linked against by accident, and the
// library can change its internals without breaking binaries built against a release).
// Data-only structs need no mark; classes with out-of-line members or virtual functions do
// (their vtables and type information are exported with them).
#pragma once

#define PACTGRAPH_EXPORT [[gnu::visibility("default")]]
