"use client";
// The current time, ticking once a second, for relative times on live pages. It is null until the page
// has hydrated: the server and the browser would render different "3 s ago" texts otherwise.
import { useEffect, useState } from "react";

export function useNow(everyMs = 1_000): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
