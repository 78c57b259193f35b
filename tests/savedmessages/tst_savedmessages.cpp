// SavedMessages: the messages a client window keeps per URL, in QSettings, across "runs" (new
// objects reading the same settings).

#include "console/savedmessages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSavedMessages : public QObject
{
    Q_OBJECT

private slots:
    // Settings go to QStandardPaths' test locations, under an organization of this run's own.
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(
            u"wsroom-test-%1"_s.arg(QCoreApplication::applicationPid()));
        QCoreApplication::setApplicationName(u"tst_savedmessages"_s);
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase()
    {
        const QString file = QSettings().fileName();
        QSettings().clear();
        QFile::remove(file);
        QDir().rmdir(QFileInfo(file).absolutePath());
    }

    void key_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QUrl>("key");
        QTest::newRow("plain") << QUrl(u"ws://127.0.0.1:8000/echo"_s)
                               << QUrl(u"ws://127.0.0.1:8000/echo"_s);
        QTest::newRow("query dropped") << QUrl(u"ws://127.0.0.1:8000/chat?code=1234&name=x"_s)
                                       << QUrl(u"ws://127.0.0.1:8000/chat"_s);
        QTest::newRow("fragment and user dropped")
            << QUrl(u"wss://me:pw@example.org/ws#top"_s) << QUrl(u"wss://example.org/ws"_s);
    }
    // The key is the URL without what changes between visits of the same endpoint.
    void key()
    {
        QFETCH(QUrl, url);
        QFETCH(QUrl, key);
        QCOMPARE(SavedMessages::key(url), key);
        QCOMPARE(SavedMessages(url).url(), key);
    }

    // Saved messages come back, sorted by name, with their kind and body, from a new object.
    void saveAndList()
    {
        const QUrl url(u"ws://127.0.0.1:8000/echo"_s);
        {
            SavedMessages saved(url);
            QVERIFY(saved.list().isEmpty());
            QVERIFY(saved.save({u"hello"_s, SavedMessage::Text, u"hi there"_s}));
            QVERIFY(saved.save({u"Bytes"_s, SavedMessage::BinaryHex, u"de ad be ef"_s}));
            QVERIFY(saved.save({u"join"_s, SavedMessage::Json, u"{\"type\": \"join\"}"_s}));
            QVERIFY(saved.save({u"picture"_s, SavedMessage::File, u"/tmp/a.png"_s}));
        }
        const QList<SavedMessage> list = SavedMessages(url).list();
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.at(0).name, u"Bytes"_s);
        QCOMPARE(list.at(0).kind, SavedMessage::BinaryHex);
        QCOMPARE(list.at(0).body, u"de ad be ef"_s);
        QCOMPARE(list.at(1).name, u"hello"_s);
        QCOMPARE(list.at(1).kind, SavedMessage::Text);
        QCOMPARE(list.at(2).name, u"join"_s);
        QCOMPARE(list.at(2).kind, SavedMessage::Json);
        QCOMPARE(list.at(2).body, u"{\"type\": \"join\"}"_s);
        QCOMPARE(list.at(3).name, u"picture"_s);
        QCOMPARE(list.at(3).kind, SavedMessage::File);
    }

    // Saving under a name already used replaces that message; a blank name saves nothing.
    void replaceAndBlankName()
    {
        SavedMessages saved(QUrl(u"ws://h:1/echo"_s));
        QVERIFY(saved.save({u"a"_s, SavedMessage::Text, u"one"_s}));
        QVERIFY(saved.save({u"a"_s, SavedMessage::Json, u"[2]"_s}));
        QVERIFY(!saved.save({u"  "_s, SavedMessage::Text, u"x"_s}));
        QVERIFY(!saved.save({QString(), SavedMessage::Text, u"x"_s}));
        QCOMPARE(saved.list().size(), 1);
        QCOMPARE(saved.find(u"a"_s).body, u"[2]"_s);
        QCOMPARE(saved.find(u"a"_s).kind, SavedMessage::Json);
        QVERIFY(saved.find(u"b"_s).name.isEmpty());
    }

    // Each URL has its own list; the same endpoint with another query shares it.
    void perUrl()
    {
        SavedMessages echo(QUrl(u"ws://127.0.0.1:8000/echo"_s));
        SavedMessages chat(QUrl(u"ws://127.0.0.1:8000/chat"_s));
        SavedMessages otherPort(QUrl(u"ws://127.0.0.1:9000/echo"_s));
        QVERIFY(echo.save({u"e"_s, SavedMessage::Text, u"to echo"_s}));
        QVERIFY(chat.save({u"c"_s, SavedMessage::Text, u"to chat"_s}));
        QCOMPARE(echo.list().size(), 1);
        QCOMPARE(echo.list().first().name, u"e"_s);
        QCOMPARE(chat.list().size(), 1);
        QCOMPARE(chat.list().first().name, u"c"_s);
        QVERIFY(otherPort.list().isEmpty());
        const QList<SavedMessage> withCode
            = SavedMessages(QUrl(u"ws://127.0.0.1:8000/echo?code=42"_s)).list();
        QCOMPARE(withCode.size(), 1);
        QCOMPARE(withCode.first().body, u"to echo"_s);
    }

    // Deleting removes one message, for good; deleting what is not there says so.
    void remove()
    {
        const QUrl url(u"ws://h:1/x"_s);
        SavedMessages saved(url);
        QVERIFY(saved.save({u"a"_s, SavedMessage::Text, u"1"_s}));
        QVERIFY(saved.save({u"b"_s, SavedMessage::Text, u"2"_s}));
        QVERIFY(saved.remove(u"a"_s));
        QVERIFY(!saved.remove(u"a"_s));
        QCOMPARE(SavedMessages(url).list().size(), 1);
        QCOMPARE(SavedMessages(url).list().first().name, u"b"_s);
        QVERIFY(saved.remove(u"b"_s));
        QVERIFY(SavedMessages(url).list().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSavedMessages)
#include "tst_savedmessages.moc"
