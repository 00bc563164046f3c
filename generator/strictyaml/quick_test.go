package strictyaml

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// quickSeeds are front matter as Lumen sites write it, and near misses.
var quickSeeds = []string{
	"title: \"Acute Arthritis\"\ndescription: \"The neck: as swelling has # all.\"\nkey_points:\n  - \"One.\"\n  - \"Two\"\nauthor: \"aisha-murphy\"\nlast_reviewed: 2025-01-09\nnext_review: 2030-01-09\n",
	"title: Sciatica\nweight: 3\nalso_known_as:\n- pinched nerve\n- Ciática lumbar\n",
	"title: Don't panic, it's (mostly) fine!\ndraft: false\n",
	"title: \"x\"\n\n\ntags:\n  - back\n  - neck\nsummary: \"Ciática: dolor\"",
	"date: 2025-02-30\n", "date: 2025-2-3\n", "n: 007\n", "n: 0\n", "n: 12345678901\n", "t: True\n", "t: yes\n", "t: ~\n",
	"a: b\na: c\n", "a:\n", "a:\nb: c\n", "a:  b\n", "a: b \n", "a: b  c\n", "a: 'b'\n", "a: \"b\\n\"\n", "a: \"b\" # c\n",
	"a:\n  - b\n - c\n", "a:\n  - b\n    - c\n", "a:\n  -  b\n", "a:\n  -\n", "a: b\n  - c\n", "-  a\n", "A: b\n", "a1: b\n", "_a: b\n",
	"q:\n  - question: \"Why?\"\n    answer: \"Because.\"\n  - question: How\n    answer: 3\n", "q:\n- a: b\n  c: d\n- e\n",
	"q:\n  - a: b\n   c: d\n", "q:\n  - a:\n      b: c\n", "q:\n  - a: b\n    - c\n", "q:\n  - a: b\nc: d\n", "q:\n  - http://x\n",
	"a: b\tc\n", "a: b\r\n", "a: \"\u00a0\"\n", "a: \"\u2028\"\n", "a: \"\ufeff\"\n", "a: \"\x7f\"\n", "a: b\u0085c\n", "a: \"\xff\"\n",
	"  a: b\n", "a: b\n \n", "a: -b\n", "a: b:c\n", "a: b #c\n", "a: 1e3\n", "a: 1.5\n", "a: \"\"\n", "a: \"#\"\n", "false: a\n", "null: a\n", "y: a\n",
}

// FuzzQuickParse holds quickParse to yaml.Unmarshal: whatever it reads,
// yaml.Unmarshal reads without error into the same node.
func FuzzQuickParse(f *testing.F) {
	for _, s := range quickSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := quickParse([]byte(s))
		if !ok {
			return
		}
		sameAsUnmarshal(t, s, got)
	})
}

// TestQuickParseMatchesUnmarshal puts together documents of the shapes
// quickParse reads, with the characters around its edges, and holds what
// it reads to yaml.Unmarshal, as FuzzQuickParse does for any text; most
// of them must be read.
func TestQuickParseMatchesUnmarshal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	text := func(quoted bool) string {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			if rng.IntN(10) < 8 {
				b.WriteString(pick("a", "Z", "9", " ", "é"))
				continue
			}
			if quoted {
				b.WriteString(pick("a", "Z", "9", " ", ":", "#", "'", "-", ",", "é", "ñ", "¿", "😀", "&", "*", "!", "%", "@", "`", "|", ">", "{", "[", "\\", "\"", "\t", "\u00a0", "\u2028"))
			} else {
				b.WriteString(pick("a", "Z", "9", " ", "-", ".", ",", "'", "(", ")", "/", "?", "!", "é", "ñ", ":", "#", " #", ": ", "&", ";", "%", "+", "\"", "*", "@", "[", "]", "{", "}", "`", "=", "<", ">", "~", "^", "$", "_", "|", "\\", "\t", "\u00a0"))
			}
		}
		return b.String()
	}
	value := func() string {
		switch rng.IntN(6) {
		case 0, 1:
			return "\"" + text(true) + "\""
		case 2:
			return pick("a", "B", "y", "n", "no", "on", "x") + text(false)
		case 3:
			return pick("2025-01-09", "2024-02-29", "2025-02-29", "2025-13-01", "1999-12-31", "0000-01-01", "2025-01-9")
		case 4:
			return pick("0", "1", "42", "123456789", "1234567890", "007", "1_000", "true", "False", "null", "~")
		default:
			return text(false)
		}
	}
	read, readItems := 0, 0 // documents read, and those with a mapping in a list
	const docs = 200000
	for d := range docs {
		var b strings.Builder
		if d%4 == 0 {
			// An FAQ's questions alone, whose lists of mappings are
			// seldom read whole when among other keys.
			b.WriteString("questions:\n")
			indent := pick("  ", "", "  ", "  ", " ")
			for range 1 + rng.IntN(3) {
				b.WriteString(indent + "- question: " + value() + "\n" + indent + "  answer: " + value() + "\n")
			}
		}
		for range rng.IntN(6) {
			b.WriteString(pick("title", "also_known_as", "key_points", "a1", "x", "title", "_k", "summary", "Title", "9a", "true", "null", "y", "on"))
			switch rng.IntN(4) {
			case 0:
				b.WriteString(":\n")
				indent := pick("  ", "", "  ", "  ", " ")
				for range 1 + rng.IntN(3) {
					b.WriteString(indent + "- " + value() + "\n")
				}
			case 1:
				// A list of mappings, as an FAQ's questions.
				b.WriteString(":\n")
				indent := pick("  ", "", "  ", "  ", " ")
				for range 1 + rng.IntN(3) {
					b.WriteString(indent + "- ")
					for j := range 1 + rng.IntN(3) {
						if j > 0 {
							b.WriteString(indent + pick("  ", "  ", "  ", "  ", "  ", " ", "   ", ""))
						}
						b.WriteString(pick("question", "answer", "url", "a", "question", "answer", "Title", "x-y", "null") + pick(": ", ": ", ": ", ": ", ": ", ":", ":  ") + value() + "\n")
					}
				}
			default:
				b.WriteString(": " + value() + "\n")
			}
			if rng.IntN(8) == 0 {
				b.WriteString("\n")
			}
		}
		s := b.String()
		got, ok := quickParse([]byte(s))
		if !ok {
			continue
		}
		read++
		for _, v := range got.Content {
			if v.Kind == yaml.SequenceNode && v.Content[0].Kind == yaml.MappingNode {
				readItems++
				break
			}
		}
		sameAsUnmarshal(t, s, got)
	}
	if read < docs/20 || readItems < docs/200 {
		t.Errorf("quickParse read %d of %d documents, %d with a list of mappings: the test tries too little of it", read, docs, readItems)
	}
	t.Logf("quickParse read %d of %d documents, %d with a list of mappings", read, docs, readItems)
}

// TestQuickParseReadsFrontMatter checks that the plain front matter of
// the synthetic sites and of most pages is read by quickParse, and what
// it leaves to yaml.Unmarshal.
func TestQuickParseReadsFrontMatter(t *testing.T) {
	for _, tt := range []struct {
		yaml  string
		quick bool
	}{
		{quickSeeds[0], true},
		{quickSeeds[1], true},
		{quickSeeds[2], true},
		{"title: Spine & Pain\nimage: images/creek.jpg\naccepting_new_patients: true\nnpi: \"1048729135\"\n", true},
		{"title: x\nfield: null\n", false},
		{"title: \"Acne FAQ\"\nquestions:\n  - question: \"Is it serious?\"\n    answer: \"Most often it is not.\"\n  - question: \"What helps?\"\n    answer: \"Rest.\"\nauthor: \"liam-mensah\"\n", true},
		{"title: Sciatica # the usual name\n", false},
		{"questions:\n  - question: \"Why?\"\n    answer: |\n      Because.\n", false},
		{"medical:\n  last_reviewed: 2025-01-09\n", false},
		{"title: 'Sciatica'\n", false},
	} {
		if _, ok := quickParse([]byte(tt.yaml)); ok != tt.quick {
			t.Errorf("quickParse(%q) read it: %v, want %v", tt.yaml, ok, tt.quick)
		}
	}
}

// sameAsUnmarshal fails the test unless yaml.Unmarshal reads s without
// error into got, the node quickParse read.
func sameAsUnmarshal(t *testing.T, s string, got *yaml.Node) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(s), &root); err != nil {
		t.Fatalf("quickParse read %q, which yaml.Unmarshal refuses: %v", s, err)
	}
	if len(root.Content) != 1 || !reflect.DeepEqual(got, root.Content[0]) {
		t.Fatalf("quickParse(%q) =\n%s\nyaml.Unmarshal:\n%s", s, dump(got), dump(&root))
	}
}

// dump writes a node tree for a failure message.
func dump(n *yaml.Node) string {
	var out []byte
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		for range depth {
			out = append(out, "  "...)
		}
		out = fmt.Appendf(out, "kind %d style %d tag %q value %q at %d:%d anchor %q comments %q %q %q\n",
			n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, n.Anchor, n.HeadComment, n.LineComment, n.FootComment)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return string(out)
}
