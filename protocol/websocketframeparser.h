#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One WebSocket frame as seen on the wire (RFC 6455, 5.2), with its payload unmasked.
struct ParsedFrame
{
    bool fin = false;
    bool rsv1 = false;
    bool rsv2 = false;
    bool rsv3 = false;
    int opcode = 0;
    bool masked = false;
    quint32 maskKey = 0;
    quint64 length = 0; // the payload's length as the header says
    int headerLength = 0; // 2 to 14 bytes
    QByteArray payload; // unmasked; at most the parser's payload cap
    bool truncated = false; // payload holds only the first bytes of the frame's
};

// An incremental RFC 6455 frame parser over one direction of a byte stream: feed it bytes as
// they come, split or coalesced anyhow, and take the whole frames out. Used by the frame
// inspector, so it explains rather than enforces: it stops only where the stream can no longer
// be followed (reserved opcodes, a length with its top bit set, a fragmented or oversized
// control frame).
class WebSocketFrameParser
{
public:
    enum class State { Header, ExtendedLength, MaskKey, Payload, Error };

    // Payload bytes kept per frame; the rest of a larger frame is counted, not kept.
    explicit WebSocketFrameParser(int payloadCap = 64 * 1024);

    // Parses data, appending each frame it completes to frames(). Returns false once the
    // stream cannot be followed (see error()); later calls then do nothing.
    bool feed(const char *data, qint64 size);
    bool feed(const QByteArray &data) { return feed(data.constData(), data.size()); }

    // The frames completed so far, oldest first; takeFrames() hands them over and forgets them.
    const QList<ParsedFrame> &frames() const { return m_frames; }
    QList<ParsedFrame> takeFrames();

    State state() const { return m_state; }
    bool hasError() const { return m_state == State::Error; }
    QString error() const { return m_error; }
    // True between frames: the next byte fed starts a frame.
    bool atFrameBoundary() const { return m_state == State::Header && m_headerFill == 0; }
    // Forgets the frame in progress, the frames not taken and any error.
    void reset();

    // The opcode's name: "text", "binary", "continuation", "close", "ping", "pong", or
    // "reserved (0x3)".
    static QString opcodeName(int opcode);
    // The close frame payload's code (0 when the payload has none) and its UTF-8 reason.
    static int closeCode(const QByteArray &payload);
    static QString closeReason(const QByteArray &payload);

private:
    void fail(const QString &why);
    void startPayload();
    void finishFrame();

    int m_payloadCap;
    State m_state = State::Header;
    QString m_error;
    unsigned char m_header[14] = {};
    int m_headerFill = 0; // bytes of m_header filled
    int m_headerNeed = 2; // bytes of m_header the current step needs
    quint64 m_remaining = 0; // payload bytes still to come
    quint64 m_payloadOffset = 0; // payload bytes seen, for the mask's phase
    ParsedFrame m_current;
    QList<ParsedFrame> m_frames;
};
