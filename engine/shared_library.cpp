// libpactgraph.so is linked from the static libraries of every layer (whole archives; see
// engine/CMakeLists.txt); this translation unit only gives the target a source of its own and
// checks, at compile time, that the public headers build on their own as the library's users
// see them.
#include "pactgraph/algorithms.h"
#include "pactgraph/database.h"
#include "pactgraph/import_export.h"
#include "pactgraph/ingest.h"
#include "pactgraph/paths.h"
#include "pactgraph/session.h"

static_assert(sizeof(pactgraph::Value) > 0, "the public headers are complete");
