#pragma once

#include <QBitArray>
#include <QImage>
#include <QRectF>
#include <QString>

class QPainter;

// A QR code's modules, encoded by libqrencode, and drawn with QPainter on white with its quiet
// zone, so that a phone's camera finds it on any background.
class QrCode final
{
public:
    // Modules of white margin on every side, as ISO/IEC 18004 asks for.
    static constexpr int QuietZone = 4;

    QrCode() = default;

    // Encodes text as UTF-8 bytes with error correction level M; null when it does not fit.
    static QrCode encode(const QString &text);

    // True when nothing was encoded.
    bool isNull() const { return m_size == 0; }
    // Modules per side, without the quiet zone.
    int size() const { return m_size; }
    // True when the module at column x, row y is dark.
    bool isDark(int x, int y) const;
    // Modules per side with the quiet zone on both sides.
    int sizeWithQuietZone() const { return m_size + 2 * QuietZone; }

    // Paints the code with its quiet zone, as large as fits in rect and centered, with whole
    // pixels per module when rect has room for at least one (sharp edges scan best).
    void paint(QPainter *painter, const QRectF &rect) const;
    // The code with its quiet zone, modulePixels pixels per module.
    QImage toImage(int modulePixels) const;

private:
    int m_size = 0;
    QBitArray m_modules; // row by row
};
