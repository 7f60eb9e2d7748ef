// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpRequestFramer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestHttpRequestFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framing_data();
    void framing();
    void endOffsetsOfPipelinedRequests();
    void bodyBytesAreSkippable();
    void expectContinue();
    void keepAlive_data();
    void keepAlive();
    void headLimitCountsBeforeTheBlankLine();
};

namespace {

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxBodyBytes = 100;
    limits.maxHeaderFields = 10;
    limits.maxChunkLineBytes = 64;
    return limits;
}

struct Outcome
{
    qsizetype completed = 0;
    int failure = 0;
    qint64 lastBodyBytes = -1;
};

Outcome frame(const QByteArray &input, qsizetype step)
{
    HttpRequestFramer framer(smallLimits());
    QList<RequestHead> completed;
    for (qsizetype i = 0; i < input.size() && !framer.failed(); i += step)
        framer.feed(QByteArrayView(input).sliced(i, std::min(step, input.size() - i)), &completed);
    Outcome outcome;
    outcome.completed = completed.size();
    outcome.failure = framer.failed() ? framer.failure().status : 0;
    if (!completed.isEmpty())
        outcome.lastBodyBytes = completed.last().bodyBytes;
    return outcome;
}

} // namespace

void TestHttpRequestFramer::framing_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("completed");
    QTest::addColumn<int>("failure");
    QTest::addColumn<qint64>("bodyBytes");

    const QByteArray get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n"_ba;
    QTest::newRow("simple GET") << get << 1 << 0 << qint64(0);
    QTest::newRow("two pipelined") << get + get << 2 << 0 << qint64(0);
    QTest::newRow("partial head") << "GET / HTTP/1.1\r\nHost: x\r\n"_ba << 0 << 0 << qint64(-1);
    QTest::newRow("content-length body")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"_ba << 1 << 0
        << qint64(5);
    QTest::newRow("body at the limit")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"_ba + QByteArray(100, 'a')
        << 1 << 0 << qint64(100);
    QTest::newRow("chunked body")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\n\r\n"_ba
        << 1 << 0 << qint64(8);
    QTest::newRow("bare LF line ends") << "GET / HTTP/1.1\nHost: x\n\n"_ba << 1 << 0 << qint64(0);
    QTest::newRow("empty line before request") << "\r\n"_ba + get << 1 << 0 << qint64(0);
    QTest::newRow("HTTP/1.0 without Host") << "GET / HTTP/1.0\r\n\r\n"_ba << 1 << 0 << qint64(0);
    QTest::newRow("absolute-form")
        << "GET http://x/a?b=c HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 1 << 0 << qint64(0);
    QTest::newRow("OPTIONS *") << "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 1 << 0 << qint64(0);

    // Refusals: each is a rule of RFC 9112 or a limit.
    QTest::newRow("content-length over limit")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n"_ba << 0 << 413
        << qint64(-1);
    QTest::newRow("chunk size over limit")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n"_ba << 0 << 413
        << qint64(-1);
    QTest::newRow("chunks growing over limit")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n"_ba +
               QByteArray(50, 'a') + "\r\n33\r\n"_ba
        << 0 << 413 << qint64(-1);
    QTest::newRow("chunk size overflow")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
           "ffffffffffffffffff\r\n"_ba
        << 0 << 413 << qint64(-1);
    QTest::newRow("header block over limit")
        << "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "_ba + QByteArray(1100, 'a') + "\r\n\r\n"_ba << 0
        << 431 << qint64(-1);
    QTest::newRow("request line over limit")
        << "GET /"_ba + QByteArray(1100, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 414
        << qint64(-1);
    QByteArray manyHeaders = "GET / HTTP/1.1\r\nHost: x\r\n"_ba;
    for (int i = 0; i < 11; ++i)
        manyHeaders += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many header fields") << manyHeaders + "\r\n" << 0 << 431 << qint64(-1);
    QTest::newRow("content-length and transfer-encoding")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"_ba
        << 0 << 400 << qint64(-1);
    QTest::newRow("two content-lengths")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na"_ba << 0
        << 400 << qint64(-1);
    QTest::newRow("content-length not a number")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3\r\n\r\n"_ba << 0 << 400
        << qint64(-1);
    QTest::newRow("negative content-length")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("space before colon")
        << "POST /t HTTP/1.1\r\nHost: x\r\nContent-Length : 3\r\n\r\nabc"_ba << 0 << 400
        << qint64(-1);
    QTest::newRow("obs-fold") << "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"_ba << 0 << 400
                              << qint64(-1);
    QTest::newRow("trailer fields")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
           "1\r\na\r\n0\r\nX-T: 1\r\n\r\n"_ba
        << 0 << 400 << qint64(-1);
    QTest::newRow("chunk data without CRLF")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n"_ba << 0
        << 400 << qint64(-1);
    QTest::newRow("chunk size not hex")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"_ba << 0 << 400
        << qint64(-1);
    QTest::newRow("unknown transfer coding")
        << "POST /t HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"_ba << 0 << 501
        << qint64(-1);
    QTest::newRow("transfer-encoding in HTTP/1.0")
        << "POST /t HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("no Host in HTTP/1.1") << "GET / HTTP/1.1\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("two Hosts") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba << 0 << 400
                               << qint64(-1);
    QTest::newRow("HTTP/2.0") << "GET / HTTP/2.0\r\nHost: x\r\n\r\n"_ba << 0 << 505 << qint64(-1);
    QTest::newRow("garbage") << "GARBAGE\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("two spaces") << "GET  / HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400
                                << qint64(-1);
    QTest::newRow("space in target")
        << "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("relative target")
        << "GET a HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("CONNECT") << "CONNECT x:443 HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 0 << 501
                             << qint64(-1);
    QTest::newRow("NUL in a header")
        << "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("bare CR in a header")
        << "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"_ba << 0 << 400 << qint64(-1);
    QTest::newRow("unknown expectation")
        << "POST /t HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\na"_ba << 0
        << 417 << qint64(-1);
    QTest::newRow("second request malformed") << get + "BAD\r\n\r\n"_ba << 1 << 400 << qint64(0);
}

void TestHttpRequestFramer::framing()
{
    QFETCH(QByteArray, input);
    QFETCH(int, completed);
    QFETCH(int, failure);
    QFETCH(qint64, bodyBytes);
    // The outcome must not depend on how the bytes were split into reads.
    for (qsizetype step : {input.size(), qsizetype(1), qsizetype(7)}) {
        const Outcome outcome = frame(input, std::max<qsizetype>(step, 1));
        QCOMPARE(outcome.completed, completed);
        QCOMPARE(outcome.failure, failure);
        QCOMPARE(outcome.lastBodyBytes, bodyBytes);
    }
}

void TestHttpRequestFramer::endOffsetsOfPipelinedRequests()
{
    const QByteArray first = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"_ba;
    const QByteArray second = "GET /b HTTP/1.1\r\nHost: x\r\n\r\n"_ba;
    HttpRequestFramer framer(smallLimits());
    QList<RequestHead> completed;
    QVERIFY(framer.feed(first + second + "GET /c"_ba, &completed));
    QCOMPARE(completed.size(), 2);
    QCOMPARE(completed[0].target, "/a"_ba);
    QCOMPARE(completed[0].endOffset, first.size());
    QCOMPARE(completed[1].target, "/b"_ba);
    QCOMPARE(completed[1].endOffset, first.size() + second.size());
    QVERIFY(framer.inProgress());
    QCOMPARE(framer.offset(), first.size() + second.size() + 6);
}

void TestHttpRequestFramer::bodyBytesAreSkippable()
{
    HttpRequestFramer framer(smallLimits());
    QList<RequestHead> completed;
    QVERIFY(
        framer.feed("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 80\r\n\r\n"_ba, &completed));
    QCOMPARE(framer.skippableBytes(), 80);
    framer.skip(30, &completed);
    QCOMPARE(framer.skippableBytes(), 50);
    QVERIFY(completed.isEmpty());
    framer.skip(50, &completed);
    QCOMPARE(completed.size(), 1);
    QCOMPARE(completed.first().bodyBytes, 80);
    QCOMPARE(framer.skippableBytes(), 0);
}

void TestHttpRequestFramer::expectContinue()
{
    HttpRequestFramer framer(smallLimits());
    QList<RequestHead> completed;
    QVERIFY(framer.feed(
        "POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"_ba,
        &completed));
    QVERIFY(framer.wantsContinue());
    framer.continueSent();
    QVERIFY(!framer.wantsContinue());
    QVERIFY(framer.feed("abc"_ba, &completed));
    QCOMPARE(completed.size(), 1);
    QVERIFY(completed.first().expectContinue);

    // Body already arriving: no interim response.
    HttpRequestFramer eager(smallLimits());
    QVERIFY(eager.feed(
        "POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\na"_ba,
        &completed));
    QVERIFY(!eager.wantsContinue());
}

void TestHttpRequestFramer::keepAlive_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1") << "GET / HTTP/1.1\r\nHost: x\r\n\r\n"_ba << true;
    QTest::newRow("1.1 close") << "GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n"_ba
                               << false;
    QTest::newRow("1.1 close among options")
        << "GET / HTTP/1.1\r\nHost: x\r\nConnection: te, close\r\n\r\n"_ba << false;
    QTest::newRow("1.0") << "GET / HTTP/1.0\r\n\r\n"_ba << false;
    QTest::newRow("1.0 keep-alive")
        << "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba << false;
}

void TestHttpRequestFramer::keepAlive()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepAlive);
    HttpRequestFramer framer;
    QList<RequestHead> completed;
    QVERIFY(framer.feed(input, &completed));
    QCOMPARE(completed.size(), 1);
    QCOMPARE(completed.first().keepAlive, keepAlive);
}

void TestHttpRequestFramer::headLimitCountsBeforeTheBlankLine()
{
    // Refused as soon as the head outgrows the limit, without waiting for its end.
    HttpRequestFramer framer(smallLimits());
    QList<RequestHead> completed;
    QVERIFY(framer.feed("GET / HTTP/1.1\r\nHost: x\r\n"_ba, &completed));
    QVERIFY(!framer.feed("X-Big: "_ba + QByteArray(2000, 'a'), &completed));
    QCOMPARE(framer.failure().status, 431);
}

QTEST_GUILESS_MAIN(TestHttpRequestFramer)
#include "tst_httprequestframer.moc"
