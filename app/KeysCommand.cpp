// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "Console.h"
#include "ProviderOpener.h"
#include "TextTable.h"

#include "admin/KeyService.h"
#include "events/EventBus.h"
#include "runtime/Provider.h"

using namespace Qt::StringLiterals;

namespace lanyard::app::commands {

namespace {

QString time(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

int list(const KeyService &service)
{
    auto keys = service.list();
    if (!keys)
        return console::fail(keys.error().message);
    if (keys->isEmpty()) {
        console::err(u"no signing keys yet (they are generated when the server first starts)"_s);
        return ExitSuccess;
    }
    TextTable table({u"KID"_s, u"ALG"_s, u"STATE"_s, u"CREATED"_s, u"ACTIVATED"_s, u"RETIRED"_s,
                     u"PUBLISHED UNTIL"_s});
    for (const SigningKey &key : std::as_const(*keys)) {
        // A next key's ACTIVATED is when it will start signing.
        table.addRow({key.kid, key.alg, keyStateName(key.state), time(key.createdAt),
                      time(service.signsFrom(key)), time(key.retiredAt), time(key.publishedUntil)});
    }
    console::outBytes(table.render().toUtf8());
    return ExitSuccess;
}

int rotate(const KeyService &service, const QString &alg)
{
    // A database no server has used yet gets its first keys, so there is
    // something to rotate.
    if (auto created = service.ensureSigningKeys(); !created)
        return console::fail(created.error().message);
    QList<SigningKey> rotated;
    if (alg.isEmpty()) {
        auto keys = service.rotateAll();
        if (!keys)
            return console::fail(keys.error().message);
        rotated = std::move(keys).value();
    } else {
        auto key = service.rotate(alg);
        if (!key)
            return console::fail(key.error().message);
        rotated.append(std::move(key).value());
    }
    for (const SigningKey &key : std::as_const(rotated))
        console::out(u"generated %1 key %2: published now, signs from %3"_s.arg(
            key.alg, key.kid, time(service.signsFrom(key))));
    return ExitSuccess;
}

int retire(const KeyService &service, const QString &kid)
{
    auto key = service.retire(kid);
    if (!key)
        return console::fail(key.error().message);
    if (key->publishedUntil > key->retiredAt)
        console::out(u"retired %1 key %2: published until %3"_s.arg(key->alg, key->kid,
                                                                    time(key->publishedUntil)));
    else
        console::out(u"retired %1 key %2: it never signed and is no longer published"_s.arg(
            key->alg, key->kid));
    return ExitSuccess;
}

} // namespace

int keys(const Invocation &invocation)
{
    auto provider = ProviderOpener::open(invocation);
    if (!provider)
        return console::fail(provider.error().message);
    const KeyService service = (*provider)->keyService();
    const QString action = invocation.words.value(0);
    int code = ExitUsage;
    if (action == u"list"_s)
        code = list(service);
    else if (action == u"rotate"_s)
        code = rotate(service, invocation.words.value(1));
    else if (action == u"retire"_s)
        code = retire(service, invocation.words.value(1));
    if (auto flushed = (*provider)->events()->flush(); !flushed && code == ExitSuccess)
        return console::fail(u"the keys were changed but their events were not saved: %1"_s.arg(
            flushed.error().message));
    return code;
}

} // namespace lanyard::app::commands
