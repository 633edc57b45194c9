# Registers the gtest binary with ctest as one test per test suite, not one per
# test case. Run after each link of the binary (cmake -P, see
# tests/CMakeLists.txt): it lists the suites and writes the add_test lines that
# ctest includes.
#
# Why per suite: every process start of the sanitized test binary costs about
# a second of CPU (the dynamic loader, ASan's globals and shadow memory), so
# 1,000 one-case processes spent more time starting than testing. A suite
# shares one process; ctest still runs suites in parallel, names the suite
# that failed and prints its output. Run one case with
#   tests/samen_tests --gtest_filter='Suite.Case'
#
# Inputs (-D): BINARY, OUTPUT, WORKING_DIRECTORY, TIMEOUT.
execute_process(
  COMMAND "${BINARY}" --gtest_list_tests
  WORKING_DIRECTORY "${WORKING_DIRECTORY}"
  OUTPUT_VARIABLE listing
  RESULT_VARIABLE result
  TIMEOUT 120)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${BINARY} --gtest_list_tests failed (${result}):\n${listing}")
endif()

string(REPLACE ";" "\\;" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(script "")
set(count 0)
foreach(line IN LISTS lines)
  # Suite lines start in column one and end with a dot, perhaps followed by
  # "  # TypeParam = ..." for typed suites; case lines are indented.
  if(line MATCHES "^([A-Za-z_][A-Za-z0-9_/]*)\\.( .*)?$")
    set(suite "${CMAKE_MATCH_1}")
    string(APPEND script
      "add_test([=[${suite}]=] \"${BINARY}\" [==[--gtest_filter=${suite}.*]==])\n"
      "set_tests_properties([=[${suite}]=] PROPERTIES WORKING_DIRECTORY \"${WORKING_DIRECTORY}\" TIMEOUT ${TIMEOUT})\n")
    math(EXPR count "${count} + 1")
  endif()
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "${BINARY} listed no test suites")
endif()
file(WRITE "${OUTPUT}" "${script}")
