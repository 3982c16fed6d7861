<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>MediaTexts</name>
    <message>
        <source>Ihre Verbindung ist langsam: Ihr Bild wird in geringerer Qualität übertragen.</source>
        <translation>Your connection is slow: your picture is sent in lower quality.</translation>
    </message>
    <message>
        <source>Ihre Verbindung ist langsam: Ihr Bild ist angehalten, damit der Ton erhalten bleibt.</source>
        <translation>Your connection is slow: your picture is paused to keep the sound.</translation>
    </message>
    <message>
        <source>Ihre Verbindung reicht nur noch für den Chat: Bild und Ton sind angehalten.</source>
        <translation>Your connection is only good enough for the chat: picture and sound are paused.</translation>
    </message>
    <message>
        <source>Die Verbindung Ihres Gegenübers ist langsam: Das Bild kommt in geringerer Qualität.</source>
        <translation>The other side&apos;s connection is slow: the picture arrives in lower quality.</translation>
    </message>
    <message>
        <source>Die Verbindung Ihres Gegenübers ist langsam: Das Bild ist angehalten, der Ton läuft weiter.</source>
        <translation>The other side&apos;s connection is slow: the picture is paused, the sound goes on.</translation>
    </message>
    <message>
        <source>Die Verbindung Ihres Gegenübers reicht nur noch für den Chat: Bild und Ton sind angehalten.</source>
        <translation>The other side&apos;s connection is only good enough for the chat: picture and sound are paused.</translation>
    </message>
    <message>
        <source>Die Verbindung ist wieder gut: Bild und Ton in voller Qualität.</source>
        <translation>The connection is good again: picture and sound in full quality.</translation>
    </message>
    <message>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Mikrofon</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Lautsprecher</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>Ihre Kamera ist aus.</source>
        <translation>Your camera is off.</translation>
    </message>
    <message>
        <source>Keine Kamera gefunden. Sie sehen und hören Ihr Gegenüber trotzdem.</source>
        <translation>No camera found. You still see and hear the other side.</translation>
    </message>
    <message>
        <source>Die Kamera liefert kein Bild. Vielleicht nutzt ein anderes Programm sie.</source>
        <translation>The camera delivers no picture. Another program may be using it.</translation>
    </message>
    <message>
        <source>Die Kamera wurde getrennt. Das Gespräch geht ohne Ihr Bild weiter.</source>
        <translation>The camera was disconnected. The conversation goes on without your picture.</translation>
    </message>
    <message>
        <source>Ihr Mikrofon ist aus.</source>
        <translation>Your microphone is off.</translation>
    </message>
    <message>
        <source>Kein Mikrofon gefunden.</source>
        <translation>No microphone found.</translation>
    </message>
    <message>
        <source>Das Mikrofon ließ sich nicht öffnen. Vielleicht nutzt ein anderes Programm es.</source>
        <translation>The microphone could not be opened. Another program may be using it.</translation>
    </message>
    <message>
        <source>Das Mikrofon wurde getrennt. Sie können weiter schreiben oder telefonieren.</source>
        <translation>The microphone was disconnected. You can go on writing or use the telephone.</translation>
    </message>
    <message>
        <source>Kein Lautsprecher gefunden.</source>
        <translation>No speakers found.</translation>
    </message>
    <message>
        <source>Der Lautsprecher ließ sich nicht öffnen.</source>
        <translation>The speakers could not be opened.</translation>
    </message>
    <message>
        <source>Der Lautsprecher wurde getrennt.</source>
        <translation>The speakers were disconnected.</translation>
    </message>
    <message>
        <source>Der Kunde spricht per Telefon.</source>
        <translation>The customer is talking by telephone.</translation>
    </message>
    <message>
        <source>Der Kunde spricht per Telefon (Code %1).</source>
        <translation>The customer is talking by telephone (code %1).</translation>
    </message>
    <message>
        <source>Kamera ist aus</source>
        <translation>Camera is off</translation>
    </message>
    <message>
        <source>Die Kamera Ihres Gegenübers ist aus</source>
        <translation>The other side&apos;s camera is off</translation>
    </message>
    <message>
        <source>Bild ausgeblendet</source>
        <translation>Picture hidden</translation>
    </message>
    <message>
        <source>Das Mikrofon Ihres Gegenübers ist aus.</source>
        <translation>The other side&apos;s microphone is off.</translation>
    </message>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>nicht vorhanden</source>
        <translation>not present</translation>
    </message>
    <message>
        <source>funktioniert nicht</source>
        <translation>not working</translation>
    </message>
    <message>
        <source>zu langsam</source>
        <translation>too slow</translation>
    </message>
    <message>
        <source>noch nicht geprüft</source>
        <translation>not checked yet</translation>
    </message>
</context>
<context>
    <name>StatusTexts</name>
    <message>
        <source>Benutzername oder Passwort ist falsch.</source>
        <translation>User name or password is wrong.</translation>
    </message>
    <message>
        <source>Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie noch %1 (Minuten:Sekunden).</source>
        <translation>Too many failed log-ins. Please wait %1 (minutes:seconds).</translation>
    </message>
    <message>
        <source>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</source>
        <translation>Your session has expired. Please log in again.</translation>
    </message>
    <message>
        <source>Der Server konnte die Anmeldung gerade nicht speichern. Bitte versuchen Sie es erneut.</source>
        <translation>The server could not store the log-in just now. Please try again.</translation>
    </message>
    <message>
        <source>Die Anmeldung wurde abgelehnt (Fehler %1).</source>
        <translation>The log-in was refused (error %1).</translation>
    </message>
    <message>
        <source>Der Server ist nicht erreichbar. Bitte prüfen Sie die Adresse und Ihre Netzwerkverbindung.</source>
        <translation>The server cannot be reached. Please check the address and your network connection.</translation>
    </message>
    <message>
        <source>Das Zertifikat des Servers ist ungültig. Aus Sicherheitsgründen wird keine Verbindung aufgebaut.</source>
        <translation>The server&apos;s certificate is not valid. For security reasons no connection is made.</translation>
    </message>
    <message>
        <source>Der Server weist sich nicht mit dem Schlüssel der Bank aus. Aus Sicherheitsgründen wird keine Verbindung aufgebaut. Bitte informieren Sie die IT.</source>
        <translation>The server does not identify itself with the bank&apos;s key. For security reasons no connection is made. Please inform IT.</translation>
    </message>
    <message>
        <source>Diese Version des Beratungsplatzes passt nicht zum Server. Bitte aktualisieren Sie die Anwendung.</source>
        <translation>This version of the workstation does not match the server. Please update the application.</translation>
    </message>
    <message>
        <source>Der Server ist ausgelastet. Bitte versuchen Sie es gleich noch einmal.</source>
        <translation>The server is busy. Please try again in a moment.</translation>
    </message>
    <message>
        <source>Die Verbindung war zu lange unterbrochen; die Sitzung ist beendet. Bitte melden Sie sich erneut an.</source>
        <translation>The connection was down for too long; the session has ended. Please log in again.</translation>
    </message>
    <message>
        <source>Die Verbindung zum Server wurde wegen eines Fehlers beendet. Bitte melden Sie sich erneut an.</source>
        <translation>The connection to the server was closed because of an error. Please log in again.</translation>
    </message>
    <message>
        <source>Die Verbindung zum Server ist beendet.</source>
        <translation>The connection to the server has ended.</translation>
    </message>
    <message>
        <source>Zurzeit wartet niemand.</source>
        <translation>Nobody is waiting at the moment.</translation>
    </message>
    <message>
        <source>Sie führen bereits so viele Beratungen gleichzeitig, wie für Sie eingestellt sind.</source>
        <translation>You are already holding as many consultations at once as you are set up for.</translation>
    </message>
    <message>
        <source>Sie sind auf Pause. Schalten Sie auf „Verfügbar“, um Kunden anzunehmen.</source>
        <translation>You are on pause. Switch to &quot;Available&quot; to take customers.</translation>
    </message>
    <message>
        <source>Dieser Eintrag ist nicht mehr vorhanden; vermutlich hat ihn jemand anderes übernommen.</source>
        <translation>This entry no longer exists; someone else has probably taken it.</translation>
    </message>
    <message>
        <source>Zu viele Anfragen in kurzer Zeit. Bitte einen Moment warten.</source>
        <translation>Too many requests in a short time. Please wait a moment.</translation>
    </message>
    <message>
        <source>Die Anfrage wurde abgelehnt (Fehler %1).</source>
        <translation>The request was refused (error %1).</translation>
    </message>
    <message>
        <source>Übergabe nicht möglich: %1 ist nicht mehr angemeldet.</source>
        <translation>Transfer not possible: %1 is no longer logged in.</translation>
    </message>
    <message>
        <source>Übergabe nicht möglich: %1 ist gerade nicht verfügbar.</source>
        <translation>Transfer not possible: %1 is not available right now.</translation>
    </message>
    <message>
        <source>Übergabe nicht möglich: %1 hat keinen freien Platz mehr.</source>
        <translation>Transfer not possible: %1 has no free place left.</translation>
    </message>
    <message>
        <source>Übergabe nicht möglich: Sie können eine Beratung nicht an sich selbst übergeben.</source>
        <translation>Transfer not possible: you cannot transfer a consultation to yourself.</translation>
    </message>
    <message>
        <source>Übergabe nicht möglich (Fehler %1).</source>
        <translation>Transfer not possible (error %1).</translation>
    </message>
    <message>
        <source>%1 hat die Beratung beendet.</source>
        <translation>%1 has ended the consultation.</translation>
    </message>
    <message>
        <source>Sie haben die Beratung beendet.</source>
        <translation>You have ended the consultation.</translation>
    </message>
    <message>
        <source>Die Verbindung zu %1 ist abgebrochen; die Beratung ist beendet.</source>
        <translation>The connection to %1 was lost; the consultation has ended.</translation>
    </message>
    <message>
        <source>Ihre Verbindung war zu lange unterbrochen; die Beratung ist beendet.</source>
        <translation>Your connection was down for too long; the consultation has ended.</translation>
    </message>
    <message>
        <source>Der Server wurde angehalten; die Beratung ist beendet.</source>
        <translation>The server was stopped; the consultation has ended.</translation>
    </message>
    <message>
        <source>An %1 übergeben.</source>
        <translation>Transferred to %1.</translation>
    </message>
    <message>
        <source>Die Beratung ist beendet.</source>
        <translation>The consultation has ended.</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Sie führen bereits eine Videoberatung. Einen weiteren Videokunden können Sie erst nach deren Ende annehmen; Chat-Kunden können Sie weiter annehmen.</source>
        <translation>You are already holding a video consultation. You can take another video customer only after it has ended; you can still take chat customers.</translation>
    </message>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>nicht vorhanden</source>
        <translation>not present</translation>
    </message>
    <message>
        <source>funktioniert nicht</source>
        <translation>not working</translation>
    </message>
    <message>
        <source>zu langsam</source>
        <translation>too slow</translation>
    </message>
    <message>
        <source>nicht geprüft</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>Kamera: %1 · Mikrofon: %2 · Lautsprecher: %3 · Verbindung: %4</source>
        <translation>Camera: %1 · Microphone: %2 · Speakers: %3 · Connection: %4</translation>
    </message>
    <message>
        <source>Die Verbindung wurde nicht gemessen.</source>
        <translation>The connection was not measured.</translation>
    </message>
    <message>
        <source>Gemessen: %1 Mbit/s empfangen, %2 Mbit/s gesendet, %3 ms Umlaufzeit (nötig: 1 Mbit/s und 0,5 Mbit/s)</source>
        <translation>Measured: %1 Mbit/s down, %2 Mbit/s up, %3 ms round trip (needed: 1 Mbit/s and 0.5 Mbit/s)</translation>
    </message>
    <message>
        <source>keine (Chat ohne Bild und Ton)</source>
        <translation>none (chat without picture and sound)</translation>
    </message>
</context>
<context>
    <name>consult::AdvisorQueueModel</name>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Gewünscht</source>
        <translation>Wants</translation>
    </message>
    <message>
        <source>Wartet seit</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <source>Systemprüfung</source>
        <translation>System check</translation>
    </message>
    <message>
        <source>Kamera %1 · Mikrofon %2 · Lautsprecher %3 · Leitung %4</source>
        <translation>Camera %1 · Microphone %2 · Speakers %3 · Line %4</translation>
    </message>
</context>
<context>
    <name>consult::BoardCanvas</name>
    <message>
        <source>Keine Tafel.</source>
        <translation>No board.</translation>
    </message>
    <message>
        <source>Noch kein Dokument geöffnet.</source>
        <translation>No document opened yet.</translation>
    </message>
    <message>
        <source>Noch keine Seite gezeigt.</source>
        <translation>No page shown yet.</translation>
    </message>
    <message>
        <source>Die Seite wird übertragen …</source>
        <translation>The page is on its way …</translation>
    </message>
    <message>
        <source>Text auf der Seite</source>
        <translation>Text on the page</translation>
    </message>
    <message>
        <source>Text, Eingabetaste setzt ihn</source>
        <translation>Text, Enter places it</translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation>Whiteboard</translation>
    </message>
    <message>
        <source>%1, Seite %2 von %3</source>
        <translation>%1, page %2 of %3</translation>
    </message>
</context>
<context>
    <name>consult::BoardToolBar</name>
    <message>
        <source>Zeiger</source>
        <translation>Pointer</translation>
    </message>
    <message>
        <source>Stift</source>
        <translation>Pen</translation>
    </message>
    <message>
        <source>Textmarker</source>
        <translation>Highlighter</translation>
    </message>
    <message>
        <source>Pfeil</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <source>Rechteck</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Radierer</source>
        <translation>Eraser</translation>
    </message>
    <message>
        <source>Rot</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Blau</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>Grün</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Gelb</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Schwarz</source>
        <translation>Black</translation>
    </message>
    <message>
        <source>Dünne Linie</source>
        <translation>Thin line</translation>
    </message>
    <message>
        <source>Mittlere Linie</source>
        <translation>Medium line</translation>
    </message>
    <message>
        <source>Dicke Linie</source>
        <translation>Thick line</translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Seite leeren …</source>
        <translation>Clear page …</translation>
    </message>
    <message>
        <source>Verkleinern</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Ganze Seite</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Vergrößern</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Werkzeuge der Tafel</source>
        <translation>Whiteboard tools</translation>
    </message>
</context>
<context>
    <name>consult::ChatModel</name>
    <message>
        <source>%1 um %2: %3</source>
        <translation>%1 at %2: %3</translation>
    </message>
    <message>
        <source>wird gesendet</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>gesendet</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>zugestellt</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>nicht gesendet</source>
        <translation>not sent</translation>
    </message>
</context>
<context>
    <name>consult::ChatView</name>
    <message>
        <source>Chatverlauf</source>
        <translation>Chat history</translation>
    </message>
</context>
<context>
    <name>consult::ConnectionIndicator</name>
    <message>
        <source>Verbunden (%1 ms)</source>
        <translation>Connected (%1 ms)</translation>
    </message>
    <message>
        <source>Verbunden</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Verbindung unterbrochen – wird wiederhergestellt …</source>
        <translation>Connection interrupted – reconnecting …</translation>
    </message>
    <message>
        <source>Nicht verbunden</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Verlust %1 %</source>
        <translation>loss %1 %</translation>
    </message>
    <message>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <source>Verbindung: %1</source>
        <translation>Connection: %1</translation>
    </message>
</context>
<context>
    <name>consult::DeviceChooser</name>
    <message>
        <source>&amp;Kamera:</source>
        <translation>&amp;Camera:</translation>
    </message>
    <message>
        <source>&amp;Mikrofon:</source>
        <translation>&amp;Microphone:</translation>
    </message>
    <message>
        <source>&amp;Lautsprecher:</source>
        <translation>&amp;Speakers:</translation>
    </message>
    <message>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Mikrofon</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Lautsprecher</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>Keine Kamera gefunden</source>
        <translation>No camera found</translation>
    </message>
    <message>
        <source>Kein Mikrofon gefunden</source>
        <translation>No microphone found</translation>
    </message>
    <message>
        <source>Kein Lautsprecher gefunden</source>
        <translation>No speakers found</translation>
    </message>
    <message>
        <source>Standardgerät des Systems</source>
        <translation>The system&apos;s default device</translation>
    </message>
</context>
<context>
    <name>consult::InboxModel</name>
    <message>
        <source>Eingegangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Nachricht</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>consult::VideoView</name>
    <message>
        <source>Videobild</source>
        <translation>Video picture</translation>
    </message>
</context>
<context>
    <name>consult::advisor::AdvisorWorkstation</name>
    <message>
        <source>Anmeldung mit der gespeicherten Anmeldung …</source>
        <translation>Logging in with the remembered log-in …</translation>
    </message>
    <message>
        <source>Anmeldung läuft …</source>
        <translation>Logging in …</translation>
    </message>
    <message>
        <source>Die Anmeldung konnte nicht im Schlüsselbund gespeichert werden. Beim nächsten Start werden Sie nach dem Passwort gefragt.</source>
        <translation>The log-in could not be stored in the keychain. You will be asked for your password at the next start.</translation>
    </message>
    <message>
        <source>Ihre gespeicherte Anmeldung ist nicht mehr gültig. Bitte melden Sie sich mit Ihrem Passwort an.</source>
        <translation>Your remembered log-in is no longer valid. Please log in with your password.</translation>
    </message>
    <message>
        <source>Abmelden?</source>
        <translation>Log out?</translation>
    </message>
    <message>
        <source>Es laufen noch %1 Beratungen. Beim Abmelden werden sie für die Kunden beendet.</source>
        <translation>%1 consultations are still running. Logging out ends them for the customers.</translation>
    </message>
    <message>
        <source>Abmelden</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Erinnerung an Wartende</source>
        <translation>Reminder about waiting customers</translation>
    </message>
    <message>
        <source>Solange jemand wartet und Sie verfügbar sind, erinnern Ton und Hinweis alle … Sekunden:</source>
        <translation>While someone waits and you are available, a sound and a notification remind you every … seconds:</translation>
    </message>
</context>
<context>
    <name>consult::advisor::ConsultationPanel</name>
    <message>
        <source>Tafe&amp;l</source>
        <translation>W&amp;hiteboard</translation>
    </message>
    <message>
        <source>Die Tafel für Dokumente und Markierungen zeigen oder ausblenden (Alt+L)</source>
        <translation>Show or hide the whiteboard for documents and marks (Alt+H)</translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation>Whiteboard</translation>
    </message>
    <message>
        <source>Nachricht nicht gesendet: zu viele Nachrichten in kurzer Zeit.</source>
        <translation>Message not sent: too many messages in a short time.</translation>
    </message>
    <message>
        <source>Nachricht nicht gesendet (Fehler %1).</source>
        <translation>Message not sent (error %1).</translation>
    </message>
    <message>
        <source>&amp;Textbausteine</source>
        <translation>Canned &amp;responses</translation>
    </message>
    <message>
        <source>Textbaustein einfügen (Strg+B, Strg+1 bis Strg+9)</source>
        <translation>Insert a canned response (Ctrl+B, Ctrl+1 to Ctrl+9)</translation>
    </message>
    <message>
        <source>An eine Kollegin oder einen Kollegen übergeben (Strg+U)</source>
        <translation>Transfer to a colleague (Ctrl+U)</translation>
    </message>
    <message>
        <source>Nachricht senden (Eingabetaste; Umschalt+Eingabe für eine neue Zeile)</source>
        <translation>Send the message (Enter; Shift+Enter for a new line)</translation>
    </message>
    <message>
        <source>Nachricht schreiben …</source>
        <translation>Write a message …</translation>
    </message>
    <message>
        <source>Nachricht an %1</source>
        <translation>Message to %1</translation>
    </message>
    <message>
        <source>Textbausteine</source>
        <translation>Canned responses</translation>
    </message>
    <message>
        <source>Übergeben</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Senden</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Zustand der Beratung</source>
        <translation>State of the consultation</translation>
    </message>
    <message>
        <source>Tel. %1 · %2 · wartete %3 · seit %4 Uhr</source>
        <translation>Phone %1 · %2 · waited %3 · since %4</translation>
    </message>
    <message>
        <source>übernommen von %1</source>
        <translation>taken over from %1</translation>
    </message>
    <message>
        <source>%1 ungelesene Nachrichten</source>
        <translation>%1 unread messages</translation>
    </message>
    <message>
        <source>Beendet.</source>
        <translation>Ended.</translation>
    </message>
    <message>
        <source>Die Verbindung zu %1 ist unterbrochen; es wird auf die Rückkehr gewartet.</source>
        <translation>The connection to %1 is interrupted; waiting for them to come back.</translation>
    </message>
    <message>
        <source>%1 schreibt …</source>
        <translation>%1 is typing …</translation>
    </message>
    <message>
        <source>Diese Beratung schließen (Strg+W)</source>
        <translation>Close this consultation (Ctrl+W)</translation>
    </message>
    <message>
        <source>Die Beratung beenden (Strg+W)</source>
        <translation>End the consultation (Ctrl+W)</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Beenden</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Die Nachricht ist zu lang (höchstens %1 Zeichen).</source>
        <translation>The message is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>Beratung beenden?</source>
        <translation>End the consultation?</translation>
    </message>
    <message>
        <source>Die Beratung mit %1 beenden? Der Chat wird danach auf dem Server gelöscht.</source>
        <translation>End the consultation with %1? The chat is then deleted on the server.</translation>
    </message>
    <message>
        <source>Weiter beraten</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Wird an %1 übergeben …</source>
        <translation>Transferring to %1 …</translation>
    </message>
    <message>
        <source>Über&amp;geben …</source>
        <translation>Trans&amp;fer …</translation>
    </message>
    <message>
        <source>Schl&amp;ießen</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Been&amp;den</source>
        <translation>En&amp;d</translation>
    </message>
    <message>
        <source>Dokumente</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Formulare</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Dokumente &amp;&amp; Formulare (%1)</source>
        <translation>Documents &amp;&amp; forms (%1)</translation>
    </message>
    <message>
        <source>Dokumente &amp;&amp; Formulare</source>
        <translation>Documents &amp;&amp; forms</translation>
    </message>
    <message>
        <source>Dokumente und Formulare dieser Beratung zeigen oder ausblenden</source>
        <translation>Show or hide this consultation's documents and forms</translation>
    </message>
    <message>
        <source>Dokumente und Formulare, %1 neu</source>
        <translation>Documents and forms, %1 new</translation>
    </message>
    <message>
        <source>Dokumente und Formulare</source>
        <translation>Documents and forms</translation>
    </message>
</context>
<context>
    <name>consult::advisor::ConsultationTabs</name>
    <message>
        <source>Keine laufende Beratung.
Mit Strg+N nehmen Sie den Kunden an, der am längsten wartet.</source>
        <translation>No consultation running.
Ctrl+N takes the customer who has waited longest.</translation>
    </message>
    <message>
        <source>Beratungen</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>%1 (beendet)</source>
        <translation>%1 (ended)</translation>
    </message>
    <message>
        <source>%1, %2 ungelesene Nachrichten</source>
        <translation>%1, %2 unread messages</translation>
    </message>
    <message>
        <source>%1 (übergeben)</source>
        <translation>%1 (transferred)</translation>
    </message>
</context>
<context>
    <name>consult::advisor::DocumentTexts</name>
    <message>
        <source>Die Datei</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>%1 wurde nicht gesendet: erlaubt sind nur %2 (nach dem Inhalt geprüft).</source>
        <translation>%1 was not sent: only %2 are allowed (checked by content).</translation>
    </message>
    <message>
        <source>%1 wurde nicht gesendet: die Datei ist beschädigt, verschlüsselt, enthält aktive Inhalte oder ist nicht das, was ihr Name sagt.</source>
        <translation>%1 was not sent: the file is damaged, encrypted, contains active content or is not what its name says.</translation>
    </message>
    <message>
        <source>%1 wurde nicht gesendet: die Datei ist zu groß (höchstens %2 MB).</source>
        <translation>%1 was not sent: the file is too large (at most %2 MB).</translation>
    </message>
    <message>
        <source>%1 wurde nicht gesendet: in dieser Beratung sind höchstens %2 Dateien möglich.</source>
        <translation>%1 was not sent: this consultation takes at most %2 files.</translation>
    </message>
    <message>
        <source>%1 wurde nicht gesendet: die Dateien dieser Beratung dürfen zusammen höchstens %2 MB groß sein.</source>
        <translation>%1 was not sent: this consultation's files may total at most %2 MB.</translation>
    </message>
    <message>
        <source>%1 wurde nicht gesendet: der Server hat gerade keinen Platz für weitere Dateien. Bitte später erneut versuchen.</source>
        <translation>%1 was not sent: the server has no room for more files right now. Please try again later.</translation>
    </message>
    <message>
        <source>%1 wurde nicht gesendet: der Dateiname ist nicht verwendbar. Bitte die Datei umbenennen.</source>
        <translation>%1 was not sent: the file name cannot be used. Please rename the file.</translation>
    </message>
    <message>
        <source>%1 wurde nicht gespeichert: die Prüfsumme stimmt nicht, die Datei kam beschädigt an.</source>
        <translation>%1 was not saved: the checksum does not match, the file arrived damaged.</translation>
    </message>
    <message>
        <source>%1 ist nicht mehr vorhanden (gelöscht oder die Beratung ist beendet).</source>
        <translation>%1 is no longer available (deleted, or the consultation has ended).</translation>
    </message>
    <message>
        <source>%1 konnte auf dem Server nicht gespeichert werden. Bitte erneut versuchen.</source>
        <translation>%1 could not be stored on the server. Please try again.</translation>
    </message>
    <message>
        <source>%1 ist nicht lesbar und wurde nicht gesendet.</source>
        <translation>%1 cannot be read and was not sent.</translation>
    </message>
    <message>
        <source>%1: das ist in dieser Beratung nicht (mehr) möglich.</source>
        <translation>%1: this is not possible (any more) in this consultation.</translation>
    </message>
    <message>
        <source>%1 konnte nicht gespeichert werden: der gewählte Speicherort ist nicht beschreibbar.</source>
        <translation>%1 could not be saved: the chosen location is not writable.</translation>
    </message>
    <message>
        <source>%1: die Übertragung wurde abgelehnt.</source>
        <translation>%1: the transfer was refused.</translation>
    </message>
    <message>
        <source>bis %1 MB</source>
        <translation>up to %1 MB</translation>
    </message>
    <message>
        <source>höchstens %1 Dateien</source>
        <translation>at most %1 files</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 Byte</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Sie</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Kunde</source>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>consult::advisor::DocumentsPanel</name>
    <message>
        <source>„%1“ wurde gesendet.</source>
        <translation>“%1” was sent.</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>„%1“: Übertragung abgebrochen.</source>
        <translation>“%1”: transfer cancelled.</translation>
    </message>
    <message>
        <source>Dokumente</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Größe</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Dokumente dieser Beratung</source>
        <translation>Documents of this consultation</translation>
    </message>
    <message>
        <source>Datei senden …</source>
        <translation>Send file …</translation>
    </message>
    <message>
        <source>Eine Datei an den Kunden senden (PDF, PNG, JPEG); Dateien lassen sich auch hierher ziehen</source>
        <translation>Send a file to the customer (PDF, PNG, JPEG); files can also be dragged here</translation>
    </message>
    <message>
        <source>Speichern …</source>
        <translation>Save …</translation>
    </message>
    <message>
        <source>Das gewählte Dokument in einer Datei speichern (es wird nicht geöffnet)</source>
        <translation>Save the chosen document to a file (it is not opened)</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Das gewählte Dokument jetzt auf dem Server löschen</source>
        <translation>Delete the chosen document on the server now</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 (gelöscht)</source>
        <translation>%1 (deleted)</translation>
    </message>
    <message>
        <source>Datei senden</source>
        <translation>Send file</translation>
    </message>
    <message>
        <source>PDF und Bilder (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>PDF and images (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Alle Dateien (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Dokument speichern</source>
        <translation>Save document</translation>
    </message>
    <message>
        <source>Dokument löschen?</source>
        <translation>Delete document?</translation>
    </message>
    <message>
        <source>„%1“ jetzt auf dem Server löschen? Der Kunde kann es danach nicht mehr laden.</source>
        <translation>Delete “%1” on the server now? The customer can no longer download it afterwards.</translation>
    </message>
    <message>
        <source>Behalten</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Sendet „%1“</source>
        <translation>Sending “%1”</translation>
    </message>
    <message>
        <source>Lädt „%1“</source>
        <translation>Downloading “%1”</translation>
    </message>
    <message>
        <source>%1 von %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>consult::advisor::FormPicker</name>
    <message>
        <source>Formular senden</source>
        <translation>Send form</translation>
    </message>
    <message>
        <source>Welches Formular soll der Kunde ausfüllen?</source>
        <translation>Which form should the customer fill in?</translation>
    </message>
    <message>
        <source>Welches Formular soll %1 ausfüllen?</source>
        <translation>Which form should %1 fill in?</translation>
    </message>
    <message>
        <source>Formulare durchsuchen …</source>
        <translation>Search forms …</translation>
    </message>
    <message>
        <source>Formulare durchsuchen</source>
        <translation>Search forms</translation>
    </message>
    <message>
        <source>Formulare</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Die Formularbibliothek des Servers ist leer.</source>
        <translation>The server's form library is empty.</translation>
    </message>
    <message>
        <source>Kein Formular passt zur Suche.</source>
        <translation>No form matches the search.</translation>
    </message>
    <message>
        <source>Senden</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>consult::advisor::FormView</name>
    <message>
        <source>●●●● (nicht freigegeben)</source>
        <translation>●●●● (not released)</translation>
    </message>
    <message>
        <source>Kein Formular gewählt.</source>
        <translation>No form chosen.</translation>
    </message>
    <message>
        <source>Gesendet am %1 · ausgefüllt am %2</source>
        <translation>Sent on %1 · filled in on %2</translation>
    </message>
    <message>
        <source>Gesendet am %1 · der Kunde füllt es aus</source>
        <translation>Sent on %1 · the customer is filling it in</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
</context>
<context>
    <name>consult::advisor::FormsPanel</name>
    <message>
        <source>Formulare</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Formular senden …</source>
        <translation>Send form …</translation>
    </message>
    <message>
        <source>Ein Formular aus der Bibliothek an den Kunden senden</source>
        <translation>Send a form from the library to the customer</translation>
    </message>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Das gewählte Formular als PDF-Datei speichern</source>
        <translation>Save the chosen form as a PDF file</translation>
    </message>
    <message>
        <source>Formulare dieser Beratung</source>
        <translation>Forms of this consultation</translation>
    </message>
    <message>
        <source>ausgefüllt am %1</source>
        <translation>filled in on %1</translation>
    </message>
    <message>
        <source>gesendet</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>Das Formular gibt es nicht mehr (aus der Bibliothek entfernt oder die Beratung ist beendet).</source>
        <translation>The form no longer exists (removed from the library, or the consultation has ended).</translation>
    </message>
    <message>
        <source>Das ist bei diesem Formular nicht möglich.</source>
        <translation>This is not possible for this form.</translation>
    </message>
    <message>
        <source>Der Server hat einen Wert des Formulars abgelehnt.</source>
        <translation>The server refused a value of the form.</translation>
    </message>
    <message>
        <source>Das Formular wurde nicht gesendet: in dieser Beratung sind keine weiteren Formulare möglich.</source>
        <translation>The form was not sent: this consultation takes no more forms.</translation>
    </message>
    <message>
        <source>Das Formular wurde abgelehnt.</source>
        <translation>The form was refused.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Formular als PDF speichern</source>
        <translation>Save form as PDF</translation>
    </message>
    <message>
        <source>PDF-Dateien (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Das PDF konnte nicht gespeichert werden: %1</source>
        <translation>The PDF could not be saved: %1</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>consult::advisor::InboxPanel</name>
    <message>
        <source>Keine Nachrichten von Kunden.</source>
        <translation>No messages from customers.</translation>
    </message>
    <message>
        <source>Die Nachricht ist bearbeitet; sie wird für alle Berater gelöscht.</source>
        <translation>The message has been dealt with; it is deleted for every advisor.</translation>
    </message>
    <message>
        <source>Nachrichten von Kunden</source>
        <translation>Messages from customers</translation>
    </message>
    <message>
        <source>Text der Nachricht</source>
        <translation>Text of the message</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Von: %1
Rückruf: %2
Eingegangen: %3

%4</source>
        <translation>From: %1
Call back: %2
Received: %3

%4</translation>
    </message>
    <message>
        <source>Nachricht erledigt?</source>
        <translation>Message done?</translation>
    </message>
    <message>
        <source>Die Nachricht von %1 als erledigt markieren? Sie wird für alle Berater gelöscht.</source>
        <translation>Mark the message from %1 as done? It is deleted for every advisor.</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nachricht:</source>
        <translation>Message:</translation>
    </message>
    <message>
        <source>Er&amp;ledigt</source>
        <translation>D&amp;one</translation>
    </message>
</context>
<context>
    <name>consult::advisor::LiveQueueModel</name>
    <message>
        <source>Wartet seit %1 Uhr</source>
        <translation>Waiting since %1</translation>
    </message>
    <message>
        <source>Wartezeit</source>
        <translation>Waited</translation>
    </message>
    <message>
        <source>Textchat</source>
        <translation>Text chat</translation>
    </message>
    <message>
        <source>Videoberatung (Bild und Ton)</source>
        <translation>Video consultation (picture and sound)</translation>
    </message>
</context>
<context>
    <name>consult::advisor::LoginDialog</name>
    <message>
        <source>Anmeldung – Beratungsplatz</source>
        <translation>Log-in – Advisor workstation</translation>
    </message>
    <message>
        <source>Anmeldung am Beratungsplatz</source>
        <translation>Log in to the advisor workstation</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Angemeldet bleiben</source>
        <translation>S&amp;tay logged in</translation>
    </message>
    <message>
        <source>Speichert eine widerrufbare Anmeldung im Schlüsselbund des Systems, nie das Passwort.</source>
        <translation>Keeps a revocable log-in in the system&apos;s keychain, never the password.</translation>
    </message>
    <message>
        <source>Kein Schlüsselbund erreichbar: „Angemeldet bleiben“ ist nicht möglich. Bitte geben Sie Ihr Passwort bei jeder Anmeldung ein.</source>
        <translation>No keychain reachable: &quot;Stay logged in&quot; is not possible. Please enter your password at every log-in.</translation>
    </message>
    <message>
        <source>A&amp;nmelden</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>B&amp;eenden</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Angemeldet bleiben</source>
        <translation>Stay logged in</translation>
    </message>
    <message>
        <source>Fehlermeldung</source>
        <translation>Error message</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hinweis zum Schlüsselbund</source>
        <translation>Keychain notice</translation>
    </message>
    <message>
        <source>Sie können es jetzt erneut versuchen.</source>
        <translation>You can try again now.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Ihr Konto ist mit einem zweiten Faktor geschützt. Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.</source>
        <translation>Your account is protected by a second factor. Please enter the six-digit code from your authenticator app.</translation>
    </message>
    <message>
        <source>Sechsstelliger Code</source>
        <translation>Six-digit code</translation>
    </message>
    <message>
        <source>Hinweis zum zweiten Faktor</source>
        <translation>Second factor notice</translation>
    </message>
    <message>
        <source>Der Code ist falsch oder wurde schon verwendet. Bitte geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.</source>
        <translation>The code is wrong or has been used already. Please enter the current code from your authenticator app.</translation>
    </message>
</context>
<context>
    <name>consult::advisor::MainWindow</name>
    <message>
        <source>Beratungsplatz – %1</source>
        <translation>Advisor workstation – %1</translation>
    </message>
    <message>
        <source>Angemeldet als %1</source>
        <translation>Logged in as %1</translation>
    </message>
    <message>
        <source>&amp;Verfügbar</source>
        <translation>&amp;Available</translation>
    </message>
    <message>
        <source>Neue Kunden annehmen (F9)</source>
        <translation>Take new customers (F9)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Keine neuen Kunden (F10)</source>
        <translation>No new customers (F10)</translation>
    </message>
    <message>
        <source>&amp;Abmelden</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>Abmelden; die gespeicherte Anmeldung wird gelöscht</source>
        <translation>Log out; the remembered log-in is deleted</translation>
    </message>
    <message>
        <source>Be&amp;enden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Nächsten annehmen</source>
        <translation>Take &amp;next</translation>
    </message>
    <message>
        <source>&amp;Ausgewählten annehmen</source>
        <translation>Take &amp;selected</translation>
    </message>
    <message>
        <source>Nä&amp;chste Beratung</source>
        <translation>Ne&amp;xt consultation</translation>
    </message>
    <message>
        <source>&amp;Vorherige Beratung</source>
        <translation>&amp;Previous consultation</translation>
    </message>
    <message>
        <source>Nachricht &amp;senden</source>
        <translation>&amp;Send message</translation>
    </message>
    <message>
        <source>&amp;Textbaustein einfügen …</source>
        <translation>Insert canned &amp;response …</translation>
    </message>
    <message>
        <source>Ü&amp;bergeben …</source>
        <translation>&amp;Transfer …</translation>
    </message>
    <message>
        <source>Beratung b&amp;eenden / schließen</source>
        <translation>&amp;End / close consultation</translation>
    </message>
    <message>
        <source>&amp;Warteschlange</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>&amp;Nachrichten</source>
        <translation>&amp;Messages</translation>
    </message>
    <message>
        <source>Beratungen &amp;nebeneinander</source>
        <translation>Consultations &amp;side by side</translation>
    </message>
    <message>
        <source>&amp;Erinnerung an Wartende …</source>
        <translation>&amp;Reminder about waiting customers …</translation>
    </message>
    <message>
        <source>Ü&amp;bersicht</source>
        <translation>O&amp;verview</translation>
    </message>
    <message>
        <source>Warteschlange, Berater und Statistik im Überblick (F7)</source>
        <translation>Queue, advisors and statistics at a glance (F7)</translation>
    </message>
    <message>
        <source>&amp;Sitzung</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Beratung</source>
        <translation>&amp;Consultation</translation>
    </message>
    <message>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Sprache / Language</source>
        <translation>&amp;Language / Sprache</translation>
    </message>
    <message>
        <source>&amp;Einstellungen</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>Verfügbar</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Abmelden</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Warteschlange und Nachrichten</source>
        <translation>Queue and messages</translation>
    </message>
    <message>
        <source>Beratungen: %1 von %2</source>
        <translation>Consultations: %1 of %2</translation>
    </message>
    <message>
        <source>&amp;Warteschlange (%1)</source>
        <translation>&amp;Queue (%1)</translation>
    </message>
    <message>
        <source>%1 Nachrichten von Kunden</source>
        <translation>%1 messages from customers</translation>
    </message>
    <message>
        <source>Beratungsplatz beenden?</source>
        <translation>Quit the workstation?</translation>
    </message>
    <message>
        <source>Es laufen noch %1 Beratungen. Wenn Sie den Beratungsplatz jetzt beenden, werden sie für die Kunden beendet.</source>
        <translation>%1 consultations are still running. If you quit the workstation now, they end for the customers.</translation>
    </message>
    <message>
        <source>Beenden</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nach&amp;richten (%1)</source>
        <translation>&amp;Messages (%1)</translation>
    </message>
    <message>
        <source>Nach&amp;richten</source>
        <translation>&amp;Messages</translation>
    </message>
</context>
<context>
    <name>consult::advisor::PageList</name>
    <message>
        <source>Seiten</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>gezeigt</source>
        <translation>shown</translation>
    </message>
    <message>
        <source>beim Kunden</source>
        <translation>with the customer</translation>
    </message>
    <message>
        <source>wird vorbereitet</source>
        <translation>being prepared</translation>
    </message>
    <message>
        <source>unterwegs</source>
        <translation>on its way</translation>
    </message>
    <message>
        <source>Seite %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>consult::advisor::QueuePanel</name>
    <message>
        <source>&amp;Nächsten annehmen</source>
        <translation>Take &amp;next</translation>
    </message>
    <message>
        <source>Den Kunden annehmen, der am längsten wartet (Strg+N)</source>
        <translation>Take the customer who has waited longest (Ctrl+N)</translation>
    </message>
    <message>
        <source>Den markierten Kunden annehmen (Eingabetaste in der Liste)</source>
        <translation>Take the selected customer (Enter in the list)</translation>
    </message>
    <message>
        <source>Warteschlange</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Wartende Kunden, wer am längsten wartet, steht oben.</source>
        <translation>Waiting customers; whoever has waited longest is at the top.</translation>
    </message>
    <message>
        <source>Nächsten annehmen</source>
        <translation>Take next</translation>
    </message>
    <message>
        <source>Ausgewählten annehmen</source>
        <translation>Take selected</translation>
    </message>
    <message>
        <source>Niemand wartet.
Sie sind auf Pause.</source>
        <translation>Nobody is waiting.
You are on pause.</translation>
    </message>
    <message>
        <source>Niemand wartet.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <source>Ausgewählten anneh&amp;men</source>
        <translation>Take s&amp;elected</translation>
    </message>
</context>
<context>
    <name>consult::advisor::SupervisorWindow</name>
    <message>
        <source>Die Übersicht ist nur für Teamleitungen. Ihre Rolle wurde geändert; bitte melden Sie sich neu an.</source>
        <translation>The overview is for supervisors only. Your role has changed; please log in again.</translation>
    </message>
    <message>
        <source>Die Übersicht kann gerade nicht geladen werden.</source>
        <translation>The overview cannot be loaded right now.</translation>
    </message>
    <message>
        <source>Übersicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Jetzt</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Warten auf Chat:</source>
        <translation>Waiting for chat:</translation>
    </message>
    <message>
        <source>Warten auf Video:</source>
        <translation>Waiting for video:</translation>
    </message>
    <message>
        <source>Längste Wartezeit:</source>
        <translation>Longest wait:</translation>
    </message>
    <message>
        <source>Laufende Beratungen:</source>
        <translation>Consultations running:</translation>
    </message>
    <message>
        <source>Berater frei:</source>
        <translation>Advisors free:</translation>
    </message>
    <message>
        <source>Berater ausgelastet:</source>
        <translation>Advisors fully busy:</translation>
    </message>
    <message>
        <source>Berater in Pause:</source>
        <translation>Advisors on pause:</translation>
    </message>
    <message>
        <source>Berater verbinden neu:</source>
        <translation>Advisors reconnecting:</translation>
    </message>
    <message>
        <source>Stand: %1 Uhr; Wartezeit in Minuten:Sekunden. Alle Zahlen sind Summen, ohne Namen.</source>
        <translation>As of %1; wait in minutes:seconds. All figures are totals, without names.</translation>
    </message>
    <message>
        <source>Die Zahlen werden geladen …</source>
        <translation>Loading the figures …</translation>
    </message>
    <message>
        <source>Beratungen je Stunde, heute</source>
        <translation>Consultations per hour, today</translation>
    </message>
    <message>
        <source>Uhr</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Beratungen je Tag, letzte 4 Wochen</source>
        <translation>Consultations per day, last 4 weeks</translation>
    </message>
    <message>
        <source>Wartezeiten, letzte 4 Wochen</source>
        <translation>Waiting times, last 4 weeks</translation>
    </message>
    <message>
        <source>unter 1</source>
        <translation>under 1</translation>
    </message>
    <message>
        <source>ab 20</source>
        <translation>20+</translation>
    </message>
    <message>
        <source>Minuten</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Genutzte Funktionen, letzte 4 Wochen</source>
        <translation>Features used, last 4 weeks</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Ton</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>Bild</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>Whiteboard</source>
        <translation>Whiteboard</translation>
    </message>
    <message>
        <source>Dokumente</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Beratungen, die sie genutzt haben</source>
        <translation>Consultations that used them</translation>
    </message>
    <message>
        <source>Ausgang, letzte 4 Wochen</source>
        <translation>Outcomes, last 4 weeks</translation>
    </message>
    <message>
        <source>Beraten</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Verbindung verloren</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <source>Nachricht hinterlassen</source>
        <translation>Message left</translation>
    </message>
    <message>
        <source>Warteschlange verlassen</source>
        <translation>Left the queue</translation>
    </message>
</context>
<context>
    <name>consult::advisor::SystemCheckMarks</name>
    <message>
        <source>Systemprüfung: %1</source>
        <translation>System check: %1</translation>
    </message>
</context>
<context>
    <name>consult::advisor::TransferDialog</name>
    <message>
        <source>Beratung übergeben</source>
        <translation>Transfer consultation</translation>
    </message>
    <message>
        <source>An wen soll die Beratung mit %1 übergeben werden? Der bisherige Chatverlauf wird mit übergeben; der Kunde wird informiert.</source>
        <translation>Who should take over the consultation with %1? The chat so far goes with it; the customer is told.</translation>
    </message>
    <message>
        <source>Zurzeit ist niemand aus dem Team frei.</source>
        <translation>Nobody in the team is free at the moment.</translation>
    </message>
    <message>
        <source>Freie Kolleginnen und Kollegen</source>
        <translation>Free colleagues</translation>
    </message>
    <message>
        <source>Ü&amp;bergeben</source>
        <translation>&amp;Transfer</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>consult::advisor::VideoPanel</name>
    <message>
        <source>Geräte …</source>
        <translation>Devices …</translation>
    </message>
    <message>
        <source>Kamera, Mikrofon und Lautsprecher wählen</source>
        <translation>Choose camera, microphone and speakers</translation>
    </message>
    <message>
        <source>Geräte wählen</source>
        <translation>Choose devices</translation>
    </message>
    <message>
        <source>Lautstärke Ihres Mikrofons</source>
        <translation>Level of your microphone</translation>
    </message>
    <message>
        <source>Bild des Kunden</source>
        <translation>The customer&apos;s picture</translation>
    </message>
    <message>
        <source>Ihr eigenes Bild</source>
        <translation>Your own picture</translation>
    </message>
    <message>
        <source>Telefon-Code der Beratung</source>
        <translation>The consultation&apos;s telephone code</translation>
    </message>
    <message>
        <source>Kamera und Mikrofon des Kunden</source>
        <translation>The customer&apos;s camera and microphone</translation>
    </message>
    <message>
        <source>Bildqualität</source>
        <translation>Picture quality</translation>
    </message>
    <message>
        <source>Ihre Geräte</source>
        <translation>Your devices</translation>
    </message>
    <message>
        <source>Kamera an</source>
        <translation>Camera on</translation>
    </message>
    <message>
        <source>Kamera aus</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <source>Ihre Kamera ausschalten (Strg+Umschalt+K)</source>
        <translation>Switch your camera off (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Ihre Kamera einschalten (Strg+Umschalt+K)</source>
        <translation>Switch your camera on (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Ihre Kamera ist an</source>
        <translation>Your camera is on</translation>
    </message>
    <message>
        <source>Ihre Kamera ist aus</source>
        <translation>Your camera is off</translation>
    </message>
    <message>
        <source>Mikrofon an</source>
        <translation>Microphone on</translation>
    </message>
    <message>
        <source>Mikrofon aus</source>
        <translation>Microphone off</translation>
    </message>
    <message>
        <source>Ihr Mikrofon ausschalten (Strg+Umschalt+M)</source>
        <translation>Switch your microphone off (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Ihr Mikrofon einschalten (Strg+Umschalt+M)</source>
        <translation>Switch your microphone on (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Ihr Mikrofon ist an</source>
        <translation>Your microphone is on</translation>
    </message>
    <message>
        <source>Ihr Mikrofon ist aus</source>
        <translation>Your microphone is off</translation>
    </message>
    <message>
        <source>Die Videoberatung ist beendet.</source>
        <translation>The video consultation has ended.</translation>
    </message>
    <message>
        <source>Beim Kunden: Kamera %1 · Mikrofon %2</source>
        <translation>Customer: camera %1 · microphone %2</translation>
    </message>
    <message>
        <source>an</source>
        <translation>on</translation>
    </message>
    <message>
        <source>aus</source>
        <translation>off</translation>
    </message>
    <message>
        <source>nicht genutzt (Telefon)</source>
        <translation>not used (telephone)</translation>
    </message>
    <message>
        <source>Das Bild des Kunden kommt gleich …</source>
        <translation>The customer&apos;s picture is on its way …</translation>
    </message>
    <message>
        <source>Keine Kamera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>Kein Mikrofon</source>
        <translation>No microphone</translation>
    </message>
    <message>
        <source>Systemprüfung des Kunden:</source>
        <translation>The customer&apos;s system check:</translation>
    </message>
    <message>
        <source>Telefon-Code: %1</source>
        <translation>Telephone code: %1</translation>
    </message>
</context>
<context>
    <name>consult::advisor::WaitingAlert</name>
    <message>
        <source>Beratungsplatz</source>
        <translation>Advisor workstation</translation>
    </message>
    <message>
        <source>%1 wartet seit %2 (%3).</source>
        <translation>%1 has been waiting for %2 (%3).</translation>
    </message>
    <message>
        <source>%1 Kunden warten. %2</source>
        <translation>%1 customers are waiting. %2</translation>
    </message>
    <message>
        <source>Kunde wartet</source>
        <translation>Customer waiting</translation>
    </message>
</context>
<context>
    <name>consult::board::BoardPdfExport</name>
    <message>
        <source>Das PDF ließ sich nicht anlegen.</source>
        <translation>The PDF could not be created.</translation>
    </message>
    <message>
        <source>Das PDF ließ sich nicht fertigstellen.</source>
        <translation>The PDF could not be completed.</translation>
    </message>
    <message>
        <source>Die Datei „%1“ konnte nicht gespeichert werden: %2</source>
        <translation>The file “%1” could not be saved: %2</translation>
    </message>
    <message>
        <source>Es gibt noch keine Seiten, die sich speichern lassen.</source>
        <translation>There are no pages to save yet.</translation>
    </message>
</context>
<context>
    <name>consult::board::DocumentImport</name>
    <message>
        <source>Auf dem Whiteboard lassen sich nur PDF-Dateien und Bilder (PNG, JPEG) zeigen.</source>
        <translation>Only PDF files and images (PNG, JPEG) can be shown on the whiteboard.</translation>
    </message>
    <message>
        <source>Das Dokument hat mehr Seiten, als das Whiteboard aufnehmen kann.</source>
        <translation>The document has more pages than the whiteboard can take.</translation>
    </message>
    <message>
        <source>Das PDF ist mit einem Passwort geschützt. Speichern Sie es ohne Passwort und öffnen Sie es erneut.</source>
        <translation>The PDF is protected by a password. Save it without a password and open it again.</translation>
    </message>
    <message>
        <source>Die Datei ist beschädigt und lässt sich nicht darstellen.</source>
        <translation>The file is damaged and cannot be shown.</translation>
    </message>
    <message>
        <source>Die Datei ist leer oder hat keine Seiten.</source>
        <translation>The file is empty or has no pages.</translation>
    </message>
    <message>
        <source>Die Datei ist zu groß: Sie hat zu viele Bildpunkte oder Bytes.</source>
        <translation>The file is too large: it has too many pixels or bytes.</translation>
    </message>
    <message>
        <source>Die Datei lässt sich nicht öffnen oder lesen.</source>
        <translation>The file cannot be opened or read.</translation>
    </message>
    <message>
        <source>Eine Seite ist als Bild größer, als die Tafel annimmt; sie und die noch nicht vorbereiteten Seiten werden nicht gezeigt.</source>
        <translation>A page is a larger image than the whiteboard accepts; it and the pages not yet prepared are not shown.</translation>
    </message>
    <message>
        <source>Auf der Tafel dieser Beratung sind schon so viele Dokumente, wie erlaubt sind.</source>
        <translation>This consultation's whiteboard already has as many documents as allowed.</translation>
    </message>
    <message>
        <source>Die Beratung ist beendet; das Dokument wird nicht mehr gezeigt.</source>
        <translation>The consultation has ended; the document is no longer shown.</translation>
    </message>
</context>
<context>
    <name>consult::advisor::WhiteboardPanel</name>
    <message>
        <source>Dokument öffnen</source>
        <translation>Open document</translation>
    </message>
    <message>
        <source>PDF und Bilder (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>PDF and images (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Alle Dateien (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>„%1“ wird nicht gezeigt: %2</source>
        <translation>“%1” is not shown: %2</translation>
    </message>
    <message>
        <source>„%1“ wird geöffnet …</source>
        <translation>Opening “%1” …</translation>
    </message>
    <message>
        <source>Seite leeren?</source>
        <translation>Clear the page?</translation>
    </message>
    <message>
        <source>Alle Markierungen dieser Seite entfernen, auch die des Kunden? Mit „Rückgängig“ lässt sich das zurücknehmen.</source>
        <translation>Remove every mark on this page, the customer's too? “Undo” takes it back.</translation>
    </message>
    <message>
        <source>Seite leeren</source>
        <translation>Clear page</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Der Server hat das nicht erlaubt.</source>
        <translation>The server did not allow that.</translation>
    </message>
    <message>
        <source>Grenze erreicht: Diese Beratung hat schon so viele Dokumente, wie erlaubt sind.</source>
        <translation>Limit reached: this consultation already has as many documents as allowed.</translation>
    </message>
    <message>
        <source>Grenze erreicht: Das Dokument hat mehr Seiten, als erlaubt sind.</source>
        <translation>Limit reached: the document has more pages than allowed.</translation>
    </message>
    <message>
        <source>Grenze erreicht: Eine Seite ist als Bild zu groß.</source>
        <translation>Limit reached: a page is too large as an image.</translation>
    </message>
    <message>
        <source>Grenze erreicht: Die Tafel dieser Beratung ist voll (Datenmenge).</source>
        <translation>Limit reached: this consultation's whiteboard is full (amount of data).</translation>
    </message>
    <message>
        <source>Grenze erreicht: Auf der Tafel sind so viele Markierungen, wie erlaubt sind.</source>
        <translation>Limit reached: the whiteboard has as many marks as allowed.</translation>
    </message>
    <message>
        <source>Grenze erreicht: Der Strich ist zu lang; er endet hier.</source>
        <translation>Limit reached: the stroke is too long; it ends here.</translation>
    </message>
    <message>
        <source>Grenze der Tafel erreicht (%1).</source>
        <translation>Whiteboard limit reached (%1).</translation>
    </message>
    <message>
        <source>Zu viele Schritte in kurzer Zeit; bitte einen Moment warten.</source>
        <translation>Too many steps in a short time; please wait a moment.</translation>
    </message>
    <message>
        <source>Der Server hat die Eingabe abgelehnt.</source>
        <translation>The server refused the input.</translation>
    </message>
    <message>
        <source>Der Server hat die Eingabe abgelehnt (%1).</source>
        <translation>The server refused the input (%1).</translation>
    </message>
    <message>
        <source>Diese Seite oder dieses Dokument gibt es auf der Tafel nicht mehr.</source>
        <translation>This page or document is no longer on the whiteboard.</translation>
    </message>
    <message>
        <source>Eine Seite ließ sich nicht lesen und wird nicht gezeigt.</source>
        <translation>A page could not be read and is not shown.</translation>
    </message>
    <message>
        <source>„%1“: %2 von %3 Seiten vorbereitet</source>
        <translation>“%1”: %2 of %3 pages prepared</translation>
    </message>
    <message numerus="yes">
        <source>%n Seite(n) unterwegs zum Kunden</source>
        <translation>
            <numerusform>%n page on its way to the customer</numerusform>
            <numerusform>%n pages on their way to the customer</numerusform>
        </translation>
    </message>
    <message>
        <source>Fortschritt des Dokuments</source>
        <translation>Document progress</translation>
    </message>
    <message>
        <source>Die Tafel ist in dieser Beratung nicht verfügbar.</source>
        <translation>The whiteboard is not available in this consultation.</translation>
    </message>
    <message>
        <source>Kein Dokument gezeigt</source>
        <translation>No document shown</translation>
    </message>
    <message>
        <source>Seite %1 von %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Dokument ö&amp;ffnen …</source>
        <translation>Open &amp;file …</translation>
    </message>
    <message>
        <source>Ein PDF oder Bild auf der Tafel zeigen (Strg+O)</source>
        <translation>Show a PDF or picture on the whiteboard (Ctrl+O)</translation>
    </message>
    <message>
        <source>Vorige Seite zeigen (Bild auf)</source>
        <translation>Show the previous page (Page Up)</translation>
    </message>
    <message>
        <source>Vorige Seite</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Nächste Seite zeigen (Bild ab)</source>
        <translation>Show the next page (Page Down)</translation>
    </message>
    <message>
        <source>Nächste Seite</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>&amp;Kunde darf zeichnen</source>
        <translation>&amp;Customer may draw</translation>
    </message>
    <message>
        <source>Erlaubt dem Kunden, auf der Tafel zu zeichnen</source>
        <translation>Lets the customer draw on the whiteboard</translation>
    </message>
    <message>
        <source>Kunde darf zeichnen</source>
        <translation>Customer may draw</translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation>Whiteboard</translation>
    </message>
</context>
<context>
    <name>consult::forms::FormPdf</name>
    <message>
        <source>nicht freigegeben</source>
        <translation>not released</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nein</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(nicht ausgefüllt)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>Gesendet am %1</source>
        <translation>Sent on %1</translation>
    </message>
    <message>
        <source>ausgefüllt am %1</source>
        <translation>filled in on %1</translation>
    </message>
    <message>
        <source>noch nicht ausgefüllt</source>
        <translation>not filled in yet</translation>
    </message>
    <message>
        <source>* Pflichtfeld. Dieses Formular wurde auf Ihrem Gerät erstellt; auf den Servern der Bank wird es mit dem Ende der Beratung gelöscht.</source>
        <translation>* Required field. This form was created on your device; on the bank&apos;s servers it is deleted when the consultation ends.</translation>
    </message>
</context>
</TS>
