#pragma once

#include "core/base/Expected.h"
#include "core/runbook/Runbook.h"
#include "reconcile/ReconcileResult.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cockpit::cli {

// What `reconcile` prints and the evidence it leaves: the table on stdout, the JSON document, and the
// artifacts directory (report, counts, differing keys, a SHA-256 manifest of the files).
class ReconcileReport
{
public:
    static QString text(const ReconciliationResult &r);
    static QJsonObject json(const Runbook &runbook, const QList<ReconciliationResult> &results,
                            bool interrupted);

    // Writes DIR/<UTC timestamp>/{report.json, counts.csv, differences.csv, checks.csv, MANIFEST.sha256};
    // returns the directory written. The manifest lists every other file as `sha256  name` (sha256sum -c).
    static Expected<QString, QString> writeArtifacts(const QString &dir, const QJsonObject &report,
                                                     const QList<ReconciliationResult> &results);
};

} // namespace cockpit::cli
