#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QTreeView;
class ActivityFilterModel;
class ActivityLogModel;
class QrCodeWidget;
class RoomsModel;
class ServerSession;

// The projector's view: where to join (address, QR code, join code) and the live room (rooms,
// members, the latest messages), in type sized to the screen. Full screen; Esc or F11 leaves.
class PresenterView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenterView)

public:
    // Follows the session's rooms and activity models; owns neither.
    explicit PresenterView(ServerSession *session, QWidget *parent = nullptr);
    ~PresenterView() override;

    // What to show for joining: the address as read out, the URL the QR code holds, the join
    // code (empty: none). An empty url shows that the server does not listen.
    void setShareInfo(const QString &url, const QString &qrUrl, const QString &joinCode);
    QString url() const { return m_url; }
    QString joinCode() const { return m_joinCode; }
    QrCodeWidget *qrCodeWidget() const { return m_qrCode; }
    // The latest messages, as shown (a filter of the activity log).
    ActivityFilterModel *messagesModel() const { return m_messages; }

signals:
    // The view closed (Esc, F11, or the window manager).
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void applyFontSizes();
    void scrollToLatest();

    QString m_url;
    QString m_joinCode;
    ActivityFilterModel *m_messages = nullptr;

    QLabel *m_joinTitle = nullptr;
    QLabel *m_urlLabel = nullptr;
    QrCodeWidget *m_qrCode = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLabel *m_roomsTitle = nullptr;
    QTreeView *m_roomsView = nullptr;
    QLabel *m_messagesTitle = nullptr;
    QTableView *m_messagesView = nullptr;
    QLabel *m_hint = nullptr;
};
