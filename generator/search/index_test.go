package search

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/ascii8"
)

// TestBuildWritesTheLayout builds an index of a few records and reads it
// as the script does: every file of the layout, records in their files,
// each word's postings, titles scoring above bodies.
func TestBuildWritesTheLayout(t *testing.T) {
	records := []Record{
		{URL: "/conditions/sciatica/", Title: "Sciatica", Kind: "Condition", Body: []string{"Leg pain from a pinched nerve."}, Text: []string{"Leg pain from a pinched nerve."}},
		{URL: "/about/", Title: "About us", Kind: "Page", Body: []string{"We treat sciatica and back pain."}, Text: []string{"We treat sciatica and back pain."}},
	}
	for i := range 20 {
		records = append(records, Record{URL: "/p" + string(rune('a'+i)) + "/", Title: "Page", Body: []string{"filler words"}})
	}
	build := func() map[string][]byte {
		a := NewAnalyzer()
		var docs []Doc
		for _, r := range records {
			docs = append(docs, a.Doc(r))
		}
		// A record analyzed but not indexed, as an old version of a page
		// in lumen serve: its words are not in the index.
		a.Doc(Record{Title: "Gone", Body: []string{"vanished"}})
		files := map[string][]byte{}
		err := Build(a, "", docs, [][]string{{"pinched nerve", "radiculopathy"}}, "/clinic/", func(name string, data []byte) error {
			if files[name] != nil {
				t.Errorf("%s made twice", name)
			}
			files[name] = data
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	files := build()
	layout := Layout{Records: len(records)}
	for _, name := range layout.Files() {
		if files[name] == nil {
			t.Errorf("missing %s", name)
		}
	}
	var meta struct {
		Records, WordFiles, PostingFiles, PerFile int
		All                                       bool
		Synonyms                                  [][]string
	}
	if err := json.Unmarshal(files["search/meta.json"], &meta); err != nil || meta.Records != 22 || meta.WordFiles != layout.WordFiles() ||
		meta.PostingFiles != layout.PostingFiles() || meta.PostingFiles < 2 || !meta.All || meta.PerFile != layout.PerFile() {
		t.Fatalf("meta %+v, %v", meta, err)
	}
	for name, data := range files {
		if !json.Valid(data) {
			t.Errorf("%s is not JSON: %s", name, data)
		}
	}
	// postings reads the postings of word w as the script does: its
	// stem's number from its word file, then the postings of that number.
	postings := func(w string) ([]int, bool) {
		var words map[string]int
		if err := json.Unmarshal(files["search/w/"+strconv.Itoa(shardOf(w, meta.WordFiles))+".json"], &words); err != nil {
			t.Fatal(err)
		}
		n, ok := words[w]
		if !ok {
			return nil, false
		}
		var ps map[string][]int
		if err := json.Unmarshal(files["search/p/"+strconv.Itoa(n%meta.PostingFiles)+".json"], &ps); err != nil {
			t.Fatal(err)
		}
		p, ok := ps[strconv.Itoa(n)]
		if !ok {
			t.Errorf("%s is stem %d, which has no postings", w, n)
		}
		return p, ok
	}
	p, ok := postings("sciatica") // [gap, score, gap, score]: records 0 and 1
	if !ok || len(p) != 4 || p[0] != 0 || p[2] != 1 || p[1] <= p[3] {
		t.Errorf("postings of sciatica %v: want records 0 and 1, the title above the body", p)
	}
	if p, ok := postings("pinched"); !ok || len(p) != 2 || p[0] != 0 {
		t.Errorf("postings of pinched %v: want record 0", p)
	}
	if _, ok := postings("vanished"); ok {
		t.Error("a word of no indexed record is in the index")
	}
	var recs []struct{ U, T, K, X string }
	if err := json.Unmarshal(files["search/r/0.json"], &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || recs[0].U != "/clinic/conditions/sciatica/" || recs[0].K != "Condition" || recs[1].X != "We treat sciatica and back pain." {
		t.Errorf("records: %+v", recs[:2])
	}
	again := build()
	for name, data := range files {
		if string(again[name]) != string(data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestLayoutSizes checks how the index is split as a site grows: word
// files by 64 records, postings files by 8 (at most 256 and 1,024), and
// records four to a file until that would make more than 2,048 files.
func TestLayoutSizes(t *testing.T) {
	tests := []struct{ records, words, postings, perFile, files int }{
		{1, 1, 1, 4, 4},
		{40, 1, 5, 4, 17},
		{8192, 128, 1024, 4, 1 + 128 + 1024 + 2048},
		{8193, 129, 1024, 8, 1 + 129 + 1024 + 1025},
		{20598, 256, 1024, 16, 1 + 256 + 1024 + 1288},
		{100000, 256, 1024, 16, 1 + 256 + 1024 + 6250},
	}
	for _, tt := range tests {
		l := Layout{Records: tt.records}
		if got := [...]int{l.WordFiles(), l.PostingFiles(), l.PerFile(), len(l.Files())}; got != [...]int{tt.words, tt.postings, tt.perFile, tt.files} {
			t.Errorf("%d records: words, postings, per file, files = %v, want %v", tt.records, got, [...]int{tt.words, tt.postings, tt.perFile, tt.files})
		}
	}
}

// TestAppendRecordsIsJSON holds appendRecords to what encoding/json
// writes of the same records, for text with every ASCII byte, escapes of
// HTML, accents, invalid UTF-8 and the line separators JavaScript once
// refused.
func TestAppendRecordsIsJSON(t *testing.T) {
	var all strings.Builder
	for c := range 0x80 {
		all.WriteByte(byte(c))
	}
	texts := []string{"", "Slipped disc", all.String(), "Ciática <b>&</b> \"q\" \\", "a\xffb", "x\u2028y\u2029z", "ñandú é", "\x7f\x00\t\n", "\u00a0"}
	type shown struct {
		URL   string `json:"u"`
		Title string `json:"t"`
		Kind  string `json:"k"`
		Text  string `json:"x"`
	}
	var docs []Doc
	var want []shown
	for i, s := range texts {
		d := Doc{URL: "/p/" + s, Title: s, Kind: texts[(i+1)%len(texts)], Snippet: s + s}
		docs = append(docs, d)
		want = append(want, shown{"/base" + d.URL, d.Title, d.Kind, d.Snippet})
	}
	wantJSON, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if got := appendRecords(nil, docs, "/base"); string(got) != string(wantJSON) {
		t.Errorf("appendRecords wrote\n%s\nencoding/json\n%s", got, wantJSON)
	}
	for c := range 0x80 {
		s := string(rune(c))
		m, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(m) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json %s", s, got, m)
		}
		// Among plain bytes, at every place of eight, and the
		// snippet-long text around them.
		for at := range 8 {
			b := []byte("plaintxt")
			b[at] = byte(c)
			s := strings.Repeat("Sciatica hurts. ", 3) + string(b) + " and more"
			m, _ := json.Marshal(s)
			if got := appendJSONString(nil, s); string(got) != string(m) {
				t.Errorf("appendJSONString(%q) = %s, encoding/json %s", s, got, m)
			}
		}
	}
}

// TestJSONPlain8 holds jsonPlain8 to jsonPlain: any byte, at any place of
// eight plain ones, and two at once.
func TestJSONPlain8(t *testing.T) {
	for c := range 256 {
		want := c < 0x80 && jsonPlain[c]
		for at := range 8 {
			b := []byte("plaintxt")
			b[at] = byte(c)
			if got := jsonPlain8(ascii8.Load(string(b), 0)); got != want {
				t.Errorf("jsonPlain8(%q) = %v; want %v", b, got, want)
			}
			for d := range 256 {
				b2 := bytes.Clone(b)
				b2[(at+3)%8] = byte(d)
				want2 := want && d < 0x80 && jsonPlain[d]
				if got := jsonPlain8(ascii8.Load(string(b2), 0)); got != want2 {
					t.Errorf("jsonPlain8(%q) = %v; want %v", b2, got, want2)
				}
			}
		}
	}
}

// FuzzAppendJSONString holds appendJSONString to encoding/json on any
// text.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "<&>", "a\xffb", "x\u2028y", "ñ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(m) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json %s", s, got, m)
		}
	})
}
