# consult_add_fuzzer(<name> SOURCES ... LIBS ... CORPUS <dir>)
# With clang and CONSULT_BUILD_FUZZERS: a libFuzzer binary (-fsanitize=fuzzer,address,undefined).
# Always: <name>_corpus, a CTest test running the target over its corpus and random mutations.
#
# The target `fuzzers` builds every libFuzzer binary and nothing else (scripts/run-fuzzers.sh), and
# each binary gets a descriptor <build>/fuzzers/<name>.target: line 1 the binary, line 2 its committed
# corpus. The script runs whatever descriptors it finds, so a new target is fuzzed in CI by
# registering it here, without a second list to keep in step.
if(CONSULT_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    add_custom_target(fuzzers COMMENT "Every libFuzzer target")
    file(REMOVE_RECURSE ${CMAKE_BINARY_DIR}/fuzzers)
endif()

function(consult_add_fuzzer name)
    cmake_parse_arguments(ARG "" "CORPUS" "SOURCES;LIBS" ${ARGN})
    add_executable(${name}_corpus ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/fuzz/StandaloneFuzzDriver.cpp)
    target_link_libraries(${name}_corpus PRIVATE ${ARG_LIBS})
    consult_set_warnings(${name}_corpus)
    add_test(NAME ${name}_corpus COMMAND ${name}_corpus ${ARG_CORPUS})
    set_tests_properties(${name}_corpus PROPERTIES TIMEOUT 300)
    if(CONSULT_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        add_executable(${name} ${ARG_SOURCES})
        target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
        target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
        target_link_libraries(${name} PRIVATE ${ARG_LIBS})
        consult_set_warnings(${name})
        add_dependencies(fuzzers ${name})
        file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/fuzzers/${name}.target
             CONTENT "$<TARGET_FILE:${name}>\n${ARG_CORPUS}\n")
    endif()
endfunction()
