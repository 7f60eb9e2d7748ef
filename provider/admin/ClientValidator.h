// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/ValidationProblem.h"
#include "model/Client.h"

#include <QJsonObject>

#include <optional>

namespace lanyard {

/// A client as read from admin input, with its secret (if any) in the clear
/// until it is hashed for storage.
struct ClientInput
{
    Client client;
    /// `client_secret` given in the clear.
    std::optional<QString> secret;
    /// `client_secret_hash` as exported with --with-secrets.
    std::optional<QString> secretHash;
};

/// The rules every client registration obeys, shared by `lanyard import`
/// and the Clients dialog so both give the same messages. Stateless; any thread.
class ClientValidator
{
public:
    /// Reads RFC 7591 client metadata (plus Lanyard's policy members) from
    /// JSON: types and member names only; call validate() for the rules.
    /// Problems are appended with paths under `path`; warnings (such as a
    /// short secret) likewise. Unknown members are problems: a misspelt
    /// `redirect_uri` must not silently leave a client without redirect URIs.
    static ClientInput fromJson(const QJsonObject &json, const QString &path,
                                ValidationProblems *problems, ValidationProblems *warnings);

    /// The client as JSON in the import/export format; secrets excluded
    /// unless `withSecretHash`.
    static QJsonObject toJson(const Client &client, bool withSecretHash);

    /// Checks the rules that tie fields together. `hasSecret` says whether
    /// the client will have a stored secret after the change.
    static void validate(const Client &client, bool hasSecret, const QString &path,
                         ValidationProblems *problems);

    /// Secrets shorter than this earn a warning (not a refusal): a generated
    /// secret carries 256 bits.
    static constexpr int RecommendedSecretLength = 32;
};

} // namespace lanyard
