// The admin pages, as a compact list under the overview (the navigation has them too).
import Link from "next/link";

const ADMIN_LINKS = [
  {
    href: "/admin/organizations",
    title: "Organizations",
    text: "Hirer organizations and their SEEK and LinkedIn settings.",
  },
  {
    href: "/admin/users",
    title: "Users",
    text: "Admins and hirers: add, change a role, reset a password, deactivate.",
  },
  { href: "/admin/api-keys", title: "API keys", text: "Keys the ATS uses to call the API, per organization." },
  { href: "/deliveries", title: "Deliveries", text: "Signals, history items and notes sent to the job boards." },
];

export function AdminLinks() {
  return (
    <section aria-labelledby="admin-pages">
      <h2 id="admin-pages" className="text-sm font-semibold text-slate-700">
        Administration
      </h2>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {ADMIN_LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="block h-full rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-indigo-300 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              <span className="text-sm font-semibold text-slate-900">{link.title}</span>
              <span className="mt-0.5 block text-xs text-slate-600">{link.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
