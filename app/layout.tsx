import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "BatchNorm Lab", template: "%s · BatchNorm Lab" },
  description: "Learn batch normalization by doing it: lessons, quizzes and coding exercises with instant feedback.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its inline scripts need that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
