// Shared Tailwind class lists for the editor's controls, so every button and input looks and focuses alike.
export const focusRing =
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-offset-2";

export const inputClass = `rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 shadow-sm ${focusRing}`;

export const buttonClass = `inline-flex items-center justify-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 ${focusRing}`;

export const primaryButtonClass = `inline-flex items-center justify-center gap-1 rounded-md bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-sky-800 disabled:cursor-not-allowed disabled:bg-slate-400 ${focusRing}`;

export const iconButtonClass = `inline-flex h-7 w-7 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-600 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 ${focusRing}`;

export const sectionClass = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
