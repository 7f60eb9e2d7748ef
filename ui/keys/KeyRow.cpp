// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyRow.h"

#include "admin/KeyService.h"

namespace lanyard::ui {

KeyRow KeyRow::fromKey(const SigningKey &key, const KeyService &service)
{
    KeyRow row;
    row.kid = key.kid;
    row.alg = key.alg;
    row.state = key.state;
    row.createdAt = key.createdAt;
    row.activatedAt = key.activatedAt;
    row.signsFrom = service.signsFrom(key);
    row.retiredAt = key.retiredAt;
    row.publishedUntil = key.publishedUntil;
    return row;
}

} // namespace lanyard::ui
