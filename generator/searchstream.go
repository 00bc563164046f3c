package generator

import (
	"sync"

	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
)

// A recordStream writes the files of records of a search index while a
// Pass makes the pages, each as soon as the pages of its records are made,
// and then lets go of those records' snippets: they are what a result
// shows, read by nothing else, and a large site's index would otherwise
// hold every page's until the last page is made (12.5 MB of 88 MB live at
// 10,000 pages). The rest of the index (its words and postings, whose
// scores weigh every record's length) is made after the pages, by
// search.BuildRest, which leaves out the files written here. The file a
// record is in is known before any page is made (search.Layout), so the
// files written are the ones search.Build would write, byte for byte.
// Each file is handed over with its key in the build cache, so that one
// whose records the last build wrote as they are is linked rather than
// made again.
type recordStream struct {
	layout search.Layout
	base   string
	// first is the number of each searchable page's first record.
	first map[*site.Page]int
	// keys are the build cache's keys of the files, by number, or nil.
	keys [][32]byte
	// emit hands over the file name, whose key is key and whose bytes
	// data makes when called.
	emit func(name string, key [32]byte, data func() []byte) error

	mu sync.Mutex
	// recs are the records made so far, by number, and missing counts,
	// for each file, its records not made yet.
	recs    []*search.Doc
	missing []int
	written map[string]bool
	// broken is set by a page whose records are not the number its
	// front matter gives: the index has an error, which the Pass
	// reports, and this stream writes nothing more.
	broken bool
}

// newRecordStream returns the stream of the files of records of the
// search index ix, which hands each file to emit with its key in keys
// (indexKeys.records; none when keys is nil), for a site whose base path
// is base.
func newRecordStream(ix *searchIndex, base string, keys [][32]byte, emit func(name string, key [32]byte, data func() []byte) error) *recordStream {
	s := &recordStream{layout: ix.layout, base: base, first: map[*site.Page]int{}, keys: keys, emit: emit, written: map[string]bool{}}
	n := 0
	for _, p := range ix.site.Pages {
		if p.Searchable() {
			s.first[p] = n
			n += search.Count(p)
		}
	}
	per := s.layout.PerFile()
	s.recs = make([]*search.Doc, n)
	s.missing = make([]int, (n+per-1)/per)
	for i := range s.missing {
		s.missing[i] = min(per, n-i*per)
	}
	return s
}

// add takes the records of page p, docs, and hands over each file of
// records that they complete. It keeps pointers to docs, whose snippets
// it clears once their file is handed over: docs must be the slice the
// Pass keeps.
func (s *recordStream) add(p *site.Page, docs []search.Doc) error {
	type file struct {
		name string
		key  [32]byte
		recs []search.Doc
	}
	var done []file
	s.mu.Lock()
	first, ok := s.first[p]
	if ok && len(docs) != search.Count(p) {
		s.broken = true
	}
	if ok && !s.broken {
		per := s.layout.PerFile()
		for j := range docs {
			r := first + j
			s.recs[r] = &docs[j]
			f := r / per
			if s.missing[f]--; s.missing[f] > 0 {
				continue
			}
			recs := make([]search.Doc, 0, per)
			for _, d := range s.recs[f*per : min((f+1)*per, len(s.recs))] {
				recs = append(recs, *d)
			}
			name := s.layout.RecordsFile(f)
			var key [32]byte
			if s.keys != nil {
				key = s.keys[f]
			}
			done = append(done, file{name, key, recs})
			s.written[name] = true
			for _, d := range s.recs[f*per : min((f+1)*per, len(s.recs))] {
				d.Snippet = ""
			}
		}
	}
	s.mu.Unlock()
	for _, f := range done {
		if err := s.emit(f.name, f.key, func() []byte { return search.Records(f.recs, s.base) }); err != nil {
			return err
		}
	}
	return nil
}

// wrote reports whether the stream wrote the file name.
func (s *recordStream) wrote(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.written[name]
}
