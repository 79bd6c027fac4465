#pragma once

namespace cockpit::gui {

// Registers the icons compiled into this static library (resources/cockpit.qrc). Idempotent; a static
// library's resources are not registered by themselves.
void ensureResources();

} // namespace cockpit::gui
