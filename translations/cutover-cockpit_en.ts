<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConnectionsDialog</name>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="6"/>
        <source>Connections and credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="24"/>
        <source>Secret of the selected connection (stored in the keychain, never shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="33"/>
        <source>&amp;Store in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="43"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiText</name>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="12"/>
        <source>NOT STARTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="13"/>
        <source>NO-GO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="14"/>
        <source>HOLD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="15"/>
        <source>GO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="16"/>
        <source>ROLLING BACK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="17"/>
        <source>ROLLED BACK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="18"/>
        <source>FINISHED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="74"/>
        <source>LIVE — production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="75"/>
        <source>DRY RUN — every read, no write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="78"/>
        <source>REHEARSAL — rehearsal parameters, production writes refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="94"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="96"/>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="97"/>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="98"/>
        <source>NO DATA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="99"/>
        <source>INCONCLUSIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="120"/>
        <source>waiting for data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="121"/>
        <source>holding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="122"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="123"/>
        <source>failing, may recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="124"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="125"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="126"/>
        <source>awaiting a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="134"/>
        <source>to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="135"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="136"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="137"/>
        <source>rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="145"/>
        <source>gate decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="147"/>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="149"/>
        <source>failed check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="151"/>
        <source>trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="153"/>
        <source>rollback step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="155"/>
        <source>schedule item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="157"/>
        <source>manual gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="159"/>
        <source>second approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="161"/>
        <source>promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="163"/>
        <source>enter stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="165"/>
        <source>point of no return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="167"/>
        <source>write to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="178"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="180"/>
        <source>%1 h %2 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="182"/>
        <source>%1 m %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="183"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="196"/>
        <source>%1d %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="202"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="203"/>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalChainCheck</name>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="15"/>
        <source>event %1: its bytes do not hash to its stored hash (modified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="22"/>
        <source>event %1: does not name the event before it (chain break)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="34"/>
        <source>CHAIN BROKEN: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="36"/>
        <source>no events yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="38"/>
        <source>verified, head %1… (%2 events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="39"/>
        <source>verified from #%1, head %2… (%3 events)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationHtml</name>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="57"/>
        <source>Prerequisite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="58"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="60"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="63"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="63"/>
        <source>being checked…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="65"/>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="66"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="68"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="68"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="123"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="70"/>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="73"/>
        <source>Signed off by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="74"/>
        <source>%1: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="78"/>
        <source>A person checks this and signs it off with a comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="82"/>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="91"/>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="94"/>
        <source>✔ pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="95"/>
        <source>✘ fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="96"/>
        <source>? no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="105"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="107"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="112"/>
        <source>HTTP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="114"/>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="116"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="143"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="118"/>
        <source>Secret present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="118"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="121"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="118"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="121"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="120"/>
        <source>Format valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="122"/>
        <source>Response time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="125"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="131"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="137"/>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="155"/>
        <source>(only the first rows are kept)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="6"/>
        <source>Sign off the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="16"/>
        <source>Sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="28"/>
        <source>Communications (parameters filled in, ready to copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="45"/>
        <source>&amp;Copy subject and text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../ui/StartDialog.ui" line="6"/>
        <source>Start a run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="10"/>
        <source>Runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="16"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="20"/>
        <source>&amp;Rehearsal — against test systems, on an accelerated clock if wanted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="26"/>
        <source>&amp;Dry run — every read against production, no write (each shown as what it would send)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="31"/>
        <source>&amp;LIVE — production: writes change real systems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="47"/>
        <source>Lea&amp;d (your name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="56"/>
        <source>&amp;Journal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="62"/>
        <source>SQLite file (this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="63"/>
        <source>Shared PostgreSQL journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="68"/>
        <source>&amp;Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="77"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="86"/>
        <source>Parameters (defaults from the runbook; change what differs):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="92"/>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="93"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="98"/>
        <source>Resume the unfinished run found in the journal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <location filename="../qml/Wallboard.qml" line="101"/>
        <source>Blockers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="124"/>
        <source>Nothing blocks the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="161"/>
        <source>Streak · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="206"/>
        <source>Last decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="213"/>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="260"/>
        <source>NEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="297"/>
        <source>Waiting for the journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="313"/>
        <source>STALE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="325"/>
        <source>This board no longer shows the current state of the run.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::CommandButton</name>
    <message>
        <location filename="../src/gui/panels/CommandButton.cpp" line="39"/>
        <source>Shortcut: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/CommandButton.cpp" line="40"/>
        <source>%1 (shortcut: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ConnectionLights</name>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="78"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="79"/>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="80"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="81"/>
        <source>not observed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="122"/>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="126"/>
        <source>last observation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="127"/>
        <source>last error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="129"/>
        <source>No metric has sampled it yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ConnectionsDialog</name>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Points to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>In keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Last test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="44"/>
        <source>New value (replaces the stored one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="45"/>
        <source>Test a connection to see what was observed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="53"/>
        <source>%1 uses no secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="87"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="88"/>
        <source>asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="89"/>
        <source>not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="143"/>
        <source>The keychain did not answer within a second: it is locked, or no secret service is running. Secrets cannot be stored or checked now; unlock the keychain and press Test connection or reopen this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="158"/>
        <source>the keychain call was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="161"/>
        <source>The keychain cannot be used: %1. Secrets cannot be stored or checked now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="166"/>
        <source>? keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="167"/>
        <source>✔ stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="168"/>
        <source>✘ missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="185"/>
        <source>storing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="191"/>
        <source>%1 was not stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="192"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="203"/>
        <source>testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="204"/>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="212"/>
        <source>✔ reached in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="213"/>
        <source>✘ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="216"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::DecisionsPanel</name>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="50"/>
        <source>Decisions waiting for a person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="63"/>
        <source>Why — journaled with your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="64"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="66"/>
        <source>Name of the second person (not the lead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="67"/>
        <source>Se&amp;cond person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="70"/>
        <source>Selected decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="72"/>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="73"/>
        <source>Re&amp;ject / run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="74"/>
        <source>&amp;Confirm manual gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="75"/>
        <source>Confirm &amp;write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="76"/>
        <source>A&amp;pprove as second person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="82"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="84"/>
        <source>&amp;Enter stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="85"/>
        <source>Pro&amp;mote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="86"/>
        <source>&amp;Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="87"/>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="88"/>
        <source>&amp;Roll back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="115"/>
        <source>Confirm write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="116"/>
        <source>Run the write %1 now?

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="221"/>
        <source>read-only viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="225"/>
        <source>the run has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="225"/>
        <source>no run is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="237"/>
        <source>select a decision in the list above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="239"/>
        <source>a %1 is not accepted or rejected here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="241"/>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="286"/>
        <source>write a reason first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="246"/>
        <source>select a manual gate to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="248"/>
        <source>select a write waiting for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="255"/>
        <source>no second approval is needed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="257"/>
        <source>enter the second person&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="259"/>
        <source>the lead cannot approve their own promotion: a second person is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="266"/>
        <source>no stage is waiting to be entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="270"/>
        <source>Pro&amp;mote to %1 % (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="273"/>
        <source>Pro&amp;mote to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="274"/>
        <source>Pro&amp;mote (finish the last stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="276"/>
        <source>no stage is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="282"/>
        <source>the run is on hold already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="283"/>
        <source>the run is not on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="285"/>
        <source>no stage is running: nothing to roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="309"/>
        <source>Promote to stage %1%2: its rollout actions run against the real systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="311"/>
        <source> (%1 % of traffic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="312"/>
        <source>Promote the last stage: the run finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="313"/>
        <source>Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="320"/>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="321"/>
        <source>Start the rollback now? Its steps run in order against the real systems; the stopwatch starts against the target.

Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::DemoSession</name>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="51"/>
        <source>The demo rehearsal ended as its scenario expects. Its journal stays in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="53"/>
        <source>The demo rehearsal ended with exit code %1 (see its output). Journal: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="60"/>
        <source>The demo could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="75"/>
        <source>Starting the demo rehearsal: a throwaway PostgreSQL, the simulated services and the prerequisite check come first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="94"/>
        <source>Demo rehearsal: the personas lead it in a separate process; this window follows its journal read-only (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::DurationHistogramView</name>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="58"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="79"/>
        <source>No comparison gate has collected values yet (no_degradation gates collect the durations of this stage and the previous one when the gate is evaluated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="84"/>
        <source>previous stage (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="85"/>
        <source>this stage (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="106"/>
        <source>value in seconds (bin start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="110"/>
        <source>share of the stage&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="125"/>
        <source>&lt;p&gt;Above %1 s (30 min): %2 % of this stage against %3 % before.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="130"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;previous stage&lt;/th&gt;&lt;th&gt;this stage&lt;/th&gt;&lt;th&gt;change&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;%2&lt;p&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ErrorPatternsView</name>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>Previous stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>This stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="83"/>
        <source>NEW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="94"/>
        <source>No error patterns collected yet (no_new_values gates collect the messages of this stage and the previous one when the gate is evaluated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="96"/>
        <source>%n message(s) new in this stage, not seen in the previous one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::gui::EvidenceExporter</name>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="72"/>
        <location filename="../src/gui/EvidenceExporter.cpp" line="78"/>
        <source>Export evidence report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="73"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="76"/>
        <source>Writing the evidence report of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="76"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="93"/>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="98"/>
        <source>The evidence report could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="103"/>
        <source>Evidence report written to %1 (JSON bundle %2, SHA-256 %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="105"/>
        <source>Evidence report written to %1, but the journal FAILED verification: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::GateTimeline</name>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="81"/>
        <source>No gate has been evaluated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/GateTimeline.cpp" line="98"/>
        <source> (%n reset(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="120"/>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="121"/>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="122"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="123"/>
        <source>holding / waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="124"/>
        <source>recovering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="125"/>
        <source>awaiting a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="126"/>
        <source>| window reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="155"/>
        <source>%1: %2 since %3 UTC%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::GatesModel</name>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Condition and value seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="61"/>
        <source>a person confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="61"/>
        <source>no sample yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="67"/>
        <source>held %1 ✔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="68"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="72"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::HourlyVolumeBars</name>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="62"/>
        <source>No samples of this metric yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="116"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="117"/>
        <source>%1: no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="119"/>
        <source>
typical before: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="121"/>
        <source>
sudden drop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::HourlyVolumeView</name>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="20"/>
        <source>&amp;Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="90"/>
        <source>No metric samples yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="93"/>
        <source>%n hour(s), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="94"/>
        <source>%n sudden drop(s) (below half of the previous 24 hours&apos; median), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="95"/>
        <source>%n hour(s) without data</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::gui::JournalModel</name>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="71"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="72"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="73"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="74"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="75"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::JournalPanel</name>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="73"/>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="75"/>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="77"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="79"/>
        <source>Filter: stage, person, gate, text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="89"/>
        <source>hash chain: not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="107"/>
        <source>&amp;Copy as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="133"/>
        <source>head #%1 %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="134"/>
        <source>journal empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="174"/>
        <source>hash chain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="29"/>
        <location filename="../src/gui/MainWindow.cpp" line="80"/>
        <source>Cutover Cockpit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="40"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="41"/>
        <source>&amp;Start page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="42"/>
        <source>&amp;Export evidence report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="45"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="48"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="51"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="79"/>
        <source>%1 — Cutover Cockpit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="104"/>
        <source>No run to export yet: the journal holds no run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="126"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="127"/>
        <source>The run is still going. Close the window? The run stops here and resumes from the journal when it is opened again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::MessageBanner</name>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="22"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="32"/>
        <source>✖ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="32"/>
        <source>⚠ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="32"/>
        <source>ℹ </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::MetricChartView</name>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="315"/>
        <source> · %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="317"/>
        <source> (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="357"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="391"/>
        <source>gate passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="392"/>
        <source>gate fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="393"/>
        <source>no gate on this metric here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="395"/>
        <source>%1%2 at %3 UTC (%4) — %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::OverviewPanel</name>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="25"/>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="43"/>
        <source>Gates of the current stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="74"/>
        <source>Soak: %1 left of %2 · ends %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="77"/>
        <source>Soak: complete (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="83"/>
        <source>promoting into the next stage needs a second person&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="85"/>
        <source>No blockers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="86"/>
        <source>Blockers:
• %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="88"/>
        <source>%n decision(s) waiting — see the Decisions tab.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PendingModel</name>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="56"/>
        <source>%1 (stage %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="62"/>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="63"/>
        <source>overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PlaceholderPanel</name>
    <message>
        <location filename="../src/gui/panels/PlaceholderPanel.cpp" line="12"/>
        <source>%1 — coming in a later release.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PrerequisitesModel</name>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Prerequisite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>What was seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="15"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="15"/>
        <source>Confirmed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="78"/>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="81"/>
        <source>manual: a person signs off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="83"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PrerequisitesPanel</name>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="30"/>
        <source>Check &amp;selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="31"/>
        <source>Check ca&amp;tegory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="32"/>
        <source>Check &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="33"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="38"/>
        <source>Si&amp;gn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="53"/>
        <source>%v of %m checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="74"/>
        <source>Select a prerequisite to see exactly what was observed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="84"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="86"/>
        <source>Comment: what was checked, where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="88"/>
        <source>Manual item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="95"/>
        <source>Secrets: ready checklist and missing credentials (never a value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="156"/>
        <source>%1 passed · %2 not passed · %3 not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="187"/>
        <source>Prerequisites are being checked: wait or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="195"/>
        <source>read-only viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="198"/>
        <source>Check every prerequisite in parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="201"/>
        <source>Select a prerequisite first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="202"/>
        <source>A manual item is signed off below, not checked by a probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="203"/>
        <source>Check %1 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="206"/>
        <source>Select a prerequisite of the category first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="207"/>
        <source>Check every prerequisite of category %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="208"/>
        <source>Stop the checks still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="208"/>
        <source>Nothing is being checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="212"/>
        <source>Select a manual prerequisite to sign it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="213"/>
        <source>Sign off %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="214"/>
        <source>A sign-off needs a name and a comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="262"/>
        <source>? unknown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="263"/>
        <source>✔ ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="264"/>
        <source>✘ MISSING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="265"/>
        <source>– not set (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="266"/>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="266"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RollbackPanel</name>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="50"/>
        <source>Roll &amp;back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="51"/>
        <source>Raise &amp;trigger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="55"/>
        <source>Rollback procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="78"/>
        <source>Why — journaled with your name (for a rollback or a raised trigger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="88"/>
        <source>Triggers — each with its condition and the values last seen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="110"/>
        <source>Raise trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="111"/>
        <source>Raise trigger %1 now? Its action (rollback, extend, incident) follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="145"/>
        <source>%1 Rollback %2 in %3 — target %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="147"/>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="147"/>
        <source>ended with failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="149"/>
        <source>OVER TARGET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="149"/>
        <source>within target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="152"/>
        <source>◷ %1 — OVERDUE by %2 (target %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="156"/>
        <source>◷ %1 of %2 — %3 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="162"/>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="164"/>
        <source> automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="166"/>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="190"/>
        <source> by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="168"/>
        <source> (trigger %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="170"/>
        <source>: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="174"/>
        <source>Not rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="176"/>
        <source>The procedure&apos;s %1 steps run in order once a rollback starts; the stopwatch then runs against the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="202"/>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="203"/>
        <source>read-only viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="207"/>
        <source>the run has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="207"/>
        <source>no run is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="216"/>
        <source>a rollback is under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="218"/>
        <source>the run is rolled back already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="220"/>
        <source>no stage is running: nothing to roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="222"/>
        <source>write a reason first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="227"/>
        <source>select a trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="229"/>
        <source>write what was observed first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="243"/>
        <source>Start the rollback now? These steps run in order against the real systems, and the stopwatch starts against the target:

%1

Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="245"/>
        <source>  (the runbook lists no steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="247"/>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunActions</name>
    <message>
        <location filename="../src/gui/RunActions.cpp" line="37"/>
        <source>&amp;Decide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/RunActions.cpp" line="99"/>
        <source>Go to the first of %n decision(s) waiting for you</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/RunActions.cpp" line="100"/>
        <source>no decision is waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunNotifier</name>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="14"/>
        <source>Cutover Cockpit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="41"/>
        <source>Gate failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="44"/>
        <source>Trigger fired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="47"/>
        <source>Decision needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="49"/>
        <source>Rollback finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunOpening</name>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="61"/>
        <source>Not started: another process leads this run. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="64"/>
        <source>Not resumed: the runbook changed since the run started. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="67"/>
        <source>Not started: a required secret is missing; store it in the keychain and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="71"/>
        <source>NO-GO: the run does not start. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="99"/>
        <source>The runbook %1 has errors:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="128"/>
        <source>Starting %1: opening the journal, taking the lease, checking the prerequisites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="184"/>
        <source>Resumed the unfinished run from its journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="184"/>
        <source>Run started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="212"/>
        <source>Cannot watch the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunView</name>
    <message>
        <location filename="../src/gui/RunView.cpp" line="48"/>
        <source>Sign o&amp;ff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="49"/>
        <source>Co&amp;nnections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="62"/>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="63"/>
        <source>&amp;Prerequisites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="64"/>
        <source>&amp;Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="65"/>
        <source>St&amp;ages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="66"/>
        <source>Ro&amp;llback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="67"/>
        <source>&amp;Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="68"/>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="69"/>
        <source>&amp;Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="70"/>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="71"/>
        <source>Evidence export (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="71"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="83"/>
        <source>Every connection of the runbook: its secret in the keychain, test it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="116"/>
        <location filename="../src/gui/RunView.cpp" line="169"/>
        <source>read-only viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="119"/>
        <source>this run cannot be restarted from the window: restart it to use the changed runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="141"/>
        <source>The run ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="158"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="171"/>
        <source>Sign off the run: outcome, issues, notes; and the communications to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="172"/>
        <source>The run is signed off once it has finished or rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="203"/>
        <source>Continue with the changed runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="204"/>
        <source>The run stops here and resumes from its journal with the changed runbook. The change and your reason are journaled as your decision.

%1

Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="240"/>
        <source>Not sent: this is a read-only viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="241"/>
        <source>No run is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="254"/>
        <source>The engine did not answer the command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="255"/>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="263"/>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunbookChangeBanner</name>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="23"/>
        <source>Continue with the changed runbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="24"/>
        <source>Keep the running runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="44"/>
        <source>Why continue with the changed runbook — journaled with your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="47"/>
        <source>Hide this until the file changes again; the run goes on as it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="67"/>
        <source>The runbook %1 changed on disk: %n change(s). The run goes on with the runbook it started with; nothing changes until you decide.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="72"/>
        <source>The runbook %1 changed on disk and no longer loads. The run goes on with the runbook it started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="78"/>
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="109"/>
        <source>the changed runbook has errors: fix the file first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="111"/>
        <source>write a reason first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunbookWatcher</name>
    <message>
        <location filename="../src/gui/RunbookWatcher.cpp" line="36"/>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/RunbookWatcher.cpp" line="56"/>
        <source>the file differs in formatting or comments only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ScheduleModel</name>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="45"/>
        <source>window step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="45"/>
        <source>milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="50"/>
        <source>%1 late</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::SchedulePanel</name>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="43"/>
        <source>T-0 held: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="46"/>
        <source>Point of no return at %1, in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="49"/>
        <source>Point of no return passed at %1: a rollback is a decision now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="53"/>
        <source>The runbook has no schedule.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::SeriesTableModel</name>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="39"/>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="44"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="42"/>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="43"/>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="61"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="62"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="63"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="64"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::SignOffDialog</name>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="29"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="30"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="31"/>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="33"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="37"/>
        <source>Issues encountered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="38"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="48"/>
        <source>Sign off &quot;%1&quot;. The sign-off is journaled with your name and cannot be changed afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="83"/>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="89"/>
        <source>%1 — to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="98"/>
        <source>&amp;Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="133"/>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StageCard</name>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="42"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="99"/>
        <source>%1. %2 — %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="100"/>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="103"/>
        <source> · attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="112"/>
        <source>planned soak %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="115"/>
        <source> · in the stage for %1 (entered %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="120"/>
        <source> · soak extended to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="127"/>
        <source> · earliest start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="129"/>
        <source> · soaked and promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="141"/>
        <source>Soak %1 left of %2 · ETA %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="144"/>
        <source>Soak complete (%1, ended %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="149"/>
        <source>Soak stopped: rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="150"/>
        <source>Soak starts once the rollout and its checks are done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Current value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Resets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="186"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="191"/>
        <source>a person confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="191"/>
        <source>no sample yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="201"/>
        <source>held %1 ✔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="203"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="205"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="209"/>
        <source>1 reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="209"/>
        <source>%1 resets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="211"/>
        <source>, last breach %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StageStepper</name>
    <message>
        <location filename="../src/gui/panels/StageStepper.cpp" line="64"/>
        <source>
%1 % traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageStepper.cpp" line="69"/>
        <source>soak %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StagesPanel</name>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="51"/>
        <source>Running stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="54"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="249"/>
        <source>Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="55"/>
        <source>Approve as second person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="56"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="216"/>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="66"/>
        <source>Why — journaled with your name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="67"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="69"/>
        <source>Name of the second person (not the lead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="70"/>
        <source>Second person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="140"/>
        <source>This runbook has no stages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="140"/>
        <source>No run is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="144"/>
        <source>Stage %1 of %2: %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="148"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="231"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="247"/>
        <source> (%1 % of traffic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="150"/>
        <source>%1 stages; none is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="162"/>
        <source>Enter %1 (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="163"/>
        <source>Enter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="165"/>
        <source>Promote to %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="166"/>
        <source>Promote to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="167"/>
        <source>Finish the last stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="170"/>
        <source>read-only viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="174"/>
        <source>the run has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="174"/>
        <source>no run is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="184"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="192"/>
        <source>the run is on hold: resume first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="187"/>
        <source>the run is rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="188"/>
        <source>no stage is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="204"/>
        <source>the next stage is approved already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="205"/>
        <source>the next stage needs no second approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="207"/>
        <source>enter the second person&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="211"/>
        <source>%1 leads this run and cannot approve their own promotion: a second person is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="216"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="227"/>
        <source>Enter stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="228"/>
        <source>Enter stage %1%2: its rollout actions run against the real systems, and its soak and gates start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="244"/>
        <source>Promote to stage %1%2: its rollout actions run against the real systems, and its soak and gates start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="248"/>
        <source>Finish the last stage: the run moves on to its follow-up or ends.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StartDialog</name>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="17"/>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="24"/>
        <source>RUNBOOK.journal next to the runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="23"/>
        <source>postgresql://lead@host:5432/cutover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="29"/>
        <source>Journal file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="30"/>
        <source>Journals (*.journal *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="47"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="74"/>
        <source>Resume the unfinished run %1 found in the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="109"/>
        <source>LIVE — production. Every write runs against the real systems after your confirmation, and everything is journaled under your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="112"/>
        <source>DRY RUN — every read is made; no write is sent, each is journaled as what it would send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="113"/>
        <source>REHEARSAL — the same runbook with its rehearsal parameters; writes to connections marked production are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="129"/>
        <source>Start dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="121"/>
        <source>Name the lead: every decision is journaled with a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="124"/>
        <source>A shared journal is a postgresql://… address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="129"/>
        <source>Start LIVE run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="129"/>
        <source>Start rehearsal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StartPage</name>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="22"/>
        <source>Cutover Cockpit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="28"/>
        <source>Open a runbook to rehearse or run a cutover, or watch a run read-only from its journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="34"/>
        <source>&lt;b&gt;Recent runbooks&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="35"/>
        <source>&lt;b&gt;Recent journals&lt;/b&gt; (open read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="40"/>
        <source>&amp;Open runbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="41"/>
        <source>&amp;Watch a journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="65"/>
        <source>Open runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="66"/>
        <source>Runbooks (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="75"/>
        <source>Watch a journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="75"/>
        <source>Journal (SQLite file or postgresql://viewer@host/db):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::TriggersModel</name>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Values seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="45"/>
        <source>✖ FIRING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="47"/>
        <source>fired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="48"/>
        <source>✔ quiet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ValidationPanel</name>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="76"/>
        <source>Waiting for samples from the journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="87"/>
        <source>Metrics over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="88"/>
        <source>Durations vs previous stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="92"/>
        <source>Gate timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="93"/>
        <source>Error patterns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="94"/>
        <source>Hourly volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="123"/>
        <source>earlier run %1, started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="305"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="307"/>
        <source>Show the samples as a table instead of the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="310"/>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="312"/>
        <source>Show the query behind this chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="365"/>
        <source>No query: this metric is not in the runbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="366"/>
        <source>-- on connection %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="387"/>
        <source>No metric samples in this run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="388"/>
        <source>%n sample(s) of %1 metric(s). Wheel or +/− zooms, drag or ←/→ pans, Home shows all.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="392"/>
        <source>Orange: %1, aligned at each stage entry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::VerdictBar</name>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="94"/>
        <source>No run open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="96"/>
        <source> · dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="98"/>
        <source> · READ-ONLY viewer, led by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="107"/>
        <source>Nothing blocks the next step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="112"/>
        <source> — run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="114"/>
        <source> · stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="120"/>
        <source>no lease held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="122"/>
        <source>you lead (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="123"/>
        <source>led by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="129"/>
        <source>rollback OVERDUE by %1 (target %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="131"/>
        <source>rollback %1 left of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="134"/>
        <source>soak %1 left · ends %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="141"/>
        <source>❚❚ ON HOLD (by the lead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="141"/>
        <source>❚❚ ON HOLD · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="165"/>
        <source>STALE — no update for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="166"/>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="170"/>
        <source>last event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="171"/>
        <source>no event yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="187"/>
        <source>STALE: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ViewerController</name>
    <message>
        <location filename="../src/gui/ViewerController.cpp" line="63"/>
        <source>read-only viewer: commands are refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::WallboardModel</name>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="67"/>
        <source>accepted %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="67"/>
        <source>rejected %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="68"/>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="74"/>
        <source>%1 — by %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="72"/>
        <source>confirmed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="73"/>
        <source>approved %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="76"/>
        <source>rollback started — by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="117"/>
        <source>%1: %2 (gate %3 %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="118"/>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="122"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="122"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="193"/>
        <source>LIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="194"/>
        <source>DRY RUN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="194"/>
        <source>REHEARSAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="222"/>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="222"/>
        <source>run %1 · led by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="249"/>
        <source>%1 % traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="264"/>
        <source>The run has ended (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="268"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="269"/>
        <source>Waiting for a person: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="270"/>
        <source>Waiting for a person: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="277"/>
        <source>Next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="278"/>
        <source>Next: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="289"/>
        <source>soak %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="314"/>
        <source>%1 h / %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="315"/>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="345"/>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="364"/>
        <source>waiting for the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="367"/>
        <source>STALE — no update for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="368"/>
        <source>updated %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cockpit::gui::WallboardWindow</name>
    <message>
        <location filename="../src/gui/wallboard/WallboardWindow.cpp" line="22"/>
        <source>Cannot follow the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardWindow.cpp" line="35"/>
        <source>Cutover Cockpit — wallboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
