// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace lanyard {

/// The logging category of provider/http: `lanyard.http`. Never carries
/// query strings, bodies, tokens, codes or Authorization headers.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace lanyard
