// Installed in every benchmark page before its own scripts (page.addInitScript). Plain
// browser JavaScript: the test program is compiled without DOM types.
//
// Keystroke → painted: from the keydown's event.timeStamp to the first frame painted after
// the input was handled. The frame is requested from the `input` listener, so it is the
// frame after ProseMirror read the DOM change and dispatched its transaction (in the same
// task) and after the React renders it triggers synchronously; a MessageChannel message
// posted from requestAnimationFrame runs once that frame has been painted.
(() => {
  const probe = { recording: false, keys: [], withoutInput: 0, longTasks: [], slowEvents: [], pendingDown: null };
  globalThis.__benchProbe = probe;

  // Open → editable, per page under test: the editor is editable, shows every top-level
  // block, and its provider has synced. Checked before every frame; resolves with the time
  // since navigation start. (Here and not in the bench: Accord's CSP forbids evaluating strings.)
  const ready = {
    accord: (blocks) => {
      // Accord's connection indicator says "connected" only once the provider has synced.
      const status = document.querySelector('[data-testid="connection-status"]');
      const editor = document.querySelector('[data-testid="editor"]');
      return (
        status?.dataset.status === "connected" && !!editor?.isContentEditable && editor.childElementCount >= blocks
      );
    },
    peer: (blocks) => {
      const editor = document.querySelector("#editor .ProseMirror");
      return globalThis.__peerSynced === true && !!editor?.isContentEditable && editor.childElementCount >= blocks;
    },
  };
  probe.whenReady = (page, blocks) =>
    new Promise((resolve) => {
      const check = () => (ready[page](blocks) ? resolve(performance.now()) : requestAnimationFrame(check));
      check();
    });

  new PerformanceObserver((list) => {
    if (!probe.recording) return;
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask" });

  // Event Timing as a cross-check: the browser's own input → next paint, for interactions ≥ 16 ms.
  new PerformanceObserver((list) => {
    if (!probe.recording) return;
    for (const e of list.getEntries()) {
      if (e.interactionId) probe.slowEvents.push({ name: e.name, id: e.interactionId, duration: e.duration });
    }
  }).observe({ type: "event", durationThreshold: 16 });

  const afterPaint = (fn) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = fn;
      channel.port2.postMessage(null);
    });

  const measure = () => {
    const down = probe.pendingDown;
    if (down === null) return false;
    probe.pendingDown = null;
    afterPaint(() => {
      const ms = performance.now() - down;
      probe.keys.push(ms);
      globalThis.__benchKeyPainted?.(ms);
    });
    return true;
  };
  addEventListener(
    "keydown",
    (event) => {
      if (!probe.recording) return;
      probe.pendingDown = event.timeStamp;
      // An editor that handles the key itself (preventDefault) fires no input event: then
      // the frame after this task is the one that shows the change.
      setTimeout(() => {
        if (measure()) probe.withoutInput++;
      }, 0);
    },
    true,
  );
  addEventListener("input", measure, true);
})();
