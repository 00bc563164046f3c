package generator

import (
	"bytes"
	"html/template"
	"maps"
	"reflect"
	"testing"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
)

// aCachedPage returns a cachedPage with every field set.
func aCachedPage() *cachedPage {
	return &cachedPage{
		Key:   [32]byte{1, 2, 3},
		Own:   [32]byte{4, 5},
		Sum:   [32]byte{31: 9},
		Reads: [32]byte{7, 8},
		Deps:  pageDeps{ids: []uint64{3, 1 << 40, 1<<64 - 1}, sure: true},
		Findings: diag.List{
			{File: "content/a.md", Line: 3, Col: 7, Rule: "plain.jargon", Severity: diag.SeverityWarning, Msg: `"acute" has a plainer word`, Hint: "say sudden"},
			{File: "content/a.md", Line: -1, Msg: "an error without a rule"},
		},
		Dropped:   4,
		IDs:       "causes\nsymptoms",
		Fragments: []markdown.Link{{Dest: "#causes", URL: "#causes", Line: 12, Text: "causes", Image: true, External: true}, {}},
		Targets:   []markdown.Link{{Dest: "../conditions/sciatica.md", URL: "/conditions/sciatica/"}, {Dest: "/contact/", URL: "/contact/"}},
		Content:   true,
		Docs: []search.Saved{
			{URL: "/a/", Title: "Sciatica", Kind: "Condition", Snippet: "Leg pain", Length: 120, Words: []byte{1, 2, 3}, Terms: []byte{0, 4}},
			{URL: "/a/#faq", Length: 0},
		},
	}
}

// TestPageCodec encodes a cachedPage and decodes it back, field for
// field, and refuses every head and body cut short or too long.
func TestPageCodec(t *testing.T) {
	rec := aCachedPage()
	head, body := encodePage(rec)
	got, err := decodePage(head, body)
	if err != nil {
		t.Fatal(err)
	}
	// Empty and nil lists are alike in a blob.
	want := *rec
	want.Docs[1].Words, want.Docs[1].Terms = []byte{}, []byte{}
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("decoded\n%+v\nwant\n%+v", got, &want)
	}
	if key, own, sum, ok := blobKeys(head); !ok || key != rec.Key || own != rec.Own || sum != rec.Sum {
		t.Errorf("blobKeys = %x, %x, %x, %v; want %x, %x, %x", key, own, sum, ok, rec.Key, rec.Own, rec.Sum)
	}
	if d, ok := blobDeps(head); !ok || !reflect.DeepEqual(d, rec.Deps) {
		t.Errorf("blobDeps = %+v, %v; want %+v", d, ok, rec.Deps)
	}
	if again := encodePageHead(got); !bytes.Equal(again, head) {
		t.Errorf("the head of a decoded page is\n%x\nnot\n%x", again, head)
	}
	for n := range len(head) {
		if _, err := decodePage(head[:n], body); err == nil {
			t.Errorf("a head cut to %d of %d bytes was decoded", n, len(head))
		}
	}
	for n := range len(body) {
		if _, err := decodePage(head, body[:n]); err == nil {
			t.Errorf("a body cut to %d of %d bytes was decoded", n, len(body))
		}
	}
	if _, err := decodePage(append(head, 0), body); err == nil {
		t.Error("a head with a byte too many was decoded")
	}
	if _, err := decodePage(head, append(body, 0)); err == nil {
		t.Error("a body with a byte too many was decoded")
	}
	// A file of the search index has a head alone.
	if _, err := decodePage(encodePageHead(&cachedPage{Key: rec.Key}), nil); err == nil {
		t.Error("a head without a body was decoded as a page")
	}
}

// TestPageCodecFields fails when a type the codec writes gains a field:
// encodePage and decodePage must learn it, or the cache would drop it.
func TestPageCodecFields(t *testing.T) {
	for _, tc := range []struct {
		typ    reflect.Type
		fields int
	}{
		{reflect.TypeFor[cachedPage](), 12},
		{reflect.TypeFor[pageDeps](), 2},
		{reflect.TypeFor[diag.Error](), 7},
		{reflect.TypeFor[markdown.Link](), 6},
		{reflect.TypeFor[search.Saved](), 7},
		{reflect.TypeFor[site.Body](), 8},
		{reflect.TypeFor[markdown.Heading](), 3},
		{reflect.TypeFor[markdown.Prose](), 4},
	} {
		if n := tc.typ.NumField(); n != tc.fields {
			t.Errorf("%v has %d fields; the build cache's codec (cachecodec.go) writes %d", tc.typ, n, tc.fields)
		}
	}
}

// FuzzDecodePage decodes any bytes without panicking, and what it decodes
// encodes to a head and a body that decode alike; decoded into a
// pageSpace that held another page (as a build carrying pages over does),
// it is what it is decoded into nothing.
func FuzzDecodePage(f *testing.F) {
	head, body := encodePage(aCachedPage())
	f.Add(head, body)
	head, body = encodePage(&cachedPage{})
	f.Add(head, body)
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, head, body []byte) {
		rec, err := decodePage(head, body)
		var space pageSpace
		h, b := encodePage(aCachedPage())
		if _, err := decodePageIn(h, b, &space); err != nil {
			t.Fatal(err)
		}
		in, errIn := decodePageIn(head, body, &space)
		if (err == nil) != (errIn == nil) || err == nil && !reflect.DeepEqual(in, rec) {
			t.Fatalf("decoded into a space used before: %+v, %v; into nothing: %+v, %v", in, errIn, rec, err)
		}
		if err != nil {
			return
		}
		again, err := decodePage(encodePage(rec))
		if err != nil {
			t.Fatalf("a decoded page encodes to one that does not decode: %v", err)
		}
		if len(again.Findings) != len(rec.Findings) || again.IDs != rec.IDs || len(again.Docs) != len(rec.Docs) ||
			again.Key != rec.Key || !reflect.DeepEqual(again.Deps, rec.Deps) {
			t.Fatalf("a decoded page encodes otherwise:\n%+v\n%+v", again, rec)
		}
	})
}

// aBody returns a converted page with every field set.
func aBody() *site.Body {
	return &site.Body{
		HTML:        "<p>Sciatica is <a href=\"/glossary/#nerve\">nerve</a> pain.</p>",
		TOC:         []markdown.Heading{{Level: 2, ID: "causes", Text: "Causes"}, {Level: 3}},
		Answers:     []template.HTML{"<p>Yes.</p>", ""},
		Prose:       []markdown.Prose{{Text: "Sciatica is nerve pain.", Line: 9, Heading: true, ListItem: true}, {Line: -2}},
		AnswerProse: []int{1, 2},
		Links:       []markdown.Link{{Dest: "../x.md", URL: "/x/", Line: 4, Text: "x", Image: true, External: true}},
		Defined:     []string{"nerve", "disc"},
		Errs:        diag.List{{File: "content/a.md", Line: 4, Col: 2, Rule: "link.broken", Severity: diag.SeverityError, Msg: "no page", Hint: "fix it"}},
	}
}

// TestBodyCodec encodes a converted page and decodes it back, field for
// field, and refuses every blob cut short or too long.
func TestBodyCodec(t *testing.T) {
	for _, b := range []*site.Body{aBody(), {}} {
		blob := encodeBody(b)
		got, err := decodeBody(blob)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, b) {
			t.Errorf("decoded\n%+v\nwant\n%+v", got, b)
		}
		for n := range len(blob) {
			if _, err := decodeBody(blob[:n]); err == nil {
				t.Errorf("a blob cut to %d of %d bytes was decoded", n, len(blob))
			}
		}
		if _, err := decodeBody(append(blob, 0)); err == nil {
			t.Error("a blob with a byte too many was decoded")
		}
	}
}

// FuzzDecodeBody decodes any bytes without panicking, and what it decodes
// encodes to a blob that decodes alike.
func FuzzDecodeBody(f *testing.F) {
	f.Add(encodeBody(aBody()))
	f.Add(encodeBody(&site.Body{}))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, blob []byte) {
		b, err := decodeBody(blob)
		if err != nil {
			return
		}
		again, err := decodeBody(encodeBody(b))
		if err != nil {
			t.Fatalf("a decoded blob encodes to one that does not decode: %v", err)
		}
		if !reflect.DeepEqual(again, b) {
			t.Fatalf("a decoded blob encodes otherwise:\n%+v\n%+v", again, b)
		}
	})
}

// TestStructureRecord reads back the structure a record keeps, and
// refuses a record of the wrong length.
func TestStructureRecord(t *testing.T) {
	parts := map[uint64]uint64{1: 2, 1<<64 - 1: 0, 42: 1<<63 + 5}
	got, ok := decodeStructure(encodeStructure(parts))
	if !ok || !maps.Equal(got, parts) {
		t.Errorf("got %v, %v; want %v", got, ok, parts)
	}
	if _, ok := decodeStructure(make([]byte, 15)); ok {
		t.Error("a record of 15 bytes was read")
	}
}
