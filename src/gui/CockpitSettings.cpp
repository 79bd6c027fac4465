#include "gui/CockpitSettings.h"

#include <array>

namespace cockpit::gui {

namespace {

using K = CockpitSettings::Key;
using S = CockpitSettings::Scope;

const std::array<CockpitSettings::Spec, 10> kSpecs {{
    {K::RecentRunbooks, "recent/runbooks", QStringList {}, S::User},
    {K::RecentJournals, "recent/journals", QStringList {}, S::User},
    {K::LeadName, "run/leadName", QString {}, S::User},
    {K::WindowGeometry, "window/geometry", QByteArray {}, S::Session},
    {K::WindowState, "window/state", QByteArray {}, S::Session},
    {K::LastTab, "window/lastTab", 0, S::Session},
    {K::Language, "ui/language", QString {}, S::User},
    {K::StaleAfterSeconds, "viewer/staleAfterSeconds", 600, S::User},
    {K::AgeRefreshMs, "ui/ageRefreshMs", 1000, S::User},
    {K::RecentLimit, "recent/limit", 10, S::User},
}};

} // namespace

std::span<const CockpitSettings::Spec> CockpitSettings::specs()
{
    return kSpecs;
}

const CockpitSettings::Spec &CockpitSettings::spec(Key key)
{
    for (const Spec &s : kSpecs)
        if (s.key == key)
            return s;
    Q_UNREACHABLE();
}

CockpitSettings::CockpitSettings(std::unique_ptr<QSettings> store)
    : m_store(store ? std::move(store) : std::make_unique<QSettings>())
{
}

QVariant CockpitSettings::value(Key key) const
{
    const Spec &s = spec(key);
    QVariant v = m_store->value(QLatin1String(s.name), s.defaultValue);
    // A hand-edited file may hold the wrong type: fall back to the default rather than show garbage.
    if (!v.convert(s.defaultValue.metaType()))
        return s.defaultValue;
    return v;
}

void CockpitSettings::setValue(Key key, const QVariant &value)
{
    m_store->setValue(QLatin1String(spec(key).name), value);
}

void CockpitSettings::reset(Key key)
{
    m_store->remove(QLatin1String(spec(key).name));
}

void CockpitSettings::addRecent(Key key, const QString &entry)
{
    if (entry.isEmpty())
        return;
    QStringList list = value(key).toStringList();
    list.removeAll(entry);
    list.prepend(entry);
    const int limit = qMax(1, value(Key::RecentLimit).toInt());
    while (list.size() > limit)
        list.removeLast();
    setValue(key, list);
}

} // namespace cockpit::gui
