#pragma once

#include "request.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

// Encodes the requests of the native dialect v1 (protocol.md, "Native dialect") as a client
// sends them, one UTF-8 JSON text frame each, "type" first and then "ref" (left out when
// Undefined); NativeCodec::decode reads them on the server.
class NativeRequest
{
public:
    // {"type":"join","ref":..,"room":..}: joins (or creates) a room.
    static QByteArray join(const QJsonValue &ref, const QString &room);
    // {"type":"leave",..}: leaves a room.
    static QByteArray leave(const QJsonValue &ref, const QString &room);
    // {"type":"message",..}: a message to a joined room; data is left out when Undefined.
    static QByteArray message(const QJsonValue &ref, const QString &room, const QString &text,
                              const QJsonValue &data = QJsonValue::Undefined);
    // {"type":"direct",..}: a direct message to a member by name or id.
    static QByteArray direct(const QJsonValue &ref, const QString &to, const QString &text);
    // {"type":"rename",..}: asks for a new name.
    static QByteArray rename(const QJsonValue &ref, const QString &name);
    // {"type":"typing",..}: this member is (or stopped) typing in a room.
    static QByteArray typing(const QJsonValue &ref, const QString &room, bool active);
    // {"type":"rooms",..}: asks for the server's rooms.
    static QByteArray rooms(const QJsonValue &ref);
    // {"type":"members",..}: asks for a room's members.
    static QByteArray members(const QJsonValue &ref, const QString &room);
    // {"type":"notify",..}: a notification to every notifications member.
    static QByteArray notify(const QJsonValue &ref, const QString &text);
    // {"type":"ping",..}: ts (any JSON, left out when Undefined) comes back in the pong.
    static QByteArray ping(const QJsonValue &ref, const QJsonValue &ts);
    // Asks for up to limit messages of room with an id below before (0: the newest).
    static QByteArray history(const QJsonValue &ref, const QString &room, qint64 before,
                              int limit = Request::DefaultPageSize);
    // Searches room (null: every room the connection is in) for messages holding every word.
    static QByteArray search(const QJsonValue &ref, const QString &room, const QString &query,
                             int limit = Request::DefaultPageSize);

    // A decoded request written back as a frame (the fuzzers' round trip); empty for Invalid.
    static QByteArray encode(const Request &request);
};
