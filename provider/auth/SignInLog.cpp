// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/SignInLog.h"

namespace lanyard {

Q_LOGGING_CATEGORY(lcSignIn, "lanyard.signin", QtInfoMsg)

} // namespace lanyard
