// Unknown pages, and admin pages asked for by a hirer (requireAdmin answers "not found", not "forbidden",
// so the page's existence is not confirmed).
import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600">This page does not exist, or your account cannot open it.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to the start
        </Link>
      </div>
    </main>
  );
}
