// / — signed-in landing. Admins get a short overview with the admin pages; hirers go to their positions.
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { cardClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

const ADMIN_LINKS = [
  {
    href: "/admin/organizations",
    title: "Organizations",
    text: "Hirer organizations and their SEEK and LinkedIn settings.",
  },
  { href: "/admin/users", title: "Users", text: "Admins and hirers: create, deactivate, reactivate." },
  { href: "/admin/api-keys", title: "API keys", text: "Keys the ATS uses to call the API, per organization." },
  { href: "/deliveries", title: "Deliveries", text: "Signals, history items and notes sent to the job boards." },
];

export default async function HomePage() {
  const user = await requireUser("/");
  if (user.role !== "admin") redirect("/positions");
  return (
    <AppShell user={user} current="/" title="Overview" description="Signed in as an administrator.">
      <ul className="grid gap-4 sm:grid-cols-2">
        {ADMIN_LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={`${cardClass} block h-full p-5 hover:border-indigo-300 hover:shadow`}>
              <h2 className="text-base font-semibold text-slate-900">{link.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{link.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </AppShell>
  );
}
