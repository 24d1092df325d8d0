import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/site/SiteFooter'
import { SiteHeader } from '@/components/site/SiteHeader'
import { defaultImage, feedAlternate, ogLocale } from '@/lib/metadata/page-metadata'
import { site } from '@/lib/site'
import './globals.css'

// Inter, Latin, weights 400-900: a subset of @fontsource-variable's file made on npm install (scripts/subset-font.mjs).
const inter = localFont({
  src: '../generated/fonts/inter-latin-wght-400-900.woff2',
  variable: '--font-inter',
  weight: '400 900',
  display: 'swap',
})

// What a page without its own metadata (404s, error pages) inherits; content pages state theirs in full
// (lib/metadata/page-metadata.ts), since Next replaces openGraph, twitter and alternates rather than merging them.
export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
  alternates: { types: feedAlternate },
  openGraph: { siteName: site.name, type: 'website', locale: ogLocale, images: [defaultImage] },
  twitter: { card: 'summary_large_image', images: [{ url: defaultImage.url, alt: defaultImage.alt }] },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="skip-link"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
