#pragma once

#include <QFrame>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QrCodeWidget;

// "Share with the class": the browser address for each of this computer's network addresses,
// in type large enough to read from the back of a room, a QR code of the selected one, and the
// join code, if one is on. It only shows; the main window owns the server and tells it what to
// show, and hears from it what the host asked for.
class SharePanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharePanel)

public:
    explicit SharePanel(QWidget *parent = nullptr);
    ~SharePanel() override;

    // The addresses to offer (e.g. "192.168.1.20"), best first; the first is selected unless
    // the one selected before is still there.
    void setAddresses(const QStringList &addresses);
    QStringList addresses() const { return m_addresses; }
    // The server's port.
    void setPort(quint16 port);
    quint16 port() const { return m_port; }
    // Whether the server speaks TLS: the URLs are https:// then.
    void setSecure(bool secure);
    bool isSecure() const { return m_secure; }
    // The join code shown and put into the QR code's URL; empty: none.
    void setJoinCode(const QString &code);
    QString joinCode() const { return m_joinCode; }
    // Selects the address at index (as in addresses()).
    void selectAddress(int index);

    // "http://ADDR:PORT/" (https:// when secure) for each address, as shown.
    QStringList urls() const;
    // The selected address's URL as shown, without the join code; empty when there is none.
    QString selectedUrl() const;
    // The selected address's URL with "?code=" when a join code is on: what the QR code holds.
    QString qrUrl() const;
    // The QR code's widget.
    QrCodeWidget *qrCodeWidget() const { return m_qrCode; }

    // The codes the panel offers: 4 digits are easy to type on a phone, 6 characters are far
    // harder to guess (docs/reliability.md, "Security").
    enum class CodeKind { FourDigits, SixCharacters };
    // The characters of a SixCharacters code: lower-case letters and digits without look-alikes
    // (no 0/o, 1/l/i, 9/g/q).
    static constexpr char SixCharacterAlphabet[] = "abcdefhjkmnprstuvwxyz2345678";
    // A fresh join code of kind (4 digits never start with 0).
    static QString generateJoinCode(CodeKind kind = CodeKind::FourDigits);
    // Shows a warning while addresses (count) are locked out for wrong codes; 0 hides it.
    void setLockedOutAddresses(int count);
    // "http://ADDR:PORT/" (or https://), with brackets around an IPv6 address.
    static QString browserUrl(const QString &address, quint16 port, bool secure = false);

signals:
    // The host turned the join code on (a fresh code) or off (empty).
    void joinCodeRequested(const QString &code);
    // What the panel shows changed: addresses, selection, port or join code.
    void shareChanged();
    // The host asked to listen on this computer only again.
    void stopSharingRequested();
    // The host asked to hide the panel.
    void hideRequested();

private:
    // The kind of code the host picked.
    CodeKind codeKind() const;
    void rebuildList();
    void updateQrCode();
    void updateJoinCodeUi();

    QStringList m_addresses;
    quint16 m_port = 0;
    bool m_secure = false;
    QString m_joinCode;

    QListWidget *m_urlList = nullptr;
    QrCodeWidget *m_qrCode = nullptr;
    QLabel *m_title = nullptr; // its tool tip says how to join
    QPushButton *m_largeQrButton = nullptr;
    QCheckBox *m_codeCheck = nullptr;
    QLabel *m_codeLabel = nullptr;
    QPushButton *m_newCodeButton = nullptr;
    QComboBox *m_codeKind = nullptr;
    QLabel *m_lockoutWarning = nullptr;
};
