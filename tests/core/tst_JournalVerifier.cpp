#include "core/base/Redactor.h"
#include "core/journal/JournalEvent.h"
#include "core/journal/JournalRowCheck.h"
#include "core/journal/JournalVerifier.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>
#include <functional>

using namespace cockpit;

namespace {

using Rows = QList<JournalRawRow>;

// QVERIFY2 evaluates its message even when the check passes (Qt 6.4).
QString describe(const JournalVerifyReport &r)
{
    return r.fault ? r.fault->toString() : QStringLiteral("ok");
}

Rows makeChain(int n)
{
    Rows rows;
    QByteArray prev = JournalEvent::genesisHash();
    for (int i = 1; i <= n; ++i) {
        JournalEventDraft d;
        d.runId = QStringLiteral("run-1");
        d.at = 1'700'000'000'000 + i * 1000;
        d.type = i == 1 ? JournalEventType::RunStarted : JournalEventType::CheckObserved;
        d.actor = QStringLiteral("engine");
        d.payload = QJsonObject {{QStringLiteral("check"), QStringLiteral("rlm-health")},
                                 {QStringLiteral("n"), i},
                                 {QStringLiteral("status"), 200}};
        const JournalEvent e = JournalEvent::seal(d, i, prev);
        prev = e.hash();
        rows.append(e.toRawRow());
    }
    return rows;
}

// Re-hash rows [from, end) so only the chain link into `from` is wrong (what a forger who can't
// recompute the whole chain, or forgets one link, leaves behind).
void rehashFrom(Rows &rows, int from)
{
    for (int i = from; i < rows.size(); ++i) {
        if (i > from)
            rows[i].prevHash = rows[i - 1].hash;
        rows[i].hash = JournalEvent::computeHash(rows[i]);
    }
}

} // namespace

using Tamper = std::function<void(Rows &)>;
Q_DECLARE_METATYPE(Tamper)
Q_DECLARE_METATYPE(JournalFault::Kind)

class tst_JournalVerifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Redactor::clearForTests(); }

    void intactChainVerifies()
    {
        const Rows rows = makeChain(20);
        const auto r = JournalVerifier::verify(rows);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.eventCount, 20);
        QCOMPARE(r.verifiedCount, 20);
        QCOMPARE(r.headHash, rows.last().hash);
        QCOMPARE(rows.first().prevHash, QByteArray(64, '0'));
    }

    void emptyJournalVerifies()
    {
        const auto r = JournalVerifier::verify({});
        QVERIFY(r.ok());
        QCOMPARE(r.headHash, JournalEvent::genesisHash());
    }

    void sealIsDeterministicAndRoundTrips()
    {
        JournalEventDraft d {
            QStringLiteral("r"), 42, JournalEventType::GateChanged, QStringLiteral("alice"),
            QJsonObject {{QStringLiteral("z"), 1}, {QStringLiteral("a"), QStringLiteral("ü")}}};
        const JournalEvent a = JournalEvent::seal(d, 1, JournalEvent::genesisHash());
        const JournalEvent b = JournalEvent::seal(d, 1, JournalEvent::genesisHash());
        QCOMPARE(a.hash(), b.hash());
        QCOMPARE(a.payloadJson(), QByteArray("{\"a\":\"\xc3\xbc\",\"z\":1}"));
        const auto back = JournalEvent::fromRawRow(a.toRawRow());
        QVERIFY(back.has_value());
        QVERIFY(*back == a);
        QCOMPARE(back->type(), JournalEventType::GateChanged);
        QCOMPARE(back->payload().value(QStringLiteral("z")).toInt(), 1);
        // Every field is covered by the hash.
        JournalEventDraft d2 = d;
        d2.at = 43;
        QVERIFY(JournalEvent::seal(d2, 1, JournalEvent::genesisHash()).hash() != a.hash());
        QVERIFY(JournalEvent::seal(d, 2, JournalEvent::genesisHash()).hash() != a.hash());
        QVERIFY(JournalEvent::seal(d, 1, QByteArray(64, 'a')).hash() != a.hash());
        // Known vector: pins the canonical encoding so a change to it can't slip through unnoticed.
        QCOMPARE(JournalEvent::canonicalBytes(a.toRawRow()),
                 QByteArray("18:cockpit-journal-v1,1:1,1:r,2:42,12:gate_changed,5:alice,16:{\"a\":"
                            "\"\xc3\xbc\",\"z\":1},64:")
                     + QByteArray(64, '0') + ',');
    }

    void typeNamesRoundTrip()
    {
        for (JournalEventType t : allJournalEventTypes())
            QCOMPARE(journalEventTypeFromName(journalEventTypeName(t)), std::optional(t));
        QCOMPARE(journalEventTypeName(JournalEventType::PointOfNoReturn),
                 QStringLiteral("point_of_no_return"));
        QVERIFY(!journalEventTypeFromName(u"bogus").has_value());
    }

    void redactsBeforeHashing()
    {
        Redactor::add("s3cr3t-token");
        JournalEventDraft d {
            QStringLiteral("run"), 1, JournalEventType::ActionRun, QStringLiteral("engine"),
            QJsonObject {{QStringLiteral("output"), QStringLiteral("Bearer s3cr3t-token ok")},
                         {QStringLiteral("nested"),
                          QJsonArray {QJsonObject {{QStringLiteral("x"), QStringLiteral("s3cr3t-token")}}}}}};
        const JournalEvent e = JournalEvent::seal(d, 1, JournalEvent::genesisHash());
        QVERIFY(!e.payloadJson().contains("s3cr3t-token"));
        QVERIFY(e.payloadJson().contains("Bearer *** ok"));
        // The stored (redacted) bytes are what's hashed: the event verifies as stored.
        QVERIFY(JournalVerifier::verify({e.toRawRow()}).ok());
    }

    void detectsTampering_data()
    {
        QTest::addColumn<Tamper>("tamper");
        QTest::addColumn<JournalFault::Kind>("kind");
        QTest::addColumn<qint64>("seq");
        using K = JournalFault::Kind;

        QTest::newRow("payload byte")
            << Tamper([](Rows &r) { r[4].payload.replace("200", "500"); }) << K::HashMismatch << qint64(5);
        QTest::newRow("actor") << Tamper([](Rows &r) { r[6].actor = "mallory"; }) << K::HashMismatch
                               << qint64(7);
        QTest::newRow("timestamp") << Tamper([](Rows &r) {
            r[2].at = QByteArray::number(r[2].at.toLongLong() + 1);
        }) << K::HashMismatch << qint64(3);
        QTest::newRow("type") << Tamper([](Rows &r) { r[3].type = "note"; }) << K::HashMismatch << qint64(4);
        QTest::newRow("run id") << Tamper([](Rows &r) { r[0].runId = "run-2"; }) << K::HashMismatch
                                << qint64(1);
        QTest::newRow("stored hash") << Tamper([](Rows &r) {
            r[9].hash[0] = r[9].hash[0] == 'a' ? 'b' : 'a';
        }) << K::HashMismatch << qint64(10);
        QTest::newRow("modified and re-hashed") << Tamper([](Rows &r) {
            r[4].payload.replace("200", "500");
            r[4].hash = JournalEvent::computeHash(r[4]);
        }) << K::ChainBreak << qint64(6);
        QTest::newRow("removed middle") << Tamper([](Rows &r) { r.removeAt(7); }) << K::SeqGap << qint64(8);
        QTest::newRow("removed first") << Tamper([](Rows &r) { r.removeFirst(); }) << K::SeqGap << qint64(1);
        QTest::newRow("removed three") << Tamper([](Rows &r) { r.remove(3, 3); }) << K::SeqGap << qint64(4);
        QTest::newRow("removed and renumbered") << Tamper([](Rows &r) {
            r.removeAt(7);
            for (int i = 7; i < r.size(); ++i)
                r[i].seq = QByteArray::number(i + 1);
            rehashFrom(r, 7);
        }) << K::ChainBreak << qint64(8);
        QTest::newRow("inserted") << Tamper([](Rows &r) {
            JournalRawRow x = r[5];
            x.payload = "{\"forged\":true}";
            x.seq = "7";
            x.prevHash = r[5].hash;
            x.hash = JournalEvent::computeHash(x);
            r.insert(6, x);
            for (int i = 7; i < r.size(); ++i)
                r[i].seq = QByteArray::number(i + 1);
        }) << K::ChainBreak << qint64(8);
        QTest::newRow("inserted and chain re-hashed but one link") << Tamper([](Rows &r) {
            JournalRawRow x = r[5];
            x.payload = "{\"forged\":true}";
            x.seq = "7";
            r.insert(6, x);
            for (int i = 7; i < r.size(); ++i)
                r[i].seq = QByteArray::number(i + 1);
            rehashFrom(r, 6); // x keeps prev_hash = hash(6)'s predecessor: wrong link into x
        }) << K::ChainBreak << qint64(7);
        QTest::newRow("swapped rows")
            << Tamper([](Rows &r) { r.swapItemsAt(3, 4); }) << K::Reorder << qint64(4);
        QTest::newRow("moved to end")
            << Tamper([](Rows &r) { r.move(2, r.size() - 1); }) << K::Reorder << qint64(3);
        QTest::newRow("duplicated") << Tamper([](Rows &r) { r.insert(5, r[4]); }) << K::Reorder << qint64(5);
        QTest::newRow("swapped seq numbers") << Tamper([](Rows &r) {
            std::swap(r[3].seq, r[4].seq);
            r.swapItemsAt(3, 4);
        }) << K::ChainBreak << qint64(4);
        QTest::newRow("first prev not genesis") << Tamper([](Rows &r) {
            r[0].prevHash = QByteArray(64, '1');
            rehashFrom(r, 0);
        }) << K::ChainBreak << qint64(1);
        QTest::newRow("payload not json")
            << Tamper([](Rows &r) { r[3].payload = "{\"a\":"; }) << K::Unparsable << qint64(4);
        QTest::newRow("payload array")
            << Tamper([](Rows &r) { r[3].payload = "[1,2]"; }) << K::Unparsable << qint64(4);
        QTest::newRow("seq leading zero")
            << Tamper([](Rows &r) { r[3].seq = "04"; }) << K::Unparsable << qint64(4);
        QTest::newRow("seq garbage") << Tamper([](Rows &r) { r[3].seq = "x\x01"; }) << K::Unparsable
                                     << qint64(4);
        QTest::newRow("at negative") << Tamper([](Rows &r) { r[3].at = "-5"; }) << K::Unparsable << qint64(4);
        QTest::newRow("unknown type")
            << Tamper([](Rows &r) { r[3].type = "hacked"; }) << K::Unparsable << qint64(4);
        QTest::newRow("bad utf8 actor")
            << Tamper([](Rows &r) { r[3].actor = "\xff\xfe"; }) << K::Unparsable << qint64(4);
        QTest::newRow("uppercase hash")
            << Tamper([](Rows &r) { r[3].hash = r[3].hash.toUpper(); }) << K::Unparsable << qint64(4);
        QTest::newRow("short prev hash")
            << Tamper([](Rows &r) { r[3].prevHash.chop(1); }) << K::Unparsable << qint64(4);
    }

    void detectsTampering()
    {
        QFETCH(Tamper, tamper);
        QFETCH(JournalFault::Kind, kind);
        QFETCH(qint64, seq);
        Rows rows = makeChain(12);
        tamper(rows);
        const auto r = JournalVerifier::verify(rows);
        QVERIFY2(!r.ok(), "tampering went unnoticed");
        QCOMPARE(JournalFault::kindName(r.fault->kind), JournalFault::kindName(kind));
        QCOMPARE(r.fault->seq, seq);
        QVERIFY(r.fault->toString().startsWith(QStringLiteral("event %1: ").arg(seq)));
        // Everything before the named event verified (a duplicate names the original, which did verify).
        QCOMPARE(r.verifiedCount, QByteArray(QTest::currentDataTag()) == "duplicated" ? seq : seq - 1);
    }

    void garbageNeverCrashes()
    {
        // Random and structured garbage through both entry points; the test is that it returns.
        auto *rng = QRandomGenerator::global();
        const Rows good = makeChain(3);
        for (int round = 0; round < 3000; ++round) {
            QByteArray data;
            const int len = rng->bounded(0, 400);
            for (int i = 0; i < len; ++i)
                data.append(char(rng->bounded(256)));
            const auto r = JournalVerifier::verifySerialized(data);
            if (!data.isEmpty())
                QVERIFY(!r.ok() || r.eventCount > 0);

            Rows rows = good;
            JournalRawRow &row = rows[rng->bounded(3)];
            QByteArray *fields[] = {&row.seq,   &row.runId,   &row.at,       &row.type,
                                    &row.actor, &row.payload, &row.prevHash, &row.hash};
            QByteArray &f = *fields[rng->bounded(8)];
            if (!f.isEmpty())
                f[rng->bounded(int(f.size()))] = char(rng->bounded(256));
            else
                f = data.left(16);
            JournalVerifier::verify(rows);
        }
        QVERIFY(!JournalVerifier::verifySerialized(QByteArray("\t\t\t\n\n\x00\t", 7)).ok());
        QVERIFY(!JournalVerifier::verifySerialized("99999999999999999999999\t").ok());
        QVERIFY(!JournalVerifier::verifySerialized("9223372036854775807\tr\t0\tnote\ta\t{}\t"
                                                   + QByteArray(64, '0') + "\t" + QByteArray(64, '0'))
                     .ok());
    }

    void expectedHeadShowsATruncatedTail()
    {
        const Rows rows = makeChain(10);
        const JournalHead ten {10, rows[9].hash};
        auto verifyWith = [](const Rows &chain, const JournalHead &head) {
            JournalVerifier v;
            v.expectHead(head, QStringLiteral("the expected head"));
            for (const JournalRawRow &r : chain)
                v.add(r);
            return v.report();
        };
        // The whole chain, and any earlier head of it, contain the head.
        QVERIFY2(verifyWith(rows, ten).ok(), qPrintable(describe(verifyWith(rows, ten))));
        QVERIFY(verifyWith(rows, JournalHead {4, rows[3].hash}).ok());
        QVERIFY(verifyWith(rows, JournalHead {}).ok()); // the empty chain's head

        // Three events cut off the end: the rows alone still verify; the head says what's missing.
        const Rows cut = rows.mid(0, 7);
        QVERIFY(JournalVerifier::verify(cut).ok());
        const auto r = verifyWith(cut, ten);
        QVERIFY(!r.ok());
        QCOMPARE(r.fault->kind, JournalFault::Kind::Truncated);
        QCOMPARE(r.fault->seq, 8);
        QCOMPARE(r.verifiedCount, 7);
        QVERIFY2(r.fault->detail.contains(QStringLiteral("3 event(s) were cut off")),
                 qPrintable(r.fault->detail));

        // The same seq with another hash: a rewritten history, not a truncation.
        const auto other = verifyWith(rows, JournalHead {5, rows[6].hash});
        QVERIFY(!other.ok());
        QCOMPARE(other.fault->kind, JournalFault::Kind::HeadMismatch);
        QCOMPARE(other.fault->seq, 5);

        QCOMPARE(JournalHead::parse(ten.toString()).value(), ten);
        QVERIFY(!JournalHead::parse(QStringLiteral("10")).has_value());
        QVERIFY(!JournalHead::parse(QStringLiteral("-1:") + QString(64, QLatin1Char('0'))).has_value());
        QVERIFY(!JournalHead::parse(QStringLiteral("3:") + QString(64, QLatin1Char('G'))).has_value());
    }

    void fastRowCheckNeverAcceptsWhatTheFullParserRefuses()
    {
        // The verifier's fast path may send a row to fromRawRow, never wave one through that fromRawRow
        // would refuse: mutate good rows at random and compare.
        auto *rng = QRandomGenerator::global();
        const Rows good = makeChain(4);
        const QByteArray alphabet
            = QByteArrayLiteral("{}[]\":,.-+eE0123456789 \\/ubtnrfa\x00\x7f\xc3\xa9\xed\xa0\x80\xf4\x90");
        int accepted = 0;
        for (int round = 0; round < 20000; ++round) {
            JournalRawRow row = good[rng->bounded(4)];
            QByteArray *fields[]
                = {&row.seq, &row.at, &row.type, &row.actor, &row.payload, &row.prevHash, &row.hash};
            QByteArray &f = *fields[round % 4 == 0 ? rng->bounded(7) : 4];
            const int edits = rng->bounded(1, 4);
            for (int k = 0; k < edits; ++k) {
                const int pos = f.isEmpty() ? 0 : rng->bounded(int(f.size()));
                const char c = alphabet.at(rng->bounded(int(alphabet.size())));
                switch (rng->bounded(3)) {
                case 0: f.insert(pos, c); break;
                case 1:
                    if (!f.isEmpty())
                        f[pos] = c;
                    break;
                default:
                    if (!f.isEmpty())
                        f.remove(pos, 1);
                    break;
                }
            }
            qint64 seq = 0;
            if (JournalRowCheck::wellFormed(row, &seq)) {
                ++accepted;
                const auto full = JournalEvent::fromRawRow(row);
                QVERIFY2(full.has_value(),
                         qPrintable(QString::fromUtf8(row.payload) + QStringLiteral(" / ")
                                    + (full ? QString() : full.error())));
                QCOMPARE(full->seq(), seq);
            }
        }
        QVERIFY(accepted > 100); // the test did exercise the accepting side
        QVERIFY(JournalRowCheck::isUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80"));
        QVERIFY(!JournalRowCheck::isUtf8("\xed\xa0\x80")); // a surrogate
        QVERIFY(!JournalRowCheck::isUtf8("\xc0\xaf")); // overlong
        QVERIFY(!JournalRowCheck::isJsonObject("{\"a\":1}x"));
        QVERIFY(JournalRowCheck::isJsonObject(" {\"a\":[1,-0.5,true,null,{\"b\":\"\\u00e9\"}]} "));
    }

    void serializedFormVerifies()
    {
        QByteArray data;
        for (const JournalRawRow &r : makeChain(5)) {
            if (!data.isEmpty())
                data += '\n';
            data += r.seq + '\t' + r.runId + '\t' + r.at + '\t' + r.type + '\t' + r.actor + '\t' + r.payload
                + '\t' + r.prevHash + '\t' + r.hash;
        }
        const auto rep = JournalVerifier::verifySerialized(data);
        QVERIFY2(rep.ok(), qPrintable(describe(rep)));
        QCOMPARE(rep.verifiedCount, 5);
    }
};

QTEST_APPLESS_MAIN(tst_JournalVerifier)
#include "tst_JournalVerifier.moc"
