# Run by ctest: cmake --install into WORK_DIR/prefix, build examples/ against it, run it.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples -B ${WORK_DIR}/build -G Ninja
  -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix "-DCMAKE_CXX_FLAGS=${EXAMPLE_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${EXAMPLE_FLAGS}" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring examples/ against the installed package failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building examples/ failed")
endif()
execute_process(COMMAND ${WORK_DIR}/build/partners ${WORK_DIR}/example.db RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "examples/partners exited with ${rc}")
endif()
