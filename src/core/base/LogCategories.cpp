#include "core/base/LogCategories.h"

namespace cockpit {

Q_LOGGING_CATEGORY(lcCore, "cockpit.core")
Q_LOGGING_CATEGORY(lcRunbook, "cockpit.core.runbook")
Q_LOGGING_CATEGORY(lcRunner, "cockpit.core.runner")
Q_LOGGING_CATEGORY(lcSql, "cockpit.probes.sql")
Q_LOGGING_CATEGORY(lcHttp, "cockpit.probes.http")
Q_LOGGING_CATEGORY(lcCommand, "cockpit.probes.command")
Q_LOGGING_CATEGORY(lcSecrets, "cockpit.probes.secrets")
Q_LOGGING_CATEGORY(lcStore, "cockpit.store")
Q_LOGGING_CATEGORY(lcReport, "cockpit.report")
Q_LOGGING_CATEGORY(lcGui, "cockpit.gui")
Q_LOGGING_CATEGORY(lcCli, "cockpit.cli")
Q_LOGGING_CATEGORY(lcDemo, "cockpit.demo")

const char *const *logCategoryNames()
{
    static const char *const names[] = {
        "cockpit.core",
        "cockpit.core.runbook",
        "cockpit.core.runner",
        "cockpit.probes.sql",
        "cockpit.probes.http",
        "cockpit.probes.command",
        "cockpit.probes.secrets",
        "cockpit.store",
        "cockpit.report",
        "cockpit.gui",
        "cockpit.cli",
        "cockpit.demo",
        nullptr,
    };
    return names;
}

} // namespace cockpit
