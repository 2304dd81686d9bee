// tools/serve/assets.h — the explorer's page, styles and scripts, embedded in the binary.
//
// The files of tools/web/ and the Debian-packaged d3.min.js are turned into byte arrays at
// build time (embed_assets.cmake), so `pactgraph serve` works offline and reads no file from
// disk to answer a request. The set is fixed when the binary is built: an asset is found by
// its exact file name and nothing else, which is why no request path can reach outside it
// (no "..", no encoded slashes, no directories: the names have none).
//
// Thread-safety: the table is immutable static data.
#pragma once

#include <span>
#include <string_view>

namespace pactgraph::tools::serve {

struct Asset {
  std::string_view name;   // file name, e.g. "app.js" (no directory part)
  std::string_view bytes;  // the file's contents, as built
};

// Every embedded asset (generated file web_assets.cpp).
std::span<const Asset> EmbeddedAssets();

// The asset whose name is exactly `name`; null when there is none.
const Asset* FindAsset(std::string_view name);

// The Content-Type for an asset name, by its extension ("application/octet-stream" when the
// extension is not one of the page's kinds).
std::string_view ContentTypeFor(std::string_view name);

}  // namespace pactgraph::tools::serve
