package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// FuzzTextWriter holds textWriter to goldmark's writer: the same bytes out
// of Write and of RawWrite, whatever the text.
func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{"", "plain text", "a < b & c > d", `say "hi"`, `\*not emphasis\*`, "&amp; &#x22; &#34; &copy;", "nul\x00byte", `end \`, "ünï ✓", `a\ b`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, raw := range []bool{false, true} {
			var got, want bytes.Buffer
			gw, ww := bufio.NewWriter(&got), bufio.NewWriter(&want)
			if raw {
				textWriter{html.DefaultWriter}.RawWrite(gw, src)
				html.DefaultWriter.RawWrite(ww, src)
			} else {
				textWriter{html.DefaultWriter}.Write(gw, src)
				html.DefaultWriter.Write(ww, src)
			}
			gw.Flush()
			ww.Flush()
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("raw %v: %q wrote %q, goldmark's writer %q", raw, src, got.Bytes(), want.Bytes())
			}
		}
	})
}
