#include "storeindicator.h"

#include "console/palettecolors.h"
#include "console/serversession.h"
#include "server/hosttext.h"

#include <QFileInfo>
#include <QLocale>

StoreIndicator::StoreIndicator(ServerSession *session, QWidget *parent)
    : QLabel(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("storeLabel"));
    setContentsMargins(6, 0, 6, 0);
    connect(session, &ServerSession::storeChanged, this, &StoreIndicator::refresh);
    connect(session, &ServerSession::stateChanged, this, &StoreIndicator::refresh);
    refresh();
}

void StoreIndicator::refresh()
{
    const ServerSnapshot::StoreInfo store = m_session->store();
    const bool running = m_session->state() == ServerSession::State::Listening;
    const QString path = running ? store.path : m_session->config().storeFile;
    if (running ? !store.enabled : path.isEmpty()) {
        setText(tr("Store: none"));
        setToolTip(tr("No room store: rooms and their messages are kept in memory only and are "
                      "gone when the server stops (Settings › Room store)"));
        setStyleSheet(QString());
        return;
    }
    const QString name = QFileInfo(path).fileName();
    if (!running) {
        setText(tr("Store: %1").arg(name));
        setToolTip(tr("The room store the next start opens:\n%1").arg(path));
        setStyleSheet(QString());
        return;
    }
    const QString size
        = QLocale().formattedDataSize(store.bytes, 1, QLocale::DataSizeTraditionalFormat);
    QString tip
        = tr("The room store: %1\n%2 kept, %3 on disk")
              .arg(path,
                   store.messages == 1 ? tr("1 message") : tr("%1 messages").arg(store.messages),
                   size);
    if (store.error.isEmpty()) {
        setText(tr("Store: %1, %2").arg(name, size));
        setStyleSheet(QString());
    } else {
        // Messages that cannot be written are kept in memory and retried: the host must see it.
        setText(tr("⚠ Store: %1 cannot be written").arg(name));
        tip += tr("\n\nCannot be written: %1\nNew messages are kept in memory and written when "
                  "it works again.")
                   .arg(HostText::translated(store.error));
        setStyleSheet(QStringLiteral("color: %1; font-weight: 600;")
                          .arg(PaletteColors::error(palette()).name()));
    }
    setToolTip(tip);
}
