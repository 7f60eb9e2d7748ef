# SPDX-License-Identifier: GPL-3.0-or-later
# lanyard_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABEL <label>] [TIMEOUT <s>])
# One Qt Test executable per unit, registered with CTest, run offscreen in C.UTF-8.
# Tests find the lanyard binary in LANYARD_BINARY and the npm packages of the
# interop tests under LANYARD_INTEROP_DIR.
function(lanyard_add_test name)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    if(NOT ARG_LABEL)
        set(ARG_LABEL unit)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    lanyard_configure_target(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test lanyard_test_support ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABEL}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "LANG=C.UTF-8;LC_ALL=C.UTF-8;QT_QPA_PLATFORM=offscreen;LANYARD_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;LANYARD_BINARY=$<TARGET_FILE:lanyard>;LANYARD_INTEROP_DIR=${PROJECT_SOURCE_DIR}/tests/interop;ASAN_OPTIONS=detect_leaks=1;UBSAN_OPTIONS=print_stacktrace=1")
endfunction()
