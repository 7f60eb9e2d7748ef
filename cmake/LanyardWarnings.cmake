# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings, hardening and Qt safety defines for every target of ours.
#   lanyard_configure_target(<target>)
option(LANYARD_WERROR "Treat compiler warnings as errors" OFF)

function(lanyard_configure_target target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
        -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
        -fstack-protector-strong)
    if(LANYARD_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_KEYWORDS QT_STRICT_ITERATORS
        $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
    set_target_properties(${target} PROPERTIES
        POSITION_INDEPENDENT_CODE ON
        CXX_EXTENSIONS OFF)
    target_link_options(${target} PRIVATE -Wl,-z,relro,-z,now -Wl,--as-needed)
endfunction()
