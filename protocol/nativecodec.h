#pragma once

#include "chatmessage.h"
#include "errorcode.h"
#include "memberref.h"
#include "request.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Decodes requests and encodes events of the native dialect v1 (protocol.md, "Native dialect").
// Encoders return UTF-8 JSON text, one frame each.
class NativeCodec
{
public:
    static constexpr int ProtocolVersion = 1;

    static Request decode(const QByteArray &utf8);
    static Request decode(const QString &frame) { return decode(frame.toUtf8()); }

    struct Limits
    {
        qint64 maxMessageBytes = 65536;
        int ratePerSecond = 20;
    };

    static QByteArray welcome(const MemberRef &member, const QStringList &rooms,
                              const Limits &limits, const QString &serverVersion);
    static QByteArray joined(const QString &room, const QList<MemberRef> &members,
                             const QList<QByteArray> &history, const QJsonValue &ref);
    // A page of a room's stored message events (oldest first); more: older ones exist.
    static QByteArray history(const QString &room, const QList<QByteArray> &messages, bool more,
                              const QJsonValue &ref);
    // The message events matching query (newest first); a null room: the member's rooms.
    static QByteArray searchResults(const QString &room, const QString &query,
                                    const QList<QByteArray> &messages, const QJsonValue &ref);
    static QByteArray left(const QString &room, const QJsonValue &ref);
    static QByteArray message(const ChatMessage &message);
    static QByteArray ack(const QJsonValue &ref, const QString &room, qint64 id);
    static QByteArray ack(const QJsonValue &ref);
    static QByteArray direct(const MemberRef &from, const MemberRef &to, const QString &text,
                             const QString &timestamp,
                             const QJsonValue &ref = QJsonValue::Undefined);
    static QByteArray renamed(const MemberRef &member, const QJsonValue &ref);
    static QByteArray presence(const QString &room, const char *event, const MemberRef &member,
                               const QString &previous = QString());
    static QByteArray typing(const QString &room, const MemberRef &member, bool active);
    static QByteArray rooms(const QList<QPair<QString, int>> &rooms, const QJsonValue &ref);
    static QByteArray members(const QString &room, const QList<MemberRef> &members,
                              const QJsonValue &ref);
    static QByteArray pong(const QJsonValue &ts, const QString &serverTime, const QJsonValue &ref);
    static QByteArray error(ErrorCode code, const QString &message,
                            const QJsonValue &ref = QJsonValue::Undefined);
};
