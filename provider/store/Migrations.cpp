// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Migrations.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// pg_advisory_xact_lock key held while migrating ("LANYARD" in ASCII, truncated).
constexpr qint64 MigrationLockKey = 0x4c414e5941524400;

// Migration 1: the first schema. Column names follow the model's field names
// in snake case; see provider/model for what each holds.
const QStringList Version1{
    uR"(CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
))"_s,
    uR"(CREATE TABLE clients (
    client_id TEXT PRIMARY KEY,
    client_name TEXT NOT NULL DEFAULT '',
    secret_hash TEXT NOT NULL DEFAULT '',
    redirect_uris TEXT NOT NULL DEFAULT '[]',
    post_logout_redirect_uris TEXT NOT NULL DEFAULT '[]',
    grant_types TEXT NOT NULL DEFAULT '[]',
    response_types TEXT NOT NULL DEFAULT '[]',
    token_endpoint_auth_method TEXT NOT NULL,
    scopes TEXT NOT NULL DEFAULT '[]',
    require_pkce INTEGER NOT NULL CHECK (require_pkce IN (0, 1)),
    require_consent INTEGER NOT NULL CHECK (require_consent IN (0, 1)),
    id_token_signed_response_alg TEXT NOT NULL,
    opaque_access_tokens INTEGER NOT NULL CHECK (opaque_access_tokens IN (0, 1)),
    rotate_refresh_tokens INTEGER NOT NULL CHECK (rotate_refresh_tokens IN (0, 1)),
    access_token_lifetime INTEGER NOT NULL DEFAULT 0,
    id_token_lifetime INTEGER NOT NULL DEFAULT 0,
    refresh_token_lifetime INTEGER NOT NULL DEFAULT 0,
    backchannel_logout_uri TEXT NOT NULL DEFAULT '',
    backchannel_logout_session_required INTEGER NOT NULL
        CHECK (backchannel_logout_session_required IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
))"_s,
    uR"(CREATE TABLE accounts (
    subject TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL DEFAULT '',
    claims TEXT NOT NULL DEFAULT '{}',
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_login_at BIGINT
))"_s,
    uR"(CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    alg TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('next', 'active', 'retired')),
    private_key ${BLOB} NOT NULL,
    created_at BIGINT NOT NULL,
    activated_at BIGINT,
    retired_at BIGINT,
    published_until BIGINT
))"_s,
    uR"(CREATE TABLE events (
    id ${ID},
    time BIGINT NOT NULL,
    type TEXT NOT NULL,
    success INTEGER NOT NULL CHECK (success IN (0, 1)),
    client_id TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    instance TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '{}'
))"_s,
    u"CREATE INDEX events_time_idx ON events (time)"_s,
    u"CREATE INDEX events_type_idx ON events (type)"_s,
    u"CREATE INDEX events_client_id_idx ON events (client_id)"_s,
    u"CREATE INDEX events_subject_idx ON events (subject)"_s,
};

// Migration 2: the OP's runtime state. Hashes of codes, tokens and cookies
// only, never the values themselves. An empty subject is stored as NULL where
// a foreign key to accounts guards it (client_credentials tokens have no
// account); session ids are plain text without a foreign key, because tokens
// of offline_access families outlive their session and logout revokes
// families explicitly (TokenStore::revokeSession).
const QStringList Version2{
    uR"(CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    cookie_hash TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL REFERENCES accounts (subject) ON DELETE CASCADE,
    auth_time BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_active_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    amr TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT '',
    client_ids TEXT NOT NULL DEFAULT '[]'
))"_s,
    u"CREATE INDEX sessions_subject_idx ON sessions (subject)"_s,
    u"CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)"_s,
    uR"(CREATE TABLE interactions (
    id TEXT PRIMARY KEY,
    request TEXT NOT NULL DEFAULT '{}',
    csrf_token TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    session_id TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
))"_s,
    u"CREATE INDEX interactions_expires_at_idx ON interactions (expires_at)"_s,
    uR"(CREATE TABLE authorization_codes (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
    subject TEXT NOT NULL REFERENCES accounts (subject) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL DEFAULT '',
    scopes TEXT NOT NULL DEFAULT '[]',
    nonce TEXT NOT NULL DEFAULT '',
    code_challenge TEXT NOT NULL DEFAULT '',
    code_challenge_method TEXT NOT NULL DEFAULT '',
    session_id TEXT NOT NULL DEFAULT '',
    auth_time BIGINT,
    amr TEXT NOT NULL DEFAULT '[]',
    family_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    consumed_at BIGINT
))"_s,
    u"CREATE INDEX authorization_codes_expires_at_idx ON authorization_codes (expires_at)"_s,
    u"CREATE INDEX authorization_codes_client_id_idx ON authorization_codes (client_id)"_s,
    u"CREATE INDEX authorization_codes_subject_idx ON authorization_codes (subject)"_s,
    uR"(CREATE TABLE token_families (
    family_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
    subject TEXT REFERENCES accounts (subject) ON DELETE CASCADE,
    session_id TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
))"_s,
    u"CREATE INDEX token_families_session_id_idx ON token_families (session_id)"_s,
    u"CREATE INDEX token_families_expires_at_idx ON token_families (expires_at)"_s,
    u"CREATE INDEX token_families_client_id_idx ON token_families (client_id)"_s,
    u"CREATE INDEX token_families_subject_idx ON token_families (subject)"_s,
    uR"(CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access_token', 'refresh_token')),
    client_id TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
    subject TEXT REFERENCES accounts (subject) ON DELETE CASCADE,
    scopes TEXT NOT NULL DEFAULT '[]',
    family_id TEXT NOT NULL,
    session_id TEXT NOT NULL DEFAULT '',
    auth_time BIGINT,
    amr TEXT NOT NULL DEFAULT '[]',
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    rotated_at BIGINT,
    revoked_at BIGINT
))"_s,
    u"CREATE INDEX tokens_family_id_idx ON tokens (family_id)"_s,
    u"CREATE INDEX tokens_session_id_idx ON tokens (session_id)"_s,
    u"CREATE INDEX tokens_expires_at_idx ON tokens (expires_at)"_s,
    // Foreign-key columns: deleting a client or an account cascades through them.
    u"CREATE INDEX tokens_client_id_idx ON tokens (client_id)"_s,
    u"CREATE INDEX tokens_subject_idx ON tokens (subject)"_s,
    uR"(CREATE TABLE revoked_families (
    family_id TEXT PRIMARY KEY,
    revoked_at BIGINT NOT NULL,
    expires_at BIGINT
))"_s,
    u"CREATE INDEX revoked_families_expires_at_idx ON revoked_families (expires_at)"_s,
    uR"(CREATE TABLE consents (
    subject TEXT NOT NULL REFERENCES accounts (subject) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES clients (client_id) ON DELETE CASCADE,
    scopes TEXT NOT NULL DEFAULT '[]',
    granted_at BIGINT NOT NULL,
    PRIMARY KEY (subject, client_id)
))"_s,
    u"CREATE INDEX consents_client_id_idx ON consents (client_id)"_s,
    uR"(CREATE TABLE login_failures (
    id ${ID},
    key TEXT NOT NULL,
    time BIGINT NOT NULL
))"_s,
    u"CREATE INDEX login_failures_key_time_idx ON login_failures (key, time)"_s,
    u"CREATE INDEX login_failures_time_idx ON login_failures (time)"_s,
};

// Migration 3: the Events page filters on the account, which is the
// username or the subject (failed sign-ins of unknown usernames have no
// subject); subject, type, client_id and time have their indexes since 1.
const QStringList Version3{
    u"CREATE INDEX events_username_idx ON events (username)"_s,
};

// Migration 4: token introspection and revocation (RFC 7662, RFC 7009).
// clients.resource_server: the client may introspect tokens issued to other
// clients (Client::resourceServer). revoked_access_tokens: one row per JWT
// access token revoked on its own, by jti, kept until the token expires
// (TokenStore::revokeAccessToken); opaque access tokens are revoked in
// `tokens` and whole grants in `revoked_families`.
const QStringList Version4{
    u"ALTER TABLE clients ADD COLUMN resource_server INTEGER NOT NULL DEFAULT 0 "
    "CHECK (resource_server IN (0, 1))"_s,
    uR"(CREATE TABLE revoked_access_tokens (
    jti TEXT PRIMARY KEY,
    client_id TEXT NOT NULL DEFAULT '',
    revoked_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
))"_s,
    u"CREATE INDEX revoked_access_tokens_expires_at_idx ON revoked_access_tokens (expires_at)"_s,
};

} // namespace

Migrations::Migrations(QList<Step> steps) : m_steps(std::move(steps)) {}

Migrations Migrations::standard()
{
    return Migrations({
        {1, Version1},
        {2, Version2},
        {3, Version3},
        {4, Version4},
    });
}

int Migrations::latestVersion() const
{
    return m_steps.isEmpty() ? 0 : m_steps.constLast().version;
}

QString Migrations::forDriver(QString statement, DatabaseLocation::Driver driver)
{
    const bool postgres = driver == DatabaseLocation::Driver::Postgres;
    statement.replace(u"${ID}"_s, postgres
                                      ? u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s
                                      : u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
    statement.replace(u"${BLOB}"_s, postgres ? u"BYTEA"_s : u"BLOB"_s);
    return statement;
}

Result<int, Error> Migrations::recordedVersion(const QSqlDatabase &db,
                                               DatabaseLocation::Driver driver)
{
    const QString what = u"cannot read the schema version"_s;
    // Catalogs differ; this is the only driver-specific query.
    const QString tableExists =
        driver == DatabaseLocation::Driver::Postgres
            ? u"SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE 1 END"_s
            : u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"_s;
    auto exists = SqlSupport::exec(db, what, tableExists);
    if (!exists)
        return exists.error();
    if (!exists->next() || exists->value(0).toInt() == 0)
        return 0;
    auto version = SqlSupport::exec(db, what, u"SELECT MAX(version) FROM schema_version"_s);
    if (!version)
        return version.error();
    if (!version->next())
        return 0;
    return version->value(0).toInt();
}

Error Migrations::tooNewError(int found, int supported)
{
    return Error::unsupported(
        u"database schema version %1 is newer than this Lanyard supports (%2); upgrade Lanyard"_s
            .arg(found)
            .arg(supported));
}

Result<int, Error> Migrations::apply(const Database &db) const
{
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).version != i + 1)
            return Error::invalid(u"migrations must be numbered 1, 2, 3, ... in order"_s);
    }
    const int latest = latestVersion();

    auto connection = db.checkedConnection();
    if (!connection)
        return connection.error();
    // Nothing to do is the common case: no write lock for it.
    const auto before = recordedVersion(*connection, db.driver());
    if (!before)
        return before.error();
    if (*before == latest)
        return latest;

    Database::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (db.driver() == DatabaseLocation::Driver::Postgres) {
        if (auto locked = SqlSupport::exec(*connection, u"cannot lock the schema"_s,
                                           u"SELECT pg_advisory_xact_lock(?)"_s,
                                           {QVariant(static_cast<qlonglong>(MigrationLockKey))});
            !locked)
            return locked.error();
    }
    // Read again under the lock: another instance may have migrated meanwhile.
    const auto current = recordedVersion(*connection, db.driver());
    if (!current)
        return current.error();
    if (*current > latest)
        return tooNewError(*current, latest);

    if (auto created =
            SqlSupport::exec(*connection, u"cannot create the schema_version table"_s,
                             u"CREATE TABLE IF NOT EXISTS schema_version ("
                             "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s);
        !created)
        return created.error();

    for (const Step &step : m_steps) {
        if (step.version <= *current)
            continue;
        const QString what = u"migration %1 failed"_s.arg(step.version);
        for (const QString &statement : step.statements) {
            if (auto done = SqlSupport::exec(*connection, what, forDriver(statement, db.driver()));
                !done)
                return done.error();
        }
        if (auto recorded = SqlSupport::exec(
                *connection, what,
                u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s,
                {QVariant(step.version), SqlSupport::msecs(db.clock()->now())});
            !recorded)
            return recorded.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return latest;
}

} // namespace lanyard
