// SPDX-License-Identifier: GPL-3.0-or-later
#include "jose/JoseError.h"

#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace lanyard {

QString JoseError::codeName(Code code)
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(static_cast<int>(code)));
}

QString JoseError::toString() const
{
    return codeName(m_code) + u": "_s + m_message;
}

} // namespace lanyard
