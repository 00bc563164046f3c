package search

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-ssg/lumen/generator/ascii8"
)

// Dir is the folder of the site the index is published in.
const Dir = "search"

// The weights of the fields of a record. A word of the title or of the
// other names adds nameBonus to the score of the rest of the record, which
// saturates (BM25): a word in the title counts as much as a word the body
// is full of, whatever the body's length.
const (
	nameBonus      = 2.0
	weightLead     = 4 // the summary, key points, lists of the front matter
	weightHeadings = 3
	weightBody     = 1
)

// allBytes is the size under which the script fetches every file of words
// and postings at once.
const allBytes = 200 << 10

// snippetBytes is how much of a record's text is kept for its snippet.
const snippetBytes = 800

// Layout is the names of the files of an index of a number of records:
// known before any page is made.
type Layout struct {
	Records int
	// Folder is the folder of the site the index is in: Dir, or, for a
	// language other than the default one, "es/search".
	Folder string
}

// dir returns the folder of the index.
func (l Layout) dir() string {
	if l.Folder == "" {
		return Dir
	}
	return l.Folder
}

// WordFiles returns how many files the words are split in, by their first
// two letters: about one per 64 records, at least one and at most 256. A
// word file lists words and their stems' numbers only, so that a query
// reads every word that begins like its own (for prefixes and typos) in a
// small file.
func (l Layout) WordFiles() int {
	return min(max((l.Records+63)/64, 1), 256)
}

// PostingFiles returns how many files the postings are split in, by
// their stem's number: about one per eight records, at least one and at
// most 1,024, so that a query reads the postings of its own stems and few
// others'.
func (l Layout) PostingFiles() int {
	return min(max((l.Records+7)/8, 1), 1024)
}

// PerFile returns how many records one file of records holds: four, so
// that a results page of ten fetches a few small files, or, when that
// would make more than 2,048 files, 8 or 16: a build writes each file, and
// on a disk thousands of small files cost more than a few more bytes a
// query.
func (l Layout) PerFile() int {
	n := 4
	for n < 16 && (l.Records+n-1)/n > 2048 {
		n *= 2
	}
	return n
}

// Files returns the names of the index's files, relative to the site.
func (l Layout) Files() []string {
	dir := l.dir()
	names := []string{dir + "/meta.json"}
	for i := range l.WordFiles() {
		names = append(names, dir+"/w/"+strconv.Itoa(i)+".json")
	}
	for i := range l.PostingFiles() {
		names = append(names, dir+"/p/"+strconv.Itoa(i)+".json")
	}
	per := l.PerFile()
	for i := 0; i < l.Records; i += per {
		names = append(names, l.RecordsFile(i/per))
	}
	return names
}

// RecordsFile returns the name of the file of records numbered n, which
// holds the records from n×PerFile on.
func (l Layout) RecordsFile(n int) string {
	return l.dir() + "/r/" + strconv.Itoa(n) + ".json"
}

// Records returns the bytes of the file of records that holds docs, their
// addresses under the site's base path base: what Build writes.
func Records(docs []Doc, base string) []byte {
	base = strings.TrimSuffix(base, "/")
	// Room for the file as it nearly always is, with nothing escaped, so
	// that it is not copied as it grows.
	n := 2
	for _, d := range docs {
		n += len(`{"u":"","t":"","k":"","x":""},`) + len(base) + len(d.URL) + len(d.Title) + len(d.Kind) + len(d.Snippet)
	}
	return appendRecords(make([]byte, 0, n), docs, base)
}

// Build makes the index of docs, in the order given, analyzed by a, with
// the synonyms groups, in the folder of the site folder (Dir, or
// "es/search" for the pages of a language other than the default one),
// and hands each of its files to emit, by name: the files of
// Layout{len(docs), folder}.Files(), one at a time (never two calls at
// once), as they are made on all cores, so that the whole index is never
// in memory at once. It returns the first error of emit.
//
// meta.json holds what a query needs first: the number of records and of
// files of each kind, the stopwords and the synonyms. The stems are
// numbered in alphabetical order. Each word file w/N.json maps the words
// whose first two letters hash to N to their stem's number; each postings
// file p/M.json maps the numbers of the stems whose number is M modulo
// the number of postings files to their postings: record numbers, each
// after the gap from the one before, with a score (×100) that weighs the
// fields the word is in against the record's length (BM25F: k1 1.2, b
// 0.5), plus 2 when the word is in the title or another name. The script
// adds the rarity of the stem (its inverse document frequency) at query
// time. Each r/N.json holds Layout.PerFile records: address, title, kind
// and the start of the text, for the results and their snippets, their
// addresses under the site's base path base ("/" or "/clinic/"). When the word and
// postings files together are small (under allBytes), meta.json says so
// and the script fetches them all at once, so that not even the file a
// word falls in reaches the server.
func Build(a *Analyzer, folder string, docs []Doc, synonyms [][]string, base string, emit func(name string, data []byte) error) error {
	return BuildRest(a, folder, docs, synonyms, base, nil, emit)
}

// BuildRest is Build for a caller that wrote some of the files of records
// itself (Records, Layout.RecordsFile) as their records were made, so as
// to let go of their snippets: written reports which. Those are not made
// again, and the snippets of their records are not read.
func BuildRest(a *Analyzer, folder string, docs []Doc, synonyms [][]string, base string, written func(name string) bool, emit func(name string, data []byte) error) error {
	layout := Layout{Records: len(docs), Folder: folder}
	dir := layout.dir()
	words, stemOf, nstems := a.vocabulary()

	total := 0.0
	for i := range docs {
		total += float64(docs[i].Length)
	}
	avg := math.Max(total/math.Max(float64(len(docs)), 1), 1)
	const k1, b = 1.2, 0.5
	norm := func(i int) float64 { return k1 * (1 - b + b*float64(docs[i].Length)/avg) }
	score := func(t Term, norm float64) uint64 {
		f := float64(t.Freq)
		s := f * (k1 + 1) / (f + norm)
		if t.Named {
			s += nameBonus
		}
		return uint64(math.Round(s * 100))
	}
	postings := postingsOf(docs, nstems, norm, score)

	// The stems any doc has, numbered in alphabetical order.
	stems := a.stemsOf(postings.has)
	number := make(map[uint32]int, len(stems))
	for i, st := range stems {
		number[st] = i
	}

	// Files are made on all cores (a large site's index has thousands)
	// and handed to emit one at a time.
	var mu sync.Mutex
	made, size := 0, 0
	var failed error // the first error of emit, which stops the rest
	out := func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if failed != nil {
			return failed
		}
		made++
		size += len(data)
		failed = emit(name, data)
		return failed
	}
	// The word files. A word whose stem no doc has any more (a word of an
	// old version of a page, in lumen serve) is left out.
	files := make([][]byte, layout.WordFiles())
	for _, w := range words {
		n, ok := number[stemOf[w]]
		if !ok {
			continue
		}
		f := &files[shardOf(w, len(files))]
		if len(*f) > 0 {
			*f = append(*f, ',')
		}
		*f = strconv.AppendQuote(*f, w) // a–z and 0–9 only
		*f = append(*f, ':')
		*f = strconv.AppendInt(*f, int64(n), 10)
	}
	for i, f := range files {
		if err := out(dir+"/w/"+strconv.Itoa(i)+".json", append(append([]byte{'{'}, f...), '}')); err != nil {
			return err
		}
	}
	// The postings files: file i has the stems numbered i, i+n, i+2n, …
	// for n files.
	postingFiles := layout.PostingFiles()
	err := onCores(postingFiles, func(i int) error {
		// The file's size is known within a few bytes: it is made in
		// one allocation, not grown (a large site's postings are tens
		// of megabytes).
		size := 2
		for n := i; n < len(stems); n += postingFiles {
			size += 24 + postings.size(stems[n])
		}
		f := append(make([]byte, 0, size), '{')
		for n := i; n < len(stems); n += postingFiles {
			st := stems[n]
			if n > i {
				f = append(f, ',')
			}
			f = append(f, '"')
			f = strconv.AppendInt(f, int64(n), 10)
			f = append(f, `":[`...)
			f = postings.appendTo(f, st)
			f = append(f, ']')
		}
		return out(dir+"/p/"+strconv.Itoa(i)+".json", append(f, '}'))
	})
	if err != nil {
		return err
	}
	indexBytes := size

	var stopList []string
	for w := range a.stop {
		stopList = append(stopList, w)
	}
	sort.Strings(stopList)
	meta, err := json.Marshal(struct {
		Version      int        `json:"version"`
		Records      int        `json:"records"`
		WordFiles    int        `json:"wordFiles"`
		PostingFiles int        `json:"postingFiles"`
		PerFile      int        `json:"perFile"`
		All          bool       `json:"all"`
		Stop         []string   `json:"stop"`
		Synonyms     [][]string `json:"synonyms"`
	}{2, len(docs), layout.WordFiles(), layout.PostingFiles(), layout.PerFile(), indexBytes < allBytes, stopList, synonyms})
	if err != nil {
		return err
	}
	if err := out(dir+"/meta.json", meta); err != nil {
		return err
	}
	per := layout.PerFile()
	err = onCores((len(docs)+per-1)/per, func(i int) error {
		name := layout.RecordsFile(i)
		if written != nil && written(name) {
			mu.Lock()
			made++
			mu.Unlock()
			return nil
		}
		return out(name, Records(docs[i*per:min((i+1)*per, len(docs))], base))
	})
	if err != nil {
		return err
	}
	if made != len(layout.Files()) {
		return fmt.Errorf("search: made %d files, the layout names %d", made, len(layout.Files()))
	}
	return nil
}

// appendRecords appends to dst what the script shows of docs, as JSON,
// each address after base: the bytes encoding/json writes of a list of
// objects with the fields u, t, k and x (the address, title, kind and
// snippet), without its reflection, which was most of the cost of these
// files.
func appendRecords(dst []byte, docs []Doc, base string) []byte {
	dst = append(dst, '[')
	for k, d := range docs {
		if k > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"u":`...)
		dst = appendJSONString(dst, base+d.URL)
		dst = append(dst, `,"t":`...)
		dst = appendJSONString(dst, d.Title)
		dst = append(dst, `,"k":`...)
		dst = appendJSONString(dst, d.Kind)
		dst = append(dst, `,"x":`...)
		dst = appendJSONString(dst, d.Snippet)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// appendJSONString appends s to dst as encoding/json writes a string: as
// it is, in quotes, when nothing in it is escaped (no quote, backslash,
// control character, <, > or &, invalid UTF-8, U+2028 or U+2029), else as
// json.Marshal writes it. It looks at ASCII eight bytes at a time
// (jsonPlain8): a record's snippet is hundreds of bytes, nearly always
// plain.
func appendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && jsonPlain8(ascii8.Load(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if !jsonPlain[c] {
				return appendMarshaled(dst, s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return appendMarshaled(dst, s)
		}
		i += n
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// jsonPlain8 reports whether each of eight bytes x (little-endian) is
// ASCII that encoding/json writes as it is (jsonPlain): none has its high
// bit, none is under 0x20, and none is a quote, &, <, > or a backslash.
// Each of the four tests turns the bytes it looks for into zero bytes (the
// quote and &, and < and >, differ in one bit, which it sets first), which
// the classic test for a zero byte, (y-1) &^ y, marks with their high
// bit: it marks a byte wrongly only above one it marks rightly, so the
// answer is exact (TestJSONPlain8).
func jsonPlain8(x uint64) bool {
	const ones = ascii8.Ones
	ctl := x &^ (0x1f * ones)
	quoteAmp := (x | 0x04*ones) ^ '&'*ones
	angle := (x | 0x02*ones) ^ '>'*ones
	slash := x ^ '\\'*ones
	return (x|(ctl-ones)&^ctl|(quoteAmp-ones)&^quoteAmp|(angle-ones)&^angle|(slash-ones)&^slash)&ascii8.High == 0
}

// appendMarshaled appends s to dst as json.Marshal writes it.
func appendMarshaled(dst []byte, s string) []byte {
	b, _ := json.Marshal(s) // a string always marshals
	return append(dst, b...)
}

// jsonPlain says of each ASCII byte whether encoding/json writes it as it
// is in a string.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"\<>&`, rune(c))
	}
	return t
}()

// onCores calls do for i from 0 to n-1 on all cores: worker w of
// GOMAXPROCS takes i = w, w+GOMAXPROCS, … in turn. It returns the first
// error, after which each worker stops.
func onCores(n int, do func(i int) error) error {
	workers := runtime.GOMAXPROCS(0)
	var g errgroup.Group
	for worker := range workers {
		g.Go(func() error {
			for i := worker; i < n; i += workers {
				if err := do(i); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}

// appendDecimal appends v in decimal to dst, as strconv.AppendUint does;
// the postings files are millions of numbers, nearly all under 10,000,
// whose text it copies from a table rather than works out: four bytes
// stored at once, and the slice cut back to the number's length.
func appendDecimal(dst []byte, v uint64) []byte {
	if v < uint64(len(decimals)) {
		return appendDigits(dst, decimals[v])
	}
	return strconv.AppendUint(dst, v, 10)
}

// appendDigits appends the text d of a number under 10,000, as decimals
// holds it: its four bytes stored at once, the slice then cut back to
// the number's length.
func appendDigits(dst []byte, d uint64) []byte {
	n := len(dst) + int(d>>32)
	return binary.LittleEndian.AppendUint32(dst, uint32(d))[:n]
}

// decimals is the decimal text of each number under 10,000: its bytes,
// little-endian, in the low 32 bits, and its length above them.
var decimals = func() (t [10000]uint64) {
	for i := range t {
		var b [4]byte
		n := copy(b[:], strconv.Itoa(i))
		t[i] = uint64(binary.LittleEndian.Uint32(b[:])) | uint64(n)<<32
	}
	return t
}()
