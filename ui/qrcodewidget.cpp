#include "qrcodewidget.h"

#include <QPainter>

QrCodeWidget::QrCodeWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("qrCode"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QrCodeWidget::~QrCodeWidget() = default;

void QrCodeWidget::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_code = QrCode::encode(text);
    setToolTip(text);
    update();
}

QSize QrCodeWidget::sizeHint() const
{
    return QSize(260, 260);
}

QSize QrCodeWidget::minimumSizeHint() const
{
    // Two pixels a module is the least a phone reads from a screen at arm's length.
    const int side = 2 * (m_code.isNull() ? 33 : m_code.sizeWithQuietZone());
    return QSize(side, side);
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_code.paint(&painter, QRectF(rect()));
}
