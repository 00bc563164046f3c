package fingerprint

import "testing"

func TestName(t *testing.T) {
	data := []byte("body { color: navy }")
	fp := Of(data)
	for _, tc := range []struct{ name, want string }{
		{"css/main.css", "css/main." + fp + ".css"},
		{"favicon.svg", "favicon." + fp + ".svg"},
		{"LICENSE", "LICENSE." + fp},
		{".well-known/x.tar.gz", ".well-known/x.tar." + fp + ".gz"},
	} {
		got := Name(tc.name, data)
		if got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.name, got, tc.want)
		}
		if !Is(got, data) {
			t.Errorf("Is(%q) = false for its own content", got)
		}
		if Is(got, []byte("other")) {
			t.Errorf("Is(%q) = true for other content", got)
		}
		if plain, ok := Plain(got); !ok || plain != tc.name {
			t.Errorf("Plain(%q) = %q, %v, want %q", got, plain, ok, tc.name)
		}
	}
}

func TestLookalikesAreNotFingerprinted(t *testing.T) {
	data := []byte("%PDF")
	for _, name := range []string{"report.20261201.pdf", "css/main.css", "a.DEADBEEF.css", "x.1234567.css"} {
		if Is(name, data) {
			t.Errorf("Is(%q) = true", name)
		}
	}
	if _, ok := Plain("report.pdf"); ok {
		t.Error(`Plain("report.pdf") says it is fingerprinted`)
	}
}

func TestStrip(t *testing.T) {
	in := `<link href="/css/main.4b14a800.css"><img src="/favicon.0a1b2c3d.svg?x=1"> report.20261201.pdf is text`
	want := `<link href="/css/main.css"><img src="/favicon.svg?x=1"> report.20261201.pdf is text`
	if got := string(Strip([]byte(in))); got != want {
		t.Errorf("Strip:\n got %s\nwant %s", got, want)
	}
}
