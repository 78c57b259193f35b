#pragma once

#include <QLabel>

class SimulatedCrowd;

// The status bar's word on the simulated clients: how many, of which kind, how many still
// connecting. Hidden while there are none.
class CrowdIndicator final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrowdIndicator)

public:
    explicit CrowdIndicator(SimulatedCrowd *crowd, QWidget *parent = nullptr);

private:
    void refresh();

    SimulatedCrowd *m_crowd;
};
