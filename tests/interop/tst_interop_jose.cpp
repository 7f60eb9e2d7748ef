// SPDX-License-Identifier: GPL-3.0-or-later
// Independent implementations check Lanyard: openid-client (npm) accepts the
// discovery document of a real `lanyard serve`, and the npm `jose` package
// verifies tokens signed with Lanyard's keys against the JWKS it serves.
#include "ServeProcess.h"

#include "crypto/KeyGenerator.h"
#include "jose/KeyRing.h"
#include "store/Database.h"
#include "store/SqlKeyStore.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestInteropJose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void independentVerification();

private:
    QString m_interopDir;
};

void TestInteropJose::initTestCase()
{
    m_interopDir = qEnvironmentVariable("LANYARD_INTEROP_DIR");
    QVERIFY2(QDir(m_interopDir + u"/node_modules/openid-client"_s).exists(),
             "npm packages missing: `./dev test` installs them (npm ci in tests/interop)");
}

void TestInteropJose::independentVerification()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"lanyard.db"_s);
    test::ServeProcess server;
    QVERIFY2(server.start(db), qPrintable(server.errorString()));
    const QString issuer = server.url().toString();

    // Sign with the very keys the server publishes, read from its database.
    auto database = Database::open(db);
    QVERIFY2(database.ok(), qPrintable(database.error().message));
    auto keys = SqlKeyStore(*database).list();
    QVERIFY(keys.ok());
    auto ring = KeyRing::fromKeys(*keys);
    QVERIFY2(ring.ok(), qPrintable(ring.error().message));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{u"iss"_s, issuer},
                             {u"sub"_s, u"interop"_s},
                             {u"aud"_s, u"interop-check"_s},
                             {u"iat"_s, now},
                             {u"exp"_s, now + 300}};
    auto rs256 = (*ring)->sign(u"RS256"_s, claims, u"JWT"_s);
    auto es256 = (*ring)->sign(u"ES256"_s, claims, u"JWT"_s);
    QVERIFY(rs256.ok() && es256.ok());

    // Negative controls: the same checker must refuse these.
    QByteArray tampered = *rs256;
    const qsizetype dot = tampered.lastIndexOf('.');
    tampered[dot + 5] = tampered.at(dot + 5) == 'A' ? 'B' : 'A';
    auto foreign = KeyGenerator::generateSigningKey(u"RS256"_s, QDateTime::currentDateTimeUtc());
    QVERIFY(foreign.ok());
    foreign->state = KeyState::Active;
    auto foreignRing = KeyRing::fromKeys({*foreign});
    auto unpublished = (*foreignRing)->sign(u"RS256"_s, claims, u"JWT"_s);
    QVERIFY(unpublished.ok());

    QProcess node;
    node.setWorkingDirectory(m_interopDir);
    node.start(u"node"_s, {u"verify-signatures.mjs"_s, issuer, QString::fromLatin1(*rs256),
                           QString::fromLatin1(*es256), QString::fromLatin1(tampered),
                           QString::fromLatin1(*unpublished)});
    QVERIFY2(node.waitForFinished(60'000), "node did not finish");
    const QByteArray err = node.readAllStandardError();
    QVERIFY2(node.exitCode() == 0, err.constData());
    const QList<QByteArray> lines = node.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 5);

    const QJsonObject discovery = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(discovery.value(u"discovery"_s).toString(), u"ok"_s);
    QCOMPARE(discovery.value(u"issuer"_s).toString(), issuer);

    const QJsonObject rs = QJsonDocument::fromJson(lines.at(1)).object();
    QVERIFY2(rs.value(u"ok"_s).toBool(), lines.at(1).constData());
    QCOMPARE(rs.value(u"alg"_s).toString(), u"RS256"_s);
    QCOMPARE(rs.value(u"kid"_s).toString(), (*ring)->activeKid(u"RS256"_s));
    const QJsonObject es = QJsonDocument::fromJson(lines.at(2)).object();
    QVERIFY2(es.value(u"ok"_s).toBool(), lines.at(2).constData());
    QCOMPARE(es.value(u"alg"_s).toString(), u"ES256"_s);

    const QJsonObject bad = QJsonDocument::fromJson(lines.at(3)).object();
    QCOMPARE(bad.value(u"ok"_s).toBool(), false);
    QCOMPARE(bad.value(u"code"_s).toString(), u"ERR_JWS_SIGNATURE_VERIFICATION_FAILED"_s);
    const QJsonObject unknown = QJsonDocument::fromJson(lines.at(4)).object();
    QCOMPARE(unknown.value(u"ok"_s).toBool(), false);
    QCOMPARE(unknown.value(u"code"_s).toString(), u"ERR_JWKS_NO_MATCHING_KEY"_s);

    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestInteropJose)
#include "tst_interop_jose.moc"
