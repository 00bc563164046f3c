package decap

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestSums checks every embedded file against SHA256SUMS, which update.sh
// wrote from the tarball it checked against package-lock.json.
func TestSums(t *testing.T) {
	sums := Sums()
	names := Names()
	if len(names) != len(sums) {
		t.Errorf("%d files embedded, %d in SHA256SUMS", len(names), len(sums))
	}
	for _, name := range names {
		data, err := Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		h := sha256.Sum256(data)
		if got := hex.EncodeToString(h[:]); got != sums[name] {
			t.Errorf("%s: sha256 %s, SHA256SUMS says %s", name, got, sums[name])
		}
	}
	if Version() == "" || !strings.Contains(string(License()), "MIT License") {
		t.Errorf("version %q, licence %.40q", Version(), License())
	}
}

func TestHandler(t *testing.T) {
	h := Handler()
	for _, tc := range []struct {
		name, path, accept string
		status             int
		encoding, ctype    string
	}{
		{"gzip", "/admin/decap-cms.js", "gzip, deflate, br", 200, "gzip", "text/javascript; charset=utf-8"},
		{"plain", "/admin/decap-cms.js", "", 200, "", "text/javascript; charset=utf-8"},
		{"refused gzip", "/admin/decap-cms.js", "gzip;q=0", 200, "", "text/javascript; charset=utf-8"},
		{"wasm", "/admin/" + wasmName(t), "gzip", 200, "gzip", "application/wasm"},
		{"unknown", "/admin/nothing.js", "gzip", 404, "", ""},
		{"climbing", "/admin/../decap.go", "gzip", 404, "", ""},
		{"licence", "/admin/LICENSE", "gzip", 404, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "http://localhost"+tc.path, nil)
			if tc.accept != "" {
				r.Header.Set("Accept-Encoding", tc.accept)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d", w.Code, tc.status)
			}
			if tc.status != 200 {
				return
			}
			if got := w.Header().Get("Content-Encoding"); got != tc.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.encoding)
			}
			if got := w.Header().Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type %q, want %q", got, tc.ctype)
			}
			body, _ := io.ReadAll(w.Body)
			if tc.encoding == "" && tc.ctype != "application/wasm" && !strings.Contains(string(body[:200]), "decap") && !strings.Contains(string(body[:200]), "LICENSE") {
				t.Errorf("body starts %.80q", body)
			}
		})
	}
}

func wasmName(t *testing.T) string {
	for _, n := range Names() {
		if strings.HasSuffix(n, ".wasm") {
			return n
		}
	}
	t.Fatal("no .wasm file embedded")
	return ""
}
