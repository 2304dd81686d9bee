# Run by ctest: install into WORK_DIR/prefix, then import the installed package with a clean
# environment (no build tree on the path) and run a query through it.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
set(script [=[
import sys, pactgraph
prefix = sys.argv[1]
assert pactgraph.__file__.startswith(prefix), pactgraph.__file__
with pactgraph.open(sys.argv[2]) as db:
    db.query("CREATE (:Nation {name: 'Atlantis'})")
    assert db.query("MATCH (n) RETURN n.name AS name").to_list() == [{"name": "Atlantis"}]
print("ok", pactgraph.__file__)
]=])
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=PYTHONPATH --unset=LD_LIBRARY_PATH
    PYTHONPATH=${WORK_DIR}/prefix/${SITE} PYTHONNOUSERSITE=1
    ${PYTHON} -c "${script}" ${WORK_DIR}/prefix ${WORK_DIR}/test.db
  RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "importing the installed package failed: ${rc}")
endif()
