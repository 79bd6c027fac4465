#pragma once

#include <QStringList>

namespace cockpit::cli {

// `cutover-cockpit demo [--scenario normal|rollback] [--journal SPEC] [--clock-factor N]`: the rehearsal
// demo. Starts a throwaway PostgreSQL whose imports table is fed live by a simulated v1/v2 import pipeline
// and the rollout manager stand-in, runs example A's prerequisite check, then rehearses the whole rollout of
// example A through the RunDriver on an accelerated clock (about two minutes), with manual items, approvals
// and promotions done by named demo personas. `--scenario rollback` breaks v2 in stage 2 so the success-rate
// trigger fires and the rollback procedure runs; the rollback time is reported against its target.
// Exit: 0 the rehearsal ended as the scenario expects, 1 otherwise, 2 setup failed, 130 interrupted.
// `--break …` and `--prerequisites-only` run the prerequisite-only demo (DemoCommand).
int runRehearsalDemo(const QStringList &args);

} // namespace cockpit::cli
