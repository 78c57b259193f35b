#pragma once

#include "permessagedeflate.h"
#include "utf8validator.h"

#include <QByteArray>
#include <QString>

#include <memory>

// What a server reads from one client, frame by frame as bytes arrive, judged by RFC 6455
// (sections 5 to 7) and, when agreed, RFC 7692, as strictly as the best servers: a client frame
// must be masked, RSV bits and opcodes must be known, control frames short and whole, lengths in
// their shortest form, fragments in order, text valid UTF-8 over the whole message (checked at
// each byte as it arrives, so a bad byte fails the connection at once, not at the message's
// end), close codes and reasons valid, messages within the size limit (checked on the frame's
// header, and on the inflated size as it grows). Hands out whole messages and control frames.
class WebSocketReader
{
public:
    enum class Kind { Text, Binary, Ping, Pong, Close };

    // A whole message or control frame.
    struct Message
    {
        Kind kind = Kind::Text;
        QByteArray payload; // unmasked and inflated; for Text valid UTF-8
        int closeCode = 1005; // Close: the code, or 1005 when the payload was empty
        QString closeReason; // Close: the reason
    };

    enum class Result {
        NeedMore, // every byte given was read; no message is complete yet
        Message, // *message is a whole message or control frame
        Failed, // the connection must be failed with failureCode() (see failureReason())
    };

    // Messages (inflated) over maxMessageBytes fail with 1009; deflate: permessage-deflate was
    // agreed, so RSV1 marks a compressed message.
    WebSocketReader(qint64 maxMessageBytes, bool deflate);
    ~WebSocketReader();
    Q_DISABLE_COPY_MOVE(WebSocketReader)

    // Reads from *data up to end, stopping after the next whole message or control frame
    // (*data then points past its last byte) or at a failure (*data then points past the byte
    // that decided it: the header byte, or the bad UTF-8 byte of a plain text message; for a
    // compressed one, past the bytes given). After a failure it reads nothing more.
    Result read(const char **data, const char *end, Message *message);

    // The close code to fail the connection with (1002, 1007 or 1009) and why, in words.
    int failureCode() const { return m_failureCode; }
    QString failureReason() const { return m_failureReason; }
    // True between frames: the next byte starts a frame's header.
    bool atFrameBoundary() const { return m_stage == Stage::Header && m_headerFill == 0; }
    // True while a message has begun and not ended (its memory is held).
    bool inMessage() const { return m_messageOpen; }

    // Whether a close code may be sent in a close frame (RFC 6455, 7.4; IANA's registry).
    static bool isValidCloseCode(int code);

private:
    enum class Stage { Header, Payload, Failed };

    Result fail(int code, const QString &reason);
    // The current header's length in bytes, as far as its bytes so far tell (2 until then).
    int headerLength() const;
    // Judges the rules that the header's bytes so far decide, once the byte that decides each
    // has arrived; false (failed) when one is broken.
    bool judgeHeaderByte();
    // Checks the header's first byte (RSV bits, opcode, FIN of a control frame, the fragment
    // order); may fail.
    bool checkFirstByte();
    // Checks the second byte (control frames' length) and starts the frame; may fail.
    bool startFrame();
    // Takes the frame's length once its bytes are in: shortest form, the size limit; may fail.
    bool takeLength();
    // Takes *taken payload bytes (masked) of the current frame; on a failure at a bad UTF-8
    // byte of a plain text message, *taken becomes the bytes up to and including it.
    bool takePayload(const char *data, qsizetype *taken);
    // Judges what the decompressor just added to the message from offset from, then its status;
    // false (failed) on bad UTF-8 (1007), a message past the limit (1009) or corrupt data (1007).
    bool judgeInflated(PerMessageDeflate::Decompressor::Status status, qsizetype from);
    // The frame ended: may complete a message.
    bool endFrame(Message *message, bool *complete);

    qint64 m_maxMessageBytes;
    bool m_deflate;
    Stage m_stage = Stage::Header;
    int m_failureCode = 0;
    QString m_failureReason;

    unsigned char m_header[14] = {};
    int m_headerFill = 0;

    // The current frame.
    bool m_fin = false;
    int m_opcode = 0;
    quint64 m_remaining = 0;
    unsigned char m_mask[4] = {};
    unsigned m_maskPhase = 0;

    // The data message being read (text or binary, perhaps in several frames).
    bool m_messageOpen = false;
    Kind m_messageKind = Kind::Text;
    bool m_compressed = false;
    qint64 m_wireBytes = 0; // payload bytes of the message as sent (compressed or not)
    QByteArray m_message;
    Utf8Validator m_utf8;
    std::unique_ptr<PerMessageDeflate::Decompressor> m_decompressor;
    QByteArray m_unmasked; // scratch for compressed payload, unmasked before inflating

    QByteArray m_control; // the control frame being read (at most 125 bytes)
};
