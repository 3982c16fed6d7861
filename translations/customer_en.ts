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
        <translation>The camera delivers no picture. Perhaps another program is using it.</translation>
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
        <translation>The microphone could not be opened. Perhaps another program is using it.</translation>
    </message>
    <message>
        <source>Das Mikrofon wurde getrennt. Sie können weiter schreiben oder telefonieren.</source>
        <translation>The microphone was disconnected. You can keep writing or talk by telephone.</translation>
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
        <translation>The customer talks by telephone.</translation>
    </message>
    <message>
        <source>Der Kunde spricht per Telefon (Code %1).</source>
        <translation>The customer talks by telephone (code %1).</translation>
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
    <name>consult::SendGuard</name>
    <message>
        <source>Vertrauliche Daten?</source>
        <translation>Confidential data?</translation>
    </message>
    <message>
        <source>Geben Sie niemals PIN, TAN, Passwort oder Anmeldenamen ein.</source>
        <translation>Never enter your PIN, TAN, password or user name.</translation>
    </message>
    <message>
        <source>Keine Aufträge im Chat</source>
        <translation>No instructions in the chat</translation>
    </message>
    <message>
        <source>Im Chat können wir keine rechtsverbindlichen Aufträge annehmen.</source>
        <translation>We cannot accept legally binding instructions in the chat.</translation>
    </message>
    <message>
        <source>eine IBAN</source>
        <translation>an IBAN</translation>
    </message>
    <message>
        <source>eine Kartennummer</source>
        <translation>a card number</translation>
    </message>
    <message>
        <source>eine PIN oder TAN</source>
        <translation>a PIN or TAN</translation>
    </message>
    <message>
        <source>ein Passwort oder Zugangsdaten</source>
        <translation>a password or log-in details</translation>
    </message>
    <message>
        <source>Ihre Nachricht enthält etwas, das wie %1 aussieht. Wir fragen Sie im Chat nie danach. Bitte entfernen Sie es, bevor Sie die Nachricht senden.</source>
        <translation>Your message contains something that looks like %1. We never ask for it in the chat. Please remove it before you send the message.</translation>
    </message>
    <message>
        <source> und </source>
        <translation> and </translation>
    </message>
    <message>
        <source>Möchten Sie eine Karte sperren lassen? Rufen Sie bitte sofort den Sperr-Notruf 116 116 an (aus dem Ausland +49 116 116), rund um die Uhr erreichbar.</source>
        <translation>Do you want to block a card? Please call the blocking hotline 116 116 at once (from abroad +49 116 116), available around the clock.</translation>
    </message>
    <message>
        <source>Überweisungen und Daueraufträge erteilen Sie bitte im Online-Banking oder in Ihrer Filiale.</source>
        <translation>Please make transfers and standing orders in online banking or at your branch.</translation>
    </message>
    <message>
        <source>Wertpapierorders erteilen Sie bitte im Online-Banking oder in Ihrer Filiale.</source>
        <translation>Please place securities orders in online banking or at your branch.</translation>
    </message>
    <message>
        <source>Fragen dazu beantworten wir Ihnen hier gern.</source>
        <translation>We are glad to answer your questions about it here.</translation>
    </message>
</context>
<context>
    <name>consult::SendGuardDialog</name>
    <message>
        <source>Trotzdem senden</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Nachricht senden</source>
        <translation>Send message</translation>
    </message>
</context>
<context>
    <name>consult::Transcript</name>
    <message>
        <source>Gesprächsprotokoll</source>
        <translation>Conversation transcript</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>%1 bis %2 Uhr</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Beraterin oder Berater</source>
        <translation>Advisor</translation>
    </message>
    <message>
        <source>Kundin oder Kunde</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Im Chat wurden keine Nachrichten geschrieben.</source>
        <translation>No messages were written in the chat.</translation>
    </message>
    <message>
        <source>Dieses Protokoll wurde auf Ihrem Gerät erstellt. Die Beratung wurde nicht aufgezeichnet; der Chat ist auf unseren Servern mit dem Ende der Beratung gelöscht worden. Im Chat werden keine rechtsverbindlichen Aufträge angenommen.</source>
        <translation>This transcript was created on your device. The consultation was not recorded; the chat was deleted from our servers when the consultation ended. No legally binding instructions are accepted in the chat.</translation>
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
    <name>consult::board::BoardPdfExport</name>
    <message>
        <source>Die Datei „%1“ konnte nicht gespeichert werden: %2</source>
        <translation>The file “%1” could not be saved: %2</translation>
    </message>
    <message>
        <source>Es gibt noch keine Seiten, die sich speichern lassen.</source>
        <translation>There are no pages to save yet.</translation>
    </message>
    <message>
        <source>Das PDF ließ sich nicht anlegen.</source>
        <translation>The PDF could not be created.</translation>
    </message>
    <message>
        <source>Das PDF ließ sich nicht fertigstellen.</source>
        <translation>The PDF could not be completed.</translation>
    </message>
</context>
<context>
    <name>consult::customer::BoardPdfSaving</name>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Beratungsunterlagen-%1.pdf</source>
        <translation>Consultation-documents-%1.pdf</translation>
    </message>
    <message>
        <source>Unterlagen als PDF speichern</source>
        <translation>Save documents as PDF</translation>
    </message>
    <message>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Die Unterlagen konnten nicht gespeichert werden: %1</source>
        <translation>The documents could not be saved: %1</translation>
    </message>
    <message>
        <source>Unterlagen aus Ihrer Beratung</source>
        <translation>Documents from your consultation</translation>
    </message>
</context>
<context>
    <name>consult::customer::ConsentPage</name>
    <message>
        <source>Zugriff auf Kamera und Mikrofon</source>
        <translation>Access to camera and microphone</translation>
    </message>
    <message>
        <source>Darf die Anwendung für diese Beratung Ihre Kamera und Ihr Mikrofon verwenden?</source>
        <translation>May the application use your camera and microphone for this consultation?</translation>
    </message>
    <message>
        <source>keine (Sie sehen Ihre Beraterin oder Ihren Berater trotzdem)</source>
        <translation>none (you will still see your advisor)</translation>
    </message>
    <message>
        <source>keines</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Kamera: %1
Mikrofon: %2</source>
        <translation>Camera: %1
Microphone: %2</translation>
    </message>
    <message>
        <source>Die Erlaubnis gilt nur für diese Beratung. Wechseln Sie währenddessen die Seite oder prüfen Sie die Technik erneut, fragen wir nicht noch einmal. Mit dem Ende der Beratung endet auch der Zugriff.</source>
        <translation>The permission applies to this consultation only. If you switch screens or check your equipment again in the meantime, we will not ask again. Access ends when the consultation ends.</translation>
    </message>
    <message>
        <source>Ihre Beraterin oder Ihr Berater sieht und hört Sie nur, solange Kamera und Mikrofon eingeschaltet sind. Beides können Sie in der Beratung jederzeit ausschalten.</source>
        <translation>Your advisor only sees and hears you while your camera and microphone are switched on. You can switch either off at any time during the consultation.</translation>
    </message>
    <message>
        <source>Zulassen</source>
        <translation>Allow</translation>
    </message>
    <message>
        <source>Kamera und Mikrofon zulassen</source>
        <translation>Allow camera and microphone</translation>
    </message>
    <message>
        <source>Nicht zulassen, nur schreiben</source>
        <translation>Don&apos;t allow, chat in writing only</translation>
    </message>
    <message>
        <source>Nicht zulassen und mit dem Textchat fortfahren</source>
        <translation>Don&apos;t allow and continue with the text chat</translation>
    </message>
</context>
<context>
    <name>consult::customer::ConsultationPage</name>
    <message>
        <source>Sie werden jetzt von %1 beraten.</source>
        <translation>%1 is now looking after you.</translation>
    </message>
    <message>
        <source>%1 ist wieder verbunden.</source>
        <translation>%1 is connected again.</translation>
    </message>
    <message>
        <source>Neue Nachricht von %1: %2</source>
        <translation>New message from %1: %2</translation>
    </message>
    <message>
        <source>Ihre Beratung</source>
        <translation>Your consultation</translation>
    </message>
    <message>
        <source>Ihre Beratung mit %1</source>
        <translation>Your consultation with %1</translation>
    </message>
    <message>
        <source>Beratung beenden</source>
        <translation>End consultation</translation>
    </message>
    <message>
        <source>Geben Sie hier niemals Passwörter, PINs, TANs oder Benutzerkennungen ein. Wir fragen Sie nie danach.</source>
        <translation>Never enter passwords, PINs, TANs or user IDs here. We will never ask you for them.</translation>
    </message>
    <message>
        <source>Im Chat nehmen wir keine rechtsverbindlichen Aufträge an, zum Beispiel Überweisungen, Wertpapierorders oder Kartensperren.</source>
        <translation>We cannot accept legally binding instructions in the chat, such as transfers, securities orders or card blocking.</translation>
    </message>
    <message>
        <source>Wichtiger Hinweis</source>
        <translation>Important notice</translation>
    </message>
    <message>
        <source>Die Verbindung von %1 ist unterbrochen und wird wiederhergestellt. Ihre Nachrichten kommen an, sobald sie wieder da ist.</source>
        <translation>%1&apos;s connection was interrupted and is being restored. Your messages will arrive as soon as it is back.</translation>
    </message>
    <message>
        <source>%1 schreibt …</source>
        <translation>%1 is typing …</translation>
    </message>
    <message>
        <source>Ihre Nachricht</source>
        <translation>Your message</translation>
    </message>
    <message>
        <source>Eingabetaste sendet, Umschalt und Eingabetaste beginnt eine neue Zeile.</source>
        <translation>Enter sends, Shift and Enter starts a new line.</translation>
    </message>
    <message>
        <source>Ihre Nachricht …</source>
        <translation>Your message …</translation>
    </message>
    <message>
        <source>Senden</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Nachricht senden</source>
        <translation>Send message</translation>
    </message>
    <message>
        <source>Eingabetaste: senden · Umschalt + Eingabetaste: neue Zeile</source>
        <translation>Enter: send · Shift + Enter: new line</translation>
    </message>
    <message>
        <source>Chatverlauf</source>
        <translation>Chat history</translation>
    </message>
</context>
<context>
    <name>consult::customer::ConsultationSummary</name>
    <message>
        <source>Ausgetauschte Dateien</source>
        <translation>Files exchanged</translation>
    </message>
    <message>
        <source>Die Dateien selbst sind nicht Teil dieses Dokuments; sie sind mit dem Ende der Beratung auf unseren Servern gelöscht worden.</source>
        <translation>The files themselves are not part of this document; they were deleted from our servers when the consultation ended.</translation>
    </message>
    <message>
        <source>%1, von %2</source>
        <translation>%1, from %2</translation>
    </message>
    <message>
        <source>, %1 Uhr</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source> – während der Beratung entfernt</source>
        <translation> – removed during the consultation</translation>
    </message>
    <message>
        <source>Tafel – Seite %1</source>
        <translation>Whiteboard – page %1</translation>
    </message>
    <message>
        <source>Tafel – %1, Seite %2</source>
        <translation>Whiteboard – %1, page %2</translation>
    </message>
    <message>
        <source>Ausgefüllte Formulare</source>
        <translation>Completed forms</translation>
    </message>
</context>
<context>
    <name>consult::customer::CustomerTexts</name>
    <message>
        <source>Der Beratungsserver ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</source>
        <translation>The consultation server cannot be reached. Please check your internet connection and try again.</translation>
    </message>
    <message>
        <source>Die Identität des Beratungsservers konnte nicht bestätigt werden. Zu Ihrer Sicherheit wurde die Verbindung nicht aufgebaut.</source>
        <translation>The consultation server&apos;s identity could not be confirmed. For your security, no connection was made.</translation>
    </message>
    <message>
        <source>Der Server hat sich nicht mit dem Schlüssel Ihrer Bank ausgewiesen. Zu Ihrer Sicherheit wurde die Verbindung abgebrochen. Bitte versuchen Sie es später erneut oder rufen Sie uns an.</source>
        <translation>The server did not identify itself with your bank&apos;s key. For your security, the connection was closed. Please try again later or give us a call.</translation>
    </message>
    <message>
        <source>Diese Version der Anwendung wird nicht mehr unterstützt. Bitte installieren Sie die aktuelle Version.</source>
        <translation>This version of the application is no longer supported. Please install the current version.</translation>
    </message>
    <message>
        <source>Der Beratungsserver ist gerade ausgelastet. Bitte versuchen Sie es in einigen Minuten erneut.</source>
        <translation>The consultation server is busy right now. Please try again in a few minutes.</translation>
    </message>
    <message>
        <source>Die Verbindung war zu lange unterbrochen. Die Sitzung konnte nicht fortgesetzt werden.</source>
        <translation>The connection was interrupted for too long. The session could not be continued.</translation>
    </message>
    <message>
        <source>Bei der Verbindung ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.</source>
        <translation>The connection ran into an error. Please try again.</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie Ihre Telefonnummer.</source>
        <translation>Please check your phone number.</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie Ihren Namen.</source>
        <translation>Please check your name.</translation>
    </message>
    <message>
        <source>Die Hinweise wurden inzwischen aktualisiert. Bitte lesen und bestätigen Sie sie erneut.</source>
        <translation>The notices have been updated in the meantime. Please read and accept them again.</translation>
    </message>
    <message>
        <source>Von Ihrem Anschluss kamen in kurzer Zeit zu viele Anmeldungen. Bitte versuchen Sie es %1 erneut.</source>
        <translation>Too many log-ins came from your connection in a short time. Please try again %1.</translation>
    </message>
    <message>
        <source>Die Warteschlange ist gerade voll. Sie können uns eine Mitteilung schreiben.</source>
        <translation>The queue is full right now. You can leave us a message.</translation>
    </message>
    <message>
        <source>Der Service-Chat ist gerade geschlossen. Sie können uns eine Mitteilung schreiben.</source>
        <translation>The service chat is closed right now. You can leave us a message.</translation>
    </message>
    <message>
        <source>Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.</source>
        <translation>The log-in failed. Please try again.</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie die Telefonnummer für den Rückruf.</source>
        <translation>Please check the phone number for the call-back.</translation>
    </message>
    <message>
        <source>Bitte prüfen Sie Ihre Mitteilung (1 bis 4000 Zeichen).</source>
        <translation>Please check your message (1 to 4000 characters).</translation>
    </message>
    <message>
        <source>Von Ihrem Anschluss kamen in kurzer Zeit zu viele Mitteilungen. Bitte versuchen Sie es %1 erneut.</source>
        <translation>Too many messages came from your connection in a short time. Please try again %1.</translation>
    </message>
    <message>
        <source>Ihre Mitteilung konnte gerade nicht gespeichert werden. Es ist nichts verloren: Bitte senden Sie sie noch einmal.</source>
        <translation>Your message could not be stored just now. Nothing is lost: please send it again.</translation>
    </message>
    <message>
        <source>Wir können im Moment leider keine Mitteilungen annehmen. Bitte rufen Sie uns unter der Service-Nummer Ihrer Bank an oder versuchen Sie es später noch einmal. Ihr Text bleibt hier stehen.</source>
        <translation>We are sorry, we cannot take messages at the moment. Please call your bank&apos;s service number or try again later. Your text stays here.</translation>
    </message>
    <message>
        <source>Ihre Mitteilung konnte nicht gesendet werden. Bitte versuchen Sie es erneut.</source>
        <translation>Your message could not be sent. Please try again.</translation>
    </message>
    <message>
        <source>Sie haben sehr schnell hintereinander geschrieben. Die Nachricht wurde nicht gesendet; bitte senden Sie sie gleich noch einmal.</source>
        <translation>You wrote very quickly in a row. The message was not sent; please send it again in a moment.</translation>
    </message>
    <message>
        <source>Die Nachricht wurde nicht gesendet: Sie ist leer, zu lang (mehr als 4000 Zeichen) oder enthält unzulässige Zeichen.</source>
        <translation>The message was not sent: it is empty, too long (more than 4000 characters) or contains characters that are not allowed.</translation>
    </message>
    <message>
        <source>Die Nachricht wurde nicht gesendet.</source>
        <translation>The message was not sent.</translation>
    </message>
    <message>
        <source>Der Name ist zu lang (höchstens 100 Zeichen).</source>
        <translation>The name is too long (at most 100 characters).</translation>
    </message>
    <message>
        <source>Bitte verwenden Sie nur Buchstaben, Leerzeichen, Bindestrich, Punkt und Apostroph.</source>
        <translation>Please use only letters, spaces, hyphens, full stops and apostrophes.</translation>
    </message>
    <message>
        <source>Bitte geben Sie Ihren Namen mit Buchstaben ein.</source>
        <translation>Please enter your name in letters.</translation>
    </message>
    <message>
        <source>Bitte geben Sie Ihren Namen ein.</source>
        <translation>Please enter your name.</translation>
    </message>
    <message>
        <source>Die Telefonnummer ist zu lang.</source>
        <translation>The phone number is too long.</translation>
    </message>
    <message>
        <source>Bitte verwenden Sie nur Ziffern, Leerzeichen und + ( ) / -.</source>
        <translation>Please use only digits, spaces and + ( ) / -.</translation>
    </message>
    <message>
        <source>Bitte geben Sie die Nummer mit Ländervorwahl ein, z. B. +49 561 123456.</source>
        <translation>Please enter the number with its country code, e.g. +49 561 123456.</translation>
    </message>
    <message>
        <source>Kostenpflichtige Sondernummern können wir nicht zurückrufen.</source>
        <translation>We cannot call back premium-rate numbers.</translation>
    </message>
    <message>
        <source>Diese Telefonnummer scheint nicht vollständig oder nicht vergeben zu sein.</source>
        <translation>This phone number seems to be incomplete or not in use.</translation>
    </message>
    <message>
        <source>Bitte geben Sie eine Telefonnummer für Rückfragen ein.</source>
        <translation>Please enter a phone number for questions.</translation>
    </message>
    <message>
        <source>Sie haben die Beratung beendet.</source>
        <translation>You ended the consultation.</translation>
    </message>
    <message>
        <source>Ihre Beraterin oder Ihr Berater hat die Beratung beendet.</source>
        <translation>Your advisor ended the consultation.</translation>
    </message>
    <message>
        <source>Die Verbindung zu Ihrer Beraterin oder Ihrem Berater ist abgebrochen. Die Beratung wurde beendet.</source>
        <translation>The connection to your advisor was lost. The consultation has ended.</translation>
    </message>
    <message>
        <source>Ihre Verbindung war zu lange unterbrochen. Die Beratung wurde beendet.</source>
        <translation>Your connection was interrupted for too long. The consultation has ended.</translation>
    </message>
    <message>
        <source>Der Beratungsdienst wurde gerade gewartet. Die Beratung wurde beendet.</source>
        <translation>The consultation service was just being maintained. The consultation has ended.</translation>
    </message>
    <message>
        <source>Die Beratung ist beendet.</source>
        <translation>The consultation has ended.</translation>
    </message>
    <message>
        <source>Voraussichtliche Wartezeit: weniger als eine Minute</source>
        <translation>Expected waiting time: less than a minute</translation>
    </message>
    <message>
        <source>Voraussichtliche Wartezeit: etwa eine Minute</source>
        <translation>Expected waiting time: about one minute</translation>
    </message>
    <message>
        <source>Voraussichtliche Wartezeit: etwa %1 Minuten</source>
        <translation>Expected waiting time: about %1 minutes</translation>
    </message>
    <message>
        <source>in einer Minute</source>
        <translation>in a minute</translation>
    </message>
    <message>
        <source>in %1 Minuten</source>
        <translation>in %1 minutes</translation>
    </message>
    <message>
        <source>Öffnungszeiten: %1</source>
        <translation>Opening hours: %1</translation>
    </message>
    <message>
        <source>dddd, d. MMMM</source>
        <extracomment>Date format of the next opening (QLocale pattern), e.g. &quot;Montag, 24. November&quot;.</extracomment>
        <translation>dddd d MMMM</translation>
    </message>
    <message>
        <source>%1, %2 Uhr</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Wir sind wieder da: %1</source>
        <translation>We are back: %1</translation>
    </message>
    <message>
        <source>Sicherheitshinweise</source>
        <translation>Security notice</translation>
    </message>
    <message>
        <source>Rechtliche Hinweise</source>
        <translation>Legal notice</translation>
    </message>
    <message>
        <source>Datenschutzhinweise</source>
        <translation>Privacy notice</translation>
    </message>
    <message>
        <source>Hinweise</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>Ich habe die Sicherheitshinweise gelesen und akzeptiere sie.</source>
        <translation>I have read and accept the security notice.</translation>
    </message>
    <message>
        <source>Ich habe die rechtlichen Hinweise gelesen und akzeptiere sie.</source>
        <translation>I have read and accept the legal notice.</translation>
    </message>
    <message>
        <source>Ich habe die Datenschutzhinweise gelesen und akzeptiere sie.</source>
        <translation>I have read and accept the privacy notice.</translation>
    </message>
    <message>
        <source>Ich habe die Hinweise gelesen und akzeptiere sie.</source>
        <translation>I have read and accept the notices.</translation>
    </message>
    <message>
        <source>Die Wartezeit lässt sich gerade nicht abschätzen.</source>
        <translation>The waiting time cannot be estimated right now.</translation>
    </message>
</context>
<context>
    <name>consult::customer::CustomerWindow</name>
    <message>
        <source>Warten beenden</source>
        <translation>Stop waiting</translation>
    </message>
    <message>
        <source>Möchten Sie die Warteschlange wirklich verlassen? Ihr Platz geht dabei verloren.</source>
        <translation>Do you really want to leave the queue? You will lose your place.</translation>
    </message>
    <message>
        <source>Warteschlange verlassen</source>
        <translation>Leave the queue</translation>
    </message>
    <message>
        <source>Weiter warten</source>
        <translation>Keep waiting</translation>
    </message>
    <message>
        <source>Beratung beenden</source>
        <translation>End consultation</translation>
    </message>
    <message>
        <source>Möchten Sie die Beratung jetzt beenden?</source>
        <translation>Do you want to end the consultation now?</translation>
    </message>
    <message>
        <source>Weiter schreiben</source>
        <translation>Keep chatting</translation>
    </message>
    <message>
        <source>%1 – Service-Chat</source>
        <translation>%1 – Service chat</translation>
    </message>
    <message>
        <source>Die Verbindung ist unterbrochen und wird wiederhergestellt … Was Sie jetzt schreiben, wird gesendet, sobald sie wieder steht.</source>
        <translation>The connection was interrupted and is being restored … What you write now will be sent as soon as it is back.</translation>
    </message>
    <message>
        <source>Die Verbindung steht wieder.</source>
        <translation>The connection is back.</translation>
    </message>
    <message>
        <source>Wenn Sie die Anwendung schließen, endet die Beratung.</source>
        <translation>If you close the application, the consultation ends.</translation>
    </message>
    <message>
        <source>Beratung beenden und schließen</source>
        <translation>End consultation and close</translation>
    </message>
    <message>
        <source>Anwendung schließen</source>
        <translation>Close application</translation>
    </message>
    <message>
        <source>Wenn Sie die Anwendung schließen, verlassen Sie die Warteschlange.</source>
        <translation>If you close the application, you leave the queue.</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Das Gesprächsprotokoll wird beim Schließen gelöscht. Möchten Sie es vorher speichern oder drucken?</source>
        <translation>The transcript is deleted when you close. Would you like to save or print it first?</translation>
    </message>
    <message>
        <source>Ohne Protokoll schließen</source>
        <translation>Close without transcript</translation>
    </message>
    <message>
        <source>Zurück zum Protokoll</source>
        <translation>Back to the transcript</translation>
    </message>
    <message>
        <source>%1 – Videoberatung</source>
        <translation>%1 – Video consultation</translation>
    </message>
</context>
<context>
    <name>consult::customer::DeletionReceiptText</name>
    <message>
        <source>d.M.yyyy</source>
        <extracomment>The date in the deletion receipt, a QDate format (&quot;7.12.2026&quot;).</extracomment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>Gelöscht am %1 um %2 Uhr</source>
        <translation>Deleted on %1 at %2</translation>
    </message>
    <message>
        <source>Datei „%1“ (%2), von %3</source>
        <translation>File “%1” (%2), from %3</translation>
    </message>
    <message>
        <source>Formular „%1“ mit allen Eingaben</source>
        <translation>Form “%1” with everything entered</translation>
    </message>
    <message>
        <source>Die Tafel: 1 Seite mit allen Markierungen (%1)</source>
        <translation>The whiteboard: 1 page with all markings (%1)</translation>
    </message>
    <message>
        <source>Die Tafel: %1 Seiten mit allen Markierungen (%2)</source>
        <translation>The whiteboard: %1 pages with all markings (%2)</translation>
    </message>
    <message>
        <source>Der Chat, den der Server bereithielt: 1 Nachricht</source>
        <translation>The chat the server held: 1 message</translation>
    </message>
    <message>
        <source>Der Chat, den der Server bereithielt: %1 Nachrichten</source>
        <translation>The chat the server held: %1 messages</translation>
    </message>
    <message>
        <source>Weitere Inhalte der Beratung</source>
        <translation>Other content of the consultation</translation>
    </message>
    <message>
        <source>Der Server hielt aus dieser Beratung keine Dateien, Formulare, Tafelseiten oder Chatnachrichten.</source>
        <translation>The server held no files, forms, whiteboard pages or chat messages of this consultation.</translation>
    </message>
    <message>
        <source>Gespeichert bleibt nur eine anonyme Statistik: die Stunde des Beginns, Dauer und Wartezeit in Minuten, wie die Beratung endete und welche Funktionen genutzt wurden – nichts, was auf Sie schließen lässt. Zum Schutz vor Angriffen hält der Server außerdem 7 Tage lang fest, wann sich welche Internetadresse mit welcher Programmversion verbunden hat, ohne Inhalte.</source>
        <translation>Only anonymous statistics are kept: the hour it began, duration and wait in minutes, how the consultation ended and which features were used – nothing that identifies you. To protect against attacks, the server also records for 7 days when which internet address connected with which program version, without any content.</translation>
    </message>
    <message>
        <source>Die Löschbestätigung konnte nicht empfangen werden, weil die Verbindung abgebrochen ist.</source>
        <translation>The deletion receipt could not be received because the connection was lost.</translation>
    </message>
    <message>
        <source>Eine Löschbestätigung des Servers ist nicht angekommen.</source>
        <translation>No deletion receipt arrived from the server.</translation>
    </message>
    <message>
        <source>Die Bank löscht trotzdem alles aus dieser Beratung – Chat, Dateien, Formulare und Tafel –, sobald die Beratung auf dem Server endet. Gespeichert bleibt nur die anonyme Statistik (Stunde des Beginns, Dauer, genutzte Funktionen) und 7 Tage lang das Zugriffsprotokoll ohne Inhalte.</source>
        <translation>The bank deletes everything of this consultation all the same – chat, files, forms and whiteboard – as soon as the consultation ends on the server. Only the anonymous statistics (hour it began, duration, features used) and, for 7 days, the access log without any content are kept.</translation>
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
        <source>Ihnen</source>
        <translation>you</translation>
    </message>
    <message>
        <source>Ihrer Beraterin oder Ihrem Berater</source>
        <translation>your advisor</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>consult::customer::DocumentTexts</name>
    <message>
        <source>PNG-Bilder (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>JPEG-Bilder (*.jpg *.jpeg)</source>
        <translation>JPEG images (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>%1 oder %2</source>
        <translation>%1 or %2</translation>
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
        <source>von Ihnen</source>
        <translation>from you</translation>
    </message>
    <message>
        <source>vom Berater</source>
        <translation>from your advisor</translation>
    </message>
    <message>
        <source>Erlaubt sind %1-Dateien</source>
        <translation>Allowed: %1 files</translation>
    </message>
    <message>
        <source>, höchstens %1 pro Datei</source>
        <translation>, at most %1 per file</translation>
    </message>
    <message numerus="yes">
        <source>, bis zu %n Dateien in dieser Beratung</source>
        <translation>
            <numerusform>, up to %n file in this consultation</numerusform>
            <numerusform>, up to %n files in this consultation</numerusform>
        </translation>
    </message>
    <message>
        <source>Am Ende der Beratung werden alle Dateien im System gelöscht. Speichern Sie, was Sie behalten möchten.</source>
        <translation>At the end of the consultation all files are deleted from the system. Save what you want to keep.</translation>
    </message>
    <message>
        <source>Diese Datei ist beschädigt oder lässt sich nicht lesen. Bitte speichern Sie sie neu und senden Sie sie noch einmal.</source>
        <translation>This file is damaged or cannot be read. Please save it again and send it once more.</translation>
    </message>
    <message>
        <source>Diese PDF-Datei ist mit einem Kennwort geschützt. Bitte senden Sie sie ohne Kennwort.</source>
        <translation>This PDF file is protected by a password. Please send it without a password.</translation>
    </message>
    <message>
        <source>Diese PDF-Datei enthält aktive Inhalte, zum Beispiel Skripte oder eingebettete Dateien. Bitte drucken Sie sie als neue PDF-Datei und senden Sie diese.</source>
        <translation>This PDF file contains active content, for example scripts or embedded files. Please print it to a new PDF file and send that.</translation>
    </message>
    <message>
        <source>Diese Datei enthält außer dem Dokument noch etwas anderes und wird deshalb nicht angenommen.</source>
        <translation>This file contains something else besides the document and is therefore not accepted.</translation>
    </message>
    <message>
        <source>Dieses Bild ist zu groß. Bitte verkleinern Sie es und senden Sie es noch einmal.</source>
        <translation>This picture is too large. Please make it smaller and send it again.</translation>
    </message>
    <message>
        <source>Dieses PDF-Dokument hat zu viele Seiten. Bitte senden Sie nur die Seiten, um die es geht.</source>
        <translation>This PDF document has too many pages. Please send only the pages that matter.</translation>
    </message>
    <message>
        <source>Der Inhalt dieser Datei passt nicht zu ihrer Endung. Bitte speichern Sie sie im richtigen Format.</source>
        <translation>The content of this file does not match its extension. Please save it in the right format.</translation>
    </message>
    <message>
        <source>Diese Datei ist leer.</source>
        <translation>This file is empty.</translation>
    </message>
    <message>
        <source>Diese Datei lässt sich nicht sicher prüfen: Sie ist beschädigt, mit einem Kennwort geschützt oder enthält aktive Inhalte. Speichern Sie sie bitte als einfache PDF-Datei oder als Bild und senden Sie sie noch einmal.</source>
        <translation>This file cannot be checked safely: it is damaged, protected by a password or contains active content. Please save it as a plain PDF file or as a picture and send it again.</translation>
    </message>
    <message>
        <source>Diese Datei ist kein %1-Dokument. Bitte senden Sie nur PDF-Dateien oder Bilder.</source>
        <translation>This file is not a %1 document. Please send only PDF files or pictures.</translation>
    </message>
    <message>
        <source>Die Datei ist größer als %1. Bitte senden Sie eine kleinere Datei.</source>
        <translation>The file is larger than %1. Please send a smaller file.</translation>
    </message>
    <message numerus="yes">
        <source>In dieser Beratung können höchstens %n Dateien ausgetauscht werden. Es passt keine weitere hinein.</source>
        <translation>
            <numerusform>At most %n file can be exchanged in this consultation. No more fit in.</numerusform>
            <numerusform>At most %n files can be exchanged in this consultation. No more fit in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alle Dateien dieser Beratung zusammen dürfen höchstens %1 groß sein. Diese Datei passt nicht mehr hinein.</source>
        <translation>All files of this consultation together may be at most %1. This file does not fit in any more.</translation>
    </message>
    <message>
        <source>Der Dienst kann gerade keine Dateien annehmen. Bitte versuchen Sie es später noch einmal.</source>
        <translation>The service cannot accept files right now. Please try again later.</translation>
    </message>
    <message>
        <source>Der Dateiname ist nicht verwendbar. Bitte benennen Sie die Datei um und senden Sie sie noch einmal.</source>
        <translation>The file name cannot be used. Please rename the file and send it again.</translation>
    </message>
    <message>
        <source>Die Datei kam nicht vollständig an und wurde nicht gespeichert. Bitte versuchen Sie es noch einmal.</source>
        <translation>The file did not arrive completely and was not saved. Please try again.</translation>
    </message>
    <message>
        <source>Diese Datei gibt es nicht mehr: Ihr Berater hat sie gelöscht, oder die Beratung ist zu Ende.</source>
        <translation>This file no longer exists: your advisor deleted it, or the consultation has ended.</translation>
    </message>
    <message>
        <source>Die Datei konnte nicht abgelegt werden. Bitte versuchen Sie es noch einmal.</source>
        <translation>The file could not be stored. Please try again.</translation>
    </message>
    <message>
        <source>Die Datei lässt sich auf Ihrem Computer nicht lesen. Bitte prüfen Sie, ob es sie noch gibt.</source>
        <translation>The file cannot be read on your computer. Please check that it still exists.</translation>
    </message>
    <message>
        <source>Die Datei konnte nicht gespeichert werden. Bitte wählen Sie einen anderen Ort.</source>
        <translation>The file could not be saved. Please choose another place.</translation>
    </message>
    <message>
        <source>Das ist jetzt nicht möglich: Die Beratung läuft nicht mehr.</source>
        <translation>That is not possible now: the consultation is no longer running.</translation>
    </message>
    <message>
        <source>„%1“: %2</source>
        <translation>“%1”: %2</translation>
    </message>
    <message>
        <source>%1-</source>
        <extracomment>A file type joined to the compound word that follows, as in &quot;PDF-, PNG- oder JPEG-Dokument&quot;.</extracomment>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>consult::customer::DocumentsPanel</name>
    <message>
        <source>Datei senden</source>
        <translation>Send a file</translation>
    </message>
    <message>
        <source>PDF-Dokumente und Bilder (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>PDF documents and pictures (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Datei speichern</source>
        <translation>Save file</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 Uhr</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Speichern …</source>
        <translation>Save …</translation>
    </message>
    <message>
        <source>%1 speichern</source>
        <translation>Save %1</translation>
    </message>
    <message>
        <source>%1 hat Ihnen eine Datei geschickt: %2</source>
        <translation>%1 sent you a file: %2</translation>
    </message>
    <message>
        <source>„%1“ ist angekommen. Ihr Berater kann die Datei jetzt öffnen.</source>
        <translation>“%1” has arrived. Your advisor can open the file now.</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Wird gesendet: %1 (%2 von %3)</source>
        <translation>Sending: %1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Wird gespeichert: %1 (%2 von %3)</source>
        <translation>Saving: %1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Fortschritt beim Senden von %1</source>
        <translation>Progress of sending %1</translation>
    </message>
    <message>
        <source>Fortschritt beim Speichern von %1</source>
        <translation>Progress of saving %1</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Senden von %1 abbrechen</source>
        <translation>Stop sending %1</translation>
    </message>
    <message>
        <source>Speichern von %1 abbrechen</source>
        <translation>Stop saving %1</translation>
    </message>
    <message>
        <source>Dokumente</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Noch keine Dateien ausgetauscht.</source>
        <translation>No files exchanged yet.</translation>
    </message>
    <message>
        <source>Datei senden …</source>
        <translation>Send a file …</translation>
    </message>
    <message>
        <source>Datei an Ihren Berater senden</source>
        <translation>Send a file to your advisor</translation>
    </message>
    <message>
        <source>oder Dateien hierher ziehen</source>
        <translation>or drag files here</translation>
    </message>
    <message>
        <source>Dateien dieser Beratung</source>
        <translation>Files of this consultation</translation>
    </message>
</context>
<context>
    <name>consult::customer::EndPage</name>
    <message>
        <source>Vielen Dank für Ihr Gespräch. Der Chat ist auf unseren Servern gelöscht.</source>
        <translation>Thank you for talking to us. The chat has been deleted from our servers.</translation>
    </message>
    <message>
        <source>Sie haben die Warteschlange verlassen.</source>
        <translation>You left the queue.</translation>
    </message>
    <message>
        <source>Sie können jederzeit einen neuen Service-Chat starten.</source>
        <translation>You can start a new service chat at any time.</translation>
    </message>
    <message>
        <source>Die Beratung konnte nicht fortgesetzt werden.</source>
        <translation>The consultation could not be continued.</translation>
    </message>
    <message>
        <source>Die Verbindung ist abgebrochen.</source>
        <translation>The connection was lost.</translation>
    </message>
    <message>
        <source>Bitte starten Sie den Service-Chat neu, wenn Sie noch Fragen haben.</source>
        <translation>Please start the service chat again if you have more questions.</translation>
    </message>
    <message>
        <source>Gesprächsprotokoll</source>
        <translation>Conversation transcript</translation>
    </message>
    <message>
        <source>Vorschau des Gesprächsprotokolls</source>
        <translation>Transcript preview</translation>
    </message>
    <message>
        <source>Drucken …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Gesprächsprotokoll drucken</source>
        <translation>Print transcript</translation>
    </message>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Gesprächsprotokoll als PDF speichern</source>
        <translation>Save transcript as PDF</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Neuen Service-Chat starten</source>
        <translation>Start a new service chat</translation>
    </message>
    <message>
        <source>Anwendung schließen</source>
        <translation>Close application</translation>
    </message>
    <message>
        <source>Gesprächsprotokoll-%1.pdf</source>
        <translation>Transcript-%1.pdf</translation>
    </message>
    <message>
        <source>Gesprächsprotokoll speichern</source>
        <translation>Save transcript</translation>
    </message>
    <message>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Das Protokoll konnte nicht gespeichert werden. Bitte wählen Sie einen anderen Ort.</source>
        <translation>The transcript could not be saved. Please choose another place.</translation>
    </message>
    <message>
        <source>Der Zugriff auf Ihre Kamera und Ihr Mikrofon ist beendet. Für eine neue Videoberatung fragen wir Sie wieder.</source>
        <translation>Access to your camera and microphone has ended. We will ask you again for a new video consultation.</translation>
    </message>
    <message>
        <source>Unterlagen von der Tafel</source>
        <translation>Documents from the whiteboard</translation>
    </message>
    <message>
        <source>Unterlagen als PDF speichern …</source>
        <translation>Save documents as PDF …</translation>
    </message>
    <message>
        <source>Gezeigte Seiten mit Markierungen als PDF speichern</source>
        <translation>Save the pages shown, with their marks, as PDF</translation>
    </message>
    <message>
        <source>Löschbestätigung</source>
        <translation>Deletion receipt</translation>
    </message>
    <message>
        <source>die Liste der ausgetauschten Dateien</source>
        <translation>the list of files exchanged</translation>
    </message>
    <message>
        <source>Ihre ausgefüllten Formulare</source>
        <translation>your completed forms</translation>
    </message>
    <message>
        <source>die Seiten von der Tafel</source>
        <translation>the pages from the whiteboard</translation>
    </message>
    <message>
        <source>Es enthält auch %1.</source>
        <translation>It also contains %1.</translation>
    </message>
    <message>
        <source>Das Protokoll gibt es nur hier in der Anwendung.</source>
        <translation>The transcript exists only here in the application.</translation>
    </message>
    <message>
        <source>Wenn Sie es aufbewahren möchten, drucken oder speichern Sie es jetzt: Mit dem Schließen ist es gelöscht.</source>
        <translation>If you want to keep it, print or save it now: it is deleted when you close.</translation>
    </message>
    <message>
        <source>Die Seiten, die Ihnen gezeigt wurden, mit allen Markierungen, als eigene Datei ohne das Gespräch. Auch sie gibt es nur hier in der Anwendung, bis Sie diese Seite verlassen.</source>
        <translation>The pages you were shown, with every mark, as a file of their own without the conversation. They too exist only here in the app, until you leave this page.</translation>
    </message>
    <message>
        <source>Das Protokoll gibt es nur hier in der Anwendung. Wenn Sie es aufbewahren möchten, drucken oder speichern Sie es jetzt: Mit dem Schließen ist es gelöscht.</source>
        <translation>The transcript exists only here in the application. If you want to keep it, print or save it now: it is deleted when you close.</translation>
    </message>
    <message>
        <source>Die Seiten, die Ihnen gezeigt wurden, mit allen Markierungen. Auch sie gibt es nur hier in der Anwendung, bis Sie diese Seite verlassen.</source>
        <translation>The pages you were shown, with every mark. They too exist only here in the app, until you leave this page.</translation>
    </message>
</context>
<context>
    <name>consult::customer::FormFieldEditor</name>
    <message>
        <source>Bitte wählen …</source>
        <translation>Please choose …</translation>
    </message>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>z. B. 1.250,00</source>
        <translation>e.g. 1,250.00</translation>
    </message>
    <message>
        <source>z. B. DE12 3456 7890 1234 5678 90</source>
        <translation>e.g. DE12 3456 7890 1234 5678 90</translation>
    </message>
    <message>
        <source>z. B. name@beispiel.de</source>
        <translation>e.g. name@example.com</translation>
    </message>
    <message>
        <source>z. B. 0561 123456</source>
        <translation>e.g. 0561 123456</translation>
    </message>
    <message>
        <source>%1 (Pflichtfeld)</source>
        <translation>%1 (required)</translation>
    </message>
    <message>
        <source>(nicht ausgefüllt)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Für den Berater verborgen</source>
        <translation>Hidden from your advisor</translation>
    </message>
    <message>
        <source>Wird freigegeben …</source>
        <translation>Releasing …</translation>
    </message>
    <message>
        <source>Für den Berater freigegeben</source>
        <translation>Released to your advisor</translation>
    </message>
    <message>
        <source>Freigeben</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>%1 für den Berater freigeben</source>
        <translation>Release %1 to your advisor</translation>
    </message>
</context>
<context>
    <name>consult::customer::FormTexts</name>
    <message>
        <source>Bitte setzen Sie hier ein Häkchen.</source>
        <translation>Please tick this box.</translation>
    </message>
    <message>
        <source>Bitte wählen Sie eine der Möglichkeiten.</source>
        <translation>Please choose one of the options.</translation>
    </message>
    <message>
        <source>Bitte füllen Sie dieses Feld aus.</source>
        <translation>Please fill in this field.</translation>
    </message>
    <message numerus="yes">
        <source>Bitte schreiben Sie höchstens %n Zeichen.</source>
        <translation>
            <numerusform>Please write at most %n character.</numerusform>
            <numerusform>Please write at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bitte nur einfachen Text eingeben, ohne Steuerzeichen.</source>
        <translation>Please enter plain text only, without control characters.</translation>
    </message>
    <message>
        <source>Bitte geben Sie eine Zahl ein, zum Beispiel 1.250,00.</source>
        <translation>Please enter a number, for example 1,250.00.</translation>
    </message>
    <message>
        <source>Bitte ein Datum vom %1 bis zum %2.</source>
        <translation>Please a date from %1 to %2.</translation>
    </message>
    <message>
        <source>Bitte eine Zahl von %1 bis %2.</source>
        <translation>Please a number from %1 to %2.</translation>
    </message>
    <message>
        <source>Bitte ein Datum ab dem %1.</source>
        <translation>Please a date from %1 on.</translation>
    </message>
    <message>
        <source>Bitte eine Zahl ab %1.</source>
        <translation>Please a number of at least %1.</translation>
    </message>
    <message>
        <source>Bitte ein Datum bis zum %1.</source>
        <translation>Please a date up to %1.</translation>
    </message>
    <message>
        <source>Bitte eine Zahl bis %1.</source>
        <translation>Please a number of at most %1.</translation>
    </message>
    <message>
        <source>Bitte geben Sie ein Datum als TT.MM.JJJJ ein, zum Beispiel 01.03.2027.</source>
        <translation>Please enter a date as DD.MM.YYYY, for example 01.03.2027.</translation>
    </message>
    <message>
        <source>Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.</source>
        <translation>Please enter an e-mail address, for example name@example.com.</translation>
    </message>
    <message>
        <source>Bitte geben Sie eine Telefonnummer ein, zum Beispiel 0561 123456.</source>
        <translation>Please enter a telephone number, for example 0561 123456.</translation>
    </message>
    <message>
        <source>Diese IBAN stimmt nicht. Bitte prüfen Sie jede Stelle, sie beginnt zum Beispiel mit DE.</source>
        <translation>This IBAN is not correct. Please check every character; it begins with DE, for example.</translation>
    </message>
    <message>
        <source>Dieses Feld gehört nicht zum Formular.</source>
        <translation>This field is not part of the form.</translation>
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
        <source>%1 um %2 Uhr</source>
        <translation>%1 at %2</translation>
    </message>
</context>
<context>
    <name>consult::customer::FormView</name>
    <message>
        <source>Formular: %1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <source>Wichtiger Hinweis: %1</source>
        <translation>Important notice: %1</translation>
    </message>
    <message>
        <source>Felder mit * müssen ausgefüllt werden.</source>
        <translation>Fields marked * must be filled in.</translation>
    </message>
    <message>
        <source>Wird gesendet …</source>
        <translation>Sending …</translation>
    </message>
    <message>
        <source>Formular senden</source>
        <translation>Send form</translation>
    </message>
    <message>
        <source>Formular %1 an den Berater senden</source>
        <translation>Send form %1 to your advisor</translation>
    </message>
    <message>
        <source>Bitte füllen Sie alle Felder mit * richtig aus, dann können Sie das Formular senden.</source>
        <translation>Please fill in every field marked * correctly, then you can send the form.</translation>
    </message>
    <message>
        <source>Gesendet am %1. Das Formular lässt sich nicht mehr ändern.</source>
        <translation>Sent on %1. The form can no longer be changed.</translation>
    </message>
    <message>
        <source>%1 hat Ihnen dieses Formular am %2 geschickt. Bitte füllen Sie es aus.</source>
        <translation>%1 sent you this form on %2. Please fill it in.</translation>
    </message>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Formular %1 als PDF speichern</source>
        <translation>Save form %1 as PDF</translation>
    </message>
</context>
<context>
    <name>consult::customer::FormsPanel</name>
    <message>
        <source>Dieses Formular gibt es nicht mehr. Die Beratung ist vielleicht zu Ende.</source>
        <translation>This form no longer exists. The consultation may have ended.</translation>
    </message>
    <message>
        <source>Dieses Formular wurde schon gesendet und lässt sich nicht mehr ändern.</source>
        <translation>This form has already been sent and can no longer be changed.</translation>
    </message>
    <message>
        <source>Eine Angabe wurde nicht angenommen. Bitte prüfen Sie das markierte Feld.</source>
        <translation>An entry was not accepted. Please check the marked field.</translation>
    </message>
    <message>
        <source>In dieser Beratung sind keine weiteren Formulare möglich.</source>
        <translation>No more forms are possible in this consultation.</translation>
    </message>
    <message>
        <source>Ihr Berater</source>
        <translation>your advisor</translation>
    </message>
    <message>
        <source>Angabe freigeben?</source>
        <translation>Release this entry?</translation>
    </message>
    <message>
        <source>Wenn Sie „%1“ freigeben, sieht %2 den Wert. Das lässt sich nicht zurücknehmen.</source>
        <translation>If you release “%1”, %2 sees the value. This cannot be taken back.</translation>
    </message>
    <message>
        <source>Freigeben</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Nicht freigeben</source>
        <translation>Do not release</translation>
    </message>
    <message>
        <source>Formular als PDF speichern</source>
        <translation>Save form as PDF</translation>
    </message>
    <message>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Das Formular konnte nicht gespeichert werden. Bitte wählen Sie einen anderen Ort.</source>
        <translation>The form could not be saved. Please choose another place.</translation>
    </message>
    <message>
        <source>Formulare</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>%1 hat Ihnen ein Formular geschickt: %2. Sie finden es hier unten.</source>
        <translation>%1 sent you a form: %2. You find it below.</translation>
    </message>
    <message>
        <source>Formulare dieser Beratung</source>
        <translation>Forms of this consultation</translation>
    </message>
</context>
<context>
    <name>consult::customer::HeaderBar</name>
    <message>
        <source>Online-Beratung</source>
        <translation>Online consultation</translation>
    </message>
    <message>
        <source>Technik prüfen</source>
        <translation>Check equipment</translation>
    </message>
    <message>
        <source>Technik erneut prüfen</source>
        <translation>Check your equipment again</translation>
    </message>
</context>
<context>
    <name>consult::customer::LoginPage</name>
    <message>
        <source>Anmeldung zum Service-Chat</source>
        <translation>Log in to the service chat</translation>
    </message>
    <message>
        <source>Die sichere Verbindung wird aufgebaut …</source>
        <translation>Setting up the secure connection …</translation>
    </message>
    <message>
        <source>Sie werden angemeldet …</source>
        <translation>Logging you in …</translation>
    </message>
    <message>
        <source>Der Service-Chat ist gerade nicht besetzt. Nach der Anmeldung können Sie uns eine Mitteilung schreiben; wir rufen Sie zurück.</source>
        <translation>The service chat is not staffed right now. After logging in you can leave us a message; we will call you back.</translation>
    </message>
    <message>
        <source>Ihr &amp;Name</source>
        <translation>Your &amp;name</translation>
    </message>
    <message>
        <source>Ihr Name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>z. B. Erika Mustermann</source>
        <translation>e.g. Jane Smith</translation>
    </message>
    <message>
        <source>&amp;Telefonnummer für Rückfragen</source>
        <translation>&amp;Phone number for questions</translation>
    </message>
    <message>
        <source>Telefonnummer für Rückfragen</source>
        <translation>Phone number for questions</translation>
    </message>
    <message>
        <source>z. B. 0561 123456 oder +49 171 1234567</source>
        <translation>e.g. 0561 123456 or +49 171 1234567</translation>
    </message>
    <message>
        <source>Bitte lesen und bestätigen Sie unsere Hinweise</source>
        <translation>Please read and accept our notices</translation>
    </message>
    <message>
        <source>Anmelden</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Erneut verbinden</source>
        <translation>Connect again</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Abbrechen und zur Startseite</source>
        <translation>Cancel and return to the start</translation>
    </message>
    <message>
        <source>%1 lesen</source>
        <translation>Read %1</translation>
    </message>
    <message>
        <source>Wir rufen Sie gegebenenfalls unter %1 zurück.</source>
        <translation>If needed, we will call you back on %1.</translation>
    </message>
    <message>
        <source>eine gültige Telefonnummer</source>
        <translation>a valid phone number</translation>
    </message>
    <message>
        <source>die Bestätigung der Hinweise</source>
        <translation>accepting the notices</translation>
    </message>
    <message>
        <source>Zum Anmelden fehlt noch: %1</source>
        <translation>Still needed to log in: %1</translation>
    </message>
    <message>
        <source>Anmeldung zur Videoberatung</source>
        <translation>Log in to the video consultation</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Weiter zur Wahl der Verbindung</source>
        <translation>Continue to the choice of connection</translation>
    </message>
</context>
<context>
    <name>consult::customer::MessagePage</name>
    <message>
        <source>Mitteilung an unsere Beraterinnen und Berater</source>
        <translation>Message for our advisors</translation>
    </message>
    <message>
        <source>Schreiben Sie uns, worum es geht. Wir rufen Sie so bald wie möglich zurück. Ihr Platz in der Warteschlange bleibt, bis die Mitteilung gesendet ist.</source>
        <translation>Tell us what it is about. We will call you back as soon as we can. You keep your place in the queue until the message is sent.</translation>
    </message>
    <message>
        <source>Zurück zum Warten</source>
        <translation>Back to waiting</translation>
    </message>
    <message>
        <source>Keine Mitteilung schreiben und weiter warten</source>
        <translation>Do not write a message and keep waiting</translation>
    </message>
    <message>
        <source>Der Service-Chat ist gerade nicht besetzt. Schreiben Sie uns eine Mitteilung, wir rufen Sie zurück.</source>
        <translation>The service chat is not staffed right now. Leave us a message and we will call you back.</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Abbrechen und zur Startseite</source>
        <translation>Cancel and return to the start</translation>
    </message>
    <message>
        <source>Gerade warten sehr viele Kundinnen und Kunden, die Warteschlange ist voll. Schreiben Sie uns eine Mitteilung, wir rufen Sie zurück.</source>
        <translation>Very many customers are waiting right now and the queue is full. Leave us a message and we will call you back.</translation>
    </message>
    <message>
        <source>Ihre &amp;Mitteilung</source>
        <translation>Your &amp;message</translation>
    </message>
    <message>
        <source>Ihre Mitteilung</source>
        <translation>Your message</translation>
    </message>
    <message>
        <source>Worum geht es? Wann erreichen wir Sie am besten?</source>
        <translation>What is it about? When is the best time to reach you?</translation>
    </message>
    <message>
        <source>Bitte schreiben Sie keine Passwörter, PINs, TANs oder Benutzerkennungen.</source>
        <translation>Please do not write passwords, PINs, TANs or user IDs.</translation>
    </message>
    <message>
        <source>&amp;Telefonnummer für den Rückruf</source>
        <translation>&amp;Phone number for the call-back</translation>
    </message>
    <message>
        <source>Telefonnummer für den Rückruf</source>
        <translation>Phone number for the call-back</translation>
    </message>
    <message>
        <source>Mitteilung senden</source>
        <translation>Send message</translation>
    </message>
    <message>
        <source>%1 von %2 Zeichen</source>
        <translation>%1 of %2 characters</translation>
    </message>
    <message>
        <source>Wir rufen Sie unter %1 zurück.</source>
        <translation>We will call you back on %1.</translation>
    </message>
    <message>
        <source>Bitte geben Sie eine Telefonnummer für den Rückruf ein.</source>
        <translation>Please enter a phone number for the call-back.</translation>
    </message>
    <message>
        <source>Ihre Mitteilung wird gesendet …</source>
        <translation>Sending your message …</translation>
    </message>
</context>
<context>
    <name>consult::customer::MessageStoredPage</name>
    <message>
        <source>Ihre Mitteilung wird gespeichert …</source>
        <translation>Storing your message …</translation>
    </message>
    <message>
        <source>Vielen Dank, Ihre Mitteilung ist bei uns angekommen.</source>
        <translation>Thank you, we have received your message.</translation>
    </message>
    <message>
        <source>Eingegangen am %1 um %2 Uhr.</source>
        <translation>Received on %1 at %2.</translation>
    </message>
    <message>
        <source>Eine Beraterin oder ein Berater ruft Sie unter %1 zurück.</source>
        <translation>An advisor will call you back on %1.</translation>
    </message>
    <message>
        <source>Ihre Mitteilung wird gelöscht, sobald sie bearbeitet ist, spätestens nach einem Tag.</source>
        <translation>Your message is deleted once it has been dealt with, after one day at the latest.</translation>
    </message>
    <message>
        <source>Ihre Mitteilung wird gelöscht, sobald sie bearbeitet ist, spätestens nach %1 Tagen.</source>
        <translation>Your message is deleted once it has been dealt with, after %1 days at the latest.</translation>
    </message>
    <message>
        <source>Sie können dieses Fenster jetzt schließen.</source>
        <translation>You can close this window now.</translation>
    </message>
    <message>
        <source>Zur Startseite</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>Anwendung schließen</source>
        <translation>Close application</translation>
    </message>
</context>
<context>
    <name>consult::customer::ModePage</name>
    <message>
        <source>Wie möchten Sie sich unterhalten?</source>
        <translation>How would you like to talk?</translation>
    </message>
    <message>
        <source>Sie entscheiden, was übertragen wird. Kamera und Mikrofon können Sie auch während der Beratung jederzeit aus- und wieder einschalten.</source>
        <translation>You decide what is transmitted. You can switch your camera and microphone off and on again at any time during the consultation.</translation>
    </message>
    <message>
        <source>Bild und Ton übertragen</source>
        <translation>Transmit picture and sound</translation>
    </message>
    <message>
        <source>Ihre Beraterin oder Ihr Berater spricht mit Ihnen und darf Sie auch sehen. Nebenbei können Sie weiterhin schreiben.</source>
        <translation>Your advisor talks with you and may also see you. You can keep writing at the same time.</translation>
    </message>
    <message>
        <source>Nur Text übertragen</source>
        <translation>Transmit text only</translation>
    </message>
    <message>
        <source>Ein Textchat ohne Bild und Ton.</source>
        <translation>A text chat without picture and sound.</translation>
    </message>
    <message>
        <source>Gewählte Verbindung aufbauen</source>
        <translation>Set up the chosen connection</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Zurück zur Anmeldung</source>
        <translation>Back to the log-in</translation>
    </message>
</context>
<context>
    <name>consult::customer::NoticeDialog</name>
    <message>
        <source>Schließen, ohne zu akzeptieren</source>
        <translation>Close without accepting</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Gelesen und akzeptiert</source>
        <translation>Read and accepted</translation>
    </message>
    <message>
        <source>Bestätigt, dass Sie diesen Hinweis gelesen haben und akzeptieren.</source>
        <translation>Confirms that you have read and accept this notice.</translation>
    </message>
</context>
<context>
    <name>consult::customer::StartPage</name>
    <message>
        <source>Willkommen in der Online-Beratung</source>
        <translation>Welcome to online consultation</translation>
    </message>
    <message>
        <source>Service-Chat starten</source>
        <translation>Start service chat</translation>
    </message>
    <message>
        <source>Schreiben Sie mit einer Beraterin oder einem Berater.</source>
        <translation>Chat with an advisor.</translation>
    </message>
    <message>
        <source>Videoberatung starten</source>
        <translation>Start video consultation</translation>
    </message>
    <message>
        <source>Ihre Beratung wird nicht aufgezeichnet. Die Verbindung ist verschlüsselt und läuft nur über Server, die wir in Deutschland betreiben.</source>
        <translation>Your consultation is not recorded. The connection is encrypted and runs only through servers we operate in Germany.</translation>
    </message>
    <message>
        <source>Sicherheitshinweise</source>
        <translation>Security notice</translation>
    </message>
    <message>
        <source>Rechtliche Hinweise</source>
        <translation>Legal notice</translation>
    </message>
    <message>
        <source>Datenschutzhinweise</source>
        <translation>Privacy notice</translation>
    </message>
    <message>
        <source>Sind gerade alle Beraterinnen und Berater im Gespräch, sehen Sie Ihren Platz in der Warteschlange. Sie können warten oder uns stattdessen eine Mitteilung schreiben.</source>
        <translation>If all advisors are busy, you see your place in the queue. You can wait or leave us a message instead.</translation>
    </message>
    <message>
        <source>Unsere Beraterinnen und Berater sind für Sie da: im Chat oder per Video mit Bild und Ton. Sie brauchen nur Ihren Namen und eine Telefonnummer für Rückfragen.</source>
        <translation>Our advisors are here for you: in the chat or by video with picture and sound. All you need is your name and a phone number for questions.</translation>
    </message>
    <message>
        <source>Sprechen Sie mit einer Beraterin oder einem Berater, mit Bild oder nur mit Ton, und schreiben Sie nebenbei. Zuerst prüfen wir Ihre Technik.</source>
        <translation>Talk with an advisor, with picture or sound only, and write at the same time. First we check your equipment.</translation>
    </message>
    <message>
        <source>So funktioniert die Beratung</source>
        <translation>How the consultation works</translation>
    </message>
    <message>
        <source>Für die Videoberatung prüfen wir zuerst Kamera, Mikrofon, Lautsprecher oder Headset und Ihre Internetverbindung. Fehlt etwas, sagen wir Ihnen, woran es liegt und was Sie tun können. Der Service-Chat braucht nur die Tastatur.</source>
        <translation>For the video consultation we first check your camera, microphone, speakers or headset and your internet connection. If something is missing, we tell you why and what you can do. The service chat needs only your keyboard.</translation>
    </message>
    <message>
        <source>Melden Sie sich mit Ihrem Namen und einer Telefonnummer für Rückfragen an und bestätigen Sie die Sicherheits-, Rechts- und Datenschutzhinweise. In der Videoberatung wählen Sie dann Bild und Ton oder nur Text und erlauben den Zugriff auf Kamera und Mikrofon.</source>
        <translation>Log in with your name and a phone number for questions and accept the security, legal and privacy notices. In the video consultation you then choose picture and sound or text only, and allow access to your camera and microphone.</translation>
    </message>
    <message>
        <source>Eine Beraterin oder ein Berater begrüßt Sie. Sie schreiben miteinander, in der Videoberatung sprechen Sie außerdem miteinander und können sich sehen.</source>
        <translation>An advisor greets you. You write to each other; in the video consultation you also talk and can see each other.</translation>
    </message>
    <message>
        <source>Danach können Sie das Protokoll des schriftlichen Gesprächs drucken oder als PDF speichern.</source>
        <translation>Afterwards you can print the transcript of the written conversation or save it as a PDF.</translation>
    </message>
</context>
<context>
    <name>consult::customer::SystemCheckPage</name>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>wird geprüft</source>
        <translation>being checked</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>see note</translation>
    </message>
    <message>
        <source>Technik prüfen</source>
        <translation>Check equipment</translation>
    </message>
    <message>
        <source>Wir prüfen, ob Ihr Computer für die Videoberatung bereit ist. Wählen Sie, falls nötig, andere Geräte: Wir merken uns Ihre Wahl.</source>
        <translation>We check whether your computer is ready for the video consultation. If needed, choose other devices: we remember your choice.</translation>
    </message>
    <message>
        <source>Fortschritt der Messung</source>
        <translation>Progress of the measurement</translation>
    </message>
    <message>
        <source>Vorschau Ihrer Kamera</source>
        <translation>Preview of your camera</translation>
    </message>
    <message>
        <source>Sagen Sie etwas:</source>
        <translation>Say something:</translation>
    </message>
    <message>
        <source>Lautstärke Ihres Mikrofons</source>
        <translation>Level of your microphone</translation>
    </message>
    <message>
        <source>Testton abspielen</source>
        <translation>Play test tone</translation>
    </message>
    <message>
        <source>Ich habe den Ton gehört</source>
        <translation>I heard the tone</translation>
    </message>
    <message>
        <source>Ich habe nichts gehört</source>
        <translation>I heard nothing</translation>
    </message>
    <message>
        <source>Erneut messen</source>
        <translation>Measure again</translation>
    </message>
    <message>
        <source>Verbindung erneut messen</source>
        <translation>Measure the connection again</translation>
    </message>
    <message>
        <source>Geräte wählen</source>
        <translation>Choose devices</translation>
    </message>
    <message>
        <source>Fertig</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Weiter</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Prüfung abschließen</source>
        <translation>Finish the check</translation>
    </message>
    <message>
        <source>Weiter zur Anmeldung</source>
        <translation>Continue to the log-in</translation>
    </message>
    <message>
        <source>Noch nicht alle Prüfungen sind abgeschlossen.</source>
        <translation>Not all checks have finished yet.</translation>
    </message>
    <message>
        <source>Mit dem Textchat fortfahren</source>
        <translation>Continue with the text chat</translation>
    </message>
    <message>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zurück ohne neue Prüfung</source>
        <translation>Back without a new check</translation>
    </message>
    <message>
        <source>Abbrechen und zur Startseite</source>
        <translation>Cancel and return to the start page</translation>
    </message>
</context>
<context>
    <name>consult::customer::SystemCheckTexts</name>
    <message>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Mikrofon</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Lautsprecher oder Headset</source>
        <translation>Speakers or headset</translation>
    </message>
    <message>
        <source>Internetverbindung</source>
        <translation>Internet connection</translation>
    </message>
    <message>
        <source>Ihre Kamera funktioniert. Das Bild sehen nur Sie, bis Sie es in der Beratung freigeben.</source>
        <translation>Your camera works. Only you see the picture until you share it in the consultation.</translation>
    </message>
    <message>
        <source>Keine Kamera gefunden. Das ist kein Problem: Sie sehen Ihre Beraterin oder Ihren Berater trotzdem. Wenn Sie gesehen werden möchten, schließen Sie eine Kamera an und prüfen Sie erneut.</source>
        <translation>No camera found. That is no problem: you will still see your advisor. If you would like to be seen, connect a camera and check again.</translation>
    </message>
    <message>
        <source>Die Kamera liefert kein Bild. Schließen Sie Programme, die sie gerade nutzen, oder wählen Sie eine andere Kamera. Sie sehen Ihre Beraterin oder Ihren Berater trotzdem.</source>
        <translation>The camera delivers no picture. Close programs that are using it, or choose another camera. You will still see your advisor.</translation>
    </message>
    <message>
        <source>Die Kamera wird geprüft …</source>
        <translation>Checking the camera …</translation>
    </message>
    <message>
        <source>Ihr Mikrofon funktioniert: Wir können Sie hören.</source>
        <translation>Your microphone works: we can hear you.</translation>
    </message>
    <message>
        <source>Kein Mikrofon gefunden. Schließen Sie ein Headset an, sprechen Sie per Telefon mit uns oder schreiben Sie im Textchat.</source>
        <translation>No microphone found. Connect a headset, talk to us by telephone, or write in the text chat.</translation>
    </message>
    <message>
        <source>Vom Mikrofon kommt nichts an. Prüfen Sie, ob es eingeschaltet und nicht stummgeschaltet ist, wählen Sie ein anderes und prüfen Sie erneut, oder sprechen Sie per Telefon mit uns.</source>
        <translation>Nothing comes from the microphone. Check that it is switched on and not muted, choose another one and check again, or talk to us by telephone.</translation>
    </message>
    <message>
        <source>Sagen Sie etwas: Der Balken zeigt, ob wir Sie hören.</source>
        <translation>Say something: the bar shows whether we can hear you.</translation>
    </message>
    <message>
        <source>Sie hören den Ton: Lautsprecher oder Headset funktionieren.</source>
        <translation>You hear the tone: your speakers or headset work.</translation>
    </message>
    <message>
        <source>Keine Lautsprecher und kein Headset gefunden. Schließen Sie ein Headset an, sprechen Sie per Telefon mit uns oder schreiben Sie im Textchat.</source>
        <translation>No speakers and no headset found. Connect a headset, talk to us by telephone, or write in the text chat.</translation>
    </message>
    <message>
        <source>Sie haben den Testton nicht gehört. Stellen Sie den Ton lauter, wählen Sie andere Lautsprecher und spielen Sie ihn erneut ab, oder sprechen Sie per Telefon mit uns.</source>
        <translation>You did not hear the test tone. Turn the volume up, choose other speakers and play it again, or talk to us by telephone.</translation>
    </message>
    <message>
        <source>Spielen Sie den Testton ab und sagen Sie uns, ob Sie ihn hören.</source>
        <translation>Play the test tone and tell us whether you hear it.</translation>
    </message>
    <message>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <source>Die Verbindung zu unserem Server wird gemessen … %1 %</source>
        <translation>Measuring the connection to our server … %1 %</translation>
    </message>
    <message>
        <source>Empfangen %1, senden %2, Antwortzeit %3 ms.</source>
        <translation>Receiving %1, sending %2, response time %3 ms.</translation>
    </message>
    <message>
        <source>Ihre Verbindung reicht für Bild und Ton.</source>
        <translation>Your connection is good enough for picture and sound.</translation>
    </message>
    <message>
        <source>Die Verbindung wird noch nicht gemessen.</source>
        <translation>The connection has not been measured yet.</translation>
    </message>
    <message>
        <source>Ihre Verbindung ist zu langsam für Bild und Ton. Nötig sind 1 Mbit/s zum Empfangen und 0,5 Mbit/s zum Senden.</source>
        <translation>Your connection is too slow for picture and sound. It needs 1 Mbit/s to receive and 0.5 Mbit/s to send.</translation>
    </message>
    <message>
        <source>Im WLAN hilft es, näher an den Router zu gehen oder ein Kabel zu nutzen; dann messen Sie erneut. Der Textchat funktioniert auch so.</source>
        <translation>On Wi-Fi it helps to move closer to the router or to use a cable; then measure again. The text chat works anyway.</translation>
    </message>
    <message>
        <source>Sie haben die Verbindung gerade mehrmals gemessen. Bitte messen Sie %1 erneut, oder fahren Sie mit dem Textchat fort.</source>
        <translation>You have just measured the connection several times. Please measure again %1, or continue with the text chat.</translation>
    </message>
    <message>
        <source>Unser Server ist gerade stark ausgelastet und kann Ihre Verbindung nicht messen. Bitte messen Sie in einigen Minuten erneut, oder fahren Sie mit dem Textchat fort.</source>
        <translation>Our server is very busy right now and cannot measure your connection. Please measure again in a few minutes, or continue with the text chat.</translation>
    </message>
    <message>
        <source>Keine Verbindung zu unserem Server. Prüfen Sie Ihre Internetverbindung und messen Sie erneut.</source>
        <translation>No connection to our server. Check your internet connection and measure again.</translation>
    </message>
    <message>
        <source>Für Bild und Ton reicht Ihre Verbindung nicht. Sie können mit dem Textchat fortfahren.</source>
        <translation>Your connection is not good enough for picture and sound. You can continue with the text chat.</translation>
    </message>
    <message>
        <source>Ohne Kamera sehen und hören Sie Ihre Beraterin oder Ihren Berater trotzdem.</source>
        <translation>Without a camera you still see and hear your advisor.</translation>
    </message>
    <message>
        <source>Ohne Mikrofon oder Lautsprecher sprechen Sie per Telefon mit uns: Die Nummer und Ihren Gesprächscode zeigen wir Ihnen in der Beratung. Schreiben können Sie immer.</source>
        <translation>Without a microphone or speakers you talk to us by telephone: we show you the number and your consultation code in the consultation. You can always write.</translation>
    </message>
    <message>
        <source>Möchten Sie es trotzdem über den Computer versuchen, wählen Sie dort „Über den Computer sprechen“.</source>
        <translation>If you would still like to try the computer, choose “Talk through the computer” there.</translation>
    </message>
</context>
<context>
    <name>consult::customer::TranscriptSource</name>
    <message>
        <source>Service-Chat</source>
        <translation>Service chat</translation>
    </message>
    <message>
        <source>Videoberatung</source>
        <translation>Video consultation</translation>
    </message>
</context>
<context>
    <name>consult::customer::VideoPanel</name>
    <message>
        <source>Ihre Kamera ist eingeschaltet.</source>
        <translation>Your camera is on.</translation>
    </message>
    <message>
        <source>Ihre Kamera ist ausgeschaltet.</source>
        <translation>Your camera is off.</translation>
    </message>
    <message>
        <source>Ihr Mikrofon ist eingeschaltet.</source>
        <translation>Your microphone is on.</translation>
    </message>
    <message>
        <source>Ihr Mikrofon ist ausgeschaltet.</source>
        <translation>Your microphone is off.</translation>
    </message>
    <message>
        <source>● Wird nicht aufgezeichnet</source>
        <translation>● Not recorded</translation>
    </message>
    <message>
        <source>Das Gespräch wird nicht aufgezeichnet.</source>
        <translation>The conversation is not recorded.</translation>
    </message>
    <message>
        <source>Bild Ihrer Beraterin oder Ihres Beraters</source>
        <translation>Your advisor&apos;s picture</translation>
    </message>
    <message>
        <source>Ihr eigenes Bild</source>
        <translation>Your own picture</translation>
    </message>
    <message>
        <source>Sie haben das Bild ausgeblendet. Sie hören %1 weiterhin.</source>
        <translation>You have hidden the picture. You still hear %1.</translation>
    </message>
    <message>
        <source>Kamera ist an</source>
        <translation>Camera is on</translation>
    </message>
    <message>
        <source>Kamera ist aus</source>
        <translation>Camera is off</translation>
    </message>
    <message>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Eingeschaltet: Ihre Beraterin oder Ihr Berater sieht Sie.</source>
        <translation>On: your advisor sees you.</translation>
    </message>
    <message>
        <source>Ausgeschaltet: Niemand sieht Sie.</source>
        <translation>Off: nobody sees you.</translation>
    </message>
    <message>
        <source>Mikrofon ist an</source>
        <translation>Microphone is on</translation>
    </message>
    <message>
        <source>Mikrofon ist aus</source>
        <translation>Microphone is off</translation>
    </message>
    <message>
        <source>Mikrofon</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Eingeschaltet: Ihre Beraterin oder Ihr Berater hört Sie.</source>
        <translation>On: your advisor hears you.</translation>
    </message>
    <message>
        <source>Ausgeschaltet: Niemand hört Sie.</source>
        <translation>Off: nobody hears you.</translation>
    </message>
    <message>
        <source>Berater sehen</source>
        <translation>See advisor</translation>
    </message>
    <message>
        <source>Das Bild wird gezeigt.</source>
        <translation>The picture is shown.</translation>
    </message>
    <message>
        <source>Das Bild ist ausgeblendet.</source>
        <translation>The picture is hidden.</translation>
    </message>
    <message>
        <source>%1 hat die Kamera ausgeschaltet.</source>
        <translation>%1 has switched the camera off.</translation>
    </message>
    <message>
        <source>%1 hat das Mikrofon ausgeschaltet.</source>
        <translation>%1 has switched the microphone off.</translation>
    </message>
    <message>
        <source>Sie sprechen jetzt per Telefon.</source>
        <translation>You are now talking by telephone.</translation>
    </message>
    <message>
        <source>Sie sprechen jetzt über den Computer.</source>
        <translation>You are now talking through the computer.</translation>
    </message>
    <message>
        <source>Mikrofon und Lautsprecher funktionieren nicht.</source>
        <translation>Neither the microphone nor the speakers work.</translation>
    </message>
    <message>
        <source>Ihr Mikrofon funktioniert nicht: Über den Computer hört man Sie nicht.</source>
        <translation>Your microphone does not work: through the computer nobody can hear you.</translation>
    </message>
    <message>
        <source>Ihre Lautsprecher funktionieren nicht: Über den Computer hören Sie nichts.</source>
        <translation>Your speakers do not work: through the computer you hear nothing.</translation>
    </message>
    <message>
        <source>Sie sprechen per Telefon. Schreiben können Sie weiterhin hier.</source>
        <translation>You are talking by telephone. You can still write here.</translation>
    </message>
    <message>
        <source>Sie können stattdessen per Telefon sprechen.</source>
        <translation>You can talk by telephone instead.</translation>
    </message>
    <message>
        <source>Einwahlnummer: %1</source>
        <translation>Dial-in number: %1</translation>
    </message>
    <message>
        <source>Ihr Gesprächscode: %1</source>
        <translation>Your consultation code: %1</translation>
    </message>
    <message>
        <source>Über den Computer sprechen</source>
        <translation>Talk through the computer</translation>
    </message>
    <message>
        <source>Per Telefon sprechen</source>
        <translation>Talk by telephone</translation>
    </message>
    <message>
        <source>Mikrofon und Lautsprecher schließen und per Telefon weitersprechen.</source>
        <translation>Close the microphone and speakers and go on talking by telephone.</translation>
    </message>
    <message>
        <source>Mikrofon und Lautsprecher wieder öffnen. Wir fragen nicht noch einmal.</source>
        <translation>Open the microphone and speakers again. We will not ask again.</translation>
    </message>
    <message>
        <source>Ihr Computer hat weder Mikrofon noch Lautsprecher.</source>
        <translation>Your computer has neither a microphone nor speakers.</translation>
    </message>
</context>
<context>
    <name>consult::customer::WaitingPage</name>
    <message>
        <source>Sie sind in der Warteschlange</source>
        <translation>You are in the queue</translation>
    </message>
    <message>
        <source>Alle Beraterinnen und Berater sind gerade im Gespräch.</source>
        <translation>All advisors are busy right now.</translation>
    </message>
    <message>
        <source>Möchten Sie auf die nächste freie Beraterin oder den nächsten freien Berater warten, oder schreiben Sie uns lieber eine Mitteilung? Dann rufen wir Sie zurück.</source>
        <translation>Would you like to wait for the next free advisor, or would you rather leave us a message? Then we will call you back.</translation>
    </message>
    <message>
        <source>Weiter warten</source>
        <translation>Keep waiting</translation>
    </message>
    <message>
        <source>Mitteilung schreiben</source>
        <translation>Write a message</translation>
    </message>
    <message>
        <source>Statt zu warten eine Mitteilung schreiben</source>
        <translation>Write a message instead of waiting</translation>
    </message>
    <message>
        <source>Bitte lassen Sie dieses Fenster geöffnet. Sobald eine Beraterin oder ein Berater frei ist, geht es hier weiter.</source>
        <translation>Please keep this window open. As soon as an advisor is free, it continues here.</translation>
    </message>
    <message>
        <source>Sie möchten nicht länger warten? Schreiben Sie uns eine Mitteilung, wir rufen Sie zurück. Ihr Platz bleibt, bis die Mitteilung gesendet ist.</source>
        <translation>Do not want to wait any longer? Leave us a message and we will call you back. You keep your place until the message is sent.</translation>
    </message>
    <message>
        <source>Stattdessen Mitteilung schreiben</source>
        <translation>Write a message instead</translation>
    </message>
    <message>
        <source>Warten beenden</source>
        <translation>Stop waiting</translation>
    </message>
    <message>
        <source>Warten beenden und die Warteschlange verlassen</source>
        <translation>Stop waiting and leave the queue</translation>
    </message>
    <message>
        <source>Ihr Platz wird ermittelt …</source>
        <translation>Finding your place …</translation>
    </message>
    <message>
        <source>Sie sind als Nächstes an der Reihe.</source>
        <translation>You are next.</translation>
    </message>
    <message>
        <source>Ihr Platz in der Warteschlange: %1</source>
        <translation>Your place in the queue: %1</translation>
    </message>
    <message>
        <source>Gleich ist eine Beraterin oder ein Berater für Sie da.</source>
        <translation>An advisor will be with you shortly.</translation>
    </message>
    <message>
        <source>Gerade ist keine Beraterin und kein Berater im Dienst.</source>
        <translation>No advisor is on duty right now.</translation>
    </message>
</context>
<context>
    <name>consult::customer::WhiteboardPanel</name>
    <message>
        <source>%1 zeigt Ihnen ein Dokument: %2</source>
        <translation>%1 is showing you a document: %2</translation>
    </message>
    <message>
        <source>Sie dürfen nicht mehr mitzeichnen.</source>
        <translation>You may no longer draw.</translation>
    </message>
    <message>
        <source>Tafel</source>
        <translation>Whiteboard</translation>
    </message>
    <message>
        <source>Dokument: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <source>Seite %1 von %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Sie dürfen jetzt mitzeichnen.</source>
        <translation>You may now draw too.</translation>
    </message>
    <message>
        <source>Ganze Seite</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Ganze Seite zeigen</source>
        <translation>Show the whole page</translation>
    </message>
    <message>
        <source>Seite vergrößern</source>
        <translation>Zoom into the page</translation>
    </message>
    <message>
        <source>Seite verkleinern</source>
        <translation>Zoom out of the page</translation>
    </message>
    <message>
        <source>Als PDF speichern …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Gezeigte Seiten mit Markierungen als PDF speichern</source>
        <translation>Save the pages shown, with their marks, as PDF</translation>
    </message>
    <message>
        <source>Zeigen</source>
        <translation>Point</translation>
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
        <source>Werkzeug: %1</source>
        <translation>Tool: %1</translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Eigene letzte Markierung zurücknehmen</source>
        <translation>Take back your last mark</translation>
    </message>
    <message>
        <source>Zeichenwerkzeuge</source>
        <translation>Drawing tools</translation>
    </message>
</context>
<context>
    <name>consult::customer::main</name>
    <message>
        <source>Diese Anwendung verbindet sich nur mit den Servern Ihrer Bank. Die angegebene Serveradresse wird nicht verwendet.</source>
        <translation>This application connects only to your bank&apos;s servers. The server address given is not used.</translation>
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
