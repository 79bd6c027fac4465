<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConnectionsDialog</name>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="6"/>
        <source>Connections and credentials</source>
        <translation>Verbindungen und Zugangsdaten</translation>
    </message>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="24"/>
        <source>Secret of the selected connection (stored in the keychain, never shown)</source>
        <translation>Geheimnis der gewählten Verbindung (im Schlüsselbund gespeichert, nie angezeigt)</translation>
    </message>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="33"/>
        <source>&amp;Store in keychain</source>
        <translation>Im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/ConnectionsDialog.ui" line="43"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>GuiText</name>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="12"/>
        <source>NOT STARTED</source>
        <translation>NICHT GESTARTET</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="13"/>
        <source>NO-GO</source>
        <translation>NO-GO</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="14"/>
        <source>HOLD</source>
        <translation>HALT</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="15"/>
        <source>GO</source>
        <translation>GO</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="16"/>
        <source>ROLLING BACK</source>
        <translation>ROLLBACK LÄUFT</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="17"/>
        <source>ROLLED BACK</source>
        <translation>ZURÜCKGEROLLT</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="18"/>
        <source>FINISHED</source>
        <translation>BEENDET</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="74"/>
        <source>LIVE — production</source>
        <translation>LIVE — Produktion</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="75"/>
        <source>DRY RUN — every read, no write</source>
        <translation>TROCKENLAUF — jeder Lesezugriff, kein Schreibzugriff</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="78"/>
        <source>REHEARSAL — rehearsal parameters, production writes refused</source>
        <translation>PROBELAUF — Probeparameter, Schreibzugriffe auf Produktion verweigert</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="94"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="96"/>
        <source>PASS</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="97"/>
        <source>FAIL</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="98"/>
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="99"/>
        <source>INCONCLUSIVE</source>
        <translation>UNENTSCHIEDEN</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="120"/>
        <source>waiting for data</source>
        <translation>wartet auf Daten</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="121"/>
        <source>holding</source>
        <translation>hält</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="122"/>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="123"/>
        <source>failing, may recover</source>
        <translation>scheitert, kann sich erholen</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="124"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="125"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="126"/>
        <source>awaiting a decision</source>
        <translation>wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="134"/>
        <source>to come</source>
        <translation>kommt noch</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="135"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="136"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="137"/>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="145"/>
        <source>gate decision</source>
        <translation>Gate-Entscheidung</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="147"/>
        <source>action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="149"/>
        <source>failed check</source>
        <translation>fehlgeschlagene Prüfung</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="151"/>
        <source>trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="153"/>
        <source>rollback step</source>
        <translation>Rollback-Schritt</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="155"/>
        <source>schedule item</source>
        <translation>Zeitplanpunkt</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="157"/>
        <source>manual gate</source>
        <translation>manuelles Gate</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="159"/>
        <source>second approval</source>
        <translation>zweite Freigabe</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="161"/>
        <source>promotion</source>
        <translation>Beförderung</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="163"/>
        <source>enter stage</source>
        <translation>Stufe betreten</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="165"/>
        <source>point of no return</source>
        <translation>Point of no Return</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="167"/>
        <source>write to confirm</source>
        <translation>zu bestätigender Schreibzugriff</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="178"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="180"/>
        <source>%1 h %2 m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="182"/>
        <source>%1 m %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="183"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="196"/>
        <source>%1d %2</source>
        <translation>%1 T %2</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="202"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location filename="../src/gui/GuiText.cpp" line="203"/>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
</context>
<context>
    <name>JournalChainCheck</name>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="15"/>
        <source>event %1: its bytes do not hash to its stored hash (modified)</source>
        <translation>Ereignis %1: seine Bytes ergeben nicht den gespeicherten Hash (verändert)</translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="22"/>
        <source>event %1: does not name the event before it (chain break)</source>
        <translation>Ereignis %1: verweist nicht auf das Ereignis davor (Kette unterbrochen)</translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="34"/>
        <source>CHAIN BROKEN: %1</source>
        <translation>KETTE UNTERBROCHEN: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="36"/>
        <source>no events yet</source>
        <translation>noch keine Ereignisse</translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="38"/>
        <source>verified, head %1… (%2 events)</source>
        <translation>geprüft, Kopf %1… (%2 Ereignisse)</translation>
    </message>
    <message>
        <location filename="../src/gui/JournalChainCheck.cpp" line="39"/>
        <source>verified from #%1, head %2… (%3 events)</source>
        <translation>geprüft ab #%1, Kopf %2… (%3 Ereignisse)</translation>
    </message>
</context>
<context>
    <name>ObservationHtml</name>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="57"/>
        <source>Prerequisite</source>
        <translation>Voraussetzung</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="58"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="60"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="63"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="63"/>
        <source>being checked…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="65"/>
        <source>Observed</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="66"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="68"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="68"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="123"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="70"/>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="73"/>
        <source>Signed off by</source>
        <translation>Abgezeichnet von</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="74"/>
        <source>%1: &quot;%2&quot;</source>
        <translation>%1: „%2“</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="78"/>
        <source>A person checks this and signs it off with a comment.</source>
        <translation>Eine Person prüft dies und zeichnet es mit einem Kommentar ab.</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="82"/>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="91"/>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="94"/>
        <source>✔ pass</source>
        <translation>✔ bestanden</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="95"/>
        <source>✘ fail</source>
        <translation>✘ fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="96"/>
        <source>? no data</source>
        <translation>? keine Daten</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="105"/>
        <source>Observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="107"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="112"/>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="114"/>
        <source>Exit code</source>
        <translation>Exit-Code</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="116"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="143"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="118"/>
        <source>Secret present</source>
        <translation>Geheimnis vorhanden</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="118"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="121"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="118"/>
        <location filename="../src/gui/ObservationHtml.cpp" line="121"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="120"/>
        <source>Format valid</source>
        <translation>Format gültig</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="122"/>
        <source>Response time</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="125"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="131"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="137"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../src/gui/ObservationHtml.cpp" line="155"/>
        <source>(only the first rows are kept)</source>
        <translation>(nur die ersten Zeilen werden behalten)</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="6"/>
        <source>Sign off the run</source>
        <translation>Lauf abzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="16"/>
        <source>Sign-off</source>
        <translation>Abzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="28"/>
        <source>Communications (parameters filled in, ready to copy)</source>
        <translation>Mitteilungen (Parameter eingesetzt, zum Kopieren bereit)</translation>
    </message>
    <message>
        <location filename="../ui/SignOffDialog.ui" line="45"/>
        <source>&amp;Copy subject and text</source>
        <translation>Betreff und Text &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../ui/StartDialog.ui" line="6"/>
        <source>Start a run</source>
        <translation>Einen Lauf starten</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="10"/>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="16"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="20"/>
        <source>&amp;Rehearsal — against test systems, on an accelerated clock if wanted</source>
        <translation>&amp;Probelauf — gegen Testsysteme, auf Wunsch mit beschleunigter Uhr</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="26"/>
        <source>&amp;Dry run — every read against production, no write (each shown as what it would send)</source>
        <translation>&amp;Trockenlauf — jeder Lesezugriff gegen die Produktion, kein Schreibzugriff (jeder wird gezeigt, wie er gesendet würde)</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="31"/>
        <source>&amp;LIVE — production: writes change real systems</source>
        <translation>&amp;LIVE — Produktion: Schreibzugriffe ändern echte Systeme</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="47"/>
        <source>Lea&amp;d (your name):</source>
        <translation>Lei&amp;tung (Ihr Name):</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="56"/>
        <source>&amp;Journal:</source>
        <translation>&amp;Journal:</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="62"/>
        <source>SQLite file (this machine)</source>
        <translation>SQLite-Datei (dieser Rechner)</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="63"/>
        <source>Shared PostgreSQL journal</source>
        <translation>Gemeinsames PostgreSQL-Journal</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="68"/>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="77"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="86"/>
        <source>Parameters (defaults from the runbook; change what differs):</source>
        <translation>Parameter (Vorgaben aus dem Runbook; ändern Sie, was abweicht):</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="92"/>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="93"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/StartDialog.ui" line="98"/>
        <source>Resume the unfinished run found in the journal</source>
        <translation>Den unfertigen Lauf aus dem Journal fortsetzen</translation>
    </message>
</context>
<context>
    <name>Wallboard</name>
    <message>
        <location filename="../qml/Wallboard.qml" line="101"/>
        <source>Blockers</source>
        <translation>Blocker</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="124"/>
        <source>Nothing blocks the next step.</source>
        <translation>Nichts blockiert den nächsten Schritt.</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="161"/>
        <source>Streak · %1</source>
        <translation>Serie · %1</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="206"/>
        <source>Last decision</source>
        <translation>Letzte Entscheidung</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="213"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="260"/>
        <source>NEXT</source>
        <translation>ALS NÄCHSTES</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="297"/>
        <source>Waiting for the journal…</source>
        <translation>Warte auf das Journal…</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="313"/>
        <source>STALE</source>
        <translation>VERALTET</translation>
    </message>
    <message>
        <location filename="../qml/Wallboard.qml" line="325"/>
        <source>This board no longer shows the current state of the run.</source>
        <translation>Diese Tafel zeigt nicht mehr den aktuellen Stand des Laufs.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::CommandButton</name>
    <message>
        <location filename="../src/gui/panels/CommandButton.cpp" line="39"/>
        <source>Shortcut: %1</source>
        <translation>Tastenkürzel: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/CommandButton.cpp" line="40"/>
        <source>%1 (shortcut: %2)</source>
        <translation>%1 (Tastenkürzel: %2)</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ConnectionLights</name>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="78"/>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="79"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="80"/>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="81"/>
        <source>not observed yet</source>
        <translation>noch nicht beobachtet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="122"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="126"/>
        <source>last observation %1</source>
        <translation>letzte Beobachtung %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="127"/>
        <source>last error %1: %2</source>
        <translation>letzter Fehler %1: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ConnectionLights.cpp" line="129"/>
        <source>No metric has sampled it yet.</source>
        <translation>Noch keine Metrik hat sie abgefragt.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ConnectionsDialog</name>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Points to</source>
        <translation>Zeigt auf</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>In keychain</source>
        <translation>Im Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="41"/>
        <source>Last test</source>
        <translation>Letzter Test</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="44"/>
        <source>New value (replaces the stored one)</source>
        <translation>Neuer Wert (ersetzt den gespeicherten)</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="45"/>
        <source>Test a connection to see what was observed.</source>
        <translation>Testen Sie eine Verbindung, um zu sehen, was beobachtet wurde.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="53"/>
        <source>%1 uses no secret</source>
        <translation>%1 verwendet kein Geheimnis</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="87"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="88"/>
        <source>asking…</source>
        <translation>frage an…</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="89"/>
        <source>not tested</source>
        <translation>nicht getestet</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="143"/>
        <source>The keychain did not answer within a second: it is locked, or no secret service is running. Secrets cannot be stored or checked now; unlock the keychain and press Test connection or reopen this dialog.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb einer Sekunde geantwortet: er ist gesperrt, oder es läuft kein Secret Service. Geheimnisse können jetzt weder gespeichert noch geprüft werden; entsperren Sie den Schlüsselbund und drücken Sie „Verbindung testen“ oder öffnen Sie diesen Dialog erneut.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="158"/>
        <source>the keychain call was cancelled</source>
        <translation>der Schlüsselbund-Aufruf wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="161"/>
        <source>The keychain cannot be used: %1. Secrets cannot be stored or checked now.</source>
        <translation>Der Schlüsselbund ist nicht nutzbar: %1. Geheimnisse können jetzt weder gespeichert noch geprüft werden.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="166"/>
        <source>? keychain unavailable</source>
        <translation>? Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="167"/>
        <source>✔ stored</source>
        <translation>✔ gespeichert</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="168"/>
        <source>✘ missing</source>
        <translation>✘ fehlt</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="185"/>
        <source>storing…</source>
        <translation>speichere…</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="191"/>
        <source>%1 was not stored: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="192"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="203"/>
        <source>testing…</source>
        <translation>teste…</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="204"/>
        <source>Testing %1…</source>
        <translation>Teste %1…</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="212"/>
        <source>✔ reached in %1 ms</source>
        <translation>✔ erreicht in %1 ms</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="213"/>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/ConnectionsDialog.cpp" line="216"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::DecisionsPanel</name>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="50"/>
        <source>Decisions waiting for a person:</source>
        <translation>Entscheidungen, die auf eine Person warten:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="63"/>
        <source>Why — journaled with your name</source>
        <translation>Warum — mit Ihrem Namen protokolliert</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="64"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="66"/>
        <source>Name of the second person (not the lead)</source>
        <translation>Name der zweiten Person (nicht der Leitung)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="67"/>
        <source>Se&amp;cond person:</source>
        <translation>&amp;Zweite Person:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="70"/>
        <source>Selected decision</source>
        <translation>Gewählte Entscheidung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="72"/>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="73"/>
        <source>Re&amp;ject / run again</source>
        <translation>Ab&amp;lehnen / erneut ausführen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="74"/>
        <source>&amp;Confirm manual gate</source>
        <translation>Manuelles Gate &amp;bestätigen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="75"/>
        <source>Confirm &amp;write</source>
        <translation>&amp;Schreibzugriff bestätigen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="76"/>
        <source>A&amp;pprove as second person</source>
        <translation>Als zweite Person &amp;freigeben</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="82"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="84"/>
        <source>&amp;Enter stage</source>
        <translation>Stufe &amp;betreten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="85"/>
        <source>Pro&amp;mote</source>
        <translation>Be&amp;fördern</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="86"/>
        <source>&amp;Hold</source>
        <translation>&amp;Halt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="87"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="88"/>
        <source>&amp;Roll back…</source>
        <translation>&amp;Zurückrollen…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="115"/>
        <source>Confirm write</source>
        <translation>Schreibzugriff bestätigen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="116"/>
        <source>Run the write %1 now?

%2</source>
        <translation>Den Schreibzugriff %1 jetzt ausführen?

%2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="221"/>
        <source>read-only viewer</source>
        <translation>Nur-Lese-Ansicht</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="225"/>
        <source>the run has ended</source>
        <translation>der Lauf ist beendet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="225"/>
        <source>no run is open</source>
        <translation>kein Lauf ist geöffnet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="237"/>
        <source>select a decision in the list above</source>
        <translation>wählen Sie oben eine Entscheidung aus</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="239"/>
        <source>a %1 is not accepted or rejected here</source>
        <translation>ein(e) %1 wird hier nicht angenommen oder abgelehnt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="241"/>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="286"/>
        <source>write a reason first</source>
        <translation>schreiben Sie zuerst eine Begründung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="246"/>
        <source>select a manual gate to confirm</source>
        <translation>wählen Sie ein manuelles Gate zum Bestätigen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="248"/>
        <source>select a write waiting for confirmation</source>
        <translation>wählen Sie einen Schreibzugriff, der auf Bestätigung wartet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="255"/>
        <source>no second approval is needed now</source>
        <translation>jetzt ist keine zweite Freigabe nötig</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="257"/>
        <source>enter the second person&apos;s name</source>
        <translation>geben Sie den Namen der zweiten Person ein</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="259"/>
        <source>the lead cannot approve their own promotion: a second person is needed</source>
        <translation>die Leitung kann ihre eigene Beförderung nicht freigeben: eine zweite Person ist nötig</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="266"/>
        <source>no stage is waiting to be entered</source>
        <translation>keine Stufe wartet darauf, betreten zu werden</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="270"/>
        <source>Pro&amp;mote to %1 % (%2)</source>
        <translation>Be&amp;fördern auf %1 % (%2)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="273"/>
        <source>Pro&amp;mote to %1</source>
        <translation>Be&amp;fördern auf %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="274"/>
        <source>Pro&amp;mote (finish the last stage)</source>
        <translation>Be&amp;fördern (letzte Stufe abschließen)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="276"/>
        <source>no stage is running</source>
        <translation>keine Stufe läuft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="282"/>
        <source>the run is on hold already</source>
        <translation>der Lauf ist bereits angehalten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="283"/>
        <source>the run is not on hold</source>
        <translation>der Lauf ist nicht angehalten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="285"/>
        <source>no stage is running: nothing to roll back</source>
        <translation>keine Stufe läuft: nichts zurückzurollen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="309"/>
        <source>Promote to stage %1%2: its rollout actions run against the real systems.</source>
        <translation>Auf Stufe %1%2 befördern: ihre Rollout-Aktionen laufen gegen die echten Systeme.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="311"/>
        <source> (%1 % of traffic)</source>
        <translation> (%1 % des Verkehrs)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="312"/>
        <source>Promote the last stage: the run finishes.</source>
        <translation>Die letzte Stufe befördern: der Lauf endet.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="313"/>
        <source>Promote</source>
        <translation>Befördern</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="320"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DecisionsPanel.cpp" line="321"/>
        <source>Start the rollback now? Its steps run in order against the real systems; the stopwatch starts against the target.

Reason: %1</source>
        <translation>Den Rollback jetzt starten? Seine Schritte laufen der Reihe nach gegen die echten Systeme; die Stoppuhr läuft gegen das Ziel.

Begründung: %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::DemoSession</name>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="51"/>
        <source>The demo rehearsal ended as its scenario expects. Its journal stays in %1.</source>
        <translation>Der Demo-Probelauf endete wie vom Szenario erwartet. Sein Journal bleibt in %1.</translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="53"/>
        <source>The demo rehearsal ended with exit code %1 (see its output). Journal: %2</source>
        <translation>Der Demo-Probelauf endete mit Exit-Code %1 (siehe seine Ausgabe). Journal: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="60"/>
        <source>The demo could not start: %1</source>
        <translation>Die Demo konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="75"/>
        <source>Starting the demo rehearsal: a throwaway PostgreSQL, the simulated services and the prerequisite check come first…</source>
        <translation>Starte den Demo-Probelauf: zuerst ein Wegwerf-PostgreSQL, die simulierten Dienste und die Prüfung der Voraussetzungen…</translation>
    </message>
    <message>
        <location filename="../src/gui/DemoSession.cpp" line="94"/>
        <source>Demo rehearsal: the personas lead it in a separate process; this window follows its journal read-only (%1).</source>
        <translation>Demo-Probelauf: die Personas leiten ihn in einem eigenen Prozess; dieses Fenster folgt seinem Journal nur lesend (%1).</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::DurationHistogramView</name>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="58"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="79"/>
        <source>No comparison gate has collected values yet (no_degradation gates collect the durations of this stage and the previous one when the gate is evaluated).</source>
        <translation>Noch kein Vergleichs-Gate hat Werte gesammelt (no_degradation-Gates sammeln die Dauern dieser und der vorigen Stufe, wenn das Gate ausgewertet wird).</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="84"/>
        <source>previous stage (%1)</source>
        <translation>vorige Stufe (%1)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="85"/>
        <source>this stage (%1)</source>
        <translation>diese Stufe (%1)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="106"/>
        <source>value in seconds (bin start)</source>
        <translation>Wert in Sekunden (Klassenbeginn)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="110"/>
        <source>share of the stage&apos;s values</source>
        <translation>Anteil der Werte der Stufe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="125"/>
        <source>&lt;p&gt;Above %1 s (30 min): %2 % of this stage against %3 % before.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Über %1 s (30 min): %2 % dieser Stufe gegenüber %3 % davor.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/DurationHistogramView.cpp" line="130"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;previous stage&lt;/th&gt;&lt;th&gt;this stage&lt;/th&gt;&lt;th&gt;change&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;%2&lt;p&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;vorige Stufe&lt;/th&gt;&lt;th&gt;diese Stufe&lt;/th&gt;&lt;th&gt;Änderung&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;%2&lt;p&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ErrorPatternsView</name>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>Previous stage</source>
        <translation>Vorige Stufe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>This stage</source>
        <translation>Diese Stufe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="38"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="83"/>
        <source>NEW</source>
        <translation>NEU</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="94"/>
        <source>No error patterns collected yet (no_new_values gates collect the messages of this stage and the previous one when the gate is evaluated).</source>
        <translation>Noch keine Fehlermuster gesammelt (no_new_values-Gates sammeln die Meldungen dieser und der vorigen Stufe, wenn das Gate ausgewertet wird).</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/ErrorPatternsView.cpp" line="96"/>
        <source>%n message(s) new in this stage, not seen in the previous one.</source>
        <translation>
            <numerusform>%n Meldung neu in dieser Stufe, in der vorigen nicht gesehen.</numerusform>
            <numerusform>%n Meldungen neu in dieser Stufe, in der vorigen nicht gesehen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::gui::EvidenceExporter</name>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="72"/>
        <location filename="../src/gui/EvidenceExporter.cpp" line="78"/>
        <source>Export evidence report</source>
        <translation>Nachweisbericht exportieren</translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="73"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="76"/>
        <source>Writing the evidence report of %1…</source>
        <translation>Der Nachweisbericht von %1 wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="76"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="93"/>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="98"/>
        <source>The evidence report could not be written: %1</source>
        <translation>Der Nachweisbericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="103"/>
        <source>Evidence report written to %1 (JSON bundle %2, SHA-256 %3).</source>
        <translation>Nachweisbericht nach %1 geschrieben (JSON-Paket %2, SHA-256 %3).</translation>
    </message>
    <message>
        <location filename="../src/gui/EvidenceExporter.cpp" line="105"/>
        <source>Evidence report written to %1, but the journal FAILED verification: %2</source>
        <translation>Nachweisbericht nach %1 geschrieben, aber die Prüfung des Journals ist FEHLGESCHLAGEN: %2</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::GateTimeline</name>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="81"/>
        <source>No gate has been evaluated yet.</source>
        <translation>Noch kein Gate wurde ausgewertet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/GateTimeline.cpp" line="98"/>
        <source> (%n reset(s))</source>
        <translation>
            <numerusform> (%n Zurücksetzung)</numerusform>
            <numerusform> (%n Zurücksetzungen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="120"/>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="121"/>
        <source>fail</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="122"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="123"/>
        <source>holding / waiting</source>
        <translation>hält / wartet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="124"/>
        <source>recovering</source>
        <translation>erholt sich</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="125"/>
        <source>awaiting a decision</source>
        <translation>wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="126"/>
        <source>| window reset</source>
        <translation>| Fenster zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/GateTimeline.cpp" line="155"/>
        <source>%1: %2 since %3 UTC%4</source>
        <translation>%1: %2 seit %3 UTC%4</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::GatesModel</name>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Condition and value seen</source>
        <translation>Bedingung und gesehener Wert</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Time left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="12"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="61"/>
        <source>a person confirms</source>
        <translation>eine Person bestätigt</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="61"/>
        <source>no sample yet</source>
        <translation>noch keine Messung</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="67"/>
        <source>held %1 ✔</source>
        <translation>%1 gehalten ✔</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="68"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../src/gui/models/GatesModel.cpp" line="72"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::HourlyVolumeBars</name>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="62"/>
        <source>No samples of this metric yet.</source>
        <translation>Noch keine Messwerte dieser Metrik.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="116"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="117"/>
        <source>%1: no data</source>
        <translation>%1: keine Daten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="119"/>
        <source>
typical before: %1</source>
        <translation>
üblich davor: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeBars.cpp" line="121"/>
        <source>
sudden drop</source>
        <translation>
plötzlicher Einbruch</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::HourlyVolumeView</name>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="20"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="90"/>
        <source>No metric samples yet.</source>
        <translation>Noch keine Messwerte.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="93"/>
        <source>%n hour(s), </source>
        <translation>
            <numerusform>%n Stunde, </numerusform>
            <numerusform>%n Stunden, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="94"/>
        <source>%n sudden drop(s) (below half of the previous 24 hours&apos; median), </source>
        <translation>
            <numerusform>%n plötzlicher Einbruch (unter der Hälfte des Medians der 24 Stunden davor), </numerusform>
            <numerusform>%n plötzliche Einbrüche (unter der Hälfte des Medians der 24 Stunden davor), </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/HourlyVolumeView.cpp" line="95"/>
        <source>%n hour(s) without data</source>
        <translation>
            <numerusform>%n Stunde ohne Daten</numerusform>
            <numerusform>%n Stunden ohne Daten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::gui::JournalModel</name>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="71"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="72"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="73"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="74"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../src/gui/models/JournalModel.cpp" line="75"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::JournalPanel</name>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="73"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="75"/>
        <source>All stages</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="77"/>
        <source>Everyone</source>
        <translation>Alle Personen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="79"/>
        <source>Filter: stage, person, gate, text…</source>
        <translation>Filter: Stufe, Person, Gate, Text…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="89"/>
        <source>hash chain: not checked yet</source>
        <translation>Hash-Kette: noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="107"/>
        <source>&amp;Copy as JSON</source>
        <translation>Als JSON &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="133"/>
        <source>head #%1 %2…</source>
        <translation>Kopf #%1 %2…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="134"/>
        <source>journal empty</source>
        <translation>Journal leer</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/JournalPanel.cpp" line="174"/>
        <source>hash chain: %1</source>
        <translation>Hash-Kette: %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="29"/>
        <location filename="../src/gui/MainWindow.cpp" line="80"/>
        <source>Cutover Cockpit</source>
        <translation>Cutover Cockpit</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="40"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="41"/>
        <source>&amp;Start page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="42"/>
        <source>&amp;Export evidence report…</source>
        <translation>Nachweisbericht &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="45"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="48"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="51"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="79"/>
        <source>%1 — Cutover Cockpit</source>
        <translation>%1 — Cutover Cockpit</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="104"/>
        <source>No run to export yet: the journal holds no run.</source>
        <translation>Noch kein Lauf zum Exportieren: das Journal enthält keinen Lauf.</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="126"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="127"/>
        <source>The run is still going. Close the window? The run stops here and resumes from the journal when it is opened again.</source>
        <translation>Der Lauf geht noch. Das Fenster schließen? Der Lauf hält hier an und wird beim nächsten Öffnen aus dem Journal fortgesetzt.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::MessageBanner</name>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="22"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="32"/>
        <source>✖ </source>
        <translation>✖ </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="32"/>
        <source>⚠ </source>
        <translation>⚠ </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MessageBanner.cpp" line="32"/>
        <source>ℹ </source>
        <translation>ℹ </translation>
    </message>
</context>
<context>
    <name>cockpit::gui::MetricChartView</name>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="315"/>
        <source> · %1 %</source>
        <translation> · %1 %</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="317"/>
        <source> (attempt %1)</source>
        <translation> (Versuch %1)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="357"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="391"/>
        <source>gate passes</source>
        <translation>Gate besteht</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="392"/>
        <source>gate fails</source>
        <translation>Gate scheitert</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="393"/>
        <source>no gate on this metric here</source>
        <translation>hier kein Gate auf dieser Metrik</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/MetricChartView.cpp" line="395"/>
        <source>%1%2 at %3 UTC (%4) — %5</source>
        <translation>%1%2 um %3 UTC (%4) — %5</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::OverviewPanel</name>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="25"/>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="43"/>
        <source>Gates of the current stage</source>
        <translation>Gates der aktuellen Stufe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="74"/>
        <source>Soak: %1 left of %2 · ends %3</source>
        <translation>Einwirken: %1 übrig von %2 · endet %3</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="77"/>
        <source>Soak: complete (%1)</source>
        <translation>Einwirken: abgeschlossen (%1)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="83"/>
        <source>promoting into the next stage needs a second person&apos;s approval</source>
        <translation>die Beförderung in die nächste Stufe braucht die Freigabe einer zweiten Person</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="85"/>
        <source>No blockers.</source>
        <translation>Keine Blocker.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="86"/>
        <source>Blockers:
• %1</source>
        <translation>Blocker:
• %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/OverviewPanel.cpp" line="88"/>
        <source>%n decision(s) waiting — see the Decisions tab.</source>
        <translation>
            <numerusform>%n Entscheidung wartet — siehe Reiter Entscheidungen.</numerusform>
            <numerusform>%n Entscheidungen warten — siehe Reiter Entscheidungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PendingModel</name>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="8"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="56"/>
        <source>%1 (stage %2)</source>
        <translation>%1 (Stufe %2)</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="62"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PendingModel.cpp" line="63"/>
        <source>overdue by %1</source>
        <translation>überfällig seit %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PlaceholderPanel</name>
    <message>
        <location filename="../src/gui/panels/PlaceholderPanel.cpp" line="12"/>
        <source>%1 — coming in a later release.</source>
        <translation>%1 — kommt in einer späteren Version.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PrerequisitesModel</name>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Prerequisite</source>
        <translation>Voraussetzung</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>What was seen</source>
        <translation>Was gesehen wurde</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="14"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="15"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="15"/>
        <source>Confirmed by</source>
        <translation>Bestätigt von</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="78"/>
        <source>checking…</source>
        <translation>prüfe…</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="81"/>
        <source>manual: a person signs off</source>
        <translation>manuell: eine Person zeichnet ab</translation>
    </message>
    <message>
        <location filename="../src/gui/models/PrerequisitesModel.cpp" line="83"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::PrerequisitesPanel</name>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="30"/>
        <source>Check &amp;selected</source>
        <translation>&amp;Gewählte prüfen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="31"/>
        <source>Check ca&amp;tegory</source>
        <translation>&amp;Kategorie prüfen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="32"/>
        <source>Check &amp;all</source>
        <translation>&amp;Alle prüfen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="33"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="38"/>
        <source>Si&amp;gn off</source>
        <translation>&amp;Abzeichnen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="53"/>
        <source>%v of %m checked</source>
        <translation>%v von %m geprüft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="74"/>
        <source>Select a prerequisite to see exactly what was observed.</source>
        <translation>Wählen Sie eine Voraussetzung, um genau zu sehen, was beobachtet wurde.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="84"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="86"/>
        <source>Comment: what was checked, where</source>
        <translation>Kommentar: was wurde wo geprüft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="88"/>
        <source>Manual item:</source>
        <translation>Manueller Punkt:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="95"/>
        <source>Secrets: ready checklist and missing credentials (never a value)</source>
        <translation>Geheimnisse: Bereitschafts-Checkliste und fehlende Zugangsdaten (nie ein Wert)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="99"/>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="156"/>
        <source>%1 passed · %2 not passed · %3 not checked yet</source>
        <translation>%1 bestanden · %2 nicht bestanden · %3 noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="187"/>
        <source>Prerequisites are being checked: wait or cancel.</source>
        <translation>Voraussetzungen werden gerade geprüft: warten oder abbrechen.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="195"/>
        <source>read-only viewer</source>
        <translation>Nur-Lese-Ansicht</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="198"/>
        <source>Check every prerequisite in parallel</source>
        <translation>Alle Voraussetzungen parallel prüfen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="201"/>
        <source>Select a prerequisite first</source>
        <translation>Wählen Sie zuerst eine Voraussetzung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="202"/>
        <source>A manual item is signed off below, not checked by a probe</source>
        <translation>Ein manueller Punkt wird unten abgezeichnet, nicht von einer Sonde geprüft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="203"/>
        <source>Check %1 now</source>
        <translation>%1 jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="206"/>
        <source>Select a prerequisite of the category first</source>
        <translation>Wählen Sie zuerst eine Voraussetzung der Kategorie</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="207"/>
        <source>Check every prerequisite of category %1</source>
        <translation>Alle Voraussetzungen der Kategorie %1 prüfen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="208"/>
        <source>Stop the checks still running</source>
        <translation>Die noch laufenden Prüfungen anhalten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="208"/>
        <source>Nothing is being checked</source>
        <translation>Es wird nichts geprüft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="212"/>
        <source>Select a manual prerequisite to sign it off</source>
        <translation>Wählen Sie eine manuelle Voraussetzung, um sie abzuzeichnen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="213"/>
        <source>Sign off %1 as %2</source>
        <translation>%1 als %2 abzeichnen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="214"/>
        <source>A sign-off needs a name and a comment</source>
        <translation>Eine Abzeichnung braucht einen Namen und einen Kommentar</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="262"/>
        <source>? unknown here</source>
        <translation>? hier unbekannt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="263"/>
        <source>✔ ready</source>
        <translation>✔ bereit</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="264"/>
        <source>✘ MISSING</source>
        <translation>✘ FEHLT</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="265"/>
        <source>– not set (optional)</source>
        <translation>– nicht gesetzt (optional)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="266"/>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/PrerequisitesPanel.cpp" line="266"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RollbackPanel</name>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="50"/>
        <source>Roll &amp;back…</source>
        <translation>&amp;Zurückrollen…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="51"/>
        <source>Raise &amp;trigger…</source>
        <translation>Auslöser &amp;melden…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="55"/>
        <source>Rollback procedure</source>
        <translation>Rollback-Verfahren</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="78"/>
        <source>Why — journaled with your name (for a rollback or a raised trigger)</source>
        <translation>Warum — mit Ihrem Namen protokolliert (für einen Rollback oder einen gemeldeten Auslöser)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="88"/>
        <source>Triggers — each with its condition and the values last seen:</source>
        <translation>Auslöser — jeder mit seiner Bedingung und den zuletzt gesehenen Werten:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="110"/>
        <source>Raise trigger</source>
        <translation>Auslöser melden</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="111"/>
        <source>Raise trigger %1 now? Its action (rollback, extend, incident) follows.</source>
        <translation>Auslöser %1 jetzt melden? Seine Aktion (Rollback, Verlängerung, Incident) folgt.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="145"/>
        <source>%1 Rollback %2 in %3 — target %4, %5</source>
        <translation>%1 Rollback %2 in %3 — Ziel %4, %5</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="147"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="147"/>
        <source>ended with failures</source>
        <translation>mit Fehlern beendet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="149"/>
        <source>OVER TARGET</source>
        <translation>ÜBER DEM ZIEL</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="149"/>
        <source>within target</source>
        <translation>innerhalb des Ziels</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="152"/>
        <source>◷ %1 — OVERDUE by %2 (target %3)</source>
        <translation>◷ %1 — ÜBERFÄLLIG um %2 (Ziel %3)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="156"/>
        <source>◷ %1 of %2 — %3 left</source>
        <translation>◷ %1 von %2 — %3 übrig</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="162"/>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="164"/>
        <source> automatically</source>
        <translation> automatisch</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="166"/>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="190"/>
        <source> by %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="168"/>
        <source> (trigger %1)</source>
        <translation> (Auslöser %1)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="170"/>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="174"/>
        <source>Not rolling back</source>
        <translation>Kein Rollback im Gange</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="176"/>
        <source>The procedure&apos;s %1 steps run in order once a rollback starts; the stopwatch then runs against the target.</source>
        <translation>Die %1 Schritte des Verfahrens laufen der Reihe nach, sobald ein Rollback beginnt; dann läuft die Stoppuhr gegen das Ziel.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="202"/>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="203"/>
        <source>read-only viewer</source>
        <translation>Nur-Lese-Ansicht</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="207"/>
        <source>the run has ended</source>
        <translation>der Lauf ist beendet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="207"/>
        <source>no run is open</source>
        <translation>kein Lauf ist geöffnet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="216"/>
        <source>a rollback is under way</source>
        <translation>ein Rollback ist im Gange</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="218"/>
        <source>the run is rolled back already</source>
        <translation>der Lauf ist bereits zurückgerollt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="220"/>
        <source>no stage is running: nothing to roll back</source>
        <translation>keine Stufe läuft: nichts zurückzurollen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="222"/>
        <source>write a reason first</source>
        <translation>schreiben Sie zuerst eine Begründung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="227"/>
        <source>select a trigger</source>
        <translation>wählen Sie einen Auslöser</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="229"/>
        <source>write what was observed first</source>
        <translation>schreiben Sie zuerst, was beobachtet wurde</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="243"/>
        <source>Start the rollback now? These steps run in order against the real systems, and the stopwatch starts against the target:

%1

Reason: %2</source>
        <translation>Den Rollback jetzt starten? Diese Schritte laufen der Reihe nach gegen die echten Systeme, und die Stoppuhr läuft gegen das Ziel:

%1

Begründung: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="245"/>
        <source>  (the runbook lists no steps)</source>
        <translation>  (das Runbook nennt keine Schritte)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RollbackPanel.cpp" line="247"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunActions</name>
    <message>
        <location filename="../src/gui/RunActions.cpp" line="37"/>
        <source>&amp;Decide…</source>
        <translation>&amp;Entscheiden…</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/RunActions.cpp" line="99"/>
        <source>Go to the first of %n decision(s) waiting for you</source>
        <translation>
            <numerusform>Zur ersten von %n wartenden Entscheidung</numerusform>
            <numerusform>Zur ersten von %n wartenden Entscheidungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/RunActions.cpp" line="100"/>
        <source>no decision is waiting</source>
        <translation>keine Entscheidung wartet</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunNotifier</name>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="14"/>
        <source>Cutover Cockpit</source>
        <translation>Cutover Cockpit</translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="41"/>
        <source>Gate failed: %1</source>
        <translation>Gate fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="44"/>
        <source>Trigger fired: %1</source>
        <translation>Auslöser ausgelöst: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="47"/>
        <source>Decision needed: %1</source>
        <translation>Entscheidung nötig: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/RunNotifier.cpp" line="49"/>
        <source>Rollback finished</source>
        <translation>Rollback beendet</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunOpening</name>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="61"/>
        <source>Not started: another process leads this run. %1</source>
        <translation>Nicht gestartet: ein anderer Prozess leitet diesen Lauf. %1</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="64"/>
        <source>Not resumed: the runbook changed since the run started. %1</source>
        <translation>Nicht fortgesetzt: das Runbook hat sich seit dem Start des Laufs geändert. %1</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="67"/>
        <source>Not started: a required secret is missing; store it in the keychain and start again.</source>
        <translation>Nicht gestartet: ein erforderliches Geheimnis fehlt; speichern Sie es im Schlüsselbund und starten Sie erneut.</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="71"/>
        <source>NO-GO: the run does not start. %1</source>
        <translation>NO-GO: der Lauf startet nicht. %1</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="99"/>
        <source>The runbook %1 has errors:
%2</source>
        <translation>Das Runbook %1 hat Fehler:
%2</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="128"/>
        <source>Starting %1: opening the journal, taking the lease, checking the prerequisites…</source>
        <translation>Starte %1: öffne das Journal, übernehme die Leitung, prüfe die Voraussetzungen…</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="184"/>
        <source>Resumed the unfinished run from its journal.</source>
        <translation>Den unfertigen Lauf aus seinem Journal fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="184"/>
        <source>Run started.</source>
        <translation>Lauf gestartet.</translation>
    </message>
    <message>
        <location filename="../src/gui/RunOpening.cpp" line="212"/>
        <source>Cannot watch the journal: %1</source>
        <translation>Das Journal kann nicht verfolgt werden: %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunView</name>
    <message>
        <location filename="../src/gui/RunView.cpp" line="48"/>
        <source>Sign o&amp;ff…</source>
        <translation>Ab&amp;zeichnen…</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="49"/>
        <source>Co&amp;nnections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="62"/>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="63"/>
        <source>&amp;Prerequisites</source>
        <translation>&amp;Voraussetzungen</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="64"/>
        <source>&amp;Decisions</source>
        <translation>&amp;Entscheidungen</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="65"/>
        <source>St&amp;ages</source>
        <translation>St&amp;ufen</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="66"/>
        <source>Ro&amp;llback</source>
        <translation>Roll&amp;back</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="67"/>
        <source>&amp;Schedule</source>
        <translation>&amp;Zeitplan</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="68"/>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="69"/>
        <source>&amp;Validation</source>
        <translation>&amp;Validierung</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="70"/>
        <source>Reconciliation</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="71"/>
        <source>Evidence export (PDF)</source>
        <translation>Nachweis-Export (PDF)</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="71"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="83"/>
        <source>Every connection of the runbook: its secret in the keychain, test it</source>
        <translation>Jede Verbindung des Runbooks: ihr Geheimnis im Schlüsselbund, testen</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="116"/>
        <location filename="../src/gui/RunView.cpp" line="169"/>
        <source>read-only viewer</source>
        <translation>Nur-Lese-Ansicht</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="119"/>
        <source>this run cannot be restarted from the window: restart it to use the changed runbook</source>
        <translation>dieser Lauf kann nicht aus dem Fenster neu gestartet werden: starten Sie ihn neu, um das geänderte Runbook zu verwenden</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="141"/>
        <source>The run ended: %1</source>
        <translation>Der Lauf ist beendet: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="158"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="171"/>
        <source>Sign off the run: outcome, issues, notes; and the communications to send</source>
        <translation>Den Lauf abzeichnen: Ergebnis, Probleme, Notizen; und die zu versendenden Mitteilungen</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="172"/>
        <source>The run is signed off once it has finished or rolled back.</source>
        <translation>Der Lauf wird abgezeichnet, sobald er beendet oder zurückgerollt ist.</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="203"/>
        <source>Continue with the changed runbook</source>
        <translation>Mit dem geänderten Runbook fortfahren</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="204"/>
        <source>The run stops here and resumes from its journal with the changed runbook. The change and your reason are journaled as your decision.

%1

Reason: %2</source>
        <translation>Der Lauf hält hier an und wird mit dem geänderten Runbook aus seinem Journal fortgesetzt. Die Änderung und Ihre Begründung werden als Ihre Entscheidung im Journal festgehalten.

%1

Begründung: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="240"/>
        <source>Not sent: this is a read-only viewer.</source>
        <translation>Nicht gesendet: dies ist eine Nur-Lese-Ansicht.</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="241"/>
        <source>No run is open.</source>
        <translation>Kein Lauf ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="254"/>
        <source>The engine did not answer the command.</source>
        <translation>Die Engine hat den Befehl nicht beantwortet.</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="255"/>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <location filename="../src/gui/RunView.cpp" line="263"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunbookChangeBanner</name>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="23"/>
        <source>Continue with the changed runbook…</source>
        <translation>Mit dem geänderten Runbook fortfahren…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="24"/>
        <source>Keep the running runbook</source>
        <translation>Laufendes Runbook behalten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="44"/>
        <source>Why continue with the changed runbook — journaled with your name</source>
        <translation>Warum mit dem geänderten Runbook fortfahren — wird mit Ihrem Namen festgehalten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="47"/>
        <source>Hide this until the file changes again; the run goes on as it started</source>
        <translation>Ausblenden, bis sich die Datei wieder ändert; der Lauf geht weiter wie begonnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="67"/>
        <source>The runbook %1 changed on disk: %n change(s). The run goes on with the runbook it started with; nothing changes until you decide.</source>
        <translation>
            <numerusform>Das Runbook %1 wurde auf der Festplatte geändert: %n Änderung. Der Lauf geht mit dem Runbook weiter, mit dem er begonnen hat; nichts ändert sich, bis Sie entscheiden.</numerusform>
            <numerusform>Das Runbook %1 wurde auf der Festplatte geändert: %n Änderungen. Der Lauf geht mit dem Runbook weiter, mit dem er begonnen hat; nichts ändert sich, bis Sie entscheiden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="72"/>
        <source>The runbook %1 changed on disk and no longer loads. The run goes on with the runbook it started with.</source>
        <translation>Das Runbook %1 wurde auf der Festplatte geändert und lässt sich nicht mehr laden. Der Lauf geht mit dem Runbook weiter, mit dem er begonnen hat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="78"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="109"/>
        <source>the changed runbook has errors: fix the file first</source>
        <translation>das geänderte Runbook hat Fehler: korrigieren Sie zuerst die Datei</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/RunbookChangeBanner.cpp" line="111"/>
        <source>write a reason first</source>
        <translation>schreiben Sie zuerst eine Begründung</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::RunbookWatcher</name>
    <message>
        <location filename="../src/gui/RunbookWatcher.cpp" line="36"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/RunbookWatcher.cpp" line="56"/>
        <source>the file differs in formatting or comments only</source>
        <translation>die Datei unterscheidet sich nur in Formatierung oder Kommentaren</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ScheduleModel</name>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="12"/>
        <source>Late</source>
        <translation>Verspätung</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="45"/>
        <source>window step</source>
        <translation>Fensterschritt</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="45"/>
        <source>milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <location filename="../src/gui/models/ScheduleModel.cpp" line="50"/>
        <source>%1 late</source>
        <translation>%1 zu spät</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::SchedulePanel</name>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="43"/>
        <source>T-0 held: %1</source>
        <translation>T-0 gehalten: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="46"/>
        <source>Point of no return at %1, in %2</source>
        <translation>Point of no Return um %1, in %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="49"/>
        <source>Point of no return passed at %1: a rollback is a decision now</source>
        <translation>Point of no Return um %1 überschritten: ein Rollback ist jetzt eine Entscheidung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/SchedulePanel.cpp" line="53"/>
        <source>The runbook has no schedule.</source>
        <translation>Das Runbook hat keinen Zeitplan.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::SeriesTableModel</name>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="39"/>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="44"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="42"/>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="43"/>
        <source>fail</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="61"/>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="62"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="63"/>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../src/gui/models/SeriesTableModel.cpp" line="64"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::SignOffDialog</name>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="29"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="30"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="31"/>
        <source>Lead</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="33"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="37"/>
        <source>Issues encountered</source>
        <translation>Aufgetretene Probleme</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="38"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="48"/>
        <source>Sign off &quot;%1&quot;. The sign-off is journaled with your name and cannot be changed afterwards.</source>
        <translation>„%1“ abzeichnen. Die Abzeichnung wird mit Ihrem Namen protokolliert und kann danach nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="83"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="89"/>
        <source>%1 — to %2</source>
        <translation>%1 — an %2</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="98"/>
        <source>&amp;Sign off</source>
        <translation>&amp;Abzeichnen</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/SignOffDialog.cpp" line="133"/>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StageCard</name>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="42"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="99"/>
        <source>%1. %2 — %3 %</source>
        <translation>%1. %2 — %3 %</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="100"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="103"/>
        <source> · attempt %1</source>
        <translation> · Versuch %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="112"/>
        <source>planned soak %1</source>
        <translation>geplantes Einwirken %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="115"/>
        <source> · in the stage for %1 (entered %2)</source>
        <translation> · in der Stufe seit %1 (betreten %2)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="120"/>
        <source> · soak extended to %1</source>
        <translation> · Einwirken verlängert auf %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="127"/>
        <source> · earliest start %1</source>
        <translation> · frühester Beginn %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="129"/>
        <source> · soaked and promoted</source>
        <translation> · eingewirkt und befördert</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="141"/>
        <source>Soak %1 left of %2 · ETA %3</source>
        <translation>Einwirken %1 übrig von %2 · voraussichtlich %3</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="144"/>
        <source>Soak complete (%1, ended %2)</source>
        <translation>Einwirken abgeschlossen (%1, beendet %2)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="149"/>
        <source>Soak stopped: rolling back</source>
        <translation>Einwirken angehalten: Rollback läuft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="150"/>
        <source>Soak starts once the rollout and its checks are done</source>
        <translation>Einwirken beginnt, wenn der Rollout und seine Prüfungen erledigt sind</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Current value</source>
        <translation>Aktueller Wert</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="167"/>
        <source>Resets</source>
        <translation>Zurücksetzungen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="186"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="191"/>
        <source>a person confirms</source>
        <translation>eine Person bestätigt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="191"/>
        <source>no sample yet</source>
        <translation>noch keine Messung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="201"/>
        <source>held %1 ✔</source>
        <translation>%1 gehalten ✔</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="203"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="205"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="209"/>
        <source>1 reset</source>
        <translation>1 Zurücksetzung</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="209"/>
        <source>%1 resets</source>
        <translation>%1 Zurücksetzungen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageCard.cpp" line="211"/>
        <source>, last breach %1</source>
        <translation>, letzte Verletzung %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StageStepper</name>
    <message>
        <location filename="../src/gui/panels/StageStepper.cpp" line="64"/>
        <source>
%1 % traffic</source>
        <translation>
%1 % Verkehr</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StageStepper.cpp" line="69"/>
        <source>soak %1</source>
        <translation>Einwirken %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StagesPanel</name>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="51"/>
        <source>Running stage</source>
        <translation>Laufende Stufe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="54"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="249"/>
        <source>Promote</source>
        <translation>Befördern</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="55"/>
        <source>Approve as second person</source>
        <translation>Als zweite Person freigeben</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="56"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="216"/>
        <source>Hold</source>
        <translation>Halt</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="66"/>
        <source>Why — journaled with your name (optional)</source>
        <translation>Warum — mit Ihrem Namen protokolliert (optional)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="67"/>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="69"/>
        <source>Name of the second person (not the lead)</source>
        <translation>Name der zweiten Person (nicht der Leitung)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="70"/>
        <source>Second person:</source>
        <translation>Zweite Person:</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="140"/>
        <source>This runbook has no stages.</source>
        <translation>Dieses Runbook hat keine Stufen.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="140"/>
        <source>No run is open.</source>
        <translation>Kein Lauf ist geöffnet.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="144"/>
        <source>Stage %1 of %2: %3%4</source>
        <translation>Stufe %1 von %2: %3%4</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="148"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="231"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="247"/>
        <source> (%1 % of traffic)</source>
        <translation> (%1 % des Verkehrs)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="150"/>
        <source>%1 stages; none is running.</source>
        <translation>%1 Stufen; keine läuft.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="162"/>
        <source>Enter %1 (%2 %)</source>
        <translation>%1 betreten (%2 %)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="163"/>
        <source>Enter %1</source>
        <translation>%1 betreten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="165"/>
        <source>Promote to %1 %</source>
        <translation>Auf %1 % befördern</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="166"/>
        <source>Promote to %1</source>
        <translation>Auf %1 befördern</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="167"/>
        <source>Finish the last stage</source>
        <translation>Die letzte Stufe abschließen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="170"/>
        <source>read-only viewer</source>
        <translation>Nur-Lese-Ansicht</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="174"/>
        <source>the run has ended</source>
        <translation>der Lauf ist beendet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="174"/>
        <source>no run is open</source>
        <translation>kein Lauf ist geöffnet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="184"/>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="192"/>
        <source>the run is on hold: resume first</source>
        <translation>der Lauf ist angehalten: zuerst fortsetzen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="187"/>
        <source>the run is rolling back</source>
        <translation>der Lauf rollt zurück</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="188"/>
        <source>no stage is running</source>
        <translation>keine Stufe läuft</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="204"/>
        <source>the next stage is approved already</source>
        <translation>die nächste Stufe ist bereits freigegeben</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="205"/>
        <source>the next stage needs no second approval</source>
        <translation>die nächste Stufe braucht keine zweite Freigabe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="207"/>
        <source>enter the second person&apos;s name</source>
        <translation>geben Sie den Namen der zweiten Person ein</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="211"/>
        <source>%1 leads this run and cannot approve their own promotion: a second person is needed</source>
        <translation>%1 leitet diesen Lauf und kann die eigene Beförderung nicht freigeben: eine zweite Person ist nötig</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="216"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="227"/>
        <source>Enter stage</source>
        <translation>Stufe betreten</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="228"/>
        <source>Enter stage %1%2: its rollout actions run against the real systems, and its soak and gates start.</source>
        <translation>Stufe %1%2 betreten: ihre Rollout-Aktionen laufen gegen die echten Systeme, und ihr Einwirken und ihre Gates beginnen.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="244"/>
        <source>Promote to stage %1%2: its rollout actions run against the real systems, and its soak and gates start.</source>
        <translation>Auf Stufe %1%2 befördern: ihre Rollout-Aktionen laufen gegen die echten Systeme, und ihr Einwirken und ihre Gates beginnen.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StagesPanel.cpp" line="248"/>
        <source>Finish the last stage: the run moves on to its follow-up or ends.</source>
        <translation>Die letzte Stufe abschließen: der Lauf geht zur Nachbereitung über oder endet.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StartDialog</name>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="17"/>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="24"/>
        <source>RUNBOOK.journal next to the runbook</source>
        <translation>RUNBOOK.journal neben dem Runbook</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="23"/>
        <source>postgresql://lead@host:5432/cutover</source>
        <translation>postgresql://lead@host:5432/cutover</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="29"/>
        <source>Journal file</source>
        <translation>Journal-Datei</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="30"/>
        <source>Journals (*.journal *.sqlite);;All files (*)</source>
        <translation>Journale (*.journal *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="47"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="74"/>
        <source>Resume the unfinished run %1 found in the journal</source>
        <translation>Den unfertigen Lauf %1 aus dem Journal fortsetzen</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="109"/>
        <source>LIVE — production. Every write runs against the real systems after your confirmation, and everything is journaled under your name.</source>
        <translation>LIVE — Produktion. Jeder Schreibzugriff läuft nach Ihrer Bestätigung gegen die echten Systeme, und alles wird unter Ihrem Namen protokolliert.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="112"/>
        <source>DRY RUN — every read is made; no write is sent, each is journaled as what it would send.</source>
        <translation>TROCKENLAUF — jeder Lesezugriff wird ausgeführt; kein Schreibzugriff wird gesendet, jeder wird so protokolliert, wie er gesendet würde.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="113"/>
        <source>REHEARSAL — the same runbook with its rehearsal parameters; writes to connections marked production are refused.</source>
        <translation>PROBELAUF — dasselbe Runbook mit seinen Probeparametern; Schreibzugriffe auf als Produktion markierte Verbindungen werden verweigert.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="129"/>
        <source>Start dry run</source>
        <translation>Trockenlauf starten</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="121"/>
        <source>Name the lead: every decision is journaled with a name.</source>
        <translation>Nennen Sie die Leitung: jede Entscheidung wird mit einem Namen protokolliert.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="124"/>
        <source>A shared journal is a postgresql://… address.</source>
        <translation>Ein gemeinsames Journal ist eine postgresql://…-Adresse.</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="129"/>
        <source>Start LIVE run</source>
        <translation>LIVE-Lauf starten</translation>
    </message>
    <message>
        <location filename="../src/gui/dialogs/StartDialog.cpp" line="129"/>
        <source>Start rehearsal</source>
        <translation>Probelauf starten</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::StartPage</name>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="22"/>
        <source>Cutover Cockpit</source>
        <translation>Cutover Cockpit</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="28"/>
        <source>Open a runbook to rehearse or run a cutover, or watch a run read-only from its journal.</source>
        <translation>Öffnen Sie ein Runbook, um einen Cutover zu proben oder durchzuführen, oder verfolgen Sie einen Lauf nur lesend über sein Journal.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="34"/>
        <source>&lt;b&gt;Recent runbooks&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zuletzt geöffnete Runbooks&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="35"/>
        <source>&lt;b&gt;Recent journals&lt;/b&gt; (open read-only)</source>
        <translation>&lt;b&gt;Zuletzt geöffnete Journale&lt;/b&gt; (nur lesend öffnen)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="40"/>
        <source>&amp;Open runbook…</source>
        <translation>Runbook ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="41"/>
        <source>&amp;Watch a journal…</source>
        <translation>Journal &amp;verfolgen…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="65"/>
        <source>Open runbook</source>
        <translation>Runbook öffnen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="66"/>
        <source>Runbooks (*.yaml *.yml);;All files (*)</source>
        <translation>Runbooks (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="75"/>
        <source>Watch a journal</source>
        <translation>Ein Journal verfolgen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/StartPage.cpp" line="75"/>
        <source>Journal (SQLite file or postgresql://viewer@host/db):</source>
        <translation>Journal (SQLite-Datei oder postgresql://viewer@host/db):</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::TriggersModel</name>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="12"/>
        <source>Values seen</source>
        <translation>Gesehene Werte</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="45"/>
        <source>✖ FIRING</source>
        <translation>✖ AUSGELÖST</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="47"/>
        <source>fired %1</source>
        <translation>ausgelöst %1</translation>
    </message>
    <message>
        <location filename="../src/gui/models/TriggersModel.cpp" line="48"/>
        <source>✔ quiet</source>
        <translation>✔ ruhig</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ValidationPanel</name>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="76"/>
        <source>Waiting for samples from the journal…</source>
        <translation>Warte auf Messwerte aus dem Journal…</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="87"/>
        <source>Metrics over time</source>
        <translation>Metriken über die Zeit</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="88"/>
        <source>Durations vs previous stage</source>
        <translation>Dauern gegenüber der vorigen Stufe</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="92"/>
        <source>Gate timeline</source>
        <translation>Gate-Zeitleiste</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="93"/>
        <source>Error patterns</source>
        <translation>Fehlermuster</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="94"/>
        <source>Hourly volume</source>
        <translation>Stündliches Volumen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="123"/>
        <source>earlier run %1, started %2</source>
        <translation>früherer Lauf %1, begonnen %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="305"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="307"/>
        <source>Show the samples as a table instead of the chart</source>
        <translation>Die Messwerte als Tabelle statt als Diagramm zeigen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="310"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="312"/>
        <source>Show the query behind this chart</source>
        <translation>Die Abfrage hinter diesem Diagramm zeigen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="365"/>
        <source>No query: this metric is not in the runbook.</source>
        <translation>Keine Abfrage: diese Metrik steht nicht im Runbook.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="366"/>
        <source>-- on connection %1
%2</source>
        <translation>-- auf Verbindung %1
%2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="387"/>
        <source>No metric samples in this run yet.</source>
        <translation>Noch keine Messwerte in diesem Lauf.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="388"/>
        <source>%n sample(s) of %1 metric(s). Wheel or +/− zooms, drag or ←/→ pans, Home shows all.</source>
        <translation>
            <numerusform>%n Messwert von %1 Metrik(en). Mausrad oder +/− zoomt, Ziehen oder ←/→ verschiebt, Pos1 zeigt alles.</numerusform>
            <numerusform>%n Messwerte von %1 Metrik(en). Mausrad oder +/− zoomt, Ziehen oder ←/→ verschiebt, Pos1 zeigt alles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/panels/ValidationPanel.cpp" line="392"/>
        <source>Orange: %1, aligned at each stage entry.</source>
        <translation>Orange: %1, an jedem Stufenbeginn ausgerichtet.</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::VerdictBar</name>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="94"/>
        <source>No run open</source>
        <translation>Kein Lauf geöffnet</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="96"/>
        <source> · dry run</source>
        <translation> · Trockenlauf</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="98"/>
        <source> · READ-ONLY viewer, led by %1</source>
        <translation> · NUR-LESE-Ansicht, geleitet von %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="107"/>
        <source>Nothing blocks the next step.</source>
        <translation>Nichts blockiert den nächsten Schritt.</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="112"/>
        <source> — run %1</source>
        <translation> — Lauf %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="114"/>
        <source> · stage %1</source>
        <translation> · Stufe %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="120"/>
        <source>no lease held</source>
        <translation>keine Leitung übernommen</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="122"/>
        <source>you lead (%1)</source>
        <translation>Sie leiten (%1)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="123"/>
        <source>led by %1 on %2</source>
        <translation>geleitet von %1 auf %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="129"/>
        <source>rollback OVERDUE by %1 (target %2)</source>
        <translation>Rollback ÜBERFÄLLIG um %1 (Ziel %2)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="131"/>
        <source>rollback %1 left of %2</source>
        <translation>Rollback %1 übrig von %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="134"/>
        <source>soak %1 left · ends %2</source>
        <translation>Einwirken %1 übrig · endet %2</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="141"/>
        <source>❚❚ ON HOLD (by the lead)</source>
        <translation>❚❚ ANGEHALTEN (von der Leitung)</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="141"/>
        <source>❚❚ ON HOLD · %1</source>
        <translation>❚❚ ANGEHALTEN · %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="165"/>
        <source>STALE — no update for %1</source>
        <translation>VERALTET — keine Aktualisierung seit %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="166"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="170"/>
        <source>last event %1</source>
        <translation>letztes Ereignis %1</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="171"/>
        <source>no event yet</source>
        <translation>noch kein Ereignis</translation>
    </message>
    <message>
        <location filename="../src/gui/panels/VerdictBar.cpp" line="187"/>
        <source>STALE: %1</source>
        <translation>VERALTET: %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::ViewerController</name>
    <message>
        <location filename="../src/gui/ViewerController.cpp" line="63"/>
        <source>read-only viewer: commands are refused</source>
        <translation>Nur-Lese-Ansicht: Befehle werden abgelehnt</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::WallboardModel</name>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="67"/>
        <source>accepted %1 %2</source>
        <translation>%1 %2 akzeptiert</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="67"/>
        <source>rejected %1 %2</source>
        <translation>%1 %2 abgelehnt</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="68"/>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="74"/>
        <source>%1 — by %2 at %3</source>
        <translation>%1 — von %2 um %3</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="72"/>
        <source>confirmed %1</source>
        <translation>%1 bestätigt</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="73"/>
        <source>approved %1 of %2</source>
        <translation>%1 von %2 freigegeben</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="76"/>
        <source>rollback started — by %1 at %2</source>
        <translation>Rollback gestartet — von %1 um %2</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="117"/>
        <source>%1: %2 (gate %3 %4)</source>
        <translation>%1: %2 (Gate %3 %4)</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="118"/>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="122"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="122"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="193"/>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="194"/>
        <source>DRY RUN</source>
        <translation>TROCKENLAUF</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="194"/>
        <source>REHEARSAL</source>
        <translation>PROBELAUF</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="222"/>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="222"/>
        <source>run %1 · led by %2</source>
        <translation>Lauf %1 · geleitet von %2</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="249"/>
        <source>%1 % traffic</source>
        <translation>%1 % Verkehr</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="264"/>
        <source>The run has ended (%1).</source>
        <translation>Der Lauf ist beendet (%1).</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="268"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="269"/>
        <source>Waiting for a person: %1</source>
        <translation>Wartet auf eine Person: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="270"/>
        <source>Waiting for a person: %1 — %2</source>
        <translation>Wartet auf eine Person: %1 — %2</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="277"/>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="278"/>
        <source>Next: %1 (%2)</source>
        <translation>Als Nächstes: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="289"/>
        <source>soak %1 left</source>
        <translation>Einwirken noch %1</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="314"/>
        <source>%1 h / %2 h</source>
        <translation>%1 h / %2 h</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="315"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="345"/>
        <source>ETA %1</source>
        <translation>voraussichtlich %1</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="364"/>
        <source>waiting for the journal</source>
        <translation>warte auf das Journal</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="367"/>
        <source>STALE — no update for %1</source>
        <translation>VERALTET — keine Aktualisierung seit %1</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardModel.cpp" line="368"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>cockpit::gui::WallboardWindow</name>
    <message>
        <location filename="../src/gui/wallboard/WallboardWindow.cpp" line="22"/>
        <source>Cannot follow the journal: %1</source>
        <translation>Dem Journal kann nicht gefolgt werden: %1</translation>
    </message>
    <message>
        <location filename="../src/gui/wallboard/WallboardWindow.cpp" line="35"/>
        <source>Cutover Cockpit — wallboard</source>
        <translation>Cutover Cockpit — Wandtafel</translation>
    </message>
</context>
</TS>
