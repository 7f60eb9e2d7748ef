// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ImportReport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

QString ImportChange::toString() const
{
    const QString verb = action == Action::Created   ? u"created"_s
                         : action == Action::Updated ? u"updated"_s
                                                     : u"unchanged"_s;
    const QString noun = entity == Entity::Client ? u"client"_s : u"account"_s;
    QString line = u"%1 %2 %3"_s.arg(verb, noun, id);
    if (!fields.isEmpty())
        line += u" (%1)"_s.arg(fields.join(u", "_s));
    return line;
}

} // namespace lanyard
