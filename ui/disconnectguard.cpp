#include "disconnectguard.h"

#include "console/roomsmodel.h"
#include "console/serversession.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QWidget>

namespace {

constexpr QLatin1String AsksKey("confirm/disconnectMembers");

} // namespace

DisconnectGuard::DisconnectGuard(ServerSession *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{ }

bool DisconnectGuard::asks()
{
    return QSettings().value(AsksKey, true).toBool();
}

void DisconnectGuard::setAsks(bool asks)
{
    QSettings settings;
    if (asks)
        settings.remove(AsksKey);
    else
        settings.setValue(AsksKey, false);
}

int DisconnectGuard::connectedMembers() const
{
    if (m_session->state() == ServerSession::State::Stopped)
        return 0;
    return int(m_session->roomsModel()->memberIds().size());
}

bool DisconnectGuard::wouldAsk() const
{
    return asks() && connectedMembers() > 0;
}

bool DisconnectGuard::confirm(const std::function<void()> &proceed)
{
    if (!wouldAsk()) {
        proceed();
        return true;
    }
    if (m_question)
        return false;
    const int members = connectedMembers();
    // Two source texts, so that English reads right without a translation loaded.
    const QString text = members == 1
        ? tr("%n member is connected. Stop the server and disconnect them?", nullptr, members)
        : tr("%n members are connected. Stop the server and disconnect them?", nullptr, members);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Disconnect Everyone?"), text,
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("disconnectQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("They are told the server closed (close code 1000); chat "
                               "windows and browsers try to reconnect."));
    QPushButton *stop = box->addButton(tr("&Stop the Server"), QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("stopServerButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel); // Enter keeps the class
    auto *dontAsk = new QCheckBox(tr("&Don't ask again"));
    dontAsk->setObjectName(QStringLiteral("dontAskAgain"));
    dontAsk->setToolTip(tr("Server › Ask Before Disconnecting brings the question back"));
    box->setCheckBox(dontAsk);
    m_question = box;
    connect(box, &QDialog::finished, this, [this] { m_question = nullptr; });
    connect(box, &QMessageBox::buttonClicked, this,
            [this, stop, dontAsk, proceed](QAbstractButton *button) {
                if (button != stop)
                    return;
                if (dontAsk->isChecked()) {
                    setAsks(false);
                    emit asksChanged(false);
                }
                m_question = nullptr;
                proceed();
            });
    box->open();
    return false;
}

void DisconnectGuard::withdraw()
{
    if (m_question)
        std::exchange(m_question, nullptr)->reject(); // deletes itself on close
}
