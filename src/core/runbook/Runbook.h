#pragma once

#include "core/runbook/Action.h"
#include "core/runbook/Check.h"
#include "core/runbook/Connection.h"

#include <QList>
#include <QMap>
#include <QString>

namespace cockpit {

struct SecretSpec
{
    QString name;
    QString description;
    QString pattern; // regular expression the value must match; empty = any non-empty value
    bool required = true;
    SourcePos pos;
};

// A named SQL query sampled on an interval; its first column of the first row is the metric value.
struct Metric
{
    QString name;
    QString connection;
    QString query;
    std::chrono::milliseconds every {300000};
    QString unit;
    QString description;
    SourcePos pos;
};

struct Gate
{
    enum class Kind {
        Condition, // expect (on metrics) held for `hold`
        Manual, // a person confirms
        NoDegradation, // duration distribution vs the previous stage (quantiles + Mann-Whitney U)
        NoNewValues, // set of values (e.g. error patterns) vs the previous stage
        Check, // a probe + expect evaluated once when the gate is evaluated
    };
    QString id;
    QString title;
    Kind kind = Kind::Condition;
    std::optional<Condition> expect;
    std::chrono::milliseconds hold {0}; // sustained window; 0 = instantaneous
    std::chrono::milliseconds noDataGrace {0}; // NoData beyond this stops for a decision
    std::chrono::milliseconds recoverWithin {0}; // a failing condition may recover within this (e.g. stuck
                                                 // imports resolved within 2 h); 0 = fail at once
    std::optional<std::chrono::milliseconds> every; // Check: re-evaluated on this interval during the soak
    QString instruction; // Manual
    std::optional<SqlQuery> query; // NoDegradation / NoNewValues: values of this stage
    double alpha = 0.05; // NoDegradation significance level
    double tolerance = 0.10; // NoDegradation: allowed rise of the median (fraction)
    std::optional<Check> check; // Check
    SourcePos pos;
};

struct Checkpoints
{
    QList<std::chrono::milliseconds> at; // offsets into the stage: 1h, 6h, 24h
    std::optional<std::chrono::milliseconds> every; // or periodic: every 12h, daily
};

struct Stage
{
    QString id;
    QString title;
    QString description;
    QList<Action> rollout; // actions that enter the stage (e.g. set rollout percent)
    QList<Check> verify; // checks right after rollout (e.g. observed split ~10%)
    std::chrono::milliseconds soak {0};
    Checkpoints checkpoints;
    QList<Gate> gates;
    bool requiresSecondApprover = false; // segregation of duties for promotion
    bool canRunAlone = false; // may be started on its own, out of order (seed D orchestrator)
    SourcePos pos;
};

struct Trigger
{
    enum class Severity { Low, Medium, High, Critical };
    enum class Response {
        Rollback, // immediately
        RollbackWithin, // within `within`
        Extend, // extend monitoring
        RollbackIfPersists, // roll back if the condition persists for `persists`
        Incident, // roll back and open an incident
    };
    QString id;
    QString title;
    std::optional<Condition> when; // on metrics; empty for manual-only triggers (e.g. user complaints)
    // A trigger that reads a check instead of metrics (an error counter on a health endpoint): the probe
    // runs every `every` during a stage and `when` is a condition on its observation ([BODY].errors > 5).
    std::optional<Probe> probe;
    std::chrono::milliseconds every {60000};
    Severity severity = Severity::High;
    Response response = Response::Rollback;
    std::chrono::milliseconds forDuration {0}; // condition must hold this long before firing
    std::chrono::milliseconds within {0};
    std::chrono::milliseconds persists {0};
    SourcePos pos;
};

struct Rollback
{
    std::chrono::milliseconds target {900000};
    QString pointOfNoReturn; // what passing it means, stated to the lead
    QString pointOfNoReturnAfter; // id of the stage or step after which rollback is no longer possible
    QString restartFrom; // stage id a run restarts from after a rollback (stages are never skipped)
    QList<Trigger> triggers;
    QList<Action> steps;
    SourcePos pos;
};

// T-minus milestones and maintenance-window steps (seeds B and C).
struct Milestone
{
    QString id;
    QString title;
    std::chrono::milliseconds offset {0}; // relative to T-0; negative before
    int minRuns = 1; // e.g. a dry run that must have passed twice before T-0
    QList<Check> checks;
    QList<Action> actions;
    SourcePos pos;
};

struct Schedule
{
    QString t0; // ISO date-time of T-0 (usually a parameter)
    QList<Milestone> milestones;
    QList<Action> window; // maintenance-window steps with planned start/duration
    std::chrono::milliseconds windowLength {0};
};

struct Reconciliation
{
    QString id;
    QString title;
    RowCountCheck counts;
    QList<Check> checks; // orphan / inconsistency queries
    QList<Action>
        fixes; // corrections; SQL/command fixes are the safe automatic ones, manual ones need review
    SourcePos pos;
};

struct SignOffField
{
    QString name;
    QString label;
    QString type = QStringLiteral("text"); // text, multiline, date, time, person, choice
    QStringList choices; // e.g. SUCCESS, ROLLBACK; empty = free text
    bool required = true;
};

struct Communication
{
    QString id;
    QString title;
    QString audience;
    QString subject;
    QString body;
};

// Which values the params take: their defaults (live, dry run) or their `rehearsal:` values.
enum class ParamSet { Default, Rehearsal };

struct Runbook
{
    QString file;
    int version = 1;
    QString name;
    QString description;
    QString owner;
    QString sourceText; // the YAML as loaded, kept as evidence of what ran
    QMap<QString, QString> roles; // role -> person
    QMap<QString, QString> params; // resolved values after overrides
    QMap<QString, QString> paramDescriptions;
    ParamSet paramSet = ParamSet::Default;
    QStringList rehearsalParams; // params whose `rehearsal:` value was used (ParamSet::Rehearsal)
    QMap<QString, Connection> connections;
    QMap<QString, SecretSpec> secrets;
    QList<Check> prerequisites;
    // go_no_go.second_approver: overriding a NO-GO needs a second person's approval (segregation of
    // duties: the override's author cannot approve it).
    bool noGoOverrideNeedsSecondApprover = false;
    QMap<QString, Metric> metrics;
    QList<Stage> stages;
    Rollback rollback;
    Schedule schedule;
    QList<Reconciliation> reconciliations;
    QList<SignOffField> signOff;
    QList<Communication> communications;
};

} // namespace cockpit
