#pragma once

#include <QByteArray>

#include <zlib.h>

// permessage-deflate (RFC 7692) done the plain way with zlib, for tests that build compressed
// frames by hand and read the server's: each message on its own (no context takeover). A suite
// that includes this links ZLIB::ZLIB.
namespace TestDeflate {

// payload as a permessage-deflate message body: raw deflate with a window of 2^windowBits,
// flushed with Z_SYNC_FLUSH, the trailing 0x00 0x00 0xff 0xff removed (RFC 7692, 7.2.1).
inline QByteArray compress(const QByteArray &payload, int windowBits = 15)
{
    z_stream z {};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -windowBits, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return QByteArray();
    QByteArray out(int(deflateBound(&z, uLong(payload.size())) + 16), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(payload.constData()));
    z.avail_in = uInt(payload.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int status = deflate(&z, Z_SYNC_FLUSH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    if (status != Z_OK || !out.endsWith(QByteArray::fromHex("0000ffff")))
        return QByteArray();
    out.chop(4);
    return out;
}

// A permessage-deflate message body inflated (the removed 0x00 0x00 0xff 0xff put back); ok is
// false when it is not a valid raw deflate stream.
inline QByteArray inflate(const QByteArray &body, bool *ok = nullptr)
{
    z_stream z {};
    if (ok)
        *ok = false;
    if (inflateInit2(&z, -15) != Z_OK)
        return QByteArray();
    const QByteArray in = body + QByteArray::fromHex("0000ffff");
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    QByteArray out;
    char chunk[4096];
    int status = Z_OK;
    // On while input is left, or the last round filled the chunk (output may be pending).
    z.avail_out = 0;
    while (status == Z_OK && (z.avail_in > 0 || z.avail_out == 0)) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        status = ::inflate(&z, Z_SYNC_FLUSH);
        out.append(chunk, qsizetype(sizeof chunk - z.avail_out));
    }
    inflateEnd(&z);
    if (ok)
        *ok = (status == Z_OK || status == Z_BUF_ERROR) && z.avail_in == 0;
    return out;
}

} // namespace TestDeflate
