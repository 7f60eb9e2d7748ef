// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpLog.h"

namespace lanyard {

Q_LOGGING_CATEGORY(lcHttp, "lanyard.http", QtInfoMsg)

} // namespace lanyard
