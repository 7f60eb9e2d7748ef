// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace lanyard {

/// The browser sign-in's logging category (`lanyard.signin`): refused
/// authorization requests, page failures, password re-hashing. Never logs
/// a password, code, cookie, CSRF token or id_token_hint.
Q_DECLARE_LOGGING_CATEGORY(lcSignIn)

} // namespace lanyard
