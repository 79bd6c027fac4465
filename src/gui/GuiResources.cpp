#include "gui/GuiResources.h"

#include <QtGlobal>

static void initCockpitResources()
{
    Q_INIT_RESOURCE(cockpit);
    Q_INIT_RESOURCE(wallboard);
}

namespace cockpit::gui {

void ensureResources()
{
    static const bool done = (initCockpitResources(), true);
    Q_UNUSED(done);
}

} // namespace cockpit::gui
