<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ActivityLogModel</name>
    <message>
        <source>connected from %1 (%2 dialect)</source>
        <translation>conectado desde %1 (dialecto %2)</translation>
    </message>
    <message>
        <source>disconnected (close code %1)</source>
        <translation>desconectado (código de cierre %1)</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>se unió</translation>
    </message>
    <message>
        <source>left</source>
        <translation>salió</translation>
    </message>
    <message>
        <source>renamed from %1</source>
        <translation>renombrado desde %1</translation>
    </message>
    <message>
        <source>to %1: %2</source>
        <translation>a %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (to %n notification member(s))</source>
        <translation>
            <numerusform>%1 (a %n miembro de notificaciones)</numerusform>
            <numerusform>%1 (a %n miembros de notificaciones)</numerusform>
        </translation>
    </message>
    <message>
        <source>room created</source>
        <translation>sala creada</translation>
    </message>
    <message numerus="yes">
        <source>room emptied; its %n message(s) stay in the store</source>
        <translation>
            <numerusform>sala vacía; su %n mensaje sigue en el almacén</numerusform>
            <numerusform>sala vacía; sus %n mensajes siguen en el almacén</numerusform>
        </translation>
    </message>
    <message>
        <source>room removed</source>
        <translation>sala eliminada</translation>
    </message>
    <message>
        <source>1 message not shown (flood)</source>
        <translation>1 mensaje no mostrado (avalancha)</translation>
    </message>
    <message>
        <source>%1 messages not shown (flood)</source>
        <translation>%1 mensajes no mostrados (avalancha)</translation>
    </message>
    <message>
        <source>other addresses</source>
        <translation>otras direcciones</translation>
    </message>
    <message>
        <source>wrong join code</source>
        <translation>código de acceso incorrecto</translation>
    </message>
    <message>
        <source>locked out after too many wrong codes</source>
        <translation>bloqueado tras demasiados códigos incorrectos</translation>
    </message>
    <message>
        <source>origin not allowed</source>
        <translation>origen no permitido</translation>
    </message>
    <message>
        <source>banned by the host</source>
        <translation>vetado por el anfitrión</translation>
    </message>
    <message>
        <source>server full</source>
        <translation>servidor lleno</translation>
    </message>
    <message>
        <source>refused %1: %2</source>
        <translation>rechazado %1: %2</translation>
    </message>
    <message>
        <source>refused %1: %2 (%3 times in the last minute)</source>
        <translation>rechazado %1: %2 (%3 veces en el último minuto)</translation>
    </message>
    <message>
        <source>banned by the host: %1</source>
        <translation>vetado por el anfitrión: %1</translation>
    </message>
    <message>
        <source>kicked by the host: %1</source>
        <translation>expulsado por el anfitrión: %1</translation>
    </message>
    <message>
        <source>muted by the host</source>
        <translation>silenciado por el anfitrión</translation>
    </message>
    <message>
        <source>may speak again (unmuted)</source>
        <translation>puede volver a hablar (sin silencio)</translation>
    </message>
    <message>
        <source>room locked: only the host posts</source>
        <translation>sala bloqueada: solo publica el anfitrión</translation>
    </message>
    <message>
        <source>room opened again</source>
        <translation>sala abierta de nuevo</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Miembro</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>connect</source>
        <comment>activity kind</comment>
        <translation>conexión</translation>
    </message>
    <message>
        <source>disconnect</source>
        <comment>activity kind</comment>
        <translation>desconexión</translation>
    </message>
    <message>
        <source>join</source>
        <comment>activity kind</comment>
        <translation>entrada</translation>
    </message>
    <message>
        <source>leave</source>
        <comment>activity kind</comment>
        <translation>salida</translation>
    </message>
    <message>
        <source>rename</source>
        <comment>activity kind</comment>
        <translation>cambio de nombre</translation>
    </message>
    <message>
        <source>message</source>
        <comment>activity kind</comment>
        <translation>mensaje</translation>
    </message>
    <message>
        <source>direct</source>
        <comment>activity kind</comment>
        <translation>directo</translation>
    </message>
    <message>
        <source>notification</source>
        <comment>activity kind</comment>
        <translation>notificación</translation>
    </message>
    <message>
        <source>room created</source>
        <comment>activity kind</comment>
        <translation>sala creada</translation>
    </message>
    <message>
        <source>room removed</source>
        <comment>activity kind</comment>
        <translation>sala eliminada</translation>
    </message>
    <message>
        <source>error</source>
        <comment>activity kind</comment>
        <translation>error</translation>
    </message>
    <message>
        <source>dropped</source>
        <comment>activity kind</comment>
        <translation>omitidos</translation>
    </message>
    <message>
        <source>warning</source>
        <comment>activity kind</comment>
        <translation>aviso</translation>
    </message>
    <message>
        <source>refused</source>
        <comment>activity kind</comment>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>kick</source>
        <comment>activity kind</comment>
        <translation>expulsión</translation>
    </message>
    <message>
        <source>mute</source>
        <comment>activity kind</comment>
        <translation>silencio</translation>
    </message>
    <message>
        <source>lock</source>
        <comment>activity kind</comment>
        <translation>bloqueo</translation>
    </message>
    <message>
        <source>the frame was not valid JSON</source>
        <translation>la trama no era JSON válido</translation>
    </message>
    <message>
        <source>the request was incomplete or invalid</source>
        <translation>la petición estaba incompleta o no era válida</translation>
    </message>
    <message>
        <source>the request type is unknown</source>
        <translation>el tipo de petición es desconocido</translation>
    </message>
    <message>
        <source>the member is not in that room</source>
        <translation>el miembro no está en esa sala</translation>
    </message>
    <message>
        <source>no such member is connected</source>
        <translation>no hay ningún miembro así conectado</translation>
    </message>
    <message>
        <source>the name is already in use</source>
        <translation>el nombre ya está en uso</translation>
    </message>
    <message>
        <source>too many messages per second; one was not delivered</source>
        <translation>demasiados mensajes por segundo; uno no se entregó</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>no permitido</translation>
    </message>
    <message>
        <source>too many rooms</source>
        <translation>demasiadas salas</translation>
    </message>
    <message>
        <source>the name is reserved for the host</source>
        <translation>el nombre está reservado al anfitrión</translation>
    </message>
    <message>
        <source>the host muted the member</source>
        <translation>el anfitrión silenció al miembro</translation>
    </message>
    <message>
        <source>the room is locked: only the host posts</source>
        <translation>la sala está bloqueada: solo escribe el anfitrión</translation>
    </message>
    <message>
        <source>the member is not in the room &quot;%1&quot;</source>
        <translation>el miembro no está en la sala «%1»</translation>
    </message>
    <message>
        <source>no member &quot;%1&quot; is connected</source>
        <translation>no hay ningún miembro «%1» conectado</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is already in use</source>
        <translation>el nombre «%1» ya está en uso</translation>
    </message>
</context>
<context>
    <name>ActivityPane</name>
    <message>
        <source>&lt;b&gt;Activity&lt;/b&gt;</source>
        <translation>&lt;b&gt;Actividad&lt;/b&gt;</translation>
    </message>
    <message>
        <source>all rooms</source>
        <translation>todas las salas</translation>
    </message>
    <message>
        <source>Show only this room&apos;s events</source>
        <translation>Muestra solo los eventos de esta sala</translation>
    </message>
    <message>
        <source>any member</source>
        <translation>cualquier miembro</translation>
    </message>
    <message>
        <source>Show only events of members whose name or id contains this</source>
        <translation>Muestra solo los eventos de miembros cuyo nombre o id contenga esto</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Which kinds of event to show</source>
        <translation>Qué tipos de evento mostrar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Forget the events shown so far</source>
        <translation>Olvida los eventos mostrados hasta ahora</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>Sa&amp;la:</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Miembro:</translation>
    </message>
    <message>
        <source>Kinds: all</source>
        <translation>Tipos: todos</translation>
    </message>
    <message>
        <source>Kinds: %1 of %2</source>
        <translation>Tipos: %1 de %2</translation>
    </message>
</context>
<context>
    <name>ChatLogRenderer</name>
    <message>
        <source>Sent by the host&apos;s console: no member can send with this badge</source>
        <translation>Enviado desde la consola del anfitrión: ningún miembro puede enviar con esta insignia</translation>
    </message>
    <message>
        <source>host</source>
        <translation>anfitrión</translation>
    </message>
</context>
<context>
    <name>ChatLogView</name>
    <message>
        <source>Copy &amp;Message</source>
        <translation>Copiar &amp;mensaje</translation>
    </message>
    <message>
        <source>&amp;Sound for Mentions and Direct Messages</source>
        <translation>&amp;Sonido para menciones y mensajes directos</translation>
    </message>
</context>
<context>
    <name>ChatSearchModel</name>
    <message>
        <source>Type a word to search for.</source>
        <translation>Escriba una palabra que buscar.</translation>
    </message>
    <message>
        <source>Not connected: cannot search now.</source>
        <translation>No conectado: ahora no se puede buscar.</translation>
    </message>
    <message>
        <source>You are not in that room: join it to search it.</source>
        <translation>No está en esa sala: únase para buscar en ella.</translation>
    </message>
    <message>
        <source>You are not in %1: join it to search it.</source>
        <translation>No está en %1: únase para buscar en ella.</translation>
    </message>
    <message>
        <source>The server cannot search for that: %1.</source>
        <translation>El servidor no puede buscar eso: %1.</translation>
    </message>
    <message>
        <source>a bad request</source>
        <translation>una petición no válida</translation>
    </message>
    <message>
        <source>The search failed (%1): %2</source>
        <translation>La búsqueda falló (%1): %2</translation>
    </message>
</context>
<context>
    <name>ChatSearchPanel</name>
    <message>
        <source>Search this room — Enter to search, Esc to close</source>
        <translation>Buscar en esta sala — Intro para buscar, Esc para cerrar</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>Cierra la búsqueda (Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No messages match “%1”.</source>
        <translation>Ningún mensaje coincide con «%1».</translation>
    </message>
    <message>
        <source>1 message matches — Enter or click it to show it</source>
        <translation>1 mensaje coincide — Intro o un clic lo muestra</translation>
    </message>
    <message>
        <source>%1 messages match — Enter or click one to show it</source>
        <translation>%1 mensajes coinciden — Intro o un clic en uno lo muestra</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>That name is already taken.</source>
        <translation>Ese nombre ya está ocupado.</translation>
    </message>
    <message>
        <source>The name “%1” is already taken; you are still %2.</source>
        <translation>El nombre «%1» ya está ocupado; sigue siendo %2.</translation>
    </message>
    <message>
        <source>Slow down: you are sending too fast, and that was not delivered.</source>
        <translation>Más despacio: está enviando demasiado rápido y eso no se entregó.</translation>
    </message>
    <message>
        <source>You are not in that room (%1).</source>
        <translation>No está en esa sala (%1).</translation>
    </message>
    <message>
        <source>Cannot join another room: %1.</source>
        <translation>No puede unirse a otra sala: %1.</translation>
    </message>
    <message>
        <source>Cannot join “%1”: too many rooms (%2).</source>
        <translation>No puede unirse a «%1»: demasiadas salas (%2).</translation>
    </message>
    <message>
        <source>Cannot send a direct message: %1.</source>
        <translation>No se puede enviar un mensaje directo: %1.</translation>
    </message>
    <message>
        <source>Cannot join “%1”: %2.</source>
        <translation>No puede unirse a «%1»: %2.</translation>
    </message>
    <message>
        <source>The server refused that: %1.</source>
        <translation>El servidor lo rechazó: %1.</translation>
    </message>
    <message>
        <source>Not allowed: %1.</source>
        <translation>No permitido: %1.</translation>
    </message>
    <message>
        <source>The server sent something this window cannot read: %1.</source>
        <translation>El servidor envió algo que esta ventana no puede leer: %1.</translation>
    </message>
    <message>
        <source>The server reported an error (%1): %2</source>
        <translation>El servidor informó de un error (%1): %2</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1 is too long by %2: it would go out as a frame of %3, and the server takes at most %4 (quotes, backslashes and control characters count double or more, other characters as their UTF-8 bytes).</source>
        <translation>%1 sobrepasa en %2: saldría como una trama de %3, y el servidor acepta como mucho %4 (las comillas, las barras invertidas y los caracteres de control cuentan doble o más; los demás caracteres, sus bytes UTF-8).</translation>
    </message>
    <message>
        <source>Not connected — enter a server address above</source>
        <translation>No conectado — escriba arriba la dirección de un servidor</translation>
    </message>
    <message>
        <source>Not a WebSocket address: %1 (try ws://host:port/chat)</source>
        <translation>No es una dirección WebSocket: %1 (pruebe ws://host:puerto/chat)</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Conectado como %1</translation>
    </message>
    <message>
        <source>Reconnected as %1</source>
        <translation>Reconectado como %1</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>el servidor no respondió</translation>
    </message>
    <message>
        <source>Kicked by the host: %1</source>
        <translation>Expulsado por el anfitrión: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>código %1</translation>
    </message>
    <message>
        <source>%1, code %2</source>
        <translation>%1, código %2</translation>
    </message>
    <message>
        <source>Disconnected by the server (%1)</source>
        <translation>Desconectado por el servidor (%1)</translation>
    </message>
    <message>
        <source>Connection lost (%1); reconnecting…</source>
        <translation>Conexión perdida (%1); reconectando…</translation>
    </message>
    <message>
        <source>Could not connect to %1 (%2)</source>
        <translation>No se pudo conectar con %1 (%2)</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>No se pudo conectar</translation>
    </message>
    <message>
        <source>%1 (%2) — reconnecting in %3 s…</source>
        <translation>%1 (%2) — reconectando en %3 s…</translation>
    </message>
    <message>
        <source>That name cannot be used: %1</source>
        <translation>Ese nombre no se puede usar: %1</translation>
    </message>
    <message>
        <source>Cannot join “%1”: %2</source>
        <translation>No puede unirse a «%1»: %2</translation>
    </message>
    <message>
        <source>Not connected: cannot join “%1” now.</source>
        <translation>No conectado: ahora no puede unirse a «%1».</translation>
    </message>
    <message>
        <source>Earlier messages</source>
        <translation>Mensajes anteriores</translation>
    </message>
    <message>
        <source>Messages while you were away</source>
        <translation>Mensajes mientras no estaba</translation>
    </message>
    <message>
        <source>You joined %1</source>
        <translation>Se ha unido a %1</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 se ha unido</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 ha salido</translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation>%1 ahora se llama %2</translation>
    </message>
    <message>
        <source>→ you (direct)</source>
        <translation>→ usted (directo)</translation>
    </message>
    <message>
        <source>→ %1 (direct)</source>
        <translation>→ %1 (directo)</translation>
    </message>
    <message>
        <source>%1 → you (direct)</source>
        <translation>%1 → usted (directo)</translation>
    </message>
    <message>
        <source>You are now known as %1</source>
        <translation>Ahora se llama %1</translation>
    </message>
    <message>
        <source>Join a room first: there is nowhere to send to.</source>
        <translation>Únase antes a una sala: no hay adónde enviar.</translation>
    </message>
    <message>
        <source>Not connected: the message was not sent (it is still in the box).</source>
        <translation>No conectado: el mensaje no se envió (sigue en el cuadro).</translation>
    </message>
    <message>
        <source>That message</source>
        <translation>Ese mensaje</translation>
    </message>
    <message>
        <source>It was not sent (it is still in the box).</source>
        <translation>No se envió (sigue en el cuadro).</translation>
    </message>
    <message>
        <source>Not connected: the direct message to %1 was not sent.</source>
        <translation>No conectado: el mensaje directo a %1 no se envió.</translation>
    </message>
    <message>
        <source>The direct message to %1</source>
        <translation>El mensaje directo a %1</translation>
    </message>
    <message>
        <source>It was not sent.</source>
        <translation>No se envió.</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>wsroom chat</source>
        <translation>chat de wsroom</translation>
    </message>
    <message>
        <source>a guest name</source>
        <translation>un nombre de invitado</translation>
    </message>
    <message>
        <source>Your name in the chat: edit it and press Enter to rename</source>
        <translation>Su nombre en el chat: edítelo y pulse Intro para cambiarlo</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Any server that speaks the wsroom protocol; press Enter to connect</source>
        <translation>Cualquier servidor que hable el protocolo de wsroom; pulse Intro para conectar</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
    </message>
    <message>
        <source>room name</source>
        <translation>nombre de la sala</translation>
    </message>
    <message>
        <source>Join a room, or create it if there is none by that name</source>
        <translation>Únase a una sala, o créela si no hay ninguna con ese nombre</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirse</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Salir de la sala</translation>
    </message>
    <message>
        <source>Show joins, leaves and renames</source>
        <translation>Mostrar entradas, salidas y cambios de nombre</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Double-click a member to send a direct message</source>
        <translation>Haga doble clic en un miembro para enviarle un mensaje directo</translation>
    </message>
    <message>
        <source>That message is no longer in the room’s history.</source>
        <translation>Ese mensaje ya no está en el historial de la sala.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>wsroom chat — %1 in %2</source>
        <translation>chat de wsroom — %1 en %2</translation>
    </message>
    <message>
        <source>wsroom chat — %1</source>
        <translation>chat de wsroom — %1</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Sin sala</translation>
    </message>
    <message>
        <source>Join a room to chat</source>
        <translation>Únase a una sala para chatear</translation>
    </message>
    <message>
        <source>Message %1 — Enter to send, Shift+Enter for a new line</source>
        <translation>Mensaje a %1 — Intro para enviar, Mayús+Intro para una línea nueva</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n mensaje sin leer</numerusform>
            <numerusform>%n mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Mensaje directo</translation>
    </message>
    <message>
        <source>&lt;p&gt;Direct message to &lt;b&gt;%1&lt;/b&gt;:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mensaje directo a &lt;b&gt;%1&lt;/b&gt;:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 y %2 están escribiendo…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n other(s) are typing…</source>
        <translation>
            <numerusform>%1, %2 y %n persona más están escribiendo…</numerusform>
            <numerusform>%1, %2 y %n personas más están escribiendo…</numerusform>
        </translation>
    </message>
    <message>
        <source>You are in no room: join one on the left</source>
        <translation>No está en ninguna sala: únase a una a la izquierda</translation>
    </message>
    <message>
        <source>Choose a room on the left</source>
        <translation>Elija una sala a la izquierda</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Cargando mensajes anteriores…</translation>
    </message>
    <message>
        <source>Beginning of the room</source>
        <translation>Principio de la sala</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (usted)</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 (id %2)&lt;br&gt;Double-click to send a direct message&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 (id %2)&lt;br&gt;Doble clic para enviar un mensaje directo&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation>Miembros (%1)</translation>
    </message>
</context>
<context>
    <name>ClientInput</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>línea %1, columna %2: %3</translation>
    </message>
    <message>
        <source>Not a hex digit: &apos;%1&apos; (character %2)</source>
        <translation>No es una cifra hexadecimal: «%1» (carácter %2)</translation>
    </message>
    <message>
        <source>An odd number of hex digits (%1): each byte takes two</source>
        <translation>Un número impar de cifras hexadecimales (%1): cada byte lleva dos</translation>
    </message>
    <message>
        <source>Line %1: no &apos;:&apos; (write Name: value)</source>
        <translation>Línea %1: sin «:» (escriba Nombre: valor)</translation>
    </message>
    <message>
        <source>Line %1: the header&apos;s name is missing or has a space</source>
        <translation>Línea %1: falta el nombre de la cabecera o tiene un espacio</translation>
    </message>
    <message>
        <source>Start with a close code, 1000-4999</source>
        <translation>Empiece con un código de cierre, 1000-4999</translation>
    </message>
    <message>
        <source>%1 is not a close code: use 1000-4999</source>
        <translation>%1 no es un código de cierre: use 1000-4999</translation>
    </message>
    <message>
        <source>%1 may not be sent in a close frame (RFC 6455, 7.4.1)</source>
        <translation>%1 no puede enviarse en una trama de cierre (RFC 6455, 7.4.1)</translation>
    </message>
    <message>
        <source>missing comma</source>
        <translation>falta una coma</translation>
    </message>
    <message>
        <source>missing colon</source>
        <translation>faltan los dos puntos</translation>
    </message>
    <message>
        <source>unterminated object (missing &apos;}&apos;)</source>
        <translation>objeto sin terminar (falta «}»)</translation>
    </message>
    <message>
        <source>unterminated array (missing &apos;]&apos;)</source>
        <translation>array sin terminar (falta «]»)</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>cadena sin terminar</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--%1 wants a whole number from %2 to %3, not &quot;%4&quot;</source>
        <translation>--%1 espera un número entero de %2 a %3, no «%4»</translation>
    </message>
    <message>
        <source>Qt&apos;s option -%1 wants a value</source>
        <translation>La opción de Qt -%1 espera un valor</translation>
    </message>
    <message>
        <source>wsroom hosts a WebSocket chat-room server on this machine and opens chat windows that are its clients.

Qt&apos;s own options work too, such as -style Fusion, -platform offscreen, -reverse, -stylesheet FILE.</source>
        <translation>wsroom aloja un servidor de salas de chat WebSocket en este equipo y abre ventanas de chat que son sus clientes.

También funcionan las opciones propias de Qt, como -style Fusion, -platform offscreen, -reverse, -stylesheet ARCHIVO.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Muestra la versión.</translation>
    </message>
    <message>
        <source>Run the server alone, with no window.</source>
        <translation>Ejecuta solo el servidor, sin ventana.</translation>
    </message>
    <message>
        <source>Port to listen on (default %1; 0 picks a free one).</source>
        <translation>Puerto de escucha (predeterminado %1; 0 elige uno libre).</translation>
    </message>
    <message>
        <source>Address to listen on (default %1; 0.0.0.0: the local network).</source>
        <translation>Dirección de escucha (predeterminada %1; 0.0.0.0: la red local).</translation>
    </message>
    <message>
        <source>Same as --bind 0.0.0.0; the window also starts at once and shows the share panel (addresses, QR code).</source>
        <translation>Igual que --bind 0.0.0.0; además, la ventana arranca enseguida y muestra el panel para compartir (direcciones, código QR).</translation>
    </message>
    <message>
        <source>Start the server at once (always with --headless).</source>
        <translation>Inicia el servidor enseguida (siempre con --headless).</translation>
    </message>
    <message>
        <source>Past N, new connections are closed with 1013 (default %1).</source>
        <translation>A partir de N, las conexiones nuevas se cierran con 1013 (predeterminado %1).</translation>
    </message>
    <message>
        <source>Larger messages close the connection with 1009 (default %1).</source>
        <translation>Los mensajes más grandes cierran la conexión con 1009 (predeterminado %1).</translation>
    </message>
    <message>
        <source>Messages per second per connection, burst twice that; 0: off (default %1).</source>
        <translation>Mensajes por segundo y conexión, en ráfagas el doble; 0: sin límite (predeterminado %1).</translation>
    </message>
    <message>
        <source>Messages kept per room and sent on join (default %1).</source>
        <translation>Mensajes guardados por sala y enviados al unirse (predeterminado %1).</translation>
    </message>
    <message>
        <source>Seconds between the notifications dialect&apos;s messages; 0: off (default %1).</source>
        <translation>Segundos entre los mensajes del dialecto de notificaciones; 0: desactivado (predeterminado %1).</translation>
    </message>
    <message>
        <source>Require ?code=CODE to connect.</source>
        <translation>Exige ?code=CÓDIGO para conectarse.</translation>
    </message>
    <message>
        <source>Comma-separated Origin values allowed to connect.</source>
        <translation>Valores de Origin, separados por comas, a los que se permite conectarse.</translation>
    </message>
    <message>
        <source>Window only: the colours, system (the desktop&apos;s, default), light or dark (Qt&apos;s Fusion style).</source>
        <translation>Solo con ventana: los colores, system (los del escritorio, predeterminado), light (claro) o dark (oscuro) (estilo Fusion de Qt).</translation>
    </message>
    <message>
        <source>Window only: open N chat windows.</source>
        <translation>Solo con ventana: abre N ventanas de chat.</translation>
    </message>
    <message>
        <source>Append every message, join, leave and rename to FILE as JSON Lines.</source>
        <translation>Añade cada mensaje, entrada, salida y cambio de nombre a FILE como JSON Lines.</translation>
    </message>
    <message>
        <source>Keep rooms and their messages across restarts in the SQLite FILE (default: rooms.sqlite in the data folder); none: in memory only.</source>
        <translation>Conserva las salas y sus mensajes entre reinicios en el archivo SQLite FILE (predeterminado: rooms.sqlite en la carpeta de datos); none: solo en memoria.</translation>
    </message>
    <message>
        <source>Messages the store keeps per room, older ones deleted; 0: all (default %1).</source>
        <translation>Mensajes que el almacén conserva por sala; los más antiguos se borran; 0: todos (predeterminado %1).</translation>
    </message>
    <message>
        <source>Certificate (PEM) to serve wss:// and https://.</source>
        <translation>Certificado (PEM) para servir wss:// y https://.</translation>
    </message>
    <message>
        <source>Private key (PEM) for --tls-cert.</source>
        <translation>Clave privada (PEM) para --tls-cert.</translation>
    </message>
    <message>
        <source>Milliseconds between idle pings; 0: off.</source>
        <translation>Milisegundos entre pings en reposo; 0: desactivado.</translation>
    </message>
    <message>
        <source>Milliseconds for the TLS handshake and the request head.</source>
        <translation>Milisegundos para el handshake TLS y la cabecera de la petición.</translation>
    </message>
    <message>
        <source> (see wsroom --help)</source>
        <translation> (véase wsroom --help)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; (see wsroom --help)</source>
        <translation>argumento inesperado «%1» (véase wsroom --help)</translation>
    </message>
    <message>
        <source>--notification-interval wants 0 (off) or seconds from 0.01 to 86400, not &quot;%1&quot;</source>
        <translation>--notification-interval espera 0 (desactivado) o segundos de 0.01 a 86400, no «%1»</translation>
    </message>
    <message>
        <source>--theme wants system, light or dark, not &quot;%1&quot;</source>
        <translation>--theme espera system, light o dark, no «%1»</translation>
    </message>
    <message>
        <source>--lan and --bind cannot be used together</source>
        <translation>--lan y --bind no pueden usarse juntos</translation>
    </message>
    <message>
        <source>--bind wants an IP address such as 127.0.0.1 or 0.0.0.0, not &quot;%1&quot;</source>
        <translation>--bind espera una dirección IP como 127.0.0.1 o 0.0.0.0, no «%1»</translation>
    </message>
    <message>
        <source>--join-code wants 4 to 32 characters</source>
        <translation>--join-code espera de 4 a 32 caracteres</translation>
    </message>
    <message>
        <source>--allowed-origins wants origins such as https://example.org or http://localhost:8000 (scheme://host[:port], no path), not &quot;%1&quot;</source>
        <translation>--allowed-origins espera orígenes como https://example.org o http://localhost:8000 (esquema://host[:puerto], sin ruta), no «%1»</translation>
    </message>
    <message>
        <source>--allowed-origins wants a comma-separated list of origins</source>
        <translation>--allowed-origins espera una lista de orígenes separados por comas</translation>
    </message>
    <message>
        <source>--record wants a file name</source>
        <translation>--record espera un nombre de archivo</translation>
    </message>
    <message>
        <source>--store wants a file name, or none</source>
        <translation>--store espera un nombre de archivo, o none</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert y --tls-key van juntos</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>no se puede leer %1</translation>
    </message>
</context>
<context>
    <name>ContextMenuKeys</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
</context>
<context>
    <name>CrowdIndicator</name>
    <message>
        <source>Simulated: %1</source>
        <translation>Simulados: %1</translation>
    </message>
    <message>
        <source> (+%1 connecting)</source>
        <translation> (+%1 conectándose)</translation>
    </message>
    <message>
        <source>Simulated clients: %1 chatters, %2 visitors, %3 slow readers connected; %4 connecting.
Clients › Remove Simulated Clients (Ctrl+Shift+X) removes them.</source>
        <translation>Clientes simulados: %1 conversadores, %2 visitantes, %3 lectores lentos conectados; %4 conectándose.
Clientes › Quitar clientes simulados (Ctrl+Mayús+X) los quita.</translation>
    </message>
</context>
<context>
    <name>DesktopNotifier</name>
    <message>
        <source>wsroom chat</source>
        <translation>chat de wsroom</translation>
    </message>
</context>
<context>
    <name>DisconnectGuard</name>
    <message>
        <source>Disconnect Everyone?</source>
        <translation>¿Desconectar a todos?</translation>
    </message>
    <message>
        <source>They are told the server closed (close code 1000); chat windows and browsers try to reconnect.</source>
        <translation>Se les avisa de que el servidor se cerró (código de cierre 1000); las ventanas de chat y los navegadores intentan reconectarse.</translation>
    </message>
    <message>
        <source>&amp;Stop the Server</source>
        <translation>&amp;Detener el servidor</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>&amp;No volver a preguntar</translation>
    </message>
    <message>
        <source>Server › Ask Before Disconnecting brings the question back</source>
        <translation>Servidor › Preguntar antes de desconectar miembros recupera la pregunta</translation>
    </message>
    <message numerus="yes">
        <source>%n member is connected. Stop the server and disconnect them?</source>
        <translation>
            <numerusform>Hay %n miembro conectado. ¿Detener el servidor y desconectarlo?</numerusform>
            <numerusform>Hay %n miembros conectados. ¿Detener el servidor y desconectarlos?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members are connected. Stop the server and disconnect them?</source>
        <translation>
            <numerusform>Hay %n miembro conectado. ¿Detener el servidor y desconectarlo?</numerusform>
            <numerusform>Hay %n miembros conectados. ¿Detener el servidor y desconectarlos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrameClient</name>
    <message>
        <source>Use ws:// or wss://</source>
        <translation>Use ws:// o wss://</translation>
    </message>
    <message>
        <source>The address is not valid: %1</source>
        <translation>La dirección no es válida: %1</translation>
    </message>
    <message>
        <source>The address has no host</source>
        <translation>La dirección no tiene host</translation>
    </message>
    <message>
        <source>The connection was aborted</source>
        <translation>La conexión se interrumpió</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a WebSocket handshake: its head is too large</source>
        <translation>La respuesta del servidor no es un handshake WebSocket: su cabecera es demasiado grande</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not HTTP: %1</source>
        <translation>La respuesta del servidor no es HTTP: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a WebSocket handshake: %1</source>
        <translation>La respuesta del servidor no es un handshake WebSocket: %1</translation>
    </message>
    <message>
        <source>no &quot;Upgrade: websocket&quot;</source>
        <translation>sin «Upgrade: websocket»</translation>
    </message>
    <message>
        <source>no &quot;Connection: Upgrade&quot;</source>
        <translation>sin «Connection: Upgrade»</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept is not the one for the key sent</source>
        <translation>Sec-WebSocket-Accept no corresponde a la clave enviada</translation>
    </message>
    <message>
        <source>it accepted an extension that was not offered (%1)</source>
        <translation>aceptó una extensión que no se ofreció (%1)</translation>
    </message>
    <message>
        <source>it chose the subprotocol &quot;%1&quot;, which was not offered</source>
        <translation>eligió el subprotocolo «%1», que no se ofreció</translation>
    </message>
    <message>
        <source>The server refused the handshake: %1</source>
        <translation>El servidor rechazó el handshake: %1</translation>
    </message>
    <message>
        <source>The server&apos;s frames could not be followed (%1).</source>
        <translation>No se pudieron seguir las tramas del servidor (%1).</translation>
    </message>
    <message>
        <source>The server sent a frame that breaks the protocol: %1</source>
        <translation>El servidor envió una trama que incumple el protocolo: %1</translation>
    </message>
    <message>
        <source>The server closed the connection before answering</source>
        <translation>El servidor cerró la conexión antes de responder</translation>
    </message>
    <message>
        <source>The server closed the connection in the middle of its answer</source>
        <translation>El servidor cerró la conexión a mitad de su respuesta</translation>
    </message>
    <message>
        <source>The connection ended without a closing handshake</source>
        <translation>La conexión terminó sin handshake de cierre</translation>
    </message>
    <message>
        <source>No answer within %1</source>
        <translation>Sin respuesta en %1</translation>
    </message>
    <message>
        <source>The server did not finish the closing handshake within %1</source>
        <translation>El servidor no terminó el handshake de cierre en %1</translation>
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
        <translation>Inspector de tramas — wsroom</translation>
    </message>
    <message>
        <source>(pick a member)</source>
        <translation>(elija un miembro)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>Hold new frames instead of showing them (Ctrl+P)</source>
        <translation>Retiene las tramas nuevas en lugar de mostrarlas (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <source>Forget the frames shown (Ctrl+L)</source>
        <translation>Olvida las tramas mostradas (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stop inspecting this member</source>
        <translation>Deja de inspeccionar a este miembro</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>Member: </source>
        <translation>Miembro: </translation>
    </message>
    <message>
        <source>&lt;p&gt;Pick a member to see its opening handshake and every frame it sends and receives.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Elija un miembro para ver su handshake de apertura y cada trama que envía y recibe.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Waiting for the server…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Esperando al servidor…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>Opening handshake of %1 (%2) from %3</source>
        <translation>Handshake de apertura de %1 (%2) desde %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;1. The client asks to upgrade&lt;/b&gt; an HTTP request to a WebSocket:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;1. El cliente pide convertir&lt;/b&gt; una petición HTTP en un WebSocket:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(no registrado)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;2. The server proves it understood&lt;/b&gt; by deriving &lt;code&gt;Sec-WebSocket-Accept&lt;/code&gt; from &lt;code&gt;Sec-WebSocket-Key&lt;/code&gt; (RFC 6455, section 4.2.2):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;2. El servidor demuestra que lo entendió&lt;/b&gt; derivando &lt;code&gt;Sec-WebSocket-Accept&lt;/code&gt; de &lt;code&gt;Sec-WebSocket-Key&lt;/code&gt; (RFC 6455, sección 4.2.2):&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key</source>
        <translation>Sec-WebSocket-Key</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(falta)</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key from the client (16 random bytes, base64)</source>
        <translation>Sec-WebSocket-Key del cliente (16 bytes aleatorios, base64)</translation>
    </message>
    <message>
        <source>append the fixed GUID &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>se añade el GUID fijo &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>SHA-1 of that (20 bytes, in hex)</source>
        <translation>SHA-1 de eso (20 bytes, en hexadecimal)</translation>
    </message>
    <message>
        <source>base64 of those 20 bytes = the expected Accept</source>
        <translation>base64 de esos 20 bytes = el Accept esperado</translation>
    </message>
    <message>
        <source>(the response was not seen)</source>
        <translation>(no se vio la respuesta)</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>coincide</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>no coincide</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept the server sent</source>
        <translation>Sec-WebSocket-Accept que envió el servidor</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;3. The server switches protocols;&lt;/b&gt; from here on both sides send frames:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;3. El servidor cambia de protocolo;&lt;/b&gt; a partir de aquí ambos lados envían tramas:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(not seen)</source>
        <translation>(no visto)</translation>
    </message>
    <message>
        <source>Inspecting %1 (%2).</source>
        <translation>Inspeccionando %1 (%2).</translation>
    </message>
    <message>
        <source>Inspection ended: %1.</source>
        <translation>Inspección terminada: %1.</translation>
    </message>
    <message>
        <source>Not inspecting.</source>
        <translation>Sin inspeccionar.</translation>
    </message>
    <message>
        <source>1 frame shown</source>
        <translation>1 trama mostrada</translation>
    </message>
    <message>
        <source>%1 frames shown</source>
        <translation>%1 tramas mostradas</translation>
    </message>
    <message>
        <source> (the last %1 are kept)</source>
        <translation> (se conservan las últimas %1)</translation>
    </message>
    <message>
        <source>— paused, 1 frame held</source>
        <translation>— en pausa, 1 trama retenida</translation>
    </message>
    <message>
        <source>— paused, %1 frames held</source>
        <translation>— en pausa, %1 tramas retenidas</translation>
    </message>
    <message>
        <source>— %1 dropped in floods</source>
        <translation>— %1 descartadas en avalanchas</translation>
    </message>
</context>
<context>
    <name>FrameListModel</name>
    <message>
        <source> (first %1 bytes kept)</source>
        <translation> (se conservan los primeros %1 bytes)</translation>
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
        <translation>Hora:         %1
</translation>
    </message>
    <message>
        <source>Direction:  %1
</source>
        <translation>Dirección:    %1
</translation>
    </message>
    <message>
        <source>out (server → client)</source>
        <translation>salida (servidor → cliente)</translation>
    </message>
    <message>
        <source>in (server → client)</source>
        <translation>entrada (servidor → cliente)</translation>
    </message>
    <message>
        <source>out (client → server)</source>
        <translation>salida (cliente → servidor)</translation>
    </message>
    <message>
        <source>in (client → server)</source>
        <translation>entrada (cliente → servidor)</translation>
    </message>
    <message>
        <source>Opcode:     0x%1 %2%3
</source>
        <translation>Opcode:       0x%1 %2%3
</translation>
    </message>
    <message>
        <source> (control frame)</source>
        <translation> (trama de control)</translation>
    </message>
    <message>
        <source>FIN:        %1
</source>
        <translation>FIN:          %1
</translation>
    </message>
    <message>
        <source>1 (last frame of the message)</source>
        <translation>1 (última trama del mensaje)</translation>
    </message>
    <message>
        <source>0 (more frames of this message follow)</source>
        <translation>0 (siguen más tramas de este mensaje)</translation>
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
        <translation>MASK:         1, clave %1 (las tramas del cliente siempre van enmascaradas)
</translation>
    </message>
    <message>
        <source>MASK:       0 (server frames are never masked)
</source>
        <translation>MASK:         0 (las tramas del servidor nunca van enmascaradas)
</translation>
    </message>
    <message>
        <source>Length:     %1 bytes of payload, %2 bytes of header
</source>
        <translation>Longitud:     %1 bytes de carga, %2 bytes de cabecera
</translation>
    </message>
    <message>
        <source>Round trip: %1 after the ping it answers
</source>
        <translation>Ida y vuelta: %1 tras el ping al que responde
</translation>
    </message>
    <message>
        <source>Round trip: %1 after the message it answers
</source>
        <translation>Ida y vuelta: %1 tras el mensaje al que responde
</translation>
    </message>
    <message>
        <source>Close code: %1
</source>
        <translation>Cód. cierre:  %1
</translation>
    </message>
    <message>
        <source>
%1 payload: %2
</source>
        <translation>
Carga de %1: %2
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
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>
(only the first %1 bytes of the payload were kept)
</source>
        <translation>
(solo se conservaron los primeros %1 bytes de la carga)
</translation>
    </message>
    <message>
        <source>← out</source>
        <translation>← sale</translation>
    </message>
    <message>
        <source>→ in</source>
        <translation>→ entra</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Dir.</translation>
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
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Ida y vuelta</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Carga</translation>
    </message>
    <message>
        <source>(no close code)</source>
        <translation>(sin código de cierre)</translation>
    </message>
</context>
<context>
    <name>FramesView</name>
    <message>
        <source>In and out</source>
        <translation>Entrada y salida</translation>
    </message>
    <message>
        <source>→ In only</source>
        <translation>→ Solo entrada</translation>
    </message>
    <message>
        <source>← Out only</source>
        <translation>← Solo salida</translation>
    </message>
    <message>
        <source>All opcodes</source>
        <translation>Todos los opcodes</translation>
    </message>
    <message>
        <source>Data frames</source>
        <translation>Tramas de datos</translation>
    </message>
    <message>
        <source>Control frames</source>
        <translation>Tramas de control</translation>
    </message>
    <message>
        <source>Search payloads</source>
        <translation>Buscar en las cargas</translation>
    </message>
    <message>
        <source>Select a frame to see it in full.</source>
        <translation>Seleccione una trama para verla completa.</translation>
    </message>
</context>
<context>
    <name>HostActions</name>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Aj&amp;ustes…</translation>
    </message>
    <message>
        <source>Port, who can connect, limits, join code</source>
        <translation>Puerto, quién puede conectarse, límites, código de acceso</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>&amp;Export Session…</source>
        <translation>&amp;Exportar sesión…</translation>
    </message>
    <message>
        <source>Save every message, join, leave and rename so far as JSON Lines and an HTML transcript</source>
        <translation>Guarda todos los mensajes, entradas, salidas y cambios de nombre hasta ahora como JSON Lines y una transcripción HTML</translation>
    </message>
    <message>
        <source>Export Session &amp;Without Simulated Clients…</source>
        <translation>Exportar sesión &amp;sin clientes simulados…</translation>
    </message>
    <message>
        <source>The same export, leaving out the simulated clients&apos; joins, leaves and messages</source>
        <translation>La misma exportación, sin las entradas, salidas y mensajes de los clientes simulados</translation>
    </message>
    <message>
        <source>&amp;New Chat Window</source>
        <translation>&amp;Nueva ventana de chat</translation>
    </message>
    <message>
        <source>Open a chat window connected to this server (Ctrl+N)</source>
        <translation>Abre una ventana de chat conectada a este servidor (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open Se&amp;veral…</source>
        <translation>Abrir &amp;varias…</translation>
    </message>
    <message>
        <source>&amp;Close All Chat Windows</source>
        <translation>&amp;Cerrar todas las ventanas de chat</translation>
    </message>
    <message>
        <source>New &amp;WebSocket Client…</source>
        <translation>Nuevo cliente &amp;WebSocket…</translation>
    </message>
    <message>
        <source>A client for any ws:// or wss:// server that shows every frame (Ctrl+Shift+O)</source>
        <translation>Un cliente para cualquier servidor ws:// o wss:// que muestra cada trama (Ctrl+Mayús+O)</translation>
    </message>
    <message>
        <source>&amp;Tile Chat Windows</source>
        <translation>&amp;Mosaico de ventanas de chat</translation>
    </message>
    <message>
        <source>Tile the chat windows and the WebSocket client windows over the screen (Ctrl+Shift+T)</source>
        <translation>Reparte en mosaico las ventanas de chat y de cliente WebSocket por la pantalla (Ctrl+Mayús+T)</translation>
    </message>
    <message>
        <source>Add &amp;Simulated Clients…</source>
        <translation>Añadir clientes &amp;simulados…</translation>
    </message>
    <message>
        <source>Chatters, visitors or slow readers, for demos of load (Ctrl+Shift+N)</source>
        <translation>Conversadores, visitantes o lectores lentos, para demostrar carga (Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <source>&amp;Remove Simulated Clients</source>
        <translation>&amp;Quitar clientes simulados</translation>
    </message>
    <message>
        <source>Create/Pin &amp;Room…</source>
        <translation>Crear/fijar &amp;sala…</translation>
    </message>
    <message>
        <source>Create a room, or keep an existing one when it empties</source>
        <translation>Crea una sala o conserva una existente cuando se vacíe</translation>
    </message>
    <message>
        <source>&amp;Post System Message…</source>
        <translation>&amp;Publicar mensaje del sistema…</translation>
    </message>
    <message>
        <source>Post a message from &quot;host&quot; to a room</source>
        <translation>Publica un mensaje de «host» en una sala</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>Notificaci&amp;ones…</translation>
    </message>
    <message>
        <source>Send a notification now to every notifications-dialect client; set how often they get reminders</source>
        <translation>Envía ahora una notificación a cada cliente del dialecto de notificaciones; ajusta cada cuánto reciben recordatorios</translation>
    </message>
    <message>
        <source>Share on &amp;Local Network</source>
        <translation>Compartir en la red &amp;local</translation>
    </message>
    <message>
        <source>Let devices on this network join: listen on 0.0.0.0 and show the addresses, a QR code and the join code (Ctrl+L)</source>
        <translation>Permite unirse a los dispositivos de esta red: escucha en 0.0.0.0 y muestra las direcciones, un código QR y el código de acceso (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Presenter View</source>
        <translation>Vista de &amp;presentación</translation>
    </message>
    <message>
        <source>Full screen for the projector: where to join and the live room in large type (F11; Esc leaves)</source>
        <translation>Pantalla completa para el proyector: dónde unirse y la sala en directo en letra grande (F11; Esc sale)</translation>
    </message>
    <message>
        <source>&amp;Ask Before Disconnecting Members</source>
        <translation>Pre&amp;guntar antes de desconectar miembros</translation>
    </message>
    <message>
        <source>Stop, Quit and closing the window ask first while members are connected</source>
        <translation>Detener, Salir y cerrar la ventana preguntan antes mientras haya miembros conectados</translation>
    </message>
    <message>
        <source>&amp;Kick Member…</source>
        <translation>&amp;Expulsar miembro…</translation>
    </message>
    <message>
        <source>Disconnect the selected member (close code 4000)</source>
        <translation>Desconecta al miembro seleccionado (código de cierre 4000)</translation>
    </message>
    <message>
        <source>&amp;Ban Member…</source>
        <translation>&amp;Vetar miembro…</translation>
    </message>
    <message>
        <source>Disconnect the selected member and refuse its name and address for the rest of the session</source>
        <translation>Desconecta al miembro seleccionado y rechaza su nombre y su dirección el resto de la sesión</translation>
    </message>
    <message>
        <source>&amp;Mute Member</source>
        <translation>Si&amp;lenciar miembro</translation>
    </message>
    <message>
        <source>The selected member&apos;s messages are refused until you unmute it (Ctrl+M)</source>
        <translation>Los mensajes del miembro seleccionado se rechazan hasta que le quite el silencio (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Lock Room</source>
        <translation>&amp;Bloquear sala</translation>
    </message>
    <message>
        <source>Only the host posts in the selected room until it is unlocked</source>
        <translation>Solo el anfitrión publica en la sala seleccionada hasta que se desbloquee</translation>
    </message>
    <message>
        <source>&amp;Clear Room History…</source>
        <translation>Borrar el &amp;historial de la sala…</translation>
    </message>
    <message>
        <source>Delete the selected room&apos;s messages, in memory and in the store</source>
        <translation>Borra los mensajes de la sala seleccionada, en memoria y en el almacén</translation>
    </message>
    <message>
        <source>Li&amp;ft All Bans</source>
        <translation>Levantar &amp;todos los vetos</translation>
    </message>
    <message>
        <source>Let every banned name and address in again</source>
        <translation>Vuelve a admitir todos los nombres y direcciones vetados</translation>
    </message>
    <message>
        <source>Room &amp;History…</source>
        <translation>&amp;Historial de la sala…</translation>
    </message>
    <message>
        <source>Clear or export a room&apos;s messages, including rooms that are only in the store</source>
        <translation>Borra o exporta los mensajes de una sala, incluidas las que solo están en el almacén</translation>
    </message>
    <message>
        <source>Open in &amp;Browser</source>
        <translation>Abrir en el &amp;navegador</translation>
    </message>
    <message>
        <source>Open the browser chat client served on this port</source>
        <translation>Abre el cliente de chat para navegador servido en este puerto</translation>
    </message>
    <message>
        <source>&amp;Frame Inspector…</source>
        <translation>Inspector de &amp;tramas…</translation>
    </message>
    <message>
        <source>See a member&apos;s handshake and every WebSocket frame it sends and receives</source>
        <translation>Muestra el handshake de un miembro y cada trama WebSocket que envía y recibe</translation>
    </message>
    <message>
        <source>&amp;About wsroom</source>
        <translation>&amp;Acerca de wsroom</translation>
    </message>
    <message>
        <source>&amp;Protocol Reference</source>
        <translation>&amp;Referencia del protocolo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Servidor</translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation>&amp;Moderación</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Clientes</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation>Ve&amp;ntanas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Presentar</translation>
    </message>
    <message>
        <source>New Chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Navegador</translation>
    </message>
    <message>
        <source>Room…</source>
        <translation>Sala…</translation>
    </message>
    <message>
        <source>Post…</source>
        <translation>Publicar…</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>Expulsar…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation>Se aplica en el próximo arranque</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
</context>
<context>
    <name>HostText</name>
    <message>
        <source>the server is already running</source>
        <translation>el servidor ya está en marcha</translation>
    </message>
    <message>
        <source>port %1 is already in use on %2</source>
        <translation>el puerto %1 ya está en uso en %2</translation>
    </message>
    <message>
        <source>permission denied to listen on port %1</source>
        <translation>sin permiso para escuchar en el puerto %1</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>no se puede escuchar en %1 puerto %2: %3</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>TLS is not available: Qt found no TLS backend (is libssl3 installed?)</source>
        <translation>TLS no está disponible: Qt no encontró ningún backend TLS (¿está instalado libssl3?)</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>%1 no contiene ningún certificado PEM (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>the certificate in %1 expired on %2</source>
        <translation>el certificado de %1 caducó el %2</translation>
    </message>
    <message>
        <source>the private key in %1 is protected by a passphrase: wsroom needs it unencrypted</source>
        <translation>la clave privada de %1 está protegida con una frase de paso: wsroom la necesita sin cifrar</translation>
    </message>
    <message>
        <source>%1 holds no PEM private key (RSA, EC or DSA, unencrypted)</source>
        <translation>%1 no contiene ninguna clave privada PEM (RSA, EC o DSA, sin cifrar)</translation>
    </message>
    <message>
        <source>the private key in %1 does not belong to the certificate in %2</source>
        <translation>la clave privada de %1 no corresponde al certificado de %2</translation>
    </message>
    <message>
        <source>the store&apos;s folder %1 cannot be made</source>
        <translation>no se puede crear la carpeta del almacén, %1</translation>
    </message>
    <message>
        <source>the store %1 is in use by another wsroom (process %2)</source>
        <translation>otro wsroom usa el almacén %1 (proceso %2)</translation>
    </message>
    <message>
        <source>the store %1 cannot be locked (%2.lock cannot be written)</source>
        <translation>no se puede bloquear el almacén %1 (no se puede escribir %2.lock)</translation>
    </message>
    <message>
        <source>the store %1 cannot be opened: %2</source>
        <translation>no se puede abrir el almacén %1: %2</translation>
    </message>
    <message>
        <source>the store %1 cannot be read</source>
        <translation>no se puede leer el almacén %1</translation>
    </message>
    <message>
        <source>the store %1 cannot be written (%2)</source>
        <translation>no se puede escribir en el almacén %1 (%2)</translation>
    </message>
    <message>
        <source>the store %1 is of schema %2 and could not be upgraded</source>
        <translation>el almacén %1 tiene el esquema %2 y no se pudo actualizar</translation>
    </message>
    <message>
        <source>it is not a wsroom store</source>
        <translation>no es un almacén de wsroom</translation>
    </message>
    <message>
        <source>it was written by a newer wsroom (schema %1, this one reads %2)</source>
        <translation>lo escribió un wsroom más reciente (esquema %1, este lee %2)</translation>
    </message>
    <message>
        <source>the store %1 cannot be used (%2) and cannot be moved aside to %3</source>
        <translation>el almacén %1 no se puede usar (%2) ni apartar a %3</translation>
    </message>
    <message>
        <source>the store %1 cannot be used (%2): moved aside to %3, a new store begins</source>
        <translation>el almacén %1 no se puede usar (%2): apartado a %3, empieza un almacén nuevo</translation>
    </message>
    <message>
        <source>%1; messages are kept in memory and not acknowledged until it can</source>
        <translation>%1; los mensajes se guardan en memoria y no se confirman hasta que se pueda</translation>
    </message>
    <message>
        <source>the store %1 is written again</source>
        <translation>el almacén %1 vuelve a escribirse</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>the server stopped</source>
        <translation>el servidor se detuvo</translation>
    </message>
    <message>
        <source>no such member</source>
        <translation>no existe ese miembro</translation>
    </message>
    <message>
        <source>disconnected: %1 %2</source>
        <translation>desconectado: %1 %2</translation>
    </message>
    <message>
        <source>Incoming bytes may start inside a frame; they are skipped until the next frame starts.</source>
        <translation>Los bytes entrantes pueden empezar dentro de una trama; se omiten hasta que empiece la siguiente.</translation>
    </message>
    <message>
        <source>The incoming stream could not be followed (%1); it is skipped until the next clean point.</source>
        <translation>No se pudo seguir el flujo entrante (%1); se omite hasta el siguiente punto limpio.</translation>
    </message>
    <message>
        <source>The outgoing stream could not be followed (%1).</source>
        <translation>No se pudo seguir el flujo saliente (%1).</translation>
    </message>
</context>
<context>
    <name>LiveChart</name>
    <message>
        <source>Room messages per second (blue, left scale) and open connections (orange, right scale) over the last %1 minutes</source>
        <translation>Mensajes de sala por segundo (azul, escala izquierda) y conexiones abiertas (naranja, escala derecha) en los últimos %1 minutos</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>−%1 min</source>
        <translation>−%1 min</translation>
    </message>
    <message>
        <source>Messages/s: %1</source>
        <translation>Mensajes/s: %1</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Conexiones: %1</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s counters…</source>
        <translation>Esperando los contadores del servidor…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>--open-chats needs the window; ignored when headless</source>
        <translation>--open-chats necesita la ventana; se ignora sin ventana</translation>
    </message>
    <message>
        <source>no display found (no DISPLAY or WAYLAND_DISPLAY), running headless</source>
        <translation>no se encontró pantalla (ni DISPLAY ni WAYLAND_DISPLAY); se ejecuta sin ventana</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Host Actions</source>
        <translation>Acciones del anfitrión</translation>
    </message>
    <message>
        <source>Room &quot;%1&quot; is kept even when empty</source>
        <translation>La sala «%1» se conserva aunque quede vacía</translation>
    </message>
    <message>
        <source>Posted to &quot;%1&quot;</source>
        <translation>Publicado en «%1»</translation>
    </message>
    <message>
        <source>Notifications reminders every %1 s</source>
        <translation>Recordatorios de notificaciones cada %1 s</translation>
    </message>
    <message>
        <source>Notifications reminders off</source>
        <translation>Recordatorios de notificaciones desactivados</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copiado: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rooms and members&lt;/b&gt;</source>
        <translation>&lt;b&gt;Salas y miembros&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Simulated client %1 lost: %2</source>
        <translation>Cliente simulado %1 perdido: %2</translation>
    </message>
    <message>
        <source>Live Chart</source>
        <translation>Gráfico en vivo</translation>
    </message>
    <message>
        <source>&amp;Live Chart</source>
        <translation>Gráfico en &amp;vivo</translation>
    </message>
    <message>
        <source>Could not change who can connect: %1</source>
        <translation>No se pudo cambiar quién puede conectarse: %1</translation>
    </message>
    <message>
        <source>&amp;Start Server</source>
        <translation>&amp;Iniciar servidor</translation>
    </message>
    <message>
        <source>&amp;Stop Server</source>
        <translation>&amp;Detener servidor</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Start the server (Ctrl+R)</source>
        <translation>Inicia el servidor (Ctrl+R)</translation>
    </message>
    <message>
        <source>Stop the server; clients are told it closed (Ctrl+R)</source>
        <translation>Detiene el servidor; se avisa a los clientes de que se cerró (Ctrl+R)</translation>
    </message>
    <message>
        <source>wsroom — %1:%2</source>
        <translation>wsroom — %1:%2</translation>
    </message>
    <message>
        <source>wsroom</source>
        <translation>wsroom</translation>
    </message>
    <message>
        <source>Shared on the local network (%1:%2)</source>
        <translation>Compartido en la red local (%1:%2)</translation>
    </message>
    <message>
        <source>This computer only (%1:%2)</source>
        <translation>Solo este equipo (%1:%2)</translation>
    </message>
    <message>
        <source>&amp;Post System Message…</source>
        <translation>&amp;Publicar mensaje del sistema…</translation>
    </message>
    <message>
        <source>&amp;Post to %1…</source>
        <translation>&amp;Publicar en %1…</translation>
    </message>
    <message>
        <source>Create or Pin a Room</source>
        <translation>Crear o fijar una sala</translation>
    </message>
    <message>
        <source>Room name (1-%1 characters). The room stays even when it empties:</source>
        <translation>Nombre de la sala (1-%1 caracteres). La sala se mantiene aunque se vacíe:</translation>
    </message>
    <message>
        <source>Create Room</source>
        <translation>Crear sala</translation>
    </message>
    <message>
        <source>Post System Message</source>
        <translation>Publicar mensaje del sistema</translation>
    </message>
    <message>
        <source>shown as a message from &quot;host&quot;</source>
        <translation>se muestra como un mensaje de «host»</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Sala:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <source>Open Chat Windows</source>
        <translation>Abrir ventanas de chat</translation>
    </message>
    <message>
        <source>How many chat windows?</source>
        <translation>¿Cuántas ventanas de chat?</translation>
    </message>
    <message>
        <source>Restart the Server?</source>
        <translation>¿Reiniciar el servidor?</translation>
    </message>
    <message>
        <source>The new settings apply when the server starts again. Restart it now?

Every client is disconnected (close code 1000); chat windows reconnect.</source>
        <translation>Los nuevos ajustes se aplican cuando el servidor vuelve a arrancar. ¿Reiniciarlo ahora?

Se desconecta a todos los clientes (código de cierre 1000); las ventanas de chat se vuelven a conectar.</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>About wsroom</source>
        <translation>Acerca de wsroom</translation>
    </message>
    <message>
        <source>&lt;h3&gt;wsroom %1&lt;/h3&gt;&lt;p&gt;A WebSocket chat-room server on your own machine, with chat windows that are its clients.&lt;/p&gt;&lt;p&gt;One port serves WebSocket (the native protocol on &lt;code&gt;/chat&lt;/code&gt;, the FastAPI tutorials&apos; &lt;code&gt;/&lt;/code&gt; and &lt;code&gt;/ws/{client_id}&lt;/code&gt;) and HTTP (a browser client, &lt;code&gt;/api/status&lt;/code&gt;, &lt;code&gt;/metrics&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;wsroom %1&lt;/h3&gt;&lt;p&gt;Un servidor de salas de chat WebSocket en su propio equipo, con ventanas de chat que son sus clientes.&lt;/p&gt;&lt;p&gt;Un solo puerto sirve WebSocket (el protocolo propio en &lt;code&gt;/chat&lt;/code&gt;, y &lt;code&gt;/&lt;/code&gt; y &lt;code&gt;/ws/{client_id}&lt;/code&gt; de los tutoriales de FastAPI) y HTTP (un cliente para navegador, &lt;code&gt;/api/status&lt;/code&gt;, &lt;code&gt;/metrics&lt;/code&gt;).&lt;/p&gt;&lt;p&gt;Compilado con Qt %2, ejecutándose con Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Protocol Reference</source>
        <translation>Referencia del protocolo</translation>
    </message>
    <message>
        <source>Show %1&apos;s Activity</source>
        <translation>Mostrar la actividad de %1</translation>
    </message>
    <message>
        <source>Inspect %1&apos;s Frames…</source>
        <translation>Inspeccionar las tramas de %1…</translation>
    </message>
    <message>
        <source>Show Activity in %1</source>
        <translation>Mostrar la actividad en %1</translation>
    </message>
    <message>
        <source>Export Session</source>
        <translation>Exportar sesión</translation>
    </message>
    <message>
        <source>JSON Lines and HTML transcript (*.jsonl *.html)</source>
        <translation>JSON Lines y transcripción HTML (*.jsonl *.html)</translation>
    </message>
    <message>
        <source>Exported %1.jsonl and %1.html</source>
        <translation>Exportados %1.jsonl y %1.html</translation>
    </message>
    <message>
        <source>No join code: anyone who can reach the server joins</source>
        <translation>Sin código de acceso: cualquiera que llegue al servidor puede unirse</translation>
    </message>
    <message>
        <source>Join code %1: connections without it are closed (1008)</source>
        <translation>Código de acceso %1: las conexiones sin él se cierran (1008)</translation>
    </message>
</context>
<context>
    <name>MentionNotifier</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>MessageComposer</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation>Binario (hex)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Text and JSON go as text frames; hex and files as binary ones</source>
        <translation>El texto y el JSON van como tramas de texto; el hex y los archivos, como binarias</translation>
    </message>
    <message>
        <source>one frame</source>
        <translation>una trama</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <source>Cut the message into frames of at most this many bytes, to see fragmentation (0: one frame)</source>
        <translation>Corta el mensaje en tramas de como mucho estos bytes, para ver la fragmentación (0: una trama)</translation>
    </message>
    <message>
        <source>&amp;Pretty-print</source>
        <translation>&amp;Formatear</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>Envía el mensaje (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Cut into frames of</source>
        <translation>Cortar en tramas de</translation>
    </message>
    <message>
        <source>The message to send</source>
        <translation>El mensaje que se enviará</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>Elegir &amp;archivo…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <source>Messages saved for this address; double-click one to use it</source>
        <translation>Mensajes guardados para esta dirección; haga doble clic en uno para usarlo</translation>
    </message>
    <message>
        <source>Sa&amp;ve…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Save this message under a name, for this address</source>
        <translation>Guarda este mensaje con un nombre, para esta dirección</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>Saved messages</source>
        <translation>Mensajes guardados</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>The file is over %1 MiB</source>
        <translation>El archivo supera %1 MiB</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>No es JSON: %1</translation>
    </message>
    <message>
        <source>Choose a file to send</source>
        <translation>Elija un archivo para enviar</translation>
    </message>
    <message>
        <source>File to Send</source>
        <translation>Archivo para enviar</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Guardar mensaje</translation>
    </message>
    <message>
        <source>Name, for %1:</source>
        <translation>Nombre, para %1:</translation>
    </message>
</context>
<context>
    <name>MessageSizeMeter</name>
    <message>
        <source>The size of the message as it would be sent, against the most the server accepts</source>
        <translation>El tamaño del mensaje tal como se enviaría, frente al máximo que acepta el servidor</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 bytes</translation>
    </message>
</context>
<context>
    <name>ModerationPrompts</name>
    <message>
        <source>&amp;Kick %1…</source>
        <translation>&amp;Expulsar a %1…</translation>
    </message>
    <message>
        <source>&amp;Kick Member…</source>
        <translation>&amp;Expulsar miembro…</translation>
    </message>
    <message>
        <source>&amp;Ban %1…</source>
        <translation>&amp;Vetar a %1…</translation>
    </message>
    <message>
        <source>&amp;Ban Member…</source>
        <translation>&amp;Vetar miembro…</translation>
    </message>
    <message>
        <source>&amp;Mute %1</source>
        <translation>Si&amp;lenciar a %1</translation>
    </message>
    <message>
        <source>&amp;Mute Member</source>
        <translation>Si&amp;lenciar miembro</translation>
    </message>
    <message>
        <source>&amp;Lock %1</source>
        <translation>&amp;Bloquear %1</translation>
    </message>
    <message>
        <source>&amp;Lock Room</source>
        <translation>&amp;Bloquear sala</translation>
    </message>
    <message>
        <source>&amp;Clear %1&apos;s History…</source>
        <translation>Borrar el &amp;historial de %1…</translation>
    </message>
    <message>
        <source>&amp;Clear Room History…</source>
        <translation>Borrar el &amp;historial de la sala…</translation>
    </message>
    <message>
        <source>kicked by the host</source>
        <translation>expulsado por el anfitrión</translation>
    </message>
    <message>
        <source>Kick %1</source>
        <translation>Expulsar a %1</translation>
    </message>
    <message>
        <source>Disconnect %1 (%2) with close code 4000.
Reason shown to them:</source>
        <translation>Desconectar a %1 (%2) con el código de cierre 4000.
Motivo que verá:</translation>
    </message>
    <message>
        <source>Ban %1</source>
        <translation>Vetar a %1</translation>
    </message>
    <message>
        <source>Disconnect %1 (%2) and refuse its name and address until the server stops or Lift All Bans.
Reason shown to them:</source>
        <translation>Desconectar a %1 (%2) y rechazar su nombre y su dirección hasta que el servidor se detenga o se levanten todos los vetos.
Motivo que verá:</translation>
    </message>
    <message>
        <source>Kicked %1</source>
        <translation>%1 expulsado</translation>
    </message>
    <message>
        <source>Banned %1 for this session</source>
        <translation>%1 vetado durante esta sesión</translation>
    </message>
    <message>
        <source>Muted %1: its messages are refused</source>
        <translation>%1 silenciado: sus mensajes se rechazan</translation>
    </message>
    <message>
        <source>%1 may speak again</source>
        <translation>%1 puede volver a hablar</translation>
    </message>
    <message>
        <source>Locked %1: only the host posts there</source>
        <translation>%1 bloqueada: solo publica el anfitrión</translation>
    </message>
    <message>
        <source>Opened %1 again</source>
        <translation>%1 abierta de nuevo</translation>
    </message>
    <message>
        <source>Clear Room History</source>
        <translation>Borrar el historial de la sala</translation>
    </message>
    <message>
        <source>Delete every message of &quot;%1&quot;, in memory and in the store? Its members stay.</source>
        <translation>¿Borrar todos los mensajes de «%1», en memoria y en el almacén? Sus miembros se quedan.</translation>
    </message>
    <message>
        <source>&amp;Delete Messages</source>
        <translation>&amp;Borrar mensajes</translation>
    </message>
    <message>
        <source>Cleared the history of %1</source>
        <translation>Historial de %1 borrado</translation>
    </message>
    <message>
        <source>Every ban of this session is lifted</source>
        <translation>Se han levantado todos los vetos de esta sesión</translation>
    </message>
</context>
<context>
    <name>NotificationDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Every client of the notifications dialect (&lt;code&gt;/ws/notifications/{client_id}&lt;/code&gt;) gets these, as &lt;code&gt;{&quot;type&quot;:&quot;notification&quot;,&quot;message&quot;:…}&lt;/code&gt;. A native client on this computer sends the same with &lt;code&gt;{&quot;type&quot;:&quot;notify&quot;}&lt;/code&gt;.</source>
        <translation>Todos los clientes del dialecto de notificaciones (&lt;code&gt;/ws/notifications/{client_id}&lt;/code&gt;) las reciben como &lt;code&gt;{&quot;type&quot;:&quot;notification&quot;,&quot;message&quot;:…}&lt;/code&gt;. Un cliente nativo en este equipo envía lo mismo con &lt;code&gt;{&quot;type&quot;:&quot;notify&quot;}&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>e.g. Five minutes left</source>
        <translation>p. ej. Quedan cinco minutos</translation>
    </message>
    <message>
        <source>&amp;Send Now</source>
        <translation>&amp;Enviar ahora</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Each notifications client gets &quot;New notification for NAME&quot; this often; 0 turns it off. Applies at once.</source>
        <translation>Cada cliente de notificaciones recibe «New notification for NAME» con esta frecuencia; 0 lo desactiva. Se aplica enseguida.</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>&amp;Reminder every:</source>
        <translation>&amp;Recordatorio cada:</translation>
    </message>
</context>
<context>
    <name>NotificationReceipt</name>
    <message>
        <source>Notification sent</source>
        <translation>Notificación enviada</translation>
    </message>
    <message>
        <source>Nobody received the notification: no member listens for notifications</source>
        <translation>Nadie recibió la notificación: ningún miembro escucha notificaciones</translation>
    </message>
    <message numerus="yes">
        <source>Notification sent to %n member</source>
        <translation>
            <numerusform>Notificación enviada a %n miembro</numerusform>
            <numerusform>Notificación enviada a %n miembros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notification sent to %n members</source>
        <translation>
            <numerusform>Notificación enviada a %n miembro</numerusform>
            <numerusform>Notificación enviada a %n miembros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>wsroom — Presenter</source>
        <translation>wsroom — Presentación</translation>
    </message>
    <message>
        <source>Join the chat</source>
        <translation>Únase al chat</translation>
    </message>
    <message>
        <source>Esc leaves the presenter view</source>
        <translation>Esc sale de la vista de presentación</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>En la sala</translation>
    </message>
    <message>
        <source>Latest messages</source>
        <translation>Últimos mensajes</translation>
    </message>
    <message>
        <source>The server is not running.</source>
        <translation>El servidor no está en marcha.</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Código: %1</translation>
    </message>
</context>
<context>
    <name>RoomHistoryDialog</name>
    <message>
        <source>Room History</source>
        <translation>Historial de la sala</translation>
    </message>
    <message>
        <source>C&amp;lear History…</source>
        <translation>&amp;Borrar historial…</translation>
    </message>
    <message>
        <source>Delete the room&apos;s messages, in memory and in the store</source>
        <translation>Borra los mensajes de la sala, en memoria y en el almacén</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save the room&apos;s messages as JSON Lines and an HTML transcript</source>
        <translation>Guarda los mensajes de la sala como JSON Lines y una transcripción HTML</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Sala:</translation>
    </message>
    <message>
        <source>Could not export %1: %2</source>
        <translation>No se pudo exportar %1: %2</translation>
    </message>
    <message>
        <source>Exported %1 of %2 to %3.jsonl and %3.html</source>
        <translation>Exportados %1 de %2 a %3.jsonl y %3.html</translation>
    </message>
    <message>
        <source>Delete the %1 of “%2”?</source>
        <translation>¿Borrar los %1 de «%2»?</translation>
    </message>
    <message>
        <source>Delete the messages of “%1” kept in memory?</source>
        <translation>¿Borrar los mensajes de «%1» guardados en memoria?</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Borrar historial</translation>
    </message>
    <message>
        <source>They are gone for good, for everyone: members who join see no earlier messages. Export them first to keep a copy.</source>
        <translation>Desaparecen para siempre, para todos: quien se una no verá mensajes anteriores. Expórtelos antes para conservar una copia.</translation>
    </message>
    <message>
        <source>Cleared the history of %1.</source>
        <translation>Historial de %1 borrado.</translation>
    </message>
    <message>
        <source>Export History of %1</source>
        <translation>Exportar el historial de %1</translation>
    </message>
    <message>
        <source>JSON Lines and HTML transcript (*.jsonl *.html)</source>
        <translation>JSON Lines y transcripción HTML (*.jsonl *.html)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message>
        <source>No rooms.</source>
        <translation>No hay salas.</translation>
    </message>
    <message>
        <source>Start the server to clear or export a room&apos;s history.</source>
        <translation>Inicie el servidor para borrar o exportar el historial de una sala.</translation>
    </message>
    <message>
        <source>The messages kept in memory (no store)</source>
        <translation>Los mensajes guardados en memoria (sin almacén)</translation>
    </message>
    <message>
        <source>%1; no one is in the room.</source>
        <translation>%1; no hay nadie en la sala.</translation>
    </message>
    <message>
        <source>%1; the room is open.</source>
        <translation>%1; la sala está abierta.</translation>
    </message>
    <message numerus="yes">
        <source>%n message</source>
        <translation>
            <numerusform>%n mensaje</numerusform>
            <numerusform>%n mensajes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n mensaje</numerusform>
            <numerusform>%n mensajes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored message</source>
        <translation>
            <numerusform>%n mensaje guardado</numerusform>
            <numerusform>%n mensajes guardados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored messages</source>
        <translation>
            <numerusform>%n mensaje guardado</numerusform>
            <numerusform>%n mensajes guardados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomsModel</name>
    <message>
        <source>Not in a room</source>
        <translation>En ninguna sala</translation>
    </message>
    <message>
        <source>Connected but in no room: /echo connections, and members who joined no room or left their last one</source>
        <translation>Conectados pero en ninguna sala: conexiones /echo y miembros que no se unieron a ninguna sala o salieron de la última</translation>
    </message>
    <message>
        <source>%1 (1 stored message)</source>
        <translation>%1 (1 mensaje guardado)</translation>
    </message>
    <message>
        <source>%1 (%2 stored messages)</source>
        <translation>%1 (%2 mensajes guardados)</translation>
    </message>
    <message>
        <source>%1: no one is in it; the store keeps its %2 for whoever joins it again</source>
        <translation>%1: no hay nadie; el almacén guarda sus %2 para quien vuelva a unirse</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 mensaje</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 mensajes</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (bloqueada)</translation>
    </message>
    <message>
        <source>%1: locked by the host, only the host posts in it</source>
        <translation>%1: bloqueada por el anfitrión, solo él publica en ella</translation>
    </message>
    <message>
        <source>%1: a permanent room</source>
        <translation>%1: una sala permanente</translation>
    </message>
    <message>
        <source>%1: kept by the host even when empty</source>
        <translation>%1: el anfitrión la conserva aunque esté vacía</translation>
    </message>
    <message>
        <source>%1: disappears when its last member leaves</source>
        <translation>%1: desaparece cuando sale su último miembro</translation>
    </message>
    <message>
        <source>%1 (muted)</source>
        <translation>%1 (silenciado)</translation>
    </message>
    <message>
        <source>%1 (id %2), muted by the host</source>
        <translation>%1 (id %2), silenciado por el anfitrión</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialecto</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Conectado desde</translation>
    </message>
    <message>
        <source>For a room, the messages posted in it; for a member, the messages it sent</source>
        <translation>Para una sala, los mensajes publicados en ella; para un miembro, los que envió</translation>
    </message>
</context>
<context>
    <name>RoomsView</name>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialecto</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Conectado desde</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Ports go from 1 to 65535 (0: any free), not %1</source>
        <translation>Los puertos van de 1 a 65535 (0: cualquiera libre), no %1</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>cualquiera libre</translation>
    </message>
    <message>
        <source>The TCP port for WebSocket and HTTP; 0 picks a free one</source>
        <translation>El puerto TCP para WebSocket y HTTP; 0 elige uno libre</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Solo este equipo</translation>
    </message>
    <message>
        <source>Local network</source>
        <translation>Red local</translation>
    </message>
    <message>
        <source>Listen on 127.0.0.1: only programs on this computer connect</source>
        <translation>Escucha en 127.0.0.1: solo se conectan programas de este equipo</translation>
    </message>
    <message>
        <source>Listen on 0.0.0.0: other machines on the network connect too</source>
        <translation>Escucha en 0.0.0.0: también se conectan otros equipos de la red</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Who can connect:</source>
        <translation>&amp;Quién puede conectarse:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Which of this computer&apos;s addresses the URLs show</source>
        <translation>Qué dirección de este equipo muestran las URL</translation>
    </message>
    <message>
        <source>Native chat:</source>
        <translation>Chat nativo:</translation>
    </message>
    <message>
        <source>Tutorial chat:</source>
        <translation>Chat del tutorial:</translation>
    </message>
    <message>
        <source>Broadcast:</source>
        <translation>Difusión:</translation>
    </message>
    <message>
        <source>Browser:</source>
        <translation>Navegador:</translation>
    </message>
    <message>
        <source>Echo:</source>
        <translation>Eco:</translation>
    </message>
    <message>
        <source>The native protocol: chat windows, the browser client, your own clients</source>
        <translation>El protocolo nativo: ventanas de chat, el cliente para navegador, sus propios clientes</translation>
    </message>
    <message>
        <source>The second FastAPI tutorial&apos;s chat: replace {client_id} with a name</source>
        <translation>El chat del segundo tutorial de FastAPI: sustituya {client_id} por un nombre</translation>
    </message>
    <message>
        <source>The first FastAPI tutorial&apos;s JSON broadcast, in the lobby</source>
        <translation>La difusión JSON del primer tutorial de FastAPI, en el vestíbulo</translation>
    </message>
    <message>
        <source>Open this in a browser for the built-in chat client</source>
        <translation>Ábralo en un navegador para usar el cliente de chat integrado</translation>
    </message>
    <message>
        <source>Every message back to its sender: the first thing to connect to</source>
        <translation>Cada mensaje de vuelta a quien lo envió: lo primero a lo que conectarse</translation>
    </message>
    <message>
        <source>shown while the server listens</source>
        <translation>se muestra mientras el servidor escucha</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy this address to the clipboard</source>
        <translation>Copia esta dirección al portapapeles</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Listening on %1:%2 (local network)</source>
        <translation>Escuchando en %1:%2 (red local)</translation>
    </message>
    <message>
        <source>Listening on %1:%2</source>
        <translation>Escuchando en %1:%2</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Port 0: the system picked %1</source>
        <translation>Puerto 0: el sistema eligió %1</translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer)</source>
        <translation>127.0.0.1 (este equipo)</translation>
    </message>
</context>
<context>
    <name>ServerSession</name>
    <message>
        <source>Nothing was recorded yet: start the server first.</source>
        <translation>Aún no se ha registrado nada: inicie primero el servidor.</translation>
    </message>
    <message>
        <source>The server stopped first.</source>
        <translation>El servidor se detuvo antes.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Server Settings</source>
        <translation>Ajustes del servidor</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>cualquier puerto libre</translation>
    </message>
    <message>
        <source>The TCP port for WebSocket and HTTP; 0 picks a free one</source>
        <translation>El puerto TCP para WebSocket y HTTP; 0 elige uno libre</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>Solo este equipo (127.0.0.1)</translation>
    </message>
    <message>
        <source>Local network (0.0.0.0)</source>
        <translation>Red local (0.0.0.0)</translation>
    </message>
    <message>
        <source>Local network lets other machines, such as a classroom&apos;s, connect</source>
        <translation>La red local permite conectarse a otros equipos, como los de un aula</translation>
    </message>
    <message>
        <source>Past it, new connections are closed with 1013</source>
        <translation>Por encima, las conexiones nuevas se cierran con 1013</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <source>Larger frames close the connection with 1009</source>
        <translation>Las tramas más grandes cierran la conexión con 1009</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> por segundo</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Messages per second per connection, bursts of twice that</source>
        <translation>Mensajes por segundo y conexión, en ráfagas el doble</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> mensajes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Messages kept per room and sent to whoever joins</source>
        <translation>Mensajes guardados por sala y enviados a quien se una</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between the notifications dialect&apos;s periodic messages</source>
        <translation>Segundos entre los mensajes periódicos del dialecto de notificaciones</translation>
    </message>
    <message>
        <source>none: anyone may join</source>
        <translation>ninguno: cualquiera puede unirse</translation>
    </message>
    <message>
        <source>When set, clients must add ?code=... to connect</source>
        <translation>Si se fija, los clientes deben añadir ?code=... para conectarse</translation>
    </message>
    <message>
        <source>any, or e.g. http://example.org, https://x.test:8443</source>
        <translation>cualquiera, o p. ej. http://example.org, https://x.test:8443</translation>
    </message>
    <message>
        <source>Comma-separated Origin values allowed to connect; others are refused</source>
        <translation>Valores de Origin, separados por comas, a los que se permite conectarse; los demás se rechazan</translation>
    </message>
    <message>
        <source>none: rooms and messages in memory only</source>
        <translation>ninguno: salas y mensajes solo en memoria</translation>
    </message>
    <message>
        <source>The SQLite file that keeps rooms and their messages across restarts; empty for none. Applies at the next start.</source>
        <translation>El archivo SQLite que conserva las salas y sus mensajes entre reinicios; vacío para ninguno. Se aplica en el próximo arranque.</translation>
    </message>
    <message>
        <source>Choos&amp;e…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Keep rooms in memory only (like --store none)</source>
        <translation>Guarda las salas solo en memoria (como --store none)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Who can connect:</source>
        <translation>&amp;Quién puede conectarse:</translation>
    </message>
    <message>
        <source>Max &amp;connections:</source>
        <translation>Máx. &amp;conexiones:</translation>
    </message>
    <message>
        <source>Max &amp;message size:</source>
        <translation>Tamaño máx. de &amp;mensaje:</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>Límite de &amp;ritmo:</translation>
    </message>
    <message>
        <source>&amp;History per room:</source>
        <translation>&amp;Historial por sala:</translation>
    </message>
    <message>
        <source>&amp;Notification interval:</source>
        <translation>Intervalo de &amp;notificación:</translation>
    </message>
    <message>
        <source>&amp;Join code:</source>
        <translation>Código de &amp;acceso:</translation>
    </message>
    <message>
        <source>Allowed &amp;origins:</source>
        <translation>&amp;Orígenes permitidos:</translation>
    </message>
    <message>
        <source>Room &amp;store:</source>
        <translation>Almacén de &amp;salas:</translation>
    </message>
    <message>
        <source>The server is running: the changes apply the next time it starts.</source>
        <translation>El servidor está en marcha: los cambios se aplican la próxima vez que arranque.</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Solo %1</translation>
    </message>
    <message>
        <source>The join code needs at least 4 characters: a shorter one is guessed in minutes.</source>
        <translation>El código de acceso necesita al menos 4 caracteres: uno más corto se adivina en minutos.</translation>
    </message>
    <message>
        <source>The join code cannot contain spaces: clients type it into a URL.</source>
        <translation>El código de acceso no puede contener espacios: los clientes lo escriben en una URL.</translation>
    </message>
    <message>
        <source>The join code cannot contain control characters.</source>
        <translation>El código de acceso no puede contener caracteres de control.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an origin: write it as http://host or https://host:port, with no path.</source>
        <translation>«%1» no es un origen: escríbalo como http://host o https://host:puerto, sin ruta.</translation>
    </message>
    <message>
        <source>Room Store</source>
        <translation>Almacén de salas</translation>
    </message>
    <message>
        <source>SQLite files (*.sqlite *.db);;All files (*)</source>
        <translation>Archivos SQLite (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>SharePanel</name>
    <message>
        <source>Join from a browser, on the same network:</source>
        <translation>Únase desde un navegador, en la misma red:</translation>
    </message>
    <message>
        <source>Pick the address the students&apos; devices can reach: its QR code is beside it</source>
        <translation>Elija la dirección a la que llegan los dispositivos del alumnado: su código QR está al lado</translation>
    </message>
    <message>
        <source>Require a &amp;join code</source>
        <translation>Exigir código de &amp;acceso</translation>
    </message>
    <message>
        <source>Only those who know the code can chat; connections without it are closed with 1008. Turning it on or off keeps who is in.</source>
        <translation>Solo quien conoce el código puede chatear; las conexiones sin él se cierran con 1008. Activarlo o desactivarlo no echa a quien ya está dentro.</translation>
    </message>
    <message>
        <source>New Code</source>
        <translation>Código nuevo</translation>
    </message>
    <message>
        <source>Replace the join code; members already in stay</source>
        <translation>Sustituye el código de acceso; los miembros que ya están dentro se quedan</translation>
    </message>
    <message>
        <source>4 digits</source>
        <translation>4 cifras</translation>
    </message>
    <message>
        <source>6 characters</source>
        <translation>6 caracteres</translation>
    </message>
    <message>
        <source>4 digits are easy to type on a phone; 6 characters are much harder to guess</source>
        <translation>4 cifras se escriben fácilmente en un móvil; 6 caracteres son mucho más difíciles de adivinar</translation>
    </message>
    <message>
        <source>This Computer Only</source>
        <translation>Solo este equipo</translation>
    </message>
    <message>
        <source>Listen on 127.0.0.1 again: nobody new joins from the network; who is in stays</source>
        <translation>Vuelve a escuchar en 127.0.0.1: nadie nuevo se une desde la red; quien está dentro se queda</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Hide this panel; Server &gt; Share on Local Network shows it again</source>
        <translation>Oculta este panel; Servidor &gt; Compartir en la red local lo vuelve a mostrar</translation>
    </message>
    <message>
        <source>Larger &amp;QR Code</source>
        <translation>Código &amp;QR más grande</translation>
    </message>
    <message>
        <source>Show the QR code larger here; the presenter view (F11) shows it full screen</source>
        <translation>Muestra aquí el código QR más grande; la vista de presentación (F11) lo muestra a pantalla completa</translation>
    </message>
    <message>
        <source>⚠ An address gave 5 wrong join codes and is refused for a minute. Someone may be guessing the code: the activity log names it.</source>
        <translation>⚠ Una dirección dio 5 códigos de acceso incorrectos y se rechaza durante un minuto. Puede que alguien intente adivinar el código: el registro de actividad la nombra.</translation>
    </message>
    <message>
        <source>⚠ %1 addresses gave 5 wrong join codes and are refused for a minute. Someone may be guessing the code: the activity log names them.</source>
        <translation>⚠ %1 direcciones dieron 5 códigos de acceso incorrectos y se rechazan durante un minuto. Puede que alguien intente adivinar el código: el registro de actividad las nombra.</translation>
    </message>
    <message>
        <source>No network address</source>
        <translation>Sin dirección de red</translation>
    </message>
    <message>
        <source>Scan to join: %1</source>
        <translation>Escanee para unirse: %1</translation>
    </message>
    <message>
        <source>Open the address in a browser on a phone or laptop, or scan the QR code. Asked for a join code? Type the code shown here.</source>
        <translation>Abra la dirección en el navegador de un móvil o un portátil, o escanee el código QR. ¿Le piden un código de acceso? Escriba el que se muestra aquí.</translation>
    </message>
    <message>
        <source>Open the address in a browser on a phone or laptop, or scan the QR code. Anyone who can reach this computer can join: tick &quot;Require a join code&quot; to keep others out.</source>
        <translation>Abra la dirección en el navegador de un móvil o un portátil, o escanee el código QR. Cualquiera que llegue a este equipo puede unirse: marque «Exigir código de acceso» para dejar fuera a los demás.</translation>
    </message>
    <message>
        <source>Join code: %1</source>
        <translation>Código de acceso: %1</translation>
    </message>
</context>
<context>
    <name>SimulatedClientsDialog</name>
    <message>
        <source>Add Simulated Clients</source>
        <translation>Añadir clientes simulados</translation>
    </message>
    <message>
        <source>Chatters: send messages at a steady rate</source>
        <translation>Conversadores: envían mensajes a un ritmo constante</translation>
    </message>
    <message>
        <source>Visitors: join and leave the room again and again</source>
        <translation>Visitantes: entran y salen de la sala una y otra vez</translation>
    </message>
    <message>
        <source>Slow readers: stop reading (closed with 4008)</source>
        <translation>Lectores lentos: dejan de leer (se cierran con 4008)</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <source>Each chatter&apos;s messages per minute (the server allows %1 per second by default)</source>
        <translation>Mensajes por minuto de cada conversador (el servidor permite %1 por segundo de forma predeterminada)</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caracteres</translation>
    </message>
    <message>
        <source>Long messages fill a slow reader&apos;s buffers sooner</source>
        <translation>Los mensajes largos llenan antes los búferes de un lector lento</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v de %m</translation>
    </message>
    <message>
        <source>They run in their own thread, off the window&apos;s.</source>
        <translation>Se ejecutan en su propio hilo, aparte del de la ventana.</translation>
    </message>
    <message>
        <source>&amp;How many:</source>
        <translation>&amp;Cuántos:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Sala:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Ra&amp;te:</source>
        <translation>&amp;Ritmo:</translation>
    </message>
    <message>
        <source>Message &amp;length:</source>
        <translation>&amp;Longitud del mensaje:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ocultar</translation>
    </message>
    <message>
        <source>Each joins the room and posts a message at about the rate below, spread out in time.</source>
        <translation>Cada uno se une a la sala y publica mensajes más o menos al ritmo de abajo, repartidos en el tiempo.</translation>
    </message>
    <message>
        <source>Each stays connected and joins the room for a few seconds, leaves, and comes back: watch the presence events.</source>
        <translation>Cada uno sigue conectado, entra en la sala unos segundos, sale y vuelve: observe los eventos de presencia.</translation>
    </message>
    <message>
        <source>Each joins the room and stops reading. Once more than 4 MiB waits for it, the server closes it with 4008. Add chatters with long messages to the same room to see it happen.</source>
        <translation>Cada uno se une a la sala y deja de leer. Cuando le esperan más de 4 MiB, el servidor lo cierra con 4008. Añada conversadores con mensajes largos en la misma sala para verlo.</translation>
    </message>
    <message>
        <source>Connecting %1 simulated clients…</source>
        <translation>Conectando %1 clientes simulados…</translation>
    </message>
    <message>
        <source>%1 simulated clients connected.</source>
        <translation>%1 clientes simulados conectados.</translation>
    </message>
</context>
<context>
    <name>StatusCounters</name>
    <message>
        <source>Open WebSocket connections</source>
        <translation>Conexiones WebSocket abiertas</translation>
    </message>
    <message>
        <source>Rooms on the server</source>
        <translation>Salas en el servidor</translation>
    </message>
    <message>
        <source>Frames received from clients per second</source>
        <translation>Tramas recibidas de los clientes por segundo</translation>
    </message>
    <message>
        <source>Room messages delivered to clients per second</source>
        <translation>Mensajes de sala entregados a los clientes por segundo</translation>
    </message>
    <message>
        <source>Addresses that gave 5 wrong join codes within a minute are refused for a minute; the activity log names them</source>
        <translation>Las direcciones que dan 5 códigos de acceso incorrectos en un minuto se rechazan durante un minuto; el registro de actividad las nombra</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>Conexiones: %1</translation>
    </message>
    <message>
        <source>Rooms: %1</source>
        <translation>Salas: %1</translation>
    </message>
    <message>
        <source>In: %1 msg/s</source>
        <translation>Entrada: %1 msj/s</translation>
    </message>
    <message>
        <source>Out: %1 deliveries/s</source>
        <translation>Salida: %1 entregas/s</translation>
    </message>
    <message>
        <source>⚠ 1 address locked out: wrong join codes</source>
        <translation>⚠ 1 dirección bloqueada: códigos de acceso incorrectos</translation>
    </message>
    <message>
        <source>⚠ %1 addresses locked out: wrong join codes</source>
        <translation>⚠ %1 direcciones bloqueadas: códigos de acceso incorrectos</translation>
    </message>
</context>
<context>
    <name>StoreIndicator</name>
    <message>
        <source>Store: none</source>
        <translation>Almacén: ninguno</translation>
    </message>
    <message>
        <source>No room store: rooms and their messages are kept in memory only and are gone when the server stops (Settings › Room store)</source>
        <translation>Sin almacén de salas: las salas y sus mensajes se guardan solo en memoria y se pierden al detener el servidor (Ajustes › Almacén de salas)</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Almacén: %1</translation>
    </message>
    <message>
        <source>The room store the next start opens:
%1</source>
        <translation>El almacén de salas que abrirá el próximo arranque:
%1</translation>
    </message>
    <message>
        <source>The room store: %1
%2 kept, %3 on disk</source>
        <translation>El almacén de salas: %1
%2 guardados, %3 en disco</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 mensaje</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 mensajes</translation>
    </message>
    <message>
        <source>Store: %1, %2</source>
        <translation>Almacén: %1, %2</translation>
    </message>
    <message>
        <source>⚠ Store: %1 cannot be written</source>
        <translation>⚠ Almacén: no se puede escribir %1</translation>
    </message>
    <message>
        <source>

Cannot be written: %1
New messages are kept in memory and written when it works again.</source>
        <translation>

No se puede escribir: %1
Los mensajes nuevos se guardan en memoria y se escriben cuando vuelva a funcionar.</translation>
    </message>
</context>
<context>
    <name>WebSocketClientWindow</name>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <source>The opening handshake shows here once sent.</source>
        <translation>El handshake de apertura aparece aquí en cuanto se envía.</translation>
    </message>
    <message>
        <source>&amp;Frames</source>
        <translation>&amp;Tramas</translation>
    </message>
    <message>
        <source>&amp;Handshake</source>
        <translation>&amp;Handshake</translation>
    </message>
    <message>
        <source>Any ws:// or wss:// address (Ctrl+L)</source>
        <translation>Cualquier dirección ws:// o wss:// (Ctrl+L)</translation>
    </message>
    <message>
        <source>WebSocket client — %1</source>
        <translation>Cliente WebSocket — %1</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Copy &amp;as</source>
        <translation>Copiar co&amp;mo</translation>
    </message>
    <message>
        <source>Copy a command or script that connects and sends this message</source>
        <translation>Copia un comando o un script que se conecta y envía este mensaje</translation>
    </message>
    <message>
        <source>&amp;websocat command</source>
        <translation>Comando &amp;websocat</translation>
    </message>
    <message>
        <source>&amp;Python (websockets)</source>
        <translation>&amp;Python (websockets)</translation>
    </message>
    <message>
        <source>none; e.g. chat, superchat</source>
        <translation>ninguno; p. ej. chat, superchat</translation>
    </message>
    <message>
        <source>Name: value, one a line; e.g. Origin: http://localhost</source>
        <translation>Nombre: valor, uno por línea; p. ej. Origin: http://localhost</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Extra h&amp;eaders:</source>
        <translation>Cab&amp;eceras extra:</translation>
    </message>
    <message>
        <source>Su&amp;bprotocols:</source>
        <translation>Su&amp;bprotocolos:</translation>
    </message>
    <message>
        <source>ping payload</source>
        <translation>carga del ping</translation>
    </message>
    <message>
        <source>P&amp;ing</source>
        <translation>P&amp;ing</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>Start the closing handshake with this code and reason</source>
        <translation>Inicia el handshake de cierre con este código y motivo</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Cerrando…</translation>
    </message>
    <message>
        <source>Open — no subprotocol</source>
        <translation>Abierto — sin subprotocolo</translation>
    </message>
    <message>
        <source>Open — subprotocol %1</source>
        <translation>Abierto — subprotocolo %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>Closed: %1 %2</source>
        <translation>Cerrado: %1 %2</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source> (the server answered %1 %2)</source>
        <translation> (el servidor respondió %1 %2)</translation>
    </message>
    <message>
        <source>Type a ws:// or wss:// address</source>
        <translation>Escriba una dirección ws:// o wss://</translation>
    </message>
    <message>
        <source>Not an address: %1</source>
        <translation>No es una dirección: %1</translation>
    </message>
    <message>
        <source>Extra headers: %1</source>
        <translation>Cabeceras extra: %1</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>No se puede conectar: %1</translation>
    </message>
    <message>
        <source>Not open: connect first</source>
        <translation>No está abierto: conéctese primero</translation>
    </message>
    <message>
        <source>Not open: nothing to close</source>
        <translation>No está abierto: no hay nada que cerrar</translation>
    </message>
    <message>
        <source>Copied the Python snippet</source>
        <translation>Fragmento de Python copiado</translation>
    </message>
    <message>
        <source>Copied the websocat command</source>
        <translation>Comando websocat copiado</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Desconectar</translation>
    </message>
    <message>
        <source>Connect (Return in the address)</source>
        <translation>Conectar (Intro en la dirección)</translation>
    </message>
    <message>
        <source>Drop the connection at once, without a close frame</source>
        <translation>Corta la conexión enseguida, sin trama de cierre</translation>
    </message>
    <message>
        <source>Request:
</source>
        <translation>Petición:
</translation>
    </message>
    <message>
        <source>

Response:
</source>
        <translation>

Respuesta:
</translation>
    </message>
    <message>
        <source>Failed: the server&apos;s certificate is not trusted</source>
        <translation>Falló: el certificado del servidor no es de confianza</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Certificado no fiable</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: issued by %1, fingerprint SHA-256 %2, %3. Trust it for this connection?</source>
        <translation>El certificado del servidor no es de confianza: emitido por %1, huella SHA-256 %2, %3. ¿Confiar en él para esta conexión?</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
</context>
</TS>
