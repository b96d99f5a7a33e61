"use client";
// Talks to the ATS page that frames the portal: `signalhouse:resize` whenever the content's height changes
// and whatever else a page posts (e.g. `signalhouse:pipeline-saved`). Messages go to window.parent with
// each allowed origin as the target, so the browser delivers them only when the parent is one of them.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from "react";

export type TPortalMessage =
  | { type: "signalhouse:resize"; height: number }
  | { type: "signalhouse:pipeline-saved"; pipeline: string; version: number };

type TPortalBridge = { post: (message: TPortalMessage) => void };

const PortalBridgeContext = createContext<TPortalBridge | null>(null);

/** The frame's messenger, or null outside the portal (then there is no one to tell). */
export function usePortalBridge(): TPortalBridge | null {
  return useContext(PortalBridgeContext);
}

export function PortalBridge({ origins, children }: { origins: readonly string[]; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const post = useCallback(
    (message: TPortalMessage) => {
      if (window.parent === window) return;
      for (const origin of origins) window.parent.postMessage(message, origin);
    },
    [origins],
  );
  const bridge = useMemo(() => ({ post }), [post]);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post({ type: "signalhouse:resize", height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return () => observer.disconnect();
  }, [post]);

  return (
    <PortalBridgeContext.Provider value={bridge}>
      <div ref={root} data-testid="portal-root">
        {children}
      </div>
    </PortalBridgeContext.Provider>
  );
}
