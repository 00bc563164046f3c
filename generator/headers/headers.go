// Package headers makes the HTTP headers of a site: the security headers,
// in the _headers file that static hosts such as Netlify and Cloudflare
// Pages read and in the dev server, so that a page that works in the dev
// server works when published; the Content-Type of each file; and how long
// caches may keep it. Parse reads a _headers file back, for lumen deploy
// to apply its rules to object storage.
package headers

import (
	"net/http"
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
)

// Path is where the security headers are published, in the format
// Netlify and Cloudflare Pages read: a path pattern, then indented
// "Name: value" lines.
const Path = "_headers"

// For returns the HTTP headers every page of the site should be served
// with. Pages load nothing from other hosts unless site.yaml allows a host
// on purpose (privacy.allowed_hosts), and the Content-Security-Policy says
// so to the browser:
//
//   - Content-Security-Policy: everything from this site only ('self'),
//     plus the allowed hosts over https; data: images; no plugins
//     (object-src 'none'); no framing by other sites (frame-ancestors
//     'none'); forms sent only here or to an allowed host.
//   - Referrer-Policy: strict-origin-when-cross-origin, so the address of
//     a condition page a patient read never leaves the site.
//   - X-Content-Type-Options: nosniff.
//   - Permissions-Policy: no camera, microphone, location, payment, USB or
//     ad-interest features.
//
// The dev server sends the same headers, so a page that works in lumen
// serve works when published.
func For(cfg *config.Config) http.Header {
	var hosts []string
	for _, h := range cfg.Privacy.AllowedHosts {
		hosts = append(hosts, "https://"+h)
	}
	src := func(base ...string) string { return strings.Join(append(base, hosts...), " ") }
	frames := "'none'"
	if len(hosts) > 0 {
		frames = strings.Join(hosts, " ")
	}
	csp := strings.Join([]string{
		"default-src " + src("'self'"),
		"script-src " + src("'self'"),
		"style-src " + src("'self'"),
		"img-src " + src("'self'", "data:"),
		"font-src " + src("'self'"),
		"connect-src " + src("'self'"),
		"frame-src " + frames,
		"form-action " + src("'self'"),
		"object-src 'none'",
		"base-uri 'self'",
		"frame-ancestors 'none'",
	}, "; ")
	h := http.Header{}
	h.Set("Content-Security-Policy", csp)
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()")
	return h
}

// File returns the _headers file applying the headers of For to every
// path, and CacheFingerprinted to each of the fingerprinted files, named
// as site paths without the site's base path ("css/main.4b14a800.css").
func File(cfg *config.Config, fingerprinted []string) []byte {
	h := For(cfg)
	var b strings.Builder
	b.WriteString("# Security headers for static hosts that read this file (Netlify, Cloudflare Pages).\n" + cfg.BasePath() + "*\n")
	for _, name := range []string{"Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "Permissions-Policy"} {
		b.WriteString("  " + name + ": " + h.Get(name) + "\n")
	}
	if len(fingerprinted) > 0 {
		b.WriteString("# Files named with the fingerprint of their content: a change makes a new name, so they may be kept a year.\n")
	}
	for _, name := range fingerprinted {
		b.WriteString(cfg.BasePath() + name + "\n  Cache-Control: " + CacheFingerprinted + "\n")
	}
	return []byte(b.String())
}
