// GET /embed.js: what the ATS page includes to show the portal. `Signalhouse.mount(element, { url })`
// puts the portal link in an <iframe> and keeps the frame's height in step with the
// `signalhouse:resize` messages the portal posts. Messages are believed only from the frame's own window
// and the portal's origin; `onMessage` hands the ATS every portal message (e.g. pipeline-saved).
// No dependencies; plain ES2015 so any ATS page can load it.
export const EMBED_SCRIPT = `(function () {
  "use strict";
  function mount(element, options) {
    if (!element || !options || typeof options.url !== "string") {
      throw new Error("Signalhouse.mount(element, { url }) needs an element and the portal URL");
    }
    var origin = new URL(options.url, window.location.href).origin;
    var frame = document.createElement("iframe");
    frame.src = options.url;
    frame.title = options.title || "Hiring settings";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.height = (options.minHeight || 400) + "px";
    function onMessage(event) {
      if (event.source !== frame.contentWindow || event.origin !== origin) return;
      var data = event.data;
      if (!data || typeof data.type !== "string" || data.type.indexOf("signalhouse:") !== 0) return;
      if (data.type === "signalhouse:resize" && typeof data.height === "number" && data.height > 0) {
        frame.style.height = Math.ceil(data.height) + "px";
      }
      if (typeof options.onMessage === "function") options.onMessage(data);
    }
    window.addEventListener("message", onMessage);
    element.appendChild(frame);
    return {
      frame: frame,
      unmount: function () {
        window.removeEventListener("message", onMessage);
        if (frame.parentNode) frame.parentNode.removeChild(frame);
      },
    };
  }
  window.Signalhouse = { mount: mount };
})();
`;
