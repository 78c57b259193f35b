<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityLogModel</name>
    <message>
        <source>connected from %1 (%2 dialect)</source>
        <translation>verbunden von %1 (Dialekt %2)</translation>
    </message>
    <message>
        <source>disconnected (close code %1)</source>
        <translation>getrennt (Schließcode %1)</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>beigetreten</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gegangen</translation>
    </message>
    <message>
        <source>renamed from %1</source>
        <translation>umbenannt von %1</translation>
    </message>
    <message>
        <source>to %1: %2</source>
        <translation>an %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (to %n notification member(s))</source>
        <translation>
            <numerusform>%1 (an %n Benachrichtigungs-Mitglied)</numerusform>
            <numerusform>%1 (an %n Benachrichtigungs-Mitglieder)</numerusform>
        </translation>
    </message>
    <message>
        <source>room created</source>
        <translation>Raum angelegt</translation>
    </message>
    <message numerus="yes">
        <source>room emptied; its %n message(s) stay in the store</source>
        <translation>
            <numerusform>Raum geleert; seine %n Nachricht bleibt in der Ablage</numerusform>
            <numerusform>Raum geleert; seine %n Nachrichten bleiben in der Ablage</numerusform>
        </translation>
    </message>
    <message>
        <source>room removed</source>
        <translation>Raum entfernt</translation>
    </message>
    <message>
        <source>1 message not shown (flood)</source>
        <translation>1 Nachricht nicht angezeigt (Flut)</translation>
    </message>
    <message>
        <source>%1 messages not shown (flood)</source>
        <translation>%1 Nachrichten nicht angezeigt (Flut)</translation>
    </message>
    <message>
        <source>other addresses</source>
        <translation>andere Adressen</translation>
    </message>
    <message>
        <source>wrong join code</source>
        <translation>falscher Beitrittscode</translation>
    </message>
    <message>
        <source>locked out after too many wrong codes</source>
        <translation>nach zu vielen falschen Codes ausgesperrt</translation>
    </message>
    <message>
        <source>origin not allowed</source>
        <translation>Origin nicht erlaubt</translation>
    </message>
    <message>
        <source>banned by the host</source>
        <translation>vom Host gesperrt</translation>
    </message>
    <message>
        <source>server full</source>
        <translation>Server voll</translation>
    </message>
    <message>
        <source>refused %1: %2</source>
        <translation>%1 abgewiesen: %2</translation>
    </message>
    <message>
        <source>refused %1: %2 (%3 times in the last minute)</source>
        <translation>%1 abgewiesen: %2 (%3-mal in der letzten Minute)</translation>
    </message>
    <message>
        <source>banned by the host: %1</source>
        <translation>vom Host gesperrt: %1</translation>
    </message>
    <message>
        <source>kicked by the host: %1</source>
        <translation>vom Host hinausgeworfen: %1</translation>
    </message>
    <message>
        <source>muted by the host</source>
        <translation>vom Host stummgeschaltet</translation>
    </message>
    <message>
        <source>may speak again (unmuted)</source>
        <translation>darf wieder sprechen (Stummschaltung aufgehoben)</translation>
    </message>
    <message>
        <source>room locked: only the host posts</source>
        <translation>Raum abgeschlossen: nur der Host postet</translation>
    </message>
    <message>
        <source>room opened again</source>
        <translation>Raum wieder geöffnet</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>connect</source>
        <comment>activity kind</comment>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>disconnect</source>
        <comment>activity kind</comment>
        <translation>Trennung</translation>
    </message>
    <message>
        <source>join</source>
        <comment>activity kind</comment>
        <translation>Beitritt</translation>
    </message>
    <message>
        <source>leave</source>
        <comment>activity kind</comment>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>rename</source>
        <comment>activity kind</comment>
        <translation>Umbenennung</translation>
    </message>
    <message>
        <source>message</source>
        <comment>activity kind</comment>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>direct</source>
        <comment>activity kind</comment>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>notification</source>
        <comment>activity kind</comment>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>room created</source>
        <comment>activity kind</comment>
        <translation>Raum erstellt</translation>
    </message>
    <message>
        <source>room removed</source>
        <comment>activity kind</comment>
        <translation>Raum entfernt</translation>
    </message>
    <message>
        <source>error</source>
        <comment>activity kind</comment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>dropped</source>
        <comment>activity kind</comment>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>warning</source>
        <comment>activity kind</comment>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>refused</source>
        <comment>activity kind</comment>
        <translation>abgewiesen</translation>
    </message>
    <message>
        <source>kick</source>
        <comment>activity kind</comment>
        <translation>Rauswurf</translation>
    </message>
    <message>
        <source>mute</source>
        <comment>activity kind</comment>
        <translation>Stummschaltung</translation>
    </message>
    <message>
        <source>lock</source>
        <comment>activity kind</comment>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>the frame was not valid JSON</source>
        <translation>der Frame war kein gültiges JSON</translation>
    </message>
    <message>
        <source>the request was incomplete or invalid</source>
        <translation>die Anfrage war unvollständig oder ungültig</translation>
    </message>
    <message>
        <source>the request type is unknown</source>
        <translation>der Anfragetyp ist unbekannt</translation>
    </message>
    <message>
        <source>the member is not in that room</source>
        <translation>das Mitglied ist nicht in diesem Raum</translation>
    </message>
    <message>
        <source>no such member is connected</source>
        <translation>kein solches Mitglied ist verbunden</translation>
    </message>
    <message>
        <source>the name is already in use</source>
        <translation>der Name ist schon vergeben</translation>
    </message>
    <message>
        <source>too many messages per second; one was not delivered</source>
        <translation>zu viele Nachrichten pro Sekunde; eine wurde nicht zugestellt</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>nicht erlaubt</translation>
    </message>
    <message>
        <source>too many rooms</source>
        <translation>zu viele Räume</translation>
    </message>
    <message>
        <source>the name is reserved for the host</source>
        <translation>der Name ist dem Host vorbehalten</translation>
    </message>
    <message>
        <source>the host muted the member</source>
        <translation>der Host hat das Mitglied stummgeschaltet</translation>
    </message>
    <message>
        <source>the room is locked: only the host posts</source>
        <translation>der Raum ist gesperrt: nur der Host schreibt</translation>
    </message>
    <message>
        <source>the member is not in the room &quot;%1&quot;</source>
        <translation>das Mitglied ist nicht im Raum „%1“</translation>
    </message>
    <message>
        <source>no member &quot;%1&quot; is connected</source>
        <translation>kein Mitglied „%1“ ist verbunden</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is already in use</source>
        <translation>der Name „%1“ ist schon vergeben</translation>
    </message>
</context>
<context>
    <name>ActivityPane</name>
    <message>
        <source>&lt;b&gt;Activity&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aktivität&lt;/b&gt;</translation>
    </message>
    <message>
        <source>all rooms</source>
        <translation>alle Räume</translation>
    </message>
    <message>
        <source>Show only this room&apos;s events</source>
        <translation>Nur die Ereignisse dieses Raums zeigen</translation>
    </message>
    <message>
        <source>any member</source>
        <translation>jedes Mitglied</translation>
    </message>
    <message>
        <source>Show only events of members whose name or id contains this</source>
        <translation>Nur Ereignisse von Mitgliedern zeigen, deren Name oder ID dies enthält</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Which kinds of event to show</source>
        <translation>Welche Arten von Ereignissen gezeigt werden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Forget the events shown so far</source>
        <translation>Die bisher gezeigten Ereignisse vergessen</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Mitglied:</translation>
    </message>
    <message>
        <source>Kinds: all</source>
        <translation>Arten: alle</translation>
    </message>
    <message>
        <source>Kinds: %1 of %2</source>
        <translation>Arten: %1 von %2</translation>
    </message>
</context>
<context>
    <name>ChatLogRenderer</name>
    <message>
        <source>Sent by the host&apos;s console: no member can send with this badge</source>
        <translation>Von der Konsole des Hosts gesendet: kein Mitglied kann mit diesem Abzeichen senden</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
</context>
<context>
    <name>ChatLogView</name>
    <message>
        <source>Copy &amp;Message</source>
        <translation>Nachricht &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Sound for Mentions and Direct Messages</source>
        <translation>&amp;Ton bei Erwähnungen und Direktnachrichten</translation>
    </message>
</context>
<context>
    <name>ChatSearchModel</name>
    <message>
        <source>Type a word to search for.</source>
        <translation>Geben Sie ein Suchwort ein.</translation>
    </message>
    <message>
        <source>Not connected: cannot search now.</source>
        <translation>Nicht verbunden: Suchen ist gerade nicht möglich.</translation>
    </message>
    <message>
        <source>You are not in that room: join it to search it.</source>
        <translation>Sie sind nicht in diesem Raum: treten Sie bei, um ihn zu durchsuchen.</translation>
    </message>
    <message>
        <source>You are not in %1: join it to search it.</source>
        <translation>Sie sind nicht in %1: treten Sie bei, um ihn zu durchsuchen.</translation>
    </message>
    <message>
        <source>The server cannot search for that: %1.</source>
        <translation>Danach kann der Server nicht suchen: %1.</translation>
    </message>
    <message>
        <source>a bad request</source>
        <translation>eine ungültige Anfrage</translation>
    </message>
    <message>
        <source>The search failed (%1): %2</source>
        <translation>Die Suche ist fehlgeschlagen (%1): %2</translation>
    </message>
</context>
<context>
    <name>ChatSearchPanel</name>
    <message>
        <source>Search this room — Enter to search, Esc to close</source>
        <translation>Diesen Raum durchsuchen – Eingabetaste sucht, Esc schließt</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>Die Suche schließen (Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>No messages match “%1”.</source>
        <translation>Keine Nachricht passt zu „%1“.</translation>
    </message>
    <message>
        <source>1 message matches — Enter or click it to show it</source>
        <translation>1 Nachricht passt – Eingabetaste oder Klick zeigt sie</translation>
    </message>
    <message>
        <source>%1 messages match — Enter or click one to show it</source>
        <translation>%1 Nachrichten passen – Eingabetaste oder Klick zeigt eine</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>That name is already taken.</source>
        <translation>Dieser Name ist schon vergeben.</translation>
    </message>
    <message>
        <source>The name “%1” is already taken; you are still %2.</source>
        <translation>Der Name „%1“ ist schon vergeben; Sie sind weiterhin %2.</translation>
    </message>
    <message>
        <source>Slow down: you are sending too fast, and that was not delivered.</source>
        <translation>Langsamer: Sie senden zu schnell, das wurde nicht zugestellt.</translation>
    </message>
    <message>
        <source>You are not in that room (%1).</source>
        <translation>Sie sind nicht in diesem Raum (%1).</translation>
    </message>
    <message>
        <source>Cannot join another room: %1.</source>
        <translation>Kein weiterer Raum möglich: %1.</translation>
    </message>
    <message>
        <source>Cannot join “%1”: too many rooms (%2).</source>
        <translation>„%1“ kann nicht betreten werden: zu viele Räume (%2).</translation>
    </message>
    <message>
        <source>Cannot send a direct message: %1.</source>
        <translation>Direktnachricht kann nicht gesendet werden: %1.</translation>
    </message>
    <message>
        <source>Cannot join “%1”: %2.</source>
        <translation>„%1“ kann nicht betreten werden: %2.</translation>
    </message>
    <message>
        <source>The server refused that: %1.</source>
        <translation>Der Server hat das abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Not allowed: %1.</source>
        <translation>Nicht erlaubt: %1.</translation>
    </message>
    <message>
        <source>The server sent something this window cannot read: %1.</source>
        <translation>Der Server hat etwas gesendet, das dieses Fenster nicht lesen kann: %1.</translation>
    </message>
    <message>
        <source>The server reported an error (%1): %2</source>
        <translation>Der Server hat einen Fehler gemeldet (%1): %2</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1 is too long by %2: it would go out as a frame of %3, and the server takes at most %4 (quotes, backslashes and control characters count double or more, other characters as their UTF-8 bytes).</source>
        <translation>%1 ist um %2 zu lang: sie ginge als Frame von %3 hinaus, und der Server nimmt höchstens %4 an (Anführungszeichen, Backslashes und Steuerzeichen zählen doppelt oder mehr, andere Zeichen mit ihren UTF-8-Bytes).</translation>
    </message>
    <message>
        <source>Not connected — enter a server address above</source>
        <translation>Nicht verbunden – oben eine Serveradresse eingeben</translation>
    </message>
    <message>
        <source>Not a WebSocket address: %1 (try ws://host:port/chat)</source>
        <translation>Keine WebSocket-Adresse: %1 (versuchen Sie ws://host:port/chat)</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Verbunden als %1</translation>
    </message>
    <message>
        <source>Reconnected as %1</source>
        <translation>Neu verbunden als %1</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>der Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>Kicked by the host: %1</source>
        <translation>Vom Host hinausgeworfen: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <source>%1, code %2</source>
        <translation>%1, Code %2</translation>
    </message>
    <message>
        <source>Disconnected by the server (%1)</source>
        <translation>Vom Server getrennt (%1)</translation>
    </message>
    <message>
        <source>Connection lost (%1); reconnecting…</source>
        <translation>Verbindung verloren (%1); verbinde neu…</translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2)</source>
        <translation>Keine Verbindung zu %1 (%2)</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Keine Verbindung möglich</translation>
    </message>
    <message>
        <source>%1 (%2) — reconnecting in %3 s…</source>
        <translation>%1 (%2) – neuer Versuch in %3 s…</translation>
    </message>
    <message>
        <source>That name cannot be used: %1</source>
        <translation>Dieser Name kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Cannot join “%1”: %2</source>
        <translation>„%1“ kann nicht betreten werden: %2</translation>
    </message>
    <message>
        <source>Not connected: cannot join “%1” now.</source>
        <translation>Nicht verbunden: „%1“ kann gerade nicht betreten werden.</translation>
    </message>
    <message>
        <source>Earlier messages</source>
        <translation>Frühere Nachrichten</translation>
    </message>
    <message>
        <source>Messages while you were away</source>
        <translation>Nachrichten, während Sie weg waren</translation>
    </message>
    <message>
        <source>You joined %1</source>
        <translation>Sie sind %1 beigetreten</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 ist beigetreten</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 ist gegangen</translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation>%1 heißt jetzt %2</translation>
    </message>
    <message>
        <source>→ you (direct)</source>
        <translation>→ Sie (direkt)</translation>
    </message>
    <message>
        <source>→ %1 (direct)</source>
        <translation>→ %1 (direkt)</translation>
    </message>
    <message>
        <source>%1 → you (direct)</source>
        <translation>%1 → Sie (direkt)</translation>
    </message>
    <message>
        <source>You are now known as %1</source>
        <translation>Sie heißen jetzt %1</translation>
    </message>
    <message>
        <source>Join a room first: there is nowhere to send to.</source>
        <translation>Treten Sie zuerst einem Raum bei: es gibt kein Ziel zum Senden.</translation>
    </message>
    <message>
        <source>Not connected: the message was not sent (it is still in the box).</source>
        <translation>Nicht verbunden: die Nachricht wurde nicht gesendet (sie steht noch im Feld).</translation>
    </message>
    <message>
        <source>That message</source>
        <translation>Diese Nachricht</translation>
    </message>
    <message>
        <source>It was not sent (it is still in the box).</source>
        <translation>Sie wurde nicht gesendet (sie steht noch im Feld).</translation>
    </message>
    <message>
        <source>Not connected: the direct message to %1 was not sent.</source>
        <translation>Nicht verbunden: die Direktnachricht an %1 wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The direct message to %1</source>
        <translation>Die Direktnachricht an %1</translation>
    </message>
    <message>
        <source>It was not sent.</source>
        <translation>Sie wurde nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>wsroom chat</source>
        <translation>wsroom-Chat</translation>
    </message>
    <message>
        <source>a guest name</source>
        <translation>ein Gastname</translation>
    </message>
    <message>
        <source>Your name in the chat: edit it and press Enter to rename</source>
        <translation>Ihr Name im Chat: bearbeiten und Eingabetaste drücken, um ihn zu ändern</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Any server that speaks the wsroom protocol; press Enter to connect</source>
        <translation>Jeder Server, der das wsroom-Protokoll spricht; Eingabetaste verbindet</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>Join a room, or create it if there is none by that name</source>
        <translation>Einem Raum beitreten oder ihn anlegen, wenn es keinen mit diesem Namen gibt</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <source>Show joins, leaves and renames</source>
        <translation>Beitritte, Austritte und Umbenennungen zeigen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Double-click a member to send a direct message</source>
        <translation>Doppelklick auf ein Mitglied sendet eine Direktnachricht</translation>
    </message>
    <message>
        <source>That message is no longer in the room’s history.</source>
        <translation>Diese Nachricht ist nicht mehr im Verlauf des Raums.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>wsroom chat — %1 in %2</source>
        <translation>wsroom-Chat – %1 in %2</translation>
    </message>
    <message>
        <source>wsroom chat — %1</source>
        <translation>wsroom-Chat – %1</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <source>Join a room to chat</source>
        <translation>Treten Sie einem Raum bei, um zu chatten</translation>
    </message>
    <message>
        <source>Message %1 — Enter to send, Shift+Enter for a new line</source>
        <translation>Nachricht an %1 – Eingabetaste sendet, Umschalt+Eingabe für eine neue Zeile</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n ungelesene Nachricht</numerusform>
            <numerusform>%n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>&lt;p&gt;Direct message to &lt;b&gt;%1&lt;/b&gt;:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Direktnachricht an &lt;b&gt;%1&lt;/b&gt;:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 tippt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 tippen…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n other(s) are typing…</source>
        <translation>
            <numerusform>%1, %2 und %n weitere Person tippen…</numerusform>
            <numerusform>%1, %2 und %n weitere tippen…</numerusform>
        </translation>
    </message>
    <message>
        <source>You are in no room: join one on the left</source>
        <translation>Sie sind in keinem Raum: treten Sie links einem bei</translation>
    </message>
    <message>
        <source>Choose a room on the left</source>
        <translation>Wählen Sie links einen Raum</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen…</translation>
    </message>
    <message>
        <source>Beginning of the room</source>
        <translation>Anfang des Raums</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 (id %2)&lt;br&gt;Double-click to send a direct message&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 (ID %2)&lt;br&gt;Doppelklick sendet eine Direktnachricht&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>Mitglieder (%1)</translation>
    </message>
</context>
<context>
    <name>ClientInput</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Not a hex digit: &apos;%1&apos; (character %2)</source>
        <translation>Keine Hexziffer: „%1“ (Zeichen %2)</translation>
    </message>
    <message>
        <source>An odd number of hex digits (%1): each byte takes two</source>
        <translation>Eine ungerade Zahl von Hexziffern (%1): jedes Byte braucht zwei</translation>
    </message>
    <message>
        <source>Line %1: no &apos;:&apos; (write Name: value)</source>
        <translation>Zeile %1: kein „:“ (Name: Wert schreiben)</translation>
    </message>
    <message>
        <source>Line %1: the header&apos;s name is missing or has a space</source>
        <translation>Zeile %1: der Name des Headers fehlt oder enthält ein Leerzeichen</translation>
    </message>
    <message>
        <source>Start with a close code, 1000-4999</source>
        <translation>Mit einem Schließcode beginnen, 1000–4999</translation>
    </message>
    <message>
        <source>%1 is not a close code: use 1000-4999</source>
        <translation>%1 ist kein Schließcode: 1000–4999 verwenden</translation>
    </message>
    <message>
        <source>%1 may not be sent in a close frame (RFC 6455, 7.4.1)</source>
        <translation>%1 darf nicht in einem Close-Frame gesendet werden (RFC 6455, 7.4.1)</translation>
    </message>
    <message>
        <source>missing comma</source>
        <translation>Komma fehlt</translation>
    </message>
    <message>
        <source>missing colon</source>
        <translation>Doppelpunkt fehlt</translation>
    </message>
    <message>
        <source>unterminated object (missing &apos;}&apos;)</source>
        <translation>nicht abgeschlossenes Objekt („}“ fehlt)</translation>
    </message>
    <message>
        <source>unterminated array (missing &apos;]&apos;)</source>
        <translation>nicht abgeschlossenes Array („]“ fehlt)</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--%1 wants a whole number from %2 to %3, not &quot;%4&quot;</source>
        <translation>--%1 erwartet eine ganze Zahl von %2 bis %3, nicht „%4“</translation>
    </message>
    <message>
        <source>Qt&apos;s option -%1 wants a value</source>
        <translation>Die Qt-Option -%1 erwartet einen Wert</translation>
    </message>
    <message>
        <source>wsroom hosts a WebSocket chat-room server on this machine and opens chat windows that are its clients.

Qt&apos;s own options work too, such as -style Fusion, -platform offscreen, -reverse, -stylesheet FILE.</source>
        <translation>wsroom betreibt einen WebSocket-Chatraum-Server auf diesem Rechner und öffnet Chatfenster, die seine Clients sind.

Auch Qts eigene Optionen funktionieren, etwa -style Fusion, -platform offscreen, -reverse, -stylesheet DATEI.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Run the server alone, with no window.</source>
        <translation>Nur den Server ausführen, ohne Fenster.</translation>
    </message>
    <message>
        <source>Port to listen on (default %1; 0 picks a free one).</source>
        <translation>Port, auf dem gelauscht wird (Vorgabe %1; 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>Address to listen on (default %1; 0.0.0.0: the local network).</source>
        <translation>Adresse, auf der gelauscht wird (Vorgabe %1; 0.0.0.0: das lokale Netz).</translation>
    </message>
    <message>
        <source>Same as --bind 0.0.0.0; the window also starts at once and shows the share panel (addresses, QR code).</source>
        <translation>Wie --bind 0.0.0.0; das Fenster startet außerdem sofort und zeigt die Freigabe (Adressen, QR-Code).</translation>
    </message>
    <message>
        <source>Start the server at once (always with --headless).</source>
        <translation>Den Server sofort starten (mit --headless immer).</translation>
    </message>
    <message>
        <source>Past N, new connections are closed with 1013 (default %1).</source>
        <translation>Ab N werden neue Verbindungen mit 1013 geschlossen (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Larger messages close the connection with 1009 (default %1).</source>
        <translation>Größere Nachrichten schließen die Verbindung mit 1009 (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Messages per second per connection, burst twice that; 0: off (default %1).</source>
        <translation>Nachrichten pro Sekunde und Verbindung, kurzzeitig das Doppelte; 0: aus (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Messages kept per room and sent on join (default %1).</source>
        <translation>Pro Raum aufbewahrte und beim Betreten gesendete Nachrichten (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Seconds between the notifications dialect&apos;s messages; 0: off (default %1).</source>
        <translation>Sekunden zwischen den Nachrichten des Benachrichtigungs-Dialekts; 0: aus (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Require ?code=CODE to connect.</source>
        <translation>Zum Verbinden ?code=CODE verlangen.</translation>
    </message>
    <message>
        <source>Comma-separated Origin values allowed to connect.</source>
        <translation>Kommagetrennte Origin-Werte, die sich verbinden dürfen.</translation>
    </message>
    <message>
        <source>Window only: the colours, system (the desktop&apos;s, default), light or dark (Qt&apos;s Fusion style).</source>
        <translation>Nur im Fenster: die Farben, system (die des Desktops, Vorgabe), light (hell) oder dark (dunkel) (Qts Fusion-Stil).</translation>
    </message>
    <message>
        <source>Window only: open N chat windows.</source>
        <translation>Nur im Fenster: N Chatfenster öffnen.</translation>
    </message>
    <message>
        <source>Append every message, join, leave and rename to FILE as JSON Lines.</source>
        <translation>Jede Nachricht, jedes Betreten, Verlassen und Umbenennen als JSON Lines an FILE anhängen.</translation>
    </message>
    <message>
        <source>Keep rooms and their messages across restarts in the SQLite FILE (default: rooms.sqlite in the data folder); none: in memory only.</source>
        <translation>Räume und ihre Nachrichten über Neustarts hinweg in der SQLite-Datei FILE behalten (Vorgabe: rooms.sqlite im Datenordner); none: nur im Speicher.</translation>
    </message>
    <message>
        <source>Messages the store keeps per room, older ones deleted; 0: all (default %1).</source>
        <translation>Nachrichten, die der Speicher pro Raum behält, ältere werden gelöscht; 0: alle (Vorgabe %1).</translation>
    </message>
    <message>
        <source>Certificate (PEM) to serve wss:// and https://.</source>
        <translation>Zertifikat (PEM), um wss:// und https:// anzubieten.</translation>
    </message>
    <message>
        <source>Private key (PEM) for --tls-cert.</source>
        <translation>Privater Schlüssel (PEM) zu --tls-cert.</translation>
    </message>
    <message>
        <source>Milliseconds between idle pings; 0: off.</source>
        <translation>Millisekunden zwischen Pings im Leerlauf; 0: aus.</translation>
    </message>
    <message>
        <source>Milliseconds for the TLS handshake and the request head.</source>
        <translation>Millisekunden für den TLS-Handshake und den Anfragekopf.</translation>
    </message>
    <message>
        <source> (see wsroom --help)</source>
        <translation> (siehe wsroom --help)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (see wsroom --help)</source>
        <translation>unerwartetes Argument „%1“ (siehe wsroom --help)</translation>
    </message>
    <message>
        <source>--notification-interval wants 0 (off) or seconds from 0.01 to 86400, not &quot;%1&quot;</source>
        <translation>--notification-interval erwartet 0 (aus) oder Sekunden von 0.01 bis 86400, nicht „%1“</translation>
    </message>
    <message>
        <source>--theme wants system, light or dark, not &quot;%1&quot;</source>
        <translation>--theme erwartet system, light oder dark, nicht „%1“</translation>
    </message>
    <message>
        <source>--lan and --bind cannot be used together</source>
        <translation>--lan und --bind können nicht zusammen verwendet werden</translation>
    </message>
    <message>
        <source>--bind wants an IP address such as 127.0.0.1 or 0.0.0.0, not &quot;%1&quot;</source>
        <translation>--bind erwartet eine IP-Adresse wie 127.0.0.1 oder 0.0.0.0, nicht „%1“</translation>
    </message>
    <message>
        <source>--join-code wants 4 to 32 characters</source>
        <translation>--join-code erwartet 4 bis 32 Zeichen</translation>
    </message>
    <message>
        <source>--allowed-origins wants origins such as https://example.org or http://localhost:8000 (scheme://host[:port], no path), not &quot;%1&quot;</source>
        <translation>--allowed-origins erwartet Origins wie https://example.org oder http://localhost:8000 (schema://host[:port], ohne Pfad), nicht „%1“</translation>
    </message>
    <message>
        <source>--allowed-origins wants a comma-separated list of origins</source>
        <translation>--allowed-origins erwartet eine kommagetrennte Liste von Origins</translation>
    </message>
    <message>
        <source>--record wants a file name</source>
        <translation>--record erwartet einen Dateinamen</translation>
    </message>
    <message>
        <source>--store wants a file name, or none</source>
        <translation>--store erwartet einen Dateinamen oder none</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert und --tls-key gehören zusammen</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>ContextMenuKeys</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
</context>
<context>
    <name>CrowdIndicator</name>
    <message>
        <source>Simulated: %1</source>
        <translation>Simuliert: %1</translation>
    </message>
    <message>
        <source> (+%1 connecting)</source>
        <translation> (+%1 verbinden sich)</translation>
    </message>
    <message>
        <source>Simulated clients: %1 chatters, %2 visitors, %3 slow readers connected; %4 connecting.
Clients › Remove Simulated Clients (Ctrl+Shift+X) removes them.</source>
        <translation>Simulierte Clients: %1 Plaudernde, %2 Besucher, %3 langsame Leser verbunden; %4 verbinden sich.
Clients › Simulierte Clients entfernen (Strg+Umschalt+X) entfernt sie.</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>wsroom chat</source>
        <translation>wsroom-Chat</translation>
    </message>
</context>
<context>
    <name>DisconnectGuard</name>
    <message>
        <source>Disconnect Everyone?</source>
        <translation>Alle trennen?</translation>
    </message>
    <message>
        <source>They are told the server closed (close code 1000); chat windows and browsers try to reconnect.</source>
        <translation>Sie erfahren, dass der Server geschlossen wurde (Schließcode 1000); Chatfenster und Browser versuchen, sich neu zu verbinden.</translation>
    </message>
    <message>
        <source>&amp;Stop the Server</source>
        <translation>Server &amp;stoppen</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>&amp;Nicht mehr fragen</translation>
    </message>
    <message>
        <source>Server › Ask Before Disconnecting brings the question back</source>
        <translation>Server › Vor dem Trennen von Mitgliedern fragen bringt die Frage zurück</translation>
    </message>
    <message numerus="yes">
        <source>%n member is connected. Stop the server and disconnect them?</source>
        <translation>
            <numerusform>%n Mitglied ist verbunden. Den Server stoppen und es trennen?</numerusform>
            <numerusform>%n Mitglieder sind verbunden. Den Server stoppen und sie trennen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members are connected. Stop the server and disconnect them?</source>
        <translation>
            <numerusform>%n Mitglied ist verbunden. Den Server stoppen und es trennen?</numerusform>
            <numerusform>%n Mitglieder sind verbunden. Den Server stoppen und sie trennen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrameClient</name>
    <message>
        <source>Use ws:// or wss://</source>
        <translation>ws:// oder wss:// verwenden</translation>
    </message>
    <message>
        <source>The address is not valid: %1</source>
        <translation>Die Adresse ist ungültig: %1</translation>
    </message>
    <message>
        <source>The address has no host</source>
        <translation>Die Adresse hat keinen Host</translation>
    </message>
    <message>
        <source>The connection was aborted</source>
        <translation>Die Verbindung wurde abgebrochen</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a WebSocket handshake: its head is too large</source>
        <translation>Die Antwort des Servers ist kein WebSocket-Handshake: ihr Kopf ist zu groß</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not HTTP: %1</source>
        <translation>Die Antwort des Servers ist kein HTTP: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a WebSocket handshake: %1</source>
        <translation>Die Antwort des Servers ist kein WebSocket-Handshake: %1</translation>
    </message>
    <message>
        <source>no &quot;Upgrade: websocket&quot;</source>
        <translation>kein „Upgrade: websocket“</translation>
    </message>
    <message>
        <source>no &quot;Connection: Upgrade&quot;</source>
        <translation>kein „Connection: Upgrade“</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept is not the one for the key sent</source>
        <translation>Sec-WebSocket-Accept passt nicht zum gesendeten Schlüssel</translation>
    </message>
    <message>
        <source>it accepted an extension that was not offered (%1)</source>
        <translation>er hat eine Erweiterung angenommen, die nicht angeboten wurde (%1)</translation>
    </message>
    <message>
        <source>it chose the subprotocol &quot;%1&quot;, which was not offered</source>
        <translation>er hat das Subprotokoll „%1“ gewählt, das nicht angeboten wurde</translation>
    </message>
    <message>
        <source>The server refused the handshake: %1</source>
        <translation>Der Server hat den Handshake abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s frames could not be followed (%1).</source>
        <translation>Den Frames des Servers ließ sich nicht folgen (%1).</translation>
    </message>
    <message>
        <source>The server sent a frame that breaks the protocol: %1</source>
        <translation>Der Server hat einen Frame gesendet, der das Protokoll verletzt: %1</translation>
    </message>
    <message>
        <source>The server closed the connection before answering</source>
        <translation>Der Server hat die Verbindung vor der Antwort geschlossen</translation>
    </message>
    <message>
        <source>The server closed the connection in the middle of its answer</source>
        <translation>Der Server hat die Verbindung mitten in der Antwort geschlossen</translation>
    </message>
    <message>
        <source>The connection ended without a closing handshake</source>
        <translation>Die Verbindung endete ohne schließenden Handshake</translation>
    </message>
    <message>
        <source>No answer within %1</source>
        <translation>Keine Antwort innerhalb von %1</translation>
    </message>
    <message>
        <source>The server did not finish the closing handshake within %1</source>
        <translation>Der Server hat den schließenden Handshake nicht innerhalb von %1 beendet</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>FrameInspector</name>
    <message>
        <source>Frame Inspector — wsroom</source>
        <translation>Frame-Inspektor – wsroom</translation>
    </message>
    <message>
        <source>(pick a member)</source>
        <translation>(Mitglied wählen)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Hold new frames instead of showing them (Ctrl+P)</source>
        <translation>Neue Frames zurückhalten statt sie zu zeigen (Strg+P)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Forget the frames shown (Ctrl+L)</source>
        <translation>Die gezeigten Frames vergessen (Strg+L)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop inspecting this member</source>
        <translation>Dieses Mitglied nicht mehr untersuchen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Member: </source>
        <translation>Mitglied: </translation>
    </message>
    <message>
        <source>&lt;p&gt;Pick a member to see its opening handshake and every frame it sends and receives.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie ein Mitglied, um seinen Eröffnungs-Handshake und jeden Frame zu sehen, den es sendet und empfängt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Waiting for the server…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Warte auf den Server…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Opening handshake of %1 (%2) from %3</source>
        <translation>Eröffnungs-Handshake von %1 (%2) von %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;1. The client asks to upgrade&lt;/b&gt; an HTTP request to a WebSocket:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;1. Der Client bittet darum, eine HTTP-Anfrage&lt;/b&gt; zu einem WebSocket aufzuwerten:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht aufgezeichnet)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;2. The server proves it understood&lt;/b&gt; by deriving &lt;code&gt;Sec-WebSocket-Accept&lt;/code&gt; from &lt;code&gt;Sec-WebSocket-Key&lt;/code&gt; (RFC 6455, section 4.2.2):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;2. Der Server beweist, dass er verstanden hat,&lt;/b&gt; indem er &lt;code&gt;Sec-WebSocket-Accept&lt;/code&gt; aus &lt;code&gt;Sec-WebSocket-Key&lt;/code&gt; ableitet (RFC 6455, Abschnitt 4.2.2):&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key</source>
        <translation>Sec-WebSocket-Key</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key from the client (16 random bytes, base64)</source>
        <translation>Sec-WebSocket-Key vom Client (16 Zufallsbytes, base64)</translation>
    </message>
    <message>
        <source>append the fixed GUID &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>die feste GUID &lt;tt&gt;%1&lt;/tt&gt; anhängen</translation>
    </message>
    <message>
        <source>SHA-1 of that (20 bytes, in hex)</source>
        <translation>SHA-1 davon (20 Bytes, hexadezimal)</translation>
    </message>
    <message>
        <source>base64 of those 20 bytes = the expected Accept</source>
        <translation>base64 dieser 20 Bytes = das erwartete Accept</translation>
    </message>
    <message>
        <source>(the response was not seen)</source>
        <translation>(die Antwort wurde nicht gesehen)</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>stimmt überein</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>stimmt nicht überein</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept the server sent</source>
        <translation>Sec-WebSocket-Accept, das der Server gesendet hat</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;3. The server switches protocols;&lt;/b&gt; from here on both sides send frames:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;3. Der Server wechselt das Protokoll;&lt;/b&gt; ab hier senden beide Seiten Frames:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(not seen)</source>
        <translation>(nicht gesehen)</translation>
    </message>
    <message>
        <source>Inspecting %1 (%2).</source>
        <translation>Untersuche %1 (%2).</translation>
    </message>
    <message>
        <source>Inspection ended: %1.</source>
        <translation>Untersuchung beendet: %1.</translation>
    </message>
    <message>
        <source>Not inspecting.</source>
        <translation>Keine Untersuchung.</translation>
    </message>
    <message>
        <source>1 frame shown</source>
        <translation>1 Frame angezeigt</translation>
    </message>
    <message>
        <source>%1 frames shown</source>
        <translation>%1 Frames angezeigt</translation>
    </message>
    <message>
        <source> (the last %1 are kept)</source>
        <translation> (die letzten %1 werden behalten)</translation>
    </message>
    <message>
        <source>— paused, 1 frame held</source>
        <translation>– angehalten, 1 Frame zurückgehalten</translation>
    </message>
    <message>
        <source>— paused, %1 frames held</source>
        <translation>– angehalten, %1 Frames zurückgehalten</translation>
    </message>
    <message>
        <source>— %1 dropped in floods</source>
        <translation>– %1 bei Fluten verworfen</translation>
    </message>
</context>
<context>
    <name>FrameListModel</name>
    <message>
        <source> (first %1 bytes kept)</source>
        <translation> (erste %1 Bytes behalten)</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Time:       %1
</source>
        <translation>Zeit:         %1
</translation>
    </message>
    <message>
        <source>Direction:  %1
</source>
        <translation>Richtung:     %1
</translation>
    </message>
    <message>
        <source>out (server → client)</source>
        <translation>aus (Server → Client)</translation>
    </message>
    <message>
        <source>in (server → client)</source>
        <translation>ein (Server → Client)</translation>
    </message>
    <message>
        <source>out (client → server)</source>
        <translation>aus (Client → Server)</translation>
    </message>
    <message>
        <source>in (client → server)</source>
        <translation>ein (Client → Server)</translation>
    </message>
    <message>
        <source>Opcode:     0x%1 %2%3
</source>
        <translation>Opcode:       0x%1 %2%3
</translation>
    </message>
    <message>
        <source> (control frame)</source>
        <translation> (Steuer-Frame)</translation>
    </message>
    <message>
        <source>FIN:        %1
</source>
        <translation>FIN:          %1
</translation>
    </message>
    <message>
        <source>1 (last frame of the message)</source>
        <translation>1 (letzter Frame der Nachricht)</translation>
    </message>
    <message>
        <source>0 (more frames of this message follow)</source>
        <translation>0 (weitere Frames dieser Nachricht folgen)</translation>
    </message>
    <message>
        <source>RSV1-3:     %1 %2 %3
</source>
        <translation>RSV1-3:       %1 %2 %3
</translation>
    </message>
    <message>
        <source>MASK:       1, key %1 (client frames are always masked)
</source>
        <translation>MASK:         1, Schlüssel %1 (Client-Frames sind immer maskiert)
</translation>
    </message>
    <message>
        <source>MASK:       0 (server frames are never masked)
</source>
        <translation>MASK:         0 (Server-Frames sind nie maskiert)
</translation>
    </message>
    <message>
        <source>Length:     %1 bytes of payload, %2 bytes of header
</source>
        <translation>Länge:        %1 Bytes Nutzdaten, %2 Bytes Kopf
</translation>
    </message>
    <message>
        <source>Round trip: %1 after the ping it answers
</source>
        <translation>Umlaufzeit:   %1 nach dem Ping, den er beantwortet
</translation>
    </message>
    <message>
        <source>Round trip: %1 after the message it answers
</source>
        <translation>Umlaufzeit:   %1 nach der Nachricht, die er beantwortet
</translation>
    </message>
    <message>
        <source>Close code: %1
</source>
        <translation>Schließcode:  %1
</translation>
    </message>
    <message>
        <source>
%1 payload: %2
</source>
        <translation>
%1 Nutzdaten: %2
</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Pong</source>
        <translation>Pong</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>
(only the first %1 bytes of the payload were kept)
</source>
        <translation>
(nur die ersten %1 Bytes der Nutzdaten wurden behalten)
</translation>
    </message>
    <message>
        <source>← out</source>
        <translation>← aus</translation>
    </message>
    <message>
        <source>→ in</source>
        <translation>→ ein</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <source>FIN</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>(no close code)</source>
        <translation>(kein Schließcode)</translation>
    </message>
</context>
<context>
    <name>FramesView</name>
    <message>
        <source>In and out</source>
        <translation>Ein und aus</translation>
    </message>
    <message>
        <source>→ In only</source>
        <translation>→ Nur ein</translation>
    </message>
    <message>
        <source>← Out only</source>
        <translation>← Nur aus</translation>
    </message>
    <message>
        <source>All opcodes</source>
        <translation>Alle Opcodes</translation>
    </message>
    <message>
        <source>Data frames</source>
        <translation>Daten-Frames</translation>
    </message>
    <message>
        <source>Control frames</source>
        <translation>Steuer-Frames</translation>
    </message>
    <message>
        <source>Search payloads</source>
        <translation>Nutzdaten durchsuchen</translation>
    </message>
    <message>
        <source>Select a frame to see it in full.</source>
        <translation>Einen Frame auswählen, um ihn ganz zu sehen.</translation>
    </message>
</context>
<context>
    <name>HostActions</name>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Port, who can connect, limits, join code</source>
        <translation>Port, wer sich verbinden darf, Grenzen, Beitrittscode</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>&amp;Sitzung exportieren…</translation>
    </message>
    <message>
        <source>Save every message, join, leave and rename so far as JSON Lines and an HTML transcript</source>
        <translation>Alle bisherigen Nachrichten, Beitritte, Austritte und Umbenennungen als JSON Lines und HTML-Protokoll speichern</translation>
    </message>
    <message>
        <source>Export Session &amp;Without Simulated Clients…</source>
        <translation>Sitzung exportieren &amp;ohne simulierte Clients…</translation>
    </message>
    <message>
        <source>The same export, leaving out the simulated clients&apos; joins, leaves and messages</source>
        <translation>Derselbe Export, ohne die Beitritte, Austritte und Nachrichten der simulierten Clients</translation>
    </message>
    <message>
        <source>&amp;New Chat Window</source>
        <translation>&amp;Neues Chatfenster</translation>
    </message>
    <message>
        <source>Open a chat window connected to this server (Ctrl+N)</source>
        <translation>Ein Chatfenster öffnen, das mit diesem Server verbunden ist (Strg+N)</translation>
    </message>
    <message>
        <source>Open Se&amp;veral…</source>
        <translation>&amp;Mehrere öffnen…</translation>
    </message>
    <message>
        <source>&amp;Close All Chat Windows</source>
        <translation>Alle Chatfenster &amp;schließen</translation>
    </message>
    <message>
        <source>New &amp;WebSocket Client…</source>
        <translation>Neuer &amp;WebSocket-Client…</translation>
    </message>
    <message>
        <source>A client for any ws:// or wss:// server that shows every frame (Ctrl+Shift+O)</source>
        <translation>Ein Client für jeden ws://- oder wss://-Server, der jeden Frame zeigt (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>&amp;Tile Chat Windows</source>
        <translation>Chatfenster &amp;anordnen</translation>
    </message>
    <message>
        <source>Tile the chat windows and the WebSocket client windows over the screen (Ctrl+Shift+T)</source>
        <translation>Die Chatfenster und WebSocket-Client-Fenster nebeneinander über den Bildschirm verteilen (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Add &amp;Simulated Clients…</source>
        <translation>Simulierte Clients &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Chatters, visitors or slow readers, for demos of load (Ctrl+Shift+N)</source>
        <translation>Plaudernde, Besucher oder langsame Leser, um Last vorzuführen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>&amp;Remove Simulated Clients</source>
        <translation>Simulierte Clients &amp;entfernen</translation>
    </message>
    <message>
        <source>Create/Pin &amp;Room…</source>
        <translation>&amp;Raum anlegen/anheften…</translation>
    </message>
    <message>
        <source>Create a room, or keep an existing one when it empties</source>
        <translation>Einen Raum anlegen oder einen bestehenden behalten, wenn er sich leert</translation>
    </message>
    <message>
        <source>&amp;Post System Message…</source>
        <translation>Systemnachricht &amp;posten…</translation>
    </message>
    <message>
        <source>Post a message from &quot;host&quot; to a room</source>
        <translation>Eine Nachricht von „host“ in einem Raum posten</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>Be&amp;nachrichtigungen…</translation>
    </message>
    <message>
        <source>Send a notification now to every notifications-dialect client; set how often they get reminders</source>
        <translation>Jetzt eine Benachrichtigung an jeden Client des Benachrichtigungs-Dialekts senden; einstellen, wie oft sie Erinnerungen bekommen</translation>
    </message>
    <message>
        <source>Share on &amp;Local Network</source>
        <translation>Im &amp;lokalen Netz teilen</translation>
    </message>
    <message>
        <source>Let devices on this network join: listen on 0.0.0.0 and show the addresses, a QR code and the join code (Ctrl+L)</source>
        <translation>Geräte in diesem Netz beitreten lassen: auf 0.0.0.0 lauschen und die Adressen, einen QR-Code und den Beitrittscode zeigen (Strg+L)</translation>
    </message>
    <message>
        <source>&amp;Presenter View</source>
        <translation>&amp;Präsentationsansicht</translation>
    </message>
    <message>
        <source>Full screen for the projector: where to join and the live room in large type (F11; Esc leaves)</source>
        <translation>Vollbild für den Beamer: wo man beitritt und der Raum live in großer Schrift (F11; Esc beendet)</translation>
    </message>
    <message>
        <source>&amp;Ask Before Disconnecting Members</source>
        <translation>Vor dem &amp;Trennen von Mitgliedern fragen</translation>
    </message>
    <message>
        <source>Stop, Quit and closing the window ask first while members are connected</source>
        <translation>Stoppen, Beenden und Schließen des Fensters fragen zuerst nach, solange Mitglieder verbunden sind</translation>
    </message>
    <message>
        <source>&amp;Kick Member…</source>
        <translation>Mitglied &amp;hinauswerfen…</translation>
    </message>
    <message>
        <source>Disconnect the selected member (close code 4000)</source>
        <translation>Das ausgewählte Mitglied trennen (Schließcode 4000)</translation>
    </message>
    <message>
        <source>&amp;Ban Member…</source>
        <translation>Mitglied &amp;sperren…</translation>
    </message>
    <message>
        <source>Disconnect the selected member and refuse its name and address for the rest of the session</source>
        <translation>Das ausgewählte Mitglied trennen und seinen Namen und seine Adresse für den Rest der Sitzung abweisen</translation>
    </message>
    <message>
        <source>&amp;Mute Member</source>
        <translation>Mitglied stu&amp;mmschalten</translation>
    </message>
    <message>
        <source>The selected member&apos;s messages are refused until you unmute it (Ctrl+M)</source>
        <translation>Die Nachrichten des ausgewählten Mitglieds werden abgewiesen, bis Sie die Stummschaltung aufheben (Strg+M)</translation>
    </message>
    <message>
        <source>&amp;Lock Room</source>
        <translation>Raum &amp;abschließen</translation>
    </message>
    <message>
        <source>Only the host posts in the selected room until it is unlocked</source>
        <translation>Nur der Host postet im ausgewählten Raum, bis er wieder aufgeschlossen wird</translation>
    </message>
    <message>
        <source>&amp;Clear Room History…</source>
        <translation>Verlauf des Raums &amp;leeren…</translation>
    </message>
    <message>
        <source>Delete the selected room&apos;s messages, in memory and in the store</source>
        <translation>Die Nachrichten des ausgewählten Raums löschen, im Speicher und in der Ablage</translation>
    </message>
    <message>
        <source>Li&amp;ft All Bans</source>
        <translation>Alle Sperren aufhe&amp;ben</translation>
    </message>
    <message>
        <source>Let every banned name and address in again</source>
        <translation>Alle gesperrten Namen und Adressen wieder zulassen</translation>
    </message>
    <message>
        <source>Room &amp;History…</source>
        <translation>Raum&amp;verlauf…</translation>
    </message>
    <message>
        <source>Clear or export a room&apos;s messages, including rooms that are only in the store</source>
        <translation>Die Nachrichten eines Raums leeren oder exportieren, auch von Räumen, die nur in der Ablage sind</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Im &amp;Browser öffnen</translation>
    </message>
    <message>
        <source>Open the browser chat client served on this port</source>
        <translation>Den Browser-Chatclient öffnen, der auf diesem Port bereitsteht</translation>
    </message>
    <message>
        <source>&amp;Frame Inspector…</source>
        <translation>&amp;Frame-Inspektor…</translation>
    </message>
    <message>
        <source>See a member&apos;s handshake and every WebSocket frame it sends and receives</source>
        <translation>Den Handshake eines Mitglieds und jeden WebSocket-Frame sehen, den es sendet und empfängt</translation>
    </message>
    <message>
        <source>&amp;About wsroom</source>
        <translation>&amp;Über wsroom</translation>
    </message>
    <message>
        <source>&amp;Protocol Reference</source>
        <translation>&amp;Protokollreferenz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation>&amp;Moderation</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Clients</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation>&amp;Fenster</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <source>Room…</source>
        <translation>Raum…</translation>
    </message>
    <message>
        <source>Post…</source>
        <translation>Posten…</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Hinauswerfen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation>Gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
</context>
<context>
    <name>HostText</name>
    <message>
        <source>the server is already running</source>
        <translation>der Server läuft schon</translation>
    </message>
    <message>
        <source>port %1 is already in use on %2</source>
        <translation>Port %1 auf %2 ist schon belegt</translation>
    </message>
    <message>
        <source>permission denied to listen on port %1</source>
        <translation>keine Berechtigung, auf Port %1 zu lauschen</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>kann auf %1 Port %2 nicht lauschen: %3</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>TLS is not available: Qt found no TLS backend (is libssl3 installed?)</source>
        <translation>TLS ist nicht verfügbar: Qt fand kein TLS-Backend (ist libssl3 installiert?)</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>%1 enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>the certificate in %1 expired on %2</source>
        <translation>das Zertifikat in %1 ist am %2 abgelaufen</translation>
    </message>
    <message>
        <source>the private key in %1 is protected by a passphrase: wsroom needs it unencrypted</source>
        <translation>der private Schlüssel in %1 ist mit einer Passphrase geschützt: wsroom braucht ihn unverschlüsselt</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA, EC or DSA, unencrypted)</source>
        <translation>%1 enthält keinen privaten PEM-Schlüssel (RSA, EC oder DSA, unverschlüsselt)</translation>
    </message>
    <message>
        <source>the private key in %1 does not belong to the certificate in %2</source>
        <translation>der private Schlüssel in %1 gehört nicht zum Zertifikat in %2</translation>
    </message>
    <message>
        <source>the store&apos;s folder %1 cannot be made</source>
        <translation>der Ordner der Ablage, %1, kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the store %1 is in use by another wsroom (process %2)</source>
        <translation>die Ablage %1 wird von einem anderen wsroom benutzt (Prozess %2)</translation>
    </message>
    <message>
        <source>the store %1 cannot be locked (%2.lock cannot be written)</source>
        <translation>die Ablage %1 kann nicht gesperrt werden (%2.lock kann nicht geschrieben werden)</translation>
    </message>
    <message>
        <source>the store %1 cannot be opened: %2</source>
        <translation>die Ablage %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the store %1 cannot be read</source>
        <translation>die Ablage %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the store %1 cannot be written (%2)</source>
        <translation>die Ablage %1 kann nicht beschrieben werden (%2)</translation>
    </message>
    <message>
        <source>the store %1 is of schema %2 and could not be upgraded</source>
        <translation>die Ablage %1 hat Schema %2 und konnte nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>it is not a wsroom store</source>
        <translation>sie ist keine wsroom-Ablage</translation>
    </message>
    <message>
        <source>it was written by a newer wsroom (schema %1, this one reads %2)</source>
        <translation>ein neueres wsroom hat sie geschrieben (Schema %1, dieses liest %2)</translation>
    </message>
    <message>
        <source>the store %1 cannot be used (%2) and cannot be moved aside to %3</source>
        <translation>die Ablage %1 ist nicht brauchbar (%2) und kann nicht nach %3 verschoben werden</translation>
    </message>
    <message>
        <source>the store %1 cannot be used (%2): moved aside to %3, a new store begins</source>
        <translation>die Ablage %1 ist nicht brauchbar (%2): nach %3 verschoben, eine neue Ablage beginnt</translation>
    </message>
    <message>
        <source>%1; messages are kept in memory and not acknowledged until it can</source>
        <translation>%1; Nachrichten bleiben im Arbeitsspeicher und werden erst bestätigt, wenn es wieder geht</translation>
    </message>
    <message>
        <source>the store %1 is written again</source>
        <translation>die Ablage %1 wird wieder beschrieben</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>the server stopped</source>
        <translation>der Server wurde angehalten</translation>
    </message>
    <message>
        <source>no such member</source>
        <translation>kein solches Mitglied</translation>
    </message>
    <message>
        <source>disconnected: %1 %2</source>
        <translation>getrennt: %1 %2</translation>
    </message>
    <message>
        <source>Incoming bytes may start inside a frame; they are skipped until the next frame starts.</source>
        <translation>Eingehende Bytes beginnen womöglich mitten in einem Frame; sie werden bis zum nächsten Frame übersprungen.</translation>
    </message>
    <message>
        <source>The incoming stream could not be followed (%1); it is skipped until the next clean point.</source>
        <translation>Dem eingehenden Datenstrom war nicht zu folgen (%1); er wird bis zur nächsten sauberen Stelle übersprungen.</translation>
    </message>
    <message>
        <source>The outgoing stream could not be followed (%1).</source>
        <translation>Dem ausgehenden Datenstrom war nicht zu folgen (%1).</translation>
    </message>
</context>
<context>
    <name>LiveChart</name>
    <message>
        <source>Room messages per second (blue, left scale) and open connections (orange, right scale) over the last %1 minutes</source>
        <translation>Raumnachrichten pro Sekunde (blau, linke Skala) und offene Verbindungen (orange, rechte Skala) in den letzten %1 Minuten</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>−%1 min</source>
        <translation>−%1 Min.</translation>
    </message>
    <message>
        <source>Messages/s: %1</source>
        <translation>Nachrichten/s: %1</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Verbindungen: %1</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s counters…</source>
        <translation>Warte auf die Zähler des Servers…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>--open-chats needs the window; ignored when headless</source>
        <translation>--open-chats braucht das Fenster; ohne Fenster ignoriert</translation>
    </message>
    <message>
        <source>no display found (no DISPLAY or WAYLAND_DISPLAY), running headless</source>
        <translation>keine Anzeige gefunden (kein DISPLAY oder WAYLAND_DISPLAY), läuft ohne Fenster</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Host Actions</source>
        <translation>Host-Aktionen</translation>
    </message>
    <message>
        <source>Room &quot;%1&quot; is kept even when empty</source>
        <translation>Raum „%1“ bleibt auch leer bestehen</translation>
    </message>
    <message>
        <source>Posted to &quot;%1&quot;</source>
        <translation>In „%1“ gepostet</translation>
    </message>
    <message>
        <source>Notifications reminders every %1 s</source>
        <translation>Benachrichtigungs-Erinnerungen alle %1 s</translation>
    </message>
    <message>
        <source>Notifications reminders off</source>
        <translation>Benachrichtigungs-Erinnerungen aus</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rooms and members&lt;/b&gt;</source>
        <translation>&lt;b&gt;Räume und Mitglieder&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Simulated client %1 lost: %2</source>
        <translation>Simulierter Client %1 verloren: %2</translation>
    </message>
    <message>
        <source>Live Chart</source>
        <translation>Live-Diagramm</translation>
    </message>
    <message>
        <source>&amp;Live Chart</source>
        <translation>&amp;Live-Diagramm</translation>
    </message>
    <message>
        <source>Could not change who can connect: %1</source>
        <translation>Konnte nicht ändern, wer sich verbinden darf: %1</translation>
    </message>
    <message>
        <source>&amp;Start Server</source>
        <translation>Server &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Stop Server</source>
        <translation>Server &amp;stoppen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Start the server (Ctrl+R)</source>
        <translation>Den Server starten (Strg+R)</translation>
    </message>
    <message>
        <source>Stop the server; clients are told it closed (Ctrl+R)</source>
        <translation>Den Server stoppen; Clients erfahren, dass er geschlossen wurde (Strg+R)</translation>
    </message>
    <message>
        <source>wsroom — %1:%2</source>
        <translation>wsroom – %1:%2</translation>
    </message>
    <message>
        <source>wsroom</source>
        <translation>wsroom</translation>
    </message>
    <message>
        <source>Shared on the local network (%1:%2)</source>
        <translation>Im lokalen Netz geteilt (%1:%2)</translation>
    </message>
    <message>
        <source>This computer only (%1:%2)</source>
        <translation>Nur dieser Computer (%1:%2)</translation>
    </message>
    <message>
        <source>&amp;Post System Message…</source>
        <translation>Systemnachricht &amp;posten…</translation>
    </message>
    <message>
        <source>&amp;Post to %1…</source>
        <translation>In %1 &amp;posten…</translation>
    </message>
    <message>
        <source>Create or Pin a Room</source>
        <translation>Raum anlegen oder anheften</translation>
    </message>
    <message>
        <source>Room name (1-%1 characters). The room stays even when it empties:</source>
        <translation>Raumname (1–%1 Zeichen). Der Raum bleibt, auch wenn er sich leert:</translation>
    </message>
    <message>
        <source>Create Room</source>
        <translation>Raum anlegen</translation>
    </message>
    <message>
        <source>Post System Message</source>
        <translation>Systemnachricht posten</translation>
    </message>
    <message>
        <source>shown as a message from &quot;host&quot;</source>
        <translation>erscheint als Nachricht von „host“</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Posten</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Open Chat Windows</source>
        <translation>Chatfenster öffnen</translation>
    </message>
    <message>
        <source>How many chat windows?</source>
        <translation>Wie viele Chatfenster?</translation>
    </message>
    <message>
        <source>Restart the Server?</source>
        <translation>Server neu starten?</translation>
    </message>
    <message>
        <source>The new settings apply when the server starts again. Restart it now?

Every client is disconnected (close code 1000); chat windows reconnect.</source>
        <translation>Die neuen Einstellungen gelten, sobald der Server wieder startet. Jetzt neu starten?

Jeder Client wird getrennt (Schließcode 1000); Chatfenster verbinden sich neu.</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>About wsroom</source>
        <translation>Über wsroom</translation>
    </message>
    <message>
        <source>&lt;h3&gt;wsroom %1&lt;/h3&gt;&lt;p&gt;A WebSocket chat-room server on your own machine, with chat windows that are its clients.&lt;/p&gt;&lt;p&gt;One port serves WebSocket (the native protocol on &lt;code&gt;/chat&lt;/code&gt;, the FastAPI tutorials&apos; &lt;code&gt;/&lt;/code&gt; and &lt;code&gt;/ws/{client_id}&lt;/code&gt;) and HTTP (a browser client, &lt;code&gt;/api/status&lt;/code&gt;, &lt;code&gt;/metrics&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;wsroom %1&lt;/h3&gt;&lt;p&gt;Ein WebSocket-Chatraum-Server auf Ihrem eigenen Rechner, mit Chatfenstern, die seine Clients sind.&lt;/p&gt;&lt;p&gt;Ein Port bedient WebSocket (das eigene Protokoll auf &lt;code&gt;/chat&lt;/code&gt;, &lt;code&gt;/&lt;/code&gt; und &lt;code&gt;/ws/{client_id}&lt;/code&gt; der FastAPI-Tutorials) und HTTP (ein Browser-Client, &lt;code&gt;/api/status&lt;/code&gt;, &lt;code&gt;/metrics&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Protocol Reference</source>
        <translation>Protokollreferenz</translation>
    </message>
    <message>
        <source>Show %1&apos;s Activity</source>
        <translation>Aktivität von %1 zeigen</translation>
    </message>
    <message>
        <source>Inspect %1&apos;s Frames…</source>
        <translation>Frames von %1 untersuchen…</translation>
    </message>
    <message>
        <source>Show Activity in %1</source>
        <translation>Aktivität in %1 zeigen</translation>
    </message>
    <message>
        <source>Export Session</source>
        <translation>Sitzung exportieren</translation>
    </message>
    <message>
        <source>JSON Lines and HTML transcript (*.jsonl *.html)</source>
        <translation>JSON Lines und HTML-Protokoll (*.jsonl *.html)</translation>
    </message>
    <message>
        <source>Exported %1.jsonl and %1.html</source>
        <translation>%1.jsonl und %1.html exportiert</translation>
    </message>
    <message>
        <source>No join code: anyone who can reach the server joins</source>
        <translation>Kein Beitrittscode: Wer den Server erreicht, kann beitreten</translation>
    </message>
    <message>
        <source>Join code %1: connections without it are closed (1008)</source>
        <translation>Beitrittscode %1: Verbindungen ohne ihn werden geschlossen (1008)</translation>
    </message>
</context>
<context>
    <name>MentionNotifier</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>MessageComposer</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation>Binär (hex)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Text and JSON go as text frames; hex and files as binary ones</source>
        <translation>Text und JSON gehen als Text-Frames, Hex und Dateien als Binär-Frames</translation>
    </message>
    <message>
        <source>one frame</source>
        <translation>ein Frame</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <source>Cut the message into frames of at most this many bytes, to see fragmentation (0: one frame)</source>
        <translation>Die Nachricht in Frames von höchstens so vielen Bytes zerlegen, um Fragmentierung zu sehen (0: ein Frame)</translation>
    </message>
    <message>
        <source>&amp;Pretty-print</source>
        <translation>For&amp;matieren</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>Die Nachricht senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cut into frames of</source>
        <translation>Zerlegen in Frames zu</translation>
    </message>
    <message>
        <source>The message to send</source>
        <translation>Die zu sendende Nachricht</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>&amp;Datei wählen…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <source>Messages saved for this address; double-click one to use it</source>
        <translation>Für diese Adresse gespeicherte Nachrichten; Doppelklick verwendet eine</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>Spei&amp;chern…</translation>
    </message>
    <message>
        <source>Save this message under a name, for this address</source>
        <translation>Diese Nachricht unter einem Namen für diese Adresse speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Saved messages</source>
        <translation>Gespeicherte Nachrichten</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>The file is over %1 MiB</source>
        <translation>Die Datei ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>Kein JSON: %1</translation>
    </message>
    <message>
        <source>Choose a file to send</source>
        <translation>Eine Datei zum Senden wählen</translation>
    </message>
    <message>
        <source>File to Send</source>
        <translation>Zu sendende Datei</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Nachricht speichern</translation>
    </message>
    <message>
        <source>Name, for %1:</source>
        <translation>Name, für %1:</translation>
    </message>
</context>
<context>
    <name>MessageSizeMeter</name>
    <message>
        <source>The size of the message as it would be sent, against the most the server accepts</source>
        <translation>Die Größe der Nachricht, wie sie gesendet würde, gegenüber dem Höchstwert, den der Server annimmt</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 Byte</translation>
    </message>
</context>
<context>
    <name>ModerationPrompts</name>
    <message>
        <source>&amp;Kick %1…</source>
        <translation>%1 &amp;hinauswerfen…</translation>
    </message>
    <message>
        <source>&amp;Kick Member…</source>
        <translation>Mitglied &amp;hinauswerfen…</translation>
    </message>
    <message>
        <source>&amp;Ban %1…</source>
        <translation>%1 &amp;sperren…</translation>
    </message>
    <message>
        <source>&amp;Ban Member…</source>
        <translation>Mitglied &amp;sperren…</translation>
    </message>
    <message>
        <source>&amp;Mute %1</source>
        <translation>%1 stu&amp;mmschalten</translation>
    </message>
    <message>
        <source>&amp;Mute Member</source>
        <translation>Mitglied stu&amp;mmschalten</translation>
    </message>
    <message>
        <source>&amp;Lock %1</source>
        <translation>%1 &amp;abschließen</translation>
    </message>
    <message>
        <source>&amp;Lock Room</source>
        <translation>Raum &amp;abschließen</translation>
    </message>
    <message>
        <source>&amp;Clear %1&apos;s History…</source>
        <translation>Verlauf von %1 &amp;leeren…</translation>
    </message>
    <message>
        <source>&amp;Clear Room History…</source>
        <translation>Verlauf des Raums &amp;leeren…</translation>
    </message>
    <message>
        <source>kicked by the host</source>
        <translation>vom Host hinausgeworfen</translation>
    </message>
    <message>
        <source>Kick %1</source>
        <translation>%1 hinauswerfen</translation>
    </message>
    <message>
        <source>Disconnect %1 (%2) with close code 4000.
Reason shown to them:</source>
        <translation>%1 (%2) mit Schließcode 4000 trennen.
Grund, der angezeigt wird:</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Disconnect %1 (%2) and refuse its name and address until the server stops or Lift All Bans.
Reason shown to them:</source>
        <translation>%1 (%2) trennen und Namen und Adresse abweisen, bis der Server stoppt oder „Alle Sperren aufheben“.
Grund, der angezeigt wird:</translation>
    </message>
    <message>
        <source>Kicked %1</source>
        <translation>%1 hinausgeworfen</translation>
    </message>
    <message>
        <source>Banned %1 for this session</source>
        <translation>%1 für diese Sitzung gesperrt</translation>
    </message>
    <message>
        <source>Muted %1: its messages are refused</source>
        <translation>%1 stummgeschaltet: seine Nachrichten werden abgewiesen</translation>
    </message>
    <message>
        <source>%1 may speak again</source>
        <translation>%1 darf wieder sprechen</translation>
    </message>
    <message>
        <source>Locked %1: only the host posts there</source>
        <translation>%1 abgeschlossen: nur der Host postet dort</translation>
    </message>
    <message>
        <source>Opened %1 again</source>
        <translation>%1 wieder geöffnet</translation>
    </message>
    <message>
        <source>Clear Room History</source>
        <translation>Verlauf des Raums leeren</translation>
    </message>
    <message>
        <source>Delete every message of &quot;%1&quot;, in memory and in the store? Its members stay.</source>
        <translation>Jede Nachricht von „%1“ löschen, im Speicher und in der Ablage? Seine Mitglieder bleiben.</translation>
    </message>
    <message>
        <source>&amp;Delete Messages</source>
        <translation>Nachrichten &amp;löschen</translation>
    </message>
    <message>
        <source>Cleared the history of %1</source>
        <translation>Verlauf von %1 geleert</translation>
    </message>
    <message>
        <source>Every ban of this session is lifted</source>
        <translation>Alle Sperren dieser Sitzung sind aufgehoben</translation>
    </message>
</context>
<context>
    <name>NotificationDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Every client of the notifications dialect (&lt;code&gt;/ws/notifications/{client_id}&lt;/code&gt;) gets these, as &lt;code&gt;{&quot;type&quot;:&quot;notification&quot;,&quot;message&quot;:…}&lt;/code&gt;. A native client on this computer sends the same with &lt;code&gt;{&quot;type&quot;:&quot;notify&quot;}&lt;/code&gt;.</source>
        <translation>Jeder Client des Benachrichtigungs-Dialekts (&lt;code&gt;/ws/notifications/{client_id}&lt;/code&gt;) bekommt sie als &lt;code&gt;{&quot;type&quot;:&quot;notification&quot;,&quot;message&quot;:…}&lt;/code&gt;. Ein eigener Client auf diesem Computer sendet dasselbe mit &lt;code&gt;{&quot;type&quot;:&quot;notify&quot;}&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>e.g. Five minutes left</source>
        <translation>z. B. Noch fünf Minuten</translation>
    </message>
    <message>
        <source>&amp;Send Now</source>
        <translation>Jetzt &amp;senden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Each notifications client gets &quot;New notification for NAME&quot; this often; 0 turns it off. Applies at once.</source>
        <translation>Jeder Benachrichtigungs-Client bekommt so oft „New notification for NAME“; 0 schaltet es aus. Gilt sofort.</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Reminder every:</source>
        <translation>&amp;Erinnerung alle:</translation>
    </message>
</context>
<context>
    <name>NotificationReceipt</name>
    <message>
        <source>Notification sent</source>
        <translation>Benachrichtigung gesendet</translation>
    </message>
    <message>
        <source>Nobody received the notification: no member listens for notifications</source>
        <translation>Niemand hat die Benachrichtigung erhalten: kein Mitglied wartet auf Benachrichtigungen</translation>
    </message>
    <message numerus="yes">
        <source>Notification sent to %n member</source>
        <translation>
            <numerusform>Benachrichtigung an %n Mitglied gesendet</numerusform>
            <numerusform>Benachrichtigung an %n Mitglieder gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notification sent to %n members</source>
        <translation>
            <numerusform>Benachrichtigung an %n Mitglied gesendet</numerusform>
            <numerusform>Benachrichtigung an %n Mitglieder gesendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>wsroom — Presenter</source>
        <translation>wsroom – Präsentation</translation>
    </message>
    <message>
        <source>Join the chat</source>
        <translation>Dem Chat beitreten</translation>
    </message>
    <message>
        <source>Esc leaves the presenter view</source>
        <translation>Esc verlässt die Präsentationsansicht</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>Im Raum</translation>
    </message>
    <message>
        <source>Latest messages</source>
        <translation>Neueste Nachrichten</translation>
    </message>
    <message>
        <source>The server is not running.</source>
        <translation>Der Server läuft nicht.</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
</context>
<context>
    <name>RoomHistoryDialog</name>
    <message>
        <source>Room History</source>
        <translation>Raumverlauf</translation>
    </message>
    <message>
        <source>C&amp;lear History…</source>
        <translation>Verlauf &amp;leeren…</translation>
    </message>
    <message>
        <source>Delete the room&apos;s messages, in memory and in the store</source>
        <translation>Die Nachrichten des Raums löschen, im Speicher und in der Ablage</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save the room&apos;s messages as JSON Lines and an HTML transcript</source>
        <translation>Die Nachrichten des Raums als JSON Lines und HTML-Protokoll speichern</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>Could not export %1: %2</source>
        <translation>Konnte %1 nicht exportieren: %2</translation>
    </message>
    <message>
        <source>Exported %1 of %2 to %3.jsonl and %3.html</source>
        <translation>%1 von %2 nach %3.jsonl und %3.html exportiert</translation>
    </message>
    <message>
        <source>Delete the %1 of “%2”?</source>
        <translation>Die %1 von „%2“ löschen?</translation>
    </message>
    <message>
        <source>Delete the messages of “%1” kept in memory?</source>
        <translation>Die im Speicher gehaltenen Nachrichten von „%1“ löschen?</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Verlauf leeren</translation>
    </message>
    <message>
        <source>They are gone for good, for everyone: members who join see no earlier messages. Export them first to keep a copy.</source>
        <translation>Sie sind endgültig weg, für alle: wer beitritt, sieht keine früheren Nachrichten. Exportieren Sie sie vorher, um eine Kopie zu behalten.</translation>
    </message>
    <message>
        <source>Cleared the history of %1.</source>
        <translation>Verlauf von %1 geleert.</translation>
    </message>
    <message>
        <source>Export History of %1</source>
        <translation>Verlauf von %1 exportieren</translation>
    </message>
    <message>
        <source>JSON Lines and HTML transcript (*.jsonl *.html)</source>
        <translation>JSON Lines und HTML-Protokoll (*.jsonl *.html)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <source>No rooms.</source>
        <translation>Keine Räume.</translation>
    </message>
    <message>
        <source>Start the server to clear or export a room&apos;s history.</source>
        <translation>Starten Sie den Server, um den Verlauf eines Raums zu leeren oder zu exportieren.</translation>
    </message>
    <message>
        <source>The messages kept in memory (no store)</source>
        <translation>Die im Speicher gehaltenen Nachrichten (keine Ablage)</translation>
    </message>
    <message>
        <source>%1; no one is in the room.</source>
        <translation>%1; niemand ist im Raum.</translation>
    </message>
    <message>
        <source>%1; the room is open.</source>
        <translation>%1; der Raum ist offen.</translation>
    </message>
    <message numerus="yes">
        <source>%n message</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored message</source>
        <translation>
            <numerusform>%n gespeicherte Nachricht</numerusform>
            <numerusform>%n gespeicherte Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored messages</source>
        <translation>
            <numerusform>%n gespeicherte Nachricht</numerusform>
            <numerusform>%n gespeicherte Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomsModel</name>
    <message>
        <source>Not in a room</source>
        <translation>In keinem Raum</translation>
    </message>
    <message>
        <source>Connected but in no room: /echo connections, and members who joined no room or left their last one</source>
        <translation>Verbunden, aber in keinem Raum: /echo-Verbindungen und Mitglieder, die keinem Raum beigetreten sind oder ihren letzten verlassen haben</translation>
    </message>
    <message>
        <source>%1 (1 stored message)</source>
        <translation>%1 (1 gespeicherte Nachricht)</translation>
    </message>
    <message>
        <source>%1 (%2 stored messages)</source>
        <translation>%1 (%2 gespeicherte Nachrichten)</translation>
    </message>
    <message>
        <source>%1: no one is in it; the store keeps its %2 for whoever joins it again</source>
        <translation>%1: niemand ist darin; die Ablage behält %2 für alle, die wieder beitreten</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 Nachrichten</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (abgeschlossen)</translation>
    </message>
    <message>
        <source>%1: locked by the host, only the host posts in it</source>
        <translation>%1: vom Host abgeschlossen, nur der Host postet darin</translation>
    </message>
    <message>
        <source>%1: a permanent room</source>
        <translation>%1: ein dauerhafter Raum</translation>
    </message>
    <message>
        <source>%1: kept by the host even when empty</source>
        <translation>%1: vom Host auch leer behalten</translation>
    </message>
    <message>
        <source>%1: disappears when its last member leaves</source>
        <translation>%1: verschwindet, wenn das letzte Mitglied geht</translation>
    </message>
    <message>
        <source>%1 (muted)</source>
        <translation>%1 (stummgeschaltet)</translation>
    </message>
    <message>
        <source>%1 (id %2), muted by the host</source>
        <translation>%1 (ID %2), vom Host stummgeschaltet</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialekt</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <source>For a room, the messages posted in it; for a member, the messages it sent</source>
        <translation>Bei einem Raum die darin geposteten Nachrichten; bei einem Mitglied die von ihm gesendeten</translation>
    </message>
</context>
<context>
    <name>RoomsView</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialekt</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Ports go from 1 to 65535 (0: any free), not %1</source>
        <translation>Ports reichen von 1 bis 65535 (0: ein freier), nicht %1</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>ein freier</translation>
    </message>
    <message>
        <source>The TCP port for WebSocket and HTTP; 0 picks a free one</source>
        <translation>Der TCP-Port für WebSocket und HTTP; 0 wählt einen freien</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Local network</source>
        <translation>Lokales Netz</translation>
    </message>
    <message>
        <source>Listen on 127.0.0.1: only programs on this computer connect</source>
        <translation>Auf 127.0.0.1 lauschen: nur Programme auf diesem Computer verbinden sich</translation>
    </message>
    <message>
        <source>Listen on 0.0.0.0: other machines on the network connect too</source>
        <translation>Auf 0.0.0.0 lauschen: auch andere Rechner im Netz verbinden sich</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Who can connect:</source>
        <translation>&amp;Wer sich verbinden darf:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Which of this computer&apos;s addresses the URLs show</source>
        <translation>Welche Adresse dieses Computers die URLs zeigen</translation>
    </message>
    <message>
        <source>Native chat:</source>
        <translation>Eigener Chat:</translation>
    </message>
    <message>
        <source>Tutorial chat:</source>
        <translation>Tutorial-Chat:</translation>
    </message>
    <message>
        <source>Broadcast:</source>
        <translation>Rundsendung:</translation>
    </message>
    <message>
        <source>Browser:</source>
        <translation>Browser:</translation>
    </message>
    <message>
        <source>Echo:</source>
        <translation>Echo:</translation>
    </message>
    <message>
        <source>The native protocol: chat windows, the browser client, your own clients</source>
        <translation>Das eigene Protokoll: Chatfenster, der Browser-Client, Ihre eigenen Clients</translation>
    </message>
    <message>
        <source>The second FastAPI tutorial&apos;s chat: replace {client_id} with a name</source>
        <translation>Der Chat des zweiten FastAPI-Tutorials: {client_id} durch einen Namen ersetzen</translation>
    </message>
    <message>
        <source>The first FastAPI tutorial&apos;s JSON broadcast, in the lobby</source>
        <translation>Die JSON-Rundsendung des ersten FastAPI-Tutorials, in der Lobby</translation>
    </message>
    <message>
        <source>Open this in a browser for the built-in chat client</source>
        <translation>Dies im Browser öffnen, um den eingebauten Chat-Client zu nutzen</translation>
    </message>
    <message>
        <source>Every message back to its sender: the first thing to connect to</source>
        <translation>Jede Nachricht zurück an den Absender: das Erste, womit man sich verbindet</translation>
    </message>
    <message>
        <source>shown while the server listens</source>
        <translation>wird angezeigt, solange der Server lauscht</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this address to the clipboard</source>
        <translation>Diese Adresse in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Listening on %1:%2 (local network)</source>
        <translation>Lauscht auf %1:%2 (lokales Netz)</translation>
    </message>
    <message>
        <source>Listening on %1:%2</source>
        <translation>Lauscht auf %1:%2</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppt…</translation>
    </message>
    <message>
        <source>Port 0: the system picked %1</source>
        <translation>Port 0: das System hat %1 gewählt</translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer)</source>
        <translation>127.0.0.1 (dieser Computer)</translation>
    </message>
</context>
<context>
    <name>ServerSession</name>
    <message>
        <source>Nothing was recorded yet: start the server first.</source>
        <translation>Noch wurde nichts aufgezeichnet: zuerst den Server starten.</translation>
    </message>
    <message>
        <source>The server stopped first.</source>
        <translation>Der Server wurde vorher gestoppt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Server Settings</source>
        <translation>Server-Einstellungen</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>ein freier Port</translation>
    </message>
    <message>
        <source>The TCP port for WebSocket and HTTP; 0 picks a free one</source>
        <translation>Der TCP-Port für WebSocket und HTTP; 0 wählt einen freien</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>Nur dieser Computer (127.0.0.1)</translation>
    </message>
    <message>
        <source>Local network (0.0.0.0)</source>
        <translation>Lokales Netz (0.0.0.0)</translation>
    </message>
    <message>
        <source>Local network lets other machines, such as a classroom&apos;s, connect</source>
        <translation>Im lokalen Netz können sich andere Rechner verbinden, etwa die eines Klassenzimmers</translation>
    </message>
    <message>
        <source>Past it, new connections are closed with 1013</source>
        <translation>Darüber hinaus werden neue Verbindungen mit 1013 geschlossen</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <source>Larger frames close the connection with 1009</source>
        <translation>Größere Frames schließen die Verbindung mit 1009</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Messages per second per connection, bursts of twice that</source>
        <translation>Nachrichten pro Sekunde und Verbindung, kurzzeitig das Doppelte</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Messages kept per room and sent to whoever joins</source>
        <translation>Pro Raum aufbewahrte Nachrichten, die jeder beim Beitreten bekommt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between the notifications dialect&apos;s periodic messages</source>
        <translation>Sekunden zwischen den regelmäßigen Nachrichten des Benachrichtigungs-Dialekts</translation>
    </message>
    <message>
        <source>none: anyone may join</source>
        <translation>keiner: jeder darf beitreten</translation>
    </message>
    <message>
        <source>When set, clients must add ?code=... to connect</source>
        <translation>Wenn gesetzt, müssen Clients zum Verbinden ?code=... anhängen</translation>
    </message>
    <message>
        <source>any, or e.g. http://example.org, https://x.test:8443</source>
        <translation>alle, oder z. B. http://example.org, https://x.test:8443</translation>
    </message>
    <message>
        <source>Comma-separated Origin values allowed to connect; others are refused</source>
        <translation>Kommagetrennte Origin-Werte, die sich verbinden dürfen; andere werden abgewiesen</translation>
    </message>
    <message>
        <source>none: rooms and messages in memory only</source>
        <translation>keine: Räume und Nachrichten nur im Speicher</translation>
    </message>
    <message>
        <source>The SQLite file that keeps rooms and their messages across restarts; empty for none. Applies at the next start.</source>
        <translation>Die SQLite-Datei, die Räume und ihre Nachrichten über Neustarts hinweg behält; leer für keine. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Choos&amp;e…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Keep rooms in memory only (like --store none)</source>
        <translation>Räume nur im Speicher halten (wie --store none)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Who can connect:</source>
        <translation>&amp;Wer sich verbinden darf:</translation>
    </message>
    <message>
        <source>Max &amp;connections:</source>
        <translation>Max. &amp;Verbindungen:</translation>
    </message>
    <message>
        <source>Max &amp;message size:</source>
        <translation>Max. &amp;Nachrichtengröße:</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>&amp;Ratenlimit:</translation>
    </message>
    <message>
        <source>&amp;History per room:</source>
        <translation>Ver&amp;lauf pro Raum:</translation>
    </message>
    <message>
        <source>&amp;Notification interval:</source>
        <translation>&amp;Benachrichtigungsintervall:</translation>
    </message>
    <message>
        <source>&amp;Join code:</source>
        <translation>Beitritts&amp;code:</translation>
    </message>
    <message>
        <source>Allowed &amp;origins:</source>
        <translation>Erlaubte &amp;Origins:</translation>
    </message>
    <message>
        <source>Room &amp;store:</source>
        <translation>Raum&amp;ablage:</translation>
    </message>
    <message>
        <source>The server is running: the changes apply the next time it starts.</source>
        <translation>Der Server läuft: die Änderungen gelten beim nächsten Start.</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <source>The join code needs at least 4 characters: a shorter one is guessed in minutes.</source>
        <translation>Der Beitrittscode braucht mindestens 4 Zeichen: ein kürzerer ist in Minuten erraten.</translation>
    </message>
    <message>
        <source>The join code cannot contain spaces: clients type it into a URL.</source>
        <translation>Der Beitrittscode darf keine Leerzeichen enthalten: Clients tippen ihn in eine URL.</translation>
    </message>
    <message>
        <source>The join code cannot contain control characters.</source>
        <translation>Der Beitrittscode darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an origin: write it as http://host or https://host:port, with no path.</source>
        <translation>„%1“ ist kein Origin: als http://host oder https://host:port schreiben, ohne Pfad.</translation>
    </message>
    <message>
        <source>Room Store</source>
        <translation>Raumablage</translation>
    </message>
    <message>
        <source>SQLite files (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Dateien (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>Join from a browser, on the same network:</source>
        <translation>Im selben Netz über einen Browser beitreten:</translation>
    </message>
    <message>
        <source>Pick the address the students&apos; devices can reach: its QR code is beside it</source>
        <translation>Die Adresse wählen, die die Geräte der Lernenden erreichen: ihr QR-Code steht daneben</translation>
    </message>
    <message>
        <source>Require a &amp;join code</source>
        <translation>Beitritts&amp;code verlangen</translation>
    </message>
    <message>
        <source>Only those who know the code can chat; connections without it are closed with 1008. Turning it on or off keeps who is in.</source>
        <translation>Nur wer den Code kennt, kann chatten; Verbindungen ohne ihn werden mit 1008 geschlossen. Ein- oder Ausschalten lässt alle drin, die schon da sind.</translation>
    </message>
    <message>
        <source>New Code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <source>Replace the join code; members already in stay</source>
        <translation>Den Beitrittscode ersetzen; wer schon drin ist, bleibt</translation>
    </message>
    <message>
        <source>4 digits</source>
        <translation>4 Ziffern</translation>
    </message>
    <message>
        <source>6 characters</source>
        <translation>6 Zeichen</translation>
    </message>
    <message>
        <source>4 digits are easy to type on a phone; 6 characters are much harder to guess</source>
        <translation>4 Ziffern tippt man leicht auf dem Handy; 6 Zeichen sind viel schwerer zu erraten</translation>
    </message>
    <message>
        <source>This Computer Only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Listen on 127.0.0.1 again: nobody new joins from the network; who is in stays</source>
        <translation>Wieder auf 127.0.0.1 lauschen: niemand Neues tritt aus dem Netz bei; wer drin ist, bleibt</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this panel; Server &gt; Share on Local Network shows it again</source>
        <translation>Diesen Bereich ausblenden; Server &gt; Im lokalen Netz teilen zeigt ihn wieder</translation>
    </message>
    <message>
        <source>Larger &amp;QR Code</source>
        <translation>Größerer &amp;QR-Code</translation>
    </message>
    <message>
        <source>Show the QR code larger here; the presenter view (F11) shows it full screen</source>
        <translation>Den QR-Code hier größer zeigen; die Präsentationsansicht (F11) zeigt ihn bildschirmfüllend</translation>
    </message>
    <message>
        <source>⚠ An address gave 5 wrong join codes and is refused for a minute. Someone may be guessing the code: the activity log names it.</source>
        <translation>⚠ Eine Adresse hat 5 falsche Beitrittscodes gesendet und wird eine Minute lang abgewiesen. Vielleicht versucht jemand, den Code zu erraten: das Aktivitätsprotokoll nennt sie.</translation>
    </message>
    <message>
        <source>⚠ %1 addresses gave 5 wrong join codes and are refused for a minute. Someone may be guessing the code: the activity log names them.</source>
        <translation>⚠ %1 Adressen haben 5 falsche Beitrittscodes gesendet und werden eine Minute lang abgewiesen. Vielleicht versucht jemand, den Code zu erraten: das Aktivitätsprotokoll nennt sie.</translation>
    </message>
    <message>
        <source>No network address</source>
        <translation>Keine Netzwerkadresse</translation>
    </message>
    <message>
        <source>Scan to join: %1</source>
        <translation>Zum Beitreten scannen: %1</translation>
    </message>
    <message>
        <source>Open the address in a browser on a phone or laptop, or scan the QR code. Asked for a join code? Type the code shown here.</source>
        <translation>Die Adresse im Browser eines Handys oder Laptops öffnen oder den QR-Code scannen. Nach einem Beitrittscode gefragt? Den hier gezeigten Code eintippen.</translation>
    </message>
    <message>
        <source>Open the address in a browser on a phone or laptop, or scan the QR code. Anyone who can reach this computer can join: tick &quot;Require a join code&quot; to keep others out.</source>
        <translation>Die Adresse im Browser eines Handys oder Laptops öffnen oder den QR-Code scannen. Jeder, der diesen Computer erreicht, kann beitreten: „Beitrittscode verlangen“ ankreuzen, um andere draußen zu halten.</translation>
    </message>
    <message>
        <source>Join code: %1</source>
        <translation>Beitrittscode: %1</translation>
    </message>
</context>
<context>
    <name>SimulatedClientsDialog</name>
    <message>
        <source>Add Simulated Clients</source>
        <translation>Simulierte Clients hinzufügen</translation>
    </message>
    <message>
        <source>Chatters: send messages at a steady rate</source>
        <translation>Plaudernde: senden Nachrichten in gleichmäßigem Tempo</translation>
    </message>
    <message>
        <source>Visitors: join and leave the room again and again</source>
        <translation>Besucher: betreten und verlassen den Raum immer wieder</translation>
    </message>
    <message>
        <source>Slow readers: stop reading (closed with 4008)</source>
        <translation>Langsame Leser: hören auf zu lesen (mit 4008 geschlossen)</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> pro Minute</translation>
    </message>
    <message>
        <source>Each chatter&apos;s messages per minute (the server allows %1 per second by default)</source>
        <translation>Nachrichten pro Minute je Plaudernden (der Server erlaubt standardmäßig %1 pro Sekunde)</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>Long messages fill a slow reader&apos;s buffers sooner</source>
        <translation>Lange Nachrichten füllen die Puffer eines langsamen Lesers schneller</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>They run in their own thread, off the window&apos;s.</source>
        <translation>Sie laufen in einem eigenen Thread, getrennt vom Fenster.</translation>
    </message>
    <message>
        <source>&amp;How many:</source>
        <translation>&amp;Wie viele:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Ra&amp;te:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <source>Message &amp;length:</source>
        <translation>Nachrichten&amp;länge:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>Aus&amp;blenden</translation>
    </message>
    <message>
        <source>Each joins the room and posts a message at about the rate below, spread out in time.</source>
        <translation>Jeder tritt dem Raum bei und postet Nachrichten ungefähr im Tempo unten, zeitlich verteilt.</translation>
    </message>
    <message>
        <source>Each stays connected and joins the room for a few seconds, leaves, and comes back: watch the presence events.</source>
        <translation>Jeder bleibt verbunden, tritt dem Raum für ein paar Sekunden bei, geht und kommt wieder: achten Sie auf die Anwesenheitsereignisse.</translation>
    </message>
    <message>
        <source>Each joins the room and stops reading. Once more than 4 MiB waits for it, the server closes it with 4008. Add chatters with long messages to the same room to see it happen.</source>
        <translation>Jeder tritt dem Raum bei und hört auf zu lesen. Sobald mehr als 4 MiB auf ihn warten, schließt der Server ihn mit 4008. Fügen Sie Plaudernde mit langen Nachrichten im selben Raum hinzu, um es zu sehen.</translation>
    </message>
    <message>
        <source>Connecting %1 simulated clients…</source>
        <translation>%1 simulierte Clients verbinden sich…</translation>
    </message>
    <message>
        <source>%1 simulated clients connected.</source>
        <translation>%1 simulierte Clients verbunden.</translation>
    </message>
</context>
<context>
    <name>StatusCounters</name>
    <message>
        <source>Open WebSocket connections</source>
        <translation>Offene WebSocket-Verbindungen</translation>
    </message>
    <message>
        <source>Rooms on the server</source>
        <translation>Räume auf dem Server</translation>
    </message>
    <message>
        <source>Frames received from clients per second</source>
        <translation>Von Clients empfangene Frames pro Sekunde</translation>
    </message>
    <message>
        <source>Room messages delivered to clients per second</source>
        <translation>An Clients zugestellte Raumnachrichten pro Sekunde</translation>
    </message>
    <message>
        <source>Addresses that gave 5 wrong join codes within a minute are refused for a minute; the activity log names them</source>
        <translation>Adressen, die binnen einer Minute 5 falsche Beitrittscodes senden, werden eine Minute lang abgewiesen; das Aktivitätsprotokoll nennt sie</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Verbindungen: %1</translation>
    </message>
    <message>
        <source>Rooms: %1</source>
        <translation>Räume: %1</translation>
    </message>
    <message>
        <source>In: %1 msg/s</source>
        <translation>Ein: %1 Nachr./s</translation>
    </message>
    <message>
        <source>Out: %1 deliveries/s</source>
        <translation>Aus: %1 Zustellungen/s</translation>
    </message>
    <message>
        <source>⚠ 1 address locked out: wrong join codes</source>
        <translation>⚠ 1 Adresse ausgesperrt: falsche Beitrittscodes</translation>
    </message>
    <message>
        <source>⚠ %1 addresses locked out: wrong join codes</source>
        <translation>⚠ %1 Adressen ausgesperrt: falsche Beitrittscodes</translation>
    </message>
</context>
<context>
    <name>StoreIndicator</name>
    <message>
        <source>Store: none</source>
        <translation>Ablage: keine</translation>
    </message>
    <message>
        <source>No room store: rooms and their messages are kept in memory only and are gone when the server stops (Settings › Room store)</source>
        <translation>Keine Raumablage: Räume und ihre Nachrichten liegen nur im Speicher und sind weg, wenn der Server stoppt (Einstellungen › Raumablage)</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Ablage: %1</translation>
    </message>
    <message>
        <source>The room store the next start opens:
%1</source>
        <translation>Die Raumablage, die der nächste Start öffnet:
%1</translation>
    </message>
    <message>
        <source>The room store: %1
%2 kept, %3 on disk</source>
        <translation>Die Raumablage: %1
%2 behalten, %3 auf der Platte</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 Nachricht</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 Nachrichten</translation>
    </message>
    <message>
        <source>Store: %1, %2</source>
        <translation>Ablage: %1, %2</translation>
    </message>
    <message>
        <source>⚠ Store: %1 cannot be written</source>
        <translation>⚠ Ablage: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>

Cannot be written: %1
New messages are kept in memory and written when it works again.</source>
        <translation>

Kann nicht geschrieben werden: %1
Neue Nachrichten bleiben im Speicher und werden geschrieben, sobald es wieder geht.</translation>
    </message>
</context>
<context>
    <name>WebSocketClientWindow</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>Lee&amp;ren</translation>
    </message>
    <message>
        <source>The opening handshake shows here once sent.</source>
        <translation>Der Eröffnungs-Handshake erscheint hier, sobald er gesendet ist.</translation>
    </message>
    <message>
        <source>&amp;Frames</source>
        <translation>&amp;Frames</translation>
    </message>
    <message>
        <source>&amp;Handshake</source>
        <translation>&amp;Handshake</translation>
    </message>
    <message>
        <source>Any ws:// or wss:// address (Ctrl+L)</source>
        <translation>Jede ws://- oder wss://-Adresse (Strg+L)</translation>
    </message>
    <message>
        <source>WebSocket client — %1</source>
        <translation>WebSocket-Client – %1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Copy &amp;as</source>
        <translation>Kopieren &amp;als</translation>
    </message>
    <message>
        <source>Copy a command or script that connects and sends this message</source>
        <translation>Einen Befehl oder ein Skript kopieren, das sich verbindet und diese Nachricht sendet</translation>
    </message>
    <message>
        <source>&amp;websocat command</source>
        <translation>&amp;websocat-Befehl</translation>
    </message>
    <message>
        <source>&amp;Python (websockets)</source>
        <translation>&amp;Python (websockets)</translation>
    </message>
    <message>
        <source>none; e.g. chat, superchat</source>
        <translation>keine; z. B. chat, superchat</translation>
    </message>
    <message>
        <source>Name: value, one a line; e.g. Origin: http://localhost</source>
        <translation>Name: Wert, einer pro Zeile; z. B. Origin: http://localhost</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Extra h&amp;eaders:</source>
        <translation>Zusätzliche H&amp;eader:</translation>
    </message>
    <message>
        <source>Su&amp;bprotocols:</source>
        <translation>Su&amp;bprotokolle:</translation>
    </message>
    <message>
        <source>ping payload</source>
        <translation>Ping-Nutzdaten</translation>
    </message>
    <message>
        <source>P&amp;ing</source>
        <translation>&amp;Ping</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>Schl&amp;ießen</translation>
    </message>
    <message>
        <source>Start the closing handshake with this code and reason</source>
        <translation>Den schließenden Handshake mit diesem Code und Grund beginnen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Schließe…</translation>
    </message>
    <message>
        <source>Open — no subprotocol</source>
        <translation>Offen – kein Subprotokoll</translation>
    </message>
    <message>
        <source>Open — subprotocol %1</source>
        <translation>Offen – Subprotokoll %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Closed: %1 %2</source>
        <translation>Geschlossen: %1 %2</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> – %1</translation>
    </message>
    <message>
        <source> (the server answered %1 %2)</source>
        <translation> (der Server antwortete %1 %2)</translation>
    </message>
    <message>
        <source>Type a ws:// or wss:// address</source>
        <translation>Eine ws://- oder wss://-Adresse eingeben</translation>
    </message>
    <message>
        <source>Not an address: %1</source>
        <translation>Keine Adresse: %1</translation>
    </message>
    <message>
        <source>Extra headers: %1</source>
        <translation>Zusätzliche Header: %1</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Not open: connect first</source>
        <translation>Nicht offen: zuerst verbinden</translation>
    </message>
    <message>
        <source>Not open: nothing to close</source>
        <translation>Nicht offen: nichts zu schließen</translation>
    </message>
    <message>
        <source>Copied the Python snippet</source>
        <translation>Python-Schnipsel kopiert</translation>
    </message>
    <message>
        <source>Copied the websocat command</source>
        <translation>websocat-Befehl kopiert</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Connect (Return in the address)</source>
        <translation>Verbinden (Eingabetaste in der Adresse)</translation>
    </message>
    <message>
        <source>Drop the connection at once, without a close frame</source>
        <translation>Die Verbindung sofort abbrechen, ohne Close-Frame</translation>
    </message>
    <message>
        <source>Request:
</source>
        <translation>Anfrage:
</translation>
    </message>
    <message>
        <source>

Response:
</source>
        <translation>

Antwort:
</translation>
    </message>
    <message>
        <source>Failed: the server&apos;s certificate is not trusted</source>
        <translation>Fehlgeschlagen: dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: issued by %1, fingerprint SHA-256 %2, %3. Trust it for this connection?</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut: ausgestellt von %1, Fingerabdruck SHA-256 %2, %3. Für diese Verbindung vertrauen?</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
</context>
</TS>
