// Unit tests of the wire format: native and tutorial codecs, JSON writing, validation, endpoints,
// HTTP request heads, and the server's pure helpers (token bucket, status report, HTTP responses,
// session recordings).

#include "protocol/chatmessage.h"
#include "protocol/dialect.h"
#include "protocol/endpoint.h"
#include "protocol/errorcode.h"
#include "protocol/httprequesthead.h"
#include "protocol/jsonwriter.h"
#include "protocol/memberref.h"
#include "protocol/nativecodec.h"
#include "protocol/request.h"
#include "protocol/strictjson.h"
#include "protocol/timestamp.h"
#include "protocol/tutorialcodec.h"
#include "protocol/validation.h"
#include "protocol/webpath.h"
#include "protocol/websocketframe.h"
#include "server/httpresponse.h"
#include "server/serverevent.h"
#include "server/serversnapshot.h"
#include "server/sessionrecorder.h"
#include "server/statusreport.h"
#include "server/tokenbucket.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

// Readable QCOMPARE failures for the protocol's enums (found by argument-dependent lookup).
static char *toString(ErrorCode code)
{
    return qstrdup(qPrintable(errorCodeName(code)));
}

static char *toString(Dialect dialect)
{
    return qstrdup(qPrintable(dialectName(dialect)));
}

static char *toString(Request::Type type)
{
    static const char *const names[]
        = {"Invalid", "Join",  "Leave",   "Message", "Direct", "Rename",
           "Typing",  "Rooms", "Members", "Notify",  "Ping"};
    return qstrdup(names[int(type)]);
}

static char *toString(Endpoint::Status status)
{
    static const char *const names[] = {"Ok", "NotFound", "BadRequest"};
    return qstrdup(names[int(status)]);
}

static char *toString(HttpRequestHead::Status status)
{
    static const char *const names[] = {"Incomplete", "Complete", "Invalid", "TooLarge"};
    return qstrdup(names[int(status)]);
}

namespace {

const QString Ts = QStringLiteral("2026-11-22T03:07:03.342Z");
// Ts as the tutorial dialects send it (Timestamp::toPython).
const QString TsPython = QStringLiteral("2026-11-22T03:07:03.342000+00:00");

// The object a JSON text holds; an empty object when the text is not a JSON object.
QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return QJsonObject();
    return doc.object();
}

bool isJsonObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    return error.error == QJsonParseError::NoError && doc.isObject();
}

// The keys of the outermost object in the order the text has them; QJsonObject sorts them.
QStringList topLevelKeys(const QByteArray &json)
{
    QStringList keys;
    int depth = 0;
    bool inString = false;
    bool expectKey = false;
    bool capturing = false;
    QByteArray current;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\' && i + 1 < json.size()) {
                if (capturing)
                    current.append(c).append(json.at(i + 1));
                ++i;
            } else if (c == '"') {
                inString = false;
                if (capturing)
                    keys.append(QString::fromUtf8(current));
            } else if (capturing) {
                current.append(c);
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            capturing = depth == 1 && expectKey;
            expectKey = false;
            current.clear();
            break;
        case '{':
        case '[':
            ++depth;
            expectKey = c == '{' && depth == 1;
            break;
        case '}':
        case ']':
            --depth;
            break;
        case ',':
            expectKey = depth == 1;
            break;
        default:
            break;
        }
    }
    return keys;
}

QJsonObject memberJson(const MemberRef &m)
{
    return QJsonObject {{QStringLiteral("id"), m.id}, {QStringLiteral("name"), m.name}};
}

const MemberRef Alice {QStringLiteral("m1"), QStringLiteral("alice")};
const MemberRef Bob {QStringLiteral("m2"), QStringLiteral("bob")};

ChatMessage nativeMessage(qint64 id, const QString &text)
{
    ChatMessage m;
    m.room = QStringLiteral("lobby");
    m.id = id;
    m.from = Alice;
    m.text = text;
    m.timestamp = Ts;
    m.origin = Dialect::Native;
    return m;
}

ChatMessage broadcastMessage(const QString &rawJson)
{
    ChatMessage m;
    m.room = QStringLiteral("lobby");
    m.id = 3;
    m.from = Bob;
    m.rawJson = rawJson;
    m.data = QJsonDocument::fromJson("[" + rawJson.toUtf8() + "]").array().at(0);
    m.text = TutorialCodec::textOfBroadcast(m.data, rawJson);
    m.timestamp = Ts;
    m.origin = Dialect::Broadcast;
    return m;
}

QByteArray frame(const QByteArray &head, const QByteArray &field, const QByteArray &value)
{
    return head + ",\"" + field + "\":\"" + value + "\"}";
}

QDateTime utc(int year, int month, int day, int h, int m, int s, int ms)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s, ms), QTimeZone::utc());
}

} // namespace

class tst_Protocol : public QObject
{
    Q_OBJECT

private slots:
    void webSocketFrame_data();
    void webSocketFrame();
    // NativeCodec::decode
    void decodeValid_data();
    void decodeValid();
    void decodeInvalid_data();
    void decodeInvalid();
    void decodeRef_data();
    void decodeRef();
    void decodeMessageData_data();
    void decodeMessageData();
    void decodePing_data();
    void decodePing();
    void decodeFromQString();

    // NativeCodec encoders
    void encodeWelcome();
    void encodeJoined();
    void encodeJoinedEmpty();
    void encodeLeft_data();
    void encodeLeft();
    void encodeMessage();
    void encodeMessageWithData_data();
    void encodeMessageWithData();
    void encodeMessageFromBroadcast_data();
    void encodeMessageFromBroadcast();
    void encodeMessageFromChat();
    void encodeAck();
    void encodeAckRefOnly();
    void encodeDirect();
    void encodeRenamed();
    void encodePresence_data();
    void encodePresence();
    void encodeTyping_data();
    void encodeTyping();
    void encodeRooms();
    void encodeMembers();
    void encodePong_data();
    void encodePong();
    void encodeError_data();
    void encodeError();
    void eventsStartWithType_data();
    void eventsStartWithType();
    void refEchoed_data();
    void refEchoed();

    // TutorialCodec
    void chatLine();
    void chatLineEscapes();
    void forChat();
    void forBroadcast_data();
    void forBroadcast();
    void forBroadcastFromOtherDialects_data();
    void forBroadcastFromOtherDialects();
    void textOfBroadcast_data();
    void textOfBroadcast();
    void notification();
    void tutorialError_data();
    void tutorialError();

    // Error codes and dialect names
    void errorCodeNames_data();
    void errorCodeNames();
    void errorCodeFromUnknownName();
    void dialectNames_data();
    void dialectNames();

    // JsonWriter
    void jsonEscaping_data();
    void jsonEscaping();
    void jsonLoneSurrogateStaysValid();
    void jsonStructure();
    void jsonValues_data();
    void jsonValues();

    // StrictJson, and the codecs that rely on it (found by fuzzing: QJsonDocument alone
    // accepts these)
    void strictJson_data();
    void strictJson();
    void readObject_data();
    void readObject();
    void decodeNonStrictJson_data();
    void decodeNonStrictJson();
    void decodeDuplicateKeyMessage();
    void decodeBroadcast_data();
    void decodeBroadcast();

    // WebPath
    void webPath_data();
    void webPath();

    // Validation
    void normalizeName_data();
    void normalizeName();
    void isValidRoom_data();
    void isValidRoom();

    // Endpoint
    void endpoint_data();
    void endpoint();

    // HttpRequestHead
    void httpHeadComplete();
    void httpHeadStatus_data();
    void httpHeadStatus();
    void httpHeadUpgrade_data();
    void httpHeadUpgrade();
    void httpHeadHeaderLookup();
    void httpHeadWithBody();
    void httpHeadReparse();
    void httpQueryValue_data();
    void httpQueryValue();

    // TokenBucket
    void tokenBucketBurst_data();
    void tokenBucketBurst();
    void tokenBucketRefill();
    void tokenBucketCapacity();
    void tokenBucketUnlimited();

    // Timestamp
    void timestampFormat_data();
    void timestampFormat();
    void timestampNow();
    void timestampFormatMSecs_data();
    void timestampFormatMSecs();
    void timestampPython_data();
    void timestampPython();
    void timestampToPython_data();
    void timestampToPython();

    // StatusReport
    void statusJson();
    void statusJsonEmpty();
    void statusMetrics();
    void statusMetricsLabelEscaping_data();
    void statusMetricsLabelEscaping();
    void statusMetricsRoomCap_data();
    void statusMetricsRoomCap();

    // HttpResponse
    void httpResponsePlain_data();
    void httpResponsePlain();
    void httpResponseMake();
    void httpResponseHead_data();
    void httpResponseHead();

    // SessionRecorder
    void sessionLine_data();
    void sessionLine();
    void sessionLineSkipped_data();
    void sessionLineSkipped();
    void sessionRecord();
};

// ---------------------------------------------------------------------------------------------
// NativeCodec::decode

void tst_Protocol::decodeValid_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Request::Type>("type");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("active");

    using T = Request::Type;
    const QString none;
    const QString lobby = QStringLiteral("lobby");
    const QByteArray room64(64, 'r');
    const QByteArray name32(32, 'n');

    QTest::newRow("join") << QByteArray(R"({"type":"join","room":"lobby"})") << T::Join << lobby
                          << none << none << none << false;
    QTest::newRow("join, keys in any order") << QByteArray(R"({"room":"lobby","type":"join"})")
                                             << T::Join << lobby << none << none << none << false;
    QTest::newRow("join, unicode room")
        << QByteArray(R"({"type":"join","room":"Küche 🍳"})") << T::Join << QStringLiteral("Küche 🍳")
        << none << none << none << false;
    QTest::newRow("join, room kept as is")
        << QByteArray(R"({"type":"join","room":" Lobby "})") << T::Join << QStringLiteral(" Lobby ")
        << none << none << none << false;
    QTest::newRow("join, 64-char room")
        << frame(R"({"type":"join")", "room", room64) << T::Join << QString::fromLatin1(room64)
        << none << none << none << false;
    QTest::newRow("join, extra fields ignored")
        << QByteArray(R"({"type":"join","room":"lobby","extra":[1,2],"x":null})") << T::Join
        << lobby << none << none << none << false;
    QTest::newRow("leave") << QByteArray(R"({"type":"leave","room":"lobby"})") << T::Leave << lobby
                           << none << none << none << false;
    QTest::newRow("members") << QByteArray(R"({"type":"members","room":"lobby"})") << T::Members
                             << lobby << none << none << none << false;
    QTest::newRow("message") << QByteArray(R"({"type":"message","room":"lobby","text":"hello"})")
                             << T::Message << lobby << QStringLiteral("hello") << none << none
                             << false;
    QTest::newRow("message, escapes")
        << QByteArray(R"({"type":"message","room":"lobby","text":"a\"b\\c\nd \u00fc"})")
        << T::Message << lobby << QStringLiteral("a\"b\\c\nd ü") << none << none << false;
    QTest::newRow("message, whitespace text")
        << QByteArray(R"({"type":"message","room":"lobby","text":" "})") << T::Message << lobby
        << QStringLiteral(" ") << none << none << false;
    QTest::newRow("message, with data")
        << QByteArray(R"({"type":"message","room":"lobby","text":"hi","data":{"x":1}})")
        << T::Message << lobby << QStringLiteral("hi") << none << none << false;
    QTest::newRow("message, with ref")
        << QByteArray(R"({"type":"message","room":"lobby","text":"hi","ref":"r1"})") << T::Message
        << lobby << QStringLiteral("hi") << none << none << false;
    QTest::newRow("direct, to name")
        << QByteArray(R"({"type":"direct","to":"bob","text":"psst"})") << T::Direct << none
        << QStringLiteral("psst") << none << QStringLiteral("bob") << false;
    QTest::newRow("direct, to id")
        << QByteArray(R"({"type":"direct","to":"m2","text":"psst"})") << T::Direct << none
        << QStringLiteral("psst") << none << QStringLiteral("m2") << false;
    QTest::newRow("rename") << QByteArray(R"({"type":"rename","name":"carol"})") << T::Rename
                            << none << none << QStringLiteral("carol") << none << false;
    QTest::newRow("rename, trimmed")
        << QByteArray(R"({"type":"rename","name":"  carol \t"})") << T::Rename << none << none
        << QStringLiteral("carol") << none << false;
    QTest::newRow("rename, inner space kept")
        << QByteArray(R"({"type":"rename","name":"Ada Lovelace"})") << T::Rename << none << none
        << QStringLiteral("Ada Lovelace") << none << false;
    QTest::newRow("rename, 32 chars")
        << frame(R"({"type":"rename")", "name", name32) << T::Rename << none << none
        << QString::fromLatin1(name32) << none << false;
    QTest::newRow("rename, 32 chars after trimming")
        << frame(R"({"type":"rename")", "name", "  " + name32 + "  ") << T::Rename << none << none
        << QString::fromLatin1(name32) << none << false;
    QTest::newRow("rename, unicode")
        << QByteArray(R"({"type":"rename","name":"Jürgen"})") << T::Rename << none << none
        << QStringLiteral("Jürgen") << none << false;
    QTest::newRow("typing, active")
        << QByteArray(R"({"type":"typing","room":"lobby","active":true})") << T::Typing << lobby
        << none << none << none << true;
    QTest::newRow("typing, inactive")
        << QByteArray(R"({"type":"typing","room":"lobby","active":false})") << T::Typing << lobby
        << none << none << none << false;
    QTest::newRow("rooms") << QByteArray(R"({"type":"rooms"})") << T::Rooms << none << none << none
                           << none << false;
    QTest::newRow("notify") << QByteArray(R"({"type":"notify","text":"restart at noon"})")
                            << T::Notify << none << QStringLiteral("restart at noon") << none
                            << none << false;
    QTest::newRow("ping") << QByteArray(R"({"type":"ping","ts":123})") << T::Ping << none << none
                          << none << none << false;
    QTest::newRow("ping, no ts") << QByteArray(R"({"type":"ping"})") << T::Ping << none << none
                                 << none << none << false;
    QTest::newRow("whitespace around") << QByteArray(" \n{ \"type\" : \"rooms\" }\n ") << T::Rooms
                                       << none << none << none << none << false;
}

void tst_Protocol::decodeValid()
{
    QFETCH(QByteArray, frame);
    QFETCH(Request::Type, type);
    QFETCH(QString, room);
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, to);
    QFETCH(bool, active);

    const Request r = NativeCodec::decode(frame);
    QVERIFY2(r.isValid(), qPrintable(r.errorMessage));
    QCOMPARE(r.type, type);
    QCOMPARE(r.room, room);
    QCOMPARE(r.text, text);
    QCOMPARE(r.name, name);
    QCOMPARE(r.to, to);
    QCOMPARE(r.active, active);
    QVERIFY(r.errorMessage.isEmpty());
}

void tst_Protocol::decodeInvalid_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("error");

    const QByteArray room65(65, 'r');
    const QByteArray name33(33, 'n');
    const QByteArray ref65(65, 'f');

    // Not a JSON object at all.
    QTest::newRow("not JSON") << QByteArray("hello") << ErrorCode::BadJson;
    QTest::newRow("empty frame") << QByteArray("") << ErrorCode::BadJson;
    QTest::newRow("only spaces") << QByteArray("   ") << ErrorCode::BadJson;
    QTest::newRow("truncated") << QByteArray(R"({"type":"join")") << ErrorCode::BadJson;
    QTest::newRow("single quotes") << QByteArray("{'type':'rooms'}") << ErrorCode::BadJson;
    QTest::newRow("trailing garbage") << QByteArray(R"({"type":"rooms"} x)") << ErrorCode::BadJson;
    QTest::newRow("two objects") << QByteArray(R"({"type":"rooms"}{"type":"rooms"})")
                                 << ErrorCode::BadJson;
    QTest::newRow("array") << QByteArray("[1,2,3]") << ErrorCode::BadJson;
    QTest::newRow("array of a request")
        << QByteArray(R"([{"type":"rooms"}])") << ErrorCode::BadJson;
    QTest::newRow("string") << QByteArray(R"("join")") << ErrorCode::BadJson;
    QTest::newRow("number") << QByteArray("42") << ErrorCode::BadJson;
    QTest::newRow("null") << QByteArray("null") << ErrorCode::BadJson;
    QTest::newRow("true") << QByteArray("true") << ErrorCode::BadJson;

    // "type" itself.
    // The host's own name, in any letter case after trimming (additions-2 section 3).
    QTest::newRow("rename to host")
        << QByteArray(R"({"type":"rename","name":"host"})") << ErrorCode::NameReserved;
    QTest::newRow("rename to ' HoSt '")
        << QByteArray(R"({"type":"rename","name":" HoSt "})") << ErrorCode::NameReserved;
    QTest::newRow("no type") << QByteArray(R"({"room":"lobby"})") << ErrorCode::BadRequest;
    QTest::newRow("empty object") << QByteArray("{}") << ErrorCode::BadRequest;
    QTest::newRow("type number") << QByteArray(R"({"type":1})") << ErrorCode::BadRequest;
    QTest::newRow("type null") << QByteArray(R"({"type":null})") << ErrorCode::BadRequest;
    QTest::newRow("type object") << QByteArray(R"({"type":{"name":"join"}})")
                                 << ErrorCode::BadRequest;
    QTest::newRow("type array") << QByteArray(R"({"type":["join"]})") << ErrorCode::BadRequest;

    // Unknown types.
    QTest::newRow("unknown type") << QByteArray(R"({"type":"shout"})") << ErrorCode::UnknownType;
    QTest::newRow("empty type") << QByteArray(R"({"type":""})") << ErrorCode::UnknownType;
    QTest::newRow("type in capitals")
        << QByteArray(R"({"type":"JOIN","room":"lobby"})") << ErrorCode::UnknownType;
    QTest::newRow("type with a space")
        << QByteArray(R"({"type":"join ","room":"lobby"})") << ErrorCode::UnknownType;
    QTest::newRow("server event as request")
        << QByteArray(R"({"type":"welcome"})") << ErrorCode::UnknownType;
    QTest::newRow("ack as request") << QByteArray(R"({"type":"ack"})") << ErrorCode::UnknownType;

    // join / leave / members: room.
    QTest::newRow("join, no room") << QByteArray(R"({"type":"join"})") << ErrorCode::BadRequest;
    QTest::newRow("join, room number")
        << QByteArray(R"({"type":"join","room":7})") << ErrorCode::BadRequest;
    QTest::newRow("join, room null")
        << QByteArray(R"({"type":"join","room":null})") << ErrorCode::BadRequest;
    QTest::newRow("join, room array")
        << QByteArray(R"({"type":"join","room":["a"]})") << ErrorCode::BadRequest;
    QTest::newRow("join, empty room")
        << QByteArray(R"({"type":"join","room":""})") << ErrorCode::BadRequest;
    QTest::newRow("join, 65-char room")
        << frame(R"({"type":"join")", "room", room65) << ErrorCode::BadRequest;
    QTest::newRow("join, room with \\u0001")
        << QByteArray(R"({"type":"join","room":"a\u0001b"})") << ErrorCode::BadRequest;
    QTest::newRow("join, room with newline")
        << QByteArray(R"({"type":"join","room":"a\nb"})") << ErrorCode::BadRequest;
    QTest::newRow("join, room with tab")
        << QByteArray(R"({"type":"join","room":"a\tb"})") << ErrorCode::BadRequest;
    QTest::newRow("join, room with DEL")
        << QByteArray(R"({"type":"join","room":"a\u007fb"})") << ErrorCode::BadRequest;
    QTest::newRow("join, room with NUL")
        << QByteArray(R"({"type":"join","room":"a\u0000b"})") << ErrorCode::BadRequest;
    QTest::newRow("join, room with C1 control")
        << QByteArray(R"({"type":"join","room":"a\u0085b"})") << ErrorCode::BadRequest;
    QTest::newRow("leave, no room") << QByteArray(R"({"type":"leave"})") << ErrorCode::BadRequest;
    QTest::newRow("leave, empty room")
        << QByteArray(R"({"type":"leave","room":""})") << ErrorCode::BadRequest;
    QTest::newRow("members, no room")
        << QByteArray(R"({"type":"members"})") << ErrorCode::BadRequest;
    QTest::newRow("members, room bool")
        << QByteArray(R"({"type":"members","room":true})") << ErrorCode::BadRequest;

    // message.
    QTest::newRow("message, no room")
        << QByteArray(R"({"type":"message","text":"hi"})") << ErrorCode::BadRequest;
    QTest::newRow("message, no text")
        << QByteArray(R"({"type":"message","room":"lobby"})") << ErrorCode::BadRequest;
    QTest::newRow("message, text number")
        << QByteArray(R"({"type":"message","room":"lobby","text":5})") << ErrorCode::BadRequest;
    QTest::newRow("message, text object")
        << QByteArray(R"({"type":"message","room":"lobby","text":{"a":1}})")
        << ErrorCode::BadRequest;
    QTest::newRow("message, text null")
        << QByteArray(R"({"type":"message","room":"lobby","text":null})") << ErrorCode::BadRequest;
    QTest::newRow("message, empty text")
        << QByteArray(R"({"type":"message","room":"lobby","text":""})") << ErrorCode::BadRequest;
    QTest::newRow("message, empty room")
        << QByteArray(R"({"type":"message","room":"","text":"hi"})") << ErrorCode::BadRequest;
    QTest::newRow("message, 65-char room")
        << QByteArray(R"({"type":"message","text":"hi","room":")" + room65 + "\"}")
        << ErrorCode::BadRequest;
    QTest::newRow("message, room with control char")
        << QByteArray(R"({"type":"message","room":"a\u001bb","text":"hi"})")
        << ErrorCode::BadRequest;

    // direct.
    QTest::newRow("direct, no to")
        << QByteArray(R"({"type":"direct","text":"hi"})") << ErrorCode::BadRequest;
    QTest::newRow("direct, to number")
        << QByteArray(R"({"type":"direct","to":2,"text":"hi"})") << ErrorCode::BadRequest;
    QTest::newRow("direct, no text")
        << QByteArray(R"({"type":"direct","to":"bob"})") << ErrorCode::BadRequest;
    QTest::newRow("direct, text number")
        << QByteArray(R"({"type":"direct","to":"bob","text":1})") << ErrorCode::BadRequest;
    QTest::newRow("direct, empty text")
        << QByteArray(R"({"type":"direct","to":"bob","text":""})") << ErrorCode::BadRequest;

    // rename.
    QTest::newRow("rename, no name") << QByteArray(R"({"type":"rename"})") << ErrorCode::BadRequest;
    QTest::newRow("rename, name number")
        << QByteArray(R"({"type":"rename","name":3})") << ErrorCode::BadRequest;
    QTest::newRow("rename, name null")
        << QByteArray(R"({"type":"rename","name":null})") << ErrorCode::BadRequest;
    QTest::newRow("rename, empty name")
        << QByteArray(R"({"type":"rename","name":""})") << ErrorCode::BadRequest;
    QTest::newRow("rename, only spaces")
        << QByteArray(R"({"type":"rename","name":"   "})") << ErrorCode::BadRequest;
    QTest::newRow("rename, only whitespace")
        << QByteArray(R"({"type":"rename","name":" \t\n "})") << ErrorCode::BadRequest;
    QTest::newRow("rename, 33 chars")
        << frame(R"({"type":"rename")", "name", name33) << ErrorCode::BadRequest;
    QTest::newRow("rename, 33 chars after trimming")
        << frame(R"({"type":"rename")", "name", " " + name33 + " ") << ErrorCode::BadRequest;
    QTest::newRow("rename, name with \\u0001")
        << QByteArray(R"({"type":"rename","name":"a\u0001b"})") << ErrorCode::BadRequest;
    QTest::newRow("rename, name with tab inside")
        << QByteArray(R"({"type":"rename","name":"a\tb"})") << ErrorCode::BadRequest;
    QTest::newRow("rename, name with newline inside")
        << QByteArray(R"({"type":"rename","name":"a\nb"})") << ErrorCode::BadRequest;
    QTest::newRow("rename, name with ESC")
        << QByteArray(R"({"type":"rename","name":"\u001b[31m"})") << ErrorCode::BadRequest;
    QTest::newRow("rename, name with NUL")
        << QByteArray(R"({"type":"rename","name":"a\u0000"})") << ErrorCode::BadRequest;

    // typing.
    QTest::newRow("typing, no active")
        << QByteArray(R"({"type":"typing","room":"lobby"})") << ErrorCode::BadRequest;
    QTest::newRow("typing, active string")
        << QByteArray(R"({"type":"typing","room":"lobby","active":"true"})")
        << ErrorCode::BadRequest;
    QTest::newRow("typing, active number")
        << QByteArray(R"({"type":"typing","room":"lobby","active":1})") << ErrorCode::BadRequest;
    QTest::newRow("typing, active null")
        << QByteArray(R"({"type":"typing","room":"lobby","active":null})") << ErrorCode::BadRequest;
    QTest::newRow("typing, no room")
        << QByteArray(R"({"type":"typing","active":true})") << ErrorCode::BadRequest;

    // notify.
    QTest::newRow("notify, no text") << QByteArray(R"({"type":"notify"})") << ErrorCode::BadRequest;
    QTest::newRow("notify, empty text")
        << QByteArray(R"({"type":"notify","text":""})") << ErrorCode::BadRequest;
    QTest::newRow("notify, text array")
        << QByteArray(R"({"type":"notify","text":["x"]})") << ErrorCode::BadRequest;

    // ref.
    QTest::newRow("ref object") << QByteArray(R"({"type":"rooms","ref":{}})")
                                << ErrorCode::BadRequest;
    QTest::newRow("ref object with content")
        << QByteArray(R"({"type":"rooms","ref":{"id":1}})") << ErrorCode::BadRequest;
    QTest::newRow("ref array") << QByteArray(R"({"type":"rooms","ref":[1]})")
                               << ErrorCode::BadRequest;
    QTest::newRow("ref bool") << QByteArray(R"({"type":"rooms","ref":true})")
                              << ErrorCode::BadRequest;
    QTest::newRow("ref null") << QByteArray(R"({"type":"rooms","ref":null})")
                              << ErrorCode::BadRequest;
    QTest::newRow("ref 65-char string")
        << frame(R"({"type":"rooms")", "ref", ref65) << ErrorCode::BadRequest;
    QTest::newRow("bad ref on an unknown type")
        << QByteArray(R"({"type":"nope","ref":{}})") << ErrorCode::BadRequest;
}

void tst_Protocol::decodeInvalid()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, error);

    const Request r = NativeCodec::decode(frame);
    QVERIFY(!r.isValid());
    QCOMPARE(r.type, Request::Type::Invalid);
    QCOMPARE(r.error, error);
    QVERIFY(!r.errorMessage.isEmpty());

    // The error event built from it is well-formed and carries the right code.
    const QJsonObject o = object(NativeCodec::error(r.error, r.errorMessage, r.ref));
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(o.value(QLatin1String("code")).toString(), errorCodeName(error));
    QCOMPARE(o.value(QLatin1String("message")).toString(), r.errorMessage);
}

void tst_Protocol::decodeRef_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QJsonValue>("ref");

    const QByteArray ref64(64, 'f');

    QTest::newRow("no ref") << QByteArray(R"({"type":"rooms"})") << true
                            << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("string") << QByteArray(R"({"type":"rooms","ref":"r1"})") << true
                            << QJsonValue(QStringLiteral("r1"));
    QTest::newRow("empty string") << QByteArray(R"({"type":"rooms","ref":""})") << true
                                  << QJsonValue(QString(QLatin1String("")));
    QTest::newRow("64-char string") << frame(R"({"type":"rooms")", "ref", ref64) << true
                                    << QJsonValue(QString::fromLatin1(ref64));
    QTest::newRow("unicode string") << QByteArray(R"({"type":"rooms","ref":"é🙂"})") << true
                                    << QJsonValue(QStringLiteral("é🙂"));
    QTest::newRow("integer") << QByteArray(R"({"type":"rooms","ref":7})") << true << QJsonValue(7);
    QTest::newRow("zero") << QByteArray(R"({"type":"rooms","ref":0})") << true << QJsonValue(0);
    QTest::newRow("negative") << QByteArray(R"({"type":"rooms","ref":-3})") << true
                              << QJsonValue(-3);
    QTest::newRow("fraction") << QByteArray(R"({"type":"rooms","ref":1.5})") << true
                              << QJsonValue(1.5);
    QTest::newRow("large integer") << QByteArray(R"({"type":"rooms","ref":1712345678901})") << true
                                   << QJsonValue(qint64(1712345678901));
    // An invalid request still echoes a good ref, so the client can match the error.
    QTest::newRow("kept on bad_request")
        << QByteArray(R"({"type":"join","ref":"r9"})") << false << QJsonValue(QStringLiteral("r9"));
    QTest::newRow("kept on unknown_type")
        << QByteArray(R"({"type":"nope","ref":3})") << false << QJsonValue(3);
    QTest::newRow("kept on missing type")
        << QByteArray(R"({"ref":"x"})") << false << QJsonValue(QStringLiteral("x"));
    QTest::newRow("kept on bad name")
        << QByteArray(R"({"type":"rename","name":"","ref":4})") << false << QJsonValue(4);
}

void tst_Protocol::decodeRef()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, valid);
    QFETCH(QJsonValue, ref);

    const Request r = NativeCodec::decode(frame);
    QCOMPARE(r.isValid(), valid);
    QCOMPARE(r.hasRef(), !ref.isUndefined());
    QCOMPARE(r.ref.type(), ref.type());
    QVERIFY(r.ref == ref);

    // And it is echoed as it came, string or number.
    const QByteArray reply = r.isValid() ? NativeCodec::ack(r.ref)
                                         : NativeCodec::error(r.error, r.errorMessage, r.ref);
    const QJsonObject o = object(reply);
    QVERIFY(!o.isEmpty());
    QCOMPARE(o.contains(QLatin1String("ref")), !ref.isUndefined());
    if (!ref.isUndefined()) {
        QCOMPARE(o.value(QLatin1String("ref")).type(), ref.type());
        QVERIFY(o.value(QLatin1String("ref")) == ref);
    }
}

void tst_Protocol::decodeMessageData_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QJsonValue>("data");

    const QByteArray head = R"({"type":"message","room":"lobby","text":"hi")";
    QTest::newRow("absent") << QByteArray(head + "}") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("null") << QByteArray(head + R"(,"data":null})") << QJsonValue(QJsonValue::Null);
    QTest::newRow("string") << QByteArray(head + R"(,"data":"x"})")
                            << QJsonValue(QStringLiteral("x"));
    QTest::newRow("number") << QByteArray(head + R"(,"data":2.5})") << QJsonValue(2.5);
    QTest::newRow("bool") << QByteArray(head + R"(,"data":false})") << QJsonValue(false);
    QTest::newRow("array") << QByteArray(head + R"(,"data":[1,"a"]})")
                           << QJsonValue(QJsonArray {1, QStringLiteral("a")});
    QTest::newRow("object") << QByteArray(head + R"(,"data":{"x":[1,2],"y":{"z":null}}})")
                            << QJsonValue(QJsonObject {
                                   {QStringLiteral("x"), QJsonArray {1, 2}},
                                   {QStringLiteral("y"),
                                    QJsonObject {{QStringLiteral("z"), QJsonValue()}}}});
}

void tst_Protocol::decodeMessageData()
{
    QFETCH(QByteArray, frame);
    QFETCH(QJsonValue, data);

    const Request r = NativeCodec::decode(frame);
    QVERIFY2(r.isValid(), qPrintable(r.errorMessage));
    QCOMPARE(r.type, Request::Type::Message);
    QCOMPARE(r.data.type(), data.type());
    QVERIFY(r.data == data);
}

void tst_Protocol::decodePing_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QJsonValue>("ts");

    QTest::newRow("no ts") << QByteArray(R"({"type":"ping"})") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("number") << QByteArray(R"({"type":"ping","ts":1712345678901})")
                            << QJsonValue(qint64(1712345678901));
    QTest::newRow("string") << QByteArray(R"({"type":"ping","ts":"t0"})")
                            << QJsonValue(QStringLiteral("t0"));
    QTest::newRow("object") << QByteArray(R"({"type":"ping","ts":{"a":1}})")
                            << QJsonValue(QJsonObject {{QStringLiteral("a"), 1}});
}

void tst_Protocol::decodePing()
{
    QFETCH(QByteArray, frame);
    QFETCH(QJsonValue, ts);

    const Request r = NativeCodec::decode(frame);
    QVERIFY2(r.isValid(), qPrintable(r.errorMessage));
    QCOMPARE(r.type, Request::Type::Ping);
    QCOMPARE(r.ts.type(), ts.type());
    QVERIFY(r.ts == ts);
}

void tst_Protocol::decodeFromQString()
{
    const Request r
        = NativeCodec::decode(QStringLiteral(R"({"type":"message","room":"Küche","text":"😀"})"));
    QVERIFY2(r.isValid(), qPrintable(r.errorMessage));
    QCOMPARE(r.room, QStringLiteral("Küche"));
    QCOMPARE(r.text, QStringLiteral("😀"));
}

// ---------------------------------------------------------------------------------------------
// NativeCodec encoders

void tst_Protocol::encodeWelcome()
{
    const QStringList rooms {QStringLiteral("lobby"), QStringLiteral("chat"),
                             QStringLiteral("notifications")};
    const QByteArray bytes
        = NativeCodec::welcome(Alice, rooms, NativeCodec::Limits(), QStringLiteral("0.1.0"));
    const QJsonObject o = object(bytes);
    QVERIFY2(!o.isEmpty(), bytes.constData());
    QCOMPARE(
        topLevelKeys(bytes),
        QStringList({QStringLiteral("type"), QStringLiteral("protocol"), QStringLiteral("server"),
                     QStringLiteral("member"), QStringLiteral("rooms"), QStringLiteral("limits")}));
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("welcome"));
    QCOMPARE(o.value(QLatin1String("protocol")).toInt(), 1);
    QVERIFY(o.value(QLatin1String("protocol")).isDouble());
    QCOMPARE(o.value(QLatin1String("server")).toString(), QStringLiteral("wsroom/0.1.0"));
    QCOMPARE(o.value(QLatin1String("member")).toObject(), memberJson(Alice));
    QCOMPARE(o.value(QLatin1String("rooms")).toArray(), QJsonArray::fromStringList(rooms));
    const QJsonObject limits = o.value(QLatin1String("limits")).toObject();
    QCOMPARE(limits.size(), 2);
    QCOMPARE(limits.value(QLatin1String("max_message_bytes")).toInteger(), 65536);
    QCOMPARE(limits.value(QLatin1String("rate_per_second")).toInt(), 20);

    NativeCodec::Limits custom;
    custom.maxMessageBytes = 1024;
    custom.ratePerSecond = 0;
    const QJsonObject o2 = object(NativeCodec::welcome(Bob, {}, custom, QStringLiteral("9.9")));
    QCOMPARE(o2.value(QLatin1String("server")).toString(), QStringLiteral("wsroom/9.9"));
    QCOMPARE(o2.value(QLatin1String("member")).toObject(), memberJson(Bob));
    QVERIFY(o2.value(QLatin1String("rooms")).isArray());
    QVERIFY(o2.value(QLatin1String("rooms")).toArray().isEmpty());
    const QJsonObject limits2 = o2.value(QLatin1String("limits")).toObject();
    QCOMPARE(limits2.value(QLatin1String("max_message_bytes")).toInteger(), 1024);
    QCOMPARE(limits2.value(QLatin1String("rate_per_second")).toInt(), 0);
}

void tst_Protocol::encodeJoined()
{
    ChatMessage second = nativeMessage(2, QStringLiteral("second \"quoted\""));
    second.data = QJsonObject {{QStringLiteral("k"), QStringLiteral("v")}};
    const QList<QByteArray> history {
        NativeCodec::message(nativeMessage(1, QStringLiteral("first"))),
        NativeCodec::message(second),
        NativeCodec::message(broadcastMessage(QStringLiteral(R"({"message":"raw", "n": 1})")))};
    const QByteArray bytes = NativeCodec::joined(QStringLiteral("lobby"), {Alice, Bob}, history,
                                                 QJsonValue(QStringLiteral("j1")));

    // The history events are spliced in exactly as they were broadcast.
    QVERIFY2(
        bytes.contains("\"history\":[" + history[0] + ',' + history[1] + ',' + history[2] + "]"),
        bytes.constData());

    const QJsonObject o = object(bytes);
    QVERIFY2(!o.isEmpty(), bytes.constData());
    QCOMPARE(topLevelKeys(bytes),
             QStringList({QStringLiteral("type"), QStringLiteral("ref"), QStringLiteral("room"),
                          QStringLiteral("members"), QStringLiteral("history")}));
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("joined"));
    QCOMPARE(o.value(QLatin1String("ref")).toString(), QStringLiteral("j1"));
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(o.value(QLatin1String("members")).toArray(),
             QJsonArray({memberJson(Alice), memberJson(Bob)}));
    const QJsonArray h = o.value(QLatin1String("history")).toArray();
    QCOMPARE(h.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(h.at(i).toObject(), object(history.at(i)));
    QCOMPARE(h.at(0).toObject().value(QLatin1String("id")).toInt(), 1);
    QCOMPARE(h.at(1).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("second \"quoted\""));
    QCOMPARE(h.at(2)
                 .toObject()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("n"))
                 .toInt(),
             1);
}

void tst_Protocol::encodeJoinedEmpty()
{
    const QByteArray bytes
        = NativeCodec::joined(QStringLiteral("new room"), {Alice}, {}, QJsonValue::Undefined);
    QVERIFY2(bytes.contains("\"history\":[]"), bytes.constData());
    const QJsonObject o = object(bytes);
    QVERIFY(!o.contains(QLatin1String("ref")));
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("new room"));
    QCOMPARE(o.value(QLatin1String("members")).toArray(), QJsonArray({memberJson(Alice)}));
    QVERIFY(o.value(QLatin1String("history")).isArray());
    QVERIFY(o.value(QLatin1String("history")).toArray().isEmpty());
}

void tst_Protocol::encodeLeft_data()
{
    QTest::addColumn<QJsonValue>("ref");
    QTest::newRow("no ref") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("string ref") << QJsonValue(QStringLiteral("l1"));
    QTest::newRow("number ref") << QJsonValue(11);
}

void tst_Protocol::encodeLeft()
{
    QFETCH(QJsonValue, ref);
    const QByteArray bytes = NativeCodec::left(QStringLiteral("lobby"), ref);
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("left"));
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(o.size(), ref.isUndefined() ? 2 : 3);
    QVERIFY(o.value(QLatin1String("ref")) == ref);
    if (ref.isUndefined())
        QCOMPARE(bytes, QByteArray(R"({"type":"left","room":"lobby"})"));
}

void tst_Protocol::encodeMessage()
{
    const QByteArray bytes
        = NativeCodec::message(nativeMessage(42, QStringLiteral("hello\nworld")));
    QCOMPARE(
        topLevelKeys(bytes),
        QStringList({QStringLiteral("type"), QStringLiteral("room"), QStringLiteral("id"),
                     QStringLiteral("from"), QStringLiteral("text"), QStringLiteral("timestamp")}));
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(o.value(QLatin1String("id")).toInteger(), 42);
    QCOMPARE(o.value(QLatin1String("from")).toObject(), memberJson(Alice));
    QCOMPARE(o.value(QLatin1String("text")).toString(), QStringLiteral("hello\nworld"));
    QCOMPARE(o.value(QLatin1String("timestamp")).toString(), Ts);
    QVERIFY(!o.contains(QLatin1String("data")));

    // Sequence numbers past 2^31 stay integers.
    const QByteArray big = NativeCodec::message(nativeMessage(5000000000LL, QStringLiteral("x")));
    QVERIFY2(big.contains("\"id\":5000000000,"), big.constData());
}

void tst_Protocol::encodeMessageWithData_data()
{
    QTest::addColumn<QJsonValue>("data");
    QTest::newRow("object") << QJsonValue(QJsonObject {
        {QStringLiteral("x"), QJsonArray {1, 2}}, {QStringLiteral("s"), QStringLiteral("é\"")}});
    QTest::newRow("array") << QJsonValue(QJsonArray {1, QStringLiteral("a"), true});
    QTest::newRow("string") << QJsonValue(QStringLiteral("payload"));
    QTest::newRow("integer") << QJsonValue(7);
    QTest::newRow("fraction") << QJsonValue(0.25);
    QTest::newRow("bool") << QJsonValue(true);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("empty object") << QJsonValue(QJsonObject());
}

void tst_Protocol::encodeMessageWithData()
{
    QFETCH(QJsonValue, data);
    ChatMessage m = nativeMessage(1, QStringLiteral("hi"));
    m.data = data;
    const QByteArray bytes = NativeCodec::message(m);
    QCOMPARE(topLevelKeys(bytes).last(), QStringLiteral("data"));
    QCOMPARE(topLevelKeys(bytes).first(), QStringLiteral("type"));
    const QJsonObject o = object(bytes);
    QVERIFY2(!o.isEmpty(), bytes.constData());
    QVERIFY(o.contains(QLatin1String("data")));
    QCOMPARE(o.value(QLatin1String("data")).type(), data.type());
    QVERIFY(o.value(QLatin1String("data")) == data);
    QCOMPARE(o.value(QLatin1String("text")).toString(), QStringLiteral("hi"));
}

void tst_Protocol::encodeMessageFromBroadcast_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("text");

    QTest::newRow("object with message")
        << QStringLiteral(R"({"message":"hi there", "n": 1})") << QStringLiteral("hi there");
    QTest::newRow("object without message") << QStringLiteral(R"({"text":"x","list":[1, 2, 3]})")
                                            << QStringLiteral(R"({"text":"x","list":[1, 2, 3]})");
    QTest::newRow("message not a string")
        << QStringLiteral(R"({"message":5})") << QStringLiteral(R"({"message":5})");
    QTest::newRow("array") << QStringLiteral("[1, \"two\", {\"three\": 3}]")
                           << QStringLiteral("[1, \"two\", {\"three\": 3}]");
    QTest::newRow("number") << QStringLiteral("42") << QStringLiteral("42");
    QTest::newRow("string") << QStringLiteral(R"("just a string")")
                            << QStringLiteral(R"("just a string")");
    QTest::newRow("unicode and whitespace")
        << QStringLiteral("{\n  \"message\": \"Grüße 👋\"\n}") << QStringLiteral("Grüße 👋");
}

void tst_Protocol::encodeMessageFromBroadcast()
{
    QFETCH(QString, raw);
    QFETCH(QString, text);

    const ChatMessage m = broadcastMessage(raw);
    QVERIFY(!m.data.isUndefined());
    QCOMPARE(m.text, text);
    const QByteArray bytes = NativeCodec::message(m);
    // The raw JSON is passed on as it was written, as "data".
    QVERIFY2(bytes.contains("\"data\":" + raw.toUtf8() + "}"), bytes.constData());
    const QJsonObject o = object(bytes);
    QVERIFY2(!o.isEmpty(), bytes.constData());
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("message"));
    QCOMPARE(o.value(QLatin1String("text")).toString(), text);
    QCOMPARE(o.value(QLatin1String("from")).toObject(), memberJson(Bob));
    QCOMPARE(o.value(QLatin1String("id")).toInt(), 3);
    QVERIFY(o.value(QLatin1String("data")) == m.data);
}

void tst_Protocol::encodeMessageFromChat()
{
    ChatMessage m = nativeMessage(9, QStringLiteral("{\"not\":\"parsed\"}"));
    m.origin = Dialect::Chat;
    const QJsonObject o = object(NativeCodec::message(m));
    QCOMPARE(o.value(QLatin1String("text")).toString(), QStringLiteral("{\"not\":\"parsed\"}"));
    QVERIFY(!o.contains(QLatin1String("data")));
}

void tst_Protocol::encodeAck()
{
    const QByteArray bytes
        = NativeCodec::ack(QJsonValue(QStringLiteral("r1")), QStringLiteral("lobby"), 17);
    QCOMPARE(bytes, QByteArray(R"({"type":"ack","ref":"r1","room":"lobby","id":17})"));
    const QJsonObject o = object(NativeCodec::ack(QJsonValue(5), QStringLiteral("a\"b"), 1));
    QCOMPARE(o.value(QLatin1String("ref")).toInt(), 5);
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("a\"b"));
    QCOMPARE(o.value(QLatin1String("id")).toInt(), 1);
}

void tst_Protocol::encodeAckRefOnly()
{
    QCOMPARE(NativeCodec::ack(QJsonValue(QStringLiteral("n1"))),
             QByteArray(R"({"type":"ack","ref":"n1"})"));
    QCOMPARE(NativeCodec::ack(QJsonValue(8)), QByteArray(R"({"type":"ack","ref":8})"));
    QCOMPARE(NativeCodec::ack(QJsonValue(QJsonValue::Undefined)), QByteArray(R"({"type":"ack"})"));
}

void tst_Protocol::encodeDirect()
{
    const QByteArray bytes = NativeCodec::direct(Alice, Bob, QStringLiteral("psst"), Ts);
    QCOMPARE(topLevelKeys(bytes),
             QStringList({QStringLiteral("type"), QStringLiteral("from"), QStringLiteral("to"),
                          QStringLiteral("text"), QStringLiteral("timestamp")}));
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("direct"));
    QCOMPARE(o.value(QLatin1String("from")).toObject(), memberJson(Alice));
    QCOMPARE(o.value(QLatin1String("to")).toObject(), memberJson(Bob));
    QCOMPARE(o.value(QLatin1String("text")).toString(), QStringLiteral("psst"));
    QCOMPARE(o.value(QLatin1String("timestamp")).toString(), Ts);
}

void tst_Protocol::encodeRenamed()
{
    const MemberRef renamed {QStringLiteral("m1"), QStringLiteral("Alicia \"Al\"")};
    const QJsonObject o = object(NativeCodec::renamed(renamed, QJsonValue(QStringLiteral("n"))));
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("renamed"));
    QCOMPARE(o.value(QLatin1String("member")).toObject(), memberJson(renamed));
    QCOMPARE(o.value(QLatin1String("ref")).toString(), QStringLiteral("n"));

    const QJsonObject noRef = object(NativeCodec::renamed(renamed, QJsonValue::Undefined));
    QCOMPARE(noRef.size(), 2);
    QCOMPARE(noRef.value(QLatin1String("member")).toObject(), memberJson(renamed));
}

void tst_Protocol::encodePresence_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("previous");

    QTest::newRow("join") << QByteArray("join") << QString();
    QTest::newRow("leave") << QByteArray("leave") << QString();
    QTest::newRow("rename") << QByteArray("rename") << QStringLiteral("alice");
    QTest::newRow("rename, unicode previous") << QByteArray("rename") << QStringLiteral("Jürgen");
}

void tst_Protocol::encodePresence()
{
    QFETCH(QByteArray, event);
    QFETCH(QString, previous);

    const MemberRef member {QStringLiteral("m1"), QStringLiteral("alicia")};
    const QByteArray bytes
        = NativeCodec::presence(QStringLiteral("lobby"), event.constData(), member, previous);
    QStringList keys {QStringLiteral("type"), QStringLiteral("room"), QStringLiteral("event"),
                      QStringLiteral("member")};
    if (!previous.isNull())
        keys << QStringLiteral("previous");
    QCOMPARE(topLevelKeys(bytes), keys);
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("presence"));
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(o.value(QLatin1String("event")).toString(), QString::fromLatin1(event));
    QCOMPARE(o.value(QLatin1String("member")).toObject(), memberJson(member));
    QCOMPARE(o.contains(QLatin1String("previous")), !previous.isNull());
    if (!previous.isNull())
        QCOMPARE(o.value(QLatin1String("previous")).toString(), previous);
}

void tst_Protocol::encodeTyping_data()
{
    QTest::addColumn<bool>("active");
    QTest::newRow("active") << true;
    QTest::newRow("inactive") << false;
}

void tst_Protocol::encodeTyping()
{
    QFETCH(bool, active);
    const QByteArray bytes = NativeCodec::typing(QStringLiteral("lobby"), Bob, active);
    QCOMPARE(topLevelKeys(bytes),
             QStringList({QStringLiteral("type"), QStringLiteral("room"), QStringLiteral("member"),
                          QStringLiteral("active")}));
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("typing"));
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(o.value(QLatin1String("member")).toObject(), memberJson(Bob));
    QVERIFY(o.value(QLatin1String("active")).isBool());
    QCOMPARE(o.value(QLatin1String("active")).toBool(), active);
}

void tst_Protocol::encodeRooms()
{
    const QList<QPair<QString, int>> rooms {
        {QStringLiteral("lobby"), 2}, {QStringLiteral("chat"), 0}, {QStringLiteral("Küche"), 1}};
    const QByteArray bytes = NativeCodec::rooms(rooms, QJsonValue(3));
    QCOMPARE(topLevelKeys(bytes),
             QStringList({QStringLiteral("type"), QStringLiteral("ref"), QStringLiteral("rooms")}));
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("rooms"));
    QCOMPARE(o.value(QLatin1String("ref")).toInt(), 3);
    const QJsonArray list = o.value(QLatin1String("rooms")).toArray();
    QCOMPARE(list.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject room = list.at(i).toObject();
        QCOMPARE(room.size(), 2);
        QCOMPARE(room.value(QLatin1String("name")).toString(), rooms.at(i).first);
        QCOMPARE(room.value(QLatin1String("members")).toInt(), rooms.at(i).second);
    }

    QCOMPARE(NativeCodec::rooms({}, QJsonValue::Undefined),
             QByteArray(R"({"type":"rooms","rooms":[]})"));
}

void tst_Protocol::encodeMembers()
{
    const QByteArray bytes = NativeCodec::members(QStringLiteral("lobby"), {Alice, Bob},
                                                  QJsonValue(QStringLiteral("q")));
    QCOMPARE(topLevelKeys(bytes),
             QStringList({QStringLiteral("type"), QStringLiteral("ref"), QStringLiteral("room"),
                          QStringLiteral("members")}));
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("members"));
    QCOMPARE(o.value(QLatin1String("ref")).toString(), QStringLiteral("q"));
    QCOMPARE(o.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(o.value(QLatin1String("members")).toArray(),
             QJsonArray({memberJson(Alice), memberJson(Bob)}));

    QCOMPARE(NativeCodec::members(QStringLiteral("r"), {}, QJsonValue::Undefined),
             QByteArray(R"({"type":"members","room":"r","members":[]})"));
}

void tst_Protocol::encodePong_data()
{
    QTest::addColumn<QJsonValue>("ts");
    QTest::addColumn<QJsonValue>("ref");

    QTest::newRow("integer ts") << QJsonValue(qint64(1712345678901))
                                << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("string ts, ref")
        << QJsonValue(QStringLiteral("t0")) << QJsonValue(QStringLiteral("p1"));
    QTest::newRow("fraction ts") << QJsonValue(12.5) << QJsonValue(2);
    QTest::newRow("object ts") << QJsonValue(QJsonObject {{QStringLiteral("n"), 1}})
                               << QJsonValue(QJsonValue::Undefined);
}

void tst_Protocol::encodePong()
{
    QFETCH(QJsonValue, ts);
    QFETCH(QJsonValue, ref);

    const QByteArray bytes = NativeCodec::pong(ts, Ts, ref);
    QCOMPARE(topLevelKeys(bytes).first(), QStringLiteral("type"));
    const QJsonObject o = object(bytes);
    QVERIFY2(!o.isEmpty(), bytes.constData());
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("pong"));
    QCOMPARE(o.value(QLatin1String("ts")).type(), ts.type());
    QVERIFY(o.value(QLatin1String("ts")) == ts);
    QCOMPARE(o.value(QLatin1String("server_time")).toString(), Ts);
    QCOMPARE(o.contains(QLatin1String("ref")), !ref.isUndefined());
    QVERIFY(o.value(QLatin1String("ref")) == ref);
}

void tst_Protocol::encodeError_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonValue>("ref");

    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("bad_json") << ErrorCode::BadJson << QStringLiteral("bad_json") << none;
    QTest::newRow("bad_request") << ErrorCode::BadRequest << QStringLiteral("bad_request")
                                 << QJsonValue(QStringLiteral("r1"));
    QTest::newRow("unknown_type") << ErrorCode::UnknownType << QStringLiteral("unknown_type")
                                  << QJsonValue(4);
    QTest::newRow("not_in_room") << ErrorCode::NotInRoom << QStringLiteral("not_in_room") << none;
    QTest::newRow("no_such_member") << ErrorCode::NoSuchMember << QStringLiteral("no_such_member")
                                    << QJsonValue(QStringLiteral("d"));
    QTest::newRow("name_taken") << ErrorCode::NameTaken << QStringLiteral("name_taken") << none;
    QTest::newRow("rate_limited") << ErrorCode::RateLimited << QStringLiteral("rate_limited")
                                  << none;
    QTest::newRow("forbidden") << ErrorCode::Forbidden << QStringLiteral("forbidden")
                               << QJsonValue(0);
    QTest::newRow("too_many_rooms")
        << ErrorCode::TooManyRooms << QStringLiteral("too_many_rooms") << none;
    QTest::newRow("name_reserved")
        << ErrorCode::NameReserved << QStringLiteral("name_reserved") << QJsonValue(2);
    QTest::newRow("muted") << ErrorCode::Muted << QStringLiteral("muted") << none;
    QTest::newRow("room_locked") << ErrorCode::RoomLocked << QStringLiteral("room_locked") << none;
}

void tst_Protocol::encodeError()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, name);
    QFETCH(QJsonValue, ref);

    const QString message = QStringLiteral("something \"went\" wrong\n");
    const QByteArray bytes = NativeCodec::error(code, message, ref);
    QStringList keys {QStringLiteral("type"), QStringLiteral("code"), QStringLiteral("message")};
    if (!ref.isUndefined())
        keys << QStringLiteral("ref");
    QCOMPARE(topLevelKeys(bytes), keys);
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(o.value(QLatin1String("code")).toString(), name);
    QCOMPARE(o.value(QLatin1String("message")).toString(), message);
    QCOMPARE(o.contains(QLatin1String("ref")), !ref.isUndefined());
    QVERIFY(o.value(QLatin1String("ref")) == ref);
}

void tst_Protocol::eventsStartWithType_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("type");

    const QJsonValue ref(QStringLiteral("r"));
    ChatMessage withData = nativeMessage(2, QStringLiteral("d"));
    withData.data = QJsonArray {1};
    QTest::newRow("welcome") << NativeCodec::welcome(Alice, {QStringLiteral("lobby")},
                                                     NativeCodec::Limits(), QStringLiteral("1"))
                             << QStringLiteral("welcome");
    QTest::newRow("joined") << NativeCodec::joined(QStringLiteral("lobby"), {Alice},
                                                   {NativeCodec::message(withData)}, ref)
                            << QStringLiteral("joined");
    QTest::newRow("left") << NativeCodec::left(QStringLiteral("lobby"), ref)
                          << QStringLiteral("left");
    QTest::newRow("message") << NativeCodec::message(nativeMessage(1, QStringLiteral("x")))
                             << QStringLiteral("message");
    QTest::newRow("message, data") << NativeCodec::message(withData) << QStringLiteral("message");
    QTest::newRow("message, broadcast")
        << NativeCodec::message(broadcastMessage(QStringLiteral(R"({"type":"spoof"})")))
        << QStringLiteral("message");
    QTest::newRow("ack") << NativeCodec::ack(ref, QStringLiteral("lobby"), 1)
                         << QStringLiteral("ack");
    QTest::newRow("ack, ref only") << NativeCodec::ack(ref) << QStringLiteral("ack");
    QTest::newRow("direct") << NativeCodec::direct(Alice, Bob, QStringLiteral("x"), Ts)
                            << QStringLiteral("direct");
    QTest::newRow("renamed") << NativeCodec::renamed(Alice, ref) << QStringLiteral("renamed");
    QTest::newRow("presence") << NativeCodec::presence(QStringLiteral("lobby"), "join", Alice)
                              << QStringLiteral("presence");
    QTest::newRow("presence, previous")
        << NativeCodec::presence(QStringLiteral("lobby"), "rename", Alice, QStringLiteral("a"))
        << QStringLiteral("presence");
    QTest::newRow("typing") << NativeCodec::typing(QStringLiteral("lobby"), Alice, true)
                            << QStringLiteral("typing");
    QTest::newRow("rooms") << NativeCodec::rooms({{QStringLiteral("lobby"), 1}}, ref)
                           << QStringLiteral("rooms");
    QTest::newRow("members") << NativeCodec::members(QStringLiteral("lobby"), {Alice}, ref)
                             << QStringLiteral("members");
    QTest::newRow("pong") << NativeCodec::pong(QJsonValue(1), Ts, ref) << QStringLiteral("pong");
    QTest::newRow("error") << NativeCodec::error(ErrorCode::BadJson, QStringLiteral("x"), ref)
                           << QStringLiteral("error");
    QTest::newRow("notification") << TutorialCodec::notification(QStringLiteral("x"), Ts)
                                  << QStringLiteral("notification");
}

void tst_Protocol::eventsStartWithType()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, type);

    QVERIFY2(bytes.startsWith("{\"type\":\"" + type.toUtf8() + "\""), bytes.constData());
    QVERIFY2(isJsonObject(bytes), bytes.constData());
    const QStringList keys = topLevelKeys(bytes);
    QVERIFY(!keys.isEmpty());
    QCOMPARE(keys.first(), QStringLiteral("type"));
    QCOMPARE(keys.count(QStringLiteral("type")), 1);
    QCOMPARE(keys.size(), object(bytes).size()); // no key written twice
    QVERIFY(!bytes.contains('\n'));
}

void tst_Protocol::refEchoed_data()
{
    QTest::addColumn<QJsonValue>("ref");
    QTest::newRow("string") << QJsonValue(QStringLiteral("abc-1"));
    QTest::newRow("string with quotes") << QJsonValue(QStringLiteral("a\"b\\c"));
    QTest::newRow("integer") << QJsonValue(123);
    QTest::newRow("fraction") << QJsonValue(0.5);
    QTest::newRow("negative") << QJsonValue(-9);
}

void tst_Protocol::refEchoed()
{
    QFETCH(QJsonValue, ref);
    const QList<QByteArray> replies {
        NativeCodec::joined(QStringLiteral("r"), {}, {}, ref),
        NativeCodec::left(QStringLiteral("r"), ref),
        NativeCodec::ack(ref, QStringLiteral("r"), 1),
        NativeCodec::ack(ref),
        NativeCodec::renamed(Alice, ref),
        NativeCodec::rooms({}, ref),
        NativeCodec::members(QStringLiteral("r"), {}, ref),
        NativeCodec::pong(QJsonValue(1), Ts, ref),
        NativeCodec::error(ErrorCode::NotInRoom, QStringLiteral("x"), ref),
    };
    for (const QByteArray &reply : replies) {
        const QJsonObject o = object(reply);
        QVERIFY2(!o.isEmpty(), reply.constData());
        QCOMPARE(o.value(QLatin1String("ref")).type(), ref.type());
        QVERIFY2(o.value(QLatin1String("ref")) == ref, reply.constData());
    }
}

// ---------------------------------------------------------------------------------------------
// TutorialCodec

void tst_Protocol::chatLine()
{
    QCOMPARE(TutorialCodec::chatLine(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("t")),
             QByteArray(R"({"client_id":"a","message":"b","timestamp":"t"})"));
    QCOMPARE(TutorialCodec::chatLine(QStringLiteral("alice"), QStringLiteral("hello"), Ts),
             QByteArray(R"({"client_id":"alice","message":"hello","timestamp":")")
                 + TsPython.toUtf8() + "\"}");
}

void tst_Protocol::chatLineEscapes()
{
    const QString text = QStringLiteral("say \"hi\"\\\n\tüñí 🎉");
    const QByteArray bytes = TutorialCodec::chatLine(QStringLiteral("Jürgen"), text, Ts);
    QCOMPARE(topLevelKeys(bytes),
             QStringList({QStringLiteral("client_id"), QStringLiteral("message"),
                          QStringLiteral("timestamp")}));
    const QJsonObject o = object(bytes);
    QCOMPARE(o.value(QLatin1String("client_id")).toString(), QStringLiteral("Jürgen"));
    QCOMPARE(o.value(QLatin1String("message")).toString(), text);
    QCOMPARE(o.value(QLatin1String("timestamp")).toString(), TsPython);
}

void tst_Protocol::forChat()
{
    ChatMessage m = nativeMessage(5, QStringLiteral("hi"));
    m.data = QJsonObject {{QStringLiteral("ignored"), true}};
    QCOMPARE(TutorialCodec::forChat(m),
             TutorialCodec::chatLine(QStringLiteral("alice"), QStringLiteral("hi"), Ts));

    // A broadcast-dialect message shows its "message" field to chat members.
    const ChatMessage b = broadcastMessage(QStringLiteral(R"({"message":"from lobby","x":1})"));
    QCOMPARE(TutorialCodec::forChat(b),
             QByteArray(R"({"client_id":"bob","message":"from lobby","timestamp":")")
                 + TsPython.toUtf8() + "\"}");
    const ChatMessage whole = broadcastMessage(QStringLiteral("[1,2]"));
    QCOMPARE(object(TutorialCodec::forChat(whole)).value(QLatin1String("message")).toString(),
             QStringLiteral("[1,2]"));
}

void tst_Protocol::forBroadcast_data()
{
    QTest::addColumn<QString>("raw");
    QTest::newRow("object") << QStringLiteral(R"({"message":"hi"})");
    QTest::newRow("spaces kept") << QStringLiteral("{ \"message\" : \"hi\" ,\n \"n\":1.50 }");
    QTest::newRow("array") << QStringLiteral("[1,2,3]");
    QTest::newRow("number") << QStringLiteral("3.14");
    QTest::newRow("string") << QStringLiteral(R"("text")");
    QTest::newRow("null") << QStringLiteral("null");
    QTest::newRow("unicode, escapes")
        << QStringLiteral(R"({"message":"\u00fc and ü and 🚀","k":"\"q\""})");
    QTest::newRow("duplicate keys") << QStringLiteral(R"({"a":1,"a":2})");
}

void tst_Protocol::forBroadcast()
{
    QFETCH(QString, raw);
    const ChatMessage m = broadcastMessage(raw);
    QCOMPARE(TutorialCodec::forBroadcast(m), raw.toUtf8());
}

void tst_Protocol::forBroadcastFromOtherDialects_data()
{
    QTest::addColumn<Dialect>("origin");
    QTest::newRow("native") << Dialect::Native;
    QTest::newRow("chat") << Dialect::Chat;
}

void tst_Protocol::forBroadcastFromOtherDialects()
{
    QFETCH(Dialect, origin);
    ChatMessage m = nativeMessage(1, QStringLiteral("hello \"all\""));
    m.origin = origin;
    QCOMPARE(TutorialCodec::forBroadcast(m),
             QByteArray(R"({"client_id":"alice","message":"hello \"all\"","timestamp":")")
                 + TsPython.toUtf8() + "\"}");
}

void tst_Protocol::textOfBroadcast_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("text");

    QTest::newRow("message string")
        << QStringLiteral(R"({"message":"hi"})") << QStringLiteral("hi");
    QTest::newRow("message string among others")
        << QStringLiteral(R"({"a":1,"message":"hi","z":[2]})") << QStringLiteral("hi");
    QTest::newRow("empty message string") << QStringLiteral(R"({"message":""})") << QString();
    QTest::newRow("message number")
        << QStringLiteral(R"({"message":5})") << QStringLiteral(R"({"message":5})");
    QTest::newRow("message object")
        << QStringLiteral(R"({"message":{"t":"x"}})") << QStringLiteral(R"({"message":{"t":"x"}})");
    QTest::newRow("message null") << QStringLiteral(R"({"message":null})")
                                  << QStringLiteral(R"({"message":null})");
    QTest::newRow("no message field")
        << QStringLiteral(R"({"text":"hi"})") << QStringLiteral(R"({"text":"hi"})");
    QTest::newRow("Message capitalised")
        << QStringLiteral(R"({"Message":"hi"})") << QStringLiteral(R"({"Message":"hi"})");
    QTest::newRow("array") << QStringLiteral(R"([{"message":"hi"}])")
                           << QStringLiteral(R"([{"message":"hi"}])");
    QTest::newRow("string") << QStringLiteral(R"("hello")") << QStringLiteral(R"("hello")");
    QTest::newRow("number") << QStringLiteral("42") << QStringLiteral("42");
    QTest::newRow("raw spacing kept")
        << QStringLiteral("{ \"n\" : 1 }") << QStringLiteral("{ \"n\" : 1 }");
}

void tst_Protocol::textOfBroadcast()
{
    QFETCH(QString, raw);
    QFETCH(QString, text);
    const QJsonValue value = QJsonDocument::fromJson("[" + raw.toUtf8() + "]").array().at(0);
    QVERIFY(!value.isUndefined());
    QCOMPARE(TutorialCodec::textOfBroadcast(value, raw), text);
}

void tst_Protocol::notification()
{
    QCOMPARE(
        TutorialCodec::notification(QStringLiteral("New notification for carol"),
                                    QStringLiteral("t")),
        QByteArray(
            R"({"type":"notification","message":"New notification for carol","timestamp":"t"})"));
    const QJsonObject o = object(TutorialCodec::notification(QStringLiteral("a\"b\nc"), Ts));
    QCOMPARE(o.value(QLatin1String("message")).toString(), QStringLiteral("a\"b\nc"));
    QCOMPARE(o.value(QLatin1String("timestamp")).toString(), TsPython);
}

void tst_Protocol::tutorialError_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QString>("name");

    QTest::newRow("bad_json, broadcast")
        << ErrorCode::BadJson << Dialect::Broadcast << QStringLiteral("invalid_json");
    QTest::newRow("bad_json, chat")
        << ErrorCode::BadJson << Dialect::Chat << QStringLiteral("bad_json");
    QTest::newRow("bad_json, notifications")
        << ErrorCode::BadJson << Dialect::Notifications << QStringLiteral("bad_json");
    QTest::newRow("rate_limited, broadcast")
        << ErrorCode::RateLimited << Dialect::Broadcast << QStringLiteral("rate_limited");
    QTest::newRow("rate_limited, chat")
        << ErrorCode::RateLimited << Dialect::Chat << QStringLiteral("rate_limited");
    QTest::newRow("bad_request, chat")
        << ErrorCode::BadRequest << Dialect::Chat << QStringLiteral("bad_request");
}

void tst_Protocol::tutorialError()
{
    QFETCH(ErrorCode, code);
    QFETCH(Dialect, dialect);
    QFETCH(QString, name);

    const QString detail = QStringLiteral("illegal value at offset 0 \"x\"");
    const QByteArray bytes = TutorialCodec::error(code, detail, dialect);
    QCOMPARE(topLevelKeys(bytes), QStringList({QStringLiteral("error"), QStringLiteral("detail")}));
    const QJsonObject o = object(bytes);
    QCOMPARE(o.size(), 2);
    QCOMPARE(o.value(QLatin1String("error")).toString(), name);
    QCOMPARE(o.value(QLatin1String("detail")).toString(), detail);

    if (code == ErrorCode::BadJson && dialect == Dialect::Broadcast) {
        QCOMPARE(TutorialCodec::error(code, QStringLiteral("d"), dialect),
                 QByteArray(R"({"error":"invalid_json","detail":"d"})"));
    }
}

// ---------------------------------------------------------------------------------------------
// Error codes and dialect names

void tst_Protocol::errorCodeNames_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("native");
    QTest::addColumn<QString>("broadcast");

    QTest::newRow("BadJson") << ErrorCode::BadJson << QStringLiteral("bad_json")
                             << QStringLiteral("invalid_json");
    QTest::newRow("BadRequest") << ErrorCode::BadRequest << QStringLiteral("bad_request")
                                << QStringLiteral("bad_request");
    QTest::newRow("UnknownType") << ErrorCode::UnknownType << QStringLiteral("unknown_type")
                                 << QStringLiteral("unknown_type");
    QTest::newRow("NotInRoom") << ErrorCode::NotInRoom << QStringLiteral("not_in_room")
                               << QStringLiteral("not_in_room");
    QTest::newRow("NoSuchMember") << ErrorCode::NoSuchMember << QStringLiteral("no_such_member")
                                  << QStringLiteral("no_such_member");
    QTest::newRow("NameTaken") << ErrorCode::NameTaken << QStringLiteral("name_taken")
                               << QStringLiteral("name_taken");
    QTest::newRow("RateLimited") << ErrorCode::RateLimited << QStringLiteral("rate_limited")
                                 << QStringLiteral("rate_limited");
    QTest::newRow("Forbidden") << ErrorCode::Forbidden << QStringLiteral("forbidden")
                               << QStringLiteral("forbidden");
    QTest::newRow("TooManyRooms") << ErrorCode::TooManyRooms << QStringLiteral("too_many_rooms")
                                  << QStringLiteral("too_many_rooms");
    QTest::newRow("NameReserved") << ErrorCode::NameReserved << QStringLiteral("name_reserved")
                                  << QStringLiteral("name_reserved");
    QTest::newRow("Muted") << ErrorCode::Muted << QStringLiteral("muted")
                           << QStringLiteral("muted");
    QTest::newRow("RoomLocked") << ErrorCode::RoomLocked << QStringLiteral("room_locked")
                                << QStringLiteral("room_locked");
}

void tst_Protocol::errorCodeNames()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, native);
    QFETCH(QString, broadcast);

    QCOMPARE(errorCodeName(code), native);
    QCOMPARE(errorCodeName(code, Dialect::Native), native);
    QCOMPARE(errorCodeName(code, Dialect::Chat), native);
    QCOMPARE(errorCodeName(code, Dialect::Notifications), native);
    QCOMPARE(errorCodeName(code, Dialect::Broadcast), broadcast);
    QVERIFY(errorCodeFromName(native) == code);
    QVERIFY(errorCodeFromName(broadcast) == code);
}

void tst_Protocol::errorCodeFromUnknownName()
{
    QVERIFY(!errorCodeFromName(QString()));
    QVERIFY(!errorCodeFromName(QStringLiteral("no_such_code")));
    QVERIFY(!errorCodeFromName(QStringLiteral("NAME_TAKEN")));
}

void tst_Protocol::dialectNames_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QString>("name");
    QTest::newRow("broadcast") << Dialect::Broadcast << QStringLiteral("broadcast");
    QTest::newRow("chat") << Dialect::Chat << QStringLiteral("chat");
    QTest::newRow("notifications") << Dialect::Notifications << QStringLiteral("notifications");
    QTest::newRow("native") << Dialect::Native << QStringLiteral("native");
}

void tst_Protocol::dialectNames()
{
    QFETCH(Dialect, dialect);
    QFETCH(QString, name);
    QCOMPARE(dialectName(dialect), name);
}

// ---------------------------------------------------------------------------------------------
// JsonWriter

void tst_Protocol::jsonEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("escaped");

    QTest::newRow("empty") << QString(QLatin1String("")) << QByteArray(R"("")");
    QTest::newRow("plain") << QStringLiteral("hello world") << QByteArray(R"("hello world")");
    QTest::newRow("quote") << QStringLiteral("a\"b") << QByteArray(R"("a\"b")");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QByteArray(R"("a\\b")");
    QTest::newRow("backslash then quote") << QStringLiteral("\\\"") << QByteArray(R"("\\\"")");
    QTest::newRow("slash not escaped")
        << QStringLiteral("a/b</script>") << QByteArray(R"("a/b</script>")");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray(R"("a\nb")");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QByteArray(R"("a\rb")");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QByteArray(R"("a\tb")");
    QTest::newRow("backspace") << QStringLiteral("a\bb") << QByteArray(R"("a\bb")");
    QTest::newRow("form feed") << QStringLiteral("a\fb") << QByteArray(R"("a\fb")");
    QTest::newRow("NUL") << QString(QChar(0)) << QByteArray(R"("\u0000")");
    QTest::newRow("U+0001") << QString(QChar(1)) << QByteArray(R"("\u0001")");
    QTest::newRow("ESC") << QStringLiteral("\x1b[0m") << QByteArray(R"("\u001b[0m")");
    QTest::newRow("U+001F") << QString(QChar(0x1f)) << QByteArray(R"("\u001f")");
    QTest::newRow("U+0010") << QString(QChar(0x10)) << QByteArray(R"("\u0010")");
    QTest::newRow("space") << QStringLiteral(" ") << QByteArray(R"(" ")");
    QTest::newRow("DEL passes") << QString(QChar(0x7f)) << QByteArray("\"\x7f\"");
    QTest::newRow("latin-1") << QStringLiteral("Grüße")
                             << QByteArray("\"Gr\xc3\xbc\xc3\x9f"
                                           "e\"");
    QTest::newRow("C1 control passes") << QString(QChar(0x85)) << QByteArray("\"\xc2\x85\"");
    QTest::newRow("CJK") << QStringLiteral("漢字") << QByteArray("\"\xe6\xbc\xa2\xe5\xad\x97\"");
    QTest::newRow("U+2028") << QString(QChar(0x2028)) << QByteArray("\"\xe2\x80\xa8\"");
    QTest::newRow("emoji") << QStringLiteral("😀") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("emoji sequence")
        << QStringLiteral("👩‍💻!")
        << QByteArray("\"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb!\"");
    QTest::newRow("everything")
        << QStringLiteral("\"\\\n\r\t\b\f\x01 ü😀")
        << QByteArray("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001 \xc3\xbc\xf0\x9f\x98\x80\"");
}

void tst_Protocol::jsonEscaping()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, escaped);

    QByteArray out;
    JsonWriter::appendString(out, text);
    QCOMPARE(out, escaped);

    JsonWriter w;
    w.value(text);
    QCOMPARE(w.bytes(), escaped);
    QCOMPARE(w.toString(), QString::fromUtf8(escaped));

    // Round trip through Qt's own parser.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + escaped + "]", &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().at(0).toString(), text);

    // And as an object value.
    JsonWriter o;
    o.beginObject().key("k").value(text).endObject();
    QCOMPARE(object(o.bytes()).value(QLatin1String("k")).toString(), text);
}

void tst_Protocol::jsonLoneSurrogateStaysValid()
{
    // A lone surrogate cannot be encoded; the output must still be valid JSON.
    const QString text = QStringLiteral("a") + QChar(0xd800) + QStringLiteral("b");
    JsonWriter w;
    w.beginObject().key("k").value(text).endObject();
    const QJsonObject o = object(w.bytes());
    QVERIFY2(!o.isEmpty(), w.bytes().toHex().constData());
    const QString back = o.value(QLatin1String("k")).toString();
    QVERIFY(back.startsWith(QLatin1Char('a')));
    QVERIFY(back.endsWith(QLatin1Char('b')));
}

void tst_Protocol::jsonStructure()
{
    JsonWriter w;
    w.beginObject()
        .key("a")
        .beginArray()
        .value(1)
        .value(QStringLiteral("x"))
        .value(true)
        .beginObject()
        .key("b")
        .value(QJsonValue())
        .endObject()
        .beginArray()
        .endArray()
        .endArray()
        .key("c")
        .beginObject()
        .endObject()
        .key("d")
        .value(qint64(-9007199254740993LL))
        .key("e")
        .rawValue("{\"raw\": [1, 2]}")
        .key("f")
        .value(false)
        .key("g")
        .value("latin1")
        .endObject();
    QCOMPARE(w.bytes(),
             QByteArray(R"({"a":[1,"x",true,{"b":null},[]],"c":{},"d":-9007199254740993,)"
                        R"("e":{"raw": [1, 2]},"f":false,"g":"latin1"})"));
    QVERIFY(isJsonObject(w.bytes()));
    QCOMPARE(topLevelKeys(w.bytes()),
             QStringList({QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d"),
                          QStringLiteral("e"), QStringLiteral("f"), QStringLiteral("g")}));

    JsonWriter empty;
    QVERIFY(empty.bytes().isEmpty());
    JsonWriter array;
    array.beginArray().value(1).value(2).endArray();
    QCOMPARE(array.bytes(), QByteArray("[1,2]"));
}

void tst_Protocol::jsonValues_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("integer") << QJsonValue(3) << QByteArray("3");
    QTest::newRow("negative") << QJsonValue(-3) << QByteArray("-3");
    QTest::newRow("zero") << QJsonValue(0) << QByteArray("0");
    QTest::newRow("whole double") << QJsonValue(2.0) << QByteArray("2");
    QTest::newRow("large integer")
        << QJsonValue(qint64(1712345678901)) << QByteArray("1712345678901");
    QTest::newRow("fraction") << QJsonValue(1.5) << QByteArray("1.5");
    QTest::newRow("0.1") << QJsonValue(0.1) << QByteArray("0.1");
    QTest::newRow("true") << QJsonValue(true) << QByteArray("true");
    QTest::newRow("false") << QJsonValue(false) << QByteArray("false");
    QTest::newRow("string") << QJsonValue(QStringLiteral("s\"")) << QByteArray(R"("s\"")");
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QByteArray("null");
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << QByteArray("null");
    QTest::newRow("array") << QJsonValue(QJsonArray {1, QStringLiteral("x"), QJsonValue()})
                           << QByteArray(R"([1,"x",null])");
    QTest::newRow("object") << QJsonValue(QJsonObject {{QStringLiteral("a"), 1}})
                            << QByteArray(R"({"a":1})");
    QTest::newRow("empty object") << QJsonValue(QJsonObject()) << QByteArray("{}");
    QTest::newRow("empty array") << QJsonValue(QJsonArray()) << QByteArray("[]");
}

void tst_Protocol::jsonValues()
{
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, json);

    JsonWriter w;
    w.value(value);
    QCOMPARE(w.bytes(), json);

    JsonWriter o;
    o.beginObject().key("v").value(value).key("w").value(1).endObject();
    const QJsonObject parsed = object(o.bytes());
    QVERIFY2(!parsed.isEmpty(), o.bytes().constData());
    if (!value.isUndefined())
        QVERIFY(parsed.value(QLatin1String("v")) == value);
    QCOMPARE(parsed.value(QLatin1String("w")).toInt(), 1);
}

// ---------------------------------------------------------------------------------------------
// Validation

void tst_Protocol::normalizeName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalized"); // empty: rejected

    QTest::newRow("plain") << QStringLiteral("alice") << QStringLiteral("alice");
    QTest::newRow("trimmed") << QStringLiteral("  alice\t\n") << QStringLiteral("alice");
    QTest::newRow("inner spaces kept")
        << QStringLiteral("Ada  Lovelace") << QStringLiteral("Ada  Lovelace");
    QTest::newRow("one char") << QStringLiteral("x") << QStringLiteral("x");
    QTest::newRow("32 chars") << QString(32, QLatin1Char('n')) << QString(32, QLatin1Char('n'));
    QTest::newRow("unicode") << QStringLiteral("Jürgen") << QStringLiteral("Jürgen");
    QTest::newRow("case kept") << QStringLiteral("ALICE") << QStringLiteral("ALICE");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces only") << QStringLiteral("   ") << QString();
    QTest::newRow("33 chars") << QString(33, QLatin1Char('n')) << QString();
    QTest::newRow("control char") << QStringLiteral("a\x01"
                                                    "b")
                                  << QString();
    QTest::newRow("newline inside") << QStringLiteral("a\nb") << QString();
    QTest::newRow("DEL") << QStringLiteral("a\x7f") << QString();
}

void tst_Protocol::normalizeName()
{
    QFETCH(QString, name);
    QFETCH(QString, normalized);

    QString error;
    QCOMPARE(Validation::normalizeName(name, &error), normalized);
    QCOMPARE(error.isEmpty(), !normalized.isEmpty());
    QCOMPARE(Validation::normalizeName(name), normalized); // no error pointer
}

void tst_Protocol::isValidRoom_data()
{
    QTest::addColumn<QString>("room");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lobby") << QStringLiteral("lobby") << true;
    QTest::newRow("spaces kept") << QStringLiteral(" a room ") << true;
    QTest::newRow("one space") << QStringLiteral(" ") << true;
    QTest::newRow("unicode") << QStringLiteral("Küche 🍳") << true;
    QTest::newRow("64 chars") << QString(64, QLatin1Char('r')) << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("65 chars") << QString(65, QLatin1Char('r')) << false;
    QTest::newRow("control char") << QStringLiteral("a\x02") << false;
    QTest::newRow("tab") << QStringLiteral("a\tb") << false;
}

void tst_Protocol::isValidRoom()
{
    QFETCH(QString, room);
    QFETCH(bool, valid);

    QString error;
    QCOMPARE(Validation::isValidRoom(room, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    QCOMPARE(Validation::isValidRoom(room), valid);
}

// ---------------------------------------------------------------------------------------------
// Endpoint

void tst_Protocol::endpoint_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<Endpoint::Status>("status");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("name");

    using S = Endpoint::Status;
    const QString none;
    const QString lobby = QStringLiteral("lobby");
    const QString chat = QStringLiteral("chat");

    QTest::newRow("/") << QByteArray("/") << S::Ok << Dialect::Broadcast << lobby << none;
    QTest::newRow("/?code=x") << QByteArray("/?code=x") << S::Ok << Dialect::Broadcast << lobby
                              << none;
    QTest::newRow("/ws/alice") << QByteArray("/ws/alice") << S::Ok << Dialect::Chat << chat
                               << QStringLiteral("alice");
    QTest::newRow("/ws/alice?code=secret") << QByteArray("/ws/alice?code=secret") << S::Ok
                                           << Dialect::Chat << chat << QStringLiteral("alice");
    QTest::newRow("/ws/room1/bob") << QByteArray("/ws/room1/bob") << S::Ok << Dialect::Chat
                                   << QStringLiteral("room1") << QStringLiteral("bob");
    QTest::newRow("/ws/lobby/bob")
        << QByteArray("/ws/lobby/bob") << S::Ok << Dialect::Chat << lobby << QStringLiteral("bob");
    QTest::newRow("/ws/notifications/carol")
        << QByteArray("/ws/notifications/carol") << S::Ok << Dialect::Notifications
        << QStringLiteral("notifications") << QStringLiteral("carol");
    QTest::newRow("/ws/notifications (a name)")
        << QByteArray("/ws/notifications") << S::Ok << Dialect::Chat << chat
        << QStringLiteral("notifications");
    QTest::newRow("/ws/Notifications/carol (case-sensitive)")
        << QByteArray("/ws/Notifications/carol") << S::Ok << Dialect::Chat
        << QStringLiteral("Notifications") << QStringLiteral("carol");
    QTest::newRow("/ws/J%C3%BCrgen") << QByteArray("/ws/J%C3%BCrgen") << S::Ok << Dialect::Chat
                                     << chat << QStringLiteral("Jürgen");
    QTest::newRow("/ws/K%C3%BCche/J%C3%BCrgen")
        << QByteArray("/ws/K%C3%BCche/J%C3%BCrgen") << S::Ok << Dialect::Chat
        << QStringLiteral("Küche") << QStringLiteral("Jürgen");
    QTest::newRow("/ws/%F0%9F%98%80")
        << QByteArray("/ws/%F0%9F%98%80") << S::Ok << Dialect::Chat << chat << QStringLiteral("😀");
    QTest::newRow("/ws/a%20b") << QByteArray("/ws/a%20b") << S::Ok << Dialect::Chat << chat
                               << QStringLiteral("a b");
    QTest::newRow("/ws/a+b (+ is literal in a path)")
        << QByteArray("/ws/a+b") << S::Ok << Dialect::Chat << chat << QStringLiteral("a+b");
    QTest::newRow("/ws/a%2Fb") << QByteArray("/ws/a%2Fb") << S::Ok << Dialect::Chat << chat
                               << QStringLiteral("a/b");
    QTest::newRow("/ws/%20alice%20 (trimmed)") << QByteArray("/ws/%20alice%20") << S::Ok
                                               << Dialect::Chat << chat << QStringLiteral("alice");
    QTest::newRow("/ws/ + 32 chars") << QByteArray("/ws/" + QByteArray(32, 'n')) << S::Ok
                                     << Dialect::Chat << chat << QString(32, QLatin1Char('n'));
    QTest::newRow("/ws/ + 64-char room")
        << QByteArray("/ws/" + QByteArray(64, 'r') + "/bob") << S::Ok << Dialect::Chat
        << QString(64, QLatin1Char('r')) << QStringLiteral("bob");

    QTest::newRow("/chat") << QByteArray("/chat") << S::Ok << Dialect::Native << none << none;
    QTest::newRow("/chat?") << QByteArray("/chat?") << S::Ok << Dialect::Native << none << none;
    QTest::newRow("/chat?name=a&room=b")
        << QByteArray("/chat?name=a&room=b") << S::Ok << Dialect::Native << QStringLiteral("b")
        << QStringLiteral("a");
    QTest::newRow("/chat?room=b&code=x&name=a")
        << QByteArray("/chat?room=b&code=x&name=a") << S::Ok << Dialect::Native
        << QStringLiteral("b") << QStringLiteral("a");
    QTest::newRow("/chat?name=alice") << QByteArray("/chat?name=alice") << S::Ok << Dialect::Native
                                      << none << QStringLiteral("alice");
    QTest::newRow("/chat?room=lobby")
        << QByteArray("/chat?room=lobby") << S::Ok << Dialect::Native << lobby << none;
    QTest::newRow("/chat?name=J%C3%BCrgen") << QByteArray("/chat?name=J%C3%BCrgen") << S::Ok
                                            << Dialect::Native << none << QStringLiteral("Jürgen");
    QTest::newRow("/chat?name=Jürgen (raw UTF-8 in the query)")
        << QByteArray("/chat?name=J\xc3\xbcrgen&room=K\xc3\xbc"
                      "che")
        << S::Ok << Dialect::Native << QStringLiteral("Küche") << QStringLiteral("Jürgen");
    QTest::newRow("/ws/Jürgen (raw UTF-8 in the path)")
        << QByteArray("/ws/J\xc3\xbcrgen") << S::Ok << Dialect::Chat << chat
        << QStringLiteral("Jürgen");
    QTest::newRow("/chat?name=Ada+Lovelace (+ is a space)")
        << QByteArray("/chat?name=Ada+Lovelace") << S::Ok << Dialect::Native << none
        << QStringLiteral("Ada Lovelace");
    QTest::newRow("/chat?name=a%2Bb") << QByteArray("/chat?name=a%2Bb") << S::Ok << Dialect::Native
                                      << none << QStringLiteral("a+b");
    QTest::newRow("/chat?room=a%26b&name=x%3Dy")
        << QByteArray("/chat?room=a%26b&name=x%3Dy") << S::Ok << Dialect::Native
        << QStringLiteral("a&b") << QStringLiteral("x=y");
    QTest::newRow("/chat?room=my+room") << QByteArray("/chat?room=my+room") << S::Ok
                                        << Dialect::Native << QStringLiteral("my room") << none;
    QTest::newRow("/chat?name=+bob+ (trimmed)") << QByteArray("/chat?name=+bob+") << S::Ok
                                                << Dialect::Native << none << QStringLiteral("bob");

    QTest::newRow("/ws/a/b/c") << QByteArray("/ws/a/b/c") << S::NotFound << Dialect::Native << none
                               << none;
    QTest::newRow("/other") << QByteArray("/other") << S::NotFound << Dialect::Native << none
                            << none;
    QTest::newRow("/ws/") << QByteArray("/ws/") << S::NotFound << Dialect::Native << none << none;
    QTest::newRow("/ws") << QByteArray("/ws") << S::NotFound << Dialect::Native << none << none;
    QTest::newRow("/ws//bob") << QByteArray("/ws//bob") << S::NotFound << Dialect::Native << none
                              << none;
    QTest::newRow("/ws/alice/") << QByteArray("/ws/alice/") << S::NotFound << Dialect::Native
                                << none << none;
    QTest::newRow("/chat/") << QByteArray("/chat/") << S::NotFound << Dialect::Native << none
                            << none;
    QTest::newRow("/chatroom") << QByteArray("/chatroom") << S::NotFound << Dialect::Native << none
                               << none;
    QTest::newRow("/api/status") << QByteArray("/api/status") << S::NotFound << Dialect::Native
                                 << none << none;
    QTest::newRow("/index.html") << QByteArray("/index.html") << S::NotFound << Dialect::Native
                                 << none << none;
    QTest::newRow("empty target") << QByteArray() << S::NotFound << Dialect::Native << none << none;

    QTest::newRow("/ws/ + 33-char name") << QByteArray("/ws/" + QByteArray(33, 'n'))
                                         << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/room/ + 33-char name") << QByteArray("/ws/room/" + QByteArray(33, 'n'))
                                              << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/ + 65-char room") << QByteArray("/ws/" + QByteArray(65, 'r') + "/bob")
                                         << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/chat?name= + 33 chars") << QByteArray("/chat?name=" + QByteArray(33, 'n'))
                                            << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/chat?room= + 65 chars") << QByteArray("/chat?room=" + QByteArray(65, 'r'))
                                            << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/a%01b (control char)")
        << QByteArray("/ws/a%01b") << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/a%0Ab (newline)")
        << QByteArray("/ws/a%0Ab") << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/%20%20 (blank)")
        << QByteArray("/ws/%20%20") << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/host (reserved)")
        << QByteArray("/ws/host") << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/lobby/HOST (reserved)")
        << QByteArray("/ws/lobby/HOST") << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/chat?name=+Host+ (reserved)")
        << QByteArray("/chat?name=+Host+") << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/ws/hostess (not reserved)")
        << QByteArray("/ws/hostess") << S::Ok << Dialect::Chat << QStringLiteral("chat")
        << QStringLiteral("hostess");
    QTest::newRow("/ws/r%07/bob (control in room)")
        << QByteArray("/ws/r%07/bob") << S::BadRequest << Dialect::Native << none << none;
    QTest::newRow("/chat?name=a%00b")
        << QByteArray("/chat?name=a%00b") << S::BadRequest << Dialect::Native << none << none;
}

void tst_Protocol::endpoint()
{
    QFETCH(QByteArray, target);
    QFETCH(Endpoint::Status, status);
    QFETCH(Dialect, dialect);
    QFETCH(QString, room);
    QFETCH(QString, name);

    const Endpoint e = Endpoint::fromTarget(target);
    QCOMPARE(e.status, status);
    if (status == Endpoint::Status::Ok) {
        QCOMPARE(e.dialect, dialect);
        QCOMPARE(e.room, room);
        QCOMPARE(e.name, name);
    } else if (status == Endpoint::Status::BadRequest) {
        QVERIFY(!e.error.isEmpty());
    }
}

// ---------------------------------------------------------------------------------------------
// HttpRequestHead

// ---------------------------------------------------------------------------------------------
// StrictJson

void tst_Protocol::strictJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");

    QTest::newRow("object") << QByteArray(R"({"a":[1,-2.5e+3,true,false,null,"x"]})") << true;
    QTest::newRow("scalar") << QByteArray("42") << true;
    QTest::newRow("string") << QByteArray(R"("a\"\\\/\b\f\n\r\t\u00e9")") << true;
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << true;
    QTest::newRow("raw UTF-8") << QByteArray("\"Zo\xc3\xab \xf0\x9f\x98\x80\"") << true;
    QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"a\" : 1 }\n") << true;
    QTest::newRow("minus zero") << QByteArray("-0") << true;
    QTest::newRow("DEL in a string") << QByteArray("\"\x7f\"") << true;
    QTest::newRow("128 deep") << QByteArray(QByteArray(128, '[') + QByteArray(128, ']')) << true;

    QTest::newRow("empty") << QByteArray("") << false;
    QTest::newRow("tab in a string") << QByteArray("\"a\tb\"") << false;
    QTest::newRow("NUL in a string") << QByteArray("\"a\0b\"", 5) << false;
    QTest::newRow("unknown escape") << QByteArray(R"("\x")") << false;
    QTest::newRow("short \\u") << QByteArray(R"("\u12")") << false;
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud800")") << false;
    QTest::newRow("lone low surrogate") << QByteArray(R"("\udc00x")") << false;
    QTest::newRow("reversed pair") << QByteArray(R"("\ude00\ud83d")") << false;
    QTest::newRow("overlong UTF-8") << QByteArray("\"\xc0\x80\"") << false;
    QTest::newRow("UTF-8 surrogate") << QByteArray("\"\xed\xa0\x80\"") << false;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\"\xf4\x90\x80\x80\"") << false;
    QTest::newRow("truncated UTF-8") << QByteArray("\"\xe2\x82\"") << false;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{}") << false;
    QTest::newRow("1.") << QByteArray("1.") << false;
    QTest::newRow(".5") << QByteArray(".5") << false;
    QTest::newRow("leading zero") << QByteArray("01") << false;
    QTest::newRow("plus") << QByteArray("+1") << false;
    QTest::newRow("1e") << QByteArray("1e") << false;
    QTest::newRow("NaN") << QByteArray("NaN") << false;
    QTest::newRow("trailing comma") << QByteArray("[1,]") << false;
    QTest::newRow("duplicate name") << QByteArray(R"({"a":1,"a":2})") << false;
    QTest::newRow("duplicate name, escaped") << QByteArray(R"({"a":1,"\u0061":2})") << false;
    // Duplicates are judged in every object, however deep, and only within one object.
    QTest::newRow("duplicate in a nested object")
        << QByteArray(R"({"a":{"b":1,"c":2,"b":3}})") << false;
    QTest::newRow("duplicate three deep") << QByteArray(R"({"a":{"b":{"c":1,"c":1}}})") << false;
    QTest::newRow("duplicate in an object in an array")
        << QByteArray(R"({"a":[1,{"x":1,"x":2}]})") << false;
    QTest::newRow("duplicate in a top-level array's object")
        << QByteArray(R"([{"x":1},{"y":1,"y":2}])") << false;
    QTest::newRow("duplicate after a nested object closed")
        << QByteArray(R"({"a":{"b":1},"c":2,"a":3})") << false;
    QTest::newRow("same name at two depths") << QByteArray(R"({"a":{"a":{"a":1}}})") << true;
    QTest::newRow("same name in sibling objects")
        << QByteArray(R"([{"a":1},{"a":2},{"a":{"a":3}}])") << true;
    QTest::newRow("two values") << QByteArray("1 2") << false;
    QTest::newRow("trailing NUL") << QByteArray("{}\0", 3) << false;
    QTest::newRow("129 deep") << QByteArray(QByteArray(129, '[') + QByteArray(129, ']')) << false;
}

void tst_Protocol::strictJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QString why;
    qsizetype offset = -1;
    QCOMPARE(StrictJson::check(json, &why, &offset), valid);
    if (!valid) {
        QVERIFY(!why.isEmpty());
        QVERIFY(offset >= 0 && offset <= json.size());
    }
}

void tst_Protocol::readObject_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<StrictJson::Outcome>("outcome");

    using O = StrictJson::Outcome;
    QTest::newRow("object") << QByteArray(R"({"type":"ping","n":1})") << O::Object;
    QTest::newRow("empty object") << QByteArray("{}") << O::Object;
    QTest::newRow("empty") << QByteArray("") << O::NotJson;
    QTest::newRow("words") << QByteArray("hello") << O::NotJson;
    QTest::newRow("truncated") << QByteArray(R"({"type":)") << O::NotJson;
    // QJsonDocument reads only an array or an object at the top.
    QTest::newRow("number") << QByteArray("42") << O::NotJson;
    // QJsonDocument reads these; the strict check refuses them.
    QTest::newRow("duplicate name") << QByteArray(R"({"a":1,"a":2})") << O::NotStrict;
    QTest::newRow("tab in a string") << QByteArray("{\"a\":\"a\tb\"}") << O::NotStrict;
    QTest::newRow("1.") << QByteArray(R"({"a":1.})") << O::NotStrict;
    QTest::newRow("array") << QByteArray("[1]") << O::NotObject;
    QTest::newRow("empty array") << QByteArray("[]") << O::NotObject;
}

void tst_Protocol::readObject()
{
    QFETCH(QByteArray, frame);
    QFETCH(StrictJson::Outcome, outcome);
    const StrictJson::ObjectRead read = StrictJson::readObject(frame);
    QCOMPARE(read.outcome, outcome);
    if (outcome == StrictJson::Outcome::Object)
        QCOMPARE(read.object, QJsonDocument::fromJson(frame).object());
    else
        QVERIFY(read.object.isEmpty());
    if (outcome == StrictJson::Outcome::NotJson || outcome == StrictJson::Outcome::NotStrict) {
        QVERIFY(!read.why.isEmpty());
        QVERIFY(read.offset >= 0 && read.offset <= frame.size());
    }
}

void tst_Protocol::decodeNonStrictJson_data()
{
    QTest::addColumn<QByteArray>("frame");

    // Each of these QJsonDocument reads without an error.
    QTest::newRow("tab in a string")
        << QByteArray("{\"type\":\"message\",\"room\":\"a\",\"text\":\"a\tb\"}");
    QTest::newRow("control character")
        << QByteArray("{\"type\":\"message\",\"room\":\"a\",\"text\":\"a\x01\"}");
    QTest::newRow("unknown escape") << QByteArray(R"({"type":"rename","name":"\q"})");
    QTest::newRow("1.") << QByteArray(R"({"type":"ping","ts":1.})");
    QTest::newRow(".5") << QByteArray(R"({"type":"ping","ts":.5})");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"type\":\"rooms\"}");
    QTest::newRow("duplicate type") << QByteArray(R"({"type":"join","room":"a","type":"leave"})");
    QTest::newRow("duplicate in data")
        << QByteArray(R"({"type":"message","room":"a","text":"x","data":{"k":1,"k":2}})");
    QTest::newRow("duplicate in data's array")
        << QByteArray(R"({"type":"message","room":"a","text":"x","data":[{"k":1,"k":2}]})");
    QTest::newRow("lone surrogate") << QByteArray(R"({"type":"join","room":"\ud800"})");
}

void tst_Protocol::decodeNonStrictJson()
{
    QFETCH(QByteArray, frame);
    QJsonParseError error;
    QJsonDocument::fromJson(frame, &error);
    QCOMPARE(error.error, QJsonParseError::NoError); // the reason for StrictJson

    const Request r = NativeCodec::decode(frame);
    QVERIFY(!r.isValid());
    QCOMPARE(r.error, ErrorCode::BadJson);
    QVERIFY2(r.errorMessage.startsWith(QLatin1String("the frame is not valid JSON: ")),
             qPrintable(r.errorMessage));
}

void tst_Protocol::decodeDuplicateKeyMessage()
{
    // As docs/protocol.md shows it.
    const Request r
        = NativeCodec::decode(QByteArray(R"({"type":"join","room":"a","type":"leave"})"));
    QCOMPARE(
        r.errorMessage,
        QStringLiteral("the frame is not valid JSON: duplicate name in an object at offset 26"));
}

void tst_Protocol::decodeBroadcast_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("object") << QByteArray(R"({"message":"hi"})") << true
                            << QJsonValue(
                                   QJsonObject {{QStringLiteral("message"), QStringLiteral("hi")}});
    QTest::newRow("string") << QByteArray(R"( "hi" )") << true << QJsonValue(QStringLiteral("hi"));
    QTest::newRow("number") << QByteArray("42") << true << QJsonValue(42);
    QTest::newRow("null") << QByteArray("null") << true << QJsonValue(QJsonValue::Null);
    QTest::newRow("array") << QByteArray("[1,2]") << true << QJsonValue(QJsonArray {1, 2});

    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("empty") << QByteArray("") << false << none;
    QTest::newRow("two values") << QByteArray("1,2") << false << none;
    // Would close the wrapping array early.
    QTest::newRow("escapes the wrapper") << QByteArray("1],[2") << false << none;
    QTest::newRow("tab in a string") << QByteArray("\"a\tb\"") << false << none;
    QTest::newRow("unknown escape") << QByteArray(R"("\x")") << false << none;
    QTest::newRow(".5") << QByteArray(".5") << false << none;
    QTest::newRow("duplicate name") << QByteArray(R"({"a":1,"a":2})") << false << none;
    // Passed on as written, a nested duplicate would let receivers disagree about its value.
    QTest::newRow("nested duplicate") << QByteArray(R"({"a":{"b":1,"b":2}})") << false << none;
    QTest::newRow("duplicate in an array's object")
        << QByteArray(R"([{"b":1,"b":2}])") << false << none;
}

void tst_Protocol::decodeBroadcast()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, valid);
    QFETCH(QJsonValue, value);
    QJsonValue decoded;
    QString why;
    QCOMPARE(TutorialCodec::decodeBroadcast(frame, &decoded, &why), valid);
    if (valid) {
        QCOMPARE(decoded, value);
        QVERIFY(why.isEmpty());
    } else {
        QVERIFY(!why.isEmpty());
    }
}

// ---------------------------------------------------------------------------------------------
// WebPath

void tst_Protocol::webPath_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("name");

    QTest::newRow("root") << QByteArray("/") << QStringLiteral("index.html");
    QTest::newRow("file") << QByteArray("/app.js") << QStringLiteral("app.js");
    QTest::newRow("encoded letter") << QByteArray("/%69ndex.html") << QStringLiteral("index.html");
    QTest::newRow("dots inside") << QByteArray("/a..b") << QStringLiteral("a..b");

    // Found by fuzzing: "/." and friends reached QFile(":/web/.") and similar.
    const char *const refused[] = {"",
                                   "/.",
                                   "/..",
                                   "/%2e",
                                   "/%2E%2E",
                                   "/.hidden",
                                   "/./index.html",
                                   "//index.html",
                                   "/a/b",
                                   "/..%2fetc%2fpasswd",
                                   "/index.html%00",
                                   "/a%5cb",
                                   "/caf%C3%A9",
                                   "index.html"};
    for (const char *path : refused)
        QTest::newRow(path[0] ? path : "empty") << QByteArray(path) << QString();
    QTest::newRow("long") << QByteArray("/" + QByteArray(65, 'a')) << QString();
}

void tst_Protocol::webPath()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, name);
    QCOMPARE(WebPath::resourceName(path), name);
}

void tst_Protocol::httpHeadComplete()
{
    const QByteArray data = "GET /api/status?code=s3cret HTTP/1.1\r\n"
                            "Host: localhost:8000\r\n"
                            "User-Agent: curl/7.88.1\r\n"
                            "Accept: */*\r\n"
                            "\r\n";
    HttpRequestHead head;
    QCOMPARE(head.parse(data), HttpRequestHead::Status::Complete);
    QVERIFY(head.error().isEmpty());
    QCOMPARE(head.method(), QByteArray("GET"));
    QCOMPARE(head.target(), QByteArray("/api/status?code=s3cret"));
    QCOMPARE(head.path(), QByteArray("/api/status"));
    QCOMPARE(head.version(), QByteArray("HTTP/1.1"));
    QCOMPARE(head.headLength(), int(data.size()));
    QCOMPARE(head.headers().size(), 3);
    QCOMPARE(head.headers().at(0).first, QByteArray("Host"));
    QCOMPARE(head.headers().at(0).second, QByteArray("localhost:8000"));
    QCOMPARE(head.queryValue(QStringLiteral("code")), QStringLiteral("s3cret"));
    QVERIFY(!head.isWebSocketUpgrade());

    HttpRequestHead http10;
    QCOMPARE(http10.parse("HEAD / HTTP/1.0\r\n\r\n"), HttpRequestHead::Status::Complete);
    QCOMPARE(http10.method(), QByteArray("HEAD"));
    QCOMPARE(http10.path(), QByteArray("/"));
    QCOMPARE(http10.version(), QByteArray("HTTP/1.0"));
    QVERIFY(http10.headers().isEmpty());
}

void tst_Protocol::httpHeadStatus_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<HttpRequestHead::Status>("status");

    using S = HttpRequestHead::Status;
    QTest::newRow("complete") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << S::Complete;
    QTest::newRow("POST") << QByteArray("POST /api HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
                          << S::Complete;
    QTest::newRow("empty") << QByteArray() << S::Incomplete;
    QTest::newRow("method only") << QByteArray("GE") << S::Incomplete;
    QTest::newRow("request line, partly") << QByteArray("GET /ws/al") << S::Incomplete;
    QTest::newRow("request line") << QByteArray("GET / HTTP/1.1\r\n") << S::Incomplete;
    QTest::newRow("headers, no blank line")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n") << S::Incomplete;
    QTest::newRow("half the blank line")
        << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r") << S::Incomplete;
    QTest::newRow("TLS ClientHello")
        << QByteArray::fromHex("160301020001000200030399aabbccddeeff00112233") << S::Invalid;
    QTest::newRow("TLS ClientHello, 3 bytes") << QByteArray::fromHex("160301") << S::Invalid;
    QTest::newRow("GARBAGE") << QByteArray("GARBAGE\r\n\r\n") << S::Invalid;
    QTest::newRow("SSH banner") << QByteArray("SSH-2.0-OpenSSH_9.2p1\r\n") << S::Invalid;
    QTest::newRow("NUL bytes") << QByteArray(8, '\0') << S::Invalid;
    QTest::newRow("binary, complete") << QByteArray("\x01\x02\x03\r\n\r\n") << S::Invalid;
    QTest::newRow("two words") << QByteArray("GET /\r\n\r\n") << S::Invalid;
    QTest::newRow("four words") << QByteArray("GET / HTTP/1.1 x\r\n\r\n") << S::Invalid;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << S::Invalid;
    QTest::newRow("lowercase version") << QByteArray("GET / http/1.1\r\n\r\n") << S::Invalid;
    QTest::newRow("absolute-form target")
        << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << S::Invalid;
    QTest::newRow("CONNECT authority")
        << QByteArray("CONNECT x:443 HTTP/1.1\r\n\r\n") << S::Invalid;
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nBad Header\r\n\r\n") << S::Invalid;
    QTest::newRow("header name with space")
        << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << S::Invalid;
    QTest::newRow("header empty name") << QByteArray("GET / HTTP/1.1\r\n: x\r\n\r\n") << S::Invalid;
    QTest::newRow("folded header")
        << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n") << S::Invalid;

    // Found by fuzzing: bytes that HTTP readers disagree about (RFC 9112, 2.2), refused as soon
    // as they arrive.
    QTest::newRow("bare CR in a value")
        << QByteArray("GET / HTTP/1.1\r\nX: a\rb\r\n\r\n") << S::Invalid;
    QTest::newRow("bare CR, incomplete") << QByteArray("GET / HTTP/1.1\rX") << S::Invalid;
    QTest::newRow("CR at the end, incomplete") << QByteArray("GET / HTTP/1.1\r") << S::Incomplete;
    QTest::newRow("bare LF lines") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << S::Invalid;
    QTest::newRow("bare LF, incomplete") << QByteArray("GET / HTTP/1.1\nHost") << S::Invalid;
    QTest::newRow("NUL in the target") << QByteArray("GET /\0 HTTP/1.1\r\n\r\n", 19) << S::Invalid;
    QTest::newRow("NUL in a value, incomplete")
        << QByteArray("GET / HTTP/1.1\r\nX: \0", 20) << S::Invalid;
    QTest::newRow("control character in a value")
        << QByteArray("GET / HTTP/1.1\r\nX: a\x01\r\n\r\n") << S::Invalid;
    QTest::newRow("DEL in a value")
        << QByteArray("GET / HTTP/1.1\r\nX: a\x7f\r\n\r\n") << S::Invalid;
    QTest::newRow("control character in the target")
        << QByteArray("GET /\x1b[2J HTTP/1.1\r\n\r\n") << S::Invalid;
    QTest::newRow("tab in a value")
        << QByteArray("GET / HTTP/1.1\r\nX: a\tb\r\n\r\n") << S::Complete;
    QTest::newRow("obs-text in a value")
        << QByteArray("GET / HTTP/1.1\r\nX: caf\xc3\xa9\r\n\r\n") << S::Complete;
    QTest::newRow("raw UTF-8 in the target")
        << QByteArray("GET /chat?name=Zo\xc3\xab HTTP/1.1\r\n\r\n") << S::Complete;

    QByteArray manyHeaders = "GET / HTTP/1.1\r\n";
    for (int i = 0; i <= HttpRequestHead::MaxHeaders; ++i)
        manyHeaders += "X-H" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many headers") << QByteArray(manyHeaders + "\r\n") << S::Invalid;

    QTest::newRow(">16 KiB without end")
        << QByteArray("GET /" + QByteArray(HttpRequestHead::MaxHeadBytes + 1, 'a')) << S::TooLarge;
    QTest::newRow(">16 KiB of headers without end")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(17 * 1024, 'b')) << S::TooLarge;
    QTest::newRow("complete but >16 KiB")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(17 * 1024, 'b') + "\r\n\r\n")
        << S::TooLarge;
    QTest::newRow("just under 16 KiB")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(15 * 1024, 'b') + "\r\n\r\n")
        << S::Complete;
}

void tst_Protocol::httpHeadStatus()
{
    QFETCH(QByteArray, data);
    QFETCH(HttpRequestHead::Status, status);

    HttpRequestHead head;
    QCOMPARE(head.parse(data), status);
    if (status == HttpRequestHead::Status::Invalid || status == HttpRequestHead::Status::TooLarge)
        QVERIFY(!head.error().isEmpty());
    if (status == HttpRequestHead::Status::Complete)
        QCOMPARE(head.headLength(), int(data.size()));
}

void tst_Protocol::httpHeadUpgrade_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("upgrade");

    QTest::newRow("standard") << QByteArray("GET /chat HTTP/1.1\r\n"
                                            "Host: localhost:8000\r\n"
                                            "Upgrade: websocket\r\n"
                                            "Connection: Upgrade\r\n"
                                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                            "Sec-WebSocket-Version: 13\r\n\r\n")
                              << true;
    QTest::newRow("Firefox: WebSocket, keep-alive, Upgrade")
        << QByteArray("GET /ws/alice HTTP/1.1\r\n"
                      "Host: localhost:8000\r\n"
                      "Connection: keep-alive, Upgrade\r\n"
                      "Upgrade: WebSocket\r\n\r\n")
        << true;
    QTest::newRow("lowercase header names")
        << QByteArray("GET / HTTP/1.1\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n")
        << true;
    QTest::newRow("capitals everywhere")
        << QByteArray("GET / HTTP/1.1\r\nUPGRADE: WEBSOCKET\r\nCONNECTION: UPGRADE\r\n\r\n")
        << true;
    QTest::newRow("no spaces") << QByteArray("GET / HTTP/1.1\r\nUpgrade:websocket\r\n\r\n") << true;
    QTest::newRow("token list") << QByteArray("GET / HTTP/1.1\r\nUpgrade: foo/2, websocket\r\n\r\n")
                                << true;
    QTest::newRow("plain GET") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << false;
    QTest::newRow("Connection only")
        << QByteArray("GET / HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\n\r\n") << false;
    QTest::newRow("h2c") << QByteArray("GET / HTTP/1.1\r\nUpgrade: h2c\r\n\r\n") << false;
    QTest::newRow("websockets (typo)")
        << QByteArray("GET / HTTP/1.1\r\nUpgrade: websockets\r\n\r\n") << false;
    QTest::newRow("POST with Upgrade")
        << QByteArray("POST / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
        << false;
    QTest::newRow("HEAD with Upgrade")
        << QByteArray("HEAD / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n") << false;
}

void tst_Protocol::httpHeadUpgrade()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, upgrade);

    HttpRequestHead head;
    QCOMPARE(head.parse(data), HttpRequestHead::Status::Complete);
    QCOMPARE(head.isWebSocketUpgrade(), upgrade);
}

void tst_Protocol::httpHeadHeaderLookup()
{
    HttpRequestHead head;
    QCOMPARE(head.parse("GET / HTTP/1.1\r\n"
                        "Host:   example.org  \r\n"
                        "Sec-WebSocket-Key: abc==\r\n"
                        "X-Empty:\r\n"
                        "X-Twice: first\r\n"
                        "x-twice: second\r\n\r\n"),
             HttpRequestHead::Status::Complete);
    QCOMPARE(head.header("Host"), QByteArray("example.org"));
    QCOMPARE(head.header("host"), QByteArray("example.org"));
    QCOMPARE(head.header("HOST"), QByteArray("example.org"));
    QCOMPARE(head.header("sec-websocket-key"), QByteArray("abc=="));
    QCOMPARE(head.header("SEC-WEBSOCKET-KEY"), QByteArray("abc=="));
    QVERIFY(head.hasHeader("hOsT"));
    QVERIFY(head.hasHeader("x-empty"));
    QVERIFY(head.header("x-empty").isEmpty());
    QVERIFY(!head.hasHeader("Origin"));
    QVERIFY(head.header("Origin").isEmpty());
    QVERIFY(!head.hasHeader("Hos"));
    QCOMPARE(head.header("X-TWICE"), QByteArray("first"));
}

void tst_Protocol::httpHeadWithBody()
{
    // The head ends at the blank line; what follows is not part of it.
    const QByteArray headText = "POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\n";
    HttpRequestHead head;
    QCOMPARE(head.parse(headText + "hello"), HttpRequestHead::Status::Complete);
    QCOMPARE(head.headLength(), int(headText.size()));
    QCOMPARE(head.header("content-length"), QByteArray("5"));

    // A WebSocket frame already behind the handshake does not confuse the parser.
    const QByteArray upgrade = "GET /chat HTTP/1.1\r\nUpgrade: websocket\r\n\r\n";
    QCOMPARE(head.parse(upgrade + QByteArray::fromHex("818537fa213d7f9f4d51")),
             HttpRequestHead::Status::Complete);
    QCOMPARE(head.headLength(), int(upgrade.size()));
    QVERIFY(head.isWebSocketUpgrade());
}

void tst_Protocol::httpHeadReparse()
{
    // The server parses the growing buffer again as bytes arrive.
    const QByteArray full = "GET /ws/alice HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n";
    HttpRequestHead head;
    for (int n = 0; n < full.size(); ++n)
        QCOMPARE(head.parse(full.left(n)), HttpRequestHead::Status::Incomplete);
    QCOMPARE(head.parse(full), HttpRequestHead::Status::Complete);
    QCOMPARE(head.headers().size(), 2);
    QVERIFY(head.isWebSocketUpgrade());
    QCOMPARE(head.path(), QByteArray("/ws/alice"));

    // Parsing another request replaces the first one's headers.
    QCOMPARE(head.parse("GET /b HTTP/1.1\r\nAccept: x\r\n\r\n"), HttpRequestHead::Status::Complete);
    QCOMPARE(head.headers().size(), 1);
    QVERIFY(!head.hasHeader("Upgrade"));
    QVERIFY(!head.isWebSocketUpgrade());
    QCOMPARE(head.path(), QByteArray("/b"));
}

void tst_Protocol::httpQueryValue_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("simple") << QByteArray("/chat?code=abc") << QStringLiteral("code")
                            << QStringLiteral("abc");
    QTest::newRow("second of two")
        << QByteArray("/chat?room=r&code=abc") << QStringLiteral("code") << QStringLiteral("abc");
    QTest::newRow("percent-encoded UTF-8") << QByteArray("/chat?name=J%C3%BCrgen")
                                           << QStringLiteral("name") << QStringLiteral("Jürgen");
    QTest::newRow("+ is a space") << QByteArray("/chat?name=Ada+Lovelace") << QStringLiteral("name")
                                  << QStringLiteral("Ada Lovelace");
    QTest::newRow("%20 is a space") << QByteArray("/chat?name=Ada%20Lovelace")
                                    << QStringLiteral("name") << QStringLiteral("Ada Lovelace");
    QTest::newRow("%2B is a plus")
        << QByteArray("/chat?code=a%2Bb") << QStringLiteral("code") << QStringLiteral("a+b");
    QTest::newRow("encoded & and =") << QByteArray("/chat?code=a%26b%3Dc&x=1")
                                     << QStringLiteral("code") << QStringLiteral("a&b=c");
    QTest::newRow("encoded %") << QByteArray("/chat?code=100%25") << QStringLiteral("code")
                               << QStringLiteral("100%");
    QTest::newRow("raw UTF-8") << QByteArray("/chat?name=J\xc3\xbcrgen") << QStringLiteral("name")
                               << QStringLiteral("Jürgen");
    QTest::newRow("emoji") << QByteArray("/chat?name=%F0%9F%98%80") << QStringLiteral("name")
                           << QStringLiteral("😀");
    QTest::newRow("missing key") << QByteArray("/chat?room=r") << QStringLiteral("code")
                                 << QString();
    QTest::newRow("no query") << QByteArray("/chat") << QStringLiteral("code") << QString();
    QTest::newRow("empty value") << QByteArray("/chat?code=") << QStringLiteral("code")
                                 << QString();
    QTest::newRow("key is case-sensitive")
        << QByteArray("/chat?Code=abc") << QStringLiteral("code") << QString();
}

void tst_Protocol::httpQueryValue()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, key);
    QFETCH(QString, value);

    HttpRequestHead head;
    QCOMPARE(head.parse("GET " + target + " HTTP/1.1\r\n\r\n"), HttpRequestHead::Status::Complete);
    QCOMPARE(head.queryValue(key), value);
}

// ---------------------------------------------------------------------------------------------
// TokenBucket

void tst_Protocol::tokenBucketBurst_data()
{
    QTest::addColumn<int>("rate");
    QTest::newRow("1/s") << 1;
    QTest::newRow("20/s (default)") << 20;
    QTest::newRow("1000/s") << 1000;
}

void tst_Protocol::tokenBucketBurst()
{
    QFETCH(int, rate);
    const qint64 t0 = 1'000'000;
    TokenBucket bucket;
    bucket.setRate(rate, t0);
    for (int i = 0; i < 2 * rate; ++i)
        QVERIFY2(bucket.take(t0), qPrintable(QStringLiteral("token %1").arg(i)));
    QVERIFY(!bucket.take(t0));
    QVERIFY(!bucket.take(t0));
    // One token comes back after 1/rate seconds (every rate here divides 1000).
    const qint64 period = 1000 / rate;
    QVERIFY(!bucket.take(t0 + period / 2));
    QVERIFY(bucket.take(t0 + period));
    QVERIFY(!bucket.take(t0 + period));
}

void tst_Protocol::tokenBucketRefill()
{
    TokenBucket bucket;
    bucket.setRate(20, 0);
    for (int i = 0; i < 40; ++i)
        QVERIFY(bucket.take(0));
    QVERIFY(!bucket.take(0));

    // Half a second refills 10 tokens.
    for (int i = 0; i < 10; ++i)
        QVERIFY2(bucket.take(500), qPrintable(QString::number(i)));
    QVERIFY(!bucket.take(500));

    // A steady 20 per second is always accepted.
    qint64 now = 500;
    for (int i = 0; i < 100; ++i) {
        now += 50;
        QVERIFY2(bucket.take(now), qPrintable(QString::number(now)));
    }
    // Refused frames do not cost tokens: after being refused, the next token still comes in time.
    QVERIFY(!bucket.take(now));
    QVERIFY(!bucket.take(now + 10));
    QVERIFY(bucket.take(now + 50));
}

void tst_Protocol::tokenBucketCapacity()
{
    TokenBucket bucket;
    bucket.setRate(5, 0);
    for (int i = 0; i < 10; ++i)
        QVERIFY(bucket.take(0));
    QVERIFY(!bucket.take(0));
    // A long pause refills to twice the rate, no more.
    const qint64 later = 3'600'000;
    for (int i = 0; i < 10; ++i)
        QVERIFY(bucket.take(later));
    QVERIFY(!bucket.take(later));

    // setRate starts with a full bucket.
    bucket.setRate(3, later);
    for (int i = 0; i < 6; ++i)
        QVERIFY(bucket.take(later));
    QVERIFY(!bucket.take(later));
}

void tst_Protocol::tokenBucketUnlimited()
{
    TokenBucket zero;
    zero.setRate(0, 0);
    for (int i = 0; i < 100000; ++i) {
        if (!zero.take(0))
            QFAIL(qPrintable(QStringLiteral("refused at %1").arg(i)));
    }

    TokenBucket fresh; // never configured: no limit
    for (int i = 0; i < 1000; ++i)
        QVERIFY(fresh.take(0));

    // Turning the limit off later also lifts it.
    TokenBucket limited;
    limited.setRate(1, 0);
    QVERIFY(limited.take(0));
    QVERIFY(limited.take(0));
    QVERIFY(!limited.take(0));
    limited.setRate(0, 0);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limited.take(0));
}

// ---------------------------------------------------------------------------------------------
// Timestamp

void tst_Protocol::timestampFormat_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");

    QTest::newRow("utc") << utc(2026, 11, 22, 3, 7, 3, 342)
                         << QStringLiteral("2026-11-22T03:07:03.342Z");
    QTest::newRow("whole second") << utc(2026, 1, 2, 0, 0, 0, 0)
                                  << QStringLiteral("2026-01-02T00:00:00.000Z");
    QTest::newRow("one millisecond")
        << utc(2000, 2, 29, 23, 59, 59, 1) << QStringLiteral("2000-02-29T23:59:59.001Z");
    QTest::newRow("end of year") << utc(2025, 12, 31, 23, 59, 59, 999)
                                 << QStringLiteral("2025-12-31T23:59:59.999Z");
    QTest::newRow("+02:00 offset")
        << QDateTime(QDate(2026, 11, 22), QTime(5, 7, 3, 342), QTimeZone(2 * 3600))
        << QStringLiteral("2026-11-22T03:07:03.342Z");
    QTest::newRow("-05:00 offset, previous day")
        << QDateTime(QDate(2026, 11, 21), QTime(22, 7, 3, 342), QTimeZone(-5 * 3600))
        << QStringLiteral("2026-11-22T03:07:03.342Z");
    QTest::newRow("from epoch ms")
        << QDateTime::fromMSecsSinceEpoch(1795316823342LL, QTimeZone::utc())
        << QStringLiteral("2026-11-22T03:07:03.342Z");
}

void tst_Protocol::timestampFormat()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(Timestamp::format(time), text);
}

void tst_Protocol::timestampNow()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QString now = Timestamp::now();
    const QDateTime after = QDateTime::currentDateTimeUtc();

    static const QRegularExpression pattern(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)"));
    QVERIFY2(pattern.match(now).hasMatch(), qPrintable(now));
    const QDateTime parsed = QDateTime::fromString(now, Qt::ISODateWithMs);
    QVERIFY(parsed.isValid());
    QVERIFY(parsed >= before.addMSecs(-1));
    QVERIFY(parsed <= after);
}

void tst_Protocol::timestampFormatMSecs_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::newRow("the epoch") << qint64(0);
    QTest::newRow("a millisecond after") << qint64(1);
    QTest::newRow("a millisecond before") << qint64(-1);
    QTest::newRow("1969-07-20T20:17:40.000Z") << qint64(-14182940000);
    QTest::newRow("2026-11-22T03:07:03.342Z") << qint64(1795316823342);
    QTest::newRow("a leap day") << utc(2028, 2, 29, 23, 59, 59, 999).toMSecsSinceEpoch();
    QTest::newRow("the year's last millisecond")
        << utc(2026, 12, 31, 23, 59, 59, 999).toMSecsSinceEpoch();
    QTest::newRow("the year's first") << utc(2027, 1, 1, 0, 0, 0, 0).toMSecsSinceEpoch();
    QTest::newRow("2100-03-01 (no leap day before it)")
        << utc(2100, 3, 1, 12, 0, 0, 5).toMSecsSinceEpoch();
    QTest::newRow("9999-12-31T23:59:59.999Z")
        << utc(9999, 12, 31, 23, 59, 59, 999).toMSecsSinceEpoch();
    QTest::newRow("0001-01-01T00:00:00.000Z") << utc(1, 1, 1, 0, 0, 0, 0).toMSecsSinceEpoch();
}

void tst_Protocol::timestampFormatMSecs()
{
    // The hand-written form is Qt's, to the character.
    QFETCH(qint64, ms);
    QCOMPARE(Timestamp::formatMSecs(ms),
             Timestamp::format(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())));
}

namespace {

// What Python 3.7 to 3.10's datetime.fromisoformat accepts (3.11 also takes "Z"):
// YYYY-MM-DD[*HH[:MM[:SS[.fff[fff]]]][+HH:MM[:SS[.ffffff]]]], any one character for "*".
bool pythonFromIsoFormatAccepts(const QString &text)
{
    static const QRegularExpression accepted(
        QStringLiteral(R"(^\d{4}-\d{2}-\d{2}(.\d{2}(:\d{2}(:\d{2}(\.(\d{3}|\d{6}))?)?)?)"
                       R"(([+-]\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)?)?$)"));
    return accepted.match(text).hasMatch();
}

} // namespace

void tst_Protocol::timestampPython_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");

    QTest::newRow("utc") << utc(2026, 11, 22, 3, 7, 3, 342)
                         << QStringLiteral("2026-11-22T03:07:03.342000+00:00");
    // Python would write "2026-01-02T00:00:00+00:00"; six digits always are as valid.
    QTest::newRow("whole second, six digits still")
        << utc(2026, 1, 2, 0, 0, 0, 0) << QStringLiteral("2026-01-02T00:00:00.000000+00:00");
    QTest::newRow("one millisecond")
        << utc(2000, 2, 29, 23, 59, 59, 1) << QStringLiteral("2000-02-29T23:59:59.001000+00:00");
    QTest::newRow("+02:00 offset, written in UTC")
        << QDateTime(QDate(2026, 11, 22), QTime(5, 7, 3, 342), QTimeZone(2 * 3600))
        << QStringLiteral("2026-11-22T03:07:03.342000+00:00");
    QTest::newRow("-05:00 offset, previous day")
        << QDateTime(QDate(2026, 11, 21), QTime(22, 7, 3, 342), QTimeZone(-5 * 3600))
        << QStringLiteral("2026-11-22T03:07:03.342000+00:00");
}

void tst_Protocol::timestampPython()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(Timestamp::formatPython(time), text);
    QVERIFY2(pythonFromIsoFormatAccepts(text), qPrintable(text));
    // The native form, which a 3.10 fromisoformat refuses, for contrast.
    QVERIFY(!pythonFromIsoFormatAccepts(Timestamp::format(time)));
    QCOMPARE(QDateTime::fromString(text, Qt::ISODateWithMs), time);
}

void tst_Protocol::timestampToPython_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<QString>("python");

    QTest::newRow("native form") << Ts << TsPython;
    QTest::newRow("now") << Timestamp::format(utc(2026, 12, 6, 15, 0, 0, 7))
                         << QStringLiteral("2026-12-06T15:00:00.007000+00:00");
    QTest::newRow("not a timestamp, unchanged") << QStringLiteral("t") << QStringLiteral("t");
    QTest::newRow("empty, unchanged") << QString() << QString();
    QTest::newRow("already Python's, unchanged") << TsPython << TsPython;
    QTest::newRow("24 characters ending in Z, not a time, unchanged")
        << QStringLiteral("2026-13-22T03:07:03.342Z") << QStringLiteral("2026-13-22T03:07:03.342Z");
    QTest::newRow("30 February, unchanged")
        << QStringLiteral("2026-02-30T03:07:03.342Z") << QStringLiteral("2026-02-30T03:07:03.342Z");
    QTest::newRow("hour 24, unchanged")
        << QStringLiteral("2026-02-03T24:07:03.342Z") << QStringLiteral("2026-02-03T24:07:03.342Z");
    QTest::newRow("second 60, unchanged")
        << QStringLiteral("2026-02-03T23:07:60.342Z") << QStringLiteral("2026-02-03T23:07:60.342Z");
    QTest::newRow("a letter for a digit, unchanged")
        << QStringLiteral("2026-02-03T23:O7:03.342Z") << QStringLiteral("2026-02-03T23:O7:03.342Z");
    QTest::newRow("a space for the T, unchanged")
        << QStringLiteral("2026-02-03 23:07:03.342Z") << QStringLiteral("2026-02-03 23:07:03.342Z");
    QTest::newRow("29 February of a leap year")
        << QStringLiteral("2028-02-29T23:59:59.999Z")
        << QStringLiteral("2028-02-29T23:59:59.999000+00:00");
}

void tst_Protocol::timestampToPython()
{
    QFETCH(QString, wire);
    QFETCH(QString, python);
    QCOMPARE(Timestamp::toPython(wire), python);
}

// ---------------------------------------------------------------------------------------------
// StatusReport

namespace {

ServerSnapshot sampleSnapshot()
{
    ServerSnapshot s;
    s.version = QStringLiteral("0.1.0");
    s.stats.uptimeMs = 12345;
    s.stats.connections = 3;
    s.stats.rooms = 2;
    s.stats.messagesIn = 120;
    s.stats.deliveries = 345;
    s.stats.bytesIn = 6789;
    s.stats.bytesOut = 5000000000LL;
    s.stats.slowConsumers = 3;
    s.stats.refusedWrongCode = 11;
    s.stats.refusedLockedOut = 4;
    s.stats.refusedOrigin = 2;
    s.stats.refusedLimit = 1;
    s.stats.refusedBanned = 6;
    s.stats.lockedOutAddresses = 1;

    ServerSnapshot::RoomInfo lobby;
    lobby.name = QStringLiteral("lobby");
    lobby.memberIds = QStringList {QStringLiteral("m1"), QStringLiteral("m2")};
    lobby.memberNames = QStringList {QStringLiteral("alice"), QStringLiteral("bob")};
    lobby.messages = 7;
    lobby.permanent = true;

    ServerSnapshot::RoomInfo quoted;
    quoted.name = QStringLiteral("a\"b");
    quoted.memberIds = QStringList {QStringLiteral("m3")};
    quoted.memberNames = QStringList {QStringLiteral("Jürgen")};
    quoted.messages = 1;

    s.rooms = {lobby, quoted};
    return s;
}

} // namespace

void tst_Protocol::statusJson()
{
    const ServerSnapshot s = sampleSnapshot();
    const QByteArray bytes = StatusReport::json(s);
    const QJsonObject o = object(bytes);
    QVERIFY2(!o.isEmpty(), bytes.constData());
    QCOMPARE(topLevelKeys(bytes),
             QStringList({QStringLiteral("version"), QStringLiteral("uptime_s"),
                          QStringLiteral("connections"), QStringLiteral("rooms"),
                          QStringLiteral("totals"), QStringLiteral("refused"),
                          QStringLiteral("store")}));
    QVERIFY(o.value(QLatin1String("store")).isNull()); // --store none
    const QJsonObject refused = o.value(QLatin1String("refused")).toObject();
    QCOMPARE(refused.size(), 6);
    QCOMPARE(refused.value(QLatin1String("wrong_code")).toInteger(), 11);
    QCOMPARE(refused.value(QLatin1String("locked_out")).toInteger(), 4);
    QCOMPARE(refused.value(QLatin1String("origin")).toInteger(), 2);
    QCOMPARE(refused.value(QLatin1String("limit")).toInteger(), 1);
    QCOMPARE(refused.value(QLatin1String("banned")).toInteger(), 6);
    QCOMPARE(refused.value(QLatin1String("locked_out_addresses")).toInteger(), 1);
    QCOMPARE(o.value(QLatin1String("version")).toString(), QStringLiteral("0.1.0"));
    QVERIFY(o.value(QLatin1String("uptime_s")).isDouble());
    QCOMPARE(o.value(QLatin1String("uptime_s")).toDouble(), 12.345);
    QCOMPARE(o.value(QLatin1String("connections")).toInt(), 3);

    const QJsonArray rooms = o.value(QLatin1String("rooms")).toArray();
    QCOMPARE(rooms.size(), 2);
    const QJsonObject lobby = rooms.at(0).toObject();
    QCOMPARE(lobby.value(QLatin1String("name")).toString(), QStringLiteral("lobby"));
    QCOMPARE(lobby.value(QLatin1String("members")).toArray(),
             QJsonArray::fromStringList({QStringLiteral("alice"), QStringLiteral("bob")}));
    QCOMPARE(lobby.value(QLatin1String("messages")).toInt(), 7);
    const QJsonObject quoted = rooms.at(1).toObject();
    QCOMPARE(quoted.value(QLatin1String("name")).toString(), QStringLiteral("a\"b"));
    QCOMPARE(quoted.value(QLatin1String("members")).toArray(),
             QJsonArray::fromStringList({QStringLiteral("Jürgen")}));
    QCOMPARE(quoted.value(QLatin1String("messages")).toInt(), 1);

    const QJsonObject totals = o.value(QLatin1String("totals")).toObject();
    QCOMPARE(totals.size(), 5);
    QCOMPARE(totals.value(QLatin1String("messages_in")).toInteger(), 120);
    QCOMPARE(totals.value(QLatin1String("deliveries")).toInteger(), 345);
    QCOMPARE(totals.value(QLatin1String("bytes_in")).toInteger(), 6789);
    QCOMPARE(totals.value(QLatin1String("bytes_out")).toInteger(), 5000000000LL);
    QCOMPARE(totals.value(QLatin1String("slow_consumers")).toInteger(), 3);
}

void tst_Protocol::statusJsonEmpty()
{
    const ServerSnapshot s;
    const QByteArray bytes = StatusReport::json(s);
    const QJsonObject o = object(bytes);
    QVERIFY2(!o.isEmpty(), bytes.constData());
    QCOMPARE(o.value(QLatin1String("uptime_s")).toDouble(), 0.0);
    QCOMPARE(o.value(QLatin1String("connections")).toInt(), 0);
    QVERIFY(o.value(QLatin1String("rooms")).isArray());
    QVERIFY(o.value(QLatin1String("rooms")).toArray().isEmpty());
    QCOMPARE(o.value(QLatin1String("totals")).toObject().size(), 5);
}

void tst_Protocol::statusMetrics()
{
    const QByteArray text = StatusReport::metrics(sampleSnapshot());
    QVERIFY(text.endsWith('\n'));
    const QList<QByteArray> lines = text.split('\n');

    auto hasLine = [&lines](const QByteArray &line) {
        return lines.contains(line);
    };
    QVERIFY(hasLine("wsroom_uptime_seconds 12.345"));
    QVERIFY(hasLine("wsroom_connections 3"));
    QVERIFY(hasLine("wsroom_rooms 2"));
    QVERIFY(hasLine("wsroom_messages_in_total 120"));
    QVERIFY(hasLine("wsroom_deliveries_total 345"));
    QVERIFY(hasLine("wsroom_bytes_in_total 6789"));
    QVERIFY(hasLine("wsroom_bytes_out_total 5000000000"));
    QVERIFY(hasLine("wsroom_slow_consumers_total 3"));
    QVERIFY(hasLine("# TYPE wsroom_refused_total counter"));
    QVERIFY(hasLine(R"(wsroom_refused_total{reason="wrong_code"} 11)"));
    QVERIFY(hasLine(R"(wsroom_refused_total{reason="locked_out"} 4)"));
    QVERIFY(hasLine(R"(wsroom_refused_total{reason="origin"} 2)"));
    QVERIFY(hasLine(R"(wsroom_refused_total{reason="limit"} 1)"));
    QVERIFY(hasLine(R"(wsroom_refused_total{reason="banned"} 6)"));
    QVERIFY(hasLine("wsroom_locked_out_addresses 1"));
    QVERIFY(hasLine("# TYPE wsroom_connections gauge"));
    QVERIFY(hasLine("# TYPE wsroom_messages_in_total counter"));
    QVERIFY(hasLine("# TYPE wsroom_room_members gauge"));
    QVERIFY(hasLine("# TYPE wsroom_room_messages_total counter"));
    QVERIFY(hasLine(R"(wsroom_room_members{room="lobby"} 2)"));
    QVERIFY(hasLine(R"(wsroom_room_members{room="a\"b"} 1)"));
    QVERIFY(hasLine(R"(wsroom_room_messages_total{room="lobby"} 7)"));
    QVERIFY(hasLine(R"(wsroom_room_messages_total{room="a\"b"} 1)"));

    // Every line is a comment, a sample in the exposition format, or the empty last one.
    static const QRegularExpression sample(QStringLiteral(
        R"(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{(room|reason)="(?:[^"\\\n]|\\["\\n])*"\})? -?[0-9]+(\.[0-9]+)?$)"));
    static const QRegularExpression comment(
        QStringLiteral(R"(^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$)"));
    QSet<QByteArray> typed;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        if (i == lines.size() - 1) {
            QVERIFY(line.isEmpty());
            continue;
        }
        QVERIFY2(sample.match(line).hasMatch() || comment.match(line).hasMatch(), qPrintable(line));
        if (line.startsWith(QLatin1String("# TYPE "))) {
            const QByteArray name = lines.at(i).split(' ').at(2);
            QVERIFY2(!typed.contains(name), name.constData()); // one TYPE per metric family
            typed.insert(name);
        } else if (!line.startsWith(QLatin1Char('#'))) {
            // Each sample belongs to a family declared before it.
            QByteArray name = lines.at(i).split(' ').first();
            const int brace = name.indexOf('{');
            if (brace >= 0)
                name.truncate(brace);
            QVERIFY2(typed.contains(name), name.constData());
        }
    }
}

void tst_Protocol::statusMetricsLabelEscaping_data()
{
    QTest::addColumn<QString>("room");
    QTest::addColumn<QByteArray>("label");

    QTest::newRow("quote") << QStringLiteral("a\"b") << QByteArray(R"(room="a\"b")");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QByteArray(R"(room="a\\b")");
    QTest::newRow("backslash then quote") << QStringLiteral("\\\"") << QByteArray(R"(room="\\\"")");
    QTest::newRow("unicode") << QStringLiteral("Küche")
                             << QByteArray("room=\"K\xc3\xbc"
                                           "che\"");
    QTest::newRow("spaces and braces")
        << QStringLiteral("a {b} c") << QByteArray(R"(room="a {b} c")");
}

void tst_Protocol::statusMetricsLabelEscaping()
{
    QFETCH(QString, room);
    QFETCH(QByteArray, label);

    ServerSnapshot s;
    ServerSnapshot::RoomInfo info;
    info.name = room;
    info.memberNames = QStringList {QStringLiteral("x")};
    info.messages = 4;
    s.rooms = {info};
    const QList<QByteArray> lines = StatusReport::metrics(s).split('\n');
    QVERIFY2(lines.contains("wsroom_room_members{" + label + "} 1"), label.constData());
    QVERIFY2(lines.contains("wsroom_room_messages_total{" + label + "} 4"), label.constData());
}

void tst_Protocol::statusMetricsRoomCap_data()
{
    QTest::addColumn<int>("rooms");
    QTest::addColumn<bool>("oneCalledOther");
    QTest::addColumn<int>("series"); // per family, "other" included

    QTest::newRow("50 rooms: no other") << 50 << false << 50;
    QTest::newRow("60 rooms: 50 and other") << 60 << false << 51;
    QTest::newRow("60 rooms, a busy one called other") << 60 << true << 51;
    QTest::newRow("10000 rooms: 50 and other") << 10000 << false << 51;
}

void tst_Protocol::statusMetricsRoomCap()
{
    QFETCH(int, rooms);
    QFETCH(bool, oneCalledOther);
    QFETCH(int, series);

    // Room i has (i * 7) % rooms messages (all different) and i % 4 members; the snapshot's
    // order is not the order of business.
    ServerSnapshot s;
    qint64 totalMembers = 0;
    qint64 totalMessages = 0;
    QSet<QByteArray> busiest;
    for (int i = 0; i < rooms; ++i) {
        ServerSnapshot::RoomInfo info;
        info.name = QStringLiteral("room %1").arg(i);
        info.messages = (qint64(i) * 7) % rooms;
        if (oneCalledOther && info.messages == rooms - 1)
            info.name = QStringLiteral("other"); // the busiest of all
        for (int m = 0; m < i % 4; ++m)
            info.memberNames.append(QStringLiteral("m%1").arg(m));
        totalMembers += info.memberNames.size();
        totalMessages += info.messages;
        if (info.messages >= rooms - StatusReport::maxRoomSeries
            && info.name != QLatin1String("other"))
            busiest.insert(info.name.toUtf8());
        s.rooms.append(info);
    }
    QCOMPARE(StatusReport::maxRoomSeries, 50);

    const QList<QByteArray> lines = StatusReport::metrics(s).split('\n');
    QHash<QByteArray, qint64> members;
    QHash<QByteArray, qint64> messages;
    static const QRegularExpression sample(QStringLiteral(
        "^(wsroom_room_members|wsroom_room_messages_total)[{]room=\"(.*)\"[}] ([0-9]+)$"));
    for (const QByteArray &line : lines) {
        const QRegularExpressionMatch match = sample.match(QString::fromUtf8(line));
        if (!match.hasMatch())
            continue;
        QHash<QByteArray, qint64> &family
            = match.captured(1) == QLatin1String("wsroom_room_members") ? members : messages;
        const QByteArray room = match.captured(2).toUtf8();
        QVERIFY2(!family.contains(room), line.constData()); // one series per label
        family.insert(room, match.captured(3).toLongLong());
    }
    QCOMPARE(members.size(), series);
    QCOMPARE(messages.size(), series);
    QCOMPARE(members.contains("other"), rooms > 50);
    QCOMPARE(messages.contains("other"), rooms > 50);

    // The sums are what they were without the cap.
    qint64 memberSum = 0;
    qint64 messageSum = 0;
    for (qint64 n : std::as_const(members))
        memberSum += n;
    for (qint64 n : std::as_const(messages))
        messageSum += n;
    QCOMPARE(memberSum, totalMembers);
    QCOMPARE(messageSum, totalMessages);

    // The named series are the busiest rooms (a room called "other" is summed under other).
    if (rooms > 50) {
        QCOMPARE(busiest.size(), oneCalledOther ? 49 : 50);
        for (const QByteArray &room : std::as_const(busiest))
            QVERIFY2(messages.contains(room), room.constData());
        QVERIFY(messages.value("other") > 0);
    }
}

// ---------------------------------------------------------------------------------------------
// HttpResponse

namespace {

// Splits a response into its head lines and body.
bool splitResponse(const QByteArray &response, QList<QByteArray> *headLines, QByteArray *body)
{
    const int end = response.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    *headLines = response.left(end).split('\n');
    for (QByteArray &line : *headLines) {
        if (!line.endsWith('\r') && &line != &headLines->last())
            return false;
        if (line.endsWith('\r'))
            line.chop(1);
    }
    *body = response.mid(end + 4);
    return true;
}

QByteArray headerValue(const QList<QByteArray> &headLines, const QByteArray &name)
{
    for (qsizetype i = 1; i < headLines.size(); ++i) {
        const int colon = headLines.at(i).indexOf(':');
        if (colon > 0 && headLines.at(i).left(colon).compare(name, Qt::CaseInsensitive) == 0)
            return headLines.at(i).mid(colon + 1).trimmed();
    }
    return QByteArray();
}

} // namespace

void tst_Protocol::httpResponsePlain_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");

    QTest::newRow("200") << 200 << QByteArray("OK");
    QTest::newRow("400") << 400 << QByteArray("Bad Request");
    QTest::newRow("403") << 403 << QByteArray("Forbidden");
    QTest::newRow("404") << 404 << QByteArray("Not Found");
    QTest::newRow("405") << 405 << QByteArray("Method Not Allowed");
    QTest::newRow("408") << 408 << QByteArray("Request Timeout");
    QTest::newRow("431") << 431 << QByteArray("Request Header Fields Too Large");
    QTest::newRow("500") << 500 << QByteArray("Internal Server Error");
    QTest::newRow("503") << 503 << QByteArray("Service Unavailable");
}

void tst_Protocol::httpResponsePlain()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);

    QCOMPARE(HttpResponse::reasonPhrase(status), reason);
    const QByteArray sentence = "Nothing here: Grüße.";
    const QByteArray response = HttpResponse::plain(status, sentence);
    QVERIFY(response.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n"));

    QList<QByteArray> head;
    QByteArray body;
    QVERIFY(splitResponse(response, &head, &body));
    QCOMPARE(head.first(), "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason);
    QCOMPARE(body, QByteArray::number(status) + ' ' + reason + '\n' + sentence + '\n');
    QCOMPARE(headerValue(head, "Content-Length"), QByteArray::number(body.size()));
    QVERIFY(headerValue(head, "Content-Type").startsWith("text/plain"));
    QCOMPARE(headerValue(head, "Connection"), QByteArray("close"));

    // The parser of requests accepts nothing here, but a response head is still well-formed.
    for (qsizetype i = 1; i < head.size(); ++i)
        QVERIFY2(head.at(i).indexOf(':') > 0, head.at(i).constData());
}

void tst_Protocol::httpResponseMake()
{
    const QByteArray body = R"({"version":"0.1.0","text":"é"})";
    const QByteArray response = HttpResponse::make(200, "application/json", body, false,
                                                   "Allow: GET, HEAD\r\nX-Test: 1\r\n");
    QList<QByteArray> head;
    QByteArray parsedBody;
    QVERIFY(splitResponse(response, &head, &parsedBody));
    QCOMPARE(head.first(), QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(parsedBody, body);
    QCOMPARE(headerValue(head, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(headerValue(head, "Content-Length"), QByteArray::number(body.size()));
    QCOMPARE(headerValue(head, "Allow"), QByteArray("GET, HEAD"));
    QCOMPARE(headerValue(head, "X-Test"), QByteArray("1"));

    // An empty body.
    const QByteArray empty = HttpResponse::make(204, "text/plain", QByteArray());
    QVERIFY(empty.startsWith("HTTP/1.1 204 "));
    QVERIFY(empty.endsWith("\r\n\r\n"));
    QVERIFY(splitResponse(empty, &head, &parsedBody));
    QCOMPARE(headerValue(head, "Content-Length"), QByteArray("0"));
    QVERIFY(parsedBody.isEmpty());
}

void tst_Protocol::httpResponseHead_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("200 html") << 200 << QByteArray("<!doctype html><p>Grüße</p>");
    QTest::newRow("404") << 404 << QByteArray("404 Not Found\n");
    QTest::newRow("empty") << 200 << QByteArray();
}

void tst_Protocol::httpResponseHead()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    const QByteArray get = HttpResponse::make(status, "text/html; charset=utf-8", body, false);
    const QByteArray head = HttpResponse::make(status, "text/html; charset=utf-8", body, true);

    // HEAD: the same head as GET, Content-Length included, and no body.
    QVERIFY(head.endsWith("\r\n\r\n"));
    QCOMPARE(head.size() + body.size(), get.size());
    QCOMPARE(get.left(head.size()), head);
    QList<QByteArray> lines;
    QByteArray rest;
    QVERIFY(splitResponse(head, &lines, &rest));
    QVERIFY(rest.isEmpty());
    QCOMPARE(headerValue(lines, "Content-Length"), QByteArray::number(body.size()));

    const QByteArray plainHead = HttpResponse::plain(status, "x", true);
    const QByteArray plainGet = HttpResponse::plain(status, "x", false);
    QVERIFY(plainHead.endsWith("\r\n\r\n"));
    QVERIFY(plainGet.startsWith(plainHead));
    QVERIFY(splitResponse(plainHead, &lines, &rest));
    QVERIFY(rest.isEmpty());
    QCOMPARE(headerValue(lines, "Content-Length"),
             QByteArray::number(plainGet.size() - plainHead.size()));
}

// ---------------------------------------------------------------------------------------------
// SessionRecorder

namespace {

ServerEvent makeEvent(ServerEvent::Kind kind)
{
    using E = ServerEvent;
    const MemberIdentity alice {QStringLiteral("m1"), QStringLiteral("alice"), Dialect::Native};
    const QString lobby = QStringLiteral("lobby");
    const QString text = QStringLiteral("hi \"there\"");
    E::Payload payload;
    switch (kind) {
    case E::Kind::Connected:
        payload = E::Connected {alice, QStringLiteral("127.0.0.1")};
        break;
    case E::Kind::Disconnected:
        payload = E::Disconnected {alice, 1000, QString()};
        break;
    case E::Kind::Joined:
        payload = E::Joined {alice, lobby};
        break;
    case E::Kind::Left:
        payload = E::Left {alice, lobby};
        break;
    case E::Kind::Renamed:
        payload = E::Renamed {alice, QStringLiteral("alicia")};
        break;
    case E::Kind::Message:
        payload = E::Message {alice, lobby, text, 4};
        break;
    case E::Kind::Direct:
        payload = E::Direct {alice, QStringLiteral("bob"), text};
        break;
    case E::Kind::Notification:
        payload = E::Notification {text};
        break;
    case E::Kind::RoomCreated:
        payload = E::RoomCreated {lobby};
        break;
    case E::Kind::RoomRemoved:
        payload = E::RoomRemoved {lobby};
        break;
    case E::Kind::Error:
        payload = E::Error {alice, QStringLiteral("bad_json"), text, QString()};
        break;
    case E::Kind::Dropped:
        payload = E::Dropped {4};
        break;
    case E::Kind::Warning:
        payload = E::Warning {text};
        break;
    case E::Kind::Refused:
        payload = E::Refused {QStringLiteral("192.0.2.7"), QStringLiteral("locked_out"), 12};
        break;
    case E::Kind::Kicked:
        payload = E::Kicked {alice, text, true};
        break;
    case E::Kind::Muted:
        payload = E::Muted {alice, true};
        break;
    case E::Kind::RoomLocked:
        payload = E::RoomLocked {lobby, true};
        break;
    }
    return ServerEvent(std::move(payload), utc(2026, 11, 22, 3, 7, 3, 342));
}

} // namespace

void tst_Protocol::sessionLine_data()
{
    QTest::addColumn<ServerEvent>("event");
    QTest::addColumn<QByteArray>("line");

    using K = ServerEvent::Kind;
    const QByteArray time = R"({"time":"2026-11-22T03:07:03.342Z",)";
    const QByteArray member = R"("member":{"id":"m1","name":"alice"})";

    QTest::newRow("message") << makeEvent(K::Message)
                             << QByteArray(time + R"("event":"message","room":"lobby",)" + member
                                           + R"(,"id":4,"text":"hi \"there\""})");
    QTest::newRow("join") << makeEvent(K::Joined)
                          << QByteArray(time + R"("event":"join","room":"lobby",)" + member + "}");
    QTest::newRow("leave") << makeEvent(
        K::Left) << QByteArray(time + R"("event":"leave","room":"lobby",)" + member + "}");

    ServerEvent renamed = makeEvent(K::Renamed);
    std::get<ServerEvent::Renamed>(renamed.payload) = {
        {QStringLiteral("m1"), QStringLiteral("alicia"), Dialect::Native}, QStringLiteral("alice")};
    QTest::newRow("rename") << renamed
                            << QByteArray(
                                   time + R"("event":"rename","member":{"id":"m1","name":"alicia"})"
                                   + R"(,"previous":"alice"})");

    ServerEvent unicode = makeEvent(K::Message);
    std::get<ServerEvent::Message>(unicode.payload).text = QStringLiteral("line\nbreak 😀");
    std::get<ServerEvent::Message>(unicode.payload).room = QStringLiteral("Küche");
    QTest::newRow("message, unicode")
        << unicode
        << QByteArray(time
                      + "\"event\":\"message\",\"room\":\"K\xc3\xbc"
                        "che\","
                      + member + ",\"id\":4,\"text\":\"line\\nbreak \xf0\x9f\x98\x80\"}");
    QTest::newRow("refused")
        << makeEvent(K::Refused)
        << QByteArray(time + R"("event":"refused","address":"192.0.2.7","reason":"locked_out",)"
                      + R"("count":12})");
    QTest::newRow("kick") << makeEvent(K::Kicked)
                          << QByteArray(
                                 time + R"("event":"kick",)" + member
                                 + R"(,"type":"kick","reason":"hi \"there\"","banned":true})");
}

void tst_Protocol::sessionLine()
{
    QFETCH(ServerEvent, event);
    QFETCH(QByteArray, line);

    const QByteArray actual = SessionRecorder::line(event);
    QCOMPARE(actual, line);
    QVERIFY(isJsonObject(actual));
    QVERIFY(!actual.contains('\n'));
}

void tst_Protocol::sessionLineSkipped_data()
{
    QTest::addColumn<ServerEvent>("event");

    using K = ServerEvent::Kind;
    QTest::newRow("connect") << makeEvent(K::Connected);
    QTest::newRow("disconnect") << makeEvent(K::Disconnected);
    QTest::newRow("direct") << makeEvent(K::Direct);
    QTest::newRow("notification") << makeEvent(K::Notification);
    QTest::newRow("room_created") << makeEvent(K::RoomCreated);
    QTest::newRow("room_removed") << makeEvent(K::RoomRemoved);
    QTest::newRow("error") << makeEvent(K::Error);
    QTest::newRow("dropped") << makeEvent(K::Dropped);
    QTest::newRow("warning") << makeEvent(K::Warning);
    QTest::newRow("mute") << makeEvent(K::Muted);
    QTest::newRow("lock") << makeEvent(K::RoomLocked);
}

void tst_Protocol::sessionLineSkipped()
{
    QFETCH(ServerEvent, event);
    QVERIFY(SessionRecorder::line(event).isEmpty());
}

void tst_Protocol::sessionRecord()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("session.jsonl"));

    SessionRecorder recorder;
    QVERIFY(!recorder.isOpen());
    recorder.record(makeEvent(ServerEvent::Kind::Message)); // not open: ignored
    QString error;
    QVERIFY2(recorder.open(fileName, &error), qPrintable(error));
    QVERIFY(recorder.isOpen());
    recorder.record(makeEvent(ServerEvent::Kind::Joined));
    recorder.record(makeEvent(ServerEvent::Kind::Connected));
    recorder.record(makeEvent(ServerEvent::Kind::Message));

    // The lines are in the file once flushed (the room manager flushes at the end of each pass
    // of its event loop).
    recorder.flush();
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    file.close();
    QCOMPARE(content,
             SessionRecorder::line(makeEvent(ServerEvent::Kind::Joined)) + '\n'
                 + SessionRecorder::line(makeEvent(ServerEvent::Kind::Message)) + '\n');

    // Reopening appends.
    recorder.close();
    QVERIFY(!recorder.isOpen());
    QVERIFY(recorder.open(fileName, &error));
    recorder.record(makeEvent(ServerEvent::Kind::Left));
    recorder.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 3);

    SessionRecorder bad;
    QString badError;
    QVERIFY(!bad.open(dir.filePath(QStringLiteral("no/such/dir/x.jsonl")), &badError));
    QVERIFY(!badError.isEmpty());
}

void tst_Protocol::webSocketFrame_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("empty") << 0 << QByteArray("\x81\x00", 2);
    QTest::newRow("125") << 125 << QByteArray("\x81\x7d", 2);
    QTest::newRow("126: 16-bit length") << 126 << QByteArray("\x81\x7e\x00\x7e", 4);
    QTest::newRow("65535") << 65535 << QByteArray("\x81\x7e\xff\xff", 4);
    QTest::newRow("65536: 64-bit length")
        << 65536 << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
}

void tst_Protocol::webSocketFrame()
{
    QFETCH(int, length);
    QFETCH(QByteArray, header);
    const QByteArray payload(length, 'p');
    const QByteArray frame = WebSocketFrame::text(payload);
    QCOMPARE(frame.left(header.size()), header);
    QCOMPARE(frame.mid(header.size()), payload);
}

QTEST_GUILESS_MAIN(tst_Protocol)

#include "tst_protocol.moc"
