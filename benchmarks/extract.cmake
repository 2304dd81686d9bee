# Extraction throughput benchmark (engine/extract). Include after the generic benchmark loop:
# it defines the target when nothing else did, and tells it where the sample articles are.
if(NOT TARGET extract_throughput)
  add_executable(extract_throughput ${CMAKE_CURRENT_LIST_DIR}/extract_throughput.cpp)
  target_include_directories(extract_throughput PRIVATE ${CMAKE_SOURCE_DIR})
  target_link_libraries(extract_throughput PRIVATE pactgraph_extract pactgraph_flags
    benchmark::benchmark)
endif()
target_compile_definitions(extract_throughput PRIVATE PACTGRAPH_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
