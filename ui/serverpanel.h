#pragma once

#include <QFrame>
#include <QHostAddress>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;
class ServerSession;

// The main window's top panel: the port and who can connect (for the next start), the server's
// state in words and colour, and the addresses clients use, each with a Copy button. Follows
// the session; starting and sharing are the toolbar's actions.
class ServerPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    // Shows session's state. Start and Share are the toolbar's (one button each, not two).
    explicit ServerPanel(ServerSession *session, QWidget *parent = nullptr);

    // The port the spin box shows (0: any free).
    quint16 port() const;
    // Shows port without emitting portEdited.
    void setPort(quint16 port);
    // The address the "Who can connect" choice stands for.
    QHostAddress bindAddress() const;
    // Selects address in the "Who can connect" choice, without emitting bindAddressEdited.
    void selectBindAddress(const QHostAddress &address);
    // The addresses shown, in ServerSession::UrlKind order; empty when the server does not listen.
    QStringList urls() const;
    // The host the addresses show: the listening host, or the address picked when the server
    // listens on every interface.
    QString shownHost() const;
    // Shows the session's state, addresses and which controls apply.
    void refresh();

signals:
    // The user picked another port.
    void portEdited(quint16 port);
    // The user picked who can connect.
    void bindAddressEdited(const QHostAddress &address);
    // The user copied url to the clipboard.
    void urlCopied(const QString &url);
    // The addresses shown changed (another address picked).
    void urlsChanged();

private:
    // The port and bind controls and the state line, in a row.
    QLayout *createControls();
    // Shows the state again in a new palette's colours.
    void changeEvent(QEvent *event) override;
    // The error the state line shows: a refused port, or the session's last start's (until the
    // port or address changes); empty while not stopped.
    QString shownError() const;
    // The port or address changed: the errors shown no longer apply.
    void dismissError();
    // The address rows: a label, a read-only line and a Copy button each, two a row.
    QLayout *createUrlRows();
    // The state line's words and colour, and which controls apply.
    void showState();
    // The addresses, with the address picker while listening on every interface.
    void showUrls();

    ServerSession *m_session;
    QSpinBox *m_portSpin = nullptr;
    QComboBox *m_bindCombo = nullptr;
    QLabel *m_stateDot = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_addressLabel = nullptr;
    QComboBox *m_addressCombo = nullptr;
    QList<QLineEdit *> m_urlEdits;
    QList<QToolButton *> m_copyButtons;
    QString m_portProblem; // a port typed out of range, until the port changes
    QString m_dismissedError; // the session's error after the port or address changed
};
