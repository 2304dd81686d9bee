// engine/extract/extraction_record.h — the line reading behind pactgraph/extraction_record.h,
// shared by the checker and IngestExtracted (engine/ingest_extracted.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "pactgraph/extraction_record.h"

namespace pactgraph::extract {

// Called per line (1-based) with whether a newline ended it; return false to stop.
using RecordLineFn = std::function<bool(uint64_t line_no, std::string_view line, bool terminated)>;
void ForEachRecordLine(std::istream& in, const RecordLineFn& fn);

// CheckExtractionRecords for one stream named `path`; returns its good records.
uint64_t CheckRecordStream(const std::string& path, std::istream& in,
                           std::vector<InputProblem>* problems);

// "path:line[:col]: message" for a ParseExtractionRecord status.
std::string RecordPlace(const std::string& path, uint64_t line_no, const Status& st);

}  // namespace pactgraph::extract
