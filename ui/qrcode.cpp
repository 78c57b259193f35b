#include "qrcode.h"

#include <QPainter>
#include <QtMath>

#include <qrencode.h>

QrCode QrCode::encode(const QString &text)
{
    QrCode code;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.isEmpty())
        return code;
    // Version 0: the smallest that fits. 8-bit mode keeps the URL's case exactly.
    QRcode *encoded = QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M);
    if (!encoded)
        return code;
    code.m_size = encoded->width;
    code.m_modules.resize(code.m_size * code.m_size);
    for (int i = 0; i < code.m_size * code.m_size; ++i)
        code.m_modules.setBit(i, encoded->data[i] & 1); // bit 0: dark
    QRcode_free(encoded);
    return code;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.testBit(y * m_size + x);
}

void QrCode::paint(QPainter *painter, const QRectF &rect) const
{
    if (isNull() || rect.isEmpty())
        return;
    const int modules = sizeWithQuietZone();
    qreal module = qMin(rect.width(), rect.height()) / modules;
    if (module >= 1)
        module = qFloor(module);
    const qreal side = module * modules;
    const QPointF origin(qRound(rect.center().x() - side / 2),
                         qRound(rect.center().y() - side / 2));

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->fillRect(QRectF(origin, QSizeF(side, side)), Qt::white);
    painter->setBrush(Qt::black);
    for (int y = 0; y < m_size; ++y) {
        // Runs of dark modules in a row as one rectangle: fewer seams, fewer calls.
        int x = 0;
        while (x < m_size) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            painter->drawRect(QRectF(origin.x() + (QuietZone + start) * module,
                                     origin.y() + (QuietZone + y) * module, (x - start) * module,
                                     module));
        }
    }
    painter->restore();
}

QImage QrCode::toImage(int modulePixels) const
{
    if (isNull() || modulePixels < 1)
        return QImage();
    const int side = sizeWithQuietZone() * modulePixels;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(&painter, QRectF(0, 0, side, side));
    return image;
}
