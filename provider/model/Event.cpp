// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Event.h"

using namespace Qt::StringLiterals;

namespace lanyard {

QJsonObject Event::toJson() const
{
    QJsonObject json{
        {u"time"_s, time.toUTC().toString(Qt::ISODateWithMs)},
        {u"type"_s, type},
        {u"success"_s, success},
    };
    if (id != 0)
        json.insert(u"id"_s, id);
    auto put = [&json](const QString &key, const QString &value) {
        if (!value.isEmpty())
            json.insert(key, value);
    };
    put(u"client_id"_s, clientId);
    put(u"sub"_s, subject);
    put(u"username"_s, username);
    put(u"source"_s, sourceAddress);
    put(u"instance"_s, instance);
    if (!details.isEmpty())
        json.insert(u"details"_s, details);
    return json;
}

} // namespace lanyard
