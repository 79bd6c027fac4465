// The stakeholder wallboard: one run, read-only, readable across a room. Every value comes from the
// WallboardModel passed in as `board` (words, colours and numbers are computed there, never here).
import QtQuick

Rectangle {
    id: root
    required property QtObject board
    // One unit: 1 % of the shorter side, so the board scales from a laptop to a 4K screen.
    readonly property real u: Math.max(4, Math.min(width, height) / 100)
    readonly property color ink: "#f5f7fa"
    readonly property color dim: "#b0bec5"
    readonly property color panel: "#1b2228"
    width: 1600
    height: 900
    color: "#0e1215"

    // The mode, unmistakable: its own word in the top band (LIVE is red, REHEARSAL blue, DRY RUN purple).
    Rectangle {
        id: modeBand
        objectName: "modeBand"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: root.u * 9
        color: root.board.modeColor
        Row {
            anchors.centerIn: parent
            spacing: root.u * 3
            Text {
                objectName: "modeWord"
                text: root.board.modeKey === "live" ? "● " + root.board.modeWord : root.board.modeWord
                color: "white"
                font { pixelSize: root.u * 6; bold: true; letterSpacing: root.u * 0.3 }
            }
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: root.board.modeDetail
                color: "white"
                font.pixelSize: root.u * 2.6
            }
        }
    }

    Item {
        id: content
        anchors { left: parent.left; right: parent.right; top: modeBand.bottom; bottom: footer.top
                  margins: root.u * 2 }

        // Left: the verdict and why.
        Column {
            id: leftColumn
            width: content.width * 0.58
            spacing: root.u * 2

            Rectangle {
                id: verdictPanel
                objectName: "verdictPanel"
                width: parent.width
                height: root.u * 26
                color: root.panel
                radius: root.u
                border { width: root.u * 1.6; color: root.board.stale ? "#9e9e9e" : root.board.verdictColor }
                Row {
                    anchors { left: parent.left; leftMargin: root.u * 4; verticalCenter: parent.verticalCenter }
                    spacing: root.u * 3
                    Image {
                        anchors.verticalCenter: parent.verticalCenter
                        source: root.board.verdictIcon
                        sourceSize { width: root.u * 16; height: root.u * 16 }
                        width: root.u * 16
                        height: root.u * 16
                    }
                    Text {
                        objectName: "verdictWord"
                        anchors.verticalCenter: parent.verticalCenter
                        text: root.board.verdict
                        color: root.ink
                        font { pixelSize: root.u * 15; bold: true }
                        fontSizeMode: Text.HorizontalFit
                        width: verdictPanel.width - root.u * 28
                        minimumPixelSize: root.u * 6
                    }
                }
            }

            Text {
                objectName: "runName"
                width: parent.width
                text: root.board.runName
                color: root.ink
                font { pixelSize: root.u * 4.4; bold: true }
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                text: root.board.runLine
                color: root.dim
                font.pixelSize: root.u * 2.6
                elide: Text.ElideRight
            }

            Text {
                text: qsTr("Blockers")
                color: root.dim
                font { pixelSize: root.u * 2.6; bold: true; capitalization: Font.AllUppercase }
            }
            Column {
                objectName: "blockers"
                width: parent.width
                spacing: root.u
                Repeater {
                    model: root.board.blockers
                    Text {
                        required property string modelData
                        width: root.width * 0.55
                        text: "▸ " + modelData
                        color: root.ink
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        font.pixelSize: root.u * 3.2
                    }
                }
                Text {
                    visible: root.board.blockers.length === 0 && root.board.hasRun
                    text: qsTr("Nothing blocks the next step.")
                    color: root.ink
                    font.pixelSize: root.u * 3.2
                }
            }
        }

        // Right: time and evidence.
        Column {
            anchors { left: leftColumn.right; leftMargin: root.u * 3; right: parent.right; top: parent.top }
            spacing: root.u * 1.6

            Text {
                objectName: "soak"
                visible: text !== ""
                width: parent.width
                text: root.board.soakText
                color: root.ink
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: root.u * 2
                font { pixelSize: root.u * 6; bold: true; family: "DejaVu Sans Mono" }
            }
            Text {
                objectName: "eta"
                visible: text !== ""
                width: parent.width
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: root.u * 2
                text: root.board.etaText
                color: root.ink
                font { pixelSize: root.u * 4; bold: true }
            }
            Column {
                visible: root.board.streakText !== ""
                width: parent.width
                spacing: root.u * 0.6
                Text {
                    text: qsTr("Streak · %1").arg(root.board.streakGate)
                    color: root.dim
                    font.pixelSize: root.u * 2.4
                    width: parent.width
                    elide: Text.ElideRight
                }
                Rectangle {
                    width: parent.width
                    height: root.u * 5
                    color: root.panel
                    border { width: 2; color: root.dim }
                    Rectangle {
                        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 3 }
                        width: (parent.width - 6) * root.board.streakFraction
                        color: "#90caf9"
                    }
                    Text {
                        objectName: "streak"
                        anchors.centerIn: parent
                        text: root.board.streakText
                        color: "white"
                        style: Text.Outline
                        styleColor: "black"
                        font { pixelSize: root.u * 3.2; bold: true }
                    }
                }
            }
            Sparkline {
                objectName: "sparkline"
                width: parent.width
                height: root.u * 14
                values: root.board.sparkline
                threshold: root.board.sparkThreshold
                hasThreshold: root.board.sparkHasThreshold
                lineColor: root.ink
                visible: root.board.sparkline.length > 0
            }
            Text {
                text: root.board.sparkLabel
                color: root.dim
                font.pixelSize: root.u * 2.4
                width: parent.width
                elide: Text.ElideRight
            }
            Text {
                text: qsTr("Last decision")
                color: root.dim
                font { pixelSize: root.u * 2.4; bold: true; capitalization: Font.AllUppercase }
            }
            Text {
                objectName: "lastDecision"
                width: parent.width
                text: root.board.lastDecision !== "" ? root.board.lastDecision : qsTr("none yet")
                color: root.ink
                wrapMode: Text.Wrap
                font.pixelSize: root.u * 2.8
            }
        }
    }

    // Bottom: the stages, the next step and the heartbeat.
    Column {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: root.u * 2 }
        spacing: root.u

        Row {
            id: stepper
            objectName: "stepper"
            width: parent.width
            spacing: root.u
            Repeater {
                model: root.board.stages
                Rectangle {
                    required property var modelData
                    readonly property bool current: modelData.state === "current"
                    width: (stepper.width - root.u * (root.board.stages.length - 1)) / Math.max(1, root.board.stages.length)
                    height: root.u * 11
                    radius: root.u * 0.6
                    color: current ? "#263238" : root.panel
                    border { width: current ? root.u * 0.7 : 2
                             color: modelData.state === "rolled-back" ? "#ce93d8" : current ? root.ink : "#546e7a" }
                    Column {
                        anchors { fill: parent; margins: root.u }
                        spacing: root.u * 0.3
                        Text {
                            width: parent.width
                            text: (modelData.state === "done" ? "✔ " : modelData.state === "current" ? "▶ "
                                   : modelData.state === "rolled-back" ? "⟲ " : "") + modelData.title
                            color: root.ink
                            elide: Text.ElideRight
                            font { pixelSize: root.u * 2.8; bold: parent.parent.current }
                        }
                        Text {
                            text: modelData.traffic
                            color: root.ink
                            font.pixelSize: root.u * 2.4
                        }
                        Text {
                            text: modelData.next ? qsTr("NEXT") : modelData.stateWord
                            color: modelData.next ? "#ffd54f" : root.dim
                            font { pixelSize: root.u * 2.2; bold: modelData.next }
                        }
                    }
                }
            }
        }
        Item {
            width: parent.width
            height: root.u * 4
            Text {
                objectName: "nextStep"
                anchors { left: parent.left; right: heartbeat.left; rightMargin: root.u * 2 }
                text: root.board.nextStep
                color: root.ink
                elide: Text.ElideRight
                font.pixelSize: root.u * 3
            }
            Text {
                id: heartbeat
                objectName: "heartbeat"
                anchors.right: parent.right
                text: "♥ " + root.board.heartbeat
                color: root.board.stale ? "#ffb300" : root.dim
                font { pixelSize: root.u * 2.6; bold: root.board.stale }
            }
        }
    }

    // No run, or the journal cannot be read.
    Text {
        anchors.centerIn: parent
        visible: !root.board.hasRun
        width: parent.width * 0.8
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: root.board.message !== "" ? root.board.message : qsTr("Waiting for the journal…")
        color: root.ink
        font.pixelSize: root.u * 4
    }

    // When updates stop the whole board goes grey: never a frozen green.
    Rectangle {
        objectName: "staleOverlay"
        anchors.fill: parent
        visible: root.board.stale
        color: "#d0545454"
        Column {
            anchors.centerIn: parent
            spacing: root.u * 2
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: "⌛ " + qsTr("STALE")
                color: "white"
                font { pixelSize: root.u * 18; bold: true }
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: root.board.heartbeat
                color: "white"
                font.pixelSize: root.u * 4
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("This board no longer shows the current state of the run.")
                color: "white"
                font.pixelSize: root.u * 3
            }
        }
    }
}
