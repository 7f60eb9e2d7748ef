// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "Console.h"
#include "ProviderOpener.h"
#include "TextTable.h"

#include "admin/SessionService.h"
#include "events/EventBus.h"
#include "logout/BackchannelLogoutSender.h"
#include "runtime/Provider.h"
#include "store/AccountStore.h"

using namespace Qt::StringLiterals;

namespace lanyard::app::commands {

namespace {

/// Longer than the sender's attempts and waits for one client (3 x 5 s
/// plus 1 s and 2 s between them); clients are served in parallel.
constexpr int BackchannelWaitMs = 30'000;

QString time(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

int list(const SessionService &service)
{
    auto sessions = service.list();
    if (!sessions)
        return console::fail(sessions.error().message);
    if (sessions->isEmpty()) {
        console::err(u"no live sessions"_s);
        return ExitSuccess;
    }
    TextTable table({u"SESSION"_s, u"ACCOUNT"_s, u"SUBJECT"_s, u"STARTED"_s, u"LAST ACTIVE"_s,
                     u"SOURCE"_s, u"CLIENTS"_s, u"USER AGENT"_s});
    for (const SessionInfo &session : std::as_const(*sessions))
        table.addRow({session.id, session.username, session.subject, time(session.createdAt),
                      time(session.lastActiveAt), session.sourceAddress,
                      session.clientIds.join(u','), session.userAgent});
    console::outBytes(table.render().toUtf8());
    return ExitSuccess;
}

QString endedLine(const SessionService::Ended &ended)
{
    return u"ended session %1 of %2 (%3 token famil%4 revoked)"_s.arg(
        ended.session.id,
        ended.session.username.isEmpty() ? ended.session.subject : ended.session.username,
        QString::number(ended.familiesRevoked), ended.familiesRevoked == 1 ? u"y"_s : u"ies"_s);
}

int end(const SessionService &service, const QString &sessionId)
{
    auto ended = service.end(sessionId, u"lanyard sessions end"_s);
    if (!ended)
        return console::fail(ended.error().message);
    console::out(endedLine(*ended));
    return ExitSuccess;
}

int endAll(const Provider &provider, const SessionService &service, const QString &username)
{
    auto account = provider.accounts()->findByUsername(username);
    if (!account)
        return console::fail(account.error().message);
    if (!account->has_value())
        return console::fail(u"no account %1"_s.arg(username));
    auto ended = service.endAll((*account)->subject, u"lanyard sessions end-all"_s);
    if (!ended)
        return console::fail(ended.error().message);
    for (const SessionService::Ended &one : std::as_const(*ended))
        console::out(endedLine(one));
    if (ended->isEmpty())
        console::err(u"%1 has no sessions"_s.arg(username));
    return ExitSuccess;
}

} // namespace

int sessions(const Invocation &invocation)
{
    auto provider = ProviderOpener::open(invocation);
    if (!provider)
        return console::fail(provider.error().message);
    const SessionService service = (*provider)->sessionService();
    const QString action = invocation.words.value(0);
    const bool ending = action == u"end"_s || action == u"end-all"_s;
    BackchannelLogoutSender *backchannel = (*provider)->backchannelLogout();
    if (ending) {
        // The clients of an ended session get their back-channel logout
        // tokens from this process (no server needs to run), signed with
        // the keys in force.
        if (auto keys = (*provider)->prepareKeys(); !keys)
            return console::fail(keys.error().message);
        // Signed with the issuer relying parties know: the one the service
        // serving this database announced (its --issuer may differ from the
        // stored settings), else the configured one.
        const QUrl announced = (*provider)->announcedIssuer();
        backchannel->start(announced.isEmpty() ? (*provider)->issuer() : announced);
    }
    int code = ExitUsage;
    if (action == u"list"_s)
        code = list(service);
    else if (action == u"end"_s)
        code = end(service, invocation.words.value(1));
    else if (action == u"end-all"_s)
        code = endAll(**provider, service, invocation.words.value(1));
    if (ending) {
        // Every attempt is bounded (BackchannelLogoutSender::Options), so
        // this ends; what was not delivered is reported as an event.
        if (!backchannel->waitForIdle(BackchannelWaitMs))
            console::err(u"some back-channel logout deliveries did not finish"_s);
        backchannel->stop();
    }
    if (auto flushed = (*provider)->events()->flush(); !flushed && code == ExitSuccess)
        return console::fail(u"the sessions were ended but their events were not saved: %1"_s.arg(
            flushed.error().message));
    return code;
}

} // namespace lanyard::app::commands
