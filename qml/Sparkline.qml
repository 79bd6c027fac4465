// A line of the latest samples with the gate's threshold dashed; gaps (no data) break the line.
import QtQuick

Canvas {
    id: spark
    property var values: []
    property real threshold: 0
    property bool hasThreshold: false
    property color lineColor: "white"
    onValuesChanged: requestPaint()
    onThresholdChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        ctx.fillStyle = "#1b2228"
        ctx.fillRect(0, 0, width, height)
        let lo = Infinity, hi = -Infinity
        for (const v of values) {
            if (v === undefined || v === null) continue
            lo = Math.min(lo, v); hi = Math.max(hi, v)
        }
        if (hasThreshold) { lo = Math.min(lo, threshold); hi = Math.max(hi, threshold) }
        if (!isFinite(lo)) return
        if (hi - lo < 1e-9) { lo -= 1; hi += 1 }
        const pad = (hi - lo) * 0.1
        lo -= pad; hi += pad
        const y = v => height - (v - lo) / (hi - lo) * height
        const step = values.length > 1 ? width / (values.length - 1) : width
        if (hasThreshold) {
            ctx.strokeStyle = "#ffb300"
            ctx.lineWidth = Math.max(2, height / 40)
            ctx.setLineDash([4, 3])
            ctx.beginPath(); ctx.moveTo(0, y(threshold)); ctx.lineTo(width, y(threshold)); ctx.stroke()
            ctx.setLineDash([])
        }
        ctx.strokeStyle = lineColor
        ctx.lineWidth = Math.max(3, height / 25)
        ctx.beginPath()
        let pen = false
        for (let i = 0; i < values.length; ++i) {
            const v = values[i]
            if (v === undefined || v === null) { pen = false; continue }
            if (pen) ctx.lineTo(i * step, y(v)); else ctx.moveTo(i * step, y(v))
            pen = true
        }
        ctx.stroke()
    }
}
