#pragma once

#include <QLoggingCategory>

// One logging category per subsystem. Libraries log with qCDebug(cockpit::lcSql) etc.; the CLI/app
// routes every category to an spdlog logger of the same name (see cli/Logging.h), after redaction.
namespace cockpit {

Q_DECLARE_LOGGING_CATEGORY(lcCore) // cockpit.core
Q_DECLARE_LOGGING_CATEGORY(lcRunbook) // cockpit.core.runbook: loading and validation
Q_DECLARE_LOGGING_CATEGORY(lcRunner) // cockpit.core.runner: stages, gates, triggers
Q_DECLARE_LOGGING_CATEGORY(lcSql) // cockpit.probes.sql
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // cockpit.probes.http
Q_DECLARE_LOGGING_CATEGORY(lcCommand) // cockpit.probes.command
Q_DECLARE_LOGGING_CATEGORY(lcSecrets) // cockpit.probes.secrets (never values, only names and scopes)
Q_DECLARE_LOGGING_CATEGORY(lcStore) // cockpit.store: journal and samples
Q_DECLARE_LOGGING_CATEGORY(lcReport) // cockpit.report
Q_DECLARE_LOGGING_CATEGORY(lcGui) // cockpit.gui
Q_DECLARE_LOGGING_CATEGORY(lcCli) // cockpit.cli
Q_DECLARE_LOGGING_CATEGORY(lcDemo) // cockpit.demo

// Names of all categories above, for installing one logger per subsystem up front.
const char *const *logCategoryNames();

} // namespace cockpit
