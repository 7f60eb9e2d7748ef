# SPDX-License-Identifier: GPL-3.0-or-later
# LANYARD_SANITIZE=ON builds everything with AddressSanitizer and UBSan.
option(LANYARD_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(LANYARD_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
