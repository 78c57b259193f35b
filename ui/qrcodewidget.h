#pragma once

#include "qrcode.h"

#include <QWidget>

// Shows a QR code of a text, square, as large as the widget allows.
class QrCodeWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrCodeWidget)

public:
    explicit QrCodeWidget(QWidget *parent = nullptr);
    ~QrCodeWidget() override;

    // Encodes and shows text; an empty text shows nothing.
    void setText(const QString &text);
    // The text encoded.
    QString text() const { return m_text; }
    // The code shown (null when nothing is).
    const QrCode &code() const { return m_code; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QrCode m_code;
};
