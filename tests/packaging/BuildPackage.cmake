# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DCPACK=cpack -DCONFIG=CPackConfig.cmake -DOUTPUT=dir -P BuildPackage.cmake
# Builds the Debian package afresh into OUTPUT (nothing else is left there).
file(REMOVE_RECURSE "${OUTPUT}")
file(MAKE_DIRECTORY "${OUTPUT}")
execute_process(COMMAND "${CPACK}" -G DEB --config "${CONFIG}" -B "${OUTPUT}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed (${result})")
endif()
file(GLOB debs "${OUTPUT}/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${OUTPUT}, found: ${debs}")
endif()
file(REMOVE_RECURSE "${OUTPUT}/_CPack_Packages")
