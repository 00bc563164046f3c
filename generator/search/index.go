package search

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
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

// recordsPerFile is how many records one file of records holds: a
// results page of ten fetches one to a few small files.
const recordsPerFile = 16

// allBytes is the size under which the script fetches every shard.
const allBytes = 200 << 10

// snippetBytes is how much of a record's text is kept for its snippet.
const snippetBytes = 1500

// Layout is the names of the files of an index of a number of records:
// known before any page is made.
type Layout struct {
	Records int
}

// Shards returns how many shards the words are split in: about one per
// eight records, at least one and at most 1,024.
func (l Layout) Shards() int {
	return min(max((l.Records+7)/8, 1), 1024)
}

// Files returns the names of the index's files, relative to the site.
func (l Layout) Files() []string {
	names := []string{Dir + "/meta.json"}
	for i := range l.Shards() {
		names = append(names, Dir+"/w/"+strconv.Itoa(i)+".json")
	}
	for i := 0; i < l.Records; i += recordsPerFile {
		names = append(names, Dir+"/r/"+strconv.Itoa(i/recordsPerFile)+".json")
	}
	return names
}

// Build makes the index of docs, in the order given, analyzed by a, with
// the synonyms groups, and hands each of its files to emit, by name: the
// files of Layout{len(docs)}.Files(), one at a time, so that the whole
// index is never in memory at once. It returns the first error of emit.
//
// meta.json holds what a query needs first: the number of records and
// shards, the stopwords and the synonyms. Each shard w/N.json maps the
// words whose first two letters hash to N to their stem, and each stem to
// its postings: record numbers, each after the gap from the one before,
// with a score (×100) that weighs the fields the word is in against the
// record's length (BM25F: k1 1.2, b 0.5), plus 2 when the word is in the
// title or another name. The script adds the rarity of
// the stem (its inverse document frequency) at query time. Each r/N.json
// holds 16 records: address, title, kind and the start of the text, for
// the results and their snippets, their addresses under the site's base
// path base ("/" or "/clinic/"). When all the shards together are small
// (under allBytes), meta.json says so and the script fetches them all at
// once, so that not even the shard a word falls in reaches the server.
func Build(a *Analyzer, docs []Doc, synonyms [][]string, base string, emit func(name string, data []byte) error) error {
	layout := Layout{Records: len(docs)}
	shards := layout.Shards()
	words, stemOf, nstems := a.vocabulary()

	// The postings of each stem, in record order, as the shards hold
	// them: the gap from the record before, then the score. They are
	// laid end to end in one slice, postings[start[st]:start[st+1]].
	start := make([]int, nstems+1)
	total := 0.0
	for _, d := range docs {
		total += float64(d.Length)
		for _, t := range d.Terms {
			start[t.Stem+1] += 2
		}
	}
	for st := range nstems {
		start[st+1] += start[st]
	}
	postings := make([]int32, start[nstems])
	next := slices.Clone(start[:nstems])
	last := make([]int32, nstems)
	avg := math.Max(total/math.Max(float64(len(docs)), 1), 1)
	const k1, b = 1.2, 0.5
	for i, d := range docs {
		norm := k1 * (1 - b + b*float64(d.Length)/avg)
		for _, t := range d.Terms {
			f := float64(t.Freq)
			score := f * (k1 + 1) / (f + norm)
			if t.Named {
				score += nameBonus
			}
			at := next[t.Stem]
			postings[at], postings[at+1] = int32(i)-last[t.Stem], int32(math.Round(score*100))
			next[t.Stem] += 2
			last[t.Stem] = int32(i)
		}
	}
	postingsOf := func(st uint32) []int32 { return postings[start[st]:start[st+1]] }

	// The shards: each word with its stem's postings, a stem's postings
	// once per shard. A word whose stem no doc has any more (a word of an
	// old version of a page, in lumen serve) is left out.
	type shard struct {
		words    []byte         // "word":slot, …
		postings [][]int32      // by slot
		slot     map[uint32]int // stem → slot
	}
	out := make([]shard, shards)
	for _, w := range words {
		st := stemOf[w]
		if len(postingsOf(st)) == 0 {
			continue
		}
		sh := &out[shardOf(w, shards)]
		if sh.slot == nil {
			sh.slot = map[uint32]int{}
		}
		j, ok := sh.slot[st]
		if !ok {
			j = len(sh.postings)
			sh.slot[st] = j
			sh.postings = append(sh.postings, postingsOf(st))
		}
		if len(sh.words) > 0 {
			sh.words = append(sh.words, ',')
		}
		sh.words = strconv.AppendQuote(sh.words, w) // a–z and 0–9 only
		sh.words = append(sh.words, ':')
		sh.words = strconv.AppendInt(sh.words, int64(j), 10)
	}

	// The shards go first: meta.json says whether they are small enough
	// to fetch all at once.
	made, shardBytes := 0, 0
	for i, sh := range out {
		data := append(make([]byte, 0, len(sh.words)+16), `{"w":{`...)
		data = append(data, sh.words...)
		data = append(data, `},"p":[`...)
		for j, p := range sh.postings {
			if j > 0 {
				data = append(data, ',')
			}
			data = append(data, '[')
			for k, n := range p {
				if k > 0 {
					data = append(data, ',')
				}
				data = strconv.AppendInt(data, int64(n), 10)
			}
			data = append(data, ']')
		}
		data = append(data, "]}"...)
		if err := emit(Dir+"/w/"+strconv.Itoa(i)+".json", data); err != nil {
			return err
		}
		made++
		shardBytes += len(data)
	}
	var stopList []string
	for w := range a.stop {
		stopList = append(stopList, w)
	}
	sort.Strings(stopList)
	meta, err := json.Marshal(struct {
		Version  int        `json:"version"`
		Records  int        `json:"records"`
		Shards   int        `json:"shards"`
		PerFile  int        `json:"perFile"`
		All      bool       `json:"all"`
		Stop     []string   `json:"stop"`
		Synonyms [][]string `json:"synonyms"`
	}{1, len(docs), shards, recordsPerFile, shardBytes < allBytes, stopList, synonyms})
	if err != nil {
		return err
	}
	if err := emit(Dir+"/meta.json", meta); err != nil {
		return err
	}
	made++
	type shown struct {
		URL   string `json:"u"`
		Title string `json:"t"`
		Kind  string `json:"k"`
		Text  string `json:"x"`
	}
	for start := 0; start < len(docs); start += recordsPerFile {
		var page []shown
		for _, d := range docs[start:min(start+recordsPerFile, len(docs))] {
			page = append(page, shown{strings.TrimSuffix(base, "/") + d.URL, d.Title, d.Kind, d.Snippet})
		}
		data, err := json.Marshal(page)
		if err != nil {
			return err
		}
		if err := emit(Dir+"/r/"+strconv.Itoa(start/recordsPerFile)+".json", data); err != nil {
			return err
		}
		made++
	}
	if made != len(layout.Files()) {
		return fmt.Errorf("search: made %d files, the layout names %d", made, len(layout.Files()))
	}
	return nil
}
