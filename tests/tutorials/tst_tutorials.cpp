// The tutorial dialects' timestamp on real frames from a server on port 0: what Python 3.7 to
// 3.10's datetime.fromisoformat reads, the same instant as the native dialect's, whose form is
// unchanged.
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// What Python 3.7 to 3.10's datetime.fromisoformat accepts (3.11 also takes "Z"):
// YYYY-MM-DD[*HH[:MM[:SS[.fff[fff]]]][+HH:MM[:SS[.ffffff]]]], any one character for "*".
bool pythonFromIsoFormatAccepts(const QString &text)
{
    static const QRegularExpression accepted(
        uR"(^\d{4}-\d{2}-\d{2}(.\d{2}(:\d{2}(:\d{2}(\.(\d{3}|\d{6}))?)?)?)"
        uR"(([+-]\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)?)?$)"_s);
    return accepted.match(text).hasMatch();
}

// The tutorial dialects' form: UTC, six fraction digits, +00:00.
bool tutorialForm(const QString &text)
{
    static const QRegularExpression form(
        uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$)"_s);
    return form.match(text).hasMatch();
}

// The native dialect's form: UTC, milliseconds, Z.
bool nativeForm(const QString &text)
{
    static const QRegularExpression form(uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)"_s);
    return form.match(text).hasMatch();
}

} // namespace

class tst_Tutorials : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server.init(); }
    void cleanup() { m_server.cleanup(); }
    void chatTimestamp_data();
    void chatTimestamp();
    void notificationTimestamp();

private:
    TestServer m_server;
};

void tst_Tutorials::chatTimestamp_data()
{
    QTest::addColumn<QString>("path"); // the chat-dialect path
    QTest::addColumn<QString>("room"); // its room, for the native client
    QTest::newRow("/ws/{id}") << u"/ws/alice"_s << u"chat"_s;
    QTest::newRow("/ws/{room}/{id}") << u"/ws/den/alice"_s << u"den"_s;
}

void tst_Tutorials::chatTimestamp()
{
    QFETCH(QString, path);
    QFETCH(QString, room);
    QVERIFY(m_server.start());
    TestClient chat, native;
    QVERIFY(chat.openAndWait(m_server.url(path)));
    QVERIFY(native.openNative(m_server.url(u"/chat?name=nina&room="_s + room), true));
    chat.send(u"hello"_s);
    QJsonObject line, event;
    QVERIFY(chat.next(&line));
    QVERIFY(native.nextOfType(u"message"_s, &event));
    const QString python = line.value("timestamp"_L1).toString();
    const QString wire = event.value("timestamp"_L1).toString();
    QVERIFY2(tutorialForm(python), qPrintable(python));
    QVERIFY2(pythonFromIsoFormatAccepts(python), qPrintable(python));
    QVERIFY2(nativeForm(wire), qPrintable(wire)); // the native dialect keeps its form
    QCOMPARE(QDateTime::fromString(python, Qt::ISODateWithMs),
             QDateTime::fromString(wire, Qt::ISODateWithMs));
}

void tst_Tutorials::notificationTimestamp()
{
    QVERIFY(m_server.start([](ServerConfig &c) { c.notificationInterval = 0.05; }));
    TestClient nora;
    QVERIFY(nora.openAndWait(m_server.url(u"/ws/notifications/nora"_s)));
    for (int i = 0; i < 2; ++i) {
        QJsonObject o;
        QVERIFY(nora.next(&o));
        const QString python = o.value("timestamp"_L1).toString();
        QVERIFY2(tutorialForm(python), qPrintable(python));
        QVERIFY2(pythonFromIsoFormatAccepts(python), qPrintable(python));
        const QDateTime time = QDateTime::fromString(python, Qt::ISODateWithMs);
        QVERIFY(qAbs(time.msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
    }
    m_server.host()->sendNotification(u"from the host"_s);
    QJsonObject o;
    do {
        QVERIFY(nora.next(&o));
    } while (o.value("message"_L1).toString() != "from the host"_L1);
    QVERIFY(pythonFromIsoFormatAccepts(o.value("timestamp"_L1).toString()));
}

QTEST_GUILESS_MAIN(tst_Tutorials)
#include "tst_tutorials.moc"
