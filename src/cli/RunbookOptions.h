#pragma once

#include "core/base/Error.h"
#include "core/base/Expected.h"
#include "core/runbook/Runbook.h"

#include <QCommandLineOption>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cockpit::cli {

class SubcommandParser;

// The runbook arguments shared by validate and check: RUNBOOK, --param NAME=VALUE (repeatable, wins over
// the file) and --params FILE.
class RunbookOptions
{
public:
    explicit RunbookOptions(SubcommandParser &parser);

    // Parameter overrides: --params FILE first, then each --param on top. Errors carry file positions.
    Expected<QMap<QString, QString>, Errors> overrides() const;
    // The raw --params files and --param assignments (what RunLauncher takes).
    QStringList paramFiles() const;
    QStringList paramAssignments() const;
    // Loads and validates the runbook with the overrides.
    Expected<Runbook, Errors> load(const QString &path) const;

    // FILE:LINE:COL: message, one per line, on stderr.
    static void printErrors(const Errors &errors);

private:
    SubcommandParser &m_parser;
    QCommandLineOption m_param;
    QCommandLineOption m_params;
};

} // namespace cockpit::cli
