// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/Pkce.h"
#include "core/Protocol.h"
#include "crypto/ConstantTime.h"
#include "jose/Base64Url.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

QJsonObject loadVector(const QString &name)
{
    QFile file(qEnvironmentVariable("LANYARD_TEST_DATA") + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test vector %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// A valid 43-character verifier built from `c`.
QString repeat(QChar c, qsizetype n)
{
    return QString(n, c);
}

} // namespace

class TestPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rfc7636AppendixB();
    void verifierGrammar_data();
    void verifierGrammar();
    void verify_data();
    void verify();
    void comparesInConstantTime();

private:
    QString m_verifier;
    QString m_challenge;
};

void TestPkce::initTestCase()
{
    const QJsonObject vector = loadVector(u"rfc7636-b.json"_s);
    m_verifier = vector.value(u"code_verifier"_s).toString();
    m_challenge = vector.value(u"code_challenge"_s).toString();
    QVERIFY(!m_verifier.isEmpty() && !m_challenge.isEmpty());
    // The verifier is the base64url of the appendix's 32 octets.
    QByteArray octets;
    for (const QJsonValue &octet : vector.value(u"octets"_s).toArray())
        octets.append(static_cast<char>(octet.toInt()));
    QCOMPARE(QString::fromLatin1(Base64Url::encode(octets)), m_verifier);
}

void TestPkce::rfc7636AppendixB()
{
    QVERIFY(Pkce::isValidVerifier(m_verifier));
    QCOMPARE(Pkce::s256Challenge(m_verifier), m_challenge);
    QVERIFY(Pkce::verify(m_verifier, m_challenge, u"S256"_s).ok());
}

void TestPkce::verifierGrammar_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::addColumn<bool>("valid");

    // RFC 7636 §4.1: code-verifier = 43*128unreserved.
    QTest::newRow("42 chars: one short") << repeat(u'a', 42) << false;
    QTest::newRow("43 chars: minimum") << repeat(u'a', 43) << true;
    QTest::newRow("128 chars: maximum") << repeat(u'Z', 128) << true;
    QTest::newRow("129 chars: one long") << repeat(u'Z', 129) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("every unreserved class")
        << u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"_s << true;
    QTest::newRow("space") << (repeat(u'a', 42) + u' ') << false;
    QTest::newRow("plus (base64, not base64url)") << (repeat(u'a', 42) + u'+') << false;
    QTest::newRow("slash") << (repeat(u'a', 42) + u'/') << false;
    QTest::newRow("equals padding") << (repeat(u'a', 42) + u'=') << false;
    QTest::newRow("percent escape") << (repeat(u'a', 40) + u"%41"_s) << false;
    QTest::newRow("non-ASCII letter") << (repeat(u'a', 42) + QChar(0x00e9)) << false;
    QTest::newRow("fullwidth digit") << (repeat(u'a', 42) + QChar(0xff11)) << false;
    QTest::newRow("NUL") << (repeat(u'a', 42) + QChar(0)) << false;
    QTest::newRow("newline") << (repeat(u'a', 42) + u'\n') << false;
}

void TestPkce::verifierGrammar()
{
    QFETCH(QString, verifier);
    QFETCH(bool, valid);
    QCOMPARE(Pkce::isValidVerifier(verifier), valid);
    // An invalid verifier has no challenge and never verifies, even against
    // the challenge its bytes would hash to.
    const QString computed = QString::fromLatin1(
        Base64Url::encode(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)));
    QCOMPARE(Pkce::verify(verifier, computed, u"S256"_s).ok(), valid);
    QCOMPARE(Pkce::s256Challenge(verifier).isEmpty(), !valid);
}

void TestPkce::verify_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::addColumn<QString>("challenge");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("ok");

    const QString v = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
    const QString c = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;
    QTest::newRow("S256 match") << v << c << u"S256"_s << true;
    QTest::newRow("plain never, even when verifier == challenge") << v << v << u"plain"_s << false;
    QTest::newRow("method case matters") << v << c << u"s256"_s << false;
    QTest::newRow("empty method") << v << c << QString() << false;
    QTest::newRow("missing verifier") << QString() << c << u"S256"_s << false;
    QTest::newRow("wrong verifier") << (v.left(42) + u'A') << c << u"S256"_s << false;
    QTest::newRow("challenge one char off") << v << (c.left(42) + u'N') << u"S256"_s << false;
    QTest::newRow("challenge with padding") << v << (c + u'=') << u"S256"_s << false;
    QTest::newRow("verifier sent as the challenge") << c << c << u"S256"_s << false;
    QTest::newRow("empty challenge") << v << QString() << u"S256"_s << false;
}

void TestPkce::verify()
{
    QFETCH(QString, verifier);
    QFETCH(QString, challenge);
    QFETCH(QString, method);
    QFETCH(bool, ok);
    const auto result = Pkce::verify(verifier, challenge, method);
    QCOMPARE(result.ok(), ok);
    if (!ok) {
        // RFC 7636 §4.6: a mismatch is invalid_grant.
        QCOMPARE(result.error().code(), QString(proto::error::InvalidGrant));
        QVERIFY(!result.error().description().contains(verifier) || verifier.isEmpty());
    }
}

void TestPkce::comparesInConstantTime()
{
    const quint64 before = ConstantTime::comparisons();
    QVERIFY(Pkce::verify(m_verifier, m_challenge, u"S256"_s).ok());
    QVERIFY(ConstantTime::comparisons() > before);
}

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
