#pragma once

#include <QList>
#include <QString>

namespace cockpit {

// One metric's samples of one run in time order, as the journal's sample table holds them (the values of
// its sample_taken events): parallel arrays, NaN where the sample had no value (NoData).
struct MetricSamples
{
    QString metric;
    QList<qint64> at; // ms since the epoch
    QList<double> value;
};

} // namespace cockpit
