package generator

import (
	"encoding/binary"
	"errors"
	"html/template"
	"unsafe"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
)

// A cachedPage is kept in the build cache in two blobs of its own,
// written by encodePage and read by decodePage rather than by
// encoding/gob: its head, in the cache file, and its body, in the log
// beside it (buildcache.Log). The body (the page's findings, ids, links
// and search records, kilobytes a page) is written once, when the page
// is made, and a build that carries the page over writes only the head
// again, with the body's place in the log: a build that changes one page
// writes one page's worth of bodies, not the whole site's. A build decodes
// a head to decide whether to carry a page over, and its body only when
// it does, in the worker that makes the page; decoding copies no string
// (they are slices of the blob), where gob allocates each. Each blob is:
//
//	Key, Own, Sum, Reads      32 bytes each (the head only)
//	len(nums) nums            varints: the numbers, and the length of each string and byte string
//	len(strs) strs            the strings, one after the other
//	bin                       the byte strings, one after the other
//
// The head's numbers are the page's Deps. The fields are written in the
// order encodePage lists them; the test TestPageCodecFields fails when
// one of the types it writes gains a field the codec does not know.

// errBlob is the error of a blob that is not one encodePage wrote.
var errBlob = errors.New("a page record of the build cache is damaged")

// blobWriter gathers a blob's numbers, strings and byte strings.
type blobWriter struct {
	nums, strs, bin []byte
}

func (w *blobWriter) uint(n uint64) { w.nums = binary.AppendUvarint(w.nums, n) }

func (w *blobWriter) int(n int) { w.nums = binary.AppendVarint(w.nums, int64(n)) }

func (w *blobWriter) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

func (w *blobWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.strs = append(w.strs, s...)
}

func (w *blobWriter) bytes(b []byte) {
	w.uint(uint64(len(b)))
	w.bin = append(w.bin, b...)
}

// encodePage returns rec as a head and a body; its Ino, Size and ModTime
// are not part of them (the cache keeps them beside the head, see
// buildCache.put).
func encodePage(rec *cachedPage) (head, body []byte) {
	return encodePageHead(rec), encodePageBody(rec)
}

// encodePageHead returns the head of rec: its keys and its Deps.
func encodePageHead(rec *cachedPage) []byte {
	var w blobWriter
	w.deps(rec.Deps) // blobDeps reads them
	return w.blob(rec.Key[:], rec.Own[:], rec.Sum[:], rec.Reads[:])
}

// encodePageBody returns the body of rec: all but its keys and Deps.
func encodePageBody(rec *cachedPage) []byte {
	var w blobWriter
	w.findings(rec.Findings)
	w.int(rec.Dropped)
	w.str(rec.IDs)
	w.links(rec.Fragments)
	w.targets(rec.Targets)
	w.bool(rec.Content)
	w.uint(uint64(len(rec.Docs)))
	for _, d := range rec.Docs {
		w.str(d.URL)
		w.str(d.Title)
		w.str(d.Kind)
		w.str(d.Snippet)
		w.int(d.Length)
		w.bytes(d.Words)
		w.bytes(d.Terms)
	}
	return w.blob()
}

// blob returns the head's parts, then the numbers, strings and byte
// strings written, as one blob.
func (w *blobWriter) blob(head ...[]byte) []byte {
	n := 0
	for _, h := range head {
		n += len(h)
	}
	blob := make([]byte, 0, n+2*binary.MaxVarintLen64+len(w.nums)+len(w.strs)+len(w.bin))
	for _, h := range head {
		blob = append(blob, h...)
	}
	blob = binary.AppendUvarint(blob, uint64(len(w.nums)))
	blob = append(blob, w.nums...)
	blob = binary.AppendUvarint(blob, uint64(len(w.strs)))
	blob = append(blob, w.strs...)
	return append(blob, w.bin...)
}

// findings writes a list of findings.
func (w *blobWriter) findings(list diag.List) {
	w.uint(uint64(len(list)))
	for _, f := range list {
		w.str(f.File)
		w.int(f.Line)
		w.int(f.Col)
		w.str(f.Rule)
		w.str(string(f.Severity))
		w.str(f.Msg)
		w.str(f.Hint)
	}
}

// links writes a list of links.
func (w *blobWriter) links(list []markdown.Link) {
	w.uint(uint64(len(list)))
	for _, l := range list {
		w.str(l.Dest)
		w.str(l.URL)
		w.int(l.Line)
		w.str(l.Text)
		w.bool(l.Image)
		w.bool(l.External)
	}
}

// targets writes the Dest and URL of each of a list of links.
func (w *blobWriter) targets(list []markdown.Link) {
	w.uint(uint64(len(list)))
	for _, l := range list {
		w.str(l.Dest)
		w.str(l.URL)
	}
}

// blobHead is the length of a head's Key, Own, Sum and Reads.
const blobHead = 128

// blobKeys returns the Key, Own and Sum of the page of a head, blob, or
// false when blob is too short to be one.
func blobKeys(blob []byte) (key, own, sum [32]byte, ok bool) {
	if len(blob) < blobHead {
		return key, own, sum, false
	}
	return [32]byte(blob[:32]), [32]byte(blob[32:64]), [32]byte(blob[64:96]), true
}

// setBlobKeys sets the Key and Reads of the page of a head, blob, which
// is at least blobHead long.
func setBlobKeys(blob []byte, key, reads [32]byte) {
	copy(blob, key[:])
	copy(blob[96:blobHead], reads[:])
}

// blobReads returns the Reads of the page of a head, blob, or the zero
// key when blob is too short to be one.
func blobReads(blob []byte) (reads [32]byte) {
	if len(blob) >= blobHead {
		reads = [32]byte(blob[96:128])
	}
	return reads
}

// blobReader reads what a blobWriter wrote. After the first error every
// read returns a zero value, and err says what went wrong.
type blobReader struct {
	nums []byte
	strs string
	bin  []byte
	err  error
}

func (r *blobReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	n, k := binary.Uvarint(r.nums)
	if k <= 0 {
		r.err = errBlob
		return 0
	}
	r.nums = r.nums[k:]
	return n
}

func (r *blobReader) int() int {
	if r.err != nil {
		return 0
	}
	n, k := binary.Varint(r.nums)
	if k <= 0 {
		r.err = errBlob
		return 0
	}
	r.nums = r.nums[k:]
	return int(n)
}

func (r *blobReader) bool() bool { return r.uint() == 1 }

// count reads the length of a list, refused when the numbers left could
// not hold that many items (each takes at least one byte), so that a
// damaged blob never makes a huge list.
func (r *blobReader) count() int {
	n := r.uint()
	if n > uint64(len(r.nums)) {
		r.err = errBlob
		return 0
	}
	return int(n)
}

func (r *blobReader) str() string {
	n := r.uint()
	if n > uint64(len(r.strs)) {
		r.err = errBlob
		return ""
	}
	s := r.strs[:n]
	r.strs = r.strs[n:]
	return s
}

func (r *blobReader) bytes() []byte {
	n := r.uint()
	if n > uint64(len(r.bin)) {
		r.err = errBlob
		return nil
	}
	b := r.bin[:n:n]
	r.bin = r.bin[n:]
	return b
}

// decodePage returns the cachedPage of a head and a body encodePage
// wrote. Its strings, and its search records' Words and Terms, are
// slices of body, which must not change as long as they are used.
func decodePage(head, body []byte) (*cachedPage, error) {
	return decodePageIn(head, body, nil)
}

// pageSpace is what decodePageIn decodes the lists of a cachedPage into
// (its findings, links, link targets and search records), used again for
// page after page: a build that carries 10,000 pages over decodes tens of
// megabytes of them and keeps nearly none.
type pageSpace struct {
	errs           []diag.Error
	findings       diag.List
	links, targets []markdown.Link
	docs           []search.Saved
}

// decodePageIn is decodePage into space, when not nil: then the lists of
// the cachedPage, and its findings, are space's, until the next call.
func decodePageIn(head, body []byte, space *pageSpace) (*cachedPage, error) {
	key, own, sum, ok := blobKeys(head)
	if !ok {
		return nil, errBlob
	}
	deps, ok := blobDeps(head)
	if !ok {
		return nil, errBlob
	}
	rec := &cachedPage{Key: key, Own: own, Sum: sum, Reads: blobReads(head), Deps: deps}
	r, err := newBlobReader(body)
	if err != nil {
		return nil, err
	}
	if space == nil {
		space = &pageSpace{}
	}
	rec.Findings = r.findingsIn(&space.errs, &space.findings)
	rec.Dropped = r.int()
	rec.IDs = r.str()
	rec.Fragments = r.linksIn(&space.links)
	rec.Targets = r.targetsIn(&space.targets)
	rec.Content = r.bool()
	rec.Docs = readListIn(r, &space.docs, func(d *search.Saved) {
		d.URL = r.str()
		d.Title = r.str()
		d.Kind = r.str()
		d.Snippet = r.str()
		d.Length = r.int()
		d.Words = r.bytes()
		d.Terms = r.bytes()
	})
	if err := r.end(); err != nil {
		return nil, err
	}
	return rec, nil
}

// newBlobReader returns the reader of what a blobWriter wrote, after its
// head. The strings it reads are the bytes of blob, not a copy: a build
// decodes the tens of megabytes of findings a large site's cache holds,
// and a blob, read once from the cache file, is never changed.
func newBlobReader(blob []byte) (*blobReader, error) {
	section := func() []byte {
		n, k := binary.Uvarint(blob)
		if k <= 0 || n > uint64(len(blob)-k) {
			return nil
		}
		b := blob[k : k+int(n)]
		blob = blob[k+int(n):]
		return b
	}
	nums := section()
	strs := section()
	if nums == nil || strs == nil {
		return nil, errBlob
	}
	r := &blobReader{nums: nums, bin: blob}
	if len(strs) > 0 {
		r.strs = unsafe.String(&strs[0], len(strs))
	}
	return r, nil
}

// end returns the first error of r, or errBlob when r has not read all
// there was: a blob of something else.
func (r *blobReader) end() error {
	if r.err == nil && (len(r.nums) != 0 || len(r.strs) != 0 || len(r.bin) != 0) {
		r.err = errBlob
	}
	return r.err
}

// findings reads what blobWriter.findings wrote.
func (r *blobReader) findings() diag.List {
	var all []diag.Error
	var list diag.List
	return r.findingsIn(&all, &list)
}

// findingsIn is findings into *all and *list, made larger when they are
// too small.
func (r *blobReader) findingsIn(all *[]diag.Error, list *diag.List) diag.List {
	n := r.count()
	if n == 0 {
		return nil
	}
	errs, out := grown(all, n), diag.List(grown((*[]*diag.Error)(list), n))
	for i := range errs {
		// In the order blobWriter.findings wrote them.
		errs[i] = diag.Error{File: r.str(), Line: r.int(), Col: r.int(), Rule: r.str(),
			Severity: diag.Severity(r.str()), Msg: r.str(), Hint: r.str()}
		out[i] = &errs[i]
	}
	return out
}

// links reads what blobWriter.links wrote.
func (r *blobReader) links() []markdown.Link {
	var list []markdown.Link
	return r.linksIn(&list)
}

// linksIn is links into *list, made larger when it is too small.
func (r *blobReader) linksIn(list *[]markdown.Link) []markdown.Link {
	return readListIn(r, list, func(l *markdown.Link) {
		l.Dest = r.str()
		l.URL = r.str()
		l.Line = r.int()
		l.Text = r.str()
		l.Image = r.bool()
		l.External = r.bool()
	})
}

// targetsIn reads what blobWriter.targets wrote into *list, made larger
// when it is too small.
func (r *blobReader) targetsIn(list *[]markdown.Link) []markdown.Link {
	return readListIn(r, list, func(l *markdown.Link) {
		l.Dest = r.str()
		l.URL = r.str()
	})
}

// readList reads a list written as its length and its items, each read
// by read; an empty list is nil.
func readList[T any](r *blobReader, read func(*T)) []T {
	var list []T
	return readListIn(r, &list, read)
}

// readListIn is readList into *list, made larger when it is too small:
// each item is set to its zero value before it is read.
func readListIn[T any](r *blobReader, list *[]T, read func(*T)) []T {
	n := r.count()
	if n == 0 {
		return nil
	}
	items := grown(list, n)
	var zero T
	for i := range items {
		items[i] = zero
		read(&items[i])
	}
	return items
}

// grown returns the first n items of *list, which it makes larger first
// when it holds fewer.
func grown[T any](list *[]T, n int) []T {
	if cap(*list) < n {
		*list = make([]T, n)
	}
	return (*list)[:n]
}

// encodeBody returns a page's converted Markdown as a blob, for the log
// of the build cache (see buildCache.body).
func encodeBody(b *site.Body) []byte {
	var w blobWriter
	w.str(string(b.HTML))
	w.uint(uint64(len(b.TOC)))
	for _, h := range b.TOC {
		w.int(h.Level)
		w.str(h.ID)
		w.str(h.Text)
	}
	w.uint(uint64(len(b.Answers)))
	for _, a := range b.Answers {
		w.str(string(a))
	}
	w.uint(uint64(len(b.Prose)))
	for _, p := range b.Prose {
		w.str(p.Text)
		w.int(p.Line)
		w.bool(p.Heading)
		w.bool(p.ListItem)
	}
	w.uint(uint64(len(b.AnswerProse)))
	for _, i := range b.AnswerProse {
		w.int(i)
	}
	w.links(b.Links)
	w.uint(uint64(len(b.Defined)))
	for _, d := range b.Defined {
		w.str(d)
	}
	w.findings(b.Errs)
	return w.blob()
}

// decodeBody returns the Body of a blob encodeBody wrote. Its strings are
// slices of blob, which must not change as long as they are used.
func decodeBody(blob []byte) (*site.Body, error) {
	r, err := newBlobReader(blob)
	if err != nil {
		return nil, err
	}
	b := &site.Body{HTML: template.HTML(r.str())}
	b.TOC = readList(r, func(h *markdown.Heading) {
		h.Level = r.int()
		h.ID = r.str()
		h.Text = r.str()
	})
	b.Answers = readList(r, func(a *template.HTML) { *a = template.HTML(r.str()) })
	b.Prose = readList(r, func(p *markdown.Prose) {
		p.Text = r.str()
		p.Line = r.int()
		p.Heading = r.bool()
		p.ListItem = r.bool()
	})
	b.AnswerProse = readList(r, func(i *int) { *i = r.int() })
	b.Links = r.links()
	b.Defined = readList(r, func(d *string) { *d = r.str() })
	b.Errs = r.findings()
	if err := r.end(); err != nil {
		return nil, err
	}
	return b, nil
}
