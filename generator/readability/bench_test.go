package readability

import (
	"bufio"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// contentWords returns the words of testdata/cmu-content.tsv, each
// repeated as often as it occurs in the demo site's pages, so that a
// random pick follows the site's word frequencies.
func contentWords(t testing.TB) []string {
	f, err := os.Open("testdata/cmu-content.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 4 {
			t.Fatalf("bad line %q", line)
		}
		n, err := strconv.Atoi(fields[3])
		if err != nil {
			t.Fatalf("bad line %q", line)
		}
		for range max(n, 1) {
			words = append(words, fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return words
}

// variedPage returns a page of about n words of English prose drawn from
// the demo site's vocabulary with a fixed seed: headings, paragraphs of
// several lines and list items, with capitalised sentence starts, commas,
// numbers, hyphenated words, abbreviations and the odd link.
func variedPage(t testing.TB, n int) []Block {
	words := contentWords(t)
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return words[r.IntN(len(words))] }
	sentence := func(min, max int) string {
		var b strings.Builder
		k := min + r.IntN(max-min+1)
		for i := range k {
			w := pick()
			switch x := r.IntN(100); {
			case x < 2:
				w = strconv.Itoa(r.IntN(2000))
			case x < 3:
				w = "3.5"
			case x < 5:
				w += "-" + pick()
			case x < 6:
				w = "e.g."
			case x < 7:
				w = "https://example.com/" + pick()
			case x < 8:
				w = "MRI"
			}
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
				if r.IntN(12) == 0 {
					b.WriteByte('\n')
				}
			}
			b.WriteString(w)
			if i < k-1 && r.IntN(10) == 0 {
				b.WriteByte(',')
			}
		}
		return b.String()
	}
	var blocks []Block
	line, total := 1, 0
	for total < n {
		var b Block
		switch x := r.IntN(10); {
		case x == 0:
			b = Block{Text: sentence(2, 6), Heading: true}
		case x < 3:
			b = Block{Text: sentence(4, 14) + ".", ListItem: true}
		default:
			var sents []string
			for range 2 + r.IntN(5) {
				sents = append(sents, sentence(4, 30)+[...]string{".", ".", ".", "?", "!"}[r.IntN(5)])
			}
			b = Block{Text: strings.Join(sents, " ")}
		}
		b.Line = line
		line += strings.Count(b.Text, "\n") + 2
		total += len(strings.Fields(b.Text))
		blocks = append(blocks, b)
	}
	return blocks
}

// BenchmarkAnalyzeVaried analyses a page of about 1,000 words of varied
// prose, fewer of them repeated than in BenchmarkAnalyze's page.
func BenchmarkAnalyzeVaried(b *testing.B) {
	a := New(nil)
	blocks := variedPage(b, 1000)
	b.ReportAllocs()
	var r Report
	for b.Loop() {
		r = a.Analyze(blocks)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*r.Words), "ns/word")
}

// BenchmarkAnalyzeFirstPage analyses the page of BenchmarkAnalyzeVaried
// with a new Analyzer each time, which has counted no word yet: the cost
// of a site's first pages.
func BenchmarkAnalyzeFirstPage(b *testing.B) {
	blocks := variedPage(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		a := New(nil)
		b.StartTimer()
		a.Analyze(blocks)
	}
}
