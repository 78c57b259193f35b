// The browser client in the reader's language: German or Spanish when navigator.languages puts
// one of them before English, else English (the words the page is written in). The page and the
// other scripts stay in English; this one translates what is shown, once when the page has
// loaded and then whatever they change (a MutationObserver): text, placeholder, title and
// aria-label. What people wrote (messages, names, room names, frames) is never touched.
'use strict';

(() => {
  // The first of the reader's languages that the page speaks ('en' stops the search).
  function pickLanguage(languages) {
    for (const tag of languages || []) {
      const code = String(tag).toLowerCase().split('-')[0];
      if (code === 'en' || code === 'de' || code === 'es') return code;
    }
    return 'en';
  }

  // Whole strings: English -> [German, Spanish].
  const WORDS = {
    'Connecting…': ['Verbinde…', 'Conectando…'],
    'Show rooms': ['Räume zeigen', 'Mostrar salas'],
    'Change your name': ['Namen ändern', 'Cambiar su nombre'],
    'Show members': ['Mitglieder zeigen', 'Mostrar miembros'],
    'People': ['Personen', 'Personas'],
    'Search': ['Suchen', 'Buscar'],
    'Search this room (Ctrl+F)': ['Diesen Raum durchsuchen (Strg+F)', 'Buscar en esta sala (Ctrl+F)'],
    'Notify me': ['Benachrichtigen', 'Avisarme'],
    'Notifying': ['Benachrichtigt', 'Avisando'],
    'Frames': ['Frames', 'Tramas'],
    'Show the raw WebSocket frames': ['Die rohen WebSocket-Frames zeigen', 'Mostrar las tramas WebSocket sin procesar'],
    'Rooms': ['Räume', 'Salas'],
    'Your rooms': ['Ihre Räume', 'Sus salas'],
    'Room to join or create': ['Raum zum Beitreten oder Anlegen', 'Sala a la que unirse o que crear'],
    'Join or create a room': ['Raum betreten oder anlegen', 'Unirse a una sala o crearla'],
    'Join': ['Beitreten', 'Unirse'],
    'All rooms': ['Alle Räume', 'Todas las salas'],
    'Messages': ['Nachrichten', 'Mensajes'],
    'Search the room': ['Den Raum durchsuchen', 'Buscar en la sala'],
    'Words, or how they begin': ['Wörter oder ihr Anfang', 'Palabras, o cómo empiezan'],
    'Close the search': ['Suche schließen', 'Cerrar la búsqueda'],
    'Matching messages': ['Passende Nachrichten', 'Mensajes que coinciden'],
    'A message matches when it has every word, or a word that begins with it. Click a match, or press Enter on it, to see it in the room; Escape closes the search.':
      ['Eine Nachricht passt, wenn sie jedes Wort enthält oder ein Wort, das damit beginnt. Klicken Sie auf einen Treffer oder drücken Sie darauf die Eingabetaste, um ihn im Raum zu sehen; Escape schließt die Suche.',
        'Un mensaje coincide cuando tiene todas las palabras, o una palabra que empieza por ellas. Haga clic en una coincidencia, o pulse Intro sobre ella, para verla en la sala; Escape cierra la búsqueda.'],
    'Message log: scroll to the top for older messages': ['Nachrichtenverlauf: nach oben scrollen für ältere Nachrichten', 'Registro de mensajes: desplácese arriba para ver mensajes anteriores'],
    'Cancel the direct message': ['Direktnachricht abbrechen', 'Cancelar el mensaje directo'],
    'Message': ['Nachricht', 'Mensaje'],
    'Send': ['Senden', 'Enviar'],
    'Members': ['Mitglieder', 'Miembros'],
    'Click a name to send a direct message.': ['Klicken Sie auf einen Namen, um eine Direktnachricht zu senden.', 'Haga clic en un nombre para enviar un mensaje directo.'],
    'WebSocket frames': ['WebSocket-Frames', 'Tramas WebSocket'],
    'what this page sends (↑) and receives (↓) on its WebSocket': ['was diese Seite über ihren WebSocket sendet (↑) und empfängt (↓)', 'lo que esta página envía (↑) y recibe (↓) por su WebSocket'],
    'Clear': ['Leeren', 'Vaciar'],
    'Your own client can start at the echo endpoint, which sends every message back:': ['Ihr eigener Client kann beim Echo-Endpunkt anfangen, der jede Nachricht zurücksendet:', 'Su propio cliente puede empezar por el punto de eco, que devuelve cada mensaje:'],
    'Your name': ['Ihr Name', 'Su nombre'],
    'Others in the room will see it.': ['Die anderen im Raum sehen ihn.', 'Los demás de la sala lo verán.'],
    'Join code': ['Beitrittscode', 'Código de acceso'],
    'Enter': ['Eintreten', 'Entrar'],
    'Set your name': ['Namen festlegen', 'Elija su nombre'],
    'Reconnect': ['Neu verbinden', 'Reconectar'],
    'Join code needed': ['Beitrittscode nötig', 'Se necesita un código de acceso'],
    'That join code is not right. Ask the host for the code.': ['Dieser Beitrittscode stimmt nicht. Fragen Sie den Host nach dem Code.', 'Ese código de acceso no es correcto. Pida el código al anfitrión.'],
    'This room needs a join code. Ask the host for it.': ['Dieser Raum braucht einen Beitrittscode. Fragen Sie den Host danach.', 'Esta sala necesita un código de acceso. Pídaselo al anfitrión.'],
    'The server sent something that is not JSON.': ['Der Server hat etwas gesendet, das kein JSON ist.', 'El servidor envió algo que no es JSON.'],
    'Older messages could not be loaded:': ['Ältere Nachrichten ließen sich nicht laden:', 'No se pudieron cargar los mensajes anteriores:'],
    'The server closed the connection: this page kept sending after being told to slow down.': ['Der Server hat die Verbindung geschlossen: Diese Seite hat weiter gesendet, obwohl sie langsamer werden sollte.', 'El servidor cerró la conexión: esta página siguió enviando después de que se le pidiera ir más despacio.'],
    'The server closed the connection because this page was not keeping up.': ['Der Server hat die Verbindung geschlossen, weil diese Seite nicht mitkam.', 'El servidor cerró la conexión porque esta página no daba abasto.'],
    'The server is full. Trying again shortly.': ['Der Server ist voll. Gleich neuer Versuch.', 'El servidor está lleno. Se volverá a intentar en breve.'],
    'Not connected: wait a moment and try again.': ['Nicht verbunden: kurz warten und noch einmal versuchen.', 'No conectado: espere un momento y vuelva a intentarlo.'],
    'The server was restarted.': ['Der Server wurde neu gestartet.', 'El servidor se reinició.'],
    'Earlier messages': ['Frühere Nachrichten', 'Mensajes anteriores'],
    'You are sending too fast; that message was not delivered.': ['Sie senden zu schnell; diese Nachricht wurde nicht zugestellt.', 'Está enviando demasiado rápido; ese mensaje no se entregó.'],
    'That name is already taken. Pick another.': ['Dieser Name ist schon vergeben. Wählen Sie einen anderen.', 'Ese nombre ya está ocupado. Elija otro.'],
    'You are not in that room.': ['Sie sind nicht in diesem Raum.', 'No está en esa sala.'],
    'That person is not connected any more.': ['Diese Person ist nicht mehr verbunden.', 'Esa persona ya no está conectada.'],
    'You are in too many rooms; leave one first.': ['Sie sind in zu vielen Räumen; verlassen Sie zuerst einen.', 'Está en demasiadas salas; salga antes de una.'],
    'The server could not accept that.': ['Das konnte der Server nicht annehmen.', 'El servidor no pudo aceptar eso.'],
    'Only the host can do that.': ['Das kann nur der Host.', 'Solo el anfitrión puede hacer eso.'],
    'The server could not read that: it was not valid JSON.': ['Der Server konnte das nicht lesen: es war kein gültiges JSON.', 'El servidor no pudo leerlo: no era JSON válido.'],
    'The server does not know that request.': ['Der Server kennt diese Anfrage nicht.', 'El servidor no conoce esa petición.'],
    'That name is kept for the host. Pick another.': ['Dieser Name ist dem Host vorbehalten. Wählen Sie einen anderen.', 'Ese nombre está reservado al anfitrión. Elija otro.'],
    'The host muted you; your message was not delivered.': ['Der Host hat Sie stummgeschaltet; Ihre Nachricht wurde nicht zugestellt.', 'El anfitrión le ha silenciado; su mensaje no se entregó.'],
    'Only the host posts in this room.': ['In diesem Raum schreibt nur der Host.', 'En esta sala solo escribe el anfitrión.'],
    'The server reported an error.': ['Der Server hat einen Fehler gemeldet.', 'El servidor informó de un error.'],
    'Join a room to chat': ['Treten Sie einem Raum bei, um zu chatten', 'Únase a una sala para chatear'],
    'Join a room first.': ['Treten Sie zuerst einem Raum bei.', 'Únase antes a una sala.'],
    'Please type a name.': ['Bitte geben Sie einen Namen ein.', 'Escriba un nombre, por favor.'],
    'Sent by the host: no member can send with this badge': ['Vom Host gesendet: kein Mitglied kann mit diesem Abzeichen senden', 'Enviado por el anfitrión: ningún miembro puede enviar con esta insignia'],
    'host': ['Host', 'anfitrión'],
    'Copy': ['Kopieren', 'Copiar'],
    'Copied': ['Kopiert', 'Copiado'],
    'Copy this message': ['Diese Nachricht kopieren', 'Copiar este mensaje'],
    'Mentions and direct messages notify you while this tab is hidden; click to stop': ['Erwähnungen und Direktnachrichten melden sich, solange dieser Tab verborgen ist; klicken zum Beenden', 'Las menciones y los mensajes directos le avisan mientras esta pestaña está oculta; haga clic para dejarlo'],
    'Be notified of mentions and direct messages while this tab is hidden': ['Bei Erwähnungen und Direktnachrichten benachrichtigt werden, solange dieser Tab verborgen ist', 'Recibir avisos de menciones y mensajes directos mientras esta pestaña está oculta'],
    'Notifications are blocked for this page in the browser’s settings.': ['Benachrichtigungen sind für diese Seite in den Browser-Einstellungen blockiert.', 'Las notificaciones están bloqueadas para esta página en los ajustes del navegador.'],
    'Loading older messages…': ['Ältere Nachrichten werden geladen…', 'Cargando mensajes anteriores…'],
    'Try again': ['Noch einmal', 'Reintentar'],
    'Beginning of the room': ['Anfang des Raums', 'Principio de la sala'],
    'The match could not be loaded: older messages could not be loaded.': ['Der Treffer konnte nicht geladen werden: ältere Nachrichten ließen sich nicht laden.', 'No se pudo cargar la coincidencia: no se pudieron cargar los mensajes anteriores.'],
    'Type at least one word to search for.': ['Geben Sie mindestens ein Suchwort ein.', 'Escriba al menos una palabra que buscar.'],
    'You are not in this room, so it cannot be searched.': ['Sie sind nicht in diesem Raum, daher kann er nicht durchsucht werden.', 'No está en esta sala, así que no se puede buscar en ella.'],
    'You are sending too fast; search again in a moment.': ['Sie senden zu schnell; suchen Sie gleich noch einmal.', 'Está enviando demasiado rápido; busque de nuevo en un momento.'],
    'Searching…': ['Suche…', 'Buscando…'],
    'The server could not search.': ['Der Server konnte nicht suchen.', 'El servidor no pudo buscar.'],
    'That message is no longer in the room’s history.': ['Diese Nachricht ist nicht mehr im Verlauf des Raums.', 'Ese mensaje ya no está en el historial de la sala.'],
    ' (you)': [' (Sie)', ' (usted)'],
  };

  // Strings with parts that change: a pattern of the English and its translations ($1... the
  // parts, kept as they are).
  const PATTERNS = [
    [/^Connected as (.+)$/, 'Verbunden als $1', 'Conectado como $1'],
    [/^Disconnected \((.+)\)\. Reconnecting in (\d+) s…$/, 'Getrennt ($1). Neuer Versuch in $2 s…', 'Desconectado ($1). Reconectando en $2 s…'],
    [/^Removed by the host(.*)$/, 'Vom Host entfernt$1', 'Expulsado por el anfitrión$1'],
    [/^The host removed you from the chat(.*)$/, 'Der Host hat Sie aus dem Chat entfernt$1', 'El anfitrión le ha expulsado del chat$1'],
    [/^Your message was larger than the server accepts \((\d+) bytes\), so it closed the connection\.$/, 'Ihre Nachricht war größer, als der Server annimmt ($1 Byte), daher hat er die Verbindung geschlossen.', 'Su mensaje era más grande de lo que acepta el servidor ($1 bytes), así que cerró la conexión.'],
    [/^Too many wrong join codes came from this address\. Try again in (\d+) s\.$/, 'Von dieser Adresse kamen zu viele falsche Beitrittscodes. Versuchen Sie es in $1 s wieder.', 'Llegaron demasiados códigos de acceso erróneos desde esta dirección. Inténtelo de nuevo en $1 s.'],
    [/^The server closed the connection: (.+)$/, 'Der Server hat die Verbindung geschlossen: $1', 'El servidor cerró la conexión: $1'],
    [/^The name (.+) is taken, so you are (.+)\.$/, 'Der Name $1 ist vergeben, daher sind Sie $2.', 'El nombre $1 está ocupado, así que usted es $2.'],
    [/^(.+) joined$/, '$1 ist beigetreten', '$1 se ha unido'],
    [/^(.+) left$/, '$1 ist gegangen', '$1 ha salido'],
    [/^(.+) is now (.+)$/, '$1 heißt jetzt $2', '$1 ahora se llama $2'],
    [/^you → (.+) \(direct\)$/, 'Sie → $1 (direkt)', 'usted → $1 (directo)'],
    [/^(.+) → you \(direct\)$/, '$1 → Sie (direkt)', '$1 → usted (directo)'],
    [/^Direct message to (.+)$/, 'Direktnachricht an $1', 'Mensaje directo a $1'],
    [/^Message #(.+)$/, 'Nachricht an #$1', 'Mensaje a #$1'],
    [/^(\d+) unread$/, '$1 ungelesen', '$1 sin leer'],
    [/^Leave (.+)$/, '$1 verlassen', 'Salir de $1'],
    [/^Send (.+) a direct message$/, '$1 eine Direktnachricht senden', 'Enviar un mensaje directo a $1'],
    [/^(.+) and (.+) are typing…$/, '$1 und $2 tippen…', '$1 y $2 están escribiendo…'],
    [/^(.+) is typing…$/, '$1 tippt…', '$1 está escribiendo…'],
    [/^That message is too large: (\d+) bytes, and the server accepts at most (\d+)\.$/, 'Diese Nachricht ist zu groß: $1 Byte, der Server nimmt höchstens $2 an.', 'Ese mensaje es demasiado grande: $1 bytes, y el servidor acepta como mucho $2.'],
    [/^([\d  ,.]+) \/ ([\d  ,.]+) bytes$/, '$1 / $2 Byte', '$1 / $2 bytes'],
    [/^Search #(.+)$/, '#$1 durchsuchen', 'Buscar en #$1'],
    [/^No messages match “(.*)”\.$/, 'Keine Nachricht passt zu „$1“.', 'Ningún mensaje coincide con «$1».'],
    [/^1 match$/, '1 Treffer', '1 coincidencia'],
    [/^(\d+) matches, the newest first\.$/, '$1 Treffer, die neuesten zuerst.', '$1 coincidencias, las más recientes primero.'],
  ];

  const language = pickLanguage(navigator.languages && navigator.languages.length
    ? navigator.languages : [navigator.language]);
  const column = language === 'de' ? 0 : 1;

  // text in the reader's language; text itself when there is no translation. Spaces around
  // it stay as they are.
  function translate(text) {
    if (language === 'en' || !text) return text;
    if (Object.prototype.hasOwnProperty.call(WORDS, text)) return WORDS[text][column];
    const trimmed = text.trim();
    if (!trimmed) return text;
    const lead = text.slice(0, text.indexOf(trimmed));
    const trail = text.slice(lead.length + trimmed.length);
    if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) return lead + WORDS[trimmed][column] + trail;
    for (const [pattern, ...forms] of PATTERNS) {
      if (pattern.test(trimmed)) return lead + trimmed.replace(pattern, forms[column]) + trail;
    }
    return text;
  }

  // What people wrote, and machine text: never translated.
  const DATA = '.text, .from, .room-name, .frame-body, .frame-list, code, #roomTitle, #nameButton, time';
  // Elements whose own text is a name (a member's button); their children may be words.
  const NAMED = '.member';

  function isData(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (!element) return true;
    if (element.closest(DATA)) return true;
    return node.nodeType === Node.TEXT_NODE && element.matches(NAMED);
  }

  const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

  function translateText(node) {
    if (isData(node)) return;
    const translated = translate(node.data);
    if (translated !== node.data) node.data = translated;
  }

  function translateAttributes(element) {
    if (element.closest(DATA) && !element.matches('button, [aria-label]')) return;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const translated = translate(value);
      if (translated !== value) element.setAttribute(name, translated);
    }
  }

  function translateTree(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      translateText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    translateAttributes(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) translateText(node);
      else translateAttributes(node);
    }
  }

  function start() {
    document.documentElement.lang = language;
    if (language === 'en') return;
    translateTree(document.body);
    document.title = translate(document.title);
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') translateText(record.target);
        else if (record.type === 'attributes') translateAttributes(record.target);
        else record.addedNodes.forEach(translateTree);
      }
    }).observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
    });
  }

  window.wsroomI18n = { language, translate };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
