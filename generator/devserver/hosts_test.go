package devserver

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestLocalOnly answers requests for this machine and refuses every other
// Host header, as DNS rebinding would send.
func TestLocalOnly(t *testing.T) {
	h := LocalOnly(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }), "192.168.1.20")
	for host, want := range map[string]int{
		"localhost:1313":           http.StatusOK,
		"LOCALHOST:1313":           http.StatusOK,
		"localhost":                http.StatusOK,
		"localhost.:1313":          http.StatusOK,
		"127.0.0.1:1313":           http.StatusOK,
		"127.0.0.2":                http.StatusOK,
		"[::1]:1313":               http.StatusOK,
		"site.localhost:1313":      http.StatusOK,
		"192.168.1.20:1313":        http.StatusOK,
		"attacker.example:1313":    http.StatusForbidden,
		"attacker.example":         http.StatusForbidden,
		"127.0.0.1.nip.io:1313":    http.StatusForbidden,
		"localhost.attacker.com":   http.StatusForbidden,
		"192.168.1.21:1313":        http.StatusForbidden,
		"":                         http.StatusForbidden,
		"[::ffff:7f00:1]:1313":     http.StatusOK, // 127.0.0.1, mapped
		"0.0.0.0:1313":             http.StatusForbidden,
		"1313":                     http.StatusForbidden,
		"evil.com:80@localhost":    http.StatusForbidden,
		"localhost:1313/.evil.com": http.StatusForbidden,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: %d, want %d", host, w.Code, want)
		}
	}
}
