#pragma once

#include "core/base/Expected.h"
#include "core/journal/RunEvents.h"

#include <QStringList>
#include <optional>

namespace cockpit::gui {

// The window's command line:
//   cutover-cockpit                                   the start page
//   cutover-cockpit open RUNBOOK [--journal J] [--param N=V]... [--params FILE]... [--mode rehearsal|live]
//                                [--as NAME]           the start dialog for RUNBOOK, filled in
//   cutover-cockpit --viewer --journal J               the read-only stakeholder view of J
//   cutover-cockpit wallboard --journal J [--run ID] [--windowed]   the full-screen wallboard of J
struct GuiArguments
{
    enum class Kind { StartPage, Open, Viewer, Wallboard };
    Kind kind = Kind::StartPage;
    QString runbook;
    QString journal;
    QStringList paramAssignments;
    QStringList paramFiles;
    std::optional<RunMode> mode;
    QString lead;
    QString runId; // wallboard: this run (empty: the unfinished or newest)
    bool windowed = false; // wallboard: a window instead of full screen

    static Expected<GuiArguments, QString> parse(const QStringList &args); // without the program name
    static QString usage();
};

} // namespace cockpit::gui
