// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

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
inline constexpr QLatin1StringView SessionEnded{"session.ended"};
/// An administrator revoked what an account granted a client: its consent
/// and every token family of the pair (admin/SessionService).
inline constexpr QLatin1StringView GrantRevoked{"grant.revoked"};
} // namespace lanyard::event_type
