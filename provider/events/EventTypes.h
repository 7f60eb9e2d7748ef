// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QStringList>

/// Every event type the provider emits, defined once.
namespace lanyard::event_type {
inline constexpr QLatin1StringView ServerStarted{"server.started"};
inline constexpr QLatin1StringView ServerStopped{"server.stopped"};
inline constexpr QLatin1StringView AdminChanged{"admin.changed"};
/// Signing keys (admin/KeyService): generated (state next, or active on a
/// first start), activated (next -> active: it signs from now on), retired
/// (active or next -> retired: published only to verify), removed (no longer
/// published, deleted). Details: kid, alg, reason and the relevant times.
inline constexpr QLatin1StringView KeyGenerated{"key.generated"};
inline constexpr QLatin1StringView KeyActivated{"key.activated"};
inline constexpr QLatin1StringView KeyRetired{"key.retired"};
inline constexpr QLatin1StringView KeyRemoved{"key.removed"};
inline constexpr QLatin1StringView LoginSucceeded{"login.succeeded"};
inline constexpr QLatin1StringView LoginFailed{"login.failed"};
inline constexpr QLatin1StringView LoginThrottled{"login.throttled"};
inline constexpr QLatin1StringView ConsentGranted{"consent.granted"};
inline constexpr QLatin1StringView ConsentDenied{"consent.denied"};
inline constexpr QLatin1StringView TokenIssued{"token.issued"};
inline constexpr QLatin1StringView TokenRefreshed{"token.refreshed"};
inline constexpr QLatin1StringView TokenRevoked{"token.revoked"};
inline constexpr QLatin1StringView CodeReplayed{"code.replayed"};
inline constexpr QLatin1StringView RefreshReused{"refresh.reused"};
inline constexpr QLatin1StringView ClientAuthFailed{"client.auth.failed"};
/// An OP session ended (logout/SessionTerminator). subject, username; for
/// RP-initiated logout also clientId (the client that asked) and
/// sourceAddress. Details: sid, reason ("logout": RP-initiated logout,
/// "admin": SessionService, "expired": the maintenance purge, "replaced":
/// another account signed in on the browser), clients (the client_ids that
/// took part), families_revoked, and actor when an administrator said who.
inline constexpr QLatin1StringView SessionEnded{"session.ended"};
/// Back-channel logout (logout/BackchannelLogoutSender): one event per
/// attempt to POST a logout token to a client's backchannel_logout_uri.
/// clientId and subject name the client and account. Details: sid (the
/// ended session: one session.ended is followed by one delivery per
/// client of its `clients` that registered a URI), reason (why the session
/// ended, as in session.ended), attempt (1-based), max_attempts, uri, jti
/// (the token's id, never the token), status (the HTTP status, when an
/// answer came). backchannel.delivered: the client answered 200 or 204.
/// backchannel.failed (success false) adds error (what went wrong:
/// "HTTP 503", "Connection refused", a timeout, a signing failure), final
/// (true: no further attempt for this client and session; false: another
/// attempt follows after retry_in_ms). A client's result for a session is
/// its last event for that sid: delivered, or failed with final true.
inline constexpr QLatin1StringView BackchannelDelivered{"backchannel.delivered"};
inline constexpr QLatin1StringView BackchannelFailed{"backchannel.failed"};
/// An administrator revoked what an account granted a client: its consent
/// and every token family of the pair (admin/SessionService).
inline constexpr QLatin1StringView GrantRevoked{"grant.revoked"};

/// Every type above, in this order: what the Events page offers as filters.
/// A new type goes into this list too.
inline QStringList all()
{
    return {ServerStarted,     ServerStopped,    AdminChanged,   KeyGenerated,
            KeyActivated,      KeyRetired,       KeyRemoved,     LoginSucceeded,
            LoginFailed,       LoginThrottled,   ConsentGranted, ConsentDenied,
            TokenIssued,       TokenRefreshed,   TokenRevoked,   CodeReplayed,
            RefreshReused,     ClientAuthFailed, SessionEnded,   BackchannelDelivered,
            BackchannelFailed, GrantRevoked};
}
} // namespace lanyard::event_type
