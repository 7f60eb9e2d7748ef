// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace lanyard {

/// Why a JOSE operation (base64url, JWK, JWS, JWT) failed. The code is for
/// callers and tests to branch on; the message is for logs and names no key
/// material or token content.
class JoseError
{
    Q_GADGET

public:
    enum class Code {
        Malformed,            ///< wrong structure: segment count, empty segment, missing alg
        BadBase64,            ///< not strict base64url (RFC 7515 §2)
        NotJsonObject,        ///< a header or payload that must be a JSON object is not
        TooLarge,             ///< input beyond the documented size limit
        UnsupportedAlgorithm, ///< an algorithm Lanyard does not implement ("none", HS256, ...)
        AlgorithmNotAllowed,  ///< not in the caller's allow-list
        AlgorithmKeyMismatch, ///< the algorithm does not fit the key (type, curve, size)
        UnknownKey,           ///< no published key has the header's kid (or fits its alg)
        BadSignature,         ///< the signature does not verify
        Expired,              ///< exp has passed (RFC 7519 §4.1.4)
        NotYetValid,          ///< nbf or iat lies in the future (RFC 7519 §4.1.5, §4.1.6)
        WrongIssuer,          ///< iss differs from the expected issuer
        WrongAudience,        ///< aud does not contain the expected audience
        MissingClaim,         ///< a required claim is absent
        InvalidClaim,         ///< a claim has the wrong JSON type
        UnsupportedCritical,  ///< crit header present (RFC 7515 §4.1.11)
        InvalidKey,           ///< a JWK or key that is malformed or inconsistent
        CryptoFailure,        ///< OpenSSL failed unexpectedly
    };
    Q_ENUM(Code)

    JoseError() = default;
    JoseError(Code code, QString message) : m_code(code), m_message(std::move(message)) {}

    Code code() const { return m_code; }
    QString message() const { return m_message; }

    /// "BadSignature: ..." for logs.
    QString toString() const;
    /// The enumerator's name, e.g. "BadSignature".
    static QString codeName(Code code);

private:
    Code m_code = Code::Malformed;
    QString m_message;
};

} // namespace lanyard

Q_DECLARE_METATYPE(lanyard::JoseError)
