package search

import (
	"encoding/json"
	"fmt"
	"math"
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

// Build makes the index of records, in the order given, with the synonyms
// groups: the files of Layout{len(records)}.Files(), by name.
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
func Build(records []Record, synonyms [][]string, base string) (map[string][]byte, error) {
	stop := stopwords()
	layout := Layout{Records: len(records)}
	shards := layout.Shards()

	type posting struct{ rec, score int }
	type stemInfo struct {
		postings []posting
	}
	stems := map[string]*stemInfo{}
	surface := map[string]string{} // word → stem
	lengths := make([]float64, len(records))
	freqs := make([]map[string]float64, len(records))
	named := make([]map[string]bool, len(records)) // the stems of each record's title and names
	total := 0.0
	for i, r := range records {
		tf := map[string]float64{}
		names := map[string]bool{}
		for _, f := range []struct {
			texts  []string
			weight float64
		}{{append([]string{r.Title}, r.Names...), 0}, {r.Lead, weightLead}, {r.Headings, weightHeadings}, {r.Body, weightBody}} {
			for _, t := range f.texts {
				for _, w := range Words(t, stop) {
					st, ok := surface[w]
					if !ok {
						st = Stem(w)
						surface[w] = st
					}
					if f.weight == 0 {
						names[st] = true
						tf[st] += 0 // the stem is in the record
						continue
					}
					tf[st] += f.weight
					lengths[i] += f.weight
				}
			}
		}
		freqs[i], named[i] = tf, names
		total += lengths[i]
	}
	avg := total / math.Max(float64(len(records)), 1)
	const k1, b = 1.2, 0.5
	for i, tf := range freqs {
		norm := k1 * (1 - b + b*lengths[i]/math.Max(avg, 1))
		for st, f := range tf {
			s := stems[st]
			if s == nil {
				s = &stemInfo{}
				stems[st] = s
			}
			score := f * (k1 + 1) / (f + norm)
			if named[i][st] {
				score += nameBonus
			}
			s.postings = append(s.postings, posting{i, int(math.Round(score * 100))})
		}
	}

	// The shards: each word with its stem's postings, a stem's postings
	// once per shard.
	type shard struct {
		Words    map[string]int `json:"w"`
		Postings [][]int        `json:"p"`
	}
	out := make([]shard, shards)
	slot := make([]map[string]int, shards) // stem → its place in the shard's postings
	for i := range out {
		out[i].Words = map[string]int{}
		slot[i] = map[string]int{}
	}
	words := make([]string, 0, len(surface))
	for w := range surface {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		st := surface[w]
		n := shardOf(w, shards)
		j, ok := slot[n][st]
		if !ok {
			j = len(out[n].Postings)
			slot[n][st] = j
			var flat []int
			prev := 0
			for _, p := range stems[st].postings { // in record order
				flat = append(flat, p.rec-prev, p.score)
				prev = p.rec
			}
			out[n].Postings = append(out[n].Postings, flat)
		}
		out[n].Words[w] = j
	}

	files := map[string][]byte{}
	shardBytes := 0
	for i, sh := range out {
		data, err := json.Marshal(sh)
		if err != nil {
			return nil, err
		}
		files[Dir+"/w/"+strconv.Itoa(i)+".json"] = data
		shardBytes += len(data)
	}
	var stopList []string
	for w := range stop {
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
	}{1, len(records), shards, recordsPerFile, shardBytes < allBytes, stopList, synonyms})
	if err != nil {
		return nil, err
	}
	files[Dir+"/meta.json"] = meta
	type shown struct {
		URL   string `json:"u"`
		Title string `json:"t"`
		Kind  string `json:"k"`
		Text  string `json:"x"`
	}
	for start := 0; start < len(records); start += recordsPerFile {
		var page []shown
		for _, r := range records[start:min(start+recordsPerFile, len(records))] {
			page = append(page, shown{strings.TrimSuffix(base, "/") + r.URL, r.Title, r.Kind, clip(strings.Join(strings.Fields(r.Text), " "), snippetBytes)})
		}
		data, err := json.Marshal(page)
		if err != nil {
			return nil, err
		}
		files[Dir+"/r/"+strconv.Itoa(start/recordsPerFile)+".json"] = data
	}
	if len(files) != len(layout.Files()) {
		return nil, fmt.Errorf("search: made %d files, the layout names %d", len(files), len(layout.Files()))
	}
	return files, nil
}
