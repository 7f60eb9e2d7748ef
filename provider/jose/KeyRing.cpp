// SPDX-License-Identifier: GPL-3.0-or-later
#include "jose/KeyRing.h"

#include "crypto/KeyGenerator.h"
#include "crypto/OpenSslHandles.h"
#include "jose/Jwk.h"
#include "jose/Jwt.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <vector>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Code = JoseError::Code;

struct Entry
{
    QString kid;
    QString alg;
    KeyState state = KeyState::Next;
    QDateTime activatedAt;
    /// The private key when Active, the public part only otherwise.
    ossl::PKey key;
    QJsonObject jwk;
};

bool isPublished(const SigningKey &key, const QDateTime &now)
{
    if (key.state != KeyState::Retired)
        return true;
    return key.publishedUntil.isValid() && now < key.publishedUntil;
}

Error keyError(const SigningKey &key, const QString &why)
{
    return Error::invalid(u"signing key %1 (%2): %3"_s.arg(key.kid, key.alg, why));
}

} // namespace

struct KeyRing::Private
{
    std::vector<Entry> entries;
    /// alg -> index into entries of the key that signs.
    QHash<QString, size_t> active;
    QJsonObject jwks;
    QByteArray jwksJson;

    const Entry *findKid(const QString &kid) const
    {
        for (const Entry &entry : entries) {
            if (entry.kid == kid)
                return &entry;
        }
        return nullptr;
    }
};

KeyRing::KeyRing() : d(std::make_unique<Private>()) {}

KeyRing::~KeyRing() = default;

Result<std::shared_ptr<const KeyRing>, Error> KeyRing::fromKeys(const QList<SigningKey> &keys,
                                                                const QDateTime &now)
{
    std::shared_ptr<KeyRing> ring(new KeyRing);
    Private &p = *ring->d;
    QJsonArray published;
    for (const SigningKey &stored : keys) {
        if (!isPublished(stored, now))
            continue;
        if (!Jws::isSupported(stored.alg))
            return keyError(stored, u"unsupported algorithm"_s);
        auto loaded = KeyGenerator::loadPrivateKeyPkcs8Der(stored.privateKeyPkcs8Der);
        if (!loaded)
            return keyError(stored, loaded.error().message);
        ossl::PKey key = std::move(loaded).value();
        if (!Jws::keyMatchesAlgorithm(stored.alg, key.get()))
            return keyError(stored, u"the key does not fit its algorithm"_s);
        // The kid is the RFC 7638 thumbprint (model/SigningKey.h); a mismatch
        // means the row was edited or corrupted.
        const auto thumbprint = Jwk::thumbprint(key.get());
        if (!thumbprint || thumbprint.value() != stored.kid)
            return keyError(stored, u"kid is not the key's thumbprint"_s);
        if (p.findKid(stored.kid))
            return keyError(stored, u"duplicate kid"_s);
        auto jwk = Jwk::publicJwk(key.get(), stored.alg, stored.kid);
        if (!jwk)
            return keyError(stored, jwk.error().message());
        if (stored.state != KeyState::Active) {
            // Keys that only verify do not keep their private half in memory.
            auto publicKey = KeyGenerator::publicOnly(key.get());
            if (!publicKey)
                return keyError(stored, publicKey.error().message);
            key = std::move(publicKey).value();
        }
        Entry entry;
        entry.kid = stored.kid;
        entry.alg = stored.alg;
        entry.state = stored.state;
        entry.activatedAt = stored.activatedAt;
        entry.key = std::move(key);
        entry.jwk = jwk.value();
        published.append(entry.jwk);
        p.entries.push_back(std::move(entry));
    }
    for (size_t i = 0; i < p.entries.size(); ++i) {
        const Entry &entry = p.entries[i];
        if (entry.state != KeyState::Active)
            continue;
        const auto current = p.active.constFind(entry.alg);
        // The most recently activated key signs; an unset activatedAt counts
        // as oldest, and on a tie the later key in the list wins.
        if (current == p.active.constEnd() ||
            !(entry.activatedAt < p.entries[*current].activatedAt))
            p.active.insert(entry.alg, i);
    }
    p.jwks = QJsonObject{{u"keys"_s, published}};
    p.jwksJson = QJsonDocument(p.jwks).toJson(QJsonDocument::Compact);
    return std::shared_ptr<const KeyRing>(std::move(ring));
}

QJsonObject KeyRing::jwks() const
{
    return d->jwks;
}

QByteArray KeyRing::jwksJson() const
{
    return d->jwksJson;
}

Result<QByteArray, JoseError> KeyRing::sign(const QString &alg, const QJsonObject &payload,
                                            const QString &typ) const
{
    const auto it = d->active.constFind(alg);
    if (it == d->active.constEnd())
        return JoseError{Code::UnsupportedAlgorithm, u"no active signing key for "_s + alg};
    const Entry &entry = d->entries[*it];
    return Jwt::sign(alg, entry.key.get(), payload, entry.kid, typ);
}

Result<QByteArray, JoseError> KeyRing::signPayload(const QString &alg, QByteArrayView payload,
                                                   const QString &typ) const
{
    const auto it = d->active.constFind(alg);
    if (it == d->active.constEnd())
        return JoseError{Code::UnsupportedAlgorithm, u"no active signing key for "_s + alg};
    const Entry &entry = d->entries[*it];
    return Jws::sign(alg, entry.key.get(), payload, entry.kid, typ);
}

Result<Jws::Decoded, JoseError> KeyRing::verifyDecoded(QByteArrayView compact,
                                                       const QStringList &allowedAlgs) const
{
    auto decoded = Jws::decode(compact);
    if (!decoded)
        return decoded;
    const QString &alg = decoded->alg;
    // RFC 8725 §3.1: the caller's allow-list decides, never the header alone.
    if (!allowedAlgs.contains(alg))
        return JoseError{Code::AlgorithmNotAllowed, u"algorithm not allowed: "_s + alg};
    if (!Jws::isSupported(alg))
        return JoseError{Code::UnsupportedAlgorithm, u"unsupported algorithm "_s + alg};

    if (!decoded->kid.isEmpty()) {
        // RFC 7515 §4.1.4: kid names the key that secured the JWS.
        const Entry *entry = d->findKid(decoded->kid);
        if (!entry)
            return JoseError{Code::UnknownKey, u"no published key has this kid"_s};
        // Each key signs with exactly one algorithm (RFC 7517 §4.4 "alg").
        if (entry->alg != alg)
            return JoseError{Code::AlgorithmKeyMismatch, u"the key is for "_s + entry->alg};
        if (auto valid =
                Jws::verifyRaw(alg, entry->key.get(), decoded->signingInput, decoded->signature);
            !valid)
            return std::move(valid).error();
        return decoded;
    }

    bool anyKey = false;
    for (const Entry &entry : d->entries) {
        if (entry.alg != alg)
            continue;
        anyKey = true;
        if (Jws::verifyRaw(alg, entry.key.get(), decoded->signingInput, decoded->signature))
            return decoded;
    }
    if (!anyKey)
        return JoseError{Code::UnknownKey, u"no published key for "_s + alg};
    return JoseError{Code::BadSignature, u"signature does not verify"_s};
}

Result<QJsonObject, JoseError> KeyRing::verify(QByteArrayView compact,
                                               const QStringList &allowedAlgs) const
{
    auto decoded = verifyDecoded(compact, allowedAlgs);
    if (!decoded)
        return std::move(decoded).error();
    return Jwt::parseClaims(decoded->payload);
}

QStringList KeyRing::signingAlgorithms() const
{
    QStringList algs;
    for (const QString &alg : Jws::supportedAlgorithms()) {
        if (d->active.contains(alg))
            algs.append(alg);
    }
    return algs;
}

QString KeyRing::activeKid(const QString &alg) const
{
    const auto it = d->active.constFind(alg);
    return it == d->active.constEnd() ? QString() : d->entries[*it].kid;
}

QStringList KeyRing::publishedKids() const
{
    QStringList kids;
    for (const Entry &entry : d->entries)
        kids.append(entry.kid);
    return kids;
}

} // namespace lanyard
