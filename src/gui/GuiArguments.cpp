#include "gui/GuiArguments.h"

namespace cockpit::gui {

Expected<GuiArguments, QString> GuiArguments::parse(const QStringList &args)
{
    GuiArguments a;
    bool viewer = false;
    bool wallboard = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const auto value = [&](QString *out) -> bool {
            if (i + 1 >= args.size())
                return false;
            *out = args.at(++i);
            return true;
        };
        QString v;
        if (arg == QLatin1String("--viewer")) {
            viewer = true;
        } else if (arg == QLatin1String("--journal")) {
            if (!value(&a.journal))
                return unexpected(QStringLiteral("--journal needs a SQLite file or a postgresql:// address"));
        } else if (arg == QLatin1String("--param")) {
            if (!value(&v) || !v.contains(QLatin1Char('=')))
                return unexpected(QStringLiteral("--param needs NAME=VALUE"));
            a.paramAssignments << v;
        } else if (arg == QLatin1String("--params")) {
            if (!value(&v))
                return unexpected(QStringLiteral("--params needs a file"));
            a.paramFiles << v;
        } else if (arg == QLatin1String("--mode")) {
            if (!value(&v) || !runModeFromName(v))
                return unexpected(QStringLiteral("--mode is rehearsal or live"));
            a.mode = runModeFromName(v);
        } else if (arg == QLatin1String("--as")) {
            if (!value(&a.lead))
                return unexpected(QStringLiteral("--as needs a name"));
        } else if (arg == QLatin1String("--run") && wallboard) {
            if (!value(&a.runId))
                return unexpected(QStringLiteral("--run needs a run id"));
        } else if (arg == QLatin1String("--windowed") && wallboard) {
            a.windowed = true;
        } else if (arg == QLatin1String("wallboard") && i == 0) {
            wallboard = true;
        } else if (arg == QLatin1String("open") && i == 0) {
            if (!value(&a.runbook))
                return unexpected(QStringLiteral("open needs a runbook file"));
            a.kind = Kind::Open;
        } else {
            return unexpected(QStringLiteral("unknown argument '%1'").arg(arg));
        }
    }
    if (wallboard) {
        if (viewer || !a.paramAssignments.isEmpty() || !a.paramFiles.isEmpty() || a.mode || !a.lead.isEmpty())
            return unexpected(QStringLiteral("wallboard takes --journal, --run and --windowed only"));
        if (a.journal.isEmpty())
            return unexpected(QStringLiteral("wallboard needs --journal"));
        a.kind = Kind::Wallboard;
        return a;
    }
    if (viewer) {
        if (a.kind == Kind::Open)
            return unexpected(QStringLiteral("--viewer watches a journal; it does not open a runbook"));
        if (a.journal.isEmpty())
            return unexpected(QStringLiteral("--viewer needs --journal"));
        a.kind = Kind::Viewer;
    }
    return a;
}

QString GuiArguments::usage()
{
    return QStringLiteral("Window:\n"
                          "  cutover-cockpit                      start page (recent runbooks and journals)\n"
                          "  cutover-cockpit open RUNBOOK [--journal J] [--param N=V]... [--params FILE]...\n"
                          "                  [--mode rehearsal|live] [--as NAME]\n"
                          "  cutover-cockpit --viewer --journal J  read-only view of a run\n"
                          "  cutover-cockpit wallboard --journal J [--run ID] [--windowed]\n"
                          "                  full-screen stakeholder wallboard of a run (read-only)\n");
}

} // namespace cockpit::gui
