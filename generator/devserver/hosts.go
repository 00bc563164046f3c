package devserver

import (
	"net"
	"net/http"
	"strings"
)

// LocalOnly returns a handler that passes to h only the requests whose
// Host header names this machine: localhost, a loopback address, or one
// of names (such as the address the server listens on). Any other host is
// refused with 403 Forbidden.
//
// A page on another site can make a browser send requests to a server on
// the reader's own machine by pointing its own host name at 127.0.0.1
// (DNS rebinding); the browser then sends that host name, and the page
// could read the site being written. Checking the Host header stops it.
// lumen serve wraps its server in LocalOnly unless --bind asks for other
// machines to reach it.
func LocalOnly(h http.Handler, names ...string) http.Handler {
	allowed := map[string]bool{"localhost": true}
	for _, n := range names {
		allowed[strings.ToLower(strings.Trim(n, "[]"))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := hostOnly(r.Host)
		if !allowed[host] && !strings.HasSuffix(host, ".localhost") {
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				http.Error(w, "lumen serve answers only requests for localhost or 127.0.0.1; this one was for "+
					r.Host+".\nOpen http://localhost/ with the port lumen serve printed, or start it with --bind to serve other names.",
					http.StatusForbidden)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// hostOnly returns the host of a Host header without its port and
// brackets, in lower case, or "" when the port is not a number.
func hostOnly(hostport string) string {
	host := hostport
	if h, port, err := net.SplitHostPort(hostport); err == nil {
		if strings.Trim(port, "0123456789") != "" {
			return ""
		}
		host = h
	}
	return strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
}
