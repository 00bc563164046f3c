package content

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in       string
		front, body    string
		bodyLine       int
		err            string
		wantFrontIsNil bool
	}{
		{name: "plain", in: "---\ntitle: A\n---\nBody\n", front: "title: A\n", body: "Body\n", bodyLine: 3},
		{name: "crlf", in: "---\r\ntitle: A\r\n---\r\nBody\r\n", front: "title: A\n", body: "Body\n", bodyLine: 3},
		{name: "bom", in: "\ufeff---\ntitle: A\n---\nBody", front: "title: A\n", body: "Body", bodyLine: 3},
		{name: "dots close", in: "---\ntitle: A\n...\nBody", front: "title: A\n", body: "Body", bodyLine: 3},
		{name: "trailing spaces on fences", in: "--- \ntitle: A\n---  \nB", front: "title: A\n", body: "B", bodyLine: 3},
		{name: "empty front", in: "---\n---\nBody", front: "", body: "Body", bodyLine: 2},
		{name: "nothing after front", in: "---\ntitle: A\n---", front: "title: A\n", body: "", bodyLine: 3},
		{name: "no front", in: "# Hi\n", body: "# Hi\n", wantFrontIsNil: true},
		{name: "thematic break later is body", in: "---\na: 1\n---\nx\n---\ny", front: "a: 1\n", body: "x\n---\ny", bodyLine: 3},
		{name: "unclosed", in: "---\ntitle: A\nBody\n", err: "x.md:1: front matter opened with --- is never closed"},
		{name: "only opening", in: "---", err: "x.md:1: front matter opened with --- is never closed"},
		{name: "toml", in: "+++\ntitle = 'A'\n+++\n", err: "x.md:1: front matter written as TOML between +++ lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body, line, err := Split("x.md", []byte(tt.in))
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(front) != tt.front || string(body) != tt.body || line != tt.bodyLine || (front == nil) != tt.wantFrontIsNil {
				t.Errorf("got front %q body %q line %d", front, body, line)
			}
		})
	}
}

// FuzzSplit checks that Split never panics and that the body it returns,
// placed after bodyLine lines, is the end of the normalised file.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"---\ntitle: A\n---\nBody\n", "---\r\n---\r\n", "\ufeff---\n...", "+++\n", "---", "", "x\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		front, body, line, err := Split("x.md", data)
		if err != nil {
			return
		}
		norm := strings.ReplaceAll(strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\r\n", "\n"), "\r", "\n")
		if !strings.HasSuffix(norm, string(body)) {
			t.Fatalf("body %q is not the end of %q", body, norm)
		}
		if front != nil && strings.Count(norm[:len(norm)-len(body)], "\n") != line && len(body) > 0 {
			t.Fatalf("bodyLine %d does not count the lines before the body in %q", line, norm)
		}
	})
}
