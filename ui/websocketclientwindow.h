#pragma once

#include "client/frameclient.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QCloseEvent;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class FramesView;
class MessageComposer;

// A WebSocket client for any ws:// or wss:// URL, after Postman's and websocat: the URL (the
// host's own endpoints offered, then the URLs used before), subprotocols and extra headers, a
// message to send (MessageComposer: text, JSON, hex, a file, cut into frames of N bytes), ping,
// close with a code and reason; every frame in and out with its round trip (FramesView), the
// opening handshake, and the connection's state in words. It renders a FrameClient and turns
// clicks into its calls. Each window of a slot remembers its URL and geometry (QSettings).
class WebSocketClientWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketClientWindow)

public:
    // offeredUrls: the host's endpoints, listed first (may be empty). slot: which saved URL and
    // geometry this window restores and keeps ("clientWindows/<slot>/..."); -1: none. Does not
    // connect.
    explicit WebSocketClientWindow(const QStringList &offeredUrls, int slot = -1,
                                   QWidget *parent = nullptr);
    // Drops the connection at once.
    ~WebSocketClientWindow() override;

    // The settings slot given to the constructor.
    int slot() const { return m_slot; }
    // Whether the constructor found a saved geometry for the slot.
    bool restoredGeometry() const { return m_restoredGeometry; }
    // The URL in the URL field, as typed.
    QUrl url() const;
    // Puts url in the URL field and connects to it.
    void connectTo(const QUrl &url);
    // Connects to the URL in the field with the subprotocols and headers given; a URL or header
    // that is not right is shown in the status line and beside the headers, and nothing starts.
    void connectToServer();
    // Starts the closing handshake with the code and reason in their fields; false (the reason
    // shown beside them) when the code may not be sent or the connection is not open.
    bool closeConnection();
    // Sends the composed message, cut as asked; false (the reason shown) when it is not valid or
    // the connection is not open.
    bool sendMessage();
    // Sends a ping with the payload field's text (at most 125 bytes); false when not open.
    bool sendPing();

    // The options of the connection the fields describe; false (why in *error) if they are wrong.
    bool options(FrameClientOptions *options, QString *error) const;
    // The client this window renders.
    FrameClient *client() const { return m_client; }
    // The frames seen, as shown.
    FramesView *framesView() const { return m_frames; }
    // The send area.
    MessageComposer *composer() const { return m_composer; }
    // The status line: "Open — subprotocol chat", "Closed: 1000 Normal closure — bye", ...
    QString statusText() const;
    // The handshake pane's text: the request head, then the response head.
    QString handshakeText() const;
    // The websocat command, or the Python snippet, for the connection and message shown.
    QString snippet(bool python) const;

protected:
    // Saves the URL and geometry of the slot, and drops the connection.
    void closeEvent(QCloseEvent *event) override;

private:
    // Builds the widgets and connects them.
    void buildUi();
    // The connection bar: URL, Connect, Copy as, subprotocols, headers.
    QWidget *createConnectionBar();
    // The control row: ping with its payload, close with its code and reason.
    QWidget *createControlRow();
    // Connects the client's signals to the views.
    void wireClient();
    // Fills the URL list: offered URLs, then recent ones.
    void fillUrls(const QString &current);
    // The buttons and the title, from the client's state.
    void updateState();
    // Shows text in the status line.
    void setStatus(const QString &text);
    // Shows the handshake as the client has it.
    void updateHandshake();
    // The server's certificate is not trusted: asks, and reconnects trusting it if yes.
    void askTrust(const QSslCertificate &certificate, const QList<QSslError> &errors);
    // Puts the snippet on the clipboard.
    void copySnippet(bool python);
    // Remembers the URL among the recent ones and as the slot's.
    void rememberUrl(const QUrl &url);

    FrameClient *m_client = nullptr;
    QStringList m_offeredUrls;
    int m_slot = -1;
    bool m_restoredGeometry = false;
    int m_sentCloseCode = 0; // the code of the close this window sent; 0 when none
    QString m_sentCloseReason;

    QComboBox *m_urlCombo = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLineEdit *m_subprotocolsEdit = nullptr;
    QPlainTextEdit *m_headersEdit = nullptr;
    QLabel *m_headersError = nullptr;
    MessageComposer *m_composer = nullptr;
    QLineEdit *m_pingEdit = nullptr;
    QPushButton *m_pingButton = nullptr;
    QComboBox *m_closeCodeCombo = nullptr;
    QLineEdit *m_closeReasonEdit = nullptr;
    QPushButton *m_closeButton = nullptr;
    QLabel *m_closeError = nullptr;
    FramesView *m_frames = nullptr;
    QPlainTextEdit *m_handshakeView = nullptr;
    QLabel *m_statusLabel = nullptr;
};
