#include "crowdindicator.h"

#include "client/simulatedcrowd.h"

CrowdIndicator::CrowdIndicator(SimulatedCrowd *crowd, QWidget *parent)
    : QLabel(parent)
    , m_crowd(crowd)
{
    setObjectName(QStringLiteral("crowdIndicator"));
    setContentsMargins(6, 0, 6, 0);
    connect(m_crowd, &SimulatedCrowd::changed, this, &CrowdIndicator::refresh);
    refresh();
}

void CrowdIndicator::refresh()
{
    using Kind = SimulatedClient::Kind;
    const int connecting = m_crowd->connectingCount();
    setVisible(m_crowd->size() > 0);
    QString text = tr("Simulated: %1").arg(m_crowd->connectedCount());
    if (connecting > 0)
        text += tr(" (+%1 connecting)").arg(connecting);
    setText(text);
    setToolTip(tr("Simulated clients: %1 chatters, %2 visitors, %3 slow readers connected; %4 "
                  "connecting.\nClients › Remove Simulated Clients (Ctrl+Shift+X) removes them.")
                   .arg(m_crowd->connectedCount(Kind::Chatter))
                   .arg(m_crowd->connectedCount(Kind::Visitor))
                   .arg(m_crowd->connectedCount(Kind::SlowReader))
                   .arg(connecting));
}
