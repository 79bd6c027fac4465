#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>
#include <span>

namespace cockpit::gui {

// Every setting of the window, its default and scope in one table (kSpecs in the .cpp); nothing else in
// the project touches QSettings with string keys. Recent lists keep the newest first, without duplicates.
class CockpitSettings
{
public:
    enum class Key {
        RecentRunbooks,
        RecentJournals,
        LeadName,
        WindowGeometry,
        WindowState,
        LastTab,
        Language, // empty: follow the system locale
        StaleAfterSeconds, // a viewer says STALE when no snapshot came for this long
        AgeRefreshMs, // how often ages and countdowns are redrawn
        RecentLimit,
    };
    enum class Scope {
        User, // this person, every machine profile (QSettings::UserScope)
        Session, // the window layout of this machine; safe to reset
    };
    struct Spec
    {
        Key key;
        const char *name;
        QVariant defaultValue;
        Scope scope;
    };
    static std::span<const Spec> specs();
    static const Spec &spec(Key key);

    // Without a store: the user's QSettings of the application (organization/application names).
    explicit CockpitSettings(std::unique_ptr<QSettings> store = nullptr);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);

    QStringList recentRunbooks() const { return value(Key::RecentRunbooks).toStringList(); }
    QStringList recentJournals() const { return value(Key::RecentJournals).toStringList(); }
    void addRecentRunbook(const QString &path) { addRecent(Key::RecentRunbooks, path); }
    void addRecentJournal(const QString &location) { addRecent(Key::RecentJournals, location); }
    QString leadName() const { return value(Key::LeadName).toString(); }
    void setLeadName(const QString &name) { setValue(Key::LeadName, name); }
    int staleAfterSeconds() const { return value(Key::StaleAfterSeconds).toInt(); }
    int ageRefreshMs() const { return value(Key::AgeRefreshMs).toInt(); }
    QString language() const { return value(Key::Language).toString(); }

private:
    void addRecent(Key key, const QString &entry);

    std::unique_ptr<QSettings> m_store;
};

} // namespace cockpit::gui
